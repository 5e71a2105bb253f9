"""Scenario's vergelijken: saved scenarios side by side, and deleting one."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts, state
from dashboard.summaries import compare_pivot
from dashboard.widgets import chart, dataframe, fmt_euro, fmt_percent, t, tm


def norms_met(row: pd.Series) -> str:
    if pd.isna(row["norms_total"]):
        return str(int(row["norms_met"]))
    return t("ui_x_of_y", x=str(int(row["norms_met"])), y=str(int(row["norms_total"])))


def years_differ(saved: pd.DataFrame, names: list[str]) -> None:
    years = sorted(set(saved.loc[saved["name"].isin(names), "year"].astype(int)))
    if len(years) > 1:
        st.warning(t("ui_years_differ", years=", ".join(map(str, years))))


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
        data = compare_pivot({name: store.load(name) for name in names})
        view = pd.DataFrame(index=sorted(data["hospital_id"].unique()))
        for name, rows in data.groupby("scenario", sort=False):
            rows = rows.set_index("hospital_id")
            view[f"{t('ui_utilisation')} — {name}"] = rows["or_utilisation"].map(fmt_percent)
            view[f"{t('ui_norms_met')} — {name}"] = rows.apply(norms_met, axis=1)
            view[f"{t('ui_margin')} — {name}"] = rows["margin_cents_after"].map(fmt_euro)
        dataframe(st, view.rename_axis(t("ui_hospital")), width="stretch")
        chart(
            st,
            charts.scenario_bars(
                data.assign(margin=data["margin_cents_after"] / 100),
                "margin",
                t("ui_margin"),
                names,
                state.lang(),
            ),
            key="compare_chart",
        )
    dataframe(st, saved_view(saved), hide_index=True)
    delete([row.name for row in saved.itertuples() if store.may_delete(row.owner)])


def saved_view(saved: pd.DataFrame) -> pd.DataFrame:
    """The saved scenarios; with a login also who saved each and whether it is shared."""
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
