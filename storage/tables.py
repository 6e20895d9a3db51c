"""The database schema (SQLAlchemy Core): the one metadata Alembic's migrations in
storage/migrations build, and which a test compares with a migrated database."""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

maps = sa.Table(
    "maps",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("workspace", sa.String(64), nullable=False),
    sa.Column("channel", sa.String(64), nullable=False),
    sa.Column("thread", sa.String(64), nullable=False),
    sa.Column("title", sa.String(200), nullable=False),
    sa.Column("step", sa.String(32), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("revision", sa.Integer, nullable=False),
    sa.Column("map_json", sa.Text, nullable=False),
    sa.Column("state_json", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    # Copied out of map_json on every write, so queries need not parse it (migration 0004).
    sa.Column("linked_map_id", sa.String(64), nullable=True, index=True),
    sa.Column("owner", sa.String(200), nullable=True),
    sa.Column("next_review_at", sa.DateTime(timezone=True), nullable=True, index=True),
    sa.UniqueConstraint("workspace", "channel", "thread", name="uq_maps_thread"),
)

map_versions = sa.Table(
    "map_versions",
    metadata,
    sa.Column(
        "map_id", sa.String(64), sa.ForeignKey("maps.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("parent", sa.Integer, nullable=True),
    sa.Column("author", sa.String(64), nullable=False),
    sa.Column("summary", sa.String(500), nullable=False),
    sa.Column("map_json", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

processed_events = sa.Table(
    "processed_events",
    metadata,
    sa.Column("key", sa.String(200), primary_key=True),
    sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False, index=True),
)

review_reminders = sa.Table(
    "review_reminders",
    metadata,
    sa.Column("map_id", sa.String(64), primary_key=True),
    sa.Column("due_at", sa.DateTime(timezone=True), primary_key=True),
    sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
)

llm_usage = sa.Table(
    "llm_usage",
    metadata,
    sa.Column("workspace", sa.String(64), primary_key=True),
    sa.Column("day", sa.Date, primary_key=True),
    sa.Column("tokens_in", sa.BigInteger, nullable=False),
    sa.Column("tokens_out", sa.BigInteger, nullable=False),
    sa.Column("calls", sa.Integer, nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)

# The Slack canvas that mirrors a map (one per map), kept up to date after each saved version.
map_canvases = sa.Table(
    "map_canvases",
    metadata,
    sa.Column("map_id", sa.String(64), primary_key=True),
    sa.Column("canvas_id", sa.String(64), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)
