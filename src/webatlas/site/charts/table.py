"""The data behind a chart as CSV, one row per point, for readers who want the numbers rather than the picture."""

from __future__ import annotations

import csv
import io

from webatlas.site.charts.model import Chart
from webatlas.site.export import csv_cell


def chart_csv(chart: Chart) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["series", "entry", "date", chart.value_column, chart.detail_column])
    for series in chart.series:
        for date, value, detail in zip(series.dates, series.values, series.details, strict=True):
            writer.writerow([csv_cell(series.name), series.entry, date.isoformat(), value, csv_cell(detail)])
    return buffer.getvalue()
