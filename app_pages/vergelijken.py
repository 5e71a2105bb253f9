"""Scenario's vergelijken: saved scenarios side by side with today, a saved scenario's board
pack, and deleting one."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from dashboard import charts, state
from dashboard.pack_view import saved_pack_download
from dashboard.summaries import compare_pivot, scenario_summary
from dashboard.widgets import chart, dataframe, fmt_euro, fmt_percent, t, tm
from messages.numbers import long_datetime


def norms_met(row: pd.Series) -> str:
    if pd.isna(row["norms_total"]):
        return str(int(row["norms_met"]))
    return t("ui_x_of_y", x=str(int(row["norms_met"])), y=str(int(row["norms_total"])))


def years_differ(saved: pd.DataFrame, names: list[str]) -> None:
    years = sorted(set(saved.loc[saved["name"].isin(names), "year"].astype(int)))
    if len(years) > 1:
        st.warning(t("ui_years_differ", years=", ".join(map(str, years))))


def today_summary(names: list[str]) -> tuple[str, pd.DataFrame] | None:
    """Today's column (``vandaag (2025)``) when every chosen scenario was saved on the open
    workbook for one year it has volumes of; None otherwise (today would be of another book)."""
    wb, store = state.current_book(), state.store()
    infos = [store.info(name) for name in names]
    years = {int(info["year"]) for info in infos}
    if len(years) != 1 or any(info["input_sha256"] != wb.sha256 for info in infos):
        return None
    (year,) = years
    if year not in wb.years_in("volumes"):
        return None
    _, report, money = state.baseline(wb, wb.sha256, year)
    today = scenario_summary(report, money.rename(columns={"margin_cents": "margin_cents_after"}))
    return t("ui_today_year", year=str(year)), today


def comparison(names: list[str]) -> pd.DataFrame:
    """Per hospital and scenario (today first, where it can be shown) the measures compared."""
    store = state.store()
    summaries = {name: store.load(name) for name in names}
    today = today_summary(names)
    if today is not None:
        summaries = {today[0]: today[1], **summaries}
    return compare_pivot(summaries)


def measure_table(data: pd.DataFrame, format_row: Callable[[pd.Series], str]) -> pd.DataFrame:
    """Hospitals as rows, one column per scenario (in the order chosen, today first)."""
    order = list(dict.fromkeys(data["scenario"]))
    cells = data.assign(cell=data.apply(format_row, axis=1))
    wide = cells.pivot(index="hospital_id", columns="scenario", values="cell")[order]
    return wide.rename_axis(index=t("ui_hospital"), columns=None).fillna("–")


def main() -> None:
    st.header(t("ui_page_compare"))
    store = state.store()
    saved = store.list()
    if saved.empty:
        st.info(t("ui_no_saved"))
        return
    names = st.multiselect(
        t("ui_choose"), saved["name"].tolist(), default=saved["name"].tolist()[-3:], key="compare"
    )
    if names:
        years_differ(saved, names)
        data = comparison(names)
        measures: tuple[tuple[str, Callable[[pd.Series], str]], ...] = (
            ("ui_utilisation", lambda r: fmt_percent(r["or_utilisation"])),
            ("ui_norms_met", norms_met),
            ("ui_margin", lambda r: fmt_euro(r["margin_cents_after"])),
        )
        for code, format_row in measures:
            st.markdown(f"**{t(code)}**")
            dataframe(st, measure_table(data, format_row), width="stretch")
        chart(
            st,
            charts.scenario_bars(
                data.assign(margin=data["margin_cents_after"] / 100),
                "margin",
                t("ui_margin"),
                list(dict.fromkeys(data["scenario"])),
                state.lang(),
            ),
            key="compare_chart",
        )
        # the most recently saved of those chosen first: usually the plan just saved
        pack_of = st.selectbox(t("ui_pack_which"), names, index=len(names) - 1, key="pack_name")
        if pack_of:
            saved_pack_download(state.current_book(), pack_of, store.info(pack_of))
    dataframe(st, saved_view(saved), hide_index=True, width="stretch")
    delete([row.name for row in saved.itertuples() if store.may_delete(row.owner)])


def saved_view(saved: pd.DataFrame) -> pd.DataFrame:
    """The saved scenarios in words: when (``7 december 2026 10:51``), which kind, and with a
    login also who saved each and whether it is shared."""
    lang = state.lang()
    saved = saved.assign(
        saved_at=saved["saved_at"].map(lambda at: long_datetime(at, lang)),
        kind=saved["kind"].map(lambda kind: t(f"ui_scenario_kind_{kind}")),
    )
    if state.has_login():
        saved = saved.assign(shared=saved["shared"].map(lambda s: t("ui_yes" if s else "ui_no")))
    else:
        saved = saved.drop(columns=["owner", "shared"])
    return saved.rename(
        columns={
            "name": t("ui_scenario_name"),
            "saved_at": t("ui_scenario_saved_at"),
            "year": t("ui_year"),
            "kind": t("ui_scenario_kind"),
            "owner": t("ui_scenario_owner"),
            "shared": t("ui_scenario_shared"),
        }
    )


def delete(names: list[str]) -> None:
    """Delete a saved scenario, after asking."""
    victim = st.selectbox(
        t("ui_delete_which"),
        [""] + names,
        key="delete_name",
        format_func=lambda name: name or t("ui_delete_none"),
    )
    if victim and st.button(t("ui_delete"), key="delete"):
        st.session_state["delete_pending"] = victim
    pending = st.session_state.get("delete_pending")
    if pending and pending == victim:
        st.warning(tm("ui_delete_ask", name=pending))
        yes, no = st.columns([1, 4])
        if yes.button(t("ui_delete_yes"), key="delete_yes", type="primary"):
            state.store().delete(pending)
            st.session_state.pop("delete_pending")
            st.rerun()
        if no.button(t("ui_cancel"), key="delete_no"):
            st.session_state.pop("delete_pending")
            st.rerun()


main()
