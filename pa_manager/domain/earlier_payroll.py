"""An earlier payroll's figures to date for a PA, when the employer moved to PA Manager part-way through
a tax year for the same employment (from HMRC's Basic PAYE Tools or a bureau).

They are THIS employment's figures, not a previous employer's P45: HMRC's guidance on changing payroll
software has the new payroll carry on the year to date where the old one stopped. So PA Manager starts
the PA's year to date from them (domain.pay_period.YearToDate): the cumulative tax of the first pay run
takes them as pay and tax to date; the FPS's figures to date, the P60 and the P45 include them.

They belong to the tax year of the last pay day the earlier payroll reported
(PARecord.earlier_payroll_last_paid), so that date is needed with them. A figure left blank is nought.
The NI-able pay is split at the lower earnings limit, the primary threshold and the upper earnings limit
as that payroll's P11 or its year-to-date report shows, and counts for the PA's NI category letter.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from decimal import Decimal

from pa_manager.domain.money import ZERO
from pa_manager.domain.pay_period import YearToDate
from pa_manager.domain.people import PARecord
from pa_manager.domain.tax_year import tax_year_label
from pa_manager.domain.validation import Problem

PREFIX = "earlier_payroll_"  # PARecord keeps each figure as earlier_payroll_<name>


@dataclass(frozen=True)
class EarlierPayroll:
    """The earlier payroll's figures to date in this employment, for one tax year."""

    taxable_pay: Decimal = ZERO    # pay for PAYE to date
    tax: Decimal = ZERO            # tax to date (net of any refunds)
    ni_pay: Decimal = ZERO         # NI-able pay (gross earnings for NI) to date
    at_lel: Decimal = ZERO         # of it: earnings at the lower earnings limit
    lel_to_pt: Decimal = ZERO      # above it up to the primary threshold
    pt_to_uel: Decimal = ZERO      # above that up to the upper earnings limit
    employee_ni: Decimal = ZERO
    employer_ni: Decimal = ZERO
    student_loan: Decimal = ZERO
    postgraduate_loan: Decimal = ZERO

    def year_to_date(self) -> YearToDate:
        """The year to date the first pay run in PA Manager carries on from."""
        return YearToDate(gross_pay=self.ni_pay, taxable_pay=self.taxable_pay, tax=self.tax,
                          employee_ni=self.employee_ni, employer_ni=self.employer_ni,
                          student_loan=self.student_loan, postgraduate_loan=self.postgraduate_loan)


NAMES = tuple(f.name for f in fields(EarlierPayroll))
PA_FIELDS = tuple(PREFIX + name for name in NAMES)  # the PARecord fields, in the form's order


def figures_of(pa: PARecord) -> EarlierPayroll | None:
    """The figures recorded for the PA, or None when none is (every field blank)."""
    values = {name: getattr(pa, PREFIX + name) for name in NAMES}
    if all(v is None for v in values.values()):
        return None
    return EarlierPayroll(**{name: ZERO if v is None else v for name, v in values.items()})


def tax_year_of(pa: PARecord) -> str:
    """The tax year the figures belong to: that of the earlier payroll's last pay day ("" none)."""
    return tax_year_label(pa.earlier_payroll_last_paid) if pa.earlier_payroll_last_paid else ""


def figures_for(pa: PARecord, tax_year: str) -> EarlierPayroll | None:
    """The figures a pay run in `tax_year` carries on from, if the earlier payroll paid them in it."""
    return figures_of(pa) if tax_year_of(pa) == tax_year else None


def check(pa: PARecord) -> dict[str, Problem]:
    """What is wrong with the figures, by PARecord field: amounts in pounds and pence, none below nothing
    but the tax (a refund can leave it so), the tax not more than the pay, the NI bands not more than the
    NI-able pay, and the earlier payroll's last pay day given with them (it says their tax year)."""
    found: dict[str, Problem] = {}
    figures = figures_of(pa)
    if figures is None:
        return found
    for name in NAMES:
        value = getattr(figures, name)
        if value != value.quantize(Decimal("0.01")) or (value < 0 and name != "tax"):
            found[PREFIX + name] = Problem("EARLIER_PAYROLL_AMOUNT_INVALID", str(value))
    if found:
        return found
    if figures.tax > figures.taxable_pay:
        found[PREFIX + "tax"] = Problem("EARLIER_PAYROLL_TAX_MORE_THAN_PAY", str(figures.tax))
    if figures.at_lel + figures.lel_to_pt + figures.pt_to_uel > figures.ni_pay:
        found[PREFIX + "ni_pay"] = Problem("EARLIER_PAYROLL_NI_BANDS_MORE_THAN_PAY", str(figures.ni_pay))
    if pa.earlier_payroll_last_paid is None:
        found["earlier_payroll_last_paid"] = Problem("EARLIER_PAYROLL_FIGURES_NEED_DATE")
    return found
