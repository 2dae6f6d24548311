"""Staff accounts: roles, password rules and hashing, and the command that creates accounts."""

ROLES = ("referrer", "lead_professional", "phoenix", "manager", "admin")
