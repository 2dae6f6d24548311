"""The service run as it is deployed, on free loopback ports: gunicorn started exactly as
deploy/cse-forms.service starts it, nginx with deploy/cse-forms.nginx.conf over TLS, and
people using it through HTTP. For the tests that run it for real and for `make bench-http`.

Only fictional data ever goes through it.
"""

from __future__ import annotations

import os
import re
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

import requests
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
INSTALLED_AT = "/opt/cse-forms"  # where deploy/ expects the code: replaced by this checkout
SERVER_NAME = "cse-forms.test"  # the name nginx serves in tests (mapped to 127.0.0.1)
PASSWORD = "fictional live password 31"
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


class Gunicorn:
    """gunicorn started by deploy/cse-forms.service's ExecStart, in its working directory and
    environment, on a free port.

    With `root`, another checkout of the project (an earlier commit, for the benchmark) is served
    with its own gunicorn.conf.py, or, if it has none, as plain gunicorn with two workers of four
    threads.
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

    def workers(self) -> list[int]:
        """The process ids of the worker processes."""
        pid = self.process.pid
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        return [int(child) for child in children]

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


def peak_memory_mb(pid: int) -> float:
    """The most resident memory process `pid` has used so far (VmHWM), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM")


def certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for SERVER_NAME, made now (never kept)."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"),
            *("-nodes", "-days", "1", "-subj", f"/CN={SERVER_NAME}"),
            *("-addext", f"subjectAltName=DNS:{SERVER_NAME}"),
            *("-keyout", str(key), "-out", str(cert)),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


def nginx_site(upstream_port: int, https_port: int, http_port: int, folder: Path) -> str:
    """deploy/cse-forms.nginx.conf with this run's ports, name and certificate."""
    cert, key = certificate(folder)
    site = (DEPLOY / "cse-forms.nginx.conf").read_text()
    changes = [
        (r"server 127\.0\.0\.1:8000;", f"server 127.0.0.1:{upstream_port};"),
        (r"listen \[::\]:\d+[^;]*;\n", ""),  # no IPv6 here
        (r"listen 443", f"listen 127.0.0.1:{https_port}"),
        (r"listen 80", f"listen 127.0.0.1:{http_port}"),
        (r"cse-forms\.example\.org", SERVER_NAME),
        (r"/etc/ssl/certs/cse-forms\.pem", str(cert)),
        (r"/etc/ssl/private/cse-forms\.key", str(key)),
    ]
    for pattern, replacement in changes:
        site, count = re.subn(pattern, replacement, site)
        if count == 0:
            raise RuntimeError(f"deploy/cse-forms.nginx.conf no longer has {pattern!r}")
    return site


class Nginx:
    """Debian's nginx with deploy/cse-forms.nginx.conf as its only site, in a prefix of its
    own (temporary files, pid, logs), in front of `upstream_port`."""

    MODULE = "/usr/lib/nginx/modules/ngx_http_headers_more_filter_module.so"

    def __init__(self, upstream_port: int, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.https_port, self.http_port = free_port(), free_port()
        site = folder / "cse-forms.conf"
        site.write_text(nginx_site(upstream_port, self.https_port, self.http_port, folder))
        conf = folder / "nginx.conf"
        conf.write_text(
            f"load_module {self.MODULE};\n"
            "worker_processes 1;\n"
            f"pid {folder}/nginx.pid;\n"
            f"error_log {folder}/error.log warn;\n"
            "events { worker_connections 512; }\n"
            "http {\n"
            f"  access_log {folder}/access.log;\n"
            "  include /etc/nginx/mime.types;\n"
            + "".join(
                f"  {kind}_temp_path {folder}/{kind};\n"
                for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
            )
            + f"  include {site};\n"
            "}\n"
        )
        self.log = (folder / "stderr.log").open("wb")
        self.process = subprocess.Popen(
            ["nginx", "-p", str(folder), "-c", str(conf), "-e", "stderr", "-g", "daemon off;"],
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        wait_for_port(self.https_port, self.process)
        self.url = f"https://{SERVER_NAME}:{self.https_port}"

    def stop(self) -> None:
        self.process.send_signal(signal.SIGQUIT)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


_HIDDEN = re.compile(r'<input type="hidden" name="(csrf_token|lock_version)" value="([^"]*)"')


class Visitor:
    """One person's browser, through HTTP: its cookies, the hidden values of the last page it
    read (the CSRF token, a form's lock version), and a same-origin Referer on every post, as
    a browser sends under Referrer-Policy: same-origin.

    With `address`, it also plays the proxy in front of gunicorn, as nginx would: the request
    came over HTTPS, for SERVER_NAME, from that client address (X-Forwarded-*). The app must
    then trust one proxy (TRUSTED_PROXIES=1). `base` may change, to go on at another instance.
    """

    def __init__(self, base: str, *, address: str | None = None, timeout: float = 120) -> None:
        self.base = base
        self.http = requests.Session()
        self.origin = base
        self.proxied = address is not None
        if address is not None:
            self.origin = f"https://{SERVER_NAME}"
            self.http.headers.update(
                {
                    "Host": SERVER_NAME,
                    "X-Forwarded-For": address,
                    "X-Forwarded-Proto": "https",
                    "X-Forwarded-Host": SERVER_NAME,
                }
            )
        self.timeout = timeout
        self.hidden: dict[str, str] = {}

    def get(self, path: str, **options: Any) -> requests.Response:
        return self._read(self.http.get(self.base + path, timeout=self.timeout, **options))

    def _read(self, response: requests.Response) -> requests.Response:
        if _is_html(response):
            self.hidden.update(_HIDDEN.findall(response.text))
        if self.proxied:
            # Standing in for nginx, which received the cookie over HTTPS: send it back over
            # the loopback too (requests keeps a Secure cookie for https:// addresses only).
            for cookie in self.http.cookies:
                cookie.secure = False
        return response

    def post(self, path: str, data: Any = None, **options: Any) -> requests.Response:
        fields = [("csrf_token", self.hidden.get("csrf_token", ""))]
        fields += list(data.items() if isinstance(data, Mapping) else data or [])
        headers = {"Referer": f"{self.origin}/", **options.pop("headers", {})}
        response = self.http.post(
            self.base + path,
            data=fields,
            headers=headers,
            timeout=self.timeout,
            allow_redirects=False,
            **options,
        )
        return self._read(response)

    def sign_in(self, email: str, password: str = PASSWORD) -> requests.Response:
        self.get("/sign-in")
        return self.post("/sign-in", {"email": email, "password": password})

    def create_case(self, forename: str, surname: str) -> str:
        """A new case; its path."""
        self.get("/cases/new")
        response = self.post("/cases/new", {"forename": forename, "surname": surname})
        assert response.status_code == 302, response.status_code
        return str(response.headers["Location"])

    def start(self, case: str, slug: str, **form: str) -> str:
        """A new document of `slug` in the case; the path of its form page."""
        self.get(case)
        response = self.post(f"{case}/start/{slug}", form)
        assert response.status_code == 302, response.status_code
        return str(response.headers["Location"])


def _is_html(response: requests.Response) -> bool:
    return response.headers.get("Content-Type", "").startswith("text/html")
