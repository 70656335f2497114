"""pa-manager budget: the sick pay the forecast includes and the most the sick pay scheme could cost, in
--json as decimal strings and in words without it."""
from __future__ import annotations

import json

from pa_manager import cli
from tests.services.test_budget_sick_pay import AT_MOST_WORDS, household_with_scheme


def test_budget_json_gives_the_most_the_sick_pay_scheme_could_cost(db, data_location, today, capsys, monkeypatch):
    monkeypatch.setattr(cli, "_today", lambda: today)
    _, pa_id = household_with_scheme(db, today)
    code = cli.main(["budget", "--employer", "Ruth Ames", "--year", "2026-27", "--json", "--data", data_location])
    out = capsys.readouterr().out
    # Worked by hand in tests/services/test_budget_sick_pay.py: no sickness recorded, so none in the
    # forecast; 5 days at full pay and 5 at half pay from 24 November, £503.50 above SSP, £75.52 NI.
    document = json.loads(out)
    assert code == 0 and document["sick_pay_in_forecast"] == "0.00"
    assert document["sick_pay_scheme_at_most"] == {"total": "579.02", "pas": [{
        "pa_id": pa_id, "name": "Ann Cole", "from": "2026-11-24", "to": "2027-03-31", "full_pay_days": 5,
        "half_pay_days": 5, "above_ssp": "503.50", "employer_ni": "75.52", "employer_pension": "0.00",
        "total": "579.02"}]}
    code = cli.main(["budget", "--employer", "Ruth Ames", "--year", "2026-27", "--data", data_location])
    assert code == 0 and AT_MOST_WORDS in capsys.readouterr().out
