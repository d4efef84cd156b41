"""Keep `data/github_stars.csv`: transcribed star counts and star-history API rows, for catalogue repositories only."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

from webatlas.catalogue.loading import ENTRIES_DIR, FEATURES_FILE, STARS_FILE, load_entries, load_features, load_star_counts
from webatlas.catalogue.models import STAR_HISTORY_SOURCE, StarCount
from webatlas.catalogue.reading import validate
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


def with_api_rows(counts: Iterable[StarCount], repository: str, fetched: Iterable[StarCount]) -> list[StarCount]:
    """`counts` with the API rows of `repository` replaced by `fetched`; transcribed rows and other repositories stay."""
    fetched = list(fetched)
    for count in fetched:
        if count.repository.lower() != repository.lower() or not count.from_api:
            raise ValueError(f"{count.repository} {count.date} ({count.source}) is no API row of {repository}")
    kept = [count for count in counts if not (count.from_api and count.repository.lower() == repository.lower())]
    return kept + fetched


def to_csv(counts: Iterable[StarCount]) -> str:
    """Rows sorted by repository, date and source, so the same data always gives the same file."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(StarCount.model_fields)
    for count in sorted(counts, key=lambda count: (count.repository.lower(), count.date, count.source, count.repository, count.stars)):
        writer.writerow([count.repository, count.date.isoformat(), count.stars, count.source])
    return buffer.getvalue()


def import_transcribed(source: Path, root: Path) -> tuple[int, bool]:
    """Replace the star file's transcribed rows with the catalogue's rows of `source`; return their count and whether the file changed."""
    entries = load_entries(root / ENTRIES_DIR, load_features(root / FEATURES_FILE))
    repositories = {entry.github_repo for entry in entries.values() if entry.github_repo}
    counts = read_transcribed(source, repositories)
    for count in counts:
        if count.from_api:
            raise ValueError(f"{source}: {count.repository} {count.date}: source {STAR_HISTORY_SOURCE!r} is kept for the API's rows")
    current = load_star_counts(root / STARS_FILE) if (root / STARS_FILE).exists() else []
    kept = [count for count in current if count.from_api and count.repository in repositories]
    return len(counts), write_atomically(root / STARS_FILE, to_csv(counts + kept))
