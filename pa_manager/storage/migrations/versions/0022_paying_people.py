"""paying people: bank details of each PA, the employer's paying account, Bacs service user number and
the pension provider's account

New columns only, each blank by default; nothing already stored changes.

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-03

"""
from alembic import op
import sqlalchemy as sa


revision = '0022'
down_revision = '0021'
branch_labels = None
depends_on = None

EMPLOYER = (('bank_sort_code', 6), ('bank_account_number', 8), ('bank_account_name', 200),
            ('bacs_service_user_number', 6), ('pension_sort_code', 6), ('pension_account_number', 8),
            ('pension_account_name', 200), ('pension_payment_reference', 18))
PA = (('bank_sort_code', 6), ('bank_account_number', 8), ('bank_account_name', 200),
      ('building_society_roll_number', 18))


def upgrade() -> None:
    for table, columns in (('employers', EMPLOYER), ('pas', PA)):
        with op.batch_alter_table(table, schema=None) as batch_op:
            for name, length in columns:
                batch_op.add_column(sa.Column(name, sa.String(length=length), server_default='', nullable=False))


def downgrade() -> None:
    for table, columns in (('pas', PA), ('employers', EMPLOYER)):
        with op.batch_alter_table(table, schema=None) as batch_op:
            for name, _ in reversed(columns):
                batch_op.drop_column(name)
