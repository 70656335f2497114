"""The stored records. Every table below `employers` carries employer_id: one employer owns each row,
which is what lets one employer be exported on its own and deleted as a whole. The one exception is
the data file's own settings (FILE_TABLES), which belong to the file and travel with no employer."""
from __future__ import annotations

import importlib
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, LargeBinary, MetaData, String, Text, UniqueConstraint, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from pa_manager.domain.living_wage import DEFAULT_CARE_WAGE_UPLIFT
from pa_manager.storage.types import ExactDecimal, Pence, UtcInstant

# Named constraints, so that SQLite batch migrations can find them again.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def version_column() -> Mapped[int]:
    """A record's version, for records people edit in forms: 1 when added, one more at every change
    (SQLAlchemy's version counter: each UPDATE says WHERE version = the one read). A save from a form
    opened on an older version is refused (services), so two people editing one record at once never
    silently overwrite each other."""
    return mapped_column(Integer, default=1, server_default="1")


class Employer(Base):
    __tablename__ = "employers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    address: Mapped[str] = mapped_column(Text, default="")
    postcode: Mapped[str] = mapped_column(String(10), default="")
    council: Mapped[str] = mapped_column(String(200), default="")
    direct_payment_reference: Mapped[str] = mapped_column(String(100), default="")
    nation: Mapped[str] = mapped_column(String(20), default="england")
    london: Mapped[bool] = mapped_column(Boolean, default=False)
    paye_reference: Mapped[str] = mapped_column(String(20), default="")
    accounts_office_reference: Mapped[str] = mapped_column(String(20), default="")
    insurer: Mapped[str] = mapped_column(String(200), default="")
    insurance_policy_number: Mapped[str] = mapped_column(String(100), default="")
    insurance_renewal_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    pension_provider: Mapped[str] = mapped_column(String(200), default="")
    pay_frequency: Mapped[str] = mapped_column(String(20), default="monthly")
    follows_real_living_wage: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    care_wage_benchmark: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    care_wage_uplift: Mapped[Decimal] = mapped_column(Pence, default=DEFAULT_CARE_WAGE_UPLIFT,
                                                      server_default=str(int(DEFAULT_CARE_WAGE_UPLIFT * 100)))
    # Employer duties, for the "what needs doing" list
    paye_registered_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    pension_duties_start: Mapped[date | None] = mapped_column(Date, nullable=True)
    declaration_of_compliance_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    last_re_enrolment_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    direct_payment_start: Mapped[date | None] = mapped_column(Date, nullable=True)
    last_council_review_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    dbs_recheck_years: Mapped[int] = mapped_column(Integer, default=3, server_default="3")
    references_required: Mapped[int] = mapped_column(Integer, default=2, server_default="2")
    # Payroll settings
    pension_employer_rate: Mapped[Decimal] = mapped_column(ExactDecimal, default=Decimal("0.03"), server_default="0.03")
    pension_employee_rate: Mapped[Decimal] = mapped_column(ExactDecimal, default=Decimal("0.05"), server_default="0.05")
    pension_tax_relief: Mapped[str] = mapped_column(String(20), default="relief-at-source", server_default="relief-at-source")
    claims_employment_allowance: Mapped[bool] = mapped_column(Boolean, default=True, server_default="1")
    # Paying people: the paying account, a Bacs service user number, the pension provider's account.
    bank_sort_code: Mapped[str] = mapped_column(String(6), default="", server_default="")
    bank_account_number: Mapped[str] = mapped_column(String(8), default="", server_default="")
    bank_account_name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    bacs_service_user_number: Mapped[str] = mapped_column(String(6), default="", server_default="")
    pension_sort_code: Mapped[str] = mapped_column(String(6), default="", server_default="")
    pension_account_number: Mapped[str] = mapped_column(String(8), default="", server_default="")
    pension_account_name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    pension_payment_reference: Mapped[str] = mapped_column(String(18), default="", server_default="")
    # Holiday: the leave year starts each year on this month and day (domain.holiday); bank holidays are
    # part of the 5.6 weeks ("included") or given on top ("extra")
    leave_year_start_month: Mapped[int] = mapped_column(Integer, default=4, server_default="4")
    leave_year_start_day: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    bank_holidays: Mapped[str] = mapped_column(String(20), default="included", server_default="included")
    # The employer's own pay scale (pay_scale_steps) paid from each anniversary in pay runs, or only suggested
    applies_pay_scale: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    version: Mapped[int] = version_column()
    __mapper_args__ = {"version_id_col": version}

    pas: Mapped[list[PersonalAssistant]] = relationship(
        back_populates="employer", cascade="all, delete-orphan", order_by="PersonalAssistant.name"
    )


