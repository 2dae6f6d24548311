"""Form-page GETs timed in process (Flask's test client), for whichever checkout of the project
is the working directory: `python .../bench/inprocess.py` with that checkout first on the path.

A form is filled one section's page at a time: the page timed of each form is its longest
section page (the most markup: the section asking the most fields, the CSE referral's is the
block of the person of concern, the Phoenix referral's its criteria), or the whole form on a
checkout from before sections.

It serves rounds on request, so that two checkouts (this commit and the previous one) can be
measured turn about: each line read from stdin asks for one round, and one JSON line answers
{"cse_referral": [ms, ...], "phoenix_referral": [ms, ...], "redownload": [ms, ...]} (the last:
the PDF of one submitted version, downloaded again and again). Only the app's own long-standing
interfaces are used (create_app with a dict, the models, the routes), so that an earlier commit
runs it too. Only fictional data.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

PAGES = ("cse_referral", "phoenix_referral")
GETS, WARMUP = 30, 5


def _ready() -> tuple[Any, dict[str, str]]:
    """The app on a new database, a signed-in client and a new document of each page's form."""
    os.environ["CSE_FORMS_ENV"] = "test"
    sys.path.insert(0, os.getcwd())
    from accounts.passwords import hash_password
    from app import create_app
    from models import StaffSession, User, db

    folder = tempfile.mkdtemp(prefix="bench-inprocess-")
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/bench.sqlite3",
            "WTF_CSRF_ENABLED": False,
        }
    )
    with app.app_context():
        db.create_all()
        user = User(
            email="bench.inprocess@example.org",
            password_hash=hash_password("fictional bench password 5"),
            role="manager",
            name="Bench Inprocess",
        )
        db.session.add(user)
        db.session.flush()
        session_row = StaffSession(user_id=user.id)
        db.session.add(session_row)
        db.session.commit()
        session_id = session_row.id
    client = app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = session_id
        session["_fresh"] = True
    case = client.post(
        "/cases/new", data={"forename": "Bench", "surname": "Inprocess", "borough": "Kingston"}
    )
    forms = {
        slug: client.post(f"{case.headers['Location']}/start/{slug}").headers["Location"]
        for slug in PAGES
    }
    # The CSE referral's page is timed with the complete sample submitted: every box filled.
    forms["redownload"] = _submitted(client, forms["cse_referral"]) + "/document.pdf"
    for slug in PAGES:
        forms[slug] = _longest_section(client, forms[slug])
    for url in forms.values():
        for _ in range(WARMUP):
            client.get(url)
    return client, forms


def _longest_section(client: Any, form: str) -> str:
    """The address of the longest section page of the document at `form` (its task list);
    `form` itself on a checkout from before sections (one form page)."""
    sizes: dict[str, int] = {}
    for number in range(1, 100):
        response = client.get(f"{form}/sections/{number}")
        if response.status_code == 404:
            break
        assert response.status_code == 200, response.status_code
        sizes[f"{form}/sections/{number}"] = len(response.get_data())
    return max(sizes, key=lambda url: sizes[url], default=form)


def _lock(response: Any) -> str:
    """The lock version a page's form posts."""
    page = response.get_data(as_text=True)
    return str(page.split('name="lock_version" value="')[1].split('"')[0])


def _submitted(client: Any, form: str) -> str:
    """Submit the referral's complete sample, as a browser does: each section's page with
    "Save and continue", then "Check your answers" (on a checkout from before sections, its
    one form page with Submit). The version's address."""
    from werkzeug.datastructures import MultiDict

    from forms import ARTEFACTS
    from forms.web import as_formdata

    artefact = ARTEFACTS["cse_referral"]
    sample = json.loads(Path("tests/samples/cse_referral.json").read_text("utf-8"))
    posted = as_formdata(artefact, sample)
    if client.get(f"{form}/sections/1").status_code == 404:
        posted["lock_version"] = _lock(client.get(form))
        posted["action"] = "submit"
        response = client.post(form, data=posted)
    else:
        from forms.tasks import names_in, top_name

        for number, section in enumerate(artefact.sections, start=1):
            names = names_in(section)
            page = f"{form}/sections/{number}"
            data = MultiDict([(k, v) for k, v in posted.items(multi=True) if top_name(k) in names])
            data["lock_version"] = _lock(client.get(page))
            data["section"], data["action"] = str(number), "continue"
            response = client.post(page, data=data)
            assert response.status_code == 302, (number, response.status_code)
        lock = _lock(client.get(f"{form}/check"))
        response = client.post(f"{form}/check", data={"lock_version": lock})
    assert response.status_code == 302, response.status_code
    return str(response.headers["Location"])


def main() -> None:
    client, forms = _ready()
    print(json.dumps({"ready": True}), flush=True)
    for _ in sys.stdin:
        times: dict[str, list[float]] = {}
        for slug, url in forms.items():
            times[slug] = []
            for _ in range(GETS):
                began = time.perf_counter()
                response = client.get(url)
                times[slug].append((time.perf_counter() - began) * 1000)
                assert response.status_code == 200, response.status_code
        print(json.dumps(times), flush=True)


if __name__ == "__main__":
    main()
