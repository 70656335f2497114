"""The budget services: the ledger and its sign rules, bank statements, reconciliation, the uprating gap
and what-ifs, on a new household and on the demo."""
from datetime import date
from decimal import Decimal

import pytest

from pa_manager.domain.budget import LedgerEntry
from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.uprating import Scenario, real_living_wage_target
from pa_manager.services import budget, employers
from pa_manager.services import undo_rules
from pa_manager.budget_words import gap_lines, reconciliation_line
from pa_manager.services.budget_report import record_statement_balance
from pa_manager.services.errors import NotFound, ServiceError, ValidationFailed
from pa_manager.messages import describe, say

D = Decimal


@pytest.fixture
def household(db):
    """A household with one budget year (2026-27, £600 a week) and nothing in the ledger."""
    employer = employers.save_employer(db, EmployerRecord(name="Ruth Ames", council="Brackenfield Borough Council"))
    budget.save_year(db, employer.id, budget.make_year(
        label="2026-27", amount=D("600.00"), basis="weekly", council_hourly_rate=D("15.00"),
        opening_balance=D("1000.00")))
    return employer.id


@pytest.fixture
def margaret(demo_db):
    return employers.find_employer(demo_db, "Margaret Okafor").id


def _add(db, employer_id, on, amount, category, description=""):
    return budget.save_entry(db, employer_id, LedgerEntry(on, D(amount), category, description)).value


