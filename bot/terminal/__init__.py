"""The terminal front end: a chat on the same engine, and map commands."""
