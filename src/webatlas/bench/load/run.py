"""One load benchmark run: start every configuration, verify each answer, warm up, then time interleaved rounds."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import platform
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from webatlas.bench.errors import BenchError
from webatlas.bench.load import cpu, perf, quiet, servers, wrk
from webatlas.bench.load.configs import Configuration, framework_configurations, raw_configurations
from webatlas.bench.load.verify import expected_answer, verify
from webatlas.bench.machine import cores, cpu_model
from webatlas.catalogue.benchmarks.results import BenchmarkSet, Environment, Machine, Measurement, Method, Round
from webatlas.catalogue.benchmarks.scenarios import HEADLINE
from webatlas.catalogue.benchmarks.server_setups import BASELINES, SERVERS_ENVIRONMENT
from webatlas.catalogue.loading import load_catalogue
from webatlas.catalogue.snippets import REQUIREMENTS, pins

REFERENCE = "raw-asgi/hello_text@uvicorn"
"""The app the quiet gate probes: the baseline of the most frameworks."""
HEADLINE_CONCURRENCY = 64
CURVE = (16, 64, 256)
"""Concurrencies the raw apps are timed at, for each server's curve."""
CLIENT_CORE, SERVER_CORE = 0, 1
"""wrk and the servers never share a core."""
SERVERS_REQUIREMENTS = "requirements/bench/servers.txt"
WRK_TIMEOUT_S = 10


@dataclass(frozen=True)
class LoadOptions:
    rounds: int = 5
    seconds: int = 3
    """Busy spells on this machine outlast a round: a CPU-bound loop varied 7.8% over 2 s windows and 7.3% over 4 s
    ones. A longer round buys little steadiness and lengthens the run, which then meets more spells."""
    warmup_seconds: int = 2
    only: tuple[str, ...] = ()
    """Configuration names (fastapi/hello_text@uvicorn) or subjects (fastapi, raw-asgi) to run; empty runs all."""


@dataclass(frozen=True)
class Planned:
    configuration: Configuration
    concurrency: int

    @property
    def label(self) -> str:
        return f"{self.configuration.name} c{self.concurrency}"


def plan(root: Path, options: LoadOptions) -> list[Planned]:
    """Frameworks at the headline concurrency, raw apps along the curve; `only` narrows both."""
    catalogue = load_catalogue(root)
    chosen = [*raw_configurations(), *framework_configurations(catalogue)]
    if options.only:
        chosen = [item for item in chosen if item.name in options.only or item.subject in options.only]
        if not chosen:
            raise BenchError(f"no configuration is named {', '.join(options.only)}")
    return [
        Planned(item, concurrency)
        for item in chosen
        for concurrency in (CURVE if item.subject.startswith("raw-") else (HEADLINE_CONCURRENCY,))
    ]


