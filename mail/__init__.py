"""Mail that is never lost: queued with the step that causes it, sent later by a worker."""

from mail.outbox import Attachment, MailError, enqueue, undelivered, undelivered_for

__all__ = ["Attachment", "MailError", "enqueue", "undelivered", "undelivered_for"]
