"""Data: upload a workbook (it replaces the sample only when valid), its report, the template."""

from __future__ import annotations

import functools

import pandas as pd
import streamlit as st

from calculator.errors import Finding
from calculator.workbook import Workbook
from dashboard import audit, findings, state
from dashboard.formatting import escape_markdown
from dashboard.widgets import dataframe, fmt_number, sheet_label, t, tm, type_label
from messages import escaping

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SHOWN_CODES = 5  # codes named per group of follow-on findings


def report(problems: list[Finding], name: str) -> None:
    """The problems of a refused upload: those of their own, then what follows from them."""
    lang = state.lang()
    roots, follow = findings.group(problems)
    st.error(
        tm("ui_invalid_one" if len(problems) == 1 else "ui_invalid", n=len(problems), name=name)
    )
    if roots:
        st.subheader(t("ui_problems"))
    groups, singles = findings.cell_groups(roots)
    for k, group in enumerate(groups):
        with escaping(escape_markdown):
            st.markdown(f"**{group.headline(lang)}**")
        with st.expander(t("ui_group_cells", n=fmt_number(group.count))):
            cells = {
                t("ui_row"): [f.row for f in group.findings],
                t("ui_value"): [f.value for f in group.findings],
            }
            if not group.same_text(lang):
                cells[t("ui_problem")] = [f.render(lang) for f in group.findings]
            dataframe(st, pd.DataFrame(cells), hide_index=True, key=f"report_group_{k}")
    if singles:
        dataframe(
            st,
            pd.DataFrame(
                {
                    t("ui_sheet"): [
                        sheet_label(f.sheet) if f.sheet else t("ui_whole_file") for f in singles
                    ],
                    t("ui_row"): ["–" if f.row is None else f.row for f in singles],
                    t("ui_column"): [f.column for f in singles],
                    t("ui_value"): [f.value for f in singles],
                    t("ui_problem"): [f.render(lang) for f in singles],
                }
            ),
            hide_index=True,
            width="stretch",
            key="report",
        )
    if follow:
        st.subheader(t("ui_follow_on"))
        lines = []
        for g in follow:
            sheets = ", ".join(
                f"{sheet_label(sheet)} {fmt_number(n)}" for sheet, n in g.per_sheet.items()
            )
            line = tm(
                "ui_follow_line",
                rows=fmt_number(g.rows),
                values=", ".join(f"'{v}'" for v in g.values[:SHOWN_CODES])
                + (" …" if len(g.values) > SHOWN_CODES else ""),
                target=sheet_label(g.target),
                sheets=sheets,
            )
            if g.cause is not None:
                line += " " + tm("ui_follow_cause", where=g.cause.location(lang))
            lines.append(f"- {line}")
        st.markdown("\n".join(lines))


def hospitals_table(wb: Workbook) -> pd.DataFrame:
    h = wb.hospitals
    return pd.DataFrame(
        {
            t("ui_code"): h["hospital_id"],
            t("ui_name"): h["name"],
            t("ui_hospital_type"): h["type"].map(type_label),
            t("ui_or_minutes_year"): h["or_minutes"].map(fmt_number),
            t("ui_bed_days_year"): h["bed_days"].map(fmt_number),
            t("ui_position"): [
                "–"
                if pd.isna(lat) or pd.isna(lon)
                else t("ui_position_value", lat=fmt_number(lat, 3), lon=fmt_number(lon, 3))
                for lat, lon in zip(h["lat"], h["lon"], strict=True)
            ],
        }
    )


def main() -> None:
    st.header(t("ui_page_data"))
    generation = st.session_state.setdefault("upload_generation", 0)
    upload = st.file_uploader(
        t("ui_upload"), type=["xlsx"], key=f"upload_{generation}", help=t("ui_upload_help")
    )
    # the uploader's own words ("Drag and drop file here", "Browse files", "Limit 50MB per
    # file") are Streamlit's and English only: the same in the reader's language beside it
    st.caption(t("ui_upload_how"))
    refused = False
    if upload is not None:
        data = upload.getvalue()
        wb, problems = state.load_input(data, upload.name)
        if wb is None:
            report(problems, upload.name)
            refused = True
            if st.session_state.get("refused_upload") != (upload.name, len(data)):
                st.session_state["refused_upload"] = (upload.name, len(data))
                audit.record("upload_refused", f"{upload.name} ({len(problems)} problems)")
        elif st.session_state.get("book", (None, None))[0] != data:
            state.use_upload(data, upload.name)
            st.rerun()  # every page and the sidebar now use the new data
    wb = state.current_book()
    name = t("ui_sample_name") if state.is_sample(wb) else wb.source_name
    if refused:
        st.caption(tm("ui_still_using", name=name))
    else:
        rows = ", ".join(
            t("ui_sheet_rows", sheet=sheet_label(sheet), n=len(getattr(wb, sheet)))
            for sheet in sorted(wb.present)
        )
        st.success(tm("ui_valid", name=name, rows=rows))
    left, right = st.columns(2)
    if not state.is_sample(wb) and left.button(t("ui_use_sample"), key="use_sample"):
        state.use_sample()
        st.session_state["upload_generation"] = generation + 1  # empties the upload box
        st.rerun()
    lang = state.lang()
    right.download_button(
        t("ui_template"),
        functools.partial(state.template_bytes, lang),
        file_name=t("cli_template_file"),
        mime=XLSX,
        key="template",
        on_click=audit.record,
        args=("download", "template"),
    )
    right.caption(t("ui_template_lists_help"))
    right.download_button(
        t("ui_template_example"),
        functools.partial(state.template_bytes, lang, True),
        file_name=t("cli_template_example_file"),
        mime=XLSX,
        key="template_example",
        on_click=audit.record,
        args=("download", "template example"),
    )
    if state.is_sample(wb):
        st.caption(t("ui_sample_note"))
    st.subheader(t("ui_hospitals"))
    dataframe(st, hospitals_table(wb), hide_index=True)


main()
