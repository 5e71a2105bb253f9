"""Scenario: edit agreement shares (manual) or optimise; before and after, and saving."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from calculator.agreements import valid_in_year
from calculator.workbook import Workbook
from dashboard import charts, state
from dashboard.summaries import scenario_summary
from dashboard.widgets import (
    capacity_and_norms,
    chart,
    fmt_number,
    fmt_percent,
    hospitals_of,
    money_view,
    t,
)
from optimizer.capacity import CapacityReport, baseline_flows
from optimizer.inputs import Options
from optimizer.optimize import optimize

MODES = ["referral", "parallel", "odv"]


def show_results(
    wb: Workbook,
    before_flows: pd.DataFrame,
    after_flows: pd.DataFrame,
    before: CapacityReport,
    after: CapacityReport,
    money_table: pd.DataFrame,
    key: str,
) -> None:
    hospitals = hospitals_of(wb.hospitals)
    b, a = t("ui_before"), t("ui_after")
    st.caption(f"{t('ui_utilisation')} ({a})")
    was = before.hospitals.set_index("hospital_id")["or_utilisation"]
    columns = st.columns(len(after.hospitals))
    for col, row in zip(columns, after.hospitals.itertuples(index=False), strict=True):
        change = row.or_utilisation - was.get(row.hospital_id, 0.0)
        col.metric(
            row.hospital_id,
            fmt_percent(row.or_utilisation),
            t("ui_points", value=fmt_number(100 * change, 1)),
            delta_color="off",
        )
    per_h = pd.concat(
        [
            flows.groupby("performing")["cases"]
            .sum()
            .rename_axis("hospital_id")
            .reset_index()
            .assign(phase=phase)
            for flows, phase in ((before_flows, b), (after_flows, a))
        ]
    )
    left, right = st.columns(2)
    chart(
        left,
        charts.before_after_bars(per_h, "cases", t("ui_cases_per_hospital"), hospitals, b, a),
        key=f"cases_{key}",
    )
    chart(
        right,
        charts.diverging_bars(
            money_table.assign(margin_change=money_table["margin_cents_change"] / 100),
            "margin_change",
            t("ui_margin_change") + " (€)",
            hospitals,
        ),
        key=f"margin_{key}",
    )
    capacity_and_norms(after, hospitals, key, f" ({a})")
    chart(st, charts.flow_matrix(after_flows, t("ui_flow_matrix")), key=f"flows_{key}")
    st.dataframe(
        money_view(
            money_table,
            {
                "hospital_id": t("ui_hospital"),
                "margin_cents_before": f"{t('ui_margin')} {b}",
                "margin_cents_after": f"{t('ui_margin')} {a}",
                "margin_cents_change": t("ui_margin_change"),
            },
        ),
        hide_index=True,
        key=f"money_{key}",
    )


def save_form(
    wb: Workbook, year: int, kind: str, after: CapacityReport, money_table: pd.DataFrame, key: str
) -> None:
    with st.form(f"save_{key}"):
        name = st.text_input(t("ui_save_name"), key=f"name_{key}")
        if st.form_submit_button(t("ui_save")):
            try:
                state.store().save(
                    name, year, kind, wb.sha256, scenario_summary(after, money_table)
                )
                st.success(t("ui_saved", name=name.strip()))
            except ValueError as exc:
                st.error(t("ui_save_failed", error=str(exc)))


def manual_tab(wb: Workbook, year: int) -> None:
    agreements = valid_in_year(wb.agreements, year)[
        ["agreement_id", "care_form_id", "sending_hospital", "performing_hospital", "mode", "share"]
    ].copy()
    agreements["share"] = agreements["share"].fillna(0.0)
    st.caption(t("ui_edit_shares"))
    edited = st.data_editor(
        agreements,
        hide_index=True,
        key="shares",
        disabled=["agreement_id", "care_form_id", "sending_hospital", "performing_hospital"],
        column_config={
            "share": st.column_config.NumberColumn(
                t("ui_share"), min_value=0.0, max_value=1.0, step=0.05, format="%.2f"
            ),
            "mode": st.column_config.SelectboxColumn(t("ui_mode"), options=MODES, required=True),
            "agreement_id": t("ui_agreement"),
            "care_form_id": t("ui_care_form"),
            "sending_hospital": t("ui_sending"),
            "performing_hospital": t("ui_performing"),
        },
    )
    edits = edited[["agreement_id", "share", "mode"]].to_json(orient="split")
    result = state.manual(wb, wb.sha256, year, edits)
    show_results(
        wb,
        result.flows_before,
        result.flows_after,
        result.capacity_before,
        result.capacity_after,
        result.money,
        "manual",
    )
    save_form(wb, year, "manual", result.capacity_after, result.money, "manual")


def optimiser_tab(wb: Workbook, year: int) -> None:
    left, right = st.columns(2)
    w_travel = left.number_input(t("ui_w_travel"), min_value=0.0, value=1.0, step=0.5, key="wt")
    w_move = left.number_input(t("ui_w_move"), min_value=0.0, value=0.0, step=1.0, key="wm")
    time_limit = left.number_input(t("ui_time_limit"), min_value=1, value=60, step=10, key="tl")
    free = right.checkbox(t("ui_free_moves"), key="free")
    integer = right.checkbox(t("ui_integer"), key="int")
    norms = dict(
        zip(
            wb.care_forms["care_form_id"],
            wb.care_forms["volume_norm"].fillna(0).astype(int),
            strict=True,
        )
    )
    right.caption(t("ui_norm_overrides"))
    care_forms = sorted(norms)
    care_form = right.selectbox(
        t("ui_care_form"),
        care_forms,
        key="norm_cf",
        index=care_forms.index("rectumcarcinoom") if "rectumcarcinoom" in norms else 0,
    )
    value = right.number_input(
        t("ui_norm"), min_value=0, value=norms[care_form], step=5, key=f"norm_value_{care_form}"
    )
    overrides = {care_form: int(value)} if int(value) != norms[care_form] else {}
    if st.button(t("ui_run"), key="run", type="primary"):
        options = Options(
            w_travel=w_travel,
            w_move=w_move,
            time_limit=float(time_limit),
            free_moves=free,
            integer=integer,
            norms=overrides,
        )
        with st.status(t("ui_running"), expanded=False) as status:
            result = optimize(wb, year, options)
            status.update(label=t("ui_solved"), state="complete")
        st.session_state["optimum"] = (wb.sha256, year, result)
    stored = st.session_state.get("optimum")
    if not stored or stored[0] != wb.sha256 or stored[1] != year:
        return
    result = stored[2]
    st.write(f"**{t('ui_status')}:** {result.status}")
    if result.status == "infeasible":
        st.warning(t("ui_infeasible"))
        for message in result.violations["message"]:
            st.markdown(f"- {message.render(state.lang())}")
        for advice in result.advice:
            st.markdown(advice.render(state.lang()))
        return
    if result.flows.empty or result.capacity_after is None or result.money is None:
        st.warning(t("ui_time_limit_hit"))
        return
    after_flows = result.flows.rename(
        columns={"origin": "sending", "performing_hospital_id": "performing"}
    )
    show_results(
        wb,
        baseline_flows(wb, year),
        after_flows,
        result.capacity_before,
        result.capacity_after,
        result.money,
        "opt",
    )
    prices = result.shadow_prices[result.shadow_prices["constraint"] == "or_capacity"]
    st.subheader(t("ui_shadow_prices"))
    st.dataframe(
        prices[["hospital_id", "dual"]].rename(
            columns={"hospital_id": t("ui_hospital"), "dual": t("ui_shadow_prices")}
        ),
        hide_index=True,
    )
    save_form(wb, year, "optimised", result.capacity_after, result.money, "opt")


def main() -> None:
    wb, year = state.current_book(), state.year()
    st.header(t("ui_page_scenario_year", year=str(year)))
    if year not in wb.years_in("volumes"):
        st.info(t("ui_no_volumes_year", year=str(year)))
        return
    manual, optimised = st.tabs([t("ui_manual"), t("ui_optimised")])
    with manual:
        manual_tab(wb, year)
    with optimised:
        optimiser_tab(wb, year)


main()