class PersonalAssistant(Base):
    __tablename__ = "pas"
    __table_args__ = (UniqueConstraint("employer_id", "name", name="uq_pas_employer_id_name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    date_of_birth: Mapped[date | None] = mapped_column(Date, nullable=True)
    ni_number: Mapped[str] = mapped_column(String(9), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    postcode: Mapped[str] = mapped_column(String(10), default="")
    phone: Mapped[str] = mapped_column(String(30), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    start_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    leaving_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    leaving_reason: Mapped[str] = mapped_column(String(200), default="")
    job_title: Mapped[str] = mapped_column(String(200), default="Personal assistant")
    tax_code: Mapped[str] = mapped_column(String(20), default="")
    ni_category: Mapped[str] = mapped_column(String(1), default="A")
    contracted_hours: Mapped[Decimal | None] = mapped_column(ExactDecimal, nullable=True)
    irregular_hours: Mapped[bool] = mapped_column(Boolean, default=False)
    apprentice: Mapped[bool] = mapped_column(Boolean, default=False)
    apprenticeship_start: Mapped[date | None] = mapped_column(Date, nullable=True)
    close_relative_in_household: Mapped[bool] = mapped_column(Boolean, default=False)
    emergency_contact_name: Mapped[str] = mapped_column(String(200), default="")
    emergency_contact_phone: Mapped[str] = mapped_column(String(30), default="")
    regular: Mapped[bool] = mapped_column(Boolean, default=True, server_default="1")
    # Pay
    rolled_up_holiday: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    pension_status: Mapped[str] = mapped_column(String(20), default="NOT_MEMBER", server_default="NOT_MEMBER")
    pension_active_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    p45_tax_year: Mapped[str] = mapped_column(String(7), default="", server_default="")
    p45_pay: Mapped[Decimal | None] = mapped_column(Pence, nullable=True)
    p45_tax: Mapped[Decimal | None] = mapped_column(Pence, nullable=True)
    student_loan_plan: Mapped[str] = mapped_column(String(1), default="", server_default="")
    postgraduate_loan: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    notice_given_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    contractual_notice_weeks: Mapped[int | None] = mapped_column(Integer, nullable=True)
    pay_in_lieu_of_notice: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    redundancy: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    leaving_week_pay: Mapped[Decimal | None] = mapped_column(Pence, nullable=True)
    # For HMRC's Full Payment Submission: gender as HMRC records it ("M", "F"; "" not recorded) and the
    # starter checklist's statement A, B or C ("" not recorded).
    gender: Mapped[str] = mapped_column(String(1), default="", server_default="")
    starter_declaration: Mapped[str] = mapped_column(String(1), default="", server_default="")
    earlier_payroll_last_paid: Mapped[date | None] = mapped_column(Date, nullable=True)
    payroll_id: Mapped[str] = mapped_column(String(35), default="", server_default="")
    # That payroll's figures to date in the tax year of its last pay day (domain.earlier_payroll).
    earlier_payroll_taxable_pay: Mapped[Decimal | None] = mapped_column(Pence, nullable=True)
    earlier_payroll_tax: Mapped[Decimal | None] = mapped_column(Pence, nullable=True)
    earlier_payroll_ni_pay: Mapped[Decimal | None] = mapped_column(Pence, nullable=True)
    earlier_payroll_at_lel: Mapped[Decimal | None] = mapped_column(Pence, nullable=True)
    earlier_payroll_lel_to_pt: Mapped[Decimal | None] = mapped_column(Pence, nullable=True)
    earlier_payroll_pt_to_uel: Mapped[Decimal | None] = mapped_column(Pence, nullable=True)
    earlier_payroll_employee_ni: Mapped[Decimal | None] = mapped_column(Pence, nullable=True)
    earlier_payroll_employer_ni: Mapped[Decimal | None] = mapped_column(Pence, nullable=True)
    earlier_payroll_student_loan: Mapped[Decimal | None] = mapped_column(Pence, nullable=True)
    earlier_payroll_postgraduate_loan: Mapped[Decimal | None] = mapped_column(Pence, nullable=True)
    # Where their pay goes (personal data: listed masked, never logged).
    bank_sort_code: Mapped[str] = mapped_column(String(6), default="", server_default="")
    bank_account_number: Mapped[str] = mapped_column(String(8), default="", server_default="")
    bank_account_name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    building_society_roll_number: Mapped[str] = mapped_column(String(18), default="", server_default="")
    # The day they signed the 48-hour opt-out (Working Time Regulations 1998 reg 5); None: not signed.
    working_time_opt_out: Mapped[date | None] = mapped_column(Date, nullable=True)
    version: Mapped[int] = version_column()  # moves on when their pay lines change too (services.people)
    __mapper_args__ = {"version_id_col": version}

    employer: Mapped[Employer] = relationship(back_populates="pas")
    # By date, then kind and shift type (the lines' unique key): the same order on every database.
    pay_rates: Mapped[list[PayRate]] = relationship(
        back_populates="pa", cascade="all, delete-orphan",
        order_by="[PayRate.effective_from, PayRate.kind, PayRate.shift_type]",
    )


class PayRate(Base):
    """One line of a PA's pay terms (an hourly rate, a sleep-in allowance, or weekend or bank-holiday
    pay), in force from a date until a newer line of the same kind and shift type."""

    __tablename__ = "pay_rates"
    __table_args__ = (
        UniqueConstraint("pa_id", "effective_from", "kind", "shift_type", name="uq_pay_rates_pa_id_line"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id", ondelete="CASCADE"), index=True)
    pa_id: Mapped[int] = mapped_column(ForeignKey("pas.id", ondelete="CASCADE"), index=True)
    effective_from: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(30), default="hourly", server_default="hourly")
    shift_type: Mapped[str] = mapped_column(String(20), default="", server_default="")
    amount: Mapped[Decimal | None] = mapped_column(Pence, nullable=True)
    multiplier: Mapped[Decimal | None] = mapped_column(ExactDecimal, nullable=True)

    pa: Mapped[PersonalAssistant] = relationship(back_populates="pay_rates")


class Shift(Base):
    """Time a PA worked (or was on holiday or off sick): two instants, and the local date it belongs to."""

    __tablename__ = "shifts"
    __table_args__ = (
        Index("ix_shifts_employer_id_local_date", "employer_id", "local_date"),
        Index("ix_shifts_pa_id_starts_at", "pa_id", "starts_at"),
        Index("ix_shifts_pa_id_local_date", "pa_id", "local_date"),  # each PA's first shift, from the index
        # The same shift twice is never right (an import run twice, or twice at once).
        UniqueConstraint("pa_id", "starts_at", "ends_at", "shift_type", name="uq_shifts_pa_id_times"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id", ondelete="CASCADE"))
    pa_id: Mapped[int] = mapped_column(ForeignKey("pas.id", ondelete="CASCADE"))
    starts_at: Mapped[datetime] = mapped_column(UtcInstant)
    ends_at: Mapped[datetime] = mapped_column(UtcInstant)
    local_date: Mapped[date] = mapped_column(Date)  # the Europe/London date it starts on
    break_minutes: Mapped[int] = mapped_column(Integer, default=0)
    shift_type: Mapped[str] = mapped_column(String(20), default="standard")
    awake_periods: Mapped[str] = mapped_column(Text, default="")  # sleep-ins: "start-end;..." in epoch seconds
    notes: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(20), default="manual")  # domain.shifts.SOURCES
    # The holiday booking that put this holiday shift on the timesheet (cancelling it takes the shift back).
    holiday_booking_id: Mapped[int | None] = mapped_column(
        ForeignKey("holiday_bookings.id", ondelete="SET NULL"), nullable=True, index=True)
    version: Mapped[int] = version_column()
    __mapper_args__ = {"version_id_col": version}


class RotaPattern(Base):
    """A recurring shift: weekdays, times and a type, every week or every few weeks, for one PA."""

    __tablename__ = "rota_patterns"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id", ondelete="CASCADE"), index=True)
    pa_id: Mapped[int] = mapped_column(ForeignKey("pas.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200), default="")
    shift_type: Mapped[str] = mapped_column(String(20), default="standard")
    start_time: Mapped[str] = mapped_column(String(5))  # HH:MM local
    end_time: Mapped[str] = mapped_column(String(5))
    break_minutes: Mapped[int] = mapped_column(Integer, default=0)
    weekdays: Mapped[str] = mapped_column(String(20))  # "0,1,2,3,4" (Monday = 0)
    interval_weeks: Mapped[int] = mapped_column(Integer, default=1)
    starts_on: Mapped[date] = mapped_column(Date)
    until: Mapped[date | None] = mapped_column(Date, nullable=True)


class RotaChange(Base):
    """A one-off change to the rota: a planned shift cancelled, or covered by another PA."""

    __tablename__ = "rota_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id", ondelete="CASCADE"), index=True)
    pa_id: Mapped[int] = mapped_column(ForeignKey("pas.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    start_time: Mapped[str] = mapped_column(String(5), default="")  # "" = every planned shift that day
    kind: Mapped[str] = mapped_column(String(10))  # cancel, cover
    cover_pa_id: Mapped[int | None] = mapped_column(ForeignKey("pas.id", ondelete="CASCADE"), nullable=True)
    # The holiday booking that cancelled this planned shift (cancelling the booking puts it back).
    holiday_booking_id: Mapped[int | None] = mapped_column(
        ForeignKey("holiday_bookings.id", ondelete="SET NULL"), nullable=True, index=True)


class DBSCheck(Base):
    """A DBS certificate's facts only: never the content of a disclosure."""

    __tablename__ = "dbs_checks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id", ondelete="CASCADE"), index=True)
    pa_id: Mapped[int] = mapped_column(ForeignKey("pas.id", ondelete="CASCADE"), index=True)
    level: Mapped[str] = mapped_column(String(40))
    certificate_number: Mapped[str] = mapped_column(String(12))
    issue_date: Mapped[date] = mapped_column(Date)
    processed_by: Mapped[str] = mapped_column(String(200), default="")
    outcome: Mapped[str] = mapped_column(String(30), default="clear")
    risk_assessment_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    update_service: Mapped[bool] = mapped_column(Boolean, default=False)
    update_service_renewal: Mapped[date | None] = mapped_column(Date, nullable=True)


class DBSStatusCheck(Base):
    __tablename__ = "dbs_status_checks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id", ondelete="CASCADE"), index=True)
    dbs_check_id: Mapped[int] = mapped_column(ForeignKey("dbs_checks.id", ondelete="CASCADE"), index=True)
    checked_on: Mapped[date] = mapped_column(Date)
    result: Mapped[str] = mapped_column(String(20))


class RightToWorkCheck(Base):
    __tablename__ = "right_to_work_checks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id", ondelete="CASCADE"), index=True)
    pa_id: Mapped[int] = mapped_column(ForeignKey("pas.id", ondelete="CASCADE"), index=True)
    method: Mapped[str] = mapped_column(String(40))
    checked_on: Mapped[date] = mapped_column(Date)
    document_type: Mapped[str] = mapped_column(String(200), default="")
    permission_expires: Mapped[date | None] = mapped_column(Date, nullable=True)


class Reference(Base):
    __tablename__ = "references"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id", ondelete="CASCADE"), index=True)
    pa_id: Mapped[int] = mapped_column(ForeignKey("pas.id", ondelete="CASCADE"), index=True)
    referee: Mapped[str] = mapped_column(String(200))
    requested_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    received_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    satisfactory: Mapped[bool | None] = mapped_column(Boolean, nullable=True)


class Contract(Base):
    """The written statement of particulars and induction: one per PA."""

    __tablename__ = "contracts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id", ondelete="CASCADE"), index=True)
    pa_id: Mapped[int] = mapped_column(ForeignKey("pas.id", ondelete="CASCADE"), unique=True)
    statement_given_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    signed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    job_description: Mapped[bool] = mapped_column(Boolean, default=False)
    induction_completed_on: Mapped[date | None] = mapped_column(Date, nullable=True)


