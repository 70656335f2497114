"""Tax and NI for one pay period, without any records: the pay calculator and `calc-pay`."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from pa_manager.domain.money import ZERO
from pa_manager.domain.national_insurance import NIError, calculate_ni
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.paye import PayeError, calculate_tax
from pa_manager.domain.rates import RatesError
from pa_manager.domain.student_loan import StudentLoanError, loan_deductions
from pa_manager.domain.tax_code import TaxCodeError, parse_tax_code
from pa_manager.domain.tax_year import TaxYearError
from pa_manager.domain.validation import Problem
from pa_manager.services.errors import ServiceError


def calculate_pay(*, tax_year: str, frequency: str, period: int, gross: Decimal, tax_code: str,
                  week1_month1: bool = False, previous_taxable_pay: Decimal | None = None,
                  previous_tax: Decimal | None = None, ni_category: str = "A", student_loan: str | None = None,
                  postgraduate_loan: bool = False) -> dict[str, Decimal]:
    """tax (this period; negative is a refund), tax_to_date, employee_ni and employer_ni; with a
    student loan plan or a Postgraduate Loan, student_loan and postgraduate_loan too (on the NI-able pay)."""
    try:
        code = parse_tax_code(tax_code)
        if week1_month1:
            code = replace(code, non_cumulative=True)
        pay_frequency = PayFrequency(frequency)
        tax = calculate_tax(tax_year=tax_year, frequency=pay_frequency, period=period, gross_pay=gross, tax_code=code,
                            previous_pay_to_date=previous_taxable_pay or ZERO, previous_tax_to_date=previous_tax or ZERO)
        ni = calculate_ni(tax_year=tax_year, frequency=pay_frequency, gross_pay=gross, category=ni_category)
        loans = loan_deductions(tax_year=tax_year, frequency=pay_frequency, earnings=gross, plan=student_loan,
                                postgraduate=postgraduate_loan)
    except StudentLoanError as error:
        raise ServiceError(Problem(error.code, student_loan or "")) from None
    except (TaxCodeError, PayeError, NIError, TaxYearError) as error:
        raise ServiceError(Problem.of(error.code, tax_code if isinstance(error, TaxCodeError) else str(error),
                                      tax_year=tax_year, period=period, category=ni_category)) from None
    except RatesError:
        raise ServiceError(Problem("NO_RATES_FOR_TAX_YEAR", tax_year)) from None
    result = {"tax": tax.tax, "tax_to_date": tax.tax_to_date, "taxable_pay_to_date": tax.taxable_pay_to_date,
              "employee_ni": ni.employee, "employer_ni": ni.employer}
    if loans.plan is not None:
        result["student_loan"] = loans.student_loan
    if loans.postgraduate:
        result["postgraduate_loan"] = loans.postgraduate_loan
    return result