def _steal_and_total() -> tuple[int, int]:
    """Cumulative steal and total jiffies of all CPUs, from the first line of /proc/stat."""
    fields = [int(value) for value in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    return fields[7], sum(fields[:8])


def _wrk_version() -> str:
    done = subprocess.run(["wrk", "-v"], capture_output=True, text=True, check=False)
    return (done.stdout + done.stderr).strip().splitlines()[0] if (done.stdout + done.stderr).strip() else "unknown"


def environments(root: Path, configurations: Sequence[Configuration]) -> dict[str, Environment]:
    """The Python and the pinned packages of each environment the configurations run in."""
    found = {}
    for name in sorted({configuration.environment for configuration in configurations}):
        config = (root / ".venvs" / name / "pyvenv.cfg").read_text(encoding="utf-8")
        python = next(line.split("=", 1)[1].strip() for line in config.splitlines() if line.startswith(("version =", "version_info =")))
        requirements = root / (SERVERS_REQUIREMENTS if name == SERVERS_ENVIRONMENT else f"snippets/{name}/{REQUIREMENTS}")
        found[name] = Environment(python=python, packages=pins(requirements))
    return found


def _time_round(server: servers.Server, concurrency: int, seconds: int, counting: bool) -> Round:
    """One wrk run against the server, with its CPU time read before and after from /proc."""
    argv = wrk.command(server.url, connections=concurrency, duration_s=seconds, core=CLIENT_CORE, timeout_s=WRK_TIMEOUT_S)
    pid = server.process.pid
    before = cpu.tree_cpu_seconds(pid)
    counter = perf.counting_instructions(cpu.descendants(pid)) if counting else contextlib.nullcontext()
    with counter as instructions:
        result = wrk.run(argv, timeout_s=seconds + WRK_TIMEOUT_S + 30)
    after = cpu.tree_cpu_seconds(pid)
    return Round(
        requests=result.requests,
        requests_per_s=result.requests_per_s,
        cpu_s=max(after - before, 0.0),
        p50_ms=result.latency_p50_s * 1000,
        p90_ms=result.latency_p90_s * 1000,
        p99_ms=result.latency_p99_s * 1000,
        socket_errors=result.errors,
        non_2xx=result.non_2xx_3xx,
        instructions=instructions.value if instructions is not None else None,
    )


def _probe(running: dict[Configuration, servers.Server], reference: Planned | None) -> float:
    """A short timing of the reference app, for the quiet gate only: its figures are not kept."""
    if reference is None:
        return 0.0
    url = running[reference.configuration].url
    argv = wrk.command(url, connections=reference.concurrency, duration_s=quiet.PROBE_SECONDS, core=CLIENT_CORE)
    return wrk.run(argv, timeout_s=quiet.PROBE_SECONDS + WRK_TIMEOUT_S + 30).requests_per_s


def _stop_on_terminate(signum: int, frame: object) -> None:
    """SIGTERM ends the run like Ctrl-C does, so every server it started is stopped on the way out."""
    raise SystemExit(128 + signum)


def run(root: Path, options: LoadOptions, progress: Callable[[str], None]) -> BenchmarkSet:
    """Measure every planned configuration; raises BenchError when a tool is missing or a server will not start."""
    planned = plan(root, options)
    started = dt.datetime.now(dt.UTC).replace(microsecond=0)
    load_before = list(os.getloadavg())
    steal_before = _steal_and_total()
    counting = perf.instructions_supported()
    progress(f"{len(planned)} configurations, {options.rounds} rounds of {options.seconds} s after a {options.warmup_seconds} s warm-up")
    progress("instructions per request: " + ("counted with perf" if counting else "perf cannot count instructions here, so none"))
    signal.signal(signal.SIGTERM, _stop_on_terminate)
    rounds: dict[Planned, list[Round]] = {item: [] for item in planned}
    problems: dict[Planned, list[str]] = {}
    rss: dict[Configuration, int] = {}
    running: dict[Configuration, servers.Server] = {}
    failed: dict[Configuration, str] = {}
    gate: quiet.QuietGate | None = None
    with tempfile.TemporaryDirectory(prefix="webatlas-bench-") as logs:
        try:
            for configuration in dict.fromkeys(item.configuration for item in planned):
                progress(f"starting {configuration.name}")
                try:
                    running[configuration] = servers.start(configuration, root, SERVER_CORE, Path(logs))
                except servers.StartError as error:
                    progress(str(error))
                    failed[configuration] = str(error)
            for item in planned:
                server = running.get(item.configuration)
                if server is None:
                    problems[item] = [failed[item.configuration]]
                    continue
                found = verify(server.url, expected_answer(item.configuration.scenario, item.configuration.subject))
                if found:
                    problems[item] = found
                    progress(f"{item.label} fails verification and is not timed: {'; '.join(found)}")
            timed = [item for item in planned if item not in problems]
            if options.warmup_seconds:
                progress("warm-up")
                for item in timed:
                    _time_round(running[item.configuration], item.concurrency, options.warmup_seconds, counting=False)
            references = [item for item in timed if (item.configuration.name, item.concurrency) == (REFERENCE, HEADLINE_CONCURRENCY)]
            reference = references[0] if references else timed[0] if timed else None
            gate = quiet.QuietGate(lambda: _probe(running, reference), progress)
            clock = time.monotonic()
            total = options.rounds * len(timed)
            for number in range(1, options.rounds + 1):
                # Round by round across every configuration, so drift on the machine touches them all alike.
                for index, item in enumerate(timed):
                    if index % quiet.PROBE_EVERY == 0:
                        gate.wait()
                    figures = _time_round(running[item.configuration], item.concurrency, options.seconds, counting)
                    rounds[item].append(figures)
                    done = sum(len(values) for values in rounds.values())
                    left = (time.monotonic() - clock) / done * (total - done)
                    cost = figures.cpu_s / figures.requests * 1e6 if figures.requests else 0
                    progress(
                        f"round {number}/{options.rounds} {item.label}: {figures.requests_per_s:,.0f} req/s, "
                        f"{cost:,.0f} µs CPU/request, about {left / 60:.0f} min left"
                    )
            for configuration, server in running.items():
                rss[configuration] = cpu.tree_peak_rss_bytes(server.process.pid)
        finally:
            for server in running.values():
                servers.stop(server)
    steal_after = _steal_and_total()
    steal = steal_after[0] - steal_before[0]
    jiffies = steal_after[1] - steal_before[1]
    finished = dt.datetime.now(dt.UTC).replace(microsecond=0)
    measurements = [
        Measurement(
            name=item.configuration.name,
            subject=item.configuration.subject,
            task=item.configuration.scenario.task,
            server=item.configuration.server,
            concurrency=item.concurrency,
            environment=item.configuration.environment,
            command=item.configuration.command,
            problems=problems.get(item, []),
            rounds=rounds[item],
            peak_rss_bytes=rss.get(item.configuration),
            baseline=_baseline(item, planned),
        )
        for item in planned
    ]
    return BenchmarkSet(
        started=started,
        finished=finished,
        machine=Machine(
            cpu_model=cpu_model(),
            cores=cores(),
            kernel=platform.release(),
            load_before=load_before,
            load_after=list(os.getloadavg()),
            steal_percent=100 * steal / jiffies if jiffies else 0.0,
            waited_for_quiet_s=gate.waited_s if gate else 0.0,
            instructions_counted=counting,
        ),
        method=Method(
            rounds=options.rounds,
            seconds=options.seconds,
            warmup_seconds=options.warmup_seconds,
            headline_concurrency=HEADLINE_CONCURRENCY,
            curve=list(CURVE),
            client_core=CLIENT_CORE,
            server_core=SERVER_CORE,
            wrk=_wrk_version(),
            wrk_command=" ".join(wrk.command("URL", connections=HEADLINE_CONCURRENCY, duration_s=options.seconds, core=CLIENT_CORE)),
            quiet_probe=f"{REFERENCE} at {HEADLINE_CONCURRENCY} connections for {quiet.PROBE_SECONDS} s before every "
            f"{quiet.PROBE_EVERY} measurements; below {1 - quiet.QUIET_TOLERANCE:.0%} of the median probe so far, "
            f"wait {quiet.PAUSE_S} s and probe again, for up to {quiet.PATIENCE_S} s at a time and "
            f"{quiet.WAIT_BUDGET_S} s in the whole run",
        ),
        harness_python=platform.python_version(),
        environments=environments(root, [item.configuration for item in planned]),
        measurements=measurements,
    )


def _baseline(item: Planned, planned: Sequence[Planned]) -> str | None:
    """The raw app on the same server at the same concurrency, when this run measures it."""
    raw = BASELINES.get(item.configuration.server)
    if raw is None or item.configuration.subject == raw:
        return None
    # The raw apps answer the headline scenario only; every scenario compares with it, as the cost of the server alone.
    name = f"{raw}/{HEADLINE.task}@{item.configuration.server}"
    measured = {(other.configuration.name, other.concurrency) for other in planned}
    return name if (name, item.concurrency) in measured else None
