"""A throw-away PostgreSQL server for the tests, from the binaries Debian's `postgresql` package installs.

It lives in a temporary folder, listens only on 127.0.0.1 on a free port, trusts the test user and
asks everyone else for a password (so a wrong password can be tested), and keeps nothing: durability
is switched off for speed. `initdb` refuses to run as root, so as root the server runs as the
`postgres` user the package creates. Stopped by its pid; the folder goes once postmaster.pid has.
"""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

SUPERUSER = "pa_test"
PASSWORD_USER = "pa_password"  # a role that must give a password (tests of a wrong one)
PASSWORD = "right-password"
HOW_TO_GET_IT = ("PostgreSQL is not installed, so the PostgreSQL variants are skipped. On Debian or Ubuntu run "
                 "'sh installers/linux/system-packages.sh test' as root (it installs the postgresql package), or "
                 "put a folder holding initdb and postgres in PA_MANAGER_TEST_PG_BIN.")


class NoServer(Exception):
    """PostgreSQL cannot be started here; the message says why and how to get it."""


def find_binaries() -> Path | None:
    """The folder holding initdb and postgres: PA_MANAGER_TEST_PG_BIN if set (and only it), else the
    newest Debian /usr/lib/postgresql/<version>/bin, else the one initdb on the PATH is in."""
    chosen = os.environ.get("PA_MANAGER_TEST_PG_BIN")
    if chosen:
        candidates = [Path(chosen)]
    else:
        debian = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name)
                        if Path(p).parent.name.isdigit() else 0, reverse=True)
        candidates = [Path(p) for p in debian]
        on_path = shutil.which("initdb")
        if on_path:
            candidates.append(Path(on_path).resolve().parent)
    for folder in candidates:
        if (folder / "initdb").exists() and (folder / "postgres").exists():
            return folder
    return None


def _scratch() -> str | None:
    """Memory (/dev/shm) when there is room: copying a template database is then several times faster."""
    try:
        room = shutil.disk_usage("/dev/shm").free
    except OSError:
        return None
    return "/dev/shm" if room > 512 * 1024 ** 2 else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    folder: Path
    port: int
    process: subprocess.Popen
    _admin: object = None
    _made: int = 0

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def url(self, database: str, user: str = SUPERUSER, password: str | None = None) -> str:
        """An address as a person would type it after --data (SQLAlchemy's default spelling)."""
        login = user if password is None else f"{user}:{password}"
        return f"postgresql://{login}@127.0.0.1:{self.port}/{database}"

    def admin(self):
        """A psycopg connection to the maintenance database, in autocommit (CREATE DATABASE needs it)."""
        import psycopg

        return psycopg.connect(host="127.0.0.1", port=self.port, user=SUPERUSER, dbname="postgres",
                               autocommit=True)

    def execute(self, statement: str) -> None:
        if self._admin is None:
            self._admin = self.admin()
        self._admin.execute(statement)

    def execute_in(self, database: str, statement: str) -> None:
        """Run one statement as the test superuser in one of the databases."""
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=self.port, user=SUPERUSER, dbname=database,
                             autocommit=True) as connection:
            connection.execute(statement)

    def new_database(self, template: str) -> str:
        """A new database copied from a template (which must have no one connected); returns its name."""
        self._made += 1
        name = f"test_{self._made}"
        self.execute(f"CREATE DATABASE {name} TEMPLATE {template} STRATEGY FILE_COPY")
        return name

    def drop_database(self, name: str) -> None:
        """Drop it, closing any connection a test left open (a command line run keeps its engine)."""
        self.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def stop(self) -> None:
        """Fast shutdown by the postmaster's pid, then wait for it to remove postmaster.pid."""
        if self._admin is not None:
            self._admin.close()
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGINT)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.kill(self.process.pid, signal.SIGQUIT)
                self.process.wait(timeout=10)
        deadline = time.monotonic() + 10
        while (self.data / "postmaster.pid").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        shutil.rmtree(self.folder, ignore_errors=True)


def start() -> Server:
    """initdb in a new temporary folder and start the server; raises NoServer to skip."""
    binaries = find_binaries()
    if binaries is None and os.environ.get("PA_MANAGER_TEST_PG_BIN"):
        raise NoServer(f"PA_MANAGER_TEST_PG_BIN is {os.environ['PA_MANAGER_TEST_PG_BIN']}, which holds no initdb and "
                       "postgres, so the PostgreSQL variants are skipped.")
    if binaries is None:
        raise NoServer(HOW_TO_GET_IT)
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise NoServer("The PostgreSQL driver (psycopg) is not installed, so the PostgreSQL variants are skipped: "
                       "pip install -e '.[test]' installs it.") from None
    user = None
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            raise NoServer("The tests run as root, and initdb refuses to, but there is no 'postgres' user to run it "
                           "as: install Debian's postgresql package, which makes one.") from None
        user = "postgres"
    folder = Path(tempfile.mkdtemp(prefix="pa-manager-test-postgres-", dir=_scratch()))
    if user is not None:
        os.chown(folder, owner.pw_uid, owner.pw_gid)
    data = folder / "data"
    run = dict(user=user, cwd=folder, capture_output=True, text=True)
    result = subprocess.run([str(binaries / "initdb"), "-D", str(data), "-U", SUPERUSER, "--auth=trust",
                             "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"], **run)
    if result.returncode != 0:
        shutil.rmtree(folder, ignore_errors=True)
        raise NoServer(f"initdb failed, so the PostgreSQL variants are skipped: {result.stderr.strip()[-300:]}")
    # The test user is trusted; anyone else must give a password (scram-sha-256).
    (data / "pg_hba.conf").write_text(
        f"host all {SUPERUSER} 127.0.0.1/32 trust\n"
        "host all all 127.0.0.1/32 scram-sha-256\n")
    for attempt in range(3):
        port = _free_port()
        process = subprocess.Popen(
            [str(binaries / "postgres"), "-D", str(data), "-h", "127.0.0.1", "-p", str(port), "-k", str(folder),
             "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
             # little write-ahead log kept (the folder may be in memory), no replication
             "-c", "wal_level=minimal", "-c", "max_wal_senders=0", "-c", "max_wal_size=64MB",
             "-c", "min_wal_size=32MB", "-c", "max_connections=200", "-c", "logging_collector=off"],
            user=user, cwd=folder, stdout=subprocess.DEVNULL, stderr=open(folder / "server.log", "w"))
        server = Server(folder, port, process)
        if _wait_until_ready(server):
            with server.admin() as admin:
                admin.execute(f"CREATE ROLE {PASSWORD_USER} LOGIN PASSWORD '{PASSWORD}'")
            return server
        if process.poll() is None:
            os.kill(process.pid, signal.SIGINT)
            process.wait(timeout=30)
    log = (folder / "server.log").read_text(errors="replace")[-300:]
    shutil.rmtree(folder, ignore_errors=True)
    raise NoServer(f"The test PostgreSQL server did not start, so the PostgreSQL variants are skipped: {log}")


def _wait_until_ready(server: Server, seconds: float = 30) -> bool:
    import psycopg

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            return False
        try:
            server.admin().close()
            return True
        except psycopg.OperationalError:
            time.sleep(0.05)
    return False
