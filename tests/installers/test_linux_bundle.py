"""The Linux bundle, built as a release is (installers/build-linux.sh), run as a user would run it.

Building takes minutes, so the build is reused while nothing it is made from has changed (the app, the
resources, the installers, pyproject.toml, and the Python and packages it is built with)."""
from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from pa_manager import __version__
from pa_manager.storage.database import SCHEMA_REVISION

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist" / "linux"
STAMP = DIST / ".built-from"
BUNDLE = DIST / "pa-manager"
PROGRAM = BUNDLE / "pa-manager"
RELEASE_0007 = ROOT / "tests" / "data" / "release-0007.sqlite3"
BUILD_INPUTS = ("pa_manager", "resources", "installers", "pyproject.toml", "LICENSE")


def _build_inputs_digest() -> str:
    digest = hashlib.sha256()
    for name in BUILD_INPUTS:
        top = ROOT / name
        for path in sorted([top] if top.is_file() else top.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes() + b"\0")
    digest.update(sys.version.encode())
    packages = sorted(f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions())
    digest.update("\n".join(packages).encode())
    return digest.hexdigest()


@pytest.fixture(scope="session")
def linux_bundle() -> Path:
    """The built bundle: built now unless the one in dist/linux was built from exactly these inputs."""
    digest = _build_inputs_digest()
    if PROGRAM.is_file() and STAMP.is_file() and STAMP.read_text() == digest:
        return BUNDLE
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        pytest.fail("PyInstaller is missing: install the test set-up with pip install -e '.[test]' (it brings '.[build]').")
    log = ROOT / "build" / "build-linux.log"
    log.parent.mkdir(exist_ok=True)
    with open(log, "w") as out:
        result = subprocess.run(["bash", str(ROOT / "installers" / "build-linux.sh")], cwd=ROOT, stdout=out,
                                stderr=subprocess.STDOUT, env={**os.environ, "PYTHON": sys.executable}, timeout=1800)
    assert result.returncode == 0, f"build-linux.sh failed; the end of {log}:\n" + log.read_text()[-4000:]
    STAMP.write_text(digest)
    return BUNDLE


@pytest.fixture
def user_env(tmp_path) -> dict[str, str]:
    """A user with an empty home and temporary folder, so nothing touches the real ones."""
    home = tmp_path / "home"
    home.mkdir()
    (tmp_path / "tmp").mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "PA_MANAGER_"))}
    env.update(HOME=str(home), TMPDIR=str(tmp_path / "tmp"), QT_QPA_PLATFORM="offscreen", LC_ALL="C.UTF-8")
    return env


def _run(args, env, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], env=env, capture_output=True, text=True, timeout=300, **kwargs)


