"""The facts every installer needs, read from pyproject.toml so there is one copy of each.

The version is dynamic ([tool.setuptools.dynamic] version = {attr = "pa_manager.__version__"}): it is
read the way setuptools reads it, as the literal assigned in that module, without importing the app.

    python installers/project_info.py name | version | display-name
"""
from __future__ import annotations

import ast
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DISPLAY_NAME = "PA Manager"  # the name people see (menus, windows); pa_manager/config.py APP_NAME says the same
APP_ID = "uk.org.pamanager.PAManager"  # reverse-domain id: macOS bundle identifier, Windows installer id source


def pyproject() -> dict:
    with open(ROOT / "pyproject.toml", "rb") as file:
        return tomllib.load(file)


def name() -> str:
    return pyproject()["project"]["name"]


def version() -> str:
    project = pyproject()
    if "version" in project["project"]:
        return project["project"]["version"]
    attr = project["tool"]["setuptools"]["dynamic"]["version"]["attr"]
    module, _, variable = attr.rpartition(".")
    source = ROOT.joinpath(*module.split("."))
    source = source / "__init__.py" if source.is_dir() else source.with_suffix(".py")
    for node in ast.parse(source.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == variable for t in node.targets):
            return ast.literal_eval(node.value)
    raise LookupError(f"{attr} is not assigned a literal in {source}")


def package_data() -> dict[str, list[str]]:
    """The package-data patterns (rates files, migrations): what the bundle must ship as files too."""
    return pyproject()["tool"]["setuptools"].get("package-data", {})


if __name__ == "__main__":
    facts = {"name": name, "version": version, "display-name": lambda: DISPLAY_NAME}
    if len(sys.argv) != 2 or sys.argv[1] not in facts:
        raise SystemExit(f"usage: project_info.py {' | '.join(facts)}")
    print(facts[sys.argv[1]]())
