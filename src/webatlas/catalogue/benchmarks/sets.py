"""The newest committed set of a benchmark, read the one way the build reads every benchmark's sets."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from webatlas.catalogue.reading import CatalogueError, M, read_text, validate


def newest_set(folder: Path, model: type[M], refusals: Callable[[M], list[str]], field: str) -> M | None:
    """The newest JSON file of `folder` as a `model`, validated; a set that `refusals` objects to fails, naming `field`.
    None when no set is committed."""
    files = sorted(folder.glob("*.json"))
    if not files:
        return None
    path = files[-1]
    try:
        raw = json.loads(read_text(path))
    except json.JSONDecodeError as error:
        raise CatalogueError(path, path.stem, "(syntax)", f"not JSON: {error}") from None
    result = validate(model, raw, file=path, entry=path.stem)
    problems = refusals(result)
    if problems:
        raise CatalogueError(path, path.stem, field, "; ".join(problems))
    return result
