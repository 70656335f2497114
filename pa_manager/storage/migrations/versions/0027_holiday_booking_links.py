"""holiday booked for a fixed-hours PA goes on the timesheet: the holiday shifts and rota cancellations
a booking made are linked to it

Booking holiday turns the PA's planned shifts on those days into holiday shifts and cancels the planned
ones; cancelling the booking takes back those not yet paid, so each remembers the booking that made it.
Null: made by hand (every row already stored). A booking removed leaves the link empty (SET NULL), so a
holiday shift already paid stays as it was. Two new columns; nothing already stored changes.


Revision ID: 0027
Revises: 0026
Create Date: 2026-12-04
"""
from alembic import op
import sqlalchemy as sa


revision = '0027'
down_revision = '0026'
branch_labels = None
depends_on = None

_TABLES = ('shifts', 'rota_changes')


def upgrade() -> None:
    for table in _TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('holiday_booking_id', sa.Integer(), nullable=True))
            batch_op.create_index(batch_op.f(f'ix_{table}_holiday_booking_id'), ['holiday_booking_id'], unique=False)
            batch_op.create_foreign_key(batch_op.f(f'fk_{table}_holiday_booking_id_holiday_bookings'),
                                        'holiday_bookings', ['holiday_booking_id'], ['id'], ondelete='SET NULL')


def downgrade() -> None:
    for table in _TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(batch_op.f(f'fk_{table}_holiday_booking_id_holiday_bookings'), type_='foreignkey')
            batch_op.drop_index(batch_op.f(f'ix_{table}_holiday_booking_id'))
            batch_op.drop_column('holiday_booking_id')
