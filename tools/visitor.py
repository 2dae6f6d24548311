"""A person's browser, through HTTP (requests): for the tests that run the service for real
and for the HTTP benchmark."""

from __future__ import annotations

import http.client
import re
import time
from collections.abc import Mapping
from typing import Any

import requests

from tools.live import PASSWORD, SERVER_NAME

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


class Timer:
    """A visitor's GETs over one plain, kept-alive HTTP/1.1 connection (http.client), for
    measuring: the same cookies and proxy headers, none of requests' own work per request, so
    that the figures are the server's more than the client's (both share this machine)."""

    def __init__(self, visitor: Visitor) -> None:
        host, _, port = visitor.base.removeprefix("http://").partition(":")
        self.connection = http.client.HTTPConnection(host, int(port), timeout=visitor.timeout)
        cookies = "; ".join(f"{c.name}={c.value}" for c in visitor.http.cookies)
        self.headers = {**visitor.http.headers, "Cookie": cookies}

    def get(self, path: str) -> tuple[float, int, bytes]:
        """Milliseconds to the whole answer, its status and its body."""
        began = time.perf_counter()
        self.connection.request("GET", path, headers=self.headers)
        response = self.connection.getresponse()
        body = response.read()
        return (time.perf_counter() - began) * 1000, response.status, body