class PayAdjustment(Base):
    """Something to add to or take from one PA's pay on one pay day (domain.pay_period.EXTRA_KINDS):
    expenses (not taxed), a deduction they agreed to or an overpayment recovered, with its purpose, or
    a taxable one-off payment (bonus, back pay, minimum-wage arrears)."""

    __tablename__ = "pay_adjustments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id", ondelete="CASCADE"), index=True)
    pa_id: Mapped[int] = mapped_column(ForeignKey("pas.id", ondelete="CASCADE"))
    pay_date: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(20))  # addition, deduction
    description: Mapped[str] = mapped_column(String(200))
    purpose: Mapped[str] = mapped_column(String(200), default="")
    amount: Mapped[Decimal] = mapped_column(Pence)
    for_employer: Mapped[bool] = mapped_column(Boolean, default=False)
    relates_to: Mapped[date | None] = mapped_column(Date, nullable=True)  # arrears: the pay day put right


class FamilyLeave(Base):
    """One period of family leave with statutory pay (domain.family_pay.FamilyLeave): the kind of pay, the
    date it hangs on (due, matching or bereavement), the leave and pay dates, the average weekly earnings
    it is worked out on, the evidence received and the keeping-in-touch days worked (ISO dates, comma
    separated)."""

    __tablename__ = "family_leave"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id", ondelete="CASCADE"), index=True)
    pa_id: Mapped[int] = mapped_column(ForeignKey("pas.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(10))            # SMP, SPP, SAP, SHPP, SPBP
    adoption: Mapped[bool] = mapped_column(Boolean, default=False)
    key_date: Mapped[date] = mapped_column(Date)
    leave_start: Mapped[date] = mapped_column(Date)
    leave_end: Mapped[date | None] = mapped_column(Date, nullable=True)
    pay_start: Mapped[date] = mapped_column(Date)
    weeks: Mapped[int | None] = mapped_column(Integer, nullable=True)   # None: the most for the kind
    average_weekly_earnings: Mapped[Decimal] = mapped_column(ExactDecimal)   # unrounded, as the law keeps it
    evidence_received: Mapped[date | None] = mapped_column(Date, nullable=True)
    keeping_in_touch_days: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class EarningsOrder(Base):
    """A court attachment of earnings order on a PA's pay (domain.attachment_of_earnings): its kind
    (judgment debt or maintenance), the court's reference and name, the day deductions start and the
    day the order stopped (None: in force), the normal deduction and protected earnings rates and the
    period they are for (week or month), the total to pay if the order states one, and whether the
    employer takes its fee. What has been deducted is read from the stored pay records."""

    __tablename__ = "earnings_orders"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id", ondelete="CASCADE"), index=True)
    pa_id: Mapped[int] = mapped_column(ForeignKey("pas.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))              # judgment_debt, maintenance
    reference: Mapped[str] = mapped_column(String(40))
    issued_by: Mapped[str] = mapped_column(String(200), default="")
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    normal_deduction_rate: Mapped[Decimal] = mapped_column(ExactDecimal)
    protected_earnings_rate: Mapped[Decimal] = mapped_column(ExactDecimal)
    rate_period: Mapped[str] = mapped_column(String(5))        # week, month
    total_to_pay: Mapped[Decimal | None] = mapped_column(ExactDecimal, nullable=True)
    take_fee: Mapped[bool] = mapped_column(Boolean, default=True)
    notes: Mapped[str] = mapped_column(Text, default="")


class PayNote(Base):
    """The reason recorded for finalising a PA's pay despite a minimum-wage shortfall."""

    __tablename__ = "pay_notes"
    __table_args__ = (UniqueConstraint("pa_id", "pay_date", name="uq_pay_notes_pa_id_pay_date"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id", ondelete="CASCADE"), index=True)
    pa_id: Mapped[int] = mapped_column(ForeignKey("pas.id", ondelete="CASCADE"))
    pay_date: Mapped[date] = mapped_column(Date)
    minimum_wage_reason: Mapped[str] = mapped_column(Text)


class HolidayCarryOver(Base):
    """Hours of a PA's holiday carried out of the leave year starting `from_year_start` into the next,
    and why (domain.holiday.CARRY_OVER_REASONS)."""

    __tablename__ = "holiday_carry_overs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id", ondelete="CASCADE"), index=True)
    pa_id: Mapped[int] = mapped_column(ForeignKey("pas.id", ondelete="CASCADE"), index=True)
    from_year_start: Mapped[date] = mapped_column(Date)
    hours: Mapped[Decimal] = mapped_column(ExactDecimal)
    reason: Mapped[str] = mapped_column(String(30))
    note: Mapped[str] = mapped_column(Text, default="")


class HolidayBooking(Base):
    """Holiday a PA has booked: from the first day to the last, for so many hours."""

    __tablename__ = "holiday_bookings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id", ondelete="CASCADE"), index=True)
    pa_id: Mapped[int] = mapped_column(ForeignKey("pas.id", ondelete="CASCADE"), index=True)
    first_day: Mapped[date] = mapped_column(Date)
    last_day: Mapped[date] = mapped_column(Date)
    hours: Mapped[Decimal] = mapped_column(ExactDecimal)
    note: Mapped[str] = mapped_column(Text, default="")


class PayRun(Base):
    """A finalised pay day: a permanent record. It is never changed; corrections go in a later run.
    One per pay period: a second run for a period already paid is refused (the service also refuses
    any overlap). `repeats_period` marks runs from before that rule which paid a period again; they
    are kept, because they are what was paid."""

    __tablename__ = "pay_runs"
    __table_args__ = (
        UniqueConstraint("employer_id", "pay_date", name="uq_pay_runs_employer_id_pay_date"),
        # Its PostgreSQL form (repeats_period = false) is added by postgresql_options(), so that opening a
        # SQLite file never loads SQLAlchemy's PostgreSQL dialect (a tenth of a second).
        Index("uq_pay_runs_employer_id_period", "employer_id", "frequency", "period_start", unique=True,
              sqlite_where=text("repeats_period = 0")),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id", ondelete="CASCADE"), index=True)
    pay_date: Mapped[date] = mapped_column(Date)
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    frequency: Mapped[str] = mapped_column(String(20))
    tax_year: Mapped[str] = mapped_column(String(7))
    period: Mapped[int] = mapped_column(Integer)
    finalised_at: Mapped[datetime] = mapped_column(UtcInstant)
    repeats_period: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")


class StoredPayslip(Base):
    """What one PA was paid in a finalised pay run: the whole record as written (`document`, JSON,
    domain.pay_record), and its main figures as columns for sums. A PA or pay run with records
    cannot be deleted (RESTRICT): the record is kept for as long as the law says."""

    __tablename__ = "payslips"
    __table_args__ = (UniqueConstraint("pay_run_id", "pa_id", name="uq_payslips_pay_run_id_pa_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id", ondelete="CASCADE"), index=True)
    pay_run_id: Mapped[int] = mapped_column(ForeignKey("pay_runs.id", ondelete="RESTRICT"), index=True)
    pa_id: Mapped[int] = mapped_column(ForeignKey("pas.id", ondelete="RESTRICT"), index=True)
    tax_code: Mapped[str] = mapped_column(String(20))
    ni_category: Mapped[str] = mapped_column(String(1))
    hours: Mapped[Decimal] = mapped_column(ExactDecimal)
    hours_worked: Mapped[Decimal] = mapped_column(ExactDecimal, default=Decimal(0), server_default="0")
    gross_pay: Mapped[Decimal] = mapped_column(Pence)
    taxable_pay: Mapped[Decimal] = mapped_column(Pence)
    tax: Mapped[Decimal] = mapped_column(Pence)
    employee_ni: Mapped[Decimal] = mapped_column(Pence)
    employer_ni: Mapped[Decimal] = mapped_column(Pence)
    employment_allowance: Mapped[Decimal] = mapped_column(Pence)
    employee_pension: Mapped[Decimal] = mapped_column(Pence)
    employer_pension: Mapped[Decimal] = mapped_column(Pence)
    ssp: Mapped[Decimal] = mapped_column(Pence)
    additions: Mapped[Decimal] = mapped_column(Pence)
    net_pay: Mapped[Decimal] = mapped_column(Pence)
    holiday_hours_accrued: Mapped[Decimal] = mapped_column(ExactDecimal)
    holiday_hours_taken: Mapped[Decimal] = mapped_column(ExactDecimal)
    minimum_wage_ok: Mapped[bool] = mapped_column(Boolean)
    minimum_wage_reason: Mapped[str] = mapped_column(Text, default="")
    document: Mapped[str] = mapped_column(Text)


class RtiReport(Base):
    """A Full Payment Submission (FPS) for a pay run or an Employer Payment Summary (EPS) for a tax month:
    when its file was made here (with its IRmark), and whether and how it reached HMRC. `sent_how`:
    "" not sent yet; FILE_SENT (the file made here, sent with other software or by a payroll bureau);
    BASIC_PAYE_TOOLS (the figures typed into HMRC's Basic PAYE Tools); TRANSACTION_ENGINE (sent by PA
    Manager itself); BEFORE_RTI_FILES (a pay run finalised before PA Manager made FPS files, when it told
    the user to use Basic PAYE Tools: migration 0016)."""

    __tablename__ = "rti_reports"
    __table_args__ = (Index("ix_rti_reports_employer_id_kind", "employer_id", "kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(3))  # FPS or EPS
    pay_run_id: Mapped[int | None] = mapped_column(ForeignKey("pay_runs.id", ondelete="RESTRICT"), nullable=True,
                                                   index=True)
    tax_year: Mapped[str] = mapped_column(String(7))
    tax_month: Mapped[int | None] = mapped_column(Integer, nullable=True)  # EPS
    made_at: Mapped[datetime | None] = mapped_column(UtcInstant, nullable=True)
    irmark: Mapped[str] = mapped_column(String(40), default="", server_default="")
    employment_allowance: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")  # EPS claims it
    sent_at: Mapped[datetime | None] = mapped_column(UtcInstant, nullable=True)
    sent_how: Mapped[str] = mapped_column(String(20), default="", server_default="")
    correlation_id: Mapped[str] = mapped_column(String(40), default="", server_default="")


class Course(Base):
    """A course in the employer's own catalogue: seeded with the usual topics, editable, and with
    anything specific to the person supported (PEG feeding, epilepsy rescue medication...)."""

    __tablename__ = "courses"
    __table_args__ = (UniqueConstraint("employer_id", "key", name="uq_courses_employer_id_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(60))
    name: Mapped[str] = mapped_column(String(200), default="")  # "" for a catalogue course: worded by key
    refresh_months: Mapped[int | None] = mapped_column(Integer, nullable=True)  # None: never needs refreshing
    required_for_everyone: Mapped[bool] = mapped_column(Boolean, default=False)


class Attachment(Base):
    """A file kept with the data (a training certificate), so export and backup carry it too."""

    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id", ondelete="CASCADE"), index=True)
    file_name: Mapped[str] = mapped_column(String(255))
    content: Mapped[bytes] = mapped_column(LargeBinary)


class TrainingRecord(Base):
    __tablename__ = "training_records"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id", ondelete="CASCADE"), index=True)
    pa_id: Mapped[int] = mapped_column(ForeignKey("pas.id", ondelete="CASCADE"), index=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("courses.id", ondelete="CASCADE"))
    completed_on: Mapped[date] = mapped_column(Date)
    provider: Mapped[str] = mapped_column(String(200), default="")
    cost: Mapped[Decimal | None] = mapped_column(Pence, nullable=True)
    funding_source: Mapped[str] = mapped_column(String(40), default="")
    attachment_id: Mapped[int | None] = mapped_column(ForeignKey("attachments.id", ondelete="SET NULL"), nullable=True)


class RequiredCourse(Base):
    """A course one PA must have (courses every PA needs are marked on the course itself)."""

    __tablename__ = "required_courses"
    __table_args__ = (UniqueConstraint("pa_id", "course_id", name="uq_required_courses_pa_id_course_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id", ondelete="CASCADE"), index=True)
    pa_id: Mapped[int] = mapped_column(ForeignKey("pas.id", ondelete="CASCADE"))
    course_id: Mapped[int] = mapped_column(ForeignKey("courses.id", ondelete="CASCADE"))


class Meeting(Base):
    """A supervision or appraisal held with a PA."""

    __tablename__ = "meetings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id", ondelete="CASCADE"), index=True)
    pa_id: Mapped[int] = mapped_column(ForeignKey("pas.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # supervision, appraisal
    held_on: Mapped[date] = mapped_column(Date)


class CareCertificateProgress(Base):
    """When a PA completed one of the Care Certificate's 16 standards (optional for PAs)."""

    __tablename__ = "care_certificate_progress"
    __table_args__ = (UniqueConstraint("pa_id", "standard", name="uq_care_certificate_progress_pa_id_standard"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id", ondelete="CASCADE"), index=True)
    pa_id: Mapped[int] = mapped_column(ForeignKey("pas.id", ondelete="CASCADE"))
    standard: Mapped[int] = mapped_column(Integer)
    completed_on: Mapped[date] = mapped_column(Date)


class BudgetYear(Base):
    """The council's year (April to March): what the direct payment is, and what it assumes."""

    __tablename__ = "budget_years"
    __table_args__ = (UniqueConstraint("employer_id", "label", name="uq_budget_years_employer_id_label"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id", ondelete="CASCADE"), index=True)
    label: Mapped[str] = mapped_column(String(7))  # "2026-27"
    amount: Mapped[Decimal] = mapped_column(Pence)
    basis: Mapped[str] = mapped_column(String(20))  # weekly, four-weekly, yearly
    council_hourly_rate: Mapped[Decimal] = mapped_column(Pence)
    council_on_cost_rate: Mapped[Decimal] = mapped_column(ExactDecimal, default=Decimal("0"))
    opening_balance: Mapped[Decimal] = mapped_column(Pence, default=Decimal("0"))
    surplus_limit_weeks: Mapped[int] = mapped_column(Integer, default=8)
    first_payment_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    assessed_contribution: Mapped[Decimal | None] = mapped_column(Pence, nullable=True)  # a week; None: not recorded
    support_plan_hours: Mapped[Decimal | None] = mapped_column(ExactDecimal, nullable=True)  # a week


class LedgerEntry(Base):
    """Money in (positive) or out (negative) of the direct-payment account."""

    __tablename__ = "ledger_entries"
    __table_args__ = (Index("ix_ledger_entries_employer_id_on", "employer_id", "on"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id", ondelete="CASCADE"))
    on: Mapped[date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(Pence)
    category: Mapped[str] = mapped_column(String(40))
    description: Mapped[str] = mapped_column(String(300), default="")
    source: Mapped[str] = mapped_column(String(20), default="manual")  # domain.budget.SOURCES
    reference: Mapped[str] = mapped_column(String(100), default="")


class StatementBalance(Base):
    """A balance read off a bank statement, to reconcile the ledger against."""

    __tablename__ = "statement_balances"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id", ondelete="CASCADE"), index=True)
    on: Mapped[date] = mapped_column(Date)
    balance: Mapped[Decimal] = mapped_column(Pence)


class Change(Base):
    """One entry of the change history kept for an audit: who changed what that matters (pay rates,
    finalised pay runs, checks), and when. Written in the same transaction as the change itself."""

    __tablename__ = "changes"
    __table_args__ = (Index("ix_changes_employer_id_at", "employer_id", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id", ondelete="CASCADE"))
    pa_id: Mapped[int | None] = mapped_column(ForeignKey("pas.id", ondelete="SET NULL"), nullable=True, index=True)
    at: Mapped[datetime] = mapped_column(UtcInstant)
    who: Mapped[str] = mapped_column(String(200))
    code: Mapped[str] = mapped_column(String(40))
    facts: Mapped[str] = mapped_column(Text, default="{}")  # JSON: names, dates and figures, as strings


FILE_TABLES = frozenset({"file_settings"})


class FileSetting(Base):
    """A setting of the data file itself, not of any employer in it: who uses this file (their own
    PAs, an advocate, council staff), chosen at the first run. No employer owns it, so an employer's
    export leaves it behind and a file's settings never travel with one person's records."""

    __tablename__ = "file_settings"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(200), default="")


def postgresql_options() -> None:
    """What the tables need only on PostgreSQL, added once a PostgreSQL engine is made (storage/postgresql.py):
    the one-run-per-period index leaves out the runs that repeat a period (a boolean there)."""
    index = next(i for i in PayRun.__table__.indexes if i.name == "uq_pay_runs_employer_id_period")
    index.dialect_options["postgresql"]["where"] = text("repeats_period = false")


# Taking on and keeping PAs (written statements, recruitment, induction): their own module, the same Base,
# loaded here so that every table is known wherever the models are.
importlib.import_module("pa_manager.storage.recruitment_models")
