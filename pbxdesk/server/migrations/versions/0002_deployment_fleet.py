"""deployments off the request path: the server-wide deployment feed, nodes and their reports, media
masters in the database

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "media_masters",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("duration_s", sa.Float, nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "nodes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(100), nullable=False, unique=True),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("revoked_at", sa.String(40), nullable=True),
        sa.Column("cursor", sa.BigInteger, nullable=True),
        sa.Column("last_seen_at", sa.String(40), nullable=True),
    )
    op.create_table(
        "deploy_feed",
        sa.Column("seq", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("company_id", sa.Integer, sa.ForeignKey("companies.id"), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("number", sa.String(10), nullable=True),
        sa.Column("revision", sa.Integer, nullable=True),
        sa.Column("created_at", sa.String(40), nullable=False),
    )
    counter = op.create_table(
        "deploy_feed_counter",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("seq", sa.BigInteger, nullable=False),
    )
    op.bulk_insert(counter, [{"id": 1, "seq": 0}])
    op.create_table(
        "deploy_state",
        sa.Column("node_id", sa.Integer, sa.ForeignKey("nodes.id"), primary_key=True),
        sa.Column("number", sa.String(10), primary_key=True),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("directory_revision", sa.Integer, nullable=False),
        sa.Column("ok", sa.Boolean, nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("reported_at", sa.String(40), nullable=False),
    )
    op.create_index("ix_deploy_state_number", "deploy_state", ["number"])
    op.create_table(
        "deploy_reports",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True, autoincrement=True),
        sa.Column("node_id", sa.Integer, sa.ForeignKey("nodes.id"), nullable=False),
        sa.Column("number", sa.String(10), nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("directory_revision", sa.Integer, nullable=False),
        sa.Column("ok", sa.Boolean, nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("reported_at", sa.String(40), nullable=False),
    )
    op.create_index("ix_deploy_reports_number", "deploy_reports", ["number", "revision"])
    # Every number already provisioned is deployed again by the nodes (a new node starts from a snapshot
    # anyway); the single-host results kept on the revisions are replaced by per-node reports.
    with op.batch_alter_table("revisions") as batch:
        batch.drop_column("deploy_ok")
        batch.drop_column("deploy_message")
        batch.drop_column("deployed_at")


def downgrade() -> None:
    with op.batch_alter_table("revisions") as batch:
        batch.add_column(sa.Column("deploy_ok", sa.Boolean, nullable=True))
        batch.add_column(sa.Column("deploy_message", sa.Text, nullable=True))
        batch.add_column(sa.Column("deployed_at", sa.String(40), nullable=True))
    for name in ("deploy_reports", "deploy_state", "deploy_feed_counter", "deploy_feed", "nodes", "media_masters"):
        op.drop_table(name)
