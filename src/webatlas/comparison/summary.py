"""What separates two entries, in a few neutral sentences written from their facts and feature cells."""

from __future__ import annotations

from webatlas.catalogue.catalogue import Catalogue
from webatlas.catalogue.models import LAYER_NAMES, Entry
from webatlas.comparison.rows import FeatureRow, feature_rows
from webatlas.text import listed

INTERFACE_WORDS = {"own": "its own HTTP server"}
"""How a sentence names an interface that is not a standard's acronym."""


def _kind(entry: Entry) -> str:
    interfaces = [INTERFACE_WORDS.get(interface, interface) for interface in entry.facts.interfaces.value]
    return f"{LAYER_NAMES[entry.layer].lower()} for {listed(interfaces)}"


def _built_in_only(rows: list[FeatureRow], index: int) -> list[str]:
    """Features built into the entry at `index` and not into the other."""
    found = []
    for row in rows:
        ours, theirs = row.cells[index], row.cells[1 - index]
        if ours and theirs and ours.cell.support == "built-in" and theirs.cell.support != "built-in":
            found.append(row.feature.name)
    return found


def pair_summary(catalogue: Catalogue, first: Entry, second: Entry) -> list[str]:
    """Sentences on kind, feature differences, age and releases, and status; the same facts the table below shows."""
    pair = (first, second)
    kinds = [_kind(entry) for entry in pair]
    sentences = [
        f"Both are a {kinds[0]}." if kinds[0] == kinds[1] else f"{first.name} is a {kinds[0]}; {second.name} is a {kinds[1]}."
    ]
    for entry in pair:
        if entry.facts.built_on.value:
            sentences.append(f"{entry.name} is built on {listed([catalogue.entries[slug].name for slug in entry.facts.built_on.value])}.")
    rows = [row for row in feature_rows(catalogue, pair) if None not in row.cells]
    differing = [row.feature.name for row in rows if not row.same]
    if differing:
        sentences.append(f"They differ on {len(differing)} of the {len(rows)} features both are judged on: {listed(differing)}.")
    else:
        sentences.append(f"They offer all {len(rows)} features both are judged on in the same way.")
    for index, entry in enumerate(pair):
        if only := _built_in_only(rows, index):
            sentences.append(f"Built into {entry.name} but not into {pair[1 - index].name}: {listed(only)}.")
    releases = [catalogue.releases_of(entry) for entry in pair]
    sentences.append(
        " ".join(
            f"{entry.name} started in {entry.facts.origins.value.year} and has had {facts.release_count} releases, "
            f"the latest on {facts.latest_release.date.isoformat()}."
            for entry, facts in zip(pair, releases, strict=True)
        )
    )
    statuses = [catalogue.status_of(entry).status for entry in pair]
    sentences.append(f"Status by the site's rule: {first.name} {statuses[0]}, {second.name} {statuses[1]}.")
    return sentences
