"""PyPI JSON answers shaped like the real API's, for the snapshot and refresh tests."""

from __future__ import annotations

from typing import Any


def file(uploaded: str, requires_python: str | None = None, yanked: bool = False) -> dict[str, Any]:
    """One distribution file of a release, with the keys the snapshot reads and a few it ignores."""
    return {
        "filename": "demo.tar.gz",
        "packagetype": "sdist",
        "upload_time_iso_8601": uploaded,
        "requires_python": requires_python,
        "yanked": yanked,
        "yanked_reason": None,
    }


def pypi_answer(name: str = "demo", latest: str = "1.0") -> dict[str, Any]:
    """Two kept releases, a yanked one, a release without files and a pre-release newer than the latest."""
    return {
        "info": {
            "name": name,
            "version": latest,
            "license": None,
            "license_expression": "MIT",
            "classifiers": ["Programming Language :: Python :: 3", "License :: OSI Approved :: MIT License"],
            "requires_python": ">=3.8",
        },
        "releases": {
            "1.0": [file("2025-06-30T09:00:00.000000Z", ">=3.10"), file("2025-06-29T23:30:00.000000Z", ">=3.10")],
            "0.1": [file("2019-01-02T10:00:00.000000Z")],
            "0.5": [file("2021-03-03T10:00:00.000000Z", yanked=True)],
            "0.7": [],
            "2.0b1": [file("2025-09-01T10:00:00.000000Z", ">=3.11")],
        },
        "urls": [],
    }
