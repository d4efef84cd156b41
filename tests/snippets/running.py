"""Run a published snippet with its documented command, in its framework's pinned environment, and always stop it."""

from __future__ import annotations

import contextlib
import dataclasses
import re
import shlex
import subprocess
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers import ROOT
from webatlas import processes
from webatlas.catalogue.snippets import Snippet

STARTUP_SECONDS = 30
WARNINGS_SHOWN = "default::DeprecationWarning,default::PendingDeprecationWarning"
"""Python hides both from code outside `__main__`; shown, a recipe's use of a deprecated API reaches its log."""
WARNING_LINE = re.compile(r"(?P<file>\S+\.py):\d+: (?P<category>\w+): (?P<message>.*)")
"""How Python prints a warning: where it was raised, its category and its message."""


@dataclass(frozen=True)
class Unavoidable:
    """A warning raised inside a framework's own code whatever the recipe does, and why."""

    file: str
    """The end of the path of the file that raises it."""
    category: str
    reason: str


UNAVOIDABLE = {
    "django": (
        Unavoidable(
            "django/core/handlers/asgi.py",
            "Warning",
            "django.views.static.serve, the static view Django documents, returns a file iterator that is not async",
        ),
    ),
    "emmett": (
        Unavoidable("emmett/cli.py", "DeprecationWarning", "Emmett's CLI passes re.split's maxsplit by position"),
        Unavoidable("emmett_core/protocols/rsgi/wrappers.py", "DeprecationWarning", "emmett_core calls datetime.utcnow()"),
    ),
    "hug": (Unavoidable("falcon/vendor/mimeparse/mimeparse.py", "DeprecationWarning", "hug pins Falcon 2.0, which imports cgi"),),
    "klein": (Unavoidable("twisted/web/static.py", "DeprecationWarning", "twisted.web.static.File uses Twisted's own old error pages"),),
    "robyn": (Unavoidable("uvloop/__init__.py", "DeprecationWarning", "Robyn's server process calls uvloop.install()"),),
}


def unexplained_warnings(output: str, framework: str) -> list[str]:
    """The warnings a snippet's output holds that are not among its framework's unavoidable ones."""
    known = UNAVOIDABLE.get(framework, ())
    return [
        found.group(0)
        for found in WARNING_LINE.finditer(output)
        if not any(found["file"].endswith(item.file) and found["category"] == item.category for item in known)
    ]


@dataclass(frozen=True)
class Started:
    """A snippet process the harness started: its process group and the port it was told to listen on."""

    pgid: int
    port: int
    name: str


@dataclass(frozen=True)
class Server:
    """A running snippet: where it answers, its process, and the file that holds everything it prints."""

    base_url: str
    process: subprocess.Popen[bytes]
    log: Path


STARTED: list[Started] = []
"""Every snippet this test process started, for the end-of-session check that none outlived its test."""


def leftovers(started: list[Started]) -> list[str]:
    """The snippets whose processes are still alive or whose port still accepts connections."""
    found = []
    for item in started:
        if not processes.group_is_gone(item.pgid):
            found.append(f"{item.name}: process group {item.pgid} is still running")
        if processes.listening(item.port):
            found.append(f"{item.name}: port {item.port} is still open")
    return found


@contextlib.contextmanager
def running(
    snippet: Snippet, log_dir: Path, env: Mapping[str, str] | None = None, ready: Callable[[int], bool] = processes.answers_http
) -> Iterator[Server]:
    """Start `snippet` exactly as its page says, on a free loopback port, its output going to a log in `log_dir`.

    `env` adds variables a task's recipes read, such as the address of a service the test runs; `ready` says when the
    snippet may be used, by default once it answers HTTP."""
    port = processes.free_port()
    name = f"{snippet.entry.slug}/{snippet.task.slug}"
    log = log_dir / f"{snippet.entry.slug}-{snippet.task.slug}.log"
    argv = shlex.split(snippet.command(port=port))
    try:
        command = processes.environment_command(ROOT, snippet.entry.slug, argv, cwd=snippet.path.parent, log=log)
    except processes.ProcessError as error:
        # Only the message: the error it replaces would say the same once more.
        raise pytest.fail.Exception(str(error), pytrace=False) from None
    command = dataclasses.replace(command, env={**command.env, **(env or {}), "PYTHONWARNINGS": WARNINGS_SHOWN})
    with contextlib.ExitStack() as stack:
        try:
            process = stack.enter_context(
                processes.running(
                    command,
                    lambda: ready(port),
                    STARTUP_SECONDS,
                    on_start=lambda started: STARTED.append(Started(started.pid, port, name)),
                )
            )
        except processes.NotAnswering as error:
            raise pytest.fail.Exception(f"the snippet {error.reason}:\n{log.read_text()}", pytrace=False) from None
        yield Server(f"http://127.0.0.1:{port}", process, log)
