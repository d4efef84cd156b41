"""The atlas's build time against two anchors, from interleaved repeats in one run so all see the same noise: a site of
the same content (the Markdown the atlas generates, without its code) and a plain text-only site of as many pages."""

from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from webatlas.bench.site.building import BuildTime, build
from webatlas.bench.site.plain_site import measure_pages, write_plain_project
from webatlas.bench.site.same_content import build_keeping_markdown, write_same_content_project


@dataclass(frozen=True)
class SitePair:
    """An atlas project and its two anchors, each built once already; those builds double as warm-up runs."""

    atlas_project: Path
    same_content_project: Path
    plain_project: Path
    atlas_site: Path
    same_content_site: Path
    plain_site: Path
    pages: int


def prepare_pair(atlas_project: Path, work_dir: Path) -> SitePair:
    """Build the atlas keeping its generated Markdown, write both anchors from what it built, and build them too."""
    atlas_site, markdown = work_dir / "atlas-warm-up-site", work_dir / "atlas-markdown"
    same_content_site, plain_site = work_dir / "same-content-warm-up-site", work_dir / "plain-warm-up-site"
    build_keeping_markdown(atlas_project, atlas_site, markdown)
    same_content_project = write_same_content_project(work_dir / "same-content-project", markdown, atlas_project)
    build(same_content_project, same_content_site)
    shapes = measure_pages(atlas_site)
    plain_project = write_plain_project(work_dir / "plain-project", shapes, atlas_project / "mkdocs.yml")
    build(plain_project, plain_site)
    return SitePair(atlas_project, same_content_project, plain_project, atlas_site, same_content_site, plain_site, len(shapes))


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
    """The atlas's builds, the same content's and the plain site's, of the same page count."""

    pages: int
    atlas: BuildSeries
    same_content: BuildSeries
    plain: BuildSeries

    @property
    def content_ratio(self) -> float:
        """Median atlas wall time over the same content's: what the atlas's own code costs."""
        return self.atlas.median_wall_s / self.same_content.median_wall_s

    @property
    def content_cpu_ratio(self) -> float:
        return self.atlas.median_cpu_s / self.same_content.median_cpu_s

    @property
    def ratio(self) -> float:
        """Median atlas wall time over the plain text-only site's: the atlas's code and its richer content together."""
        return self.atlas.median_wall_s / self.plain.median_wall_s

    @property
    def cpu_ratio(self) -> float:
        return self.atlas.median_cpu_s / self.plain.median_cpu_s


def compare_builds(pair: SitePair, repeats: int, work_dir: Path, progress: Callable[[str], None]) -> BuildComparison:
    """Time `repeats` builds of each project, rotating which goes first so a drift in load falls on all alike."""
    atlas_times: list[BuildTime] = []
    same_content_times: list[BuildTime] = []
    plain_times: list[BuildTime] = []
    order = [
        (pair.atlas_project, work_dir / "atlas-site", atlas_times),
        (pair.same_content_project, work_dir / "same-content-site", same_content_times),
        (pair.plain_project, work_dir / "plain-site", plain_times),
    ]
    for repeat in range(repeats):
        shift = repeat % len(order)
        for project, site_dir, times in order[shift:] + order[:shift]:
            times.append(build(project, site_dir))
        progress(
            f"  build {repeat + 1}/{repeats}: atlas {atlas_times[-1].wall_s:.2f} s, same content {same_content_times[-1].wall_s:.2f} s, "
            f"plain {plain_times[-1].wall_s:.2f} s"
        )
    return BuildComparison(pair.pages, BuildSeries(atlas_times), BuildSeries(same_content_times), BuildSeries(plain_times))
