"""The installers' promises that need no build: one version, one licence, what ships, where data lives."""
from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

import pa_manager
from pa_manager.cli import main

ROOT = Path(__file__).resolve().parents[2]
INSTALLERS = ROOT / "installers"
sys.path.insert(0, str(INSTALLERS))
import project_info  # noqa: E402


def test_the_builds_read_name_and_version_from_pyproject_which_reads_the_package():
    assert project_info.name() == "pa-manager"
    assert project_info.version() == pa_manager.__version__
    spec = (INSTALLERS / "pa-manager.spec").read_text(encoding="utf-8")
    assert "project_info.version()" in spec and not re.search(r"\d+\.\d+\.\d+", spec)


def test_the_version_is_said_by_version_and_help_about(capsys, qtbot, monkeypatch):
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"PA Manager {pa_manager.__version__}"

    from PySide6.QtWidgets import QMessageBox

    from pa_manager.ui.main_window import MainWindow

    said = []
    monkeypatch.setattr(QMessageBox, "about", lambda _parent, title, text: said.append((title, text)))
    window = MainWindow()
    qtbot.addWidget(window)
    window.show_about()
    ((title, text),) = said
    assert title == "About PA Manager"
    assert f"PA Manager {pa_manager.__version__}" in text and "GNU General Public Licence, version 3 or later" in text


def test_the_bundle_ships_every_rates_file_and_migration_as_files():
    """The spec ships the package-data patterns; Alembic needs the migrations as .py files on disk."""
    patterns = project_info.package_data()["pa_manager"]
    package = ROOT / "pa_manager"
    matched = {p for pattern in patterns for p in package.glob(pattern)}
    needed = set((package / "data" / "rates").glob("*.toml")) | {
        p for p in (package / "storage" / "migrations").rglob("*") if p.suffix in {".py", ".mako"}}
    assert needed <= matched, sorted(str(p) for p in needed - matched)


def test_the_icon_is_found_for_the_window(qapp):
    from pa_manager.app import ICONS, app_icon

    assert {p.name for p in ICONS.glob("pa-manager-*.png")} >= {"pa-manager-16.png", "pa-manager-256.png"}
    assert (ICONS / "pa-manager.svg").is_file() and (ICONS / "pa-manager.ico").is_file()
    assert (ICONS / "pa-manager.icns").is_file()
    assert not app_icon().isNull() and 256 in {s.width() for s in app_icon().availableSizes()}


def test_the_linux_menu_entry_is_valid():
    desktop = INSTALLERS / "linux" / "pa-manager.desktop"
    result = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout == "", result.stdout + result.stderr
    assert "Icon=pa-manager\n" in desktop.read_text(encoding="utf-8")


def test_the_windows_installer_needs_no_administrator_and_never_removes_records():
    script = (INSTALLERS / "windows" / "pa-manager.iss").read_text(encoding="utf-8")
    setting = dict(re.findall(r"^(\w+)=(.*)$", script, flags=re.M))
    assert setting["PrivilegesRequired"] == "lowest"
    assert setting["DefaultDirName"].startswith("{autopf}")
    assert "{autoprograms}" in script  # the Start-menu entry
    assert not re.search(r"^\[UninstallDelete\]", script, flags=re.M)
    # The only thing deleted on upgrade is the old program's libraries, inside the program's folder.
    assert re.findall(r'^Type: \w+; Name: "(.*)"', script, flags=re.M) == [r"{app}\_internal"]


def test_the_ci_workflow_builds_all_three_on_their_own_systems():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "installers.yml").read_text(encoding="utf-8"))
    systems = {name: job["runs-on"] for name, job in workflow["jobs"].items()}
    assert set(systems) == {"windows", "macos", "linux"}
    assert all(runner.startswith({"windows": "windows-", "macos": "macos-", "linux": "ubuntu-"}[name])
               for name, runner in systems.items())
    steps = {name: " ".join(str(step.get("run", "")) for step in job["steps"]) for name, job in workflow["jobs"].items()}
    assert "pa-manager.iss" in steps["windows"] and "build-macos.sh" in steps["macos"]
    assert "tests/installers" in steps["linux"]


def test_the_licence_is_the_gpl_version_3_that_pyproject_names():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == {"text": "GPL-3.0-or-later"}
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licence.split("\n", 2)[:2] == ["                    GNU GENERAL PUBLIC LICENSE",
                                          "                       Version 3, 29 June 2007"]
    assert "END OF TERMS AND CONDITIONS" in licence and len(licence) > 30000


def test_the_changelog_starts_with_this_version():
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    versions = re.findall(r"^## (\d+\.\d+\.\d+)", changelog, flags=re.M)
    assert versions[0] == pa_manager.__version__
    assert len(versions) == len(set(versions))
