"""The demo household: a realistic, fictional employer and PAs, dated relative to today.

Each capability adds its own part to the demo, so the demo always shows everything the app does.
"""
from __future__ import annotations

from dataclasses import replace
from dataclasses import replace as replace_shift
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.nation import Nation
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.people import BANK_HOLIDAY, SLEEP_IN_ALLOWANCE, PARecord, PayRateEntry
from pa_manager.domain.compliance import Contract, DBSCheck, Reference, RightToWorkCheck, StatusCheck
from pa_manager.services.checks import save_contract, save_dbs_check, save_reference, save_right_to_work
from pa_manager.services.employers import get_employer, save_employer
from pa_manager.domain.rota import (
    FRIDAY, MONDAY, SATURDAY, SUNDAY, THURSDAY, TUESDAY, WEDNESDAY, WEEKDAYS, Cover, RotaPattern, apply_changes, rota_shifts,
)
from pa_manager.domain.shifts import FROM_ROTA, Shift, ShiftType, local_date
from pa_manager.services.pay_runs import finalise_pay_runs
from pa_manager.services.people import get_pa, list_pas, save_pa
from pa_manager.domain.budget import LedgerEntry, budget_year_label
from pa_manager.services import budget, rti, training
from pa_manager.services.recruitment_demo import add_recruitment_demo
from pa_manager.services.rota import save_change, save_pattern
from pa_manager.services.shifts import check_batch, store_batch
from pa_manager.services.undo import not_recorded
from pa_manager.storage.database import Database
from pa_manager.services.errors import ServiceError
from pa_manager.domain.tax_year import tax_year_label

DEMO_EMPLOYER = "Margaret Okafor"


def last_april_first(today: date) -> date:
    """The most recent 1 April on or before today: the latest legal minimum rise."""
    this_year = date(today.year, 4, 1)
    return this_year if this_year <= today else date(today.year - 1, 4, 1)


def _rates(*pairs: tuple[date, str]) -> tuple[PayRateEntry, ...]:
    return tuple(PayRateEntry(day, Decimal(rate)) for day, rate in pairs)


