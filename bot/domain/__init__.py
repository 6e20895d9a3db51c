"""What changes and describes a journey map, declared once: edits, references, vocabulary,
descriptions. The conversation, the importers, the LLM path and the Slack forms all use it."""
