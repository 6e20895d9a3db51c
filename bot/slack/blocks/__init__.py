"""Block Kit builders: pure functions from engine data to Slack JSON (plain dicts)."""
