"""Altair charts with one colour per hospital across every page, and titled axes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import altair as alt
import numpy as np
import pandas as pd

from messages import text

# Okabe–Ito: categories that stay apart under protanopia and deuteranopia
# (tests/test_palettes.py checks every pair under a colour-vision simulation); hospitals are
# also named on the charts (line ends, labels), so colour is never the only channel
PALETTE = [
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#882255",  # wine
    "#56B4E9",  # sky blue
    "#000000",  # black
    "#999999",  # grey
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
]
# met / missed, gain / loss: sky blue and wine (apart in colour and in lightness; the norm
# matrix also prints ✓ / ✗, the bars their amounts)
MET, NOT_MET = "#56B4E9", "#882255"


DUTCH_NUMBERS = alt.Locale(
    number=alt.NumberLocale(
        decimal=",", thousands=".", grouping=[3], currency=["€ ", ""], percent=" %"
    )
)


def title_of(chart: alt.TopLevelMixin) -> str | None:
    """The chart's title (of the chart or of its first titled layer), or None."""
    for part in [chart, *getattr(chart, "layer", [])]:
        title = getattr(part, "title", alt.Undefined)
        if isinstance(title, alt.TitleParams):
            title = title.text
        if isinstance(title, str) and title:
            return title
    return None


def localised(chart: alt.TopLevelMixin, language: str) -> alt.TopLevelMixin:
    """Dutch number notation on the axes, legends and tooltips (1.234,5 and 60 %) unless the
    language is English; for screen readers the chart is described by its title, and Vega's
    own descriptions of each mark and axis ("rule mark", "lon: 4,3; lat: 52,1", "Symbol legend
    titled …": English and field names) are left out."""
    config: dict[str, Any] = {"aria": False}
    if language == "nl":
        config["locale"] = DUTCH_NUMBERS
    described = chart.configure(**config)
    title = title_of(chart)
    return described.properties(description=title) if title else described


def tip(field: str, code_or_title: str, language: str | None, **kw: Any) -> alt.Tooltip:
    """A tooltip field titled in the reader's words: ``code_or_title`` is a catalogue code
    (``ui_…``) rendered in ``language``, or, when ``language`` is None, the title itself."""
    title = code_or_title if language is None else text(code_or_title, language)
    return alt.Tooltip(field, title=title, **kw)


def hospital_scale(hospitals: list[str]) -> alt.Scale:
    ids = sorted(hospitals)
    return alt.Scale(domain=ids, range=[PALETTE[i % len(PALETTE)] for i in range(len(ids))])


def before_after_bars(
    frame: pd.DataFrame,
    value: str,
    title: str,
    hospitals: list[str],
    before: str,
    after: str,
    language: str,
) -> alt.Chart:
    """Bars per hospital, before and after side by side (``frame``: hospital_id, phase, value)."""
    return (
        alt.Chart(frame, title=title)
        .mark_bar()
        .encode(
            x=alt.X("hospital_id:N", title=None),
            xOffset=alt.XOffset("phase:N", sort=[before, after]),
            # the chart's title names the measure: an axis title as long as the plot is high
            # would be cut and push the chart's title out of its frame
            y=alt.Y(f"{value}:Q", axis=number_axis(language, title=None)),
            color=alt.Color("hospital_id:N", scale=hospital_scale(hospitals), legend=None),
            opacity=alt.Opacity(
                "phase:N", sort=[before, after], scale=alt.Scale(range=[0.45, 1.0]), title=None
            ),
            tooltip=[
                tip("hospital_id:N", "ui_hospital", language),
                tip("phase:N", "ui_tip_phase", language),
                tip(f"{value}:Q", title, None, format=",.0f"),
            ],
        )
        .properties(height=280)
    )


