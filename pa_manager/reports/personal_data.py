"""The words inside a PA's personal-data export (pa_manager.services.data_protection): the README
that says what each part of the zip holds."""
from __future__ import annotations

from datetime import date

from pa_manager.messages import format_date

_README = """Everything PA Manager holds about {name}, exported on {day} for a request for their personal data.

personal-data.json  every record about them, table by table: their details and pay rates, shifts,
                    checks (DBS summary, right to work, references), written statement and induction,
                    training and supervision, pay-day extras, their pay records, and the change history
                    entries about them.
payslips/           each of their payslips, as printed from the pay record.
certificates/       training certificates kept with their records.
"""


def readme(name: str, day: date) -> str:
    """README.txt of the export of `name`'s data, made on `day`."""
    return _README.format(name=name, day=format_date(day))
