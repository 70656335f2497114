"""A payslip's figures as the pay screens, reports and the command line use them, the same whether
the pay run is still being prepared or was finalised long ago (then read back from the record)."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from datetime import date
from decimal import Decimal

from pa_manager.domain.money import ZERO
from pa_manager.domain.pay_period import YearToDate
from pa_manager.domain.payroll import Payslip


@dataclass(frozen=True)
class Line:
    code: str  # BASIC, PREMIUM, SLEEP_IN_ALLOWANCE, HOLIDAY, ROLLED_UP_HOLIDAY, SSP, HOLIDAY_ON_LEAVING
    amount: Decimal
    shift_type: str | None = None
    hours: Decimal | None = None
    rate: Decimal | None = None
    quantity: int | None = None


@dataclass(frozen=True)
class Deduction:
    code: str  # INCOME_TAX, EMPLOYEE_NI, PENSION, OTHER
    amount: Decimal
    description: str = ""
    purpose: str = ""


@dataclass(frozen=True)
class Extra:
    description: str
    amount: Decimal


@dataclass(frozen=True)
class PayslipFigures:
    pa_id: int
    pa_name: str
    tax_year: str
    frequency: str
    period: int
    pay_date: date
    period_start: date
    period_end: date
    tax_code: str
    ni_category: str
    lines: tuple[Line, ...]
    deductions: tuple[Deduction, ...]
    additions: tuple[Extra, ...]
    gross_pay: Decimal
    taxable_pay: Decimal
    tax: Decimal
    employee_ni: Decimal
    employer_ni: Decimal
    employment_allowance: Decimal
    employee_pension: Decimal
    employer_pension: Decimal
    ssp: Decimal
    net_pay: Decimal
    holiday_hours_accrued: Decimal
    holiday_hours_taken: Decimal
    minimum_wage_ok: bool
    minimum_wage_reason: str
    minimum_hourly_rate: Decimal | None
    effective_hourly_rate: Decimal | None
    minimum_wage_shortfall: Decimal
    year_to_date: YearToDate
    previous_employment_pay: Decimal
    previous_employment_tax: Decimal
    flags: tuple[str, ...]

    @property
    def hours(self) -> Decimal:
        """Hours paid for (ERA 1996 s.8: shown where pay varies with time worked)."""
        return sum((line.hours for line in self.lines if line.hours is not None and line.code != "SSP"), ZERO)

    @property
    def additions_total(self) -> Decimal:
        return sum((a.amount for a in self.additions), ZERO)

    # The names domain.payroll's summaries read, so stored payslips can be summed by the same rules.
    @property
    def pa(self) -> int:
        return self.pa_id

    @property
    def employment_allowance_claimed(self) -> Decimal:
        return self.employment_allowance

    @property
    def needs_reason(self) -> bool:
        return not self.minimum_wage_ok and not self.minimum_wage_reason


def from_payslip(slip: Payslip, pa_id: int, pa_name: str) -> PayslipFigures:
    check = slip.minimum_wage
    return PayslipFigures(
        pa_id=pa_id, pa_name=pa_name, tax_year=slip.tax_year, frequency=slip.frequency.value, period=slip.period,
        pay_date=slip.pay_date, period_start=slip.period_start, period_end=slip.period_end, tax_code=slip.tax_code,
        ni_category=slip.ni_category,
        lines=tuple(Line(l.code, l.amount, l.shift_type.value if l.shift_type else None, l.hours, l.rate, l.quantity)
                    for l in slip.lines),
        deductions=tuple(Deduction(d.code, d.amount, d.description, d.purpose) for d in slip.deductions),
        additions=tuple(Extra(a.description, a.amount) for a in slip.additions),
        gross_pay=slip.gross_pay, taxable_pay=slip.taxable_pay, tax=slip.tax, employee_ni=slip.employee_ni,
        employer_ni=slip.employer_ni, employment_allowance=slip.employment_allowance_claimed,
        employee_pension=slip.employee_pension, employer_pension=slip.employer_pension, ssp=slip.ssp,
        net_pay=slip.net_pay, holiday_hours_accrued=slip.holiday_hours_accrued,
        holiday_hours_taken=slip.holiday_hours_taken, minimum_wage_ok=slip.minimum_wage_ok,
        minimum_wage_reason=slip.minimum_wage_override_reason,
        minimum_hourly_rate=check.minimum_hourly_rate if check else None,
        effective_hourly_rate=check.effective_hourly_rate if check else None,
        minimum_wage_shortfall=check.shortfall if check else ZERO,
        year_to_date=slip.year_to_date, previous_employment_pay=slip.previous_employment_pay,
        previous_employment_tax=slip.previous_employment_tax, flags=tuple(slip.flags),
    )


# --- to and from the stored document (JSON, money as strings) ----------------------------------


def _plain(value):
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def to_json(figures: PayslipFigures) -> str:
    return json.dumps(_plain(asdict(figures)), sort_keys=True)


def _dec(value) -> Decimal | None:
    return None if value is None else Decimal(value)


def from_json(text: str) -> PayslipFigures:
    raw = json.loads(text)
    money = {f.name for f in fields(PayslipFigures) if f.type in ("Decimal", "Decimal | None")}
    values = {}
    for f in fields(PayslipFigures):
        value = raw[f.name]
        if f.name in money:
            value = _dec(value)
        elif f.name in ("pay_date", "period_start", "period_end"):
            value = date.fromisoformat(value)
        elif f.name == "lines":
            value = tuple(Line(l["code"], Decimal(l["amount"]), l["shift_type"], _dec(l["hours"]), _dec(l["rate"]),
                               l["quantity"]) for l in value)
        elif f.name == "deductions":
            value = tuple(Deduction(d["code"], Decimal(d["amount"]), d["description"], d["purpose"]) for d in value)
        elif f.name == "additions":
            value = tuple(Extra(a["description"], Decimal(a["amount"])) for a in value)
        elif f.name == "year_to_date":
            value = YearToDate(**{k: Decimal(v) for k, v in value.items()})
        elif f.name == "flags":
            value = tuple(value)
        values[f.name] = value
    return PayslipFigures(**values)
