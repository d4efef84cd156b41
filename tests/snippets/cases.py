"""The snippets under test, read from the same catalogue the site is built from."""

from __future__ import annotations

import pytest

from tests.helpers import ROOT
from webatlas.catalogue.loading import load_catalogue

CATALOGUE = load_catalogue(ROOT)


def snippets_for(task: str) -> list[pytest.param]:
    """Every framework's snippet for `task`, as test parameters named by framework."""
    return [pytest.param(snippet, id=snippet.entry.slug) for snippet in CATALOGUE.snippets if snippet.task.slug == task]
