"""The harness stops a snippet and all its processes even when the test using it fails."""

from __future__ import annotations

import os
import urllib.error
from pathlib import Path

import pytest

from tests.helpers import http_get
from tests.snippets.cases import CATALOGUE
from tests.snippets.running import running


def _group_is_gone(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return True
    return False


@pytest.mark.parametrize("slug", sorted(CATALOGUE.environments))
def test_a_failing_test_still_stops_the_snippet(tmp_path: Path, slug: str) -> None:
    snippet = next(snippet for snippet in CATALOGUE.snippets if snippet.entry.slug == slug)
    with pytest.raises(AssertionError, match="the test failed"), running(snippet, tmp_path) as (base_url, process):
        assert http_get(base_url + "/").status == 200
        raise AssertionError("the test failed")
    assert process.returncode is not None
    assert _group_is_gone(process.pid), "a process of the snippet outlived it"
    with pytest.raises((urllib.error.URLError, ConnectionError)):
        http_get(base_url + "/", timeout=2)
