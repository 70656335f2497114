"""Undo lives below the screens: services return the change each action made (services.undo), and the
user interface only keeps the stack. No screen writes an inverse of its own."""
import ast
from pathlib import Path

import pa_manager.ui

UI = Path(pa_manager.ui.__file__).parent


def _modules():
    for path in sorted(UI.rglob("*.py")):
        yield path.relative_to(UI.parent.parent).as_posix(), ast.parse(path.read_text(encoding="utf-8"))


def test_no_screen_builds_an_inverse_of_its_own():
    found = []
    for name, tree in _modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                if isinstance(func, ast.Attribute) and func.attr == "record" and "context" in ast.unparse(func.value):
                    found.append(f"{name}:{node.lineno} context.record")
                found += [f"{name}:{node.lineno} {k.arg}=lambda" for k in node.keywords
                          if k.arg in ("undo", "redo") and isinstance(k.value, ast.Lambda)]
    assert found == []
    assert not any("context.record" in path.read_text(encoding="utf-8") for path in UI.rglob("*.py"))


def test_one_undo_command_wraps_a_services_change_and_only_it_reverses_one():
    commands, reversing = [], []
    for name, tree in _modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and any(ast.unparse(b).endswith("QUndoCommand") for b in node.bases):
                commands.append(f"{name}:{node.name}")
            if isinstance(node, ast.Attribute) and node.attr == "reverse" and ast.unparse(node.value).endswith("undo_rules"):
                reversing.append(name)
    assert commands == ["pa_manager/ui/context.py:_ChangeCommand"]
    assert set(reversing) == {"pa_manager/ui/context.py"}
