"""The table `webatlas bench` prints at the end of a run, ranked by CPU time per request."""

from __future__ import annotations

from webatlas.catalogue.benchmarks.figures import figures_of, ratios
from webatlas.catalogue.benchmarks.results import BenchmarkSet


def format_table(result: BenchmarkSet) -> str:
    timed = sorted((item for item in result.measurements if item.rounds), key=lambda item: figures_of(item).cpu_us.median)
    lines = [
        f"{'configuration':44} {'c':>4} {'CPU µs/req':>10} {'CV':>5} {'req/s':>9} {'CV':>5} {'p50 ms':>7} {'p99 ms':>7} "
        f"{'errors':>6} {'vs raw CPU':>10}"
    ]
    for item in timed:
        figures, ratio = figures_of(item), ratios(result, item)
        flag = "  unstable" if figures.unstable else ""
        lines.append(
            f"{item.name:44} {item.concurrency:>4} {figures.cpu_us.median:>10,.1f} {figures.cpu_us.cv:>5.1%} "
            f"{figures.throughput.median:>9,.0f} {figures.throughput.cv:>5.1%} {figures.p50_ms:>7.2f} {figures.p99_ms:>7.2f} "
            f"{figures.errors + figures.non_2xx:>6} {f'{ratio.cpu:.2f}x' if ratio else '':>10}{flag}"
        )
    lines += [f"{item.name} c{item.concurrency}: not timed: {'; '.join(item.problems)}" for item in result.measurements if item.problems]
    machine = result.machine
    lines.append(
        f"Machine: {machine.cores} cores, {machine.cpu_model}, load {machine.load_before[0]:.2f} -> {machine.load_after[0]:.2f}, "
        f"steal {machine.steal_percent:.1f}%; run took {(result.finished - result.started).total_seconds() / 60:.1f} min"
    )
    return "\n".join(lines)
