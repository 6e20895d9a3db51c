"""Columns copied out of map_json: the linked map, the owner and the next review date, so
finding a future state and the maps due for review are indexed queries, not scans.

Revision ID: 0004
Revises: 0003
"""

import json
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

DEFAULT_REVIEW_DAYS = 90  # JourneyMap.review_every_days' default when a map has none
OWNER_CHARS = 200


def upgrade() -> None:
    op.add_column("maps", sa.Column("linked_map_id", sa.String(64), nullable=True))
    op.add_column("maps", sa.Column("owner", sa.String(200), nullable=True))
    op.add_column("maps", sa.Column("next_review_at", sa.DateTime(timezone=True), nullable=True))
    op.create_index("ix_maps_linked_map_id", "maps", ["linked_map_id"])
    op.create_index("ix_maps_next_review_at", "maps", ["next_review_at"])
    _fill_from_map_json()


def _fill_from_map_json() -> None:
    maps = sa.table(
        "maps",
        sa.column("id", sa.String),
        sa.column("map_json", sa.Text),
        sa.column("linked_map_id", sa.String),
        sa.column("owner", sa.String),
        sa.column("next_review_at", sa.DateTime(timezone=True)),
    )
    conn = op.get_bind()
    for row in conn.execute(sa.select(maps.c.id, maps.c.map_json)).all():
        data = json.loads(row.map_json)
        conn.execute(
            maps.update()
            .where(maps.c.id == row.id)
            .values(
                linked_map_id=data.get("linked_map_id"),
                owner=str(data.get("owner") or "")[:OWNER_CHARS],
                next_review_at=_next_review(data),
            )
        )


def _next_review(data: dict) -> datetime | None:
    base = data.get("last_reviewed_at") or data.get("created_at")
    if not base:
        return None
    moment = datetime.fromisoformat(base)
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    days = data.get("review_every_days") or DEFAULT_REVIEW_DAYS
    return (moment + timedelta(days=days)).astimezone(UTC)


def downgrade() -> None:
    op.drop_index("ix_maps_next_review_at", "maps")
    op.drop_index("ix_maps_linked_map_id", "maps")
    op.drop_column("maps", "next_review_at")
    op.drop_column("maps", "owner")
    op.drop_column("maps", "linked_map_id")