def demo_household(today: date) -> tuple[EmployerRecord, list[PARecord]]:
    april = last_april_first(today)
    april_before = april - relativedelta(years=1)
    employer = EmployerRecord(
        name=DEMO_EMPLOYER,
        address="14 Larch Close\nAshford Vale",
        postcode="AV1 2QT",
        council="Ashford Vale Council",
        direct_payment_reference="DP-204417",
        nation=Nation.ENGLAND,
        paye_reference="123/PA45678",
        accounts_office_reference="123PV00456789",
        insurer="Hearthside Mutual",
        insurance_policy_number="ELI-558201",
        insurance_renewal_date=today + relativedelta(months=4, day=1),
        pension_provider="NEST",
        pay_frequency=PayFrequency.MONTHLY,
    )
    young_start = april_before + relativedelta(months=2, weekday=0)
    pas = [
        PARecord(
            name="Janet Moyo",
            gender="F",  # as HMRC records it, for the FPS
            starter_declaration="B",  # statement B on their starter checklist
            date_of_birth=today - relativedelta(years=52, months=3, days=11),
            ni_number="JT482193B",
            address="3 Mill Lane\nAshford Vale",
            postcode="AV2 7LP",
            phone="07700 900418",
            email="janet.moyo@example.org",
            start_date=today - relativedelta(years=9, months=2, day=1),
            job_title="Senior personal assistant",
            tax_code="1257L",
            ni_category="A",
            contracted_hours=Decimal("27.5"),
            emergency_contact_name="Peter Moyo",
            emergency_contact_phone="07700 900512",
            pay_rates=_rates((april_before - relativedelta(years=1), "13.50"), (april_before, "14.20"), (april, "14.80")),
        ),
        PARecord(
            name="Tom Whitfield",
            gender="M",  # as HMRC records it, for the FPS
            starter_declaration="A",  # statement A on their starter checklist
            date_of_birth=today - relativedelta(years=34, months=7, days=2),
            ni_number="PA482193C",
            address="Flat 2, 41 Station Road\nAshford Vale",
            postcode="AV1 4DS",
            phone="07700 900207",
            email="tom.whitfield@example.org",
            start_date=april_before - relativedelta(months=7, day=2),
            tax_code="1257L",
            ni_category="A",
            irregular_hours=True,
            emergency_contact_name="Ruth Whitfield",
            emergency_contact_phone="07700 900633",
            pay_rates=_rates((april_before - relativedelta(months=7, day=2), "12.00"), (april_before, "12.60"), (april, "13.45"))
            + (PayRateEntry(april_before - relativedelta(months=7, day=2), Decimal("55.00"), SLEEP_IN_ALLOWANCE),
               PayRateEntry(april_before, Decimal("60.00"), SLEEP_IN_ALLOWANCE),
               PayRateEntry(april_before, None, BANK_HOLIDAY, multiplier=Decimal("1.5"))),
        ),
        PARecord(
            name="Priya Sandhu",
            gender="F",  # as HMRC records it, for the FPS
            starter_declaration="A",  # statement A on their starter checklist
            # 19 today, so on the 18 to 20 minimum-wage band, and turning 20 in a few months.
            date_of_birth=today - relativedelta(years=19, months=8, days=20),
            ni_number="WK115620A",
            address="9 Orchard Row\nAshford Vale",
            postcode="AV3 1HG",
            phone="07700 900871",
            start_date=young_start,
            tax_code="1257L",
            ni_category="M",
            contracted_hours=Decimal("16"),
            emergency_contact_name="Harjit Sandhu",
            emergency_contact_phone="07700 900345",
            pay_rates=_rates((young_start, "10.50"), (april, "11.20")),
        ),
        PARecord(
            name="Leah Grant",
            gender="F",  # as HMRC records it, for the FPS
            starter_declaration="C",  # statement C on their starter checklist
            address="27 Beech Walk\nAshford Vale",
            # A relief PA who covers when a regular PA is away: not one of the regular named PAs.
            date_of_birth=today - relativedelta(years=46, months=4, days=9),
            ni_number="JT119273A",
            start_date=today - relativedelta(months=6, day=1),
            job_title="Relief personal assistant",
            tax_code="BR",
            irregular_hours=True,
            regular=False,
            emergency_contact_name="Sean Grant",
            emergency_contact_phone="07700 900144",
            pay_rates=_rates((today - relativedelta(months=6, day=1), "12.71")),
        ),
        PARecord(
            name="Sam Ellis",
            gender="M",  # as HMRC records it, for the FPS
            starter_declaration="A",  # statement A on their starter checklist
            address="5 Hollins Court\nAshford Vale",
            date_of_birth=today - relativedelta(years=27, months=1, days=5),
            ni_number="NE237781D",
            start_date=april_before - relativedelta(years=1, months=1, day=6),
            leaving_date=april_before + relativedelta(months=5, day=31),
            leaving_reason="Moved away",
            tax_code="1257L",
            contracted_hours=Decimal("12"),
            pay_rates=_rates((april_before - relativedelta(years=1), "12.00"), (april_before, "12.40")),
        ),
    ]
    return employer, pas


def second_client(today: date) -> tuple[EmployerRecord, list[PARecord]]:
    """A second, smaller employer, so the switcher and the caseload have something to show."""
    april = last_april_first(today)
    employer = EmployerRecord(
        name="Desmond Clarke",
        address="22 Quarry Hill\nBrackenfield",
        postcode="BF4 9RW",
        council="Brackenfield Borough Council",
        direct_payment_reference="BBC/DP/7731",
        nation=Nation.ENGLAND,
        pay_frequency=PayFrequency.WEEKLY,
    )
    pas = [
        PARecord(
            name="Grace Adeyemi",
            gender="F",  # as HMRC records it, for the FPS
            starter_declaration="B",  # statement B on their starter checklist
            date_of_birth=today - relativedelta(years=41, months=2),
            ni_number="SN903366A",
            start_date=april - relativedelta(months=3, day=1),
            tax_code="BR",
            ni_category="A",
            contracted_hours=Decimal("10"),
            pay_rates=_rates((april - relativedelta(months=3, day=1), "12.21"), (april, "12.71")),
        )
    ]
    return employer, pas


