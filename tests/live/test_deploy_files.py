"""Every file of deploy/ is sound and used: systemd accepts the units, their commands run as
written, and the settings file names only settings the service reads. (The nginx site and the
app's unit are run for real by test_https.py and test_two_instances.py.)"""

from __future__ import annotations

import re
import shlex
import signal
import subprocess
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from clocks import london_today
from models import Case, ClockDue, OutboxMail, db
from tests.conftest import make_app
from tests.helpers import make_user
from tests.smtp import SmtpServer, queue_one
from tools.live import DEPLOY, INSTALLED_AT, ROOT, service_environment, settings_example, unit

UNITS = sorted(p.name for p in DEPLOY.iterdir() if p.suffix in (".service", ".timer"))


def test_systemd_accepts_every_unit(tmp_path: Path) -> None:
    for name in UNITS:
        text = (DEPLOY / name).read_text().replace(INSTALLED_AT, str(ROOT))
        (tmp_path / name).write_text(text)
    result = subprocess.run(
        ["systemd-analyze", "verify", *UNITS], cwd=tmp_path, capture_output=True, text=True
    )
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_the_timer_starts_the_purge_each_night() -> None:
    timer = unit("cse-forms-purge.timer")
    assert timer["OnCalendar"] == ["*-*-* 03:30:00"] and timer["Persistent"] == ["true"]
    assert (DEPLOY / "cse-forms-purge.service").exists()


def test_the_purge_unit_runs_as_written(tmp_path: Path) -> None:
    purge = unit("cse-forms-purge.service")
    env = service_environment(DATABASE_URL=f"sqlite:///{tmp_path / 'purge.sqlite3'}")
    for assignment in purge["Environment"]:
        env.update([assignment.split("=", 1)])
    flask = shlex.split(purge["ExecStart"][0])
    subprocess.run([flask[0], "--app", "app", "db", "upgrade"], cwd=ROOT, env=env, check=True)
    result = subprocess.run(
        flask, cwd=purge["WorkingDirectory"][0], env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Deleted 0 cases closed more than 9125 days ago")


def test_the_timer_starts_the_reminders_at_seven_london_time() -> None:
    timer = unit("cse-forms-remind.timer")
    assert timer["OnCalendar"] == ["*-*-* 07:00:00 Europe/London"]
    assert timer["Persistent"] == ["true"]
    assert (DEPLOY / "cse-forms-remind.service").exists()


def test_the_remind_unit_runs_as_written(tmp_path: Path) -> None:
    """With the example settings (SERVICE_URL among them), once a day; refused without it."""
    remind = unit("cse-forms-remind.service")
    url = f"sqlite:///{tmp_path / 'remind.sqlite3'}"
    env = service_environment(DATABASE_URL=url)
    for assignment in remind["Environment"]:
        env.update([assignment.split("=", 1)])
    flask = shlex.split(remind["ExecStart"][0])
    subprocess.run([flask[0], "--app", "app", "db", "upgrade"], cwd=ROOT, env=env, check=True)
    app = make_app(url)
    with app.app_context():
        user = make_user("phoenix", email="phoenix.deploy@example.org")
        case = Case(details={"forename": "Deployforename"}, created_by=user.id)
        db.session.add(case)
        db.session.flush()
        due = ClockDue(
            case_id=case.id, clock="phoenix_acknowledgement", team="phoenix", due_on=london_today()
        )
        db.session.add(due)
        db.session.commit()
        db.engine.dispose()

    def run(**settings: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            flask,
            cwd=remind["WorkingDirectory"][0],
            env={**env, **settings},
            capture_output=True,
            text=True,
        )

    refused = run(SERVICE_URL="")
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert refused.stderr.strip().startswith("Error: Set SERVICE_URL"), refused.stderr
    first, second = run(), run()
    assert (first.returncode, first.stdout) == (0, "Reminded 1 person.\n"), first.stderr
    assert (second.returncode, second.stdout) == (0, "Reminded 0 people.\n"), second.stderr
    with app.app_context():
        [mail] = db.session.scalars(select(OutboxMail)).all()
        assert mail.to == ["phoenix.deploy@example.org"]
        assert "Sign in to see which cases: https://cse-forms.example.org/my-work\n" in mail.body
        assert "Deployforename" not in mail.body and case.id not in mail.body
        db.engine.dispose()


def test_the_mail_unit_runs_as_written_and_stops_on_sigterm(tmp_path: Path) -> None:
    service = unit("cse-forms-mail.service")
    relay = SmtpServer()
    relay.start()
    try:
        url = f"sqlite:///{tmp_path / 'mail.sqlite3'}"
        queue_one(url)
        env = service_environment(
            DATABASE_URL=url,
            MAIL_SERVER="127.0.0.1",
            MAIL_PORT=str(relay.port),
            MAIL_USE_STARTTLS="false",
        )
        for assignment in service["Environment"]:
            env.update([assignment.split("=", 1)])
        worker = subprocess.Popen(
            shlex.split(service["ExecStart"][0]),
            cwd=service["WorkingDirectory"][0],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + 60
        while not relay.received and time.monotonic() < deadline and worker.poll() is None:
            time.sleep(0.1)
        worker.send_signal(signal.SIGTERM)
        out, err = worker.communicate(timeout=30)
    finally:
        relay.stop()
    assert service["KillSignal"] == ["SIGTERM"]
    assert worker.returncode == 0, err
    assert out == "Sent 1 mails; 0 to try again later; 0 failed.\n"
    assert relay.subjects() == ["Fictional queued mail"]


@pytest.mark.parametrize(
    "name",
    [
        "cse-forms.service",
        "cse-forms-purge.service",
        "cse-forms-mail.service",
        "cse-forms-remind.service",
    ],
)
def test_units_keep_files_private_and_the_system_read_only(name: str) -> None:
    service = unit(name)
    assert service["UMask"] == ["0077"]
    assert service["ProtectSystem"] == ["strict"] and service["NoNewPrivileges"] == ["yes"]
    assert service["EnvironmentFile"] == ["/etc/cse-forms/env"]


def test_the_settings_file_names_only_settings_the_service_reads() -> None:
    read = "\n".join(
        path.read_text()
        for path in (
            ROOT / "config.py",
            ROOT / "gunicorn.conf.py",
            ROOT / "sending" / "recipients.py",
        )
    )
    for name in settings_example():
        assert re.search(rf"[\"']{name}[\"']", read), f"{name} is read nowhere"
