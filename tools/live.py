"""The service run as it is deployed, on free loopback ports: its database prepared by the
commands an operator uses, and gunicorn started exactly as deploy/cse-forms.service starts it
(tools.nginx puts nginx in front; tools.visitor uses it through HTTP). For the tests that run
it for real and for `make bench-http`.

Only fictional data ever goes through it.
"""

from __future__ import annotations

import os
import secrets
import shlex
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyotp
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
INSTALLED_AT = "/opt/cse-forms"  # where deploy/ expects the code: replaced by this checkout
SERVER_NAME = "cse-forms.test"  # the name nginx serves in tests (mapped to 127.0.0.1)
PASSWORD = "fictional live password 31"
# The accounts' authenticator app (accounts/two_factor.py): a fictional secret, set by `prepare`.
TOTP_SECRET = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU"
# Each started server's address, and its database: where `fresh_code` finds an account.
DATABASES: dict[str, str] = {}
POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"  # this machine's, trust auth


def postgres_answers(server: str = POSTGRES) -> bool:
    try:
        engine = sa.create_engine(server, connect_args={"connect_timeout": 3})
        with engine.connect():
            pass
        engine.dispose()
        return True
    except sa.exc.OperationalError:
        return False


@contextmanager
def postgres_schema(server: str = POSTGRES) -> Iterator[str]:
    """The URL of an empty PostgreSQL schema, dropped afterwards with all it holds."""
    schema = f"t_{secrets.token_hex(6)}"
    admin = sa.create_engine(server)
    with admin.begin() as connection:
        connection.exec_driver_sql(f"CREATE SCHEMA {schema}")
    try:
        yield f"{server}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as connection:
            connection.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for_port(port: int, process: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server stopped at start (exit {process.returncode})")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing answered on port {port} within {seconds} s")


def unit(name: str) -> dict[str, list[str]]:
    """A systemd unit of deploy/ as {key: [values]} (sections merged; the tests need few keys),
    with /opt/cse-forms read as this checkout."""
    found: dict[str, list[str]] = {}
    text = (DEPLOY / name).read_text().replace(INSTALLED_AT, str(ROOT))
    for line in text.splitlines():
        if "=" in line and not line.startswith(("#", "[")):
            key, _, value = line.partition("=")
            found.setdefault(key.strip(), []).append(value.strip())
    return found


def settings_example() -> dict[str, str]:
    """The settings of deploy/cse-forms.env.example."""
    pairs = (
        line.partition("=")
        for line in (DEPLOY / "cse-forms.env.example").read_text().splitlines()
        if line and not line.startswith("#")
    )
    return {key: value for key, _, value in pairs}


def service_environment(**settings: str) -> dict[str, str]:
    """What a process of the service runs with: the example settings and the unit's
    Environment= lines, with a fresh secret and this run's own `settings`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CSE_FORMS", "FLASK_"))}
    env.update(settings_example())
    for assignment in unit("cse-forms.service").get("Environment", []):
        key, _, value = assignment.partition("=")
        env[key] = value
    env.update(SECRET_KEY=secrets.token_hex(32), TRUSTED_HOSTS="")
    env.update(settings)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    return env


def flask(env: Mapping[str, str], *args: str, root: Path = ROOT, **options: Any) -> str:
    """A `flask --app app` command, as an operator runs it (in the checkout `root`); its output."""
    result = subprocess.run(
        [str(Path(sys.executable).parent / "flask"), "--app", "app", *args],
        cwd=root,
        env=dict(env),
        capture_output=True,
        text=True,
        timeout=300,
        **options,
    )
    if result.returncode != 0:
        raise RuntimeError(f"flask {' '.join(args[:1])} failed: {result.stderr[-2000:]}")
    return result.stdout


def prepare(env: Mapping[str, str], accounts: Mapping[str, str], root: Path = ROOT) -> None:
    """Bring the database to the newest schema and make accounts ({email: role}), all with
    PASSWORD and a fictional profile, through the commands an operator uses."""
    flask(env, "db", "upgrade", root=root)
    for email, role in accounts.items():
        name = email.split("@")[0].replace(".", " ").title()
        flask(
            {**env, "NEW_USER_PASSWORD": PASSWORD},
            "create-user",
            email,
            "--role",
            role,
            "--name",
            name,
            "--job-title",
            "Social worker",
            "--organisation",
            "Example Borough Council",
            "--phone",
            "020 8547 5000",
            root=root,
        )
    engine = sa.create_engine(env["DATABASE_URL"])
    with engine.begin() as connection:
        if "totp_secret" in {c["name"] for c in sa.inspect(connection).get_columns("users")}:
            # As if each person had set up their app at their first sign-in (a checkout from
            # before the second factor, served by the benchmark, has no such column).
            connection.execute(sa.text("UPDATE users SET totp_secret = :s"), {"s": TOTP_SECRET})
    engine.dispose()


def fresh_code(database_url: str, email: str) -> str:
    """A code the service accepts now for a prepared account. The step a code was last accepted
    for is forgotten first: the tests and the benchmark sign the same people in many times a
    minute, and a code is otherwise accepted once (tests/accounts/test_two_factor.py)."""
    engine = sa.create_engine(database_url)
    with engine.begin() as connection:
        secret = connection.execute(
            sa.text(
                "UPDATE users SET totp_last_step = NULL WHERE email = :e RETURNING totp_secret"
            ),
            {"e": email},
        ).scalar_one()
    engine.dispose()
    return pyotp.TOTP(secret).now()


class Gunicorn:
    """gunicorn started by deploy/cse-forms.service's ExecStart, in its working directory and
    environment, on a free port.

    With `root`, another checkout of the project (an earlier commit, for the benchmark) is served
    with its own gunicorn.conf.py, or, if it has none, as plain gunicorn with two workers of four
    threads (as this one was first sized).
    """

    def __init__(self, env: Mapping[str, str], log: Path, root: Path = ROOT) -> None:
        self.port = free_port()
        self.env = {**env, "GUNICORN_BIND": f"127.0.0.1:{self.port}"}
        service = unit("cse-forms.service")
        command = shlex.split(service["ExecStart"][0])
        if not (root / "gunicorn.conf.py").exists():
            command = [command[0], "--workers", "2", "--threads", "4"]
            command += ["--bind", self.env["GUNICORN_BIND"], "app:create_app()"]
        self.log = log.open("wb")
        self.process = subprocess.Popen(
            command,
            cwd=root if root != ROOT else service["WorkingDirectory"][0],
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        wait_for_port(self.port, self.process)
        self.url = f"http://127.0.0.1:{self.port}"
        DATABASES[self.url] = self.env["DATABASE_URL"]

    def workers(self) -> list[int]:
        """The process ids of the worker processes."""
        pid = self.process.pid
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        return [int(child) for child in children]

    def stop(self) -> None:
        stop(self.process, signal.SIGTERM, 40)  # gunicorn's graceful stop
        self.log.close()


def stop(process: subprocess.Popen[bytes], sent: signal.Signals, seconds: float) -> None:
    """Ask a server to stop with `sent`; kill it if it has not within `seconds`."""
    process.send_signal(sent)
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def peak_memory_mb(pid: int) -> float:
    """The most resident memory process `pid` has used so far (VmHWM), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM")
