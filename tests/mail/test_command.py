"""`flask --app app send-mail`, as an operator runs it: production refuses to start without its
SMTP settings, and --once sends what is due and exits."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.smtp import SmtpServer, queue_one
from tools.live import ROOT, service_environment

FLASK = str(Path(sys.executable).parent / "flask")


def _send_mail(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [FLASK, "--app", "app", "send-mail", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"MAIL_SERVER": ""}, "Error: Set MAIL_SERVER"),
        ({"MAIL_FROM": ""}, "Error: Set MAIL_FROM"),
        ({"MAIL_USERNAME": "relay", "MAIL_USE_STARTTLS": "false"}, "Error: MAIL_USERNAME is set"),
        ({"MAIL_USE_STARTTLS": "maybe"}, "Error: MAIL_USE_STARTTLS must be true or false"),
    ],
    ids=["no server", "no sender", "password in clear", "bad flag"],
)
def test_production_refuses_to_send_without_its_settings_in_one_line(
    tmp_path: Path, settings: dict[str, str], message: str
) -> None:
    env = service_environment(DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}", **settings)
    result = _send_mail(env, "--once")
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert len(lines) == 1 and lines[0].startswith(message), result.stderr


def test_once_sends_what_is_due_and_exits(tmp_path: Path, smtp: SmtpServer) -> None:
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    queue_one(url)
    env = service_environment(
        DATABASE_URL=url,
        MAIL_SERVER="127.0.0.1",
        MAIL_PORT=str(smtp.port),
        MAIL_USE_STARTTLS="false",
    )
    result = _send_mail(env, "--once")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Sent 1 mails; 0 to try again later; 0 failed.\n"
    assert smtp.subjects() == ["Fictional queued mail"]
    assert str(smtp.received[0].message["From"]) == "cse-forms@example.org"
    assert "Fictional" not in result.stderr  # it logs ids only
