"""Who has what to do: the SPA and Phoenix inboxes, each person's due and overdue work, and the
daily reminder that tells them."""