def test_the_bundle_opens_the_demo_household_in_its_window_and_quits_cleanly(linux_bundle, user_env, tmp_path):
    result = _run([linux_bundle / "pa-manager", "--demo"], {**user_env, "PA_MANAGER_QUIT_WHEN_SHOWN": "1"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Shown: Margaret Okafor – PA Manager | Margaret Okafor's records | Dashboard" in result.stdout
    assert "Traceback" not in result.stderr
    assert list((tmp_path / "tmp").iterdir()) == []  # the demo's throwaway data file is gone
    assert not (tmp_path / "home" / ".local" / "share" / "PA Manager").exists()  # nor touched the user's records


def test_the_bundle_ships_its_dataclasses_code_and_never_writes_it(linux_bundle, user_env):
    """Made at build time, holding the app's own record types, where the frozen package reads it
    (pa_manager/dataclass_code.py); running the program leaves it, and the bundle, as they were."""
    from tests.test_dataclass_code import parameter_names

    shipped = list((linux_bundle / "_internal" / "pa_manager" / "__pycache__").glob("dataclass-methods.*.marshal"))
    assert len(shipped) == 1
    assert "direct_payment_reference" in parameter_names(shipped[0])
    before = shipped[0].stat().st_mtime_ns
    result = _run([PROGRAM, "check-wage", "--age", "30", "--period-start", "2026-06-01", "--period-end",
                   "2026-06-30", "--hours", "100", "--pay", "1300"], user_env)
    assert result.returncode == 0, result.stderr
    assert shipped[0].stat().st_mtime_ns == before
    assert [p.name for p in shipped[0].parent.iterdir()] == [shipped[0].name]


def test_the_bundles_command_line_works_on_a_demo_file(linux_bundle, user_env, tmp_path):
    program = linux_bundle / "pa-manager"
    version = _run([program, "--version"], user_env)
    assert version.stdout.strip() == f"PA Manager {__version__}"

    demo = tmp_path / "demo.sqlite3"
    assert _run([program, "create-demo", "--data", demo], user_env).returncode == 0
    employers = _run([program, "employers", "--data", demo, "--json"], user_env)
    assert employers.returncode == 0, employers.stderr
    assert {e["name"] for e in json.loads(employers.stdout)} == {"Margaret Okafor", "Desmond Clarke"}

    pay = _run([program, "calc-pay", "--tax-year", "2026-27", "--frequency", "monthly", "--period", "1",
                "--gross", "2000", "--tax-code", "1257L", "--json"], user_env)
    assert pay.returncode == 0, pay.stderr
    assert json.loads(pay.stdout)["employee_ni"] == "76.16"

    # Payslips from the latest finalised pay run: ReportLab and its fonts are in the bundle.
    history = json.loads(_run([program, "history", "--data", demo, "--employer", "Margaret Okafor", "--json"],
                              user_env).stdout)
    pay_date = max(c["facts"]["pay_date"] for c in history if c["code"] == "PAY_RUN_FINALISED")
    slips = _run([program, "payslips", "--data", demo, "--employer", "Margaret Okafor", "--pay-date", pay_date,
                  "--out", tmp_path / "slips"], user_env)
    assert slips.returncode == 0, slips.stderr
    pdfs = list((tmp_path / "slips").glob("*.pdf"))
    assert pdfs and all(p.read_bytes().startswith(b"%PDF") for p in pdfs)


def test_the_bundle_upgrades_a_data_file_from_the_previous_release_keeping_a_copy(linux_bundle, user_env, tmp_path):
    old = tmp_path / "records.sqlite3"
    shutil.copy(RELEASE_0007, old)
    result = _run([linux_bundle / "pa-manager", "employers", "--data", old, "--json"], user_env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [{"name": "Old Release Household", "council": "", "pas": 2}]
    (backup,) = tmp_path.glob("records.backup-*-before-upgrade.sqlite3")  # (a daily copy is taken too)
    assert _dump(backup) == _dump(RELEASE_0007)  # the copy holds the file as the old release left it
    assert ("0007",) in _rows(backup, "SELECT version_num FROM alembic_version")
    assert _rows(old, "SELECT version_num FROM alembic_version") == [(SCHEMA_REVISION,)]


def _dump(path: Path) -> list[str]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def _rows(path: Path, query: str) -> list[tuple]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return connection.execute(query).fetchall()
    finally:
        connection.close()


def test_the_linux_downloads_hold_the_program_menu_entry_and_icon(linux_bundle):
    appdir = DIST / "PA_Manager.AppDir"
    for entry in (appdir / "pa-manager.desktop", appdir / "usr/share/applications/pa-manager.desktop"):
        check = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
        assert check.returncode == 0 and check.stdout == "", check.stdout + check.stderr
    assert os.access(appdir / "AppRun", os.X_OK)
    assert (appdir / ".DirIcon").resolve() == (appdir / "pa-manager.png").resolve()
    assert (appdir / "usr/share/icons/hicolor/256x256/apps/pa-manager.png").is_file()

    top = f"pa-manager-{__version__}"
    with tarfile.open(next(DIST.glob(f"{top}-linux-*.tar.gz"))) as tar:
        names = set(tar.getnames())
    assert {f"{top}/pa-manager", f"{top}/install.sh", f"{top}/LICENSE", f"{top}/share/applications/pa-manager.desktop",
            f"{top}/share/icons/hicolor/scalable/apps/pa-manager.svg",
            f"{top}/_internal/pa_manager/storage/migrations/versions/0001_initial.py"} <= names


def test_installing_from_the_tarball_and_removing_it_never_touches_the_records(linux_bundle, user_env, tmp_path):
    with tarfile.open(next(DIST.glob("pa-manager-*-linux-*.tar.gz"))) as tar:
        tar.extractall(tmp_path / "download", filter="tar")
    (folder,) = (tmp_path / "download").iterdir()
    home = Path(user_env["HOME"])
    assert _run(["sh", folder / "install.sh"], user_env).returncode == 0
    installed = home / ".local/bin/pa-manager"
    assert _run([installed, "--version"], user_env).stdout.strip() == f"PA Manager {__version__}"
    entry = home / ".local/share/applications/pa-manager.desktop"
    assert f'Exec="{home}/.local/opt/pa-manager/pa-manager"' in entry.read_text()
    assert subprocess.run(["desktop-file-validate", str(entry)], capture_output=True).returncode == 0

    records = home / ".local/share/PA Manager/pa-manager.sqlite3"  # the app's own data file (config.py)
    records.parent.mkdir(parents=True)
    shutil.copy(RELEASE_0007, records)
    assert _run([installed, "employers"], user_env).returncode == 0  # opens (and upgrades) the user's own file
    assert _run(["sh", folder / "install.sh"], user_env).returncode == 0  # installing again (an upgrade)
    assert _run(["sh", home / ".local/opt/pa-manager/install.sh", "--uninstall"], user_env).returncode == 0
    assert not installed.exists() and not entry.exists() and not (home / ".local/opt/pa-manager").exists()
    assert records.is_file() and len(list(records.parent.glob("pa-manager.backup-*-before-upgrade.sqlite3"))) == 1
