"""The stored records. Every table below `employers` carries employer_id: one employer owns each row,
which is what lets one employer be exported on its own and deleted as a whole."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import Boolean, Date, ForeignKey, Integer, MetaData, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from pa_manager.storage.types import ExactDecimal, Pence

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
    care_wage_uplift: Mapped[Decimal] = mapped_column(Pence, default=Decimal("2.00"), server_default="200")

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

    employer: Mapped[Employer] = relationship(back_populates="pas")
    pay_rates: Mapped[list[PayRate]] = relationship(
        back_populates="pa", cascade="all, delete-orphan", order_by="PayRate.effective_from"
    )


class PayRate(Base):
    """One line of a PA's pay-rate history: the hourly rate from a date until the next line."""

    __tablename__ = "pay_rates"
    __table_args__ = (UniqueConstraint("pa_id", "effective_from", name="uq_pay_rates_pa_id_effective_from"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id", ondelete="CASCADE"), index=True)
    pa_id: Mapped[int] = mapped_column(ForeignKey("pas.id", ondelete="CASCADE"), index=True)
    effective_from: Mapped[date] = mapped_column(Date)
    hourly_rate: Mapped[Decimal] = mapped_column(Pence)

    pa: Mapped[PersonalAssistant] = relationship(back_populates="pay_rates")
