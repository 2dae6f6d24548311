"""Running it for real: short write transactions, bounded work, rate limits, busy answers."""
