"""Uitgangssituatie: volumes, OR use, norms and money of the chosen year."""

from __future__ import annotations

import streamlit as st

from dashboard import state
from dashboard.widgets import (
    capacity_and_norms,
    care_form_names,
    dataframe,
    fmt_number,
    fmt_percent,
    hospitals_of,
    money_view,
    t,
)


def main() -> None:
    wb, year = state.current_book(), state.year()
    st.header(t("ui_page_baseline_year", year=str(year)))
    if year not in wb.years_in("volumes"):
        st.info(t("ui_no_volumes_year", year=str(year)))
        return
    flows, report, cash = state.baseline(wb, wb.sha256, year)
    totals = report.hospitals
    for col, row in zip(st.columns(len(totals)), totals.itertuples(index=False), strict=True):
        col.metric(row.hospital_id, fmt_percent(row.or_utilisation), help=t("ui_utilisation"))
    pivot = (
        flows.assign(care_form_id=flows["care_form_id"].map(care_form_names(wb)))
        .pivot_table(
            index="performing_hospital",
            columns="care_form_id",
            values="cases",
            aggfunc="sum",
            fill_value=0,
        )
        .rename_axis(index=t("ui_hospital"), columns=t("ui_care_form"))
    )
    st.subheader(t("ui_volumes"))
    dataframe(st, pivot.map(fmt_number), width="stretch")
    capacity_and_norms(report, hospitals_of(wb.hospitals), "baseline", names=care_form_names(wb))
    st.subheader(t("ui_money"))
    st.caption(t("ui_money_source_volumes"))
    dataframe(
        st,
        money_view(
            cash,
            {
                "hospital_id": t("ui_hospital"),
                "revenue_cents": t("ui_revenue"),
                "settlement_cents": t("ui_settlement"),
                "variable_cost_cents": t("ui_variable_cost"),
                "margin_cents": t("ui_margin"),
            },
        ),
        hide_index=True,
    )


main()
