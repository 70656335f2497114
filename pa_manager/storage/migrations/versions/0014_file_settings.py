"""file settings: who uses the data file, chosen at the first run

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07
"""
from alembic import op
import sqlalchemy as sa


revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('file_settings',
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('value', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_file_settings'))
    )


def downgrade() -> None:
    op.drop_table('file_settings')
