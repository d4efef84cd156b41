"""Line styles that keep every series of a chart apart, on the light page, the dark page and a pasted image."""

from __future__ import annotations

from dataclasses import dataclass

COLOURS = ("#3b78d8", "#d2691e", "#2e8b57", "#c2417f", "#8b5fd0", "#1f8c8c", "#8a7d1e", "#7a7a7a")
"""Blue, orange, green, magenta, purple, teal, olive and grey: eight hues of similar lightness, each at least 3:1 against
both Material's white page and its dark slate page, so no line fades into either background."""

DASHES = {"solid": "", "dash": "8 4", "dot": "2 3", "dashdot": "8 3 2 3", "longdash": "16 4", "longdashdot": "16 3 2 3"}
"""plotly's dash names and the same patterns as SVG dash arrays, so the static image and the interactive chart agree."""


@dataclass(frozen=True)
class SeriesStyle:
    colour: str
    dash: str
    """One of DASHES' names."""

    @property
    def dash_array(self) -> str:
        return DASHES[self.dash]


class TooManySeries(ValueError):
    """A chart has more series than there are distinguishable styles."""


def styles_for(count: int, chart: str) -> list[SeriesStyle]:
    """`count` different styles for the chart named `chart`: all colours first, then all colours again with the next dash
    pattern."""
    limit = len(COLOURS) * len(DASHES)
    if count > limit:
        raise TooManySeries(f"chart '{chart}' would draw {count} series, but its line styles keep at most {limit} apart")
    dashes = list(DASHES)
    return [SeriesStyle(COLOURS[index % len(COLOURS)], dashes[index // len(COLOURS)]) for index in range(count)]
