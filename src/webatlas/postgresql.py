"""A throwaway PostgreSQL cluster on loopback: made in a temporary folder with Debian's server binaries, started as a
process group of its own, and always stopped and removed. Database recipes and their tests run against it.

`initdb` refuses to run as root, so as root the cluster belongs to the unprivileged `postgres` user."""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from webatlas import processes

SERVER_GLOB = "/usr/lib/postgresql/*/bin"
"""Where Debian's `postgresql` package puts each major version's server binaries."""
OWNER = "postgres"
"""The unprivileged account a root process runs the cluster as."""
STARTUP_S = 30
SETTINGS = {
    # Nothing in a throwaway cluster needs to survive a crash, so nothing waits for the disk.
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "listen_addresses": "127.0.0.1",
    # Each snippet of the cookbook runs with a pool, and two run at once on a machine with xdist's two workers.
    "max_connections": "200",
    # Counts the statements each database runs, so a check can tell n queries from one.
    "shared_preload_libraries": "pg_stat_statements",
    # Every line names its database, so one recipe's lines can be told from another's.
    "log_line_prefix": "%m [%p] db=%d ",
}


class PostgresqlError(RuntimeError):
    """The server binaries are missing, or the cluster could not be made or started."""


@dataclass(frozen=True)
class Cluster:
    """A running cluster: where it listens, its folder, its server's log, and the address recipes read from DATABASE_URL."""

    port: int
    folder: Path
    pgid: int
    log: Path

    @property
    def url(self) -> str:
        return self.url_for(OWNER)

    def url_for(self, database: str) -> str:
        return f"postgresql://{OWNER}@127.0.0.1:{self.port}/{database}"

    def sql(self, query: str, database: str = OWNER, **variables: str) -> list[list[str]]:
        """The rows `query` returns, each a list of its values as text, by psql. `variables` are psql variables, so a
        query quotes them with `:'name'` for a literal or `:"name"` for an identifier."""
        argv = [str(server_bin() / "psql"), self.url_for(database), "--no-psqlrc", "--tuples-only", "--no-align", "--field-separator=\t"]
        argv += ["--set=ON_ERROR_STOP=1", *(f"--set={name}={value}" for name, value in variables.items())]
        # psql expands variables only in what it reads, not in a -c command.
        done = subprocess.run(argv, input=query, capture_output=True, text=True, timeout=60, check=False)
        if done.returncode != 0:
            raise PostgresqlError(f"psql failed on {query!r}: {done.stderr.strip()}")
        return [line.split("\t") for line in done.stdout.splitlines()]


def server_bin(pattern: str = SERVER_GLOB) -> Path:
    """The bin folder of the newest PostgreSQL version installed."""
    found = sorted(Path("/").glob(pattern.lstrip("/")), key=lambda path: int(path.parent.name) if path.parent.name.isdigit() else 0)
    if not found:
        raise PostgresqlError(f"no PostgreSQL server under {pattern}: install it with `apt-get install -y postgresql`")
    return found[-1]


def as_owner(argv: list[str]) -> list[str]:
    """`argv` as the cluster's owner runs it: through runuser when this process is root, as it is otherwise."""
    return ["runuser", "-u", OWNER, "--", *argv] if os.geteuid() == 0 else argv


@contextlib.contextmanager
def owned_folder(prefix: str) -> Iterator[Path]:
    """A new temporary folder that the cluster's owner may write to, removed afterwards however the block ends."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        _give_to_owner(folder)
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _give_to_owner(folder: Path) -> None:
    if os.geteuid() == 0:
        account = pwd.getpwnam(OWNER)
        os.chown(folder, account.pw_uid, account.pw_gid)


def _accepting(binaries: Path, port: int) -> bool:
    """Whether the server takes connections: it listens a moment before it has finished starting up."""
    probe = [str(binaries / "pg_isready"), "-q", "-h", "127.0.0.1", "-p", str(port)]
    return subprocess.run(probe, capture_output=True, timeout=10, check=False).returncode == 0


@contextlib.contextmanager
def running_cluster(log_dir: Path) -> Iterator[Cluster]:
    """A fresh cluster on a free loopback port with a `postgres` superuser that needs no password from loopback. Its
    server's output goes to `log_dir`; its folder is removed afterwards, however the block ends."""
    binaries = server_bin()
    with owned_folder("webatlas-postgresql-") as folder:
        data = folder / "data"
        initdb = [str(binaries / "initdb"), "-D", str(data), "-U", OWNER, "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]
        made = subprocess.run(as_owner(initdb), capture_output=True, text=True, timeout=120, check=False)
        if made.returncode != 0:
            raise PostgresqlError(f"initdb failed: {(made.stdout + made.stderr).strip()[-600:]}")
        port = processes.free_port()
        options = [f"--{name}={value}" for name, value in SETTINGS.items()]
        # The socket folder is the cluster's own, so nothing is written to /run/postgresql.
        argv = [str(binaries / "postgres"), "-D", str(data), "-p", str(port), "-k", str(folder), *options]
        log = log_dir / "postgresql.log"
        command = processes.Command(as_owner(argv), folder, dict(os.environ), log)
        with processes.running(command, lambda: _accepting(binaries, port), STARTUP_S) as server:
            yield Cluster(port, folder, server.pid, log)
