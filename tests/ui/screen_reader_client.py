"""The screen reader's side of tests/ui/screen_reader.py: run in the system's Python (it has
gi.repository.Atspi), it finds PA Manager on the AT-SPI desktop, presses keys with xdotool as a person
would, listens for what Orca would hear (focus changes and announcements), and prints one JSON
document. It reports what it finds; the tests judge it.

    screen_reader_client.py ready         is the window there, with its areas?
    screen_reader_client.py areas         Ctrl+1 ... Ctrl+0: where focus lands, what is said, and every
                                          control shown in each area with its name
    screen_reader_client.py tables        in each area, Tab and Shift+Tab from every table shown
    screen_reader_client.py keys K1 K2 .. press keys; what is focused and said after each
"""
from __future__ import annotations

import json
import subprocess
import sys
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

AREA_KEYS = ["ctrl+1", "ctrl+2", "ctrl+3", "ctrl+4", "ctrl+5", "ctrl+6", "ctrl+7", "ctrl+8", "ctrl+9", "ctrl+0"]
CONTAINERS_OF_ITEMS = ("table", "tree table", "list", "tree", "list box")
heard: list[dict] = []
last_focus: list = [None]  # the object that took focus last


def _on_event(event) -> None:
    try:
        if event.type.startswith("object:state-changed:focused"):
            if event.detail1 == 1:
                last_focus[0] = event.source
                heard.append({"kind": "focus", **describe(event.source)})
        elif event.type.startswith("object:announcement"):
            text = event.any_data if isinstance(event.any_data, str) else ""
            heard.append({"kind": "announcement", "text": text or "", "source": event.source.get_name() or ""})
    except Exception as error:  # an object gone while being asked about
        heard.append({"kind": "error", "text": str(error)})


def pump(seconds: float) -> None:
    context = GLib.MainContext.default()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        while context.pending():
            context.iteration(False)
        time.sleep(0.02)


def settle(quiet: float = 0.6, longest: float = 6.0) -> None:
    """Wait until nothing new has been heard for `quiet` seconds (or `longest` in all)."""
    end = time.monotonic() + longest
    count = -1
    while time.monotonic() < end and count != len(heard):
        count = len(heard)
        pump(quiet)


def press(key: str) -> None:
    subprocess.run(["xdotool", "key", "--clearmodifiers", key], check=True)


def app():
    desktop = Atspi.get_desktop(0)
    for i in range(desktop.get_child_count()):
        child = desktop.get_child_at_index(i)
        if child is not None and child.get_name() == "PA Manager":
            return child
    return None


def main_frame():
    found = app()
    if found is None:
        return None
    for i in range(found.get_child_count()):
        child = found.get_child_at_index(i)
        if child is not None and child.get_role_name() == "frame" and "PA Manager" in (child.get_name() or ""):
            return child
    return None


def has(obj, state) -> bool:
    return obj.get_state_set().contains(state)


def labelled_by(obj) -> list[str]:
    names = []
    for relation in obj.get_relation_set() or []:
        if relation.get_relation_type() == Atspi.RelationType.LABELLED_BY:
            names += [relation.get_target(i).get_name() or "" for i in range(relation.get_n_targets())]
    return names


def describe(obj) -> dict:
    return {"role": obj.get_role_name(), "name": obj.get_name() or "", "description": obj.get_description() or "",
            "showing": has(obj, Atspi.StateType.SHOWING), "labelled_by": labelled_by(obj)}


def _table(obj) -> dict:
    rows, columns = Atspi.Table.get_n_rows(obj), Atspi.Table.get_n_columns(obj)
    shown = min(rows, 60)
    return {
        "rows": rows, "columns": columns,
        "column_headers": [Atspi.Table.get_column_description(obj, c) or "" for c in range(columns)],
        "row_headers": [Atspi.Table.get_row_description(obj, r) or "" for r in range(shown)],
        "cells": [[(Atspi.Table.get_accessible_at(obj, r, c).get_name() or "") for c in range(columns)]
                  for r in range(shown)],
    }


