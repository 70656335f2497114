"""The words layer (issue 16): services return codes and values, and only the words layer
(pa_manager.messages and the *_words modules beside it) puts them into sentences, for the window, the
command line and the reports.

Two checks keep it so: the import-linter contract "The words layer" in pyproject.toml (services,
storage, domain, importers and hmrc may not import the words modules), and the test below, which
reads every service module and fails on a string that looks like a sentence to a person.
"""
from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

import pytest

import pa_manager
from pa_manager.messages import MESSAGES, describe, say
from pa_manager.domain.validation import Problem
from pa_manager.services.errors import ChangedElsewhere, NotFound, ServiceError, ValidationFailed

PACKAGE = Path(pa_manager.__file__).parent
ROOT = PACKAGE.parent

# A sentence: starts with a capital letter, has a space, ends with . ! or ? (an f-string's {parts}
# count as words, so f"{name} has left." is one too).
SENTENCE = re.compile(r"[A-Z].* .*[.!?]", re.S)

# The demonstration household's own notes (what its fictional employer typed about applicants), stored as
# data like its names: not words PA Manager says.
DEMO_DATA = {"recruitment_demo.py"}


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                found.add(id(first.value))
    return found


def _log_arguments(tree: ast.AST) -> set[int]:
    """Strings given to a logger (log.info("..."), logger.warning(...)): for a developer, not a person
    using the app."""
    found = set()
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name) and node.func.value.id in {"log", "logger", "_log", "LOG"}):
            found.update(id(a) for a in node.args)
    return found


def sentences_in(source: str) -> list[tuple[int, str]]:
    """(line, text) of every string literal or f-string in `source` that reads as a sentence, leaving
    out docstrings and log lines."""
    tree = ast.parse(source)
    skipped = _docstrings(tree) | _log_arguments(tree)
    parts = {id(v) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for v in node.values}
    found = []
    for node in ast.walk(tree):
        if id(node) in skipped or id(node) in parts:
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
        elif isinstance(node, ast.JoinedStr):
            text = "".join(v.value if isinstance(v, ast.Constant) else "X" for v in node.values)
        else:
            continue
        if SENTENCE.fullmatch(text.strip()):
            found.append((node.lineno, text.strip()))
    return sorted(found)


# --- The checker itself ------------------------------------------------------------------------

def test_the_checker_finds_a_sentence_built_in_a_service():
    source = '''
"""A module docstring. It is fine."""
from pa_manager.services.errors import ServiceError

def refuse(name):
    """A docstring with a sentence in it."""
    log.warning("Something odd happened, for a developer.")
    if name:
        raise ServiceError(f"{name} has been paid, so they cannot be deleted.")
    raise ServiceError("That PA is no longer in this data file.")

CODES = ("PA_GONE", "paid in full", "Hours worked")
'''
    assert sentences_in(source) == [(9, "X has been paid, so they cannot be deleted."),
                                    (10, "That PA is no longer in this data file.")]


@pytest.mark.parametrize("text", ["Check the date!", "Is this right?", "Enter a rate.\n"])
def test_every_kind_of_sentence_end_is_found(text):
    assert sentences_in(f"x = {text!r}\n") == [(1, text.strip())]


@pytest.mark.parametrize("text", ["PA_GONE", "Hours worked", "a sentence in lower case.", "Overdue:", "OK."])
def test_codes_names_and_labels_are_not_sentences(text):
    assert sentences_in(f"x = {text!r}\n") == []


# --- The services ------------------------------------------------------------------------------

def _service_modules() -> list[Path]:
    return sorted((PACKAGE / "services").glob("*.py"))


def _worded_by_services() -> list[Path]:
    """Every service module but the demonstration household's own notes (DEMO_DATA): data, not words."""
    return [path for path in _service_modules() if path.name not in DEMO_DATA]


@pytest.mark.parametrize("path", _worded_by_services(), ids=lambda p: p.name)
def test_no_service_builds_a_sentence(path):
    found = sentences_in(path.read_text(encoding="utf-8"))
    assert found == [], (f"{path.name} builds sentences for people: raise or return a code and values, and "
                         f"word it in pa_manager/messages.py or a *_words module: {found}")


# --- The contract ------------------------------------------------------------------------------

def _words_contract() -> dict:
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"]
    return next(c for c in contracts if c["name"].startswith("The words layer"))


def test_every_words_module_is_in_the_contract():
    words = {f"pa_manager.{p.stem}" for p in PACKAGE.glob("*_words.py")} | {
        "pa_manager.messages", "pa_manager.wording", "pa_manager.messages_recruitment"}
    assert words <= set(_words_contract()["forbidden_modules"])
    assert set(_words_contract()["source_modules"]) == {
        "pa_manager.services", "pa_manager.storage", "pa_manager.domain", "pa_manager.importers", "pa_manager.hmrc"}


# --- Errors carry problems; the words layer says them --------------------------------------------

def test_a_service_error_carries_a_code_and_values_and_the_words_layer_says_it():
    error = ServiceError("PA_PAID_CANNOT_DELETE", "Bea Dunn")
    assert error.problem == Problem("PA_PAID_CANNOT_DELETE", "Bea Dunn")
    assert str(error) == "PA_PAID_CANNOT_DELETE"  # for a log; no one using the app sees it
    assert say(error) == ("Record Bea Dunn as a leaver instead (People, Record a leaver): they have been paid, and "
                          "their pay records must be kept, so they cannot be deleted.")
    assert isinstance(NotFound("PA_GONE"), ServiceError)
    assert say(ChangedElsewhere(Problem("PA_CHANGED_ELSEWHERE", "Ann Cole"))) == describe(
        Problem("PA_CHANGED_ELSEWHERE", "Ann Cole"))


def test_a_validation_failure_says_every_problem_in_turn():
    failure = ValidationFailed({"postcode": Problem("POSTCODE_FORMAT", "X"), "email": Problem("EMAIL_FORMAT", "y")})
    assert say(failure) == ("Enter a UK postcode in the right format, like SW1A 2AA. "
                            "Enter an email address in the right format, like name@example.com.")


def test_values_are_shown_the_words_layer_way():
    from datetime import date

    assert say(ServiceError("PAY_RUN_NOBODY_DUE", (date(2026, 11, 1), date(2026, 11, 30)))) == (
        "Nobody is due pay for 1 to 30 November 2026, so check the pay date.")
    assert say(ServiceError("DOCUMENT_FORMAT", "csv", kind="budget report",
                            formats=("a PDF", "a web page (html)"))) == (
        "The budget report can be saved as a PDF or a web page (html), not as csv.")
    assert say(ServiceError("EMPLOYER_FILE_REFUSED", "m.paemployer", why=Problem("POSTCODE_FORMAT", "X"))) == (
        "Nothing was imported from m.paemployer: enter a UK postcode in the right format, like SW1A 2AA.")
    assert say(ServiceError("PAY_RUN_BLOCKED", (Problem("PAY_NO_TAX_CODE"), Problem("POSTCODE_FORMAT")))) == (
        "Nothing was finalised: add their tax code on the People page (from their P45 or starter checklist); "
        "enter a UK postcode in the right format, like SW1A 2AA.")


def test_every_code_a_service_raises_has_a_sentence():
    raised = set()
    for path in _service_modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in {"ServiceError", "NotFound", "ChangedElsewhere", "Problem"}
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                raised.add(node.args[0].value)
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "of"
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "Problem"
                    and node.args and isinstance(node.args[0], ast.Constant)):
                raised.add(node.args[0].value)
    assert raised, "the services raise codes"
    assert raised - MESSAGES.keys() == set()
