"""Charts from catalogue data: one `Chart` each, seen as a static SVG, a plotly figure and a CSV of its points."""
