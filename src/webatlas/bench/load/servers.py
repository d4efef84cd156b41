"""Start a configuration's server in its pinned environment, pinned to the server's core, and always stop it."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from webatlas import processes
from webatlas.bench.errors import BenchError
from webatlas.bench.load.configs import Configuration

STARTUP_S = 30


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


def start(configuration: Configuration, root: Path, core: int, log_dir: Path) -> Server:
    """Run the configuration's command on a free port, on CPU `core` only, and wait until it answers."""
    port = processes.free_port()
    log = log_dir / f"{configuration.name.replace('/', '_')}.log"
    try:
        command = processes.environment_command(
            root, configuration.environment, configuration.argv(port), cwd=configuration.folder, log=log, core=core
        )
    except processes.ProcessError as error:
        raise BenchError(str(error)) from error
    try:
        process = processes.start_answering(command, lambda: processes.answers_http(port), STARTUP_S)
    except processes.NotAnswering as error:
        raise StartError(f"{configuration.name} did not start: {error}") from error
    return Server(configuration, process, port, log)


def stop(server: Server) -> None:
    processes.stop(server.process)
