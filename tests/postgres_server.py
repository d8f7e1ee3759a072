"""A throwaway PostgreSQL server for the tests: a fresh cluster in a temporary folder, listening
on 127.0.0.1 on a free port, stopped and removed at the end of the session.

It uses the server binaries of the Debian ``postgresql`` package (``bash scripts/setup.sh``
installs them). PostgreSQL refuses to run as root, so as root the cluster belongs to, and the
server runs as, the ``postgres`` user the package creates.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

#: Settings for a disposable test cluster: durability off (nothing here must survive a crash).
#: Benchmarks pass "" for the server's durable defaults.
FAST = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60"


def find_bin_dir() -> Path | None:
    """The newest PostgreSQL server binary folder on this machine, or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parent.parent.name) if Path(p).parent.parent.name
                   .isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("initdb")
    return Path(on_path).parent if on_path else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PostgresServer:
    """One test cluster. ``url(name)`` gives the URL of database ``name`` on it."""

    def __init__(self, bin_dir: Path, settings: str = FAST) -> None:
        self.bin_dir = bin_dir
        self.settings = settings
        self.as_root = os.geteuid() == 0
        self.root = Path(tempfile.mkdtemp(prefix="crossbearing-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self._databases = 0

    def _run(self, *args: str) -> None:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, cwd=self.root)
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed:\n{result.stdout}{result.stderr}")

    def start(self) -> "PostgresServer":
        if self.as_root:
            shutil.chown(self.root, "postgres", "postgres")
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust",
                  "--encoding=UTF8", "--locale=C", "--no-sync")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"), "-w",
                  "-o", f"-h 127.0.0.1 -p {self.port} -k {self.root} {self.settings}", "start")
        return self

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def url(self, name: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{name}"

    def create_database(self) -> str:
        """A new empty database; returns its URL."""
        import psycopg

        self._databases += 1
        name = f"test_{os.getpid()}_{self._databases}"
        with psycopg.connect(self.url(), autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)
