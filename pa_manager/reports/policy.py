"""One of the household's policies, worded (pa_manager.policy_words) and saved as a PDF or a web page."""
from __future__ import annotations

from pathlib import Path

from pa_manager.domain.policies import PolicyFacts
from pa_manager.policy_words import policy_document
from pa_manager.reports.statement import write_statement_html, write_statement_pdf


def write_policy(kind: str, facts: PolicyFacts, path: Path, fmt: str) -> None:
    """`fmt` "html" for a web page, else a PDF."""
    (write_statement_html if fmt == "html" else write_statement_pdf)(policy_document(kind, facts), Path(path))
