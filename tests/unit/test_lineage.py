"""The lineage layout puts foundations left of what is built on them and leaves unrelated entries out."""

from __future__ import annotations

from pathlib import Path

from tests.factories import changed, entry, write_project
from webatlas.catalogue.loading import load_catalogue
from webatlas.site.lineage import layout


def test_columns_follow_built_on_and_unrelated_entries_are_left_out(tmp_path: Path) -> None:
    base, middle, top, alone = entry("base"), entry("middle"), entry("top"), entry("alone")
    changed(middle, "facts.built_on.value", ["base"])
    changed(top, "facts.built_on.value", ["middle", "base"])
    lineage = layout(load_catalogue(write_project(tmp_path, [base, middle, top, alone])))
    x = {node.entry.slug: node.x for node in lineage.nodes}
    assert set(x) == {"base", "middle", "top"}
    assert x["base"] < x["middle"] < x["top"]
    assert sorted((edge.base.entry.slug, edge.built.entry.slug) for edge in lineage.edges) == [
        ("base", "middle"),
        ("base", "top"),
        ("middle", "top"),
    ]
    assert all(node.x + lineage.node_width <= lineage.width and node.y + lineage.node_height <= lineage.height for node in lineage.nodes)


def test_each_box_says_in_words_what_its_arrows_show(tmp_path: Path) -> None:
    base, middle, top, other = entry("base"), entry("middle"), entry("top"), entry("other")
    changed(middle, "facts.built_on.value", ["base"])
    changed(top, "facts.built_on.value", ["middle"])
    changed(other, "facts.built_on.value", ["base"])
    lineage = layout(load_catalogue(write_project(tmp_path, [base, middle, top, other])))
    said = {node.entry.slug: lineage.description(node) for node in lineage.nodes}
    assert said == {
        "base": "Base, a full framework; Middle and Other are built on it",
        "middle": "Middle, a full framework built on Base; Top is built on it",
        "top": "Top, a full framework built on Middle",
        "other": "Other, a full framework built on Base",
    }
