"""The atlas's build time against the plain site's, from interleaved repeats in one run so both see the same noise."""

from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from webatlas.bench.site.building import BuildTime, build
from webatlas.bench.site.plain_site import measure_pages, write_plain_project


@dataclass(frozen=True)
class SitePair:
    """An atlas project and its plain counterpart, each built once already; those builds double as warm-up runs."""

    atlas_project: Path
    plain_project: Path
    atlas_site: Path
    plain_site: Path
    pages: int


def prepare_pair(atlas_project: Path, work_dir: Path) -> SitePair:
    """Build the atlas, write a plain project shaped like its pages, and build that too."""
    atlas_site, plain_site = work_dir / "atlas-warm-up-site", work_dir / "plain-warm-up-site"
    build(atlas_project, atlas_site)
    shapes = measure_pages(atlas_site)
    plain_project = write_plain_project(work_dir / "plain-project", shapes, atlas_project / "mkdocs.yml")
    build(plain_project, plain_site)
    return SitePair(atlas_project, plain_project, atlas_site, plain_site, len(shapes))


@dataclass(frozen=True)
class BuildSeries:
    """Every timed build of one project."""

    times: list[BuildTime]

    @property
    def median_wall_s(self) -> float:
        return statistics.median(time.wall_s for time in self.times)

    @property
    def median_cpu_s(self) -> float:
        return statistics.median(time.cpu_s for time in self.times)


@dataclass(frozen=True)
class BuildComparison:
    """The atlas's builds and the plain site's, of the same page count."""

    pages: int
    atlas: BuildSeries
    plain: BuildSeries

    @property
    def ratio(self) -> float:
        """Median atlas wall time over median plain wall time."""
        return self.atlas.median_wall_s / self.plain.median_wall_s

    @property
    def cpu_ratio(self) -> float:
        return self.atlas.median_cpu_s / self.plain.median_cpu_s


def compare_builds(pair: SitePair, repeats: int, work_dir: Path, progress: Callable[[str], None]) -> BuildComparison:
    """Time `repeats` builds of each project, alternating which goes first so a drift in load falls on both alike."""
    atlas_times: list[BuildTime] = []
    plain_times: list[BuildTime] = []
    order = [(pair.atlas_project, work_dir / "atlas-site", atlas_times), (pair.plain_project, work_dir / "plain-site", plain_times)]
    for repeat in range(repeats):
        for project, site_dir, times in order if repeat % 2 == 0 else order[::-1]:
            times.append(build(project, site_dir))
        progress(f"  build {repeat + 1}/{repeats}: atlas {atlas_times[-1].wall_s:.2f} s, plain {plain_times[-1].wall_s:.2f} s")
    return BuildComparison(pair.pages, BuildSeries(atlas_times), BuildSeries(plain_times))