def utilisation_chart(
    frame: pd.DataFrame,
    title: str,
    hospitals: list[str],
    used_label: str,
    language: str,
) -> alt.LayerChart:
    """OR minutes used (bars) against the available minutes (black ticks)."""
    base = alt.Chart(frame, title=title).encode(x=alt.X("hospital_id:N", title=None))
    bars = base.mark_bar().encode(
        y=alt.Y("or_minutes_used:Q", axis=number_axis(language, title=used_label)),
        color=alt.Color("hospital_id:N", scale=hospital_scale(hospitals), legend=None),
        tooltip=[
            tip("hospital_id:N", "ui_hospital", language),
            tip("or_minutes_used:Q", used_label, None, format=",.0f"),
            tip("or_minutes_available:Q", "ui_tip_or_available", language, format=",.0f"),
            tip("or_utilisation:Q", "ui_utilisation", language, format=".1%"),
        ],
    )
    ticks = base.mark_tick(color="black", thickness=3, size=40).encode(
        y=alt.Y("or_minutes_available:Q", title=used_label)
    )
    return (bars + ticks).properties(height=280)


def norm_matrix(
    norms: pd.DataFrame, title: str, met: str, not_met: str, language: str
) -> alt.LayerChart:
    """Hospital × care form: blue and ✓ where the norm is met, vermillion and ✗ where not,
    blank without cases; each cell prints its mark and its cases (not colour alone)."""
    data = norms[norms["norm"] > 0].copy()
    data["state"] = data["meets_norm"].map({True: met, False: not_met})
    data.loc[data["cases"] <= 0, "state"] = "–"
    marks = data["meets_norm"].map({True: "✓", False: "✗"})
    data["label"] = [
        "–" if n <= 0 else f"{m} {n:.0f}" for m, n in zip(marks, data["cases"], strict=True)
    ]
    data["missed"] = data["state"] == not_met
    # care forms as rows: every name is written out horizontally with its norm beside it
    # (``norm_label``), however many care forms there are
    if "norm_label" not in data.columns:
        data["norm_label"] = data["care_form_id"]
    base = alt.Chart(data, title=title).encode(
        x=alt.X("hospital_id:N", title=None, axis=alt.Axis(labelAngle=0, orient="top")),
        y=alt.Y("norm_label:N", title=None, axis=alt.Axis(labelLimit=360, labelOverlap=False)),
    )
    rect = base.mark_rect(stroke="white").encode(
        color=alt.Color(
            "state:N",
            scale=alt.Scale(domain=[met, not_met, "–"], range=[MET, NOT_MET, "#eeeeee"]),
            title=None,
        ),
        tooltip=[
            tip("hospital_id:N", "ui_hospital", language),
            tip("care_form_id:N", "ui_care_form", language),
            tip("cases:Q", "ui_tip_cases", language, format=",.1f"),
            tip("norm:Q", "ui_tip_norm", language, format=",.0f"),
            tip("state:N", "ui_tip_norm_state", language),
        ],
    )
    text = base.mark_text(fontSize=11).encode(
        text=alt.Text("label:N"),
        # dark on the light cells (met, none), white on the dark (missed)
        color=alt.condition(
            f"datum.state == '{not_met}'", alt.value("white"), alt.value("#1f2933")
        ),
    )
    return (rect + text).properties(height=alt.Step(28), width=alt.Step(80))


def flow_matrix(flows: pd.DataFrame, title: str, language: str) -> alt.LayerChart:
    """Cases from sending (rows) to performing (columns)."""
    data = flows.groupby(["sending_hospital", "performing_hospital"], as_index=False)["cases"].sum()
    base = alt.Chart(data, title=title).encode(
        x=alt.X("performing_hospital:N", title=None), y=alt.Y("sending_hospital:N", title=None)
    )
    rect = base.mark_rect().encode(
        color=alt.Color("cases:Q", scale=alt.Scale(scheme="blues"), title=None),
        tooltip=[
            tip("sending_hospital:N", "ui_sending", language),
            tip("performing_hospital:N", "ui_performing", language),
            tip("cases:Q", "ui_tip_cases", language, format=",.1f"),
        ],
    )
    text = base.mark_text(fontSize=11).encode(text=alt.Text("cases:Q", format=",.0f"))
    return (rect + text).properties(height=alt.Step(28), width=alt.Step(70))


