"""One instruction-count run: every configuration of the load benchmark, started under callgrind with a fixed hash
seed, verified, warmed up, then counted over equal windows of a fixed number of requests, a few configurations at once."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import platform
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from webatlas import processes
from webatlas.bench.count import callgrind, client
from webatlas.bench.errors import BenchError
from webatlas.bench.load import cpu
from webatlas.bench.load.configs import Configuration
from webatlas.bench.load.run import LoadOptions, environments, plan
from webatlas.bench.load.verify import expected_answer, verify
from webatlas.bench.machine import cores, cpu_model
from webatlas.catalogue.benchmarks.instructions import Count, CountMachine, CountMethod, InstructionSet
from webatlas.catalogue.benchmarks.scenarios import HEADLINE
from webatlas.catalogue.benchmarks.server_setups import BASELINES

STARTUP_S = 600
"""Under callgrind a server starts tens of times slower: a framework's imports alone can take a minute."""
IDLE_S = 2.0
"""How long the server is counted with no requests, for the rate of its own timers."""
REQUEST_TIMEOUT_S = 60
"""How long one request may take under callgrind."""


@dataclass(frozen=True)
class CountOptions:
    requests: int = 200
    """Requests in each window: enough that what runs between requests is a small share, few enough to stay fast."""
    windows: int = 2
    warmup_requests: int = 100
    """Sent before counting, so that first-time work (imports, caches, code paths taken once) is not counted."""
    connections: int = 4
    at_once: int = 2
    only: tuple[str, ...] = ()


def configurations(root: Path, options: CountOptions) -> list[Configuration]:
    """The load benchmark's configurations, each once, as `only` narrows them."""
    return list(dict.fromkeys(item.configuration for item in plan(root, LoadOptions(only=options.only))))


def _send(url: str, requests: int, options: CountOptions) -> None:
    client.send(url, requests=requests, connections=options.connections, timeout_s=REQUEST_TIMEOUT_S)


def count(configuration: Configuration, root: Path, options: CountOptions, work_dir: Path) -> Count:
    """Start the configuration under callgrind, verify its answer, warm it up and count each window."""
    out_dir = Path(tempfile.mkdtemp(prefix=configuration.name.replace("/", "_") + "-", dir=work_dir))
    port = processes.free_port()
    plain = processes.environment_command(
        root, configuration.environment, configuration.argv(port), cwd=configuration.folder, log=out_dir / "server.log"
    )
    command = replace(plain, argv=callgrind.wrap(plain.argv, out_dir), env={**plain.env, "PYTHONHASHSEED": callgrind.HASH_SEED})
    found = Count(
        name=configuration.name,
        subject=configuration.subject,
        task=configuration.scenario.task,
        server=configuration.server,
        environment=configuration.environment,
        command=configuration.command,
        problems=[],
        windows=[],
        window_seconds=[],
        idle=None,
        idle_seconds=None,
        baseline=None,
    )
    try:
        with processes.running(command, lambda: processes.answers_http(port), STARTUP_S) as process:
            url = f"http://127.0.0.1:{port}{configuration.scenario.path}"
            problems = verify(url, expected_answer(configuration.scenario, configuration.subject), timeout_s=REQUEST_TIMEOUT_S)
            if problems:
                return found.model_copy(update={"problems": problems})
            if options.warmup_requests:
                _send(url, options.warmup_requests, options)
            pids = cpu.descendants(process.pid)
            dumps = itertools.count(1)
            # The server's own timers run whether or not requests come: count them alone first, so that the page can
            # take their share of each window out, which grows with how long a busy machine makes the window last.
            idle, idle_s = _window(pids, out_dir, next(dumps), lambda: time.sleep(IDLE_S))
            windows = [_window(pids, out_dir, next(dumps), lambda: _send(url, options.requests, options)) for _ in range(options.windows)]
    except processes.NotAnswering as error:
        return found.model_copy(update={"problems": [f"did not start under callgrind: {error.reason}"]})
    except BenchError as error:
        # A server that stops answering, or a dump that never comes, spoils this count only; the run goes on.
        return found.model_copy(update={"problems": [f"not counted: {error}"]})
    return found.model_copy(
        update={
            "windows": [instructions for instructions, _ in windows],
            "window_seconds": [seconds for _, seconds in windows],
            "idle": idle,
            "idle_seconds": idle_s,
        }
    )


def _window(pids: list[int], out_dir: Path, number: int, work: Callable[[], object]) -> tuple[int, float]:
    """The instructions the processes execute while `work` runs, from zeroing to their `number`-th dump, and how many
    seconds that took."""
    started = time.monotonic()
    callgrind.zero(pids)
    work()
    instructions = callgrind.dump(pids, out_dir, number)
    return instructions, time.monotonic() - started


def run(root: Path, options: CountOptions, progress: Callable[[str], None]) -> InstructionSet:
    """Count every chosen configuration, `options.at_once` at a time; BenchError when a tool is missing."""
    callgrind.check_installed()
    root = root.resolve()
    chosen = configurations(root, options)
    started = dt.datetime.now(dt.UTC).replace(microsecond=0)
    load_before = list(os.getloadavg())
    progress(f"{len(chosen)} configurations under callgrind, {options.at_once} at once")
    done: list[Count] = []
    lock = threading.Lock()
    clock = time.monotonic()

    def counted(configuration: Configuration, work_dir: Path) -> Count:
        result = count(configuration, root, options, work_dir)
        with lock:
            done.append(result)
            left = (time.monotonic() - clock) / len(done) * (len(chosen) - len(done))
            per_request = result.per_request(options.requests)
            figure = f"{per_request:,.0f} instructions/request" if per_request is not None else "; ".join(result.problems)
            progress(f"{len(done)}/{len(chosen)} {result.name}: {figure}, about {left / 60:.0f} min left")
        return result

    with tempfile.TemporaryDirectory(prefix="webatlas-count-") as work, ThreadPoolExecutor(max_workers=options.at_once) as pool:
        results = list(pool.map(lambda configuration: counted(configuration, Path(work)), chosen))
    names = {result.name for result in results if result.windows}
    return InstructionSet(
        started=started,
        finished=dt.datetime.now(dt.UTC).replace(microsecond=0),
        machine=CountMachine(
            cpu_model=cpu_model(), cores=cores(), kernel=platform.release(), load_before=load_before, load_after=list(os.getloadavg())
        ),
        method=CountMethod(
            requests=options.requests,
            windows=options.windows,
            warmup_requests=options.warmup_requests,
            connections=options.connections,
            at_once=options.at_once,
            hash_seed=callgrind.HASH_SEED,
            valgrind=callgrind.version(),
            valgrind_command=" ".join(callgrind.wrap(["SERVER", "..."], Path("OUT"))),
            client=client.DESCRIPTION,
        ),
        harness_python=platform.python_version(),
        environments=environments(root, chosen),
        counts=[result.model_copy(update={"baseline": _baseline(result, names)}) for result in results],
    )


def _baseline(result: Count, counted: set[str]) -> str | None:
    """The raw app on the same server, when this run counted it."""
    raw = BASELINES.get(result.server)
    # The raw apps answer the headline scenario only; every scenario compares with it, as the cost of the server alone.
    name = f"{raw}/{HEADLINE.task}@{result.server}" if raw else None
    return name if name in counted and name != result.name else None
