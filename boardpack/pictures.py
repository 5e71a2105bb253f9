"""The dashboard's own Altair charts (:mod:`dashboard.charts`) as PNG, rendered without a
browser by ``vl-convert`` (Vega in an embedded JavaScript engine; no internet)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import altair as alt
import pandas as pd
import vl_convert as vlc

from boardpack.content import PackContent
from calculator.workbook import Workbook
from dashboard import charts, geo
from dashboard.business_case_chart import cumulative_chart
from messages import text
from optimizer.capacity import CapacityReport, baseline_flows

# pixels per CSS pixel: sharp in print at the width the PDF gives the pictures
SCALE = 3


def png(chart: alt.TopLevelMixin, lang: str) -> bytes:
    """The chart as PNG, with the reader's number notation."""
    spec: dict[str, Any] = charts.localised(chart, lang).to_dict()
    picture: bytes = vlc.vegalite_to_png(spec, scale=SCALE)
    return picture


def map_texts(lang: str) -> charts.MapTexts:
    """The words on the region map (as the dashboard's :func:`dashboard.widgets.map_texts`)."""
    return charts.MapTexts(
        hospital=text("ui_hospital", lang),
        cases=text("ui_map_cases", lang),
        utilisation=text("ui_map_utilisation", lang),
        moved=text("ui_map_moved", lang),
        flow=text("ui_map_flow", lang),
        kind=text("ui_hospital_type", lang),
        ceiling=text("ui_map_ceiling", lang),
        states=(text("ui_map_within", lang), text("ui_map_near", lang), text("ui_map_above", lang)),
    )


def region_map(
    wb: Workbook,
    flows: pd.DataFrame,
    report: CapacityReport,
    box: dict[str, Any],
    lang: str,
    width: int,
    height: int,
) -> bytes | None:
    """The region map of ``flows``; None when no hospital has a position."""
    points = geo.hospital_points(wb.hospitals, flows, report.hospitals)
    if points.empty:
        return None
    points["type"] = [text(f"ui_type_{kind}", lang) for kind in points["type"]]
    figure = charts.region_map(
        geo.outline(), box, points, geo.flow_lines(flows, wb.hospitals), map_texts(lang), height
    )
    return png(figure.properties(width=width), lang)


def maps(
    wb: Workbook,
    year: int,
    after_flows: pd.DataFrame,
    before: CapacityReport,
    after: CapacityReport,
    lang: str,
) -> tuple[bytes | None, bytes | None]:
    """The region map today and after the plan, over the same area."""
    today = baseline_flows(wb, year)
    points = geo.hospital_points(wb.hospitals, today, before.hospitals)
    if points.empty:
        return None, None
    box = geo.view_box(points)
    return (
        region_map(wb, today, before, box, lang, 520, 400),
        region_map(wb, after_flows, after, box, lang, 520, 400),
    )


def gains_and_losses(money: pd.DataFrame, lang: str) -> bytes:
    """The margin change per hospital [EUR] as the Scenario page draws it."""
    figure = charts.gains_and_losses(
        money.assign(change=money["margin_cents_change"] / 100),
        text("ui_margin_change", lang),
        list(money["hospital_id"]),  # in the order of the tables beside it
        lang,
    )
    return png(figure.properties(width=300), lang)


@dataclass(frozen=True)
class Pictures:
    """The pack's charts as PNG: the map today and after the plan (None without positions),
    the gains and losses."""

    map_today: bytes | None
    map_after: bytes | None
    gains: bytes
    cumulative: bytes | None = None  # the business case's cumulative positions


def render(wb: Workbook, content: PackContent) -> Pictures:
    """Every chart of the pack."""
    result, lang = content.result, content.lang
    after = result.capacity_after
    if after is None or result.money is None:
        msg = "a board pack needs a solved plan"
        raise ValueError(msg)
    today, planned = maps(wb, result.year, result.flows, result.capacity_before, after, lang)
    case = content.case
    cumulative = None
    if case is not None and len(case.years) > 1:
        cumulative = png(cumulative_chart(case, lang).properties(width=420, height=220), lang)
    return Pictures(today, planned, gains_and_losses(result.money, lang), cumulative)
