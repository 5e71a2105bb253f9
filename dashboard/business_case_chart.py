"""The business case's chart, pure Altair (no Streamlit): the dashboard draws it and the board
pack renders it without a browser. One line per hospital, labelled at its end."""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard import charts
from messages import text
from optimizer.business_case import BusinessCase
from optimizer.business_case_report import break_even_text, unchanged


def end_labels(
    frame: pd.DataFrame, hospitals: list[str], same: float = 0.01, spacing: float = 0.06
) -> pd.DataFrame:
    """One label per line at its last year (year, euros, label, colour). Lines that end within
    ``same`` of the axis range share one label (``ACR · ZDL``, in grey); labels closer than
    ``spacing`` of the range are moved apart downwards, so no label hides another."""
    last = frame[frame["year"] == frame["year"].max()].sort_values(
        ["euros", "hospital_id"], ascending=[False, True]
    )
    span = float(frame["euros"].max() - frame["euros"].min()) or 1.0
    scale = charts.hospital_scale(hospitals)
    colours = dict(zip(scale.domain, scale.range, strict=True))  # type: ignore[arg-type]
    groups: list[list[tuple[str, float]]] = []
    for hospital, euros in last[["hospital_id", "euros"]].itertuples(index=False):
        if groups and abs(euros - groups[-1][-1][1]) <= same * span:
            groups[-1].append((hospital, float(euros)))
        else:
            groups.append([(hospital, float(euros))])
    heights: list[float] = []
    for group in groups:
        height = sum(e for _, e in group) / len(group)
        if heights and heights[-1] - height < spacing * span:
            height = heights[-1] - spacing * span
        heights.append(height)
    return pd.DataFrame(
        {
            "year": last["year"].iloc[0] if len(last) else 0,
            "euros": heights,
            "label": [" · ".join(sorted(h for h, _ in g)) for g in groups],
            "colour": [colours[g[0][0]] if len(g) == 1 else "#444444" for g in groups],
        }
    )


def cumulative_chart(case: BusinessCase, language: str) -> alt.LayerChart:
    """One line per hospital: its cumulative position over the years [EUR], in the hospital's
    colour of every other chart and labelled at its end (not by colour alone); a large dot
    marks the break-even year, a rule the zero line."""
    frame = case.yearly[["year", "hospital_id", "cumulative_cents"]].assign(
        euros=case.yearly["cumulative_cents"] / 100
    )
    hospitals = sorted(frame["hospital_id"].unique())
    colour = alt.Color("hospital_id:N", scale=charts.hospital_scale(hospitals), legend=None)
    title = text("ui_bc_chart", language)
    axis = charts.number_axis(language, euro=True, title=text("ui_bc_euro_axis", language))
    x = alt.X("year:O", title=None, axis=alt.Axis(labelAngle=0))
    tooltip = [
        charts.tip("year:O", "ui_year", language),
        charts.tip("hospital_id:N", "ui_hospital", language),
        charts.tip("euros:Q", text("bc_cumulative", language), None, format=",.2f"),
    ]
    lines = (
        alt.Chart(frame, title=title)
        .mark_line(point=True)
        .encode(x=x, y=alt.Y("euros:Q", axis=axis), color=colour, tooltip=tooltip)
    )
    labels = (
        alt.Chart(end_labels(frame, hospitals))
        .mark_text(align="left", dx=8, fontWeight="bold")
        .encode(
            x=x, y="euros:Q", text="label:N", color=alt.Color("colour:N", scale=None, legend=None)
        )
    )
    even = case.hospitals.dropna(subset=["break_even_year"])
    even = even[~even["hospital_id"].isin(unchanged(case))]  # nothing to earn back: no mark
    marks = frame.merge(
        even[["hospital_id", "break_even_year"]].astype({"break_even_year": "int64"}),
        left_on=["hospital_id", "year"],
        right_on=["hospital_id", "break_even_year"],
    )
    marks["verdict"] = [
        break_even_text(y, case, language) for y in marks["break_even_year"].astype(int)
    ]
    dots = (
        alt.Chart(marks)
        .mark_point(filled=True, size=220, shape="diamond", stroke="black", strokeWidth=1)
        .encode(
            x=x,
            y="euros:Q",
            color=colour,
            tooltip=[
                charts.tip("hospital_id:N", "ui_hospital", language),
                charts.tip("verdict:N", text("bc_break_even", language), None),
            ],
        )
    )
    # the zero line from the first to the last year: it stops where the labels begin
    zero = (
        alt.Chart(
            pd.DataFrame({"year": [frame["year"].min()], "end": [frame["year"].max()], "zero": [0]})
        )
        .mark_rule(strokeDash=[6, 4], opacity=0.6)
        .encode(x=x, x2="end:O", y="zero:Q")
    )
    return zero + lines + dots + labels
