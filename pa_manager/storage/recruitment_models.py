"""Stored records for taking on and keeping PAs: the written statement of particulars and the
employer's choices behind it; vacancies, applicants, interview scores and offers. Same Base and rules as storage/models.py (every row owned by one
employer, so export, import and removal of an employer need no change)."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from pa_manager.storage.models import Base, version_column
from pa_manager.storage.types import ExactDecimal, Pence


class EmploymentTerms(Base):
    """The employer's choices for one PA's written statement (domain.particulars.StatementTerms)."""

    __tablename__ = "employment_terms"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id", ondelete="CASCADE"), index=True)
    pa_id: Mapped[int] = mapped_column(ForeignKey("pas.id", ondelete="CASCADE"), unique=True)
    continuous_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    duties: Mapped[str] = mapped_column(Text, default="")
    place_of_work: Mapped[str] = mapped_column(Text, default="")
    also_out_and_about: Mapped[bool] = mapped_column(Boolean, default=True)
    hours_vary: Mapped[str] = mapped_column(Text, default="")
    bank_holidays: Mapped[str] = mapped_column(String(20), default="included")
    payment_method: Mapped[str] = mapped_column(String(20), default="bank_transfer")
    sick_pay: Mapped[str] = mapped_column(Text, default="")
    other_paid_leave: Mapped[str] = mapped_column(Text, default="")
    other_benefits: Mapped[str] = mapped_column(Text, default="")
    employer_notice_weeks: Mapped[int | None] = mapped_column(Integer, nullable=True)
    pa_notice_weeks: Mapped[int] = mapped_column(Integer, default=1)
    probation_months: Mapped[int] = mapped_column(Integer, default=3)
    probation_notice_weeks: Mapped[int] = mapped_column(Integer, default=1)
    probation_conditions: Mapped[str] = mapped_column(Text, default="")
    duration: Mapped[str] = mapped_column(String(20), default="permanent")
    ends_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    expected_length: Mapped[str] = mapped_column(String(200), default="")
    outside_uk: Mapped[str] = mapped_column(Text, default="")
    collective_agreements: Mapped[str] = mapped_column(Text, default="")
    training_entitlement: Mapped[str] = mapped_column(Text, default="")
    unpaid_training: Mapped[str] = mapped_column(Text, default="")
    grievance_contact: Mapped[str] = mapped_column(String(200), default="")
    appeal_contact: Mapped[str] = mapped_column(String(200), default="")
    version: Mapped[int] = version_column()
    __mapper_args__ = {"version_id_col": version}


class WrittenStatement(Base):
    """A written statement of particulars, or a notice of a change to one, as made on a day: its words
    (`document`, JSON, statement_words.to_document) and the values they were made from (`particulars`,
    JSON, for finding later changes). Never rewritten; given_on and signed_on are filled in later."""

    __tablename__ = "written_statements"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id", ondelete="CASCADE"), index=True)
    pa_id: Mapped[int] = mapped_column(ForeignKey("pas.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # statement, change_notice
    made_on: Mapped[date] = mapped_column(Date)
    as_at: Mapped[date] = mapped_column(Date)
    changed_on: Mapped[date | None] = mapped_column(Date, nullable=True)  # a notice: when the change applies
    changes: Mapped[str] = mapped_column(String(400), default="")  # a notice: the particulars' codes, comma-separated
    given_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    signed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    particulars: Mapped[str] = mapped_column(Text)
    document: Mapped[str] = mapped_column(Text)


class Vacancy(Base):
    """A job to fill (domain.recruitment.Vacancy). Its shifts are kept as JSON (`patterns`), its tasks,
    courses and chosen interview questions as comma-separated codes."""

    __tablename__ = "vacancies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    tasks: Mapped[str] = mapped_column(String(400), default="")
    other_tasks: Mapped[str] = mapped_column(Text, default="")
    hours_per_week: Mapped[Decimal | None] = mapped_column(ExactDecimal, nullable=True)
    irregular_hours: Mapped[bool] = mapped_column(Boolean, default=False)
    patterns: Mapped[str] = mapped_column(Text, default="[]")
    hourly_rate: Mapped[Decimal | None] = mapped_column(Pence, nullable=True)
    sleep_in_allowance: Mapped[Decimal | None] = mapped_column(Pence, nullable=True)
    area: Mapped[str] = mapped_column(String(200), default="")
    opened_on: Mapped[date] = mapped_column(Date)
    closing_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    start_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    how_to_apply: Mapped[str] = mapped_column(Text, default="")
    required_courses: Mapped[str] = mapped_column(Text, default="")
    questions: Mapped[str] = mapped_column(Text, default="")
    retention_months: Mapped[int] = mapped_column(Integer, default=6)
    status: Mapped[str] = mapped_column(String(20), default="open")
    filled_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    version: Mapped[int] = version_column()
    __mapper_args__ = {"version_id_col": version}


class Applicant(Base):
    """Someone who applied for a vacancy. Once they are not taken on and the employer's chosen period
    has passed, their details are erased (name, contact, referees, notes, reasons) and `erased_on` set."""

    __tablename__ = "applicants"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id", ondelete="CASCADE"), index=True)
    vacancy_id: Mapped[int] = mapped_column(ForeignKey("vacancies.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(30), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(40), default="other")
    referees: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    applied_on: Mapped[date] = mapped_column(Date)
    interviewed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(20), default="applied")
    decided_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    reasons: Mapped[str] = mapped_column(Text, default="")
    erased_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    pa_id: Mapped[int | None] = mapped_column(ForeignKey("pas.id", ondelete="SET NULL"), nullable=True, index=True)


class InterviewScore(Base):
    """One question's score (1 to 4) and note for one applicant."""

    __tablename__ = "interview_scores"
    __table_args__ = (UniqueConstraint("applicant_id", "question", name="uq_interview_scores_applicant_id_question"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id", ondelete="CASCADE"), index=True)
    applicant_id: Mapped[int] = mapped_column(ForeignKey("applicants.id", ondelete="CASCADE"))
    question: Mapped[str] = mapped_column(String(80))
    score: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")


class Offer(Base):
    """A conditional offer to one applicant: pay, hours, start date; on acceptance, the PA it made."""

    __tablename__ = "offers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id", ondelete="CASCADE"), index=True)
    applicant_id: Mapped[int] = mapped_column(ForeignKey("applicants.id", ondelete="CASCADE"), unique=True)
    made_on: Mapped[date] = mapped_column(Date)
    hourly_rate: Mapped[Decimal | None] = mapped_column(Pence, nullable=True)
    hours_per_week: Mapped[Decimal | None] = mapped_column(ExactDecimal, nullable=True)
    irregular_hours: Mapped[bool] = mapped_column(Boolean, default=False)
    start_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    other_conditions: Mapped[str] = mapped_column(Text, default="")
    accepted_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    declined_on: Mapped[date | None] = mapped_column(Date, nullable=True)


