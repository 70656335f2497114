"""What is missing from an employer's records: the gaps the dashboard lists until they are filled."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.people import PARecord


@dataclass(frozen=True)
class Gap:
    code: str
    pa_id: int | None = None
    pa_name: str | None = None


def missing_details(employer: EmployerRecord, pas: list[PARecord], today: date) -> list[Gap]:
    """Employer gaps first, then each current PA's gaps in name order."""
    gaps: list[Gap] = []
    if not employer.council:
        gaps.append(Gap("EMPLOYER_NO_COUNCIL"))
    if not employer.paye_reference:
        gaps.append(Gap("EMPLOYER_NO_PAYE_REFERENCE"))
    if not employer.accounts_office_reference:
        gaps.append(Gap("EMPLOYER_NO_ACCOUNTS_OFFICE_REFERENCE"))
    # No renewal date, or one that has passed, is on the to-do list already (compliance's INSURANCE_MISSING
    # and INSURANCE_RENEWAL), which the dashboard shows above: only the insurer's name is a gap here.
    if employer.insurance_renewal_date is not None and not employer.insurer:
        gaps.append(Gap("EMPLOYER_NO_INSURER"))
    for pa in sorted(pas, key=lambda p: p.name.lower()):
        if not pa.is_current(today):
            continue
        checks = [
            (not pa.ni_number, "PA_NO_NI_NUMBER"),
            (pa.date_of_birth is None, "PA_NO_DATE_OF_BIRTH"),
            (pa.start_date is None, "PA_NO_START_DATE"),
            (not pa.tax_code, "PA_NO_TAX_CODE"),
            (pa.rate_on(today) is None, "PA_NO_PAY_RATE"),
            (not pa.emergency_contact_name, "PA_NO_EMERGENCY_CONTACT"),
            (pa.close_relative_in_household, "PA_CLOSE_RELATIVE_NEEDS_AGREEMENT"),
        ]
        gaps.extend(Gap(code, pa.id, pa.name) for missing, code in checks if missing)
    return gaps
