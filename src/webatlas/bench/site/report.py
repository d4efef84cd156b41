"""The benchmark's results as one printed table and as JSON."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, fields
from typing import Any

from webatlas.bench.site.build_timing import BuildComparison, BuildSeries
from webatlas.bench.site.lighthouse import Audit, PageScores
from webatlas.bench.site.run import BenchResults
from webatlas.bench.site.scaling import LINEAR_TOLERANCE, ScalePoint, atlas_cpu_s, marginal_costs, own_cpu_s, stays_linear

PERFORMANCE_MARGIN = 3
"""Points an atlas page may score below the plain page on performance."""
MAX_TBT_MS = 200
MIN_ACCESSIBILITY = 98
MAX_CONTENT_RATIO = 1.25
"""The goal for the atlas's build time over a site of the same content without the atlas's code."""


def missed_goals(page: PageScores, plain: PageScores) -> list[str]:
    """The page goals a page misses, judged on medians; empty when it meets them all."""
    missed = []
    behind = plain.median("performance") - page.median("performance")
    if behind > PERFORMANCE_MARGIN:
        missed.append(f"perf {-behind:+.0f}")
    if page.median("total_blocking_time_ms") > MAX_TBT_MS:
        missed.append("TBT")
    if page.median("accessibility") < MIN_ACCESSIBILITY:
        missed.append("a11y")
    return missed


def _page_rows(pages: list[PageScores], plain_label: str) -> list[list[str]]:
    plain = next(page for page in pages if page.label == plain_label)
    rows = [["page", "perf", "range", "vs plain", "a11y", "TBT ms", "bytes", "LCP s", "goals"]]
    for page in pages:
        low, high = min(page.values("performance")), max(page.values("performance"))
        is_plain = page is plain
        rows.append(
            [
                page.label,
                f"{page.median('performance'):.0f}",
                f"{low:.0f}-{high:.0f}",
                "" if is_plain else f"{page.median('performance') - plain.median('performance'):+.0f}",
                f"{page.median('accessibility'):.0f}",
                f"{page.median('total_blocking_time_ms'):.0f}",
                f"{page.median('total_bytes') / 1024:,.0f} KiB",
                f"{page.median('largest_contentful_paint_ms') / 1000:.1f}",
                "" if is_plain else ", ".join(missed_goals(page, plain)) or "ok",
            ]
        )
    return rows


def _anchored(comparison: BuildComparison) -> tuple[BuildSeries, BuildSeries, BuildSeries]:
    return comparison.atlas, comparison.same_content, comparison.plain


def _scaling_rows(points: list[ScalePoint]) -> list[list[str]]:
    header = [
        "entries", "pages", "atlas s", "CPU s", "same s", "CPU s", "plain s", "CPU s",
        "vs same", "CPU", "vs plain", "CPU", "CPU s/entry", "+entry", "+entry own",
    ]  # fmt: skip
    added = zip(
        ["", *(f"{cost:.3f}" for cost in marginal_costs(points, atlas_cpu_s))],
        ["", *(f"{cost:.3f}" for cost in marginal_costs(points, own_cpu_s))],
        strict=True,
    )
    rows = [header]
    for point, (added_cpu, added_own_cpu) in zip(points, added, strict=True):
        comparison = point.comparison
        rows.append(
            [
                str(point.entries),
                str(comparison.pages),
                *(f"{time:.2f}" for series in _anchored(comparison) for time in (series.median_wall_s, series.median_cpu_s)),
                f"{comparison.content_ratio:.2f}x",
                f"{comparison.content_cpu_ratio:.2f}x",
                f"{point.comparison.ratio:.2f}x",
                f"{point.comparison.cpu_ratio:.2f}x",
                f"{atlas_cpu_s(point) / point.entries:.3f}",
                added_cpu,
                added_own_cpu,
            ]
        )
    return rows


def _aligned(rows: list[list[str]]) -> list[str]:
    """Rows as text columns: the first left-aligned, the rest right-aligned."""
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = [
            cell.ljust(width) if column == 0 else cell.rjust(width) for column, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  " + "  ".join(cells).rstrip())
    return lines


def _build_lines(comparison: BuildComparison) -> list[str]:
    atlas, same, plain = comparison.atlas, comparison.same_content, comparison.plain
    return [
        f"  atlas {atlas.median_wall_s:.2f} s ({atlas.median_cpu_s:.2f} s CPU)",
        f"  same content without the atlas's code {same.median_wall_s:.2f} s ({same.median_cpu_s:.2f} s CPU): "
        f"ratio {comparison.content_ratio:.2f}x wall, {comparison.content_cpu_ratio:.2f}x CPU (goal <= {MAX_CONTENT_RATIO}x)",
        f"  plain text-only site {plain.median_wall_s:.2f} s ({plain.median_cpu_s:.2f} s CPU): "
        f"ratio {comparison.ratio:.2f}x wall, {comparison.cpu_ratio:.2f}x CPU",
    ]


def _linearity_line(points: list[ScalePoint], cost: Callable[[ScalePoint], float], what: str) -> str:
    verdict = stays_linear(points, cost)
    if verdict is None:
        return f"  {what}: linear? cannot tell (needs three sizes and a first step that costs time)"
    costs = marginal_costs(points, cost)
    answer = "yes" if verdict else "no"
    growth = f"an entry of the last step costs {costs[-1] / costs[0]:.2f}x one of the first"
    return f"  {what}: linear? {answer}: {growth} (at most {LINEAR_TOLERANCE}x)"


def format_results(results: BenchResults) -> str:
    """Everything the run measured, as the table the closing note quotes."""
    options, environment = results.options, results.environment
    lines = ["", "webatlas bench-site (the machine is shared and noisy: expect figures to move between runs)", ""]
    if results.pages:
        serving = "gzip" if options.compress else "uncompressed"
        lines.append(
            f"Lighthouse {environment.lighthouse}, mobile emulation, median of {options.lighthouse_runs} runs, served {serving} on loopback"
        )
        lines += _aligned(_page_rows(results.pages, results.plain_label))
        lines.append(f"  goals: perf within {PERFORMANCE_MARGIN} of the plain page, TBT <= {MAX_TBT_MS} ms, a11y >= {MIN_ACCESSIBILITY}")
        lines.append("")
    lines.append(f"Build, {results.build.pages} pages, median of {options.build_repeats} interleaved builds each")
    lines += _build_lines(results.build)
    if results.scaling:
        lines += [
            "",
            f"Scaling, against both anchors ({options.scaling_repeats} timed build each beyond the real size)",
        ]
        lines += _aligned(_scaling_rows(results.scaling))
        lines.append("  +entry: CPU seconds each added entry cost since the size before; own: the same for atlas minus same content")
        lines.append(_linearity_line(results.scaling, atlas_cpu_s, "atlas CPU"))
        lines.append(_linearity_line(results.scaling, own_cpu_s, "atlas minus same content CPU"))
    lines += [
        "",
        f"Versions: Lighthouse {environment.lighthouse or '-'}, Chromium {environment.chromium or '-'}, Python {environment.python}, "
        f"mkdocs {environment.mkdocs}, mkdocs-material {environment.mkdocs_material}",
        f"Machine: {environment.cores} cores, {environment.cpu_model}, "
        f"load average {environment.load_average:.2f} at the start and {results.final_load_average:.2f} at the end",
        f"Run took {results.elapsed_s / 60:.1f} min",
    ]
    return "\n".join(lines)


def _series_json(series: BuildSeries) -> dict[str, Any]:
    return {"median_wall_s": series.median_wall_s, "median_cpu_s": series.median_cpu_s, "runs": [asdict(time) for time in series.times]}


def _comparison_json(comparison: BuildComparison) -> dict[str, Any]:
    return {
        "pages": comparison.pages,
        "atlas": _series_json(comparison.atlas),
        "same_content": _series_json(comparison.same_content),
        "plain": _series_json(comparison.plain),
        "content_ratio": comparison.content_ratio,
        "content_cpu_ratio": comparison.content_cpu_ratio,
        "ratio": comparison.ratio,
        "cpu_ratio": comparison.cpu_ratio,
    }


def results_json(results: BenchResults) -> dict[str, Any]:
    """The results with every run kept, for tracking figures over time."""
    return {
        "environment": asdict(results.environment),
        "options": asdict(results.options),
        "pages": [
            {
                "page": page.label,
                "median": {metric.name: page.median(metric.name) for metric in fields(Audit)},
                "runs": [asdict(audit) for audit in page.audits],
            }
            for page in results.pages
        ],
        "build": _comparison_json(results.build),
        "scaling": {
            "points": [{"entries": point.entries, **_comparison_json(point.comparison)} for point in results.scaling],
            "added_cpu_s_per_entry": marginal_costs(results.scaling, atlas_cpu_s),
            "added_own_cpu_s_per_entry": marginal_costs(results.scaling, own_cpu_s),
            "stays_linear": stays_linear(results.scaling, atlas_cpu_s),
            "own_work_stays_linear": stays_linear(results.scaling, own_cpu_s),
        },
        "elapsed_s": results.elapsed_s,
        "final_load_average": results.final_load_average,
    }
