"""Writes bank_holidays.json: each UK nation's bank holidays for domain.bank_holidays.TABLE_YEARS, as the
`holidays` library gives them. Run it after updating the library (tests/domain/test_bank_holidays.py
says when the table and the library disagree):

    python -m pa_manager.data.bank_holidays
"""
from __future__ import annotations

import json
from pathlib import Path

from pa_manager.domain.bank_holidays import TABLE_YEARS, library_year
from pa_manager.domain.nation import Nation


def table() -> dict[str, dict[str, list[list[str]]]]:
    return {nation.value: {str(year): [[h.day.isoformat(), h.name] for h in library_year(nation, year)]
                           for year in TABLE_YEARS} for nation in Nation}


if __name__ == "__main__":
    target = Path(__file__).with_name("bank_holidays.json")
    nations = [f'{json.dumps(nation)}: {{\n' + ",\n".join(f'{json.dumps(year)}: {json.dumps(days, ensure_ascii=False)}'
                                                          for year, days in years.items()) + "\n}"
               for nation, years in table().items()]
    target.write_text("{\n" + ",\n".join(nations) + "\n}\n", encoding="utf-8")
    print(f"Wrote {target}")
