"""Run a server or service as a process group of its own: start it in a pinned environment, wait until it answers,
and always stop all of it. The benchmark's servers and the tests' snippets are run this way."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import httpx
import psutil

STOP_GRACE_S = 5.0
"""How long a group has to exit after SIGTERM before what is left of it is killed."""
POLL_S = 0.05
LOG_TAIL_CHARS = 600
"""How much of a log an error quotes: its end says why, and a whole log can run to pages of warnings."""

Process = subprocess.Popen[bytes]


class ProcessError(RuntimeError):
    """A process could not be started, did not answer, or outlived being stopped."""


class MissingEnvironment(ProcessError):
    """The environment under .venvs/ that a command runs in has not been built."""


class MissingProgram(ProcessError):
    """A command's program is neither in its environment nor on PATH."""


class NotAnswering(ProcessError):
    """The process exited before it answered, or did not answer by the deadline."""

    def __init__(self, reason: str, log: Path) -> None:
        self.reason = reason
        self.log = log
        super().__init__(f"{reason}; its log ends: {log.read_text(errors='replace').strip()[-LOG_TAIL_CHARS:]}")


@dataclass(frozen=True)
class Command:
    """A program to run from `cwd` with exactly the variables `env`, its output and errors going to `log`."""

    argv: list[str]
    cwd: Path
    env: dict[str, str]
    log: Path
    core: int | None = None
    """The one CPU it may run on, by `taskset -c`; None leaves it to the scheduler."""


def environment_bin(root: Path, name: str) -> Path:
    """The bin folder of `.venvs/<name>` under `root`, once `make setup` has finished building it."""
    environment = root / ".venvs" / name
    if not (environment / ".installed").exists():
        raise MissingEnvironment(f"no environment .venvs/{name}: run `make setup` first")
    return environment / "bin"


def environment_command(root: Path, name: str, argv: Sequence[str], *, cwd: Path, log: Path, core: int | None = None) -> Command:
    """`argv` as it runs with `.venvs/<name>` activated: its bin first on PATH, no PYTHONPATH from outside, and its
    program resolved there. A documented command may set variables first, as `env VAR=value program`."""
    bin_dir = environment_bin(root, name)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "VIRTUAL_ENV": str(bin_dir.parent)}
    env.pop("PYTHONPATH", None)
    resolved = list(argv)
    at = next(index for index, part in enumerate(resolved) if part != "env" and "=" not in part)
    program = shutil.which(resolved[at], path=env["PATH"])
    if program is None:
        raise MissingProgram(f"{resolved[at]} is not installed in {bin_dir}")
    resolved[at] = program
    return Command(resolved, cwd, env, log, core)


def free_port() -> int:
    """A TCP port on loopback that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def listening(port: int) -> bool:
    """Whether something accepts TCP connections on the loopback port: the readiness of a service like PostgreSQL."""
    with socket.socket() as probe:
        probe.settimeout(1)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def answers_http(port: int) -> bool:
    """Whether an HTTP server on the loopback port answers `GET /`; any status counts, since a 404 or a 500 is an
    answer too. A proxy set in the environment must not answer in its place."""
    try:
        # Plain HTTP on loopback has no certificate to check; loading the CA bundle anyway costs 20 ms a probe.
        httpx.get(f"http://127.0.0.1:{port}/", timeout=1, trust_env=False, verify=False)
    except httpx.TransportError:
        return False
    return True


def group_is_gone(pgid: int) -> bool:
    """Whether no process of the group still runs. Zombies do not count: they are dead, and only wait for a parent to
    collect them, which an init that is not a real one does only every few seconds."""
    for process in psutil.process_iter(["status"]):
        try:
            if os.getpgid(process.pid) == pgid and process.info["status"] != psutil.STATUS_ZOMBIE:
                return False
        except ProcessLookupError:
            continue  # It ended after the listing.
    return True


def _start(command: Command) -> Process:
    """Run `command` as the leader of a new session, so that its whole process group can be stopped at once."""
    pinning = ["taskset", "-c", str(command.core)] if command.core is not None else []
    with command.log.open("wb") as output:
        return subprocess.Popen(
            [*pinning, *command.argv],
            cwd=command.cwd,
            env=command.env,
            stdout=output,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )


def _wait_until_ready(process: Process, ready: Callable[[], bool], log: Path, within_s: float) -> None:
    deadline = time.monotonic() + within_s
    while not ready():
        if process.poll() is not None:
            raise NotAnswering(f"exited with {process.returncode} before answering", log)
        if time.monotonic() >= deadline:
            raise NotAnswering(f"did not answer within {within_s:g} s", log)
        time.sleep(POLL_S)


def start_answering(
    command: Command, ready: Callable[[], bool], within_s: float, on_start: Callable[[Process], object] | None = None
) -> Process:
    """Start `command` and return once `ready()` is true, such as `lambda: answers_http(port)`. It is stopped before
    the error goes on when it exits first (NotAnswering), misses the deadline (NotAnswering) or the wait is
    interrupted. `on_start` sees the process as soon as it runs, to record it for a later check that it is gone."""
    process = _start(command)
    try:
        if on_start is not None:
            on_start(process)
        _wait_until_ready(process, ready, command.log, within_s)
    except BaseException:
        stop(process)
        raise
    return process


@contextlib.contextmanager
def running(
    command: Command, ready: Callable[[], bool], within_s: float, on_start: Callable[[Process], object] | None = None
) -> Iterator[Process]:
    """`start_answering`, then the whole group stopped when the block ends, however it ends."""
    process = start_answering(command, ready, within_s, on_start)
    try:
        yield process
    finally:
        stop(process)


def stop(process: Process, grace_s: float = STOP_GRACE_S) -> None:
    """Stop the process's whole group, politely first: servers' workers are its children and shut down with it.
    After `grace_s`, whatever is left (a leader past its grace, or orphaned workers) is killed outright."""
    _signal_group(process.pid, signal.SIGTERM)
    if _gone_within(process, grace_s):
        return
    _signal_group(process.pid, signal.SIGKILL)
    if not _gone_within(process, grace_s):
        raise ProcessError(f"process group {process.pid} still runs {grace_s:g} s after SIGKILL")


def _signal_group(pgid: int, signum: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pgid, signum)


def _gone_within(process: Process, seconds: float) -> bool:
    """Whether the whole group has stopped running within `seconds`; its leader is then reaped."""
    deadline = time.monotonic() + seconds
    while not group_is_gone(process.pid):
        if time.monotonic() >= deadline:
            return False
        time.sleep(POLL_S)
    # Dead or a zombie by now, so this returns at once.
    process.wait()
    return True