def demo_rota(today: date, ids: dict[str, int]) -> list[RotaPattern]:
    """Mornings on weekdays, a young PA's evenings and Saturdays, and every other weekend a sleep-in."""
    april = last_april_first(today)
    two_years_ago = today - relativedelta(years=2)
    sam_left = april - relativedelta(years=1) + relativedelta(months=5, day=31)
    return [
        RotaPattern("Weekday mornings", ids["Janet Moyo"], time(8, 0), time(14, 0), frozenset(WEEKDAYS),
                    two_years_ago, break_minutes=30),
        RotaPattern("Evenings", ids["Priya Sandhu"], time(17, 0), time(20, 0), frozenset({TUESDAY, THURSDAY}),
                    april - relativedelta(years=1) + relativedelta(months=2, weekday=0)),
        RotaPattern("Saturdays", ids["Priya Sandhu"], time(10, 0), time(16, 0), frozenset({SATURDAY}),
                    april - relativedelta(years=1) + relativedelta(months=2, weekday=0), break_minutes=30),
        RotaPattern("Weekend sleep-in", ids["Tom Whitfield"], time(22, 0), time(8, 0), frozenset({SATURDAY, SUNDAY}),
                    two_years_ago + relativedelta(weekday=SATURDAY), shift_type=ShiftType.SLEEP_IN, interval=2),
        RotaPattern("Wednesday evenings", ids["Tom Whitfield"], time(18, 0), time(21, 0), frozenset({WEDNESDAY}),
                    two_years_ago),
        RotaPattern("Afternoons", ids["Sam Ellis"], time(14, 0), time(18, 0), frozenset({MONDAY, FRIDAY}),
                    two_years_ago, until=sam_left),
    ]


def demo_cover(today: date, ids: dict[str, int]) -> list[Cover]:
    """Janet's Monday mornings covered by the relief PA for the last six weeks."""
    last_monday = today - timedelta(days=today.weekday() + 7)
    return [Cover(ids["Janet Moyo"], last_monday - timedelta(weeks=n), ids["Leah Grant"]) for n in range(6)]


def _worked_history(patterns: list[RotaPattern], cover: list[Cover], pas: dict[int, PARecord], today: date) -> list[Shift]:
    """What the rota planned up to last Sunday, within each PA's employment, as worked shifts."""
    last_sunday = today - timedelta(days=today.weekday() + 1)
    planned = apply_changes(rota_shifts(patterns, today - relativedelta(years=2), last_sunday), cover)
    return [s for s in planned if pas[s.pa].is_current(local_date(s))]


def create_demo(db: Database, today: date) -> int:
    """Write the demo households into an open data file; returns the main demo employer's id. One
    transaction: all of it is there, or none (and one write to the disk, not hundreds). Making it is not
    something to undo (the file is new), so the services it goes through keep no rows for undo."""
    with db.session(write=True), not_recorded():
        return _create_demo(db, today)


def _create_demo(db: Database, today: date) -> int:
    first_id = None
    for employer, pas in (demo_household(today), second_client(today)):
        saved = save_employer(db, employer)
        first_id = first_id or saved.id
        for pa in pas:
            save_pa(db, saved.id, pa, today)
    stored = {pa.id: pa for pa in list_pas(db, first_id)}
    patterns = demo_rota(today, {pa.name: pa.id for pa in stored.values()})
    for pattern in patterns:
        save_pattern(db, first_id, pattern)
    cover = demo_cover(today, {pa.name: pa.id for pa in stored.values()})
    for change in cover:
        save_change(db, first_id, change)
    history = _with_leave(_worked_history(patterns, cover, stored, today), stored, today)
    problems = check_batch(db, first_id, history)
    assert not problems, problems  # the demo is made to be valid; a failure here is a bug in it
    store_batch(db, first_id, history, FROM_ROTA)
    _add_checks(db, first_id, stored, today)
    _enrol_in_pension(db, first_id, stored, today)
    _pay_runs(db, first_id, today)
    _training(db, first_id, stored, today)
    _budget(db, first_id, today)
    add_recruitment_demo(db, first_id, today)  # services/recruitment_demo.py
    return first_id


