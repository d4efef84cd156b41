"""The one error the benchmark reports: a step that could not run, with what to do about it."""

from __future__ import annotations


class BenchError(RuntimeError):
    """A benchmark step failed; the message says which and, where it can, how to fix it."""
