"""Sending a submitted version to the team the strategy names: a page that says to whom and
what, then the send (sending/). Every sending is confirmed on that page, and a version sent
before says so there first."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from sqlalchemy import select

from documents.stamp import reference
from models import Sending, db
from sending.recipients import ROUTES, NotConfiguredError, recipients
from sending.send import send
from serving.transactions import writing
from web.access import CASEWORKERS, audit, roles
from web.cases import details, visible_case
from web.versions import _version, rendered, stamp

bp = Blueprint("sending", __name__)


@bp.route("/versions/<id:version_id>/send", methods=["GET", "POST"])
@roles(CASEWORKERS)
def send_version(version_id: str) -> ResponseReturnValue:
    version, doc, artefact = _version(version_id)
    if version.artefact not in ROUTES or doc.case_id is None:
        abort(404)
    case = visible_case(doc.case_id, member=True)  # sent by its people, not by who received it
    known = details(case)
    borough = str(known.get("borough") or "")
    earlier = db.session.scalars(
        select(Sending).where(Sending.version_id == version.id).order_by(Sending.sent_at)
    ).all()
    page = {
        "artefact": artefact,
        "version": version,
        "doc": doc,
        "case_details": known,
        "earlier": earlier,
        "case_url": url_for("cases.case", case_id=case.id),
    }
    try:
        who = recipients(version.artefact, borough)
        to, cc = who.addresses(current_app.config["SENDING"])
    except NotConfiguredError as refused:
        return render_template("send.html", **page, problem=str(refused)), 409
    page |= {
        "label": ROUTES[version.artefact].label(borough),
        "to": to,
        "cc": cc,
        "team": who.to[0],
    }
    page["agreed"] = bool(current_app.config["SENDING"].get(who.to[0].password_setting))
    if request.method == "GET":
        return render_template("send.html", **page)
    if request.form.get("sent_before") != str(len(earlier)):
        # Sent since this page was read (the form posted twice, or a reload of the result):
        # nothing more is sent; the page says so, and may be confirmed again.
        return render_template("send.html", **page, resent=True), 409
    about = stamp(version)
    pdf = rendered("pdf", version, artefact, about)  # the same PDF as downloaded, figures and all
    with writing():
        sent = send(
            version=version,
            case=case,
            title=artefact.title,
            pdf=pdf,
            recipients=who,
            settings=current_app.config["SENDING"],
            case_reference=reference(case.id, known),
            link=url_for("versions.answers", version_id=version.id, _external=True),
            filename=about.file_name(artefact.stem, "pdf"),
            sender_id=current_user.id,
            sender_name=current_user.display_name,
        )
        audit("send", document=doc, version_id=version.id)
    return render_template("sent.html", **page, sent=sent.sending, password=sent.password)