def scenario_bars(
    frame: pd.DataFrame, value: str, title: str, scenarios: list[str], language: str
) -> alt.Chart:
    """One bar per saved scenario for every hospital (``frame``: hospital_id, scenario, value)."""
    return (
        alt.Chart(frame, title=title)
        .mark_bar()
        .encode(
            x=alt.X("hospital_id:N", title=None),
            xOffset=alt.XOffset("scenario:N", sort=scenarios),
            y=alt.Y(f"{value}:Q", axis=number_axis(language, euro=True, title=title)),
            color=alt.Color(
                "scenario:N", sort=scenarios, title=None, scale=alt.Scale(range=PALETTE)
            ),
            tooltip=[
                tip("hospital_id:N", "ui_hospital", language),
                tip("scenario:N", "ui_tip_scenario", language),
                tip(f"{value}:Q", title, None, format=",.0f"),
            ],
        )
        .properties(height=300)
    )


@dataclass(frozen=True)
class MapTexts:
    """The words on the region map, in the reader's language."""

    hospital: str
    cases: str
    utilisation: str
    moved: str
    flow: str
    kind: str
    ceiling: str = "ceiling"
    # the three states against the planning ceiling: within, near it, above it
    states: tuple[str, str, str] = ("0", "1", "2")


# within, near and above the planning ceiling: apart in hue and in lightness (Okabe–Ito blue
# and orange, Tol's wine), so they stay apart without colour vision and in greyscale
CEILING_COLOURS = ("#0072B2", "#E69F00", "#882255")  # under, near, above the ceiling


CIRCLE_AREA = (200, 2200)  # square pixels of a hospital's circle: no cases, the most cases
ABROAD = "#e4e7eb"


def region_map(
    outline: dict[str, Any],
    box: dict[str, Any],
    points: pd.DataFrame,
    lines: pd.DataFrame,
    words: MapTexts,
    height: int = 520,
) -> alt.LayerChart:
    """Hospitals over the outline of the Netherlands: circles sized by cases performed and
    coloured by their OR use against the planning ceiling (within, near, above), labelled with
    the OR use in per cent; flows as lines whose width is the cases moved.

    ``points``: see :func:`dashboard.geo.hospital_points`; ``lines``: see
    :func:`dashboard.geo.flow_lines`; ``box``: the area to show (a GeoJSON feature).
    """
    projection: dict[str, Any] = {"type": "mercator", "fit": box}
    # circle areas from 0 to the most cases, so that each label can sit just above its own
    # circle whatever its size (no circle over its label)
    most = float(points["cases"].max()) if len(points) else 1.0
    most = most if most > 0 else 1.0
    area = CIRCLE_AREA[0] + (CIRCLE_AREA[1] - CIRCLE_AREA[0]) * points["cases"].clip(lower=0) / most
    points = points.assign(
        label_dy=-(np.sqrt(area.astype(float) / np.pi) + 9),
        state_label=[words.states[int(k)] for k in points["state"]],
        label=[
            f"{h} · {round(100 * u)} %" if pd.notna(u) else str(h)
            for h, u in zip(points["hospital_id"], points["or_utilisation"], strict=True)
        ],
    )
    land = (
        alt.Chart(alt.Data(values=outline["features"]))
        .mark_geoshape(fill="#f6f5f0", stroke="#9aa5b1", strokeWidth=1, clip=True)
        .project(**projection)
    )
    flows = (
        alt.Chart(lines)
        .mark_rule(color="#5b7fa6", opacity=0.55, strokeCap="round")
        .encode(
            longitude="lon:Q",
            latitude="lat:Q",
            longitude2="lon2:Q",
            latitude2="lat2:Q",
            strokeWidth=alt.StrokeWidth("cases:Q", scale=alt.Scale(range=[1.5, 12]), legend=None),
            tooltip=[
                alt.Tooltip("pair:N", title=words.flow),
                alt.Tooltip("cases:Q", title=words.moved, format=",.0f"),
            ],
        )
        .project(**projection)
    )
    circles = (
        alt.Chart(points)
        .mark_circle(opacity=0.9, stroke="white", strokeWidth=1.5)
        .encode(
            longitude="lon:Q",
            latitude="lat:Q",
            size=alt.Size(
                "cases:Q",
                scale=alt.Scale(domain=[0, most], range=list(CIRCLE_AREA)),
                title=words.cases,
                legend=alt.Legend(orient="bottom", direction="horizontal", tickCount=3),
            ),
            color=alt.Color(
                "state_label:N",
                scale=alt.Scale(domain=list(words.states), range=list(CEILING_COLOURS)),
                title=words.utilisation,
                # one state a line: the legend fits a phone's width (390 px) as well
                legend=alt.Legend(orient="bottom", direction="vertical"),
            ),
            tooltip=[
                alt.Tooltip("name:N", title=words.hospital),
                alt.Tooltip("type:N", title=words.kind),
                alt.Tooltip("cases:Q", title=words.cases, format=",.0f"),
                alt.Tooltip("or_utilisation:Q", title=words.utilisation, format=".1%"),
                alt.Tooltip("or_ceiling:Q", title=words.ceiling, format=".0%"),
            ],
        )
        .project(**projection)
    )

    def labelled(colour: str, outline: float) -> alt.Chart:
        """The labels just above their circles; ``outline`` > 0 draws them as a white halo."""
        mark = alt.Chart(points).mark_text(
            dy=alt.ExprRef(expr="datum.label_dy"),
            fontSize=13,
            fontWeight="bold",
            color=colour,
            stroke=colour if outline else None,
            strokeWidth=outline,
            strokeJoin="round",
        )
        return mark.encode(longitude="lon:Q", latitude="lat:Q", text="label:N").project(
            **projection
        )

    # a white outline under each label keeps it readable over lines and other circles
    halo, labels = labelled("white", 4), labelled("#1f2933", 0)
    # outside the Netherlands a neutral grey: the outline has no neighbours, so a blue
    # background would draw Belgium and Germany as sea
    return (land + flows + circles + halo + labels).properties(
        width="container", height=height, view=alt.ViewBackground(fill=ABROAD, stroke=None)
    )


