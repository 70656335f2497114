"""Payslips as documents: the finalised pay records of a pay run (or of some dates), each laid out
as its payslip by pa_manager.reports.payslip_data (document_for) and saved as PDF.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from pa_manager.reports import payslip as doc
from pa_manager.reports.payslip_data import document_for
from pa_manager.services.errors import ServiceError
from pa_manager.services.pay_runs import records_between
from pa_manager.storage.database import Database



def documents_between(db: Database, employer_id: int, first: date, last: date) -> list[doc.PayslipData]:
    """Every payslip of the pay runs paid from `first` to `last`."""
    return [document_for(record) for record in records_between(db, employer_id, first, last)]


def payslip_documents(db: Database, employer_id: int, pay_date: date) -> list[doc.PayslipData]:
    documents = documents_between(db, employer_id, pay_date, pay_date)
    if not documents:
        raise ServiceError("PAYSLIPS_NO_PAY_RUN", pay_date)
    return documents


def write_payslip_files(db: Database, employer_id: int, pay_date: date, folder: Path) -> list[Path]:
    """One PDF a PA, in `folder` (made if needed)."""
    documents = payslip_documents(db, employer_id, pay_date)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    return doc.write_payslips_separately(documents, folder)


def write_payslips_file(db: Database, employer_id: int, pay_date: date, path: Path) -> int:
    """All of a pay run's payslips in one PDF; returns how many."""
    documents = payslip_documents(db, employer_id, pay_date)
    doc.write_payslips(documents, Path(path))
    return len(documents)
