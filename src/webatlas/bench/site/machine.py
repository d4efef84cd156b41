"""What the figures were measured with: tool versions and the machine, since the same code times differently elsewhere."""

from __future__ import annotations

import os
import platform
from dataclasses import dataclass
from importlib.metadata import version

from webatlas.bench.machine import cores, cpu_model
from webatlas.bench.site.lighthouse import LighthouseTools


@dataclass(frozen=True)
class Environment:
    python: str
    mkdocs: str
    mkdocs_material: str
    lighthouse: str | None
    chromium: str | None
    cores: int
    cpu_model: str
    load_average: float
    """The one-minute load average when the run started: a busy machine makes every figure slower."""


def describe(tools: LighthouseTools | None) -> Environment:
    """The environment of this run; Lighthouse and Chromium only when the run audits pages."""
    return Environment(
        python=platform.python_version(),
        mkdocs=version("mkdocs"),
        mkdocs_material=version("mkdocs-material"),
        lighthouse=tools.lighthouse_version if tools else None,
        chromium=tools.chromium_version if tools else None,
        cores=cores(),
        cpu_model=cpu_model(),
        load_average=os.getloadavg()[0],
    )
