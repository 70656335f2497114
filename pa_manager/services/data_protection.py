"""Data protection for PAs: everything held about one PA, for a subject access request; and erasing
a former PA's personal details once the periods records must be kept have ended (domain.retention),
keeping the pay figures, without a name, so the household's accounts still add up."""
from __future__ import annotations

import json
import zipfile
from base64 import b64decode
from dataclasses import dataclass, replace
from datetime import date, datetime
from io import BytesIO
from pathlib import Path

from sqlalchemy import delete, func, select, update

from pa_manager.domain import earlier_payroll
from pa_manager.domain.pay_record import PADetails, from_document, to_document
from pa_manager.domain.retention import ErasableFrom, erasable_from
from pa_manager.domain.validation import Problem
from pa_manager.services import history
from pa_manager.services.errors import NotFound, ServiceError
from pa_manager.services.payslips import document_for
from pa_manager.storage import models
from pa_manager.storage import recruitment_models as rm
from pa_manager.storage.database import Database, lock_employer
from pa_manager.storage.transfer import dump_pa


# What taking on and keeping a PA left about them: their terms and statements, induction, probation, exit
# record, their application (with its interview scores and offer) and any disciplinary or grievance case.
RECRUITMENT_RECORDS = (rm.EmploymentTerms, rm.WrittenStatement, rm.InductionItem, rm.ProbationReview, rm.ExitRecord,
                       rm.Applicant, rm.HRCase)


def _pa_row(session, employer_id: int, pa_id: int) -> models.PersonalAssistant:
    row = session.get(models.PersonalAssistant, pa_id)
    if row is None or row.employer_id != employer_id:
        raise NotFound("PA_GONE")
    return row


def export_pa_data(db: Database, employer_id: int, pa_id: int, path: Path, today: date) -> Path:
    """One file (a zip) holding everything about one PA, readable without PA Manager."""
    from pa_manager.reports.payslip import write_payslips
    from pa_manager.reports.personal_data import readme

    with db.session() as s:
        name = _pa_row(s, employer_id, pa_id).name
        tables = dump_pa(s.connection(), pa_id)
    records = [from_document(json.loads(row["document"]), pa_id) for row in tables.get("payslips", [])]
    path = Path(path)
    temporary = path.with_name(path.name + ".part")
    with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", readme(name, today))
        archive.writestr("personal-data.json", json.dumps(tables, indent=1, sort_keys=True, ensure_ascii=False))
        for record in records:
            pdf = BytesIO()
            write_payslips([document_for(record)], pdf)
            archive.writestr(f"payslips/{record.pay_date.isoformat()} payslip.pdf", pdf.getvalue())
        for attachment in tables.get("attachments", []):
            archive.writestr(f"certificates/{attachment['id']} {attachment['file_name']}",
                             b64decode(attachment["content"]["base64"]))
    temporary.replace(path)
    with db.session() as s:
        history.note(s, employer_id, history.PA_DATA_EXPORTED, pa_id=pa_id, pa=name)
    return path


@dataclass(frozen=True)
class Erasure:
    """When a former PA's details may be erased, in words the window and command line share."""

    pa_id: int
    name: str
    allowed: ErasableFrom | None  # None: they have not left

    def refusal(self, today: date) -> Problem | None:
        """Why their details may not be erased on `today` (ERASE_NOT_LEFT, or ERASE_TOO_SOON_<the record
        kept longest>), or None when they may."""
        if self.allowed is None:
            return Problem("ERASE_NOT_LEFT", self.name)
        if today < self.allowed.on:
            return Problem.of(f"ERASE_TOO_SOON_{self.allowed.because.upper()}", self.name, until=self.allowed.on)
        return None


def erasure_for(db: Database, employer_id: int, pa_id: int) -> Erasure:
    with db.session() as s:
        return _erasure(s, employer_id, pa_id)


def _erasure(session, employer_id: int, pa_id: int) -> Erasure:
    row = _pa_row(session, employer_id, pa_id)
    if row.leaving_date is None:
        return Erasure(pa_id, row.name, None)
    last_pay, last_end = session.execute(
        select(func.max(models.PayRun.pay_date), func.max(models.PayRun.period_end)).join(models.StoredPayslip)
        .where(models.StoredPayslip.pa_id == pa_id)).one()
    return Erasure(pa_id, row.name, erasable_from(row.leaving_date, last_pay, last_end))


def erase_former_pa(db: Database, employer_id: int, pa_id: int, today: date) -> str:
    """Erase a former PA's personal details, once every keeping period has ended; returns the name
    they are known by afterwards ("Former PA 3"). Their pay records keep the figures, with no name or
    NI number, and the shifts keep their times, so totals still add up."""
    with db.session(write=True) as s:
        lock_employer(s, employer_id)
        refusal = _erasure(s, employer_id, pa_id).refusal(today)
        if refusal:
            raise ServiceError(refusal)
        row = _pa_row(s, employer_id, pa_id)
        number = 1 + s.scalar(select(func.count()).select_from(models.PersonalAssistant).where(
            models.PersonalAssistant.employer_id == employer_id, models.PersonalAssistant.name.like("Former PA %")))
        new_name = f"Former PA {number}"
        for model in (models.DBSCheck, models.RightToWorkCheck, models.Reference, models.Contract, models.Meeting,
                      models.RequiredCourse, models.CareCertificateProgress, models.PayNote, models.PayAdjustment,
                      models.RotaPattern, models.HolidayBooking, models.HolidayCarryOver, *RECRUITMENT_RECORDS):
            s.execute(delete(model).where(model.pa_id == pa_id))
        certificates = list(s.scalars(select(models.TrainingRecord.attachment_id).where(
            models.TrainingRecord.pa_id == pa_id, models.TrainingRecord.attachment_id.is_not(None))))
        s.execute(delete(models.TrainingRecord).where(models.TrainingRecord.pa_id == pa_id))
        s.execute(delete(models.Attachment).where(models.Attachment.id.in_(certificates)))
        s.execute(delete(models.RotaChange).where((models.RotaChange.pa_id == pa_id)
                                                  | (models.RotaChange.cover_pa_id == pa_id)))
        s.execute(update(models.Shift).where(models.Shift.pa_id == pa_id).values(notes=""))
        for field in ("ni_number", "address", "postcode", "phone", "email", "emergency_contact_name",
                      "emergency_contact_phone", "leaving_reason", "bank_sort_code", "bank_account_number",
                      "bank_account_name", "building_society_roll_number"):
            setattr(row, field, "")
        row.name, row.date_of_birth, row.p45_pay, row.p45_tax = new_name, None, None, None
        for field in earlier_payroll.PA_FIELDS:  # like the P45's, an earlier payroll's figures go
            setattr(row, field, None)
        erased = PADetails(new_name, start_date=row.start_date, leaving_date=row.leaving_date)
        for slip in s.scalars(select(models.StoredPayslip).where(models.StoredPayslip.pa_id == pa_id)):
            # The one change a pay record ever has: once it need not be kept, who it was about is erased.
            record = from_document(json.loads(slip.document), pa_id)
            slip.document = json.dumps(to_document(replace(record, pa_details=erased, minimum_wage_reason="")),
                                       sort_keys=True)
        for change in s.scalars(select(models.Change).where(models.Change.pa_id == pa_id)):
            facts = json.loads(change.facts)
            facts.update({k: new_name for k in ("pa",) if k in facts}, **{k: "" for k in ("reason",) if k in facts})
            change.facts = json.dumps(facts, sort_keys=True)
        history.note(s, employer_id, history.PA_ERASED, pa_id=pa_id, pa=new_name, at=datetime.now().astimezone())
    return new_name
