"""The business case of a plan over the years on the dashboard (issue 18): the cumulative
position of every hospital with its break-even year marked, and the table a controller reads.

The chart is :func:`dashboard.business_case_chart.cumulative_chart`; :func:`show_business_case`
draws a computed case;
:func:`business_case_section` asks for the last year, the split rule and the discount rate,
computes the case once per question and session, and draws it.
"""

from __future__ import annotations

import io
from decimal import Decimal

import pandas as pd
import streamlit as st

from calculator.audit import Audit
from calculator.workbook import Workbook
from dashboard import state
from dashboard.business_case_chart import cumulative_chart
from dashboard.widgets import chart, dataframe, fmt_euro, rendered, t, tm
from messages import Message
from optimizer.business_case import MAX_YEARS, BusinessCase, business_case
from optimizer.business_case_report import TOPICS, break_even_text, write_business_case
from optimizer.compensation import ShapleyValues

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SHOWN_YEARS = 5  # the last year offered first: the base year + 5
YEAR_LIMIT = 2100  # the last year an input may name


def summary_table(case: BusinessCase) -> pd.DataFrame:
    """Per hospital and the region: break-even year, NPV, pre-financing, and the cumulative
    position of every year, as the reader reads them."""
    language = state.lang()
    rows = pd.concat(
        [case.hospitals, case.region.assign(hospital_id=t("bc_region"))], ignore_index=True
    )
    out = pd.DataFrame(
        {
            t("bc_col_hospital"): rows["hospital_id"],
            t("bc_break_even"): [
                break_even_text(None if pd.isna(y) else int(y), case, language, str(h))
                for y, h in zip(rows["break_even_year"], rows["hospital_id"], strict=True)
            ],
            t("bc_npv"): rows["npv_cents"].map(fmt_euro),
            t("bc_prefinancing"): rows["prefinancing_cents"].map(fmt_euro),
        }
    )
    cumulative = case.yearly.pivot(index="hospital_id", columns="year", values="cumulative_cents")
    cumulative.loc[t("bc_region")] = case.region_yearly.set_index("year")["cumulative_cents"]
    for year in case.years:
        out[str(year)] = [fmt_euro(int(cumulative.at[h, year])) for h in rows["hospital_id"]]
    return out


def year_table(case: BusinessCase) -> pd.DataFrame:
    """Every item of every hospital and year (years as columns), as the CLI prints it."""
    parts = []
    for hospital, rows in case.yearly.groupby("hospital_id", sort=True):
        by_year = rows.set_index("year")
        for column, code in TOPICS:
            entry = {t("bc_col_hospital"): hospital, t("bc_col_item"): t(code)}
            entry.update({str(y): fmt_euro(int(by_year.at[y, column])) for y in case.years})
            parts.append(entry)
    return pd.DataFrame(parts)


def show_business_case(
    case: BusinessCase, plan: Message, key: str, audit: Audit | None = None
) -> None:
    """Draw a business case: the chart, the verdict per hospital, the items per year, the
    notes, and the workbook to download (with ``audit``, the run's record, on its basis
    sheet)."""
    language = state.lang()
    if not case.holds:
        st.error(t("bc_problems") + " " + "; ".join(rendered(p) for p in case.problems))
        return
    chart(st, cumulative_chart(case, language), key=f"bc_chart_{key}")
    region = case.region.iloc[0]
    st.markdown(
        tm(
            "ui_bc_region_line",
            break_even=break_even_text(
                None if pd.isna(region["break_even_year"]) else int(region["break_even_year"]),
                case,
                language,
            ),
            npv_cents=fmt_euro(int(region["npv_cents"])),
            prefinancing_cents=fmt_euro(int(region["prefinancing_cents"])),
        )
    )
    dataframe(st, summary_table(case), hide_index=True, key=f"bc_summary_{key}")
    with st.expander(t("ui_bc_items")):
        dataframe(st, year_table(case), hide_index=True, key=f"bc_years_{key}")
    st.markdown("\n".join(f"- {rendered(note)}" for note in case.notes))
    buffer = io.BytesIO()
    write_business_case(case, plan, buffer, language, audit)
    st.download_button(
        t("ui_bc_download"),
        buffer.getvalue(),
        file_name=f"businesscase_{case.years[0]}_{case.years[-1]}.xlsx",
        mime=XLSX,
        key=f"bc_download_{key}",
    )


def business_case_section(
    wb: Workbook,
    first: int,
    plan_flows: pd.DataFrame,
    plan: Message,
    key: str,
    shapley: ShapleyValues | None = None,
    caps: str = "fixed",
) -> None:
    """The business case of ``plan_flows`` (the base year ``first``'s plan) with the reader's
    last year, split rule and discount rate; computed once per session and question."""
    st.subheader(t("ui_bc_title"))
    st.caption(t("ui_bc_caption"))
    if not st.toggle(t("ui_bc_show"), key=f"bc_show_{key}"):
        return  # a few seconds of work per question: only when asked
    last_years = list(range(first + 1, min(first + MAX_YEARS - 1, YEAR_LIMIT) + 1))
    if not last_years:
        st.info(t("ui_bc_no_years", year=str(first)))
        return
    years, rules, rates = st.columns(3)
    last = years.selectbox(
        t("ui_bc_last_year"),
        last_years,
        index=min(SHOWN_YEARS, len(last_years)) - 1,
        key=f"bc_last_{key}",
    )
    choices = ["proportional", "equal", *(["shapley"] if shapley is not None else []), None]
    rule = rules.radio(
        t("ui_bc_split"),
        choices,
        format_func=lambda r: t(f"bc_rule_{r}") if r else t("ui_bc_no_split"),
        key=f"bc_rule_{key}",
        horizontal=True,
    )
    percent = rates.number_input(
        t("ui_bc_rate"), min_value=0.0, max_value=100.0, value=4.0, step=0.5, key=f"bc_rate_{key}"
    )
    rate = Decimal(str(round(float(percent), 4))) / 100
    flows_key = int(pd.util.hash_pandas_object(plan_flows, index=False).sum())
    question = (wb.sha256, first, int(last), rule, str(rate), flows_key, caps)
    kept = st.session_state.setdefault("business_cases", {})
    if question not in kept:
        with st.spinner(t("bc_progress")):
            today = state.projection(wb, first, int(last))
            kept[question] = business_case(
                wb,
                first,
                int(last),
                plan_flows,
                rule=rule,
                shapley=shapley,
                caps=caps,
                discount_rate=rate,
                today=today,
            )
    given = {"from": first, "to": int(last), "split": rule, "discount_rate": rate, "caps": caps}
    audit = Audit("business-case", wb.source_name, wb.sha256, given)
    show_business_case(kept[question], plan, key, audit)
