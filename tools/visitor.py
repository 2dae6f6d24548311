"""A person's browser, through HTTP (requests): for the tests that run the service for real
and for the HTTP benchmark."""

from __future__ import annotations

import http.client
import re
import time
from collections.abc import Mapping
from typing import Any

import requests

from forms.model import Artefact
from forms.tasks import names_in, top_name
from tools.live import DATABASES, PASSWORD, SERVER_NAME, fresh_code

_HIDDEN = re.compile(r'<input type="hidden" name="(csrf_token|lock_version)" value="([^"]*)"')
_VERSION = re.compile(r"/versions/[\w-]{24}$")


class Visitor:
    """One person's browser, through HTTP: its cookies, the hidden values of the last page it
    read (the CSRF token, kept until a page gives another; a form's lock version, only while
    the last page read has one), and a same-origin Referer on every post, as a browser sends
    under Referrer-Policy: same-origin.

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
            found = dict(_HIDDEN.findall(response.text))
            if "csrf_token" in self.hidden:
                found.setdefault("csrf_token", self.hidden["csrf_token"])
            self.hidden = found
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
        """The password, then, if it was right, a code of the account's app (the server's
        database is known when it was started by tools.live); the last answer."""
        self.get("/sign-in")
        answer = self.post("/sign-in", {"email": email, "password": password})
        if answer.headers.get("Location") != "/sign-in/code" or self.base not in DATABASES:
            return answer
        self.get("/sign-in/code")
        return self.post("/sign-in/code", {"code": fresh_code(DATABASES[self.base], email)})

    def create_case(self, forename: str, surname: str) -> str:
        """A new case; its path."""
        self.get("/cases/new")
        posted = {"forename": forename, "surname": surname, "borough": "Kingston"}
        response = self.post("/cases/new", posted)
        assert response.status_code == 302, response.status_code
        return str(response.headers["Location"])

    def start(self, case: str, slug: str, **form: str) -> str:
        """A new document of `slug` in the case; the path of its task list. With a draft of it
        in the case already, Start leads to a page offering the draft: post `new="yes"` (its
        "Start a new one") to start another."""
        self.get(case)
        response = self.post(f"{case}/start/{slug}", form)
        assert response.status_code == 302, response.status_code
        location = str(response.headers["Location"])
        assert location.startswith("/documents/"), f"start {slug}: led to {location}"
        return location

    def submit(
        self,
        form: str,
        artefact: Artefact,
        answers: list[tuple[str, str]],
        sections: list[int] | None = None,
    ) -> str:
        """Answer the document at `form` (its task list) and submit a version, as a browser
        does: each section's page (all, in order, unless `sections` says which) read and
        posted with its own answers among `answers` and "Save and continue", then "Check your
        answers" read and its "Submit version N" pressed. The path of the version's page."""
        for number in sections or range(1, len(artefact.sections) + 1):
            page = f"{form}/sections/{number}"
            read = self.get(page)
            if read.status_code == 404 and number == 1:
                return self._submit_one_page(form, answers)
            assert read.status_code == 200, f"section {number}: {read.status_code}"
            names = names_in(artefact.sections[number - 1])
            posted = [(name, value) for name, value in answers if top_name(name) in names]
            posted += [
                ("lock_version", self.hidden["lock_version"]),
                ("section", str(number)),
                ("action", "continue"),
            ]
            response = self.post(page, posted)
            assert response.status_code == 302, f"section {number}: {response.status_code}"
        check = self.get(f"{form}/check")
        assert check.status_code == 200 and "lock_version" in self.hidden, "check: cannot submit"
        submitted = self.post(f"{form}/check", {"lock_version": self.hidden["lock_version"]})
        return self._submitted(submitted)

    def _submit_one_page(self, form: str, answers: list[tuple[str, str]]) -> str:
        """A checkout from before sections (bench --http --against an older commit): one form
        page, posted whole with its Submit button."""
        self.get(form)
        posted = [*answers, ("lock_version", self.hidden["lock_version"]), ("action", "submit")]
        return self._submitted(self.post(form, posted))

    @staticmethod
    def _submitted(response: requests.Response) -> str:
        location = str(response.headers.get("Location", ""))
        assert response.status_code == 302 and _VERSION.search(location), (
            f"submit: {response.status_code} {location}"
        )
        return location

    def longest_section(self, form: str) -> str:
        """The path of the section page of the document at `form` (its task list) with the
        most markup: the one asking the most fields. The document's own page, on a checkout
        from before sections."""
        found: dict[str, int] = {}
        for number in range(1, 100):
            page = self.get(f"{form}/sections/{number}")
            if page.status_code == 404:
                break
            assert page.status_code == 200, page.status_code
            found[f"{form}/sections/{number}"] = len(page.content)
        return max(found, key=lambda path: found[path], default=form)


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
