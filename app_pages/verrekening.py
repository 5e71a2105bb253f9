"""Verrekening: the yearly settlement, its exceptions and monitoring, and the workbook."""

from __future__ import annotations

import streamlit as st

from calculator.errors import SpreidingInputError
from dashboard import state
from dashboard.widgets import fmt_number, money_view, t

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SOURCE_LABELS = {"registrations": "ui_registrations", "volumes": "ui_volumes_src"}


def main() -> None:
    wb, year = state.current_book(), state.year()
    st.header(t("ui_page_settlement_year", year=str(year)))
    sources = [s for s in SOURCE_LABELS if wb.has(s)]
    source = st.radio(
        t("ui_source"),
        sources,
        horizontal=True,
        key="source",
        format_func=lambda s: t(SOURCE_LABELS[s]),
    )
    try:
        result = state.settlement(wb, wb.sha256, year, source)
    except SpreidingInputError as exc:
        st.info(exc.findings[0].message())
        return
    if result.invariants_hold:
        st.success(t("ui_invariants_ok"))
    else:
        broken = "; ".join(f"{k}: {v[0]}" for k, v in result.invariants.items() if v)
        st.error(t("ui_invariants_bad", what=broken))
    st.download_button(
        t("ui_download_settlement"),
        state.settlement_workbook(wb, wb.sha256, year, source),
        file_name=f"verrekening_{year}_{source}.xlsx",
        key="download_settlement",
        mime=XLSX,
    )
    st.subheader(t("ui_summary"))
    st.dataframe(
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
    left.dataframe(
        money_view(
            result.pairs,
            {"payer": t("ui_payer"), "payee": t("ui_payee"), "net_cents": t("ui_amount")},
        ),
        hide_index=True,
    )
    right.subheader(t("ui_payments"))
    right.dataframe(
        money_view(
            result.payments,
            {"payer": t("ui_payer"), "payee": t("ui_payee"), "amount_cents": t("ui_amount")},
        ),
        hide_index=True,
    )
    st.subheader(t("ui_exceptions"))
    st.dataframe(
        result.exceptions[
            ["kind", "key", "hospital_id", "partner_hospital", "patient_id", "message"]
        ].rename(
            columns={
                "kind": t("ui_kind"),
                "key": t("ui_key"),
                "partner_hospital": t("ui_partner"),
                "hospital_id": t("ui_hospital"),
                "patient_id": t("ui_patient"),
                "message": t("ui_message"),
            }
        ),
        hide_index=True,
        width="stretch",
    )
    st.subheader(t("ui_monitoring"))
    monitoring = result.monitoring.copy()
    for col in ("planned_cases", "realised_cases", "deviation_cases"):
        monitoring[col] = monitoring[col].map(fmt_number)  # "–" where not visible or not planned
    st.dataframe(
        monitoring[
            [
                "agreement_id",
                "care_form_id",
                "sending_hospital",
                "performing_hospital",
                "mode",
                "planned_cases",
                "realised_cases",
                "deviation_cases",
            ]
        ].rename(
            columns={
                "agreement_id": t("ui_agreement"),
                "care_form_id": t("ui_care_form"),
                "sending_hospital": t("ui_sending"),
                "performing_hospital": t("ui_performing"),
                "mode": t("ui_mode"),
                "planned_cases": t("ui_planned"),
                "realised_cases": t("ui_realised"),
                "deviation_cases": t("ui_deviation"),
            }
        ),
        hide_index=True,
        width="stretch",
    )


main()