def controls(root) -> list[dict]:
    """Everything shown under `root`: each with its role, name, description and labels; tables with
    their headers and cells; lists with their items. Hidden containers are not entered (Qt says their
    cells are showing by position even inside a hidden table)."""
    found = []

    def visit(obj, inside: str) -> None:
        if obj is None or not has(obj, Atspi.StateType.SHOWING):
            return
        entry = {**describe(obj), "focusable": has(obj, Atspi.StateType.FOCUSABLE), "inside": inside}
        role = entry["role"]
        if role in ("table", "tree table"):
            entry["table"] = _table(obj)
        elif role in ("list", "list box"):
            entry["items"] = [obj.get_child_at_index(i).get_name() or "" for i in range(min(obj.get_child_count(), 60))]
        found.append(entry)
        if role in CONTAINERS_OF_ITEMS or role in ("menu bar", "combo box"):
            return
        for i in range(obj.get_child_count()):
            visit(obj.get_child_at_index(i), entry["name"] or inside)

    visit(root, "")
    return found


def bring_to_front() -> None:
    """Raise the window and give it the keyboard, as clicking on it would. windowactivate asks the window
    manager; windowfocus sets X's input focus itself, so keys reach the window even if the window manager
    is slow to start or not running."""
    for action in ("windowactivate", "windowfocus"):
        subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--name", "PA Manager", action, "--sync"],
                       capture_output=True, timeout=20)
    settle(0.4, 3)


def ask_ready() -> dict:
    frame = main_frame()
    if frame is None:
        return {"ready": False}
    names = [c["name"] for c in controls(frame) if c["role"] == "list"]
    # The window shows at once and the records a moment later (the demo is made away from the window):
    # ready once the title names whose records are open ("Margaret Okafor – PA Manager").
    title = frame.get_name() or ""
    return {"ready": "Areas" in names and " – " in title, "title": title}


def ask_areas() -> dict:
    bring_to_front()
    areas = []
    for key in AREA_KEYS:
        heard.clear()
        press(key)
        settle(1.0, 12)  # an area shown for the first time is made then, which a busy machine takes longer over
        focus = [h for h in heard if h["kind"] == "focus"]
        areas.append({
            "key": key,
            "focus": focus[-1] if focus else None,
            "announcements": [h["text"] for h in heard if h["kind"] == "announcement"],
            "controls": controls(main_frame()),
        })
    return {"areas": areas}


def ask_tables() -> dict:
    bring_to_front()
    results = []
    for key in AREA_KEYS:
        press(key)
        settle()
        tables = [c for c in _objects(main_frame()) if c.get_role_name() in ("table", "tree table")]
        for table in tables:
            name = table.get_name() or ""
            for step in ("Tab", "shift+Tab"):
                heard.clear()
                Atspi.Component.grab_focus(table)
                settle(0.4, 3)
                before = [h for h in heard if h["kind"] == "focus"]
                if not before and has(table, Atspi.StateType.FOCUSED):  # it had the focus already
                    before = [{"kind": "focus", **describe(table)}]
                heard.clear()
                press(step)
                settle(0.4, 3)
                focus = [h for h in heard if h["kind"] == "focus"]
                results.append({"area": key, "table": name, "key": step,
                                "focused_before": before[-1] if before else None,
                                "focused_after": focus[-1] if focus else None,
                                "still_in_table": _inside(last_focus[0], table)})
    return {"tables": results}


def _objects(root) -> list:
    found = []

    def visit(obj) -> None:
        if obj is None or not has(obj, Atspi.StateType.SHOWING):
            return
        found.append(obj)
        if obj.get_role_name() in CONTAINERS_OF_ITEMS:
            return
        for i in range(obj.get_child_count()):
            visit(obj.get_child_at_index(i))

    visit(root)
    return found


def _inside(obj, container) -> bool:
    while obj is not None:
        if obj == container:
            return True
        obj = obj.get_parent()
    return False


def ask_keys(keys: list[str]) -> dict:
    bring_to_front()
    steps = []
    for key in keys:
        heard.clear()
        press(key)
        settle()
        steps.append({"key": key, "heard": list(heard)})
    focused = last_focus[0]
    return {"steps": steps, "focused": describe(focused) if focused is not None else None}


def main(argv: list[str]) -> int:
    listener = Atspi.EventListener.new(_on_event)
    listener.register("object:state-changed:focused")
    listener.register("object:announcement")
    question = argv[0] if argv else "ready"
    if question == "ready":
        answer = ask_ready()
    elif question == "areas":
        answer = ask_areas()
    elif question == "tables":
        answer = ask_tables()
    elif question == "keys":
        answer = ask_keys(argv[1:])
    else:
        print(f"Unknown question {question!r}", file=sys.stderr)
        return 2
    print(json.dumps(answer))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