def _budget(db: Database, employer_id: int, today: date) -> None:
    """Two council years whose uplift (2%) fell short of the April rise in the National Living Wage
    (4.1%), with four-weekly payments in, insurance and support fees out, and the pay runs."""
    april = last_april_first(today)
    previous, current = budget_year_label(april - timedelta(days=1)), budget_year_label(april)
    rate_before, rate_now = Decimal("15.20"), Decimal("15.50")  # +2.0%, where the NLW rose 12.21 -> 12.71
    payment_before, payment_now = Decimal("2700.00"), Decimal("2754.00")
    # The council's financial assessment found nothing for Margaret to pay; her support plan sets out 42 hours
    # a week (the rota's day hours) and the weekend sleep-ins.
    plan = dict(assessed_contribution=Decimal("0.00"), support_plan_hours=Decimal("42"))
    first = budget.make_year(label=previous, amount=payment_before, basis="four-weekly", council_hourly_rate=rate_before,
                             council_on_cost_rate=Decimal("0.22"), opening_balance=Decimal("1500.00"), **plan)
    budget.save_year(db, employer_id, first)
    entries = []
    for year, amount in ((first, payment_before),):
        entries += [LedgerEntry(day, amount, "council_payment", "Direct payment from Ashford Vale Council")
                    for day in year.payment_dates()]
    for day in budget.make_year(label=current, amount=payment_now, basis="four-weekly", council_hourly_rate=rate_now).payment_dates():
        if day <= today:
            entries.append(LedgerEntry(day, payment_now, "council_payment", "Direct payment from Ashford Vale Council"))
    for start in (april - relativedelta(years=1), april):
        entries.append(LedgerEntry(start + timedelta(days=14), Decimal("-118.00"), "insurance", "Employer's liability insurance"))
        for month in range(12):
            day = start + relativedelta(months=month, day=5)
            if day <= today:
                entries.append(LedgerEntry(day, Decimal("-18.50"), "payroll_support_fees", "Payroll support service"))
    for entry in entries:
        budget.save_entry(db, employer_id, entry)
    closing = budget.budget_summary(db, employer_id, previous, april - timedelta(days=1), with_uprating=False).balance
    budget.save_year(db, employer_id, budget.make_year(
        label=current, amount=payment_now, basis="four-weekly", council_hourly_rate=rate_now,
        council_on_cost_rate=Decimal("0.22"), opening_balance=closing, **plan))