class InductionItem(Base):
    """One item of a PA's induction plan (domain.induction.PlanItem). `completed_on` is kept for the
    household's own topics only: Care Certificate standards and courses are done when the Training page's
    records say so."""

    __tablename__ = "induction_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id", ondelete="CASCADE"), index=True)
    pa_id: Mapped[int] = mapped_column(ForeignKey("pas.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # standard, course, task
    key: Mapped[str] = mapped_column(String(200))
    due_on: Mapped[date] = mapped_column(Date)
    completed_on: Mapped[date | None] = mapped_column(Date, nullable=True)


class ProbationReview(Base):
    """A review at the end of a PA's probation: passed, extended (to a new end) or not passed."""

    __tablename__ = "probation_reviews"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id", ondelete="CASCADE"), index=True)
    pa_id: Mapped[int] = mapped_column(ForeignKey("pas.id", ondelete="CASCADE"), index=True)
    reviewed_on: Mapped[date] = mapped_column(Date)
    outcome: Mapped[str] = mapped_column(String(20))
    extended_to: Mapped[date | None] = mapped_column(Date, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")


class ExitRecord(Base):
    """Why a PA left, in short (domain.keeping.ExitRecord): one per leaver."""

    __tablename__ = "exit_records"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id", ondelete="CASCADE"), index=True)
    pa_id: Mapped[int] = mapped_column(ForeignKey("pas.id", ondelete="CASCADE"), unique=True)
    reason: Mapped[str] = mapped_column(String(40))
    would_reemploy: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    went_well: Mapped[str] = mapped_column(Text, default="")
    could_be_better: Mapped[str] = mapped_column(Text, default="")
    talked_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    recorded_on: Mapped[date | None] = mapped_column(Date, nullable=True)


class HRCase(Base):
    """A disciplinary or grievance case about one PA (domain.cases.Case); its steps are HRCaseStep rows."""

    __tablename__ = "hr_cases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id", ondelete="CASCADE"), index=True)
    pa_id: Mapped[int] = mapped_column(ForeignKey("pas.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    opened_on: Mapped[date] = mapped_column(Date)
    summary: Mapped[str] = mapped_column(Text)
    outcome: Mapped[str] = mapped_column(String(40), default="")
    closed_on: Mapped[date | None] = mapped_column(Date, nullable=True)


class HRCaseStep(Base):
    """One step of a case: facts found out, a letter, a meeting (and who came along), a decision, an appeal."""

    __tablename__ = "hr_case_steps"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id", ondelete="CASCADE"), index=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("hr_cases.id", ondelete="CASCADE"), index=True)
    on: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(30))
    notes: Mapped[str] = mapped_column(Text, default="")
    accompanied_by: Mapped[str] = mapped_column(String(200), default="")


class PayScaleStep(Base):
    """One step of the employer's own pay scale: the hourly rate from so many completed years of service
    (domain.pay_scale). The scale is saved whole."""

    __tablename__ = "pay_scale_steps"
    __table_args__ = (UniqueConstraint("employer_id", "years", name="uq_pay_scale_steps_employer_id_years"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id", ondelete="CASCADE"), index=True)
    years: Mapped[int] = mapped_column(Integer)
    hourly_rate: Mapped[Decimal] = mapped_column(Pence)


class SickPayScheme(Base):
    """The employer's own (occupational) sick pay scheme on top of SSP (domain.occupational_sick_pay):
    for every PA (pa_id None) or, when set, for one PA instead."""

    __tablename__ = "sick_pay_schemes"
    __table_args__ = (UniqueConstraint("employer_id", "pa_id", name="uq_sick_pay_schemes_employer_id_pa_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id", ondelete="CASCADE"), index=True)
    pa_id: Mapped[int | None] = mapped_column(ForeignKey("pas.id", ondelete="CASCADE"), nullable=True)
    full_pay_weeks: Mapped[int] = mapped_column(Integer)
    half_pay_weeks: Mapped[int] = mapped_column(Integer)
    qualifying_months: Mapped[int] = mapped_column(Integer)
    waiting_days: Mapped[int] = mapped_column(Integer)
