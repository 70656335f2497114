"""The household's policies, filled in with the employer's details (worded by policy_words), as a PDF to
share and sign or a web page."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from pa_manager.domain.policies import POLICIES, PolicyFacts
from pa_manager.services import employers, recruitment
from pa_manager.services.errors import ServiceError
from pa_manager.storage.database import Database


def policy_facts(db: Database, employer_id: int, today: date) -> PolicyFacts:
    employer = employers.get_employer(db, employer_id)
    address = ", ".join(p for p in (*employer.address.strip().splitlines(), employer.postcode.strip()) if p.strip())
    tasks = tuple(sorted({t for v in recruitment.list_vacancies(db, employer_id) for t in v.vacancy.tasks}))
    return PolicyFacts(employer.name, address, employer.council, employer.nation.value, employer.insurer, tasks, today)


def save_policy(db: Database, employer_id: int, kind: str, path: Path, today: date, fmt: str | None = None) -> Path:
    """Write one policy as a PDF (or a web page, by `fmt` or the file's ending)."""
    from pa_manager.reports.policy import write_policy  # ReportLab, only for a document

    if kind not in POLICIES:
        raise ServiceError("POLICY_UNKNOWN", kind, policies=", ".join(POLICIES))
    path = Path(path)
    write_policy(kind, policy_facts(db, employer_id, today), path,
                 fmt or ("html" if path.suffix.lower() in (".html", ".htm") else "pdf"))
    return path
