"""Staff accounts: roles, password rules and hashing, and the command that creates accounts."""

ROLES = ("referrer", "lead_professional", "spa", "phoenix", "manager", "admin")
# The Single Point of Access teams (cse-strategy.txt L209-215): an `spa` account works in one.
BOROUGHS = ("Kingston", "Richmond")
