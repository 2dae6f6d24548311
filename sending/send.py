"""One sending of a submitted version: the PDF made and encrypted, the mail queued in the same
transaction as the record of what was sent, and the pathway's step recorded with it."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass

from mail import Attachment, enqueue
from models import Case, PathwayEvent, Sending, Submission, db
from pathway.state import refresh
from sending.encrypt import encrypted, new_password
from sending.recipients import Recipients

# The pathway step a sending records (pathway.STEPS): the referral reaching SPA (L224), the MASE
# referral "sent to MASE business support" (L273-275), the Phoenix referral sent (L2875-2877).
STEP_OF = {
    "cse_referral": "spa_referral",
    "mase_referral": "mase_list",
    "phoenix_referral": "phoenix_sent",
}


@dataclass(frozen=True)
class Sent:
    sending: Sending
    password: str | None  # shown once to the sender when made here; None when agreed


def send(
    *,
    version: Submission,
    case: Case,
    title: str,
    pdf: bytes,
    recipients: Recipients,
    settings: Mapping[str, str],
    case_reference: str,
    link: str,
    filename: str,
    sender_id: str,
    sender_name: str,
) -> Sent:
    """Queue the mail and record the sending; the caller commits both together."""
    to, cc = recipients.addresses(settings)
    team = recipients.to[0]
    agreed = settings.get(team.password_setting)
    password = agreed or new_password()
    attached = encrypted(pdf, password)
    body = (
        f"{sender_name} has sent you the {title}, version {version.number}, for case "
        f"{case_reference}, from the Kingston & Richmond CSE forms service.\n\n"
        "The PDF attached is encrypted. "
        + (
            f"It opens with the password {team.name} agreed for these forms."
            if agreed
            else "Its password will be given to you by phone by the sender."
        )
        + f"\n\nSigned in, you can also read it here: {link}\n"
    )
    mail = enqueue(
        to=to,
        cc=cc,
        subject=f"{title}, case {case_reference}, version {version.number}",
        body=body,
        sender_id=sender_id,
        case_id=case.id,
        attachment=Attachment(filename, "application/pdf", attached),
    )
    db.session.flush()
    sending = Sending(
        version_id=version.id,
        case_id=case.id,
        mail_id=mail.id,
        to=to,
        cc=cc,
        attachment=attached,
        sha256=hashlib.sha256(attached).hexdigest(),
        agreed_password=bool(agreed),
        sent_by=sender_id,
    )
    db.session.add(sending)
    step = STEP_OF.get(version.artefact)
    if step is not None:
        db.session.add(
            PathwayEvent(
                case_id=case.id,
                step=step,
                happened_at=dt.datetime.now(dt.UTC),
                recorded_by=sender_id,
                # The version sent, for the timeline's link; for a referral to SPA, the
                # borough: the team it went to keeps it, whatever the case's borough becomes.
                details={
                    "version_id": version.id,
                    "form": version.artefact,
                    "version": version.number,
                    **(
                        {"borough": (case.details or {}).get("borough")}
                        if step == "spa_referral"
                        else {}
                    ),
                },
            )
        )
        refresh(case)  # now in the inbox of the team it was sent to, its clocks running
    return Sent(sending, None if agreed else password)
