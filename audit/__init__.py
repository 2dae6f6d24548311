"""The audit trail as a manager reads it: who did what and when, filtered, a page at a time."""