def _training(db: Database, employer_id: int, pas: dict[int, PARecord], today: date) -> None:
    """A realistic training history: most courses in date, Janet's moving and handling expired, and
    the epilepsy rescue medication course Margaret needs missing for her newest PA."""
    courses = {c.course.key: c for c in training.list_courses(db, employer_id)}
    epilepsy = training.save_course(db, employer_id, "Epilepsy rescue medication (buccal midazolam)", 12,
                                    required_for_everyone=True).value
    for key in ("moving_and_handling", "safeguarding_adults", "first_aid", "medication"):
        training.save_course(db, employer_id, "", courses[key].course.refresh_months, required_for_everyone=True,
                             course_id=courses[key].id)
    providers = {"first_aid": "St John Ambulance", "moving_and_handling": "Ashford Vale Council training team"}
    for pa in pas.values():
        if pa.leaving_date is not None:
            continue
        recent = pa.start_date + timedelta(days=21)
        for key in ("moving_and_handling", "safeguarding_adults", "first_aid", "medication"):
            course = courses[key]
            months = course.course.refresh_months or 36
            # The latest time they did it, inside its refresh interval (Janet's moving and handling is older).
            done = max(recent, today - relativedelta(months=months // 2, days=pa.id * 9))
            if pa.name == "Janet Moyo" and key == "moving_and_handling":
                done = today - relativedelta(months=14)
            training.save_record(db, employer_id, pa.id, course.id, done, provider=providers.get(key, "Skills for Care endorsed provider"),
                                 cost=Decimal("45.00") if key == "first_aid" else None,
                                 funding_source="individual_employer_funding" if key == "first_aid" else "direct_payment")
        if pa.name != "Leah Grant":
            training.save_record(db, employer_id, pa.id, epilepsy.id, today - relativedelta(months=4, days=pa.id),
                                 provider="Epilepsy Action", funding_source="free")
    for pa in pas.values():
        if pa.leaving_date is None:
            training.add_meeting(db, employer_id, pa.id, "supervision", today - relativedelta(months=1, days=pa.id))
            training.add_meeting(db, employer_id, pa.id, "appraisal", today - relativedelta(months=8))


def _with_leave(history: list[Shift], pas: dict[int, PARecord], today: date) -> list[Shift]:
    """A week of Janet's holiday last summer, and a day Priya was off sick last month."""
    by_name = {pa.name: pa.id for pa in pas.values()}
    summer = date(today.year - 1, 8, 1) + timedelta(days=(7 - date(today.year - 1, 8, 1).weekday()) % 7)
    sick_day = today - relativedelta(months=1) - timedelta(days=today.weekday() - 1)  # a Tuesday last month
    out = []
    for shift in history:
        day = local_date(shift)
        if shift.pa == by_name["Janet Moyo"] and summer <= day < summer + timedelta(days=7):
            shift = replace_shift(shift, shift_type=ShiftType.HOLIDAY)
        elif shift.pa == by_name["Priya Sandhu"] and day == sick_day:
            shift = replace_shift(shift, shift_type=ShiftType.SICKNESS)
        out.append(shift)
    return out


def _enrol_in_pension(db: Database, employer_id: int, pas: dict[int, PARecord], today: date) -> None:
    """Janet earns over the trigger, so she was enrolled three months after starting (postponement)."""
    janet = next(pa for pa in pas.values() if pa.name == "Janet Moyo")
    save_pa(db, employer_id, replace(get_pa(db, janet.id), pension_status="ENROLLED",
                                     pension_active_from=janet.start_date + relativedelta(months=3)), today)


def _pay_runs(db: Database, employer_id: int, today: date) -> None:
    """Two years of monthly pay runs, each finalised on its pay day, across two April rises."""
    runs = finalise_pay_runs(db, employer_id, today - relativedelta(months=24, day=1), today,
                             lambda pay_date: datetime.combine(pay_date, time(12), timezone.utc))
    for run in runs:
        # The household reported each pay day to HMRC on the day, through Basic PAYE Tools.
        rti.mark_fps_sent(db, employer_id, run.pay_date, rti.BASIC_PAYE_TOOLS,
                          datetime.combine(run.pay_date, time(14), timezone.utc))
    _p60s_given(db, employer_id, today)


def _p60s_given(db: Database, employer_id: int, today: date) -> None:
    """The household gave its P60s each May: noted as made for every tax year whose 31 May has passed."""
    from pa_manager.services import history, year_end

    label = tax_year_label(today - relativedelta(years=2))
    while True:
        due = year_end.p60_due(label)
        if due >= today:
            return
        try:
            forms = year_end.p60s(db, employer_id, label)
        except ServiceError:
            forms = []
        if forms:
            with db.session() as s:
                history.note(s, employer_id, history.P60S_MADE, at=datetime.combine(due - timedelta(days=10), time(10),
                                                                                     timezone.utc),
                             tax_year=label, people=len(forms), pas=[f.pa.name for f in forms])
        first = int(label[:4]) + 1
        label = f"{first}-{str(first + 1)[2:]}"


def _add_checks(db: Database, employer_id: int, pas: dict[int, PARecord], today: date) -> None:
    """Recruitment records: mostly complete, with one DBS re-check overdue and one right-to-work
    permission ending within 60 days, as a real household's would be."""
    by_name = {pa.name: pa for pa in pas.values()}
    for pa in pas.values():
        start = pa.start_date
        british = pa.name != "Tom Whitfield"
        save_right_to_work(db, employer_id, pa.id, RightToWorkCheck(
            "manual_document" if british else "online_share_code", start - timedelta(days=7),
            "UK passport" if british else "Share code (limited permission)",
            None if british else today + timedelta(days=45)))
        for n, referee in enumerate(("Previous employer", "Character referee")):
            save_reference(db, employer_id, pa.id, Reference(
                f"{referee} of {pa.name.split()[0]}", start - timedelta(days=30), start - timedelta(days=20 - n), True))
        if pa.leaving_date is None:
            save_contract(db, employer_id, pa.id, Contract(start, start, True,
                                                           start + timedelta(weeks=6) if pa.name != "Leah Grant" else None))
    # Janet's enhanced check is over three years old: the re-check is overdue.
    janet = by_name["Janet Moyo"]
    save_dbs_check(db, employer_id, janet.id, DBSCheck(
        "enhanced_adults_barred", "001234567890", today - relativedelta(years=3, months=2), "Ashford Vale Council DBS team"))
    tom = by_name["Tom Whitfield"]
    save_dbs_check(db, employer_id, tom.id, DBSCheck(
        "enhanced_adults_barred", "001987654321", tom.start_date - timedelta(days=20), "CareCheck Umbrella Services",
        update_service=True, update_service_renewal=today + relativedelta(months=7),
        status_checks=(StatusCheck(today - relativedelta(months=2), "no_change"),)))
    for name, number in (("Priya Sandhu", "001122334455"), ("Leah Grant", "001555666777")):
        pa = by_name[name]
        save_dbs_check(db, employer_id, pa.id, DBSCheck(
            "enhanced_adults_barred", number, pa.start_date - timedelta(days=14), "Ashford Vale Council DBS team"))
    duties_start = janet.start_date
    re_enrolled = duties_start + relativedelta(years=3 * ((today - duties_start).days // (3 * 365)))
    employer = get_employer(db, employer_id)
    save_employer(db, replace(
        employer, paye_registered_on=duties_start - timedelta(days=21), pension_duties_start=duties_start,
        declaration_of_compliance_on=re_enrolled + relativedelta(months=2), last_re_enrolment_on=re_enrolled,
        direct_payment_start=duties_start - relativedelta(months=2),
        last_council_review_on=today - relativedelta(months=10, days=12),
    ))