def _statement(tmp_path, text: str, name="statement.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_ledger_sums_by_category_and_the_balance_follows(db, household, today):
    _add(db, household, date(2026, 4, 1), "600.00", "council_payment")
    _add(db, household, date(2026, 4, 8), "600.00", "council_payment")
    _add(db, household, date(2026, 4, 10), "50.00", "personal_contribution")
    _add(db, household, date(2026, 4, 15), "118.00", "insurance")
    _add(db, household, date(2026, 4, 30), "900.00", "pa_net_pay")
    _add(db, household, date(2026, 5, 2), "-20.00", "insurance")  # typed with a sign: still money out
    summary = budget.budget_summary(db, household, "2026-27", today)
    assert summary.by_category["council_payment"] == D("1200.00")
    assert summary.by_category["personal_contribution"] == D("50.00")
    assert summary.by_category["insurance"] == D("-138.00")
    assert summary.by_category["pa_net_pay"] == D("-900.00")
    assert (summary.money_in, summary.money_out) == (D("1250.00"), D("1038.00"))
    assert summary.balance == D("1000.00") + D("1250.00") - D("1038.00")


def test_the_sign_follows_the_category_whatever_was_typed(db, household):
    money_in = _add(db, household, date(2026, 6, 1), "-75.00", "council_payment")
    money_out = _add(db, household, date(2026, 6, 1), "75.00", "training")
    assert money_in.entry.amount == D("75.00")
    assert money_out.entry.amount == D("-75.00")
    stored = {s.id: s.entry.amount for s in budget.list_entries(db, household)}
    assert stored == {money_in.id: D("75.00"), money_out.id: D("-75.00")}


def test_an_entry_of_nothing_is_refused_in_words(db, household):
    with pytest.raises(ValidationFailed) as raised:
        _add(db, household, date(2026, 6, 1), "0.00", "training")
    assert "amount" in raised.value.problems


def test_a_changed_entry_keeps_its_place_and_a_removed_one_can_come_back(db, household):
    stored = _add(db, household, date(2026, 6, 1), "40.00", "training", "First aid course")
    changed = budget.save_entry(db, household, LedgerEntry(date(2026, 6, 2), D("45.00"), "training", "First aid"),
                                stored.id).value
    assert changed.id == stored.id
    removed = budget.delete_entry(db, stored.id)
    assert budget.list_entries(db, household) == []
    undo_rules.reverse(db, removed, date(2026, 11, 23))
    assert [(s.id, s.entry.amount, s.entry.description) for s in budget.list_entries(db, household)] == [
        (stored.id, D("-45.00"), "First aid")]


def test_money_back_turns_the_categorys_sign_round_and_is_restored_as_it_was(db, household):
    refund = budget.save_entry(db, household, LedgerEntry(date(2026, 6, 1), D("30.00"), "insurance", "Refund"),
                               money_back=True).value
    clawback = budget.save_entry(db, household, LedgerEntry(date(2026, 6, 2), D("200.00"), "council_payment"),
                                 money_back=True).value
    assert (refund.entry.amount, clawback.entry.amount) == (D("30.00"), D("-200.00"))
    for stored in (refund, clawback):
        undo_rules.reverse(db, budget.delete_entry(db, stored.id), date(2026, 11, 23))
    assert {s.id: s.entry.amount for s in budget.list_entries(db, household)} == {
        refund.id: D("30.00"), clawback.id: D("-200.00")}


def test_a_bank_statement_is_imported_once_even_when_imported_again(db, household, tmp_path):
    path = _statement(tmp_path, "date,description,amount,category\n"
                                "01/04/2026,Council payment,600.00,\n"
                                "15/04/2026,Hearthside Mutual,-118.00,insurance\n"
                                "20/04/2026,Card payment,-12.40,\n")
    checked = budget.import_bank_statement(db, household, path, dry_run=True)
    assert (checked.added, checked.already_there, checked.errors) == (3, 0, ())
    assert budget.list_entries(db, household) == []  # a check adds nothing
    first = budget.import_bank_statement(db, household, path)
    assert (first.added, first.already_there) == (3, 0)
    again = budget.import_bank_statement(db, household, path)
    assert (again.added, again.already_there) == (0, 3)
    entries = [s.entry for s in budget.list_entries(db, household)]
    assert [(e.category, e.amount, e.source) for e in entries] == [
        ("council_payment", D("600.00"), "bank_import"), ("insurance", D("-118.00"), "bank_import"),
        ("other", D("-12.40"), "bank_import")]


def test_a_bank_statement_with_bad_lines_adds_nothing_and_names_every_line(db, household, tmp_path):
    path = _statement(tmp_path, "date,description,amount,category\n"
                                "01/04/2026,Council payment,600.00,\n"
                                "31/02/2026,Nonsense date,-5.00,\n"
                                "03/04/2026,Too many pence,-5.001,\n"
                                "04/04/2026,Unknown,-5.00,holidays\n")
    result = budget.import_bank_statement(db, household, path)
    assert result.added == 0
    assert [(e.line, e.column) for e in result.errors] == [(3, "date"), (4, "amount"), (5, "category")]
    assert all(describe(e.problem) for e in result.errors)
    assert budget.list_entries(db, household) == []


def test_a_bank_statement_reads_a_typographic_minus_and_refuses_an_absurd_amount(db, household, tmp_path):
    # 1e40 once reached Decimal.quantize, which overflowed and stopped the whole import.
    path = _statement(tmp_path, "date,description,amount\n"
                                "02/04/2026,Card payment,\u221212.40\n"
                                "03/04/2026,Slip,1e40\n")
    result = budget.import_bank_statement(db, household, path)
    assert [(e.line, e.column) for e in result.errors] == [(3, "amount")]
    fixed = _statement(tmp_path, "date,description,amount\n02/04/2026,Card payment,\u221212.40\n")
    assert budget.import_bank_statement(db, household, fixed).added == 1
    assert [s.entry.amount for s in budget.list_entries(db, household)] == [D("-12.40")]


def test_a_statement_that_is_not_a_table_is_refused_in_words(db, household, tmp_path):
    path = _statement(tmp_path, "when,what\n1/4/2026,x\n")
    with pytest.raises(ServiceError) as raised:
        budget.import_bank_statement(db, household, path)
    assert "no column called" in say(raised.value)


def test_reconciling_says_whether_the_records_match_the_bank(db, household):
    _add(db, household, date(2026, 4, 1), "600.00", "council_payment")
    _add(db, household, date(2026, 4, 20), "200.00", "pa_net_pay")
    matched = record_statement_balance(db, household, date(2026, 4, 30), D("1400.00")).value
    assert matched.reconciled
    assert reconciliation_line(matched)[1].startswith("Matches: your records match your bank statement")
    lower = record_statement_balance(db, household, date(2026, 4, 30), D("1412.50")).value
    assert lower.difference == D("12.50")
    assert reconciliation_line(lower) == ("warning", "Does not match: your records are £12.50 lower than your bank "
                                                     "statement on 30 April 2026. Check for missing entries.")
    year = budget.get_year(db, household, "2026-27")
    assert budget.latest_statement_balance(db, household, year) == (date(2026, 4, 30), D("1412.50"))


def test_a_statement_balance_outside_any_budget_year_is_refused(db, household):
    with pytest.raises(NotFound):
        record_statement_balance(db, household, date(2025, 4, 30), D("10.00"))


def test_a_year_with_a_wrong_figure_is_refused_field_by_field():
    with pytest.raises(ValidationFailed) as raised:
        budget.make_year(label="2026-27", amount=D("-1.00"), basis="weekly", council_hourly_rate=D("15.00"))
    assert list(raised.value.problems) == ["amount"]


def test_the_demo_is_costed_year_by_year_with_one_council_rate_a_year(demo_db, margaret, today):
    up = budget.uprating(demo_db, margaret, "2026-27", today)
    year, coming = up.year, up.coming
    # One council rate a year: this year's is the one recorded for it, the history's too; next year has none
    # recorded, so the comparison says "if it stays".
    assert year.council_rate == up.history[-1].council_rate == D("15.50")
    assert (coming.label, coming.council_rate, coming.council_rate_recorded) == ("2027-28", D("15.50"), False)
    for cost in (year, coming):
        assert cost.gap_per_hour == cost.hourly_cost - cost.council_rate
        assert cost.gap_per_year == cost.total - (cost.council_rate * cost.hours).quantize(D("0.01"))
        assert sum(line.per_hour for line in cost.lines()) == cost.hourly_cost
        assert sum(line.year for line in cost.lines()) == cost.total
    # Tom's weekend sleep-ins (every other weekend, £60 a night) are costed: 52 nights a year.
    assert (year.nights, year.night_rates) == (52, (D("60.00"),))
    assert year.allowances == 52 * D("60.00")
    # Priya (19, £11.20) is below next April's 18 to 20 minimum of £11.27 and is raised to it; Janet
    # (£14.80) and Tom (£13.45) are above £13.21 and keep their rates.
    assert [(r.name, r.from_rate, r.to_rate) for r in coming.raises][0] == ("Priya Sandhu", D("11.20"), D("11.27"))
    assert {r.name for r in coming.raises} == {"Priya Sandhu"}
    assert coming.raised_to_floor and not year.raised_to_floor
    # 2025-26, looked at now, is costed at 2025-26's figures (tests/services/test_uprating.py works one
    # through by hand) against 2025-26's council rate, and has no next April to ask about.
    before = budget.uprating(demo_db, margaret, "2025-26", today)
    assert before.coming is None and (before.year.council_rate, before.year.nlw) == (D("15.20"), D("12.21"))
    assert [row.year_label for row in up.history] == ["2025-26", "2026-27"]
    assert (up.history[-1].council_uplift, up.history[-1].nlw_uplift) == (D("0.30") / D("15.20"), D("0.50") / D("12.21"))
    assert gap_lines(up, today)[0][1].startswith("Short in 2026-27: the council pays £15.50 an hour.")
    # The what-if's "as it is" costs the same year by another road (the forecast's planned costs): the same.
    assert budget.try_what_if(demo_db, margaret, "2026-27", Scenario()).baseline_cost == year.total


def test_a_what_if_to_the_real_living_wage_costs_more_than_now(demo_db, margaret, today):
    rlw, _ = real_living_wage_target(today)
    result = budget.try_what_if(demo_db, margaret, "2026-27", Scenario(rate_at_least=rlw))
    baseline = budget.try_what_if(demo_db, margaret, "2026-27", Scenario())
    assert baseline.change == 0 and baseline.total_cost == result.baseline_cost
    assert result.total_cost > result.baseline_cost
    assert result.change == result.total_cost - result.baseline_cost
    assert result.difference == result.budget - result.total_cost
    assert result.budget == D("35802.00")  # 13 payments of £2,754.00