def number_axis(language: str, euro: bool = False, title: str | None = None) -> alt.Axis:
    """Axis labels in the reader's notation (1.234 or 1,234), as euros when ``euro``."""
    digits = "format(abs(datum.value), ',.0f')"
    if language == "nl":
        digits = f"replace({digits}, /,/g, '.')"
    sign = "(datum.value < 0 ? '-€ ' : '€ ')" if euro else "(datum.value < 0 ? '-' : '')"
    return alt.Axis(labelExpr=f"{sign} + {digits}", title=title)


AGREEMENT_COLOURS = {
    "existing": "#0072B2",
    "new": "#E69F00",
    "own": "#999999",
    "status_quo": "#882255",
    "free": "#000000",
}


def moves_chart(
    moves: pd.DataFrame, title: str, cases_title: str, basis_labels: dict[str, str], language: str
) -> alt.Chart:
    """What moves: one bar per move (``label``) with its cases, coloured by the agreement it
    rests on.

    ``moves``: label, cases, agreement (see :data:`AGREEMENT_COLOURS`); ``basis_labels``: the
    agreement kinds in words.
    """
    present = [b for b in AGREEMENT_COLOURS if b in set(moves["agreement"])]
    shown = [basis_labels[b] for b in present]
    data = moves.assign(basis=moves["agreement"].map(basis_labels))
    return (
        alt.Chart(data, title=title)
        .mark_bar()
        .encode(
            y=alt.Y("label:N", title=None, sort="-x", axis=alt.Axis(labelLimit=420)),
            x=alt.X("cases:Q", axis=number_axis(language, title=cases_title)),
            color=alt.Color(
                "basis:N",
                title=None,
                scale=alt.Scale(domain=shown, range=[AGREEMENT_COLOURS[b] for b in present]),
                legend=alt.Legend(orient="bottom", labelLimit=320),
            ),
            tooltip=[
                tip("label:N", "ui_tip_move", language),
                tip("basis:N", "ui_agreement_kind", language),
                tip("cases:Q", cases_title, None, format=",.1f"),
            ],
        )
        .properties(height=alt.Step(26))
    )


def gains_and_losses(
    frame: pd.DataFrame, title: str, hospitals: list[str], language: str
) -> alt.LayerChart:
    """Who gains, who loses: the margin change per hospital [EUR] as bars around a zero line.

    ``frame``: hospital_id, change (EUR, not cents).
    """
    bars = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            y=alt.Y("hospital_id:N", title=None, sort=sorted(hospitals)),
            x=alt.X("change:Q", axis=number_axis(language, euro=True, title=None)),
            color=alt.condition("datum.change >= 0", alt.value(MET), alt.value(NOT_MET)),
            tooltip=[
                tip("hospital_id:N", "ui_hospital", language),
                tip("change:Q", "ui_margin_change", language, format=",.0f"),
            ],
        )
    )
    zero = alt.Chart(pd.DataFrame({"zero": [0]})).mark_rule(color="black", strokeWidth=1.5)
    return (bars + zero.encode(x="zero:Q")).properties(title=title, height=alt.Step(32))


