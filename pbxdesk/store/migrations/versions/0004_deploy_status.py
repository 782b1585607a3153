"""Where the numbers are live: the deploy status the last sync read from the server, per number that is not
live on every Asterisk node (the numbers list, the editor and ``pbxdesk status`` show it offline too).

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "deploy_status",
        sa.Column("number", sa.String(10), primary_key=True),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("live_on", sa.Integer, nullable=False),
        sa.Column("nodes_total", sa.Integer, nullable=False),
        sa.Column("nodes_json", sa.Text, nullable=False),
        sa.Column("checked_at", sa.Float, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("deploy_status")
