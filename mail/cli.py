"""`flask --app app send-mail`: the delivery worker (mail.worker) as a command.

It stops cleanly on SIGTERM (systemd) or SIGINT: the mail being sent is finished and recorded,
the rest of its batch given back, and the command exits.
"""

from __future__ import annotations

import logging
import signal
import threading

import click
from flask import current_app
from flask.cli import with_appcontext

from config import ConfigError, mail_problem
from mail.worker import Outcome, deliver_due


def run(*, once: bool, interval: float, stopping: threading.Event) -> Outcome:
    """Send what is due; unless `once`, look again every `interval` seconds until `stopping`."""
    outcome = Outcome()
    while not stopping.is_set():
        outcome += deliver_due(stop=stopping.is_set)
        if once:
            break
        stopping.wait(interval)
    return outcome


@click.command("send-mail")
@click.option("--once", is_flag=True, help="Send what is due now, then exit.")
@click.option(
    "--interval",
    type=click.FloatRange(min=0.1),
    default=5.0,
    show_default=True,
    help="Seconds between looks at the outbox.",
)
@with_appcontext
def send_mail_command(once: bool, interval: float) -> None:
    """Send the mail queued in the outbox, with retries (README: Production)."""
    problem = mail_problem(current_app.config)
    if problem:
        raise ConfigError(problem)
    if not logging.getLogger().handlers:  # to stderr: systemd's journal
        logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("mail").setLevel(logging.INFO)
    stopping = threading.Event()
    for number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(number, lambda *_: stopping.set())
    outcome = run(once=once, interval=interval, stopping=stopping)
    click.echo(
        f"Sent {outcome.sent} mails; {outcome.retried} to try again later; {outcome.failed} failed."
    )
