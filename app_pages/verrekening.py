"""Verrekening: the yearly settlement, its exceptions and monitoring, and the workbook."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from calculator.errors import SpreidingInputError
from calculator.invariants import describe
from calculator.lines import exception_keys
from calculator.workbook import Workbook
from dashboard import audit, state
from dashboard.widgets import (
    care_form_names,
    dataframe,
    finding_md,
    fmt_number,
    money_view,
    rendered_md,
    t,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# what a year lacks when the workbook has the sheet but not for that year
MISSING = {"registrations": "ui_no_registrations_year", "volumes": "ui_no_volumes_year_settle"}


def available_sources(wb: Workbook, year: int) -> list[str]:
    """Sources with data in the year; ``combined`` first when both sheets have it."""
    present = [s for s in ("registrations", "volumes") if wb.has(s) and year in wb.years_in(s)]
    return (["combined"] if len(present) == 2 else []) + present


def exceptions_view(exceptions: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """Exceptions with their kind and explanation in the reader's language."""
    explanation = [
        t(code, **params) if code else message
        for code, params, message in zip(
            exceptions["message_code"], exceptions["params"], exceptions["message"], strict=True
        )
    ]
    return pd.DataFrame(
        {
            t("ui_kind"): exceptions["kind"].map(lambda k: t(f"settlement_kind_{k}")),
            t("ui_key"): exception_keys(exceptions, state.lang()),
            t("ui_hospital"): exceptions["hospital_id"],
            t("ui_partner"): exceptions["partner_hospital"],
            t("ui_patient"): exceptions["patient_id"],
            t("ui_message"): explanation,
        }
    )


def main() -> None:
    wb, year = state.current_book(), state.year()
    st.header(t("ui_page_settlement_year", year=str(year)))
    sources = available_sources(wb, year)
    if not sources:
        st.info(t("ui_kf_no_settlement"))
        return
    source = st.radio(
        t("ui_source"),
        sources,
        horizontal=True,
        key=f"source_{'_'.join(sources)}",
        format_func=lambda s: t(f"settlement_source_{s}"),
    )
    try:
        result = state.settlement(wb, wb.sha256, year, source)
    except SpreidingInputError as exc:
        st.info(finding_md(exc.findings[0]))
        return
    for sheet, code in MISSING.items():
        if wb.has(sheet) and sheet not in sources:
            st.info(t(code, year=str(year)))
    for note in result.notes:
        st.info(rendered_md(note))
    if result.invariants_hold:
        st.success(t("ui_invariants_ok"))
    else:
        broken = "; ".join(
            f"{t(f'settlement_invariant_{k}')}: {describe(v[0], state.lang())}"
            for k, v in result.invariants.items()
            if v
        )
        st.error(t("ui_invariants_bad", what=broken))
    st.download_button(
        t("ui_download_settlement"),
        lambda: state.settlement_workbook(wb, wb.sha256, year, source),
        file_name=f"verrekening_{year}_{source}.xlsx",
        key="download_settlement",
        mime=XLSX,
        on_click=audit.record,
        args=("download", f"settlement {wb.source_name}, {year}, {source}"),
    )
    st.subheader(t("ui_summary"))
    st.caption(t("ui_money_source", source=t(f"settlement_source_{result.source}")))
    dataframe(
        st,
        money_view(
            result.hospitals,
            {
                "hospital_id": t("ui_hospital"),
                "insurer_declared_cents": t("ui_declared"),
                "insurer_paid_cents": t("ui_paid"),
                "odv_receivable_cents": t("ui_odv_receivable"),
                "odv_payable_cents": t("ui_odv_payable"),
                "secondment_receivable_cents": t("ui_secondment_receivable"),
                "secondment_payable_cents": t("ui_secondment_payable"),
                "net_position_cents": t("ui_net_position"),
            },
        ),
        hide_index=True,
        key="summary",
    )
    left, right = st.columns(2)
    left.subheader(t("ui_pairs"))
    dataframe(
        left,
        money_view(
            result.pairs,
            {"payer": t("ui_payer"), "payee": t("ui_payee"), "net_cents": t("ui_amount")},
        ),
        hide_index=True,
    )
    right.subheader(t("ui_payments"))
    dataframe(
        right,
        money_view(
            result.payments,
            {"payer": t("ui_payer"), "payee": t("ui_payee"), "amount_cents": t("ui_amount")},
        ),
        hide_index=True,
    )
    names = care_form_names(wb)
    st.subheader(t("ui_exceptions"))
    if result.exceptions.empty:
        st.markdown(t("ui_att_exceptions_none"))
    else:
        dataframe(st, exceptions_view(result.exceptions, names), hide_index=True, width="stretch")
    st.subheader(t("ui_monitoring"))
    monitoring = result.monitoring
    dataframe(
        st,
        pd.DataFrame(
            {
                t("ui_agreement"): monitoring["agreement_id"],
                t("ui_care_form"): monitoring["care_form_id"].map(names),
                t("ui_sending"): monitoring["sending_hospital"],
                t("ui_performing"): monitoring["performing_hospital"],
                t("ui_mode"): monitoring["mode"].map(lambda m: t(f"ui_mode_{m}")),
                # "–" where not visible in the source or not planned
                t("ui_planned"): monitoring["planned_cases"].map(fmt_number),
                t("ui_realised"): monitoring["realised_cases"].map(fmt_number),
                t("ui_deviation"): monitoring["deviation_cases"].map(fmt_number),
            }
        ),
        hide_index=True,
        width="stretch",
    )


main()
