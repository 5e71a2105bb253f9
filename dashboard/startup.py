"""What every page needs, computed once when the dashboard server starts (``serve.py``).

The first visitor of a fresh server would otherwise wait for the imports, the validation of the
sample region and its baseline and settlement of the default year; computed here before the
server accepts anyone, they come from the cache of :mod:`dashboard.state` for every session.
"""

from __future__ import annotations

import logging

from dashboard import charts, geo, region, state  # noqa: F401  (region: the first page's)


def warm_up() -> None:
    """Fill the caches of the sample region for the year a visitor sees first."""
    # the cached functions run outside a session here; streamlit says so once per call
    quiet = logging.getLogger("streamlit")
    level = quiet.level
    quiet.setLevel(logging.ERROR)
    try:
        wb, _ = state.load_input(state.sample_bytes(), state.SAMPLE.name)
        if wb is None:
            return
        year = state.default_year(wb.years)
        if year in wb.years_in("volumes"):
            flows, report, _ = state.baseline(wb, wb.sha256, year)
            points = geo.hospital_points(wb.hospitals, flows, report.hospitals)
            if not points.empty:  # the first chart: Altair compiles its schema once a process
                words = charts.MapTexts(
                    hospital="", cases="", utilisation="", moved="", flow="", kind=""
                )
                figure = charts.region_map(
                    geo.outline(),
                    geo.view_box(points),
                    points,
                    geo.flow_lines(flows, wb.hospitals),
                    words,
                )
                charts.localised(figure, "nl").to_dict()
        state.year_settlement(wb, year)
    finally:
        quiet.setLevel(level)
