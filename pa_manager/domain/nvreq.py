"""The NINO Verification Request (NVR, often called NVREQ): asking HMRC for the National Insurance number
of a PA who has none to give, as HMRC's RTI data items describe it.

An employer sends it for a new employee without an NI number, after (or with) their first FPS; HMRC
answers with the number, if it finds one, in a notice to the employer (HMRC, "Payroll technical
specifications: Real Time Information (RTI)" and "Guidance on RTI data items" on GOV.UK; the business
validation rules are HMRC's for the NINOverificationRequest, as its RIM artefacts publish them and as
quoted in public repositories):
- the employer's references: HMRC office number and employer PAYE reference (items 1 and 2); the keys of
  the IRheader must match them (rules 7821, 7822);
- for each employee (1 to 100 of them, rule 7827): forename(s) and surname, at least a forename or
  initials (rule 7824); at least two address lines when there is no NI number (rule 7823), and a UK
  postcode when there is one; date of birth, today or earlier (rule 5001) and less than 130 years ago
  (rule 7826); gender as HMRC records it, M or F; and, optionally, the payroll ID.
A PA who already has an NI number has nothing to verify here: their number goes in the FPS.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Sequence

from pa_manager.domain.rti import GENDERS, RtiError, address_lines, name_parts, paye_refs
from pa_manager.domain.validation import check_postcode, normalise_postcode

NVREQ = "NVREQ"
MOST_EMPLOYEES = 100      # rule 7827
OLDEST_YEARS = 130        # rule 7826


@dataclass(frozen=True)
class NvreqEmployee:
    forenames: tuple[str, ...]
    surname: str
    address_lines: tuple[str, ...]
    postcode: str             # "" when there is no UK postcode recorded
    birth_date: date
    gender: str
    payroll_id: str = ""      # optional; "" leaves it out


@dataclass(frozen=True)
class Nvreq:
    office_number: str        # "123"
    paye_reference: str       # "AB456": after the slash
    made_on: date             # the IRheader's PeriodEnd: the day the request is made
    employees: tuple[NvreqEmployee, ...]


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def nvreq_employee(name: str, *, ni_number: str, date_of_birth: date | None, gender: str, address: str,
                   postcode: str, today: date, payroll_id: str = "") -> NvreqEmployee:
    """One PA's part of the request, or RtiError (with the PA's name) saying what stops it: an NI number
    already recorded, or a missing name, date of birth, gender or address."""
    if ni_number.strip():
        raise RtiError("NVREQ_HAS_NI_NUMBER", name)
    forenames, surname = name_parts(name)
    if not forenames or not surname:
        raise RtiError("NVREQ_NAME_NEEDED", name)
    if date_of_birth is None:
        raise RtiError("NVREQ_BIRTH_DATE_MISSING", name)
    if date_of_birth > today or date_of_birth <= _years_before(today, OLDEST_YEARS):
        raise RtiError("NVREQ_BIRTH_DATE_IMPOSSIBLE", name)
    if gender not in GENDERS:
        raise RtiError("NVREQ_GENDER_MISSING", name)
    lines = address_lines(address)
    if len(lines) < 2:
        raise RtiError("NVREQ_ADDRESS_NEEDED", name)
    code = normalise_postcode(postcode) if postcode.strip() and check_postcode(postcode) is None else ""
    return NvreqEmployee(forenames, surname, lines, code, date_of_birth, gender, payroll_id.strip())


def nvreq_for(paye_reference: str, employees: Sequence[NvreqEmployee], today: date) -> Nvreq:
    """The request for these employees from the employer with this PAYE reference ("123/AB456")."""
    if not employees:
        raise RtiError("NVREQ_NO_EMPLOYEES")
    if len(employees) > MOST_EMPLOYEES:
        raise RtiError("NVREQ_TOO_MANY")
    office, reference = paye_refs(paye_reference)
    return Nvreq(office, reference, today, tuple(employees))
