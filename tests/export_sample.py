"""A small export with a record in every table, for the import tests to change and import.

It is the demo's Margaret Okafor cut down (a few weeks of shifts, the last two pay runs, this budget
year), with one
hand-made record added to each table the demo leaves empty, so that every table, column and kind of
value of the schema is in it. `sample_tables` checks that too.
"""
from __future__ import annotations

import base64
import copy
import json
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

from pa_manager.storage.database import head_revision

EXPORTED_AT = datetime(2026, 11, 23, 10, 0)


def _cut_down(tables: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    tables = copy.deepcopy(tables)
    tables["shifts"] = tables["shifts"][-24:]
    tables["pay_runs"] = tables["pay_runs"][-2:]
    runs = {r["id"] for r in tables["pay_runs"]}
    tables["payslips"] = [p for p in tables["payslips"] if p["pay_run_id"] in runs]
    tables["rti_reports"] = [r for r in tables.get("rti_reports", []) if r["pay_run_id"] in runs | {None}]
    tables["ledger_entries"] = tables["ledger_entries"][-12:]
    tables["budget_years"] = tables["budget_years"][-1:]  # forecasting a year is the slowest read
    return tables


def _added(tables: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    """One record for each table the demo leaves empty."""
    employer = tables["employers"][0]["id"]
    pa = tables["pas"][0]["id"]
    course = tables["courses"][0]["id"]
    last_run = max(r["pay_date"] for r in tables["pay_runs"])
    rows = {
        "attachments": {"id": 1, "employer_id": employer, "file_name": "certificate.pdf",
                        "content": {"base64": base64.b64encode(b"%PDF-1.4 a certificate").decode("ascii")}},
        "care_certificate_progress": {"id": 1, "employer_id": employer, "pa_id": pa, "standard": 3,
                                      "completed_on": "2026-05-01"},
        "pay_adjustments": {"id": 1, "employer_id": employer, "pa_id": pa, "pay_date": "2026-12-31", "kind": "addition",
                            "description": "Mileage to hospital", "purpose": "", "amount": "12.60",
                            "for_employer": False, "relates_to": None},
        "pay_notes": {"id": 1, "employer_id": employer, "pa_id": pa, "pay_date": last_run,
                      "minimum_wage_reason": "Agreed with the council"},
        "required_courses": {"id": 1, "employer_id": employer, "pa_id": pa, "course_id": course},
        "statement_balances": {"id": 1, "employer_id": employer, "on": "2026-10-31", "balance": "1520.40"},
        "employment_terms": {"id": 1, "employer_id": employer, "pa_id": pa, "continuous_from": None,
                             "duties": "Personal care and getting out and about", "place_of_work": "14 Larch Close",
                             "also_out_and_about": True, "hours_vary": "", "bank_holidays": "included",
                             "payment_method": "bank_transfer", "sick_pay": "", "other_paid_leave": "",
                             "other_benefits": "", "employer_notice_weeks": None, "pa_notice_weeks": 1,
                             "probation_months": 3, "probation_notice_weeks": 1, "probation_conditions": "",
                             "duration": "permanent", "ends_on": None, "expected_length": "", "outside_uk": "",
                             "collective_agreements": "", "training_entitlement": "", "unpaid_training": "",
                             "grievance_contact": "", "appeal_contact": "", "version": 1},
        "written_statements": {"id": 1, "employer_id": employer, "pa_id": pa, "kind": "statement",
                               "made_on": "2026-06-01", "as_at": "2026-06-01", "changed_on": None, "changes": "",
                               "given_on": "2026-06-03", "signed_on": "2026-06-05", "particulars": "{}",
                               "document": json.dumps({"kind": "statement", "title": "Written statement",
                                                       "employer_name": tables["employers"][0]["name"],
                                                       "pa_name": tables["pas"][0]["name"], "as_at": "2026-06-01",
                                                       "intro": [], "sections": [], "closing": []})},
        "offers": {"id": 1, "employer_id": employer, "applicant_id": tables["applicants"][0]["id"],
                   "made_on": "2026-10-01", "hourly_rate": "13.45", "hours_per_week": "10", "irregular_hours": False,
                   "start_date": "2026-11-02", "other_conditions": "", "accepted_on": None, "declined_on": "2026-10-03"},
        "induction_items": {"id": 1, "employer_id": employer, "pa_id": pa, "kind": "task", "key": "Where things are kept",
                            "due_on": "2026-06-08", "completed_on": "2026-06-08"},
        "pay_scale_steps": {"id": 1, "employer_id": employer, "years": 2, "hourly_rate": "13.50"},
        "holiday_carry_overs": {"id": 1, "employer_id": employer, "pa_id": pa, "from_year_start": "2025-04-01",
                                "hours": "15", "reason": "sickness", "note": "Off sick in March"},
        "holiday_bookings": {"id": 1, "employer_id": employer, "pa_id": pa, "first_day": "2026-08-03",
                             "last_day": "2026-08-07", "hours": "37.5", "note": ""},
        "family_leave": {"id": 1, "employer_id": employer, "pa_id": pa, "kind": "SMP", "adoption": False,
                         "key_date": "2026-09-10", "leave_start": "2026-08-30", "leave_end": None,
                         "pay_start": "2026-08-30", "weeks": None, "average_weekly_earnings": "412.3076923",
                         "evidence_received": "2026-06-01", "keeping_in_touch_days": "2026-10-06",
                         "notes": "MATB1 seen"},
        "earnings_orders": {"id": 1, "employer_id": employer, "pa_id": pa, "kind": "judgment_debt",
                            "reference": "K12X3456", "issued_by": "County Court Business Centre",
                            "start_date": "2026-07-01", "end_date": None, "normal_deduction_rate": "100.00",
                            "protected_earnings_rate": "650.00", "rate_period": "month", "total_to_pay": "850.00",
                            "take_fee": True, "notes": ""},
        "sick_pay_schemes": {"id": 1, "employer_id": employer, "pa_id": None, "full_pay_weeks": 4,
                             "half_pay_weeks": 4, "qualifying_months": 6, "waiting_days": 0},
        "hr_cases": {"id": 1, "employer_id": employer, "pa_id": pa, "kind": "grievance", "opened_on": "2026-07-01",
                     "summary": "Rota changes at short notice", "outcome": "upheld", "closed_on": "2026-07-20"},
        "hr_case_steps": {"id": 1, "employer_id": employer, "case_id": 1, "on": "2026-07-08", "kind": "meeting",
                          "notes": "Talked it through", "accompanied_by": ""},
    }
    steps_added = not tables["hr_case_steps"]
    for name, row in rows.items():
        if not tables[name]:
            tables[name] = [row]
    if steps_added:
        tables["hr_case_steps"][0]["case_id"] = tables["hr_cases"][0]["id"]
    tables["training_records"][0]["attachment_id"] = tables["attachments"][0]["id"]
    return tables


NAME = "Nora Quinn"  # not a name in the demo, so the sample imports beside it
RESIDENT = "Rhian Price"  # the sample under another name, already in the data file imports go into


def sample_tables(demo_export: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    tables = _added(_cut_down(demo_export["tables"]))
    tables["employers"][0]["name"] = NAME
    empty = [name for name, rows in tables.items() if not rows]
    assert not empty, f"the sample has no records in {empty}"
    return tables


def document(tables: dict[str, Any]) -> dict[str, Any]:
    return {"format": "pa-manager-employer", "format_version": 1, "schema_revision": head_revision(),
            "exported_at": EXPORTED_AT.isoformat(timespec="seconds"), "tables": tables}


def write_export(path: Path, tables: Any, *, raw: str | None = None) -> Path:
    """An export file holding `tables` (or, with `raw`, exactly that text as employer.json)."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("employer.json", raw if raw is not None else json.dumps(document(tables)))
    return path


def read_export_tables(path: Path) -> dict[str, Any]:
    with zipfile.ZipFile(path) as archive:
        return json.loads(archive.read("employer.json"))["tables"]
