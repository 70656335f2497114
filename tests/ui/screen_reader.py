"""The app under a real screen-reader stack, as Orca meets it on Linux: an X server (Xvfb), a private
D-Bus session, the AT-SPI bus, a window manager (without one nobody can give the window keyboard
focus) and the app with Qt's AT-SPI bridge switched on. The questions are asked by
tests/ui/screen_reader_client.py, run in the system's Python, which has the AT-SPI client library
(gi.repository.Atspi); it presses keys with xdotool, as a person would, and answers in JSON.

Every process started here is stopped by its pid. What is needed comes from
`installers/linux/system-packages.sh test` (Debian's xvfb, xdotool, openbox, dbus-x11, at-spi2-core and
gir1.2-atspi-2.0); without it the tests that need it are skipped, saying so.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
CLIENT = Path(__file__).with_name("screen_reader_client.py")
SCREEN = "1366x768"
HOW_TO_GET_IT = ("The screen-reader tests need Xvfb, xdotool, openbox, dbus-launch, the AT-SPI bus and its Python "
                 "client. On Debian or Ubuntu run 'sh installers/linux/system-packages.sh test' as root.")


class NoScreenReaderStack(Exception):
    """Something the stack needs is not installed; the message says what and how to get it."""


def missing_parts() -> list[str]:
    missing = [name for name in ("Xvfb", "xdotool", "openbox", "dbus-launch") if shutil.which(name) is None]
    if not Path(BUS_LAUNCHER).exists():
        missing.append(BUS_LAUNCHER)
    if not Path(SYSTEM_PYTHON).exists() or subprocess.run(
            [SYSTEM_PYTHON, "-c", "import gi; gi.require_version('Atspi', '2.0'); from gi.repository import Atspi"],
            capture_output=True).returncode != 0:
        missing.append("the AT-SPI client for Python (gir1.2-atspi-2.0, python3-gi)")
    return missing


@dataclass
class Session:
    folder: Path
    env: dict[str, str]
    processes: list[subprocess.Popen] = field(default_factory=list)
    pids: list[int] = field(default_factory=list)  # started by others for us (the D-Bus daemon)

    def ask(self, *question: str, timeout: float = 240) -> dict:
        """Run the client with a question; its answer (one JSON document)."""
        done = subprocess.run([SYSTEM_PYTHON, str(CLIENT), *question], env=self.env, capture_output=True, text=True,
                              timeout=timeout)
        if done.returncode != 0:
            raise AssertionError(f"The screen-reader client failed ({done.returncode}):\n{done.stderr[-3000:]}")
        return json.loads(done.stdout)

    def app_output(self) -> str:
        log = self.folder / "app.log"
        return log.read_text(errors="replace") if log.exists() else ""

    def stop(self) -> None:
        for process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
        for pid in self.pids:
            try:
                os.kill(pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        shutil.rmtree(self.folder, ignore_errors=True)


def _start_x(folder: Path, screen: str) -> tuple[subprocess.Popen, str]:
    """Xvfb on a display it chooses itself (-displayfd), so parallel runs never clash."""
    read, write = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", f"{screen}x24", "-nolisten", "tcp"],
                            pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=open(folder / "xvfb.log", "wb"))
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    if not number:
        xvfb.kill()
        raise NoScreenReaderStack("Xvfb did not start: " + (folder / "xvfb.log").read_text(errors="replace")[-500:])
    return xvfb, f":{number}"


def start(app_args: list[str] | None = None, *, screen: str = SCREEN, extra_env: dict[str, str] | None = None,
          wait: float = 90) -> Session:
    """Start the stack and the app (the demo household unless `app_args` say otherwise), and wait until
    its window is on the AT-SPI desktop with its records shown."""
    missing = missing_parts()
    if missing:
        raise NoScreenReaderStack(f"Missing: {', '.join(missing)}. {HOW_TO_GET_IT}")
    folder = Path(tempfile.mkdtemp(prefix="pa-manager-screen-reader-"))
    home = folder / "home"
    home.mkdir()
    session = Session(folder, {})
    try:
        xvfb, display = _start_x(folder, screen)
        session.processes.append(xvfb)
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home), "DISPLAY": display,
               "XDG_CONFIG_HOME": str(home / ".config"), "XDG_DATA_HOME": str(home / ".local" / "share"),
               "XDG_RUNTIME_DIR": str(folder), "LANG": "C.UTF-8", "NO_AT_BRIDGE": "0"}
        bus = subprocess.run(["dbus-launch", "--sh-syntax"], env=env, capture_output=True, text=True, check=True)
        for line in bus.stdout.splitlines():
            if "=" in line and line.split("=", 1)[0] in ("DBUS_SESSION_BUS_ADDRESS", "DBUS_SESSION_BUS_PID"):
                name, value = line.rstrip(";").split("=", 1)
                value = value.strip("'\"")
                if name == "DBUS_SESSION_BUS_PID":
                    session.pids.append(int(value))
                else:
                    env[name] = value
        session.env = env
        session.processes.append(subprocess.Popen([BUS_LAUNCHER, "--launch-immediately"], env=env,
                                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        session.processes.append(subprocess.Popen(["openbox"], env=env, stdout=subprocess.DEVNULL,
                                                  stderr=open(folder / "openbox.log", "wb")))
        app_env = {**env, "QT_QPA_PLATFORM": "xcb", "QT_ACCESSIBILITY": "1", "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
                   **(extra_env or {})}
        session.processes.append(subprocess.Popen(
            [sys.executable, "-m", "pa_manager", *(app_args if app_args is not None else ["--demo"])], env=app_env,
            cwd=Path(__file__).resolve().parents[2], stdout=open(folder / "app.log", "wb"), stderr=subprocess.STDOUT))
        deadline = time.monotonic() + wait
        while True:
            try:
                if session.ask("ready", timeout=30).get("ready"):
                    break
            except (AssertionError, subprocess.TimeoutExpired):
                pass
            if time.monotonic() > deadline or session.processes[-1].poll() is not None:
                raise AssertionError(f"The app did not show its window to AT-SPI:\n{session.app_output()[-3000:]}")
            time.sleep(0.5)
    except BaseException:
        session.stop()
        raise
    return session