def year_lines(
    frame: pd.DataFrame,
    value: str,
    title: str,
    hospitals: list[str],
    language: str,
    euro: bool = False,
    share: bool = False,
    limit: float | None = None,
    marks: pd.DataFrame | None = None,
) -> alt.LayerChart | alt.Chart:
    """One line per hospital over the years (``frame``: year, hospital_id, value); ``limit``
    draws a dashed rule (e.g. 100 % OR utilisation); ``marks`` (year, hospital_id, value,
    label) rings a point and writes its label above it (e.g. the year a hospital runs out)."""
    axis = (
        alt.Axis(format="%", title=title)
        if share
        else number_axis(language, euro=euro, title=title)
    )
    lines = (
        alt.Chart(frame, title=title)
        .mark_line(point=True)
        .encode(
            x=alt.X("year:O", title=None, axis=alt.Axis(labelAngle=0)),
            y=alt.Y(f"{value}:Q", axis=axis, scale=alt.Scale(zero=False)),
            color=alt.Color("hospital_id:N", scale=hospital_scale(hospitals), title=None),
            tooltip=[
                tip("year:O", "ui_year", language),
                tip("hospital_id:N", "ui_hospital", language),
                tip(f"{value}:Q", title, None, format=".1%" if share else ",.0f"),
            ],
        )
    )
    # each line named at its end (the last year): colour is not the only channel
    last = frame[frame["year"] == frame["year"].max()]
    names = (
        alt.Chart(last)
        .mark_text(align="left", dx=6, fontSize=11, fontWeight="bold")
        .encode(
            x=alt.X("year:O"),
            y=alt.Y(f"{value}:Q"),
            text="hospital_id:N",
            color=alt.Color("hospital_id:N", scale=hospital_scale(hospitals), legend=None),
        )
    )
    layers: alt.LayerChart = lines + names
    if limit is not None:
        layers += (
            alt.Chart(pd.DataFrame({"limit": [limit]}))
            .mark_rule(strokeDash=[6, 4])
            .encode(y="limit:Q")
        )
    if marks is not None and len(marks):
        at = {"x": alt.X("year:O"), "y": alt.Y(f"{value}:Q")}
        layers += (
            alt.Chart(marks)
            .mark_point(shape="circle", size=420, filled=False, strokeWidth=2.5, color="black")
            .encode(**at)
        )
        layers += (
            alt.Chart(marks)
            .mark_text(dy=-18, fontSize=11, fontWeight="bold", color="black")
            .encode(**at, text="label:N")
        )
    return layers


def norm_curve(
    points: pd.DataFrame,
    value: str,
    title: str,
    current: int,
    current_label: str,
    language: str,
    share: bool = False,
    euro: bool = False,
) -> alt.LayerChart:
    """A sweep curve with the norm on the x-axis and the current norm marked by a rule."""
    axis = (
        alt.Axis(format="%", title=None) if share else number_axis(language, euro=euro, title=None)
    )
    curve = (
        alt.Chart(points.dropna(subset=[value]), title=title)
        .mark_line(point=True)
        .encode(
            x=alt.X("norm:Q", title=None),
            y=alt.Y(f"{value}:Q", axis=axis),
            tooltip=[
                tip("norm:Q", "ui_tip_norm", language),
                tip(f"{value}:Q", title, None, format=".1%" if share else ",.1f"),
            ],
        )
    )
    marker = pd.DataFrame({"norm": [current], "label": [current_label]})
    rule = alt.Chart(marker).mark_rule(color=NOT_MET, strokeDash=[4, 3]).encode(x="norm:Q")
    text = (
        alt.Chart(marker)
        .mark_text(align="left", dx=4, dy=-6, color=NOT_MET)
        .encode(x="norm:Q", y=alt.value(8), text="label:N")
    )
    return (curve + rule + text).properties(height=220)
