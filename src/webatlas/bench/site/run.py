"""One benchmark run: build time against a plain site, Lighthouse on each page type, and build scaling."""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from webatlas.bench.errors import BenchError
from webatlas.bench.site.build_timing import BuildComparison, SitePair, compare_builds, prepare_pair
from webatlas.bench.site.lighthouse import LighthouseTools, PageScores, Target, audit_pages, find_tools
from webatlas.bench.site.machine import Environment, describe
from webatlas.bench.site.scaling import ScalePoint, measure_scaling
from webatlas.bench.site.serving import served
from webatlas.catalogue.loading import ENTRIES_DIR

DEFAULT_PAGES = (
    "",
    "catalogue/fastapi/",
    "catalogue/django/",
    "stars/",
    "compare/",
    "lineage/",
    "cookbook/json_body/",
    "features/",
    "choose/",
)
"""One page of each type: home, two entry pages, the charts (stars, lineage), the tables (compare, features), a cookbook
task, and the picker."""

PLAIN_PAGE = "catalogue/fastapi/"
"""The plain site's counterpart of an entry page, the kind of page the site has most of."""

DEFAULT_SCALING_SIZES = (100, 250, 500)


@dataclass(frozen=True)
class BenchOptions:
    pages: Sequence[str] = DEFAULT_PAGES
    """Page paths relative to the site root, `` for the home page."""
    lighthouse_runs: int = 3
    build_repeats: int = 5
    scaling_sizes: Sequence[int] = DEFAULT_SCALING_SIZES
    """Catalogue sizes beyond the real one to time; empty for none."""
    scaling_repeats: int = 1
    lighthouse: bool = True
    compress: bool = True
    """Serve text gzipped, as a static host does."""


@dataclass(frozen=True)
class BenchResults:
    options: BenchOptions
    environment: Environment
    build: BuildComparison
    pages: list[PageScores]
    plain_label: str
    scaling: list[ScalePoint]
    elapsed_s: float
    final_load_average: float
    """The one-minute load average when the run ended, beside the environment's figure from its start."""


def page_path(text: str) -> str:
    """A page as the command line names it (`/`, `home`, `stars`, `/catalogue/fastapi/`) as a path below the site root."""
    path = text.strip().strip("/")
    return "" if path in ("", "home") else f"{path}/"


def page_label(path: str) -> str:
    return path or "/ (home)"


def _audit(
    pair: SitePair, tools: LighthouseTools, options: BenchOptions, work_dir: Path, progress: Callable[[str], None]
) -> list[PageScores]:
    missing = [page_label(page) for page in options.pages if not (pair.atlas_site / page / "index.html").is_file()]
    if missing:
        raise BenchError(f"the built atlas has no page {', '.join(missing)}")
    work_dir.mkdir(parents=True)
    with served(pair.atlas_site, options.compress) as atlas_url, served(pair.plain_site, options.compress) as plain_url:
        targets = [Target(page_label(page), atlas_url + page) for page in options.pages]
        targets.append(Target(f"plain {PLAIN_PAGE}", plain_url + PLAIN_PAGE))
        return audit_pages(tools, targets, options.lighthouse_runs, work_dir, progress)


def run_bench(root: Path, options: BenchOptions, progress: Callable[[str], None]) -> BenchResults:
    """Measure the project at `root`; every build and page goes to a temporary directory that is removed afterwards."""
    started = time.perf_counter()
    # Missing tools fail the run before minutes of building, not after.
    tools = find_tools(root) if options.lighthouse else None
    environment = describe(tools)
    real_size = len(list((root / ENTRIES_DIR).glob("*.yaml")))
    with tempfile.TemporaryDirectory(prefix="webatlas-bench-") as temporary:
        work_dir = Path(temporary)
        progress("build: warm-up builds of the atlas, of the same content without its code, and of a plain site with as many pages")
        pair = prepare_pair(root, work_dir / "build")
        progress(f"build: {options.build_repeats} interleaved builds of each ({pair.pages} pages)")
        builds = compare_builds(pair, options.build_repeats, work_dir / "build", progress)
        pages = _audit(pair, tools, options, work_dir / "lighthouse", progress) if tools else []
        scaling = []
        if options.scaling_sizes:
            larger = [size for size in options.scaling_sizes if size > real_size]
            # The real catalogue is the first point; its builds are the ones just timed.
            grown = measure_scaling(root, larger, options.scaling_repeats, work_dir / "scaling", progress)
            scaling = [ScalePoint(real_size, builds), *grown]
    elapsed_s = time.perf_counter() - started
    return BenchResults(options, environment, builds, pages, f"plain {PLAIN_PAGE}", scaling, elapsed_s, os.getloadavg()[0])
