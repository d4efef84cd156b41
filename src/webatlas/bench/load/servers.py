"""Start a configuration's server in its pinned environment, pinned to the server's core, and always stop it."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from webatlas.bench.errors import BenchError
from webatlas.bench.load.configs import Configuration
from webatlas.catalogue.benchmarks.server_setups import SERVERS_ENVIRONMENT

STARTUP_S = 30
STOP_GRACE_S = 5


class StartError(BenchError):
    """A configuration's server exited or did not answer; the run reports it and times the others."""


@dataclass
class Server:
    configuration: Configuration
    process: subprocess.Popen[bytes]
    port: int
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}{self.configuration.scenario.path}"


def environment_bin(root: Path, environment: str) -> Path:
    bin_dir = root / ".venvs" / environment / "bin"
    if not (bin_dir.parent / ".installed").exists():
        target = ".venvs/bench-servers" if environment == SERVERS_ENVIRONMENT else f".venvs/{environment}"
        raise BenchError(f"no environment {target}: run `make setup` first")
    return bin_dir


def free_port() -> int:
    """A TCP port on loopback that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _answers(url: str) -> bool:
    """Any HTTP answer, even an error status, means the server is up."""
    try:
        with urllib.request.urlopen(url, timeout=1):
            return True
    except urllib.error.HTTPError:
        return True
    except (urllib.error.URLError, OSError):
        return False


def start(configuration: Configuration, root: Path, core: int, log_dir: Path) -> Server:
    """Run the configuration's command on a free port, on CPU `core` only, and wait until it answers."""
    bin_dir = environment_bin(root, configuration.environment)
    port = free_port()
    argv = configuration.argv(port)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "VIRTUAL_ENV": str(bin_dir.parent)}
    env.pop("PYTHONPATH", None)
    # `env VAR=value program` is how a documented command sets variables; the program is looked up after them.
    lookup = next(index for index, part in enumerate(argv) if part != "env" and "=" not in part)
    executable = shutil.which(argv[lookup], path=env["PATH"])
    if executable is None:
        raise BenchError(f"{argv[lookup]} is not installed in {bin_dir}")
    argv[lookup] = executable
    log = log_dir / f"{configuration.name.replace('/', '_')}.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            ["taskset", "-c", str(core), *argv],
            cwd=configuration.folder,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    server = Server(configuration, process, port, log)
    deadline = time.monotonic() + STARTUP_S
    try:
        while not _answers(f"http://127.0.0.1:{port}/"):
            if process.poll() is not None or time.monotonic() > deadline:
                # The last lines say why; the whole log can run to pages of warnings.
                raise StartError(f"{configuration.name} did not start: {log.read_text(errors='replace').strip()[-600:]}")
            time.sleep(0.1)
    except BaseException:
        # Whether it failed or the run is being stopped, a server that is not handed back is stopped here.
        stop(server)
        raise
    return server


def stop(server: Server) -> None:
    stop_group(server.process)


def stop_group(process: subprocess.Popen[bytes]) -> None:
    """Stop a server's whole process group, politely first: Gunicorn's and Uvicorn's workers are its children."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=STOP_GRACE_S)
    # Whatever is left (a parent past its grace period, or orphaned workers) is killed outright.
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=STOP_GRACE_S)
