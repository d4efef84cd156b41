"""Small helpers for sentences the site writes from data."""

from __future__ import annotations

from collections.abc import Sequence


def listed(names: Sequence[str], conjunction: str = "and") -> str:
    """"A", "A and B", "A, B and C"; or with "or"."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {conjunction} {names[-1]}"
