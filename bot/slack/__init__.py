"""The Slack adapter: a Bolt app whose listeners turn Slack payloads into engine turns and the
engine's replies into Block Kit. No map logic lives here."""
