"""Data: upload a workbook (it replaces the sample only when valid), its report, the template."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import state
from dashboard.widgets import t

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def report(findings: list[dict[str, object]], name: str) -> None:
    """The problems of a refused upload, per sheet and one by one."""
    frame = pd.DataFrame(findings)
    st.error(t("ui_invalid", n=len(frame), name=name))
    per_sheet = (
        frame.assign(sheet=frame["sheet"].replace("", t("ui_whole_file")))
        .groupby("sheet")
        .size()
        .rename(t("ui_count"))
        .reset_index()
        .rename(columns={"sheet": t("ui_sheet")})
    )
    st.subheader(t("ui_per_sheet"))
    st.dataframe(per_sheet, hide_index=True)
    shown = frame[["sheet", "row", "column", "value", "expected"]].rename(
        columns={
            "sheet": t("ui_sheet"),
            "row": t("ui_row"),
            "column": t("ui_column"),
            "value": t("ui_value"),
            "expected": t("ui_problem"),
        }
    )
    st.dataframe(shown, hide_index=True, width="stretch")


def main() -> None:
    st.header(t("ui_page_data"))
    upload = st.file_uploader(t("ui_upload"), type=["xlsx"], key="upload")
    if upload is not None:
        data = upload.getvalue()
        wb, findings = state.load_input(data, upload.name)
        if wb is None:
            report(findings, upload.name)
        elif st.session_state.get("book", (None, None))[0] != data:
            state.use_upload(data, upload.name)
            st.rerun()  # every page and the sidebar now use the new data
    wb = state.current_book()
    rows = ", ".join(f"{name} {len(getattr(wb, name))}" for name in sorted(wb.present))
    st.success(t("ui_valid", rows=rows) + f" — {wb.source_name}")
    left, right = st.columns(2)
    if left.button(t("ui_use_sample"), key="use_sample"):
        state.use_sample()
        st.rerun()
    right.download_button(
        t("ui_template"),
        state.template_bytes(),
        file_name="spreiding_sjabloon.xlsx",
        mime=XLSX,
        key="template",
    )
    if state.is_sample(wb):
        st.caption(t("ui_sample_note"))
    st.subheader(t("ui_hospitals"))
    st.dataframe(wb.hospitals.drop(columns=["excel_row"]), hide_index=True)


main()
