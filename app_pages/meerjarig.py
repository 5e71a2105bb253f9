"""Meerjarig: the region projected year by year, and a sweep of one care form's volume norm."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from calculator.errors import SpreidingInputError
from calculator.workbook import Workbook
from dashboard import audit, charts, state
from dashboard.widgets import (
    care_form_names,
    chart,
    dataframe,
    fmt_euro,
    fmt_number,
    fmt_percent,
    md,
    rendered_md,
    t,
    tm,
)
from optimizer.capacity import effective_norms
from optimizer.projection import Projection
from optimizer.sweep import SweepResult
from optimizer.sweep_report import points_table, sweep_title

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# topic code → (column of Projection.hospitals, euro, share, line at)
TOPICS = {
    "my_topic_cases": ("cases", False, False, None),
    "my_topic_or": ("or_utilisation", False, True, 1.0),
    "my_topic_beds": ("bed_utilisation", False, True, 1.0),
    "my_topic_margin": ("margin_cents", True, False, None),
    "my_topic_revenue": ("revenue_cents", True, False, None),
    "my_topic_settlement": ("settlement_cents", True, False, None),
}

# the topics whose chart marks the year a hospital runs out (capacity's ``{kind}_full_year``)
RUN_OUT = {"my_topic_or": "or", "my_topic_beds": "beds"}


def progress_bar(label: str):  # type: ignore[no-untyped-def]
    """A ``st.progress`` bar and the step callback that moves it."""
    bar = st.progress(0.0, text=label)

    def step(done: int, total: int, item: str) -> None:
        bar.progress(done / max(total, 1), text=f"{label} ({item})")

    return bar, step


def projection_section(wb: Workbook) -> None:
    years = wb.years_in("volumes")
    if not years:
        st.info(t("my_no_volumes"))
        return
    left, right = st.columns(2)
    first = left.selectbox(
        t("my_base_year"),
        years,
        index=years.index(state.year()) if state.year() in years else len(years) - 1,
        key="my_first",
    )
    last = right.number_input(
        t("my_last_year"),
        min_value=first,
        max_value=first + 15,
        value=max(first, 2030),
        key="my_last",
    )
    try:
        bar, step = progress_bar(t("proj_progress"))
        projection = state.projection(wb, int(first), int(last), progress=step)
        bar.empty()
    except SpreidingInputError as exc:
        bar.empty()
        st.error(t("my_cannot_project"))
        for finding in exc.findings:
            st.markdown(f"- {rendered_md(finding)}")
        return
    show_projection(projection)
    st.download_button(
        t("my_download_projection"),
        state.projection_workbook(wb, int(first), int(last)),
        file_name=f"meerjarig_{first}_{last}.xlsx",
        mime=XLSX,
        key="my_download",
        on_click=audit.record,
        args=("download", f"projection {wb.source_name}, {first}-{last}"),
    )


def show_projection(projection: Projection) -> None:
    h = projection.hospitals.assign(cases=projection.hospitals["cases"].astype(float))
    hospitals = sorted(h["hospital_id"].unique())
    h["bed_utilisation"] = h["bed_days_used"] / h["bed_days_available"]
    capacity = projection.capacity
    full = {
        kind: capacity.dropna(subset=[f"{kind}_full_year"])[["hospital_id", f"{kind}_full_year"]]
        for kind in ("or", "beds")
    }
    for kind, rows in full.items():
        for hospital, year in rows.itertuples(index=False):
            st.warning(tm(f"my_{kind}_full", hospital=hospital, year=str(int(year))))
    if not any(len(rows) for rows in full.values()):
        st.success(t("my_or_enough", last=str(projection.years[-1])))
    topic = st.radio(t("my_topic"), list(TOPICS), format_func=t, horizontal=True, key="my_topic")
    column, euro, share, limit = TOPICS[topic]
    frame = h[["year", "hospital_id", column]].copy()
    if euro:
        frame[column] = frame[column] / 100
    marks = None
    run_out = RUN_OUT.get(topic)
    if run_out is not None:  # the year a hospital runs out, marked on its line
        # the dashed rule at the planning ceiling when every hospital has the same one
        ceilings = h[f"{'or' if run_out == 'or' else 'bed'}_ceiling"].dropna().unique()
        limit = float(ceilings[0]) if len(ceilings) == 1 else None
        rows = full[run_out].rename(columns={f"{run_out}_full_year": "year"})
        marks = frame.merge(rows.astype({"year": "int64"}), on=["year", "hospital_id"])
        marks["label"] = [t("my_full_mark", year=str(y)) for y in marks["year"]]
    chart(
        st,
        charts.year_lines(
            frame,
            column,
            t(topic),
            hospitals,
            state.lang(),
            euro=euro,
            share=share,
            limit=limit,
            marks=marks,
        ),
        key="my_lines",
    )
    shown = frame.pivot(index="hospital_id", columns="year", values=column)
    if euro:
        shown = shown.map(lambda v: fmt_euro(round(v * 100)))
    elif share:
        shown = shown.map(fmt_percent)
    else:
        shown = shown.map(lambda v: fmt_number(v, 1))
    shown.columns = [str(c) for c in shown.columns]
    dataframe(st, shown.rename_axis(t("ui_hospital")), width="stretch")
    met = h.pivot(index="hospital_id", columns="year", values="norms_met")
    missed = h.pivot(index="hospital_id", columns="year", values="norms_missed")
    norms = met.astype(int).astype(str) + " / " + (met + missed).astype(int).astype(str)
    norms.columns = [str(c) for c in norms.columns]
    st.caption(t("my_norms_caption"))
    dataframe(st, norms.rename_axis(t("ui_hospital")), width="stretch")


def sweep_section(wb: Workbook) -> None:
    year = state.year()
    if year not in wb.years_in("volumes"):
        st.info(t("my_no_volumes"))
        return
    norms_now = effective_norms(wb)
    with_norm = sorted(c for c, n in norms_now.items() if n > 0) or sorted(norms_now)
    default = with_norm.index("rectumcarcinoom") if "rectumcarcinoom" in with_norm else 0
    names = care_form_names(wb)
    care_form = st.selectbox(
        t("my_care_form"),
        with_norm,
        index=default,
        key="my_care_form",
        format_func=lambda c: names.get(c, c),
    )
    current = norms_now[care_form]
    a, b, c = st.columns(3)
    low = a.number_input(
        t("my_norm_from"), 0, 500, max(current - 10, 0) if current else 10, 5, key="my_low"
    )
    high = b.number_input(t("my_norm_to"), 0, 500, max(current + 20, 40), 5, key="my_high")
    step = c.number_input(t("my_norm_step"), 1, 100, 5, key="my_step")
    free = st.checkbox(t("my_free_moves"), key="my_free")
    norms = tuple(range(int(low), int(high) + 1, int(step)))
    if not norms:
        st.info(t("my_norms_empty"))
        return
    asked = st.button(t("my_run_sweep"), key="my_run")
    if not asked and not state.has_sweep(wb, year, care_form, norms, free):
        st.caption(t("my_sweep_hint", count=len(norms)))
        return
    bar, tick = progress_bar(t("sweep_progress"))
    result = state.norm_sweep(wb, year, care_form, norms, free, progress=tick)
    bar.empty()
    show_sweep(result, names)


def show_sweep(result: SweepResult, names: dict[str, str]) -> None:
    st.subheader(md(sweep_title(result, state.lang(), names.get(result.care_form_id))))
    p = result.points.copy()
    p["margin_change"] = p["margin_change_cents"].astype(float) / 100
    for column in ("hospitals_performing", "cases_moved", "travel_mean_minutes", "share_over_30"):
        p[column] = p[column].astype(float)
    now = t("my_current_norm", norm=result.current_norm)
    panels = [
        ("hospitals_performing", "sweep_col_hospitals", False, False),
        ("cases_moved", "sweep_col_moved", False, False),
        ("travel_mean_minutes", "sweep_col_travel_mean", False, False),
        ("share_over_30", "sweep_col_over30", True, False),
        ("margin_change", "sweep_col_margin_change", False, True),
    ]
    columns = st.columns(2)
    for i, (value, title, share, euro) in enumerate(panels):
        chart(
            columns[i % 2],
            charts.norm_curve(
                p, value, t(title), result.current_norm, now, state.lang(), share=share, euro=euro
            ),
            key=f"my_curve_{value}",
        )
    table = points_table(result, state.lang())
    margin = t("sweep_col_margin_change")
    table[margin] = table[margin].map(lambda v: fmt_euro(v) if pd.notna(v) else "")
    for number_column in (
        t("sweep_col_moved"),
        t("sweep_col_moved_region"),
        t("sweep_col_travel_mean"),
        t("sweep_col_travel_max"),
    ):
        table[number_column] = table[number_column].map(
            lambda v: fmt_number(v, 1) if pd.notna(v) else ""
        )
    for share_column in (t("sweep_col_over30"), t("sweep_col_over60")):
        table[share_column] = table[share_column].map(
            lambda v: fmt_percent(v) if pd.notna(v) else ""
        )
    dataframe(st, table, hide_index=True, width="stretch")
    if len(result.proposals):
        st.caption(t("my_proposals_caption"))
        proposals = result.proposals[
            ["norm", "care_form_id", "sending_hospital", "performing_hospital", "cases"]
        ].copy()
        proposals["care_form_id"] = proposals["care_form_id"].map(lambda c: names.get(c, c))
        cases = proposals["cases"].astype(float)
        whole = bool((cases.round() == cases).all())  # whole patients, shown as such
        proposals["cases"] = cases.map(lambda v: fmt_number(v, 0 if whole else 1))
        dataframe(
            st,
            proposals.rename(
                columns={
                    "norm": t("sweep_col_norm"),
                    "care_form_id": t("proj_col_care_form"),
                    "sending_hospital": t("proj_col_sending"),
                    "performing_hospital": t("proj_col_performing"),
                    "cases": t("proj_col_cases"),
                }
            ),
            hide_index=True,
        )
    for note in (
        tm(
            "sweep_note_scope",
            care_form=names.get(result.care_form_id, result.care_form_id),
            current=result.current_norm,
        ),
    ):
        st.caption(note)


def main() -> None:
    st.header(t("my_header"))
    wb = state.current_book()
    tab_projection, tab_sweep = st.tabs([t("my_tab_projection"), t("my_tab_sweep")])
    with tab_projection:
        projection_section(wb)
    with tab_sweep:
        sweep_section(wb)


main()
