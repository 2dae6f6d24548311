"""nginx with deploy/cse-forms.nginx.conf, over TLS with a certificate made on the spot, in
front of a gunicorn of tools.live: the service as a browser meets it."""

from __future__ import annotations

import re
import signal
import subprocess
from collections.abc import Sequence
from pathlib import Path

from tools.live import DEPLOY, SERVER_NAME, free_port, stop, wait_for_port


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


def nginx_site(upstream_ports: Sequence[int], https_port: int, http_port: int, folder: Path) -> str:
    """deploy/cse-forms.nginx.conf with this run's ports, name and certificate; its upstream
    lists every instance, as README (Production, "Scale out") says to."""
    cert, key = certificate(folder)
    site = (DEPLOY / "cse-forms.nginx.conf").read_text()
    servers = "\n    ".join(f"server 127.0.0.1:{port};" for port in upstream_ports)
    changes = [
        (r"server 127\.0\.0\.1:8000;", servers),
        (r"listen \[::\]:\d+[^;]*;\n", ""),  # no IPv6 here
        (r"listen 443", f"listen 127.0.0.1:{https_port}"),
        (r"listen 80", f"listen 127.0.0.1:{http_port}"),
        (r"cse-forms\.example\.org", SERVER_NAME),
        (r"/etc/ssl/certs/cse-forms\.pem", str(cert)),
        (r"/etc/ssl/private/cse-forms\.key", str(key)),
        # This run's access log, in the format below (still without invitations' tokens).
        (
            r"access_log /var/log/nginx/cse-forms\.access\.log cse_forms;",
            f"access_log {folder}/access.log upstream;",
        ),
    ]
    for pattern, replacement in changes:
        site, count = re.subn(pattern, replacement, site)
        if count == 0:
            raise RuntimeError(f"deploy/cse-forms.nginx.conf no longer has {pattern!r}")
    return site


class Nginx:
    """Debian's nginx with deploy/cse-forms.nginx.conf as its only site, in a prefix of its
    own (temporary files, pid, logs), in front of the instances on `upstream_ports`. Its
    access log (`access_log`) names the instance that answered each request, when it ended
    (seconds since the epoch) and how long it took."""

    MODULE = "/usr/lib/nginx/modules/ngx_http_headers_more_filter_module.so"

    def __init__(self, upstream_ports: Sequence[int], folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.https_port, self.http_port = free_port(), free_port()
        self.access_log = folder / "access.log"
        site = folder / "cse-forms.conf"
        site.write_text(nginx_site(upstream_ports, self.https_port, self.http_port, folder))
        conf = folder / "nginx.conf"
        conf.write_text(
            f"load_module {self.MODULE};\n"
            "worker_processes 1;\n"
            f"pid {folder}/nginx.pid;\n"
            f"error_log {folder}/error.log warn;\n"
            "events { worker_connections 512; }\n"
            "http {\n"
            "  log_format upstream '$remote_addr [$time_local]"
            ' "$request_method $cse_forms_logged_uri $server_protocol" $status'
            " $body_bytes_sent upstream=$upstream_addr end=$msec took=$request_time';\n"
            f"  access_log {self.access_log} upstream;\n"
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
        stop(self.process, signal.SIGQUIT, 20)  # nginx's graceful stop
        self.log.close()
