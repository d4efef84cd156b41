"""The `serve` fixture: start snippets for a test and stop them all afterwards, whatever the outcome."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.snippets.running import running
from webatlas.catalogue.snippets import Snippet


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[Callable[[Snippet], str]]:
    """Start a snippet exactly as its page says, on a free loopback port; return its base URL."""
    with contextlib.ExitStack() as stack:

        def start(snippet: Snippet) -> str:
            base_url, _ = stack.enter_context(running(snippet, tmp_path))
            return base_url

        yield start
