"""What a screen reader (Orca, through AT-SPI) meets in the running app, on the demo household: every
control shown in every area has a name that means something; switching area lands on a named control
and says which area it is; Tab and Shift+Tab leave every table; an error is announced.

The app runs under Xvfb with a private D-Bus and the AT-SPI bus (tests/ui/screen_reader.py); the
questions are put by a client on gi.repository.Atspi that presses real keys. One app serves the module.
"""
from __future__ import annotations

import re

import pytest

from tests.ui import screen_reader

AREAS = ["Dashboard", "People", "Hours", "Pay", "Checks", "Training", "Budget", "Reports", "Caseload",
         "Wage calculator"]
# Roles whose own text is their value, not their name: Orca says the label they are "labelled by".
VALUE_ROLES = {"combo box", "text", "spin button", "password text", "entry"}


@pytest.fixture(scope="module")
def app():
    try:
        session = screen_reader.start()
    except screen_reader.NoScreenReaderStack as why:
        pytest.skip(str(why))
    yield session
    session.stop()


@pytest.fixture(scope="module")
def areas(app) -> list[dict]:
    return app.ask("areas")["areas"]


def means_something(text: str) -> bool:
    """A name with at least one word in it: not empty, not a bare number, amount or date in figures."""
    return re.search(r"[A-Za-z]{2,}", text or "") is not None


def heads_something(text: str) -> bool:
    """A column or row heading: words, or a tax year ("2026-27", said "2026 to 27")."""
    return means_something(text) or re.fullmatch(r"\d{4}-\d{2}", text or "") is not None


def _name_heard(control: dict) -> str:
    if control["role"] in VALUE_ROLES:
        return " ".join([*control["labelled_by"], control["name"]])
    return control["name"]


def unnamed(controls: list[dict]) -> list[str]:
    """Each control a keyboard user can reach whose name (as Orca would say it) means nothing."""
    return [f"{c['role']} {c['name']!r} in {c['inside']!r}" for c in controls
            if c["focusable"] and not means_something(_name_heard(c))]


def table_problems(control: dict) -> list[str]:
    """A table must say what each column and each row is, and an amount of money in words."""
    table, name, problems = control["table"], control["name"], []
    problems += [f"{name}: column {i + 1} is headed {h!r}" for i, h in enumerate(table["column_headers"])
                 if not heads_something(h)]
    problems += [f"{name}: row {i + 1} is headed {h!r}" for i, h in enumerate(table["row_headers"])
                 if not heads_something(h)]
    for r, row in enumerate(table["cells"]):
        for c, cell in enumerate(row):
            if "£" in cell and "pound" not in cell:
                problems.append(f"{name}: row {r + 1} column {c + 1} reads {cell!r}, not in pounds")
    return problems


@pytest.mark.parametrize("index", range(len(AREAS)), ids=AREAS)
def test_switching_area_lands_on_a_named_visible_control_and_says_the_area(areas, index):
    area = areas[index]
    focus = area["focus"]
    assert focus is not None, f"{AREAS[index]}: nothing took focus"
    assert focus["showing"] and means_something(_name_heard(focus)), focus
    assert f"{AREAS[index]} area" in area["announcements"], area["announcements"]


@pytest.mark.parametrize("index", range(len(AREAS)), ids=AREAS)
def test_every_control_shown_in_every_area_has_a_name_that_means_something(areas, index):
    controls = areas[index]["controls"]
    assert unnamed(controls) == []
    problems = [p for c in controls if "table" in c for p in table_problems(c)]
    assert problems == []
    items = [f"{c['name']}: item {i + 1}" for c in controls for i, item in enumerate(c.get("items", []))
             if not means_something(item)]
    assert items == []


def test_check_boxes_are_read_by_their_own_text(areas):
    people = areas[AREAS.index("People")]["controls"]
    boxes = {c["name"] for c in people if c["role"] == "check box"}
    assert "Close relative who lives in the same household" in boxes, boxes
    assert "Family" not in boxes


def test_tab_and_shift_tab_leave_every_table(app):
    tables = app.ask("tables")["tables"]
    assert {t["table"] for t in tables} >= {"Your PAs", "Pay rates and their history", "Money in and out"}
    for move in tables:
        assert move["focused_before"] is not None and move["focused_before"]["role"] in ("table", "table cell"), move
        assert not move["still_in_table"], move
        assert move["focused_after"] is not None and means_something(_name_heard(move["focused_after"])), move


def test_an_error_is_announced(app):
    """Check pay with nothing typed: the cursor goes to the first field in error (the date of birth, at
    the top of the form), whose description says what is wrong, or the message is announced."""
    answer = app.ask("keys", "ctrl+0", "alt+c")
    heard = answer["steps"][-1]["heard"]
    focus = [h for h in heard if h["kind"] == "focus"]
    said = [h["text"] for h in heard if h["kind"] == "announcement"]
    assert focus, heard
    assert focus[-1]["name"] == "Date of birth", focus[-1]
    message = "Enter their date of birth"
    assert message in focus[-1]["description"] or any(message in s for s in said), (focus[-1], said)
