"""Scenario's vergelijken: saved scenarios side by side, and deleting one."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts, state
from dashboard.summaries import compare_pivot
from dashboard.widgets import chart, fmt_euro, fmt_percent, t


def norms_met(row: pd.Series) -> str:
    if pd.isna(row["norms_total"]):
        return str(int(row["norms_met"]))
    return t("ui_x_of_y", x=str(int(row["norms_met"])), y=str(int(row["norms_total"])))


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
        data = compare_pivot({name: store.load(name) for name in names})
        view = pd.DataFrame(index=sorted(data["hospital_id"].unique()))
        for name, rows in data.groupby("scenario", sort=False):
            rows = rows.set_index("hospital_id")
            view[f"{t('ui_utilisation')} — {name}"] = rows["or_utilisation"].map(fmt_percent)
            view[f"{t('ui_norms_met')} — {name}"] = rows.apply(norms_met, axis=1)
            view[f"{t('ui_margin')} — {name}"] = rows["margin_cents_after"].map(fmt_euro)
        st.dataframe(view.rename_axis(t("ui_hospital")), width="stretch")
        chart(
            st,
            charts.scenario_bars(
                data.assign(margin=data["margin_cents_after"] / 100),
                "margin",
                t("ui_margin") + " (€)",
                names,
            ),
            key="compare_chart",
        )
    st.dataframe(
        saved.rename(
            columns={
                "name": t("ui_scenario_name"),
                "saved_at": t("ui_scenario_saved_at"),
                "year": t("ui_year"),
                "kind": t("ui_scenario_kind"),
            }
        ),
        hide_index=True,
    )
    victim = st.selectbox(t("ui_delete"), [""] + saved["name"].tolist(), key="delete_name")
    if victim and st.button(t("ui_delete"), key="delete"):
        store.delete(victim)
        st.rerun()


main()
