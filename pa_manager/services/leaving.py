"""A leaver's notice, pay in lieu of notice and statutory redundancy pay, from what was recorded when
they were recorded as leaving (domain.leaving has the rules)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from pa_manager.domain.leaving import Notice, RedundancyPay, notice, redundancy_pay, relevant_date
from pa_manager.domain.money import ZERO, round_half_up
from pa_manager.domain.people import PARecord

AVERAGE_WEEKS = 12   # ERA 1996 s.224: a week's pay for irregular hours, averaged over 12 weeks


@dataclass(frozen=True)
class PaidPeriod:
    period_start: date
    period_end: date
    gross_pay: Decimal


def week_pay(pa: PARecord, earlier: list[PaidPeriod], on: date) -> Decimal:
    """A week's pay for notice and redundancy: as recorded; otherwise, for fixed hours, the contracted
    hours at the hourly rate in force (ERA s.221); otherwise the average over the pay periods ending
    in the 12 weeks before (s.224), by the days those periods cover."""
    if pa.leaving_week_pay is not None:
        return pa.leaving_week_pay
    rate = pa.rate_on(on)
    if not pa.irregular_hours and pa.contracted_hours and rate:
        return round_half_up(pa.contracted_hours * rate)
    recent = [p for p in earlier if on - timedelta(weeks=AVERAGE_WEEKS) < p.period_end <= on]
    days = sum((p.period_end - p.period_start).days + 1 for p in recent)
    if not days:
        return ZERO
    return round_half_up(sum((p.gross_pay for p in recent), ZERO) * 7 / days)


@dataclass(frozen=True)
class LeavingPay:
    week_pay: Decimal
    notice: Notice | None             # None: no date notice was given
    redundancy: RedundancyPay | None  # None: not redundant

    @property
    def pay_in_lieu(self) -> Decimal:
        return self.notice.pay_in_lieu if self.notice is not None else ZERO


def leaving_pay(pa: PARecord, earlier: list[PaidPeriod]) -> LeavingPay | None:
    """What a leaver's last pay run adds for leaving; None when they are not a leaver."""
    if pa.leaving_date is None or pa.start_date is None:
        return None
    pay = week_pay(pa, earlier, pa.leaving_date)
    given = None
    if pa.notice_given_on is not None:
        given = notice(pa.start_date, pa.notice_given_on, pa.leaving_date, pa.contractual_notice_weeks, pay)
        if not pa.pay_in_lieu_of_notice:
            given = Notice(given.statutory_weeks, given.contractual_weeks, given.given_on, given.ends_on,
                           given.weeks_due, given.days_in_lieu, ZERO)
    redundant = None
    if pa.redundancy and pa.date_of_birth is not None:
        # s.145(5): counted to when the statutory notice would end, had it been given (pay in lieu is not notice).
        relevant = relevant_date(pa.leaving_date, pa.start_date, False, pa.notice_given_on)
        redundant = redundancy_pay(pa.start_date, relevant, pa.date_of_birth, pay)
    return LeavingPay(pay, given, redundant)
