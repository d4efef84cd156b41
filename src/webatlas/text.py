"""Small helpers for sentences written from data: on the site's pages and in error messages."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence


def listed(names: Sequence[str], conjunction: str = "and") -> str:
    """"A", "A and B", "A, B and C"; or with "or"."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {conjunction} {names[-1]}"


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """" (did you mean 'x'?)" naming the known name closest to a misspelt `name`, or "" when none is close."""
    closest = difflib.get_close_matches(name, list(known), n=1)
    return f" (did you mean {closest[0]!r}?)" if closest else ""
