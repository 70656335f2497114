"""Stored records for taking on and keeping PAs: the written statement of particulars and the
employer's choices behind it. Same Base and rules as storage/models.py (every row owned by one
employer, so export, import and removal of an employer need no change)."""
from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from pa_manager.storage.models import Base, version_column


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

