"""record versions: employers, PAs and shifts carry a version number

Each change to one of these rows moves its version on (SQLAlchemy's version counter, storage/models.py);
a save from a form opened on an older version is refused, so two people editing one record (on a shared
PostgreSQL database, or in two windows) never silently overwrite each other. Rows already there start
at version 1.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

TABLES = ('employers', 'pas', 'shifts')


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('version', sa.Integer(), server_default='1', nullable=False))


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('version')
