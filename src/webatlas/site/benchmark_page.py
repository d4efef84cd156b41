"""The /benchmarks/ page's parts, rendered from the newest benchmark set and from the harness's own constants."""

from __future__ import annotations

from webatlas import text
from webatlas.catalogue.benchmarks.results import MIN_ROUNDS
from webatlas.catalogue.benchmarks.scenarios import HEADLINE, SCENARIOS
from webatlas.catalogue.benchmarks.server_setups import GUNICORN, RAW_APPS, RAW_SERVERS, UVICORN
from webatlas.catalogue.benchmarks.stats import UNSTABLE_CV
from webatlas.catalogue.catalogue import Catalogue
from webatlas.site import benchmarks, claims
from webatlas.site.charts.styles import styles_for
from webatlas.site.render import rendered


def benchmark_summary(catalogue: Catalogue) -> str:
    result = catalogue.benchmarks
    if result is None:
        return rendered("bench_summary.md.j2", result=None)
    timed = benchmarks.rows(result)
    shared: dict[str, list[tuple[str, float]]] = {}
    for row in benchmarks.headline(result):
        if row.ratios is not None:
            name = catalogue.entries[row.measurement.subject].name
            shared.setdefault(catalogue.entries[row.measurement.server].name, []).append((name, row.ratios.cpu))
    low, high = benchmarks.cv_range(result)
    machine = result.machine
    return rendered(
        "bench_summary.md.j2",
        result=result,
        machine=machine,
        load_before=", ".join(f"{value:.2f}" for value in machine.load_before),
        load_after=", ".join(f"{value:.2f}" for value in machine.load_after),
        timed=len(timed),
        untimed=len(benchmarks.untimed(result)),
        cv_low=low,
        cv_high=high,
        unstable=sum(1 for row in timed if row.figures.unstable),
        unstable_cv=UNSTABLE_CV,
        task=HEADLINE.task,
        ratios=shared,
    )


def benchmark_chart(catalogue: Catalogue, metric: str) -> str:
    result = catalogue.benchmarks
    if result is None:
        return ""
    where = f"{HEADLINE.task} at {result.method.headline_concurrency} connections"
    if metric == "latency":
        rows = sorted(benchmarks.headline(result), key=lambda row: row.figures.p99_ms)
        return rendered(
            "bench_latency.html.j2",
            rows=rows,
            top=max(row.figures.p99_ms for row in rows),
            task=HEADLINE.task,
            title=f"Latency percentiles, {where}",
            description="Per configuration, a line from the median latency to the 99th percentile, lowest 99th percentile first.",
            caption=f"wrk's 50th, 90th and 99th percentiles, medians over the rounds; {where}.",
        )
    bars = benchmarks.bars(result, metric)
    cpu = metric == "cpu"
    return rendered(
        "bench_bars.html.j2",
        name=metric,
        bars=bars,
        top=max(bar.high for bar in bars),
        format=(lambda value: f"{value:,.0f} µs") if cpu else (lambda value: f"{value:,.0f}/s"),
        title=f"{'Server CPU time per request' if cpu else 'Requests per second'}, {where}",
        description=f"One bar per configuration, {'least CPU' if cpu else 'most requests'} first; whiskers span the interquartile range.",
        axis="microseconds of server CPU per request" if cpu else "requests per second",
        caption=f"Median over the rounds, whisker from the first to the third quartile; raw apps in grey. {where}.",
    )


def server_curves(catalogue: Catalogue) -> str:
    result = catalogue.benchmarks
    if result is None:
        return ""
    curves = benchmarks.curves(result)
    top = max(point[1] for curve in curves for point in curve.points)
    step = 10 ** max(0, len(str(int(top))) - 1)
    ticks = list(range(0, int(top) + step, step))
    concurrencies = result.method.curve
    return rendered(
        "bench_curves.html.j2",
        curves=curves,
        top=ticks[-1],
        ticks=ticks,
        concurrencies=concurrencies,
        position=lambda index: 12 + index * 80 / max(1, len(concurrencies) - 1),
        styles=styles_for(len(curves), "server-curves"),
        server_names={curve.server: catalogue.entries[curve.server].name for curve in curves},
    )


def benchmark_table(catalogue: Catalogue, site_root: str) -> str:
    result = catalogue.benchmarks
    if result is None:
        return ""
    return rendered(
        "bench_table.html.j2",
        rows=benchmarks.rows(result),
        untimed=benchmarks.untimed(result),
        root=site_root,
        mebibyte=benchmarks.MEBIBYTE,
    )


def benchmark_method(catalogue: Catalogue) -> str:
    result = catalogue.benchmarks
    return rendered(
        "bench_method.md.j2",
        result=result,
        tasks=text.listed([f"`{scenario.task}`" for scenario in SCENARIOS]),
        raw_sources={path.stem.removeprefix("raw_").upper(): path.read_text(encoding="utf-8") for path in sorted(RAW_APPS.glob("*.py"))},
        uvicorn=UVICORN,
        gunicorn=GUNICORN,
        raw_servers=RAW_SERVERS,
        curve=text.listed([str(value) for value in result.method.curve]) if result else "",
        unstable_cv=UNSTABLE_CV,
        min_rounds=MIN_ROUNDS,
        packages=lambda environment: ", ".join(f"{name}=={version}" for name, version in sorted(environment.packages.items())),
    )


def benchmark_claims(catalogue: Catalogue) -> str:
    return rendered("bench_claims.md.j2", verdicts=claims.verdicts(catalogue), measured=catalogue.benchmarks is not None)
