"""Regio: the region at a glance — the map, the key figures of the year and what needs attention."""

from __future__ import annotations

import streamlit as st

from calculator.workbook import Workbook
from dashboard import charts, geo, region, state
from dashboard.widgets import (
    care_form_names,
    chart,
    fmt_euro,
    fmt_number,
    fmt_percent,
    map_texts,
    t,
    tm,
    type_label,
)

BASELINE_PAGE = "app_pages/uitgangssituatie.py"
SCENARIO_PAGE = "app_pages/scenario.py"
SETTLEMENT_PAGE = "app_pages/verrekening.py"
SHOWN = 4  # attention lines listed per item before "and N more"


def key_figures(figures: region.KeyFigures, source: str | None) -> None:
    cases, use, norms, money = st.columns(4)
    cases.metric(t("ui_kf_cases"), fmt_number(figures.cases))
    use.metric(t("ui_kf_or_use"), fmt_percent(figures.or_utilisation), help=t("ui_kf_or_use_help"))
    norms.metric(
        t("ui_kf_norms"),
        t("ui_x_of_y", x=str(figures.norms_met), y=str(figures.norms_total)),
        help=t("ui_kf_norms_help"),
    )
    if figures.settled_cents is None or source is None:
        money.metric(t("ui_kf_settled"), "–", help=t("ui_kf_no_settlement"))
    else:
        money.metric(
            t("ui_kf_settled"),
            fmt_euro(figures.settled_cents),
            help=t("ui_kf_settled_help", source=t(f"settlement_source_{source}")),
        )


def bullet_list(lines: list[str]) -> None:
    shown = lines[:SHOWN]
    more = [t("ui_and_more", n=len(lines) - SHOWN)] if len(lines) > SHOWN else []
    st.markdown("\n".join(f"- {line}" for line in shown + more))


def attention(wb: Workbook, year: int) -> None:
    flows, report, _ = state.baseline(wb, wb.sha256, year)
    settled = state.year_settlement(wb, year)
    st.subheader(t("ui_attention"))
    missing = region.norms_not_met(report)
    names = care_form_names(wb)
    with st.container(border=True):
        st.page_link(
            BASELINE_PAGE,
            label=t("ui_att_norms", n=len(missing)) if len(missing) else t("ui_att_norms_none"),
            icon=":material/rule:" if len(missing) else ":material/check_circle:",
        )
        bullet_list(
            [
                tm(
                    "ui_att_norm_line",
                    hospital=row.hospital_id,
                    care_form=names.get(row.care_form_id, row.care_form_id),
                    cases=fmt_number(row.cases),
                    norm=fmt_number(row.norm),
                )
                for row in missing.itertuples(index=False)
            ]
        )
    full = region.over_capacity(report)
    with st.container(border=True):
        st.page_link(
            SCENARIO_PAGE,
            label=t("ui_att_or", n=len(full)) if len(full) else t("ui_att_or_none"),
            icon=":material/warning:" if len(full) else ":material/check_circle:",
        )
        bullet_list(
            [
                tm(
                    "ui_att_or_line",
                    hospital=row.hospital_id,
                    use=fmt_percent(row.or_utilisation),
                    ceiling=fmt_percent(row.or_ceiling, 0),
                    beds=fmt_percent(row.bed_utilisation),
                    bed_ceiling=fmt_percent(row.bed_ceiling, 0),
                )
                for row in full.itertuples(index=False)
            ]
        )
    kinds = region.exceptions_per_kind(settled)
    with st.container(border=True):
        st.page_link(
            SETTLEMENT_PAGE,
            label=t("ui_att_exceptions", n=int(kinds.sum()))
            if len(kinds)
            else t("ui_att_exceptions_none"),
            icon=":material/receipt_long:" if len(kinds) else ":material/check_circle:",
        )
        bullet_list([f"{count} × {exception_label(kind)}" for kind, count in kinds.items()])


def exception_label(kind: object) -> str:
    return t(f"settlement_kind_{kind}")


def region_map(wb: Workbook, year: int) -> None:
    flows, report, _ = state.baseline(wb, wb.sha256, year)
    points = geo.hospital_points(wb.hospitals, flows, report.hospitals)
    if points.empty:
        st.info(t("ui_map_no_positions"))
        return
    points["type"] = points["type"].map(type_label)
    figure = charts.region_map(
        geo.outline(),
        geo.view_box(points),
        points,
        geo.flow_lines(flows, wb.hospitals),
        map_texts(),
    )
    chart(st, figure, key="region_map")
    st.caption(t("ui_map_caption"))


def main() -> None:
    wb, year = state.current_book(), state.year()
    st.header(t("ui_page_regio_year", year=str(year)))
    if state.is_sample(wb):
        st.caption(t("ui_sample_note"))
    if year not in wb.years_in("volumes"):
        st.info(t("ui_no_volumes_year", year=str(year)))
        return
    flows, report, _ = state.baseline(wb, wb.sha256, year)
    figures = st.container()  # filled after the map: the map does not wait for the settlement
    left, right = st.columns([3, 2], gap="large")
    with left:
        region_map(wb, year)
    settled = state.year_settlement(wb, year)
    with figures:
        key_figures(
            region.key_figures(flows, report, settled), None if settled is None else settled.source
        )
    with right:
        attention(wb, year)


main()
