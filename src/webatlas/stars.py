"""Carry transcribed GitHub star counts into `data/github_stars.csv`, for catalogue repositories only."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

from webatlas.catalogue import ENTRIES_DIR, FEATURES_FILE, STARS_FILE, load_entries, load_features
from webatlas.loading import validate
from webatlas.models import StarCount
from webatlas.writing import write_atomically

SOURCE_COLUMNS = ["date", "repo", "stars", "source"]
"""The columns of the shared transcription file."""


def read_transcribed(path: Path, repositories: set[str]) -> list[StarCount]:
    """Validate the rows of a `date,repo,stars,source` file that belong to `repositories`."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames != SOURCE_COLUMNS:
            raise ValueError(f"{path}: expected columns {SOURCE_COLUMNS}, found {reader.fieldnames}")
        return [
            validate(
                StarCount,
                {"repository": row["repo"], "date": row["date"], "stars": row["stars"], "source": row["source"]},
                file=path,
                entry=f"row {number}",
            )
            for number, row in enumerate(reader, start=2)
            if row["repo"] in repositories
        ]


def to_csv(counts: Iterable[StarCount]) -> str:
    """Rows sorted by repository and date, so the same data always gives the same file."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(StarCount.model_fields)
    for count in sorted(counts, key=lambda count: (count.repository.lower(), count.date)):
        writer.writerow([count.repository, count.date.isoformat(), count.stars, count.source])
    return buffer.getvalue()


def import_transcribed(source: Path, root: Path) -> tuple[int, bool]:
    """Write the catalogue's rows of `source` to the project's star file; return the row count and whether it changed."""
    entries = load_entries(root / ENTRIES_DIR, load_features(root / FEATURES_FILE))
    repositories = {entry.github_repo for entry in entries.values() if entry.github_repo}
    counts = read_transcribed(source, repositories)
    return len(counts), write_atomically(root / STARS_FILE, to_csv(counts))
