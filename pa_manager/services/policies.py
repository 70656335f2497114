"""The household's policies (policy_words), filled in with the employer's details, as a PDF to share and
sign or a web page."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from pa_manager.policy_names import POLICIES
from pa_manager.policy_words import PolicyFacts, policy_document
from pa_manager.services import employers, recruitment
from pa_manager.services.errors import ServiceError
from pa_manager.statement_words import WordedStatement
from pa_manager.storage.database import Database


def policy_facts(db: Database, employer_id: int, today: date) -> PolicyFacts:
    employer = employers.get_employer(db, employer_id)
    address = ", ".join(p for p in (*employer.address.strip().splitlines(), employer.postcode.strip()) if p.strip())
    tasks = tuple(sorted({t for v in recruitment.list_vacancies(db, employer_id) for t in v.vacancy.tasks}))
    return PolicyFacts(employer.name, address, employer.council, employer.nation.value, employer.insurer, tasks, today)


def policy(db: Database, employer_id: int, kind: str, today: date) -> WordedStatement:
    if kind not in POLICIES:
        raise ServiceError(f"There is no policy called {kind}. Choose one of: {', '.join(POLICIES)}.")
    return policy_document(kind, policy_facts(db, employer_id, today))


def save_policy(db: Database, employer_id: int, kind: str, path: Path, today: date, fmt: str | None = None) -> Path:
    """Write one policy as a PDF (or a web page, by `fmt` or the file's ending)."""
    from pa_manager.reports.statement import write_statement_html, write_statement_pdf

    path = Path(path)
    fmt = fmt or ("html" if path.suffix.lower() in (".html", ".htm") else "pdf")
    (write_statement_html if fmt == "html" else write_statement_pdf)(policy(db, employer_id, kind, today), path)
    return path
