"""Verrekening: the yearly settlement, its exceptions and monitoring, and the workbook."""

from __future__ import annotations

import datetime as dt

import altair as alt
import pandas as pd
import streamlit as st

from calculator.errors import SpreidingInputError
from calculator.invariants import describe
from calculator.lines import exception_keys
from calculator.settle import SettlementResult
from calculator.steering_report import warning_text
from calculator.workbook import Workbook
from dashboard import access, audit, state
from dashboard.summaries import pair_basis
from dashboard.widgets import (
    care_form_names,
    chart,
    dataframe,
    finding_md,
    fmt_number,
    money_view,
    rendered,
    rendered_md,
    t,
)
from messages.numbers import euro

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
            t("ui_patient"): exceptions["patient_id"].fillna("–").replace("", "–"),
            t("ui_message"): explanation,
        }
    )


def main() -> None:
    wb, year = state.current_book(), state.year()
    st.header(t("ui_page_settlement_year", year=str(year)))
    settlement_tab, steering_tab = st.tabs([t("ui_tab_settlement"), t("ui_tab_steering")])
    with settlement_tab:
        settlement_part(wb, year)
    with steering_tab:
        steering_part(wb, year)


def settlement_part(wb: Workbook, year: int) -> None:
    """The settlement of the year: summary, pairs, payments, exceptions, monitoring."""
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
        lambda: state.settlement_workbook(
            wb, wb.sha256, year, source, state.user().pseudonyms, state.lang()
        ),
        file_name=t("ui_settlement_file", year=str(year), source=source),
        key="download_settlement",
        mime=XLSX,
        on_click=audit.record,
        args=("download", f"settlement {wb.source_name}, {year}, {source}"),
    )
    summary_tables(result)
    st.subheader(t("ui_pairs"))
    basis, why = pair_basis(result.lines, state.lang())
    pairs = money_view(
        result.pairs,
        {"payer": t("ui_payer"), "payee": t("ui_payee"), "net_cents": t("ui_amount")},
        cents=True,
    )
    pairs[t("ui_basis")] = [
        basis.get(tuple(sorted((a, b))), "")
        for a, b in zip(result.pairs["payer"], result.pairs["payee"], strict=True)
    ]
    dataframe(st, pairs, hide_index=True, width="stretch")
    for line in why:  # why a pair pays without a care agreement between the two
        st.caption(line)
    st.subheader(t("ui_payments"))
    dataframe(
        st,
        money_view(
            result.payments,
            {"payer": t("ui_payer"), "payee": t("ui_payee"), "amount_cents": t("ui_amount")},
            cents=True,
            total=t("ui_total"),
        ),
        hide_index=True,
    )
    names = care_form_names(wb)
    st.subheader(t("ui_exceptions"))
    if result.exceptions.empty:
        st.markdown(t("ui_att_exceptions_none"))
    else:
        # patient pseudonyms only of the reader's own hospital (all for the local tool)
        shown = access.mask_pseudonyms(result.exceptions, state.user().pseudonyms)
        dataframe(st, exceptions_view(shown, names), hide_index=True, width="stretch")
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
    by_insurer = result.monitoring_insurers
    if len(by_insurer):
        st.subheader(t("ui_monitoring_insurers"))
        st.dataframe(
            pd.DataFrame(
                {
                    t("ui_agreement"): by_insurer["agreement_id"],
                    t("ui_mode"): by_insurer["mode"].map(lambda m: t(f"ui_mode_{m}")),
                    t("ui_insurer"): by_insurer["insurer"],
                    t("ui_realised"): by_insurer["realised_cases"].map(fmt_number),
                    t("ui_consent"): by_insurer["consent"].map(
                        lambda c: t(f"settlement_consent_{c}") if c else "–"
                    ),
                }
            ),
            hide_index=True,
            width="stretch",
        )
    contracts_and_costs(result)


# the summary's money: with the insurers, and between the hospitals net per kind (receivable
# less payable; the workbook has both sides apart), each kind shown when some hospital has it
INSURER_COLUMNS = {
    "insurer_declared_cents": "ui_declared",
    "insurer_paid_cents": "ui_paid",
}
NET_KINDS = {
    "odv": "ui_net_odv",
    "secondment": "ui_net_secondment",
    "secondment_contract": "ui_net_contract",
    "network_costs": "ui_net_network",
    "compensation": "ui_net_compensation",
}


def summary_tables(result: SettlementResult) -> None:
    """The summary per hospital in cents as the workbook, in two tables that fit the page
    (with the insurers; between the hospitals, net per kind), each with its totals row."""
    st.subheader(t("ui_summary"))
    st.caption(t("ui_money_source", source=t(f"settlement_source_{result.source}")))
    h = result.hospitals
    net = h[["hospital_id", "net_position_cents"]].copy()
    between = {}
    for kind, code in NET_KINDS.items():
        receivable, payable = f"{kind}_receivable_cents", f"{kind}_payable_cents"
        if receivable in h and (h[receivable].ne(0).any() or h[payable].ne(0).any()):
            net[f"{kind}_net_cents"] = h[receivable] - h[payable]
            between[f"{kind}_net_cents"] = code
    for title, frame, columns in (
        ("ui_summary_insurers", h, INSURER_COLUMNS),
        ("ui_summary_between", net, between | {"net_position_cents": "ui_net_position"}),
    ):
        st.markdown(f"**{t(title)}**")
        shown = {"hospital_id": t("ui_hospital")} | {c: t(code) for c, code in columns.items()}
        dataframe(
            st,
            money_view(frame, shown, cents=True, total=t("ui_total")),
            hide_index=True,
            width="stretch",
            key=f"summary_{title}",
        )
    st.caption(t("ui_net_explained"))


def contracts_and_costs(result: SettlementResult) -> None:
    """Secondment contracts and network costs of the year, when the workbook has them."""
    if len(result.secondments):
        st.subheader(t("ui_secondment_contracts"))
        sc = result.secondments
        st.dataframe(
            pd.DataFrame(
                {
                    t("ui_contract"): sc["secondment_id"],
                    t("ui_from_paid"): sc["from_hospital"],
                    t("ui_to_pays"): sc["to_hospital"],
                    t("ui_role"): sc["role"],
                    t("ui_days"): sc["days"],
                    t("ui_hours"): sc["hours"].map(lambda h: fmt_number(h, 1)),
                    t("ui_hourly_rate"): sc["rate_cents"].map(
                        lambda c: euro(c, with_cents=True, lang=state.lang())
                    ),
                    t("ui_amount"): sc["amount_cents"].map(
                        lambda c: euro(c, with_cents=True, lang=state.lang())
                    ),
                }
            ),
            hide_index=True,
            width="stretch",
        )
    if len(result.network_costs):
        st.subheader(t("ui_network_costs"))
        nc = result.network_costs
        st.dataframe(
            pd.DataFrame(
                {
                    t("ui_cost"): nc["description"],
                    t("ui_key_split"): nc["key"].map(lambda k: t(f"settlement_network_key_{k}")),
                    t("ui_treasurer"): nc["treasurer_hospital"],
                    t("ui_hospital"): nc["hospital_id"],
                    t("ui_amount"): nc["part_cents"].map(
                        lambda c: euro(c, with_cents=True, lang=state.lang())
                    ),
                }
            ),
            hide_index=True,
            width="stretch",
        )


def steering_part(wb: Workbook, year: int) -> None:
    """Quarterly steering: planned against realised per quarter, forecast and cap warnings."""
    until = st.date_input(
        t("ui_until"),
        value=dt.date(year, 9, 30),
        min_value=dt.date(year, 1, 1),
        max_value=dt.date(year, 12, 31),
        format="DD-MM-YYYY",
        key=f"until_{year}",
    )
    try:
        s = state.steering(wb, wb.sha256, year, until)
    except SpreidingInputError as exc:
        st.info(exc.findings[0].message(state.lang()))
        return
    st.caption(t("ui_steering_days", days=s.days_elapsed, days_in_year=s.days_in_year))
    for note in s.notes:
        st.info(rendered(note))
    for row in s.warnings.itertuples(index=False):
        st.warning(warning_text(row, state.lang()))
    if s.warnings.empty:
        st.success(t("monitor_no_warnings"))
    names = care_form_names(wb)
    a = s.agreements
    st.dataframe(
        pd.DataFrame(
            {
                t("ui_agreement"): a["agreement_id"],
                t("ui_care_form"): a["care_form_id"].map(names),
                t("ui_sending"): a["sending_hospital"],
                t("ui_performing"): a["performing_hospital"],
                t("ui_planned_year"): a["planned_year"].map(fmt_number),
                t("ui_planned_to_date"): a["planned_to_date"].map(lambda x: fmt_number(x, 1)),
                t("ui_realised_to_date"): a["realised_to_date"].map(lambda x: fmt_number(x, 1)),
                t("ui_forecast_year"): a["forecast_year"].map(lambda x: fmt_number(x, 1)),
            }
        ),
        hide_index=True,
        width="stretch",
        key="steering_agreements",
    )
    choice = st.selectbox(t("ui_agreement"), list(a["agreement_id"]), key="steering_agreement")
    q = s.quarters[s.quarters["agreement_id"] == choice]
    bars = pd.concat(
        [
            pd.DataFrame(
                {
                    "kwartaal": "K" + q["quarter"].astype(str),
                    "soort": t("ui_planned"),
                    "n": q["planned_cases"],
                }
            ),
            pd.DataFrame(
                {
                    "kwartaal": "K" + q["quarter"].astype(str),
                    "soort": t("ui_realised"),
                    "n": q["realised_cases"],
                }
            ),
        ]
    ).dropna()
    chart(
        st,
        alt.Chart(bars)
        .mark_bar()
        .encode(
            x=alt.X("kwartaal:N", title=t("ui_quarter")),
            xOffset="soort:N",
            y=alt.Y("n:Q", title=t("ui_cases")),
            color=alt.Color("soort:N", title=""),
        ),
        key="steering_chart",
    )
    st.download_button(
        t("ui_download_steering"),
        lambda: state.steering_workbook(wb, wb.sha256, year, until),
        file_name=f"kwartaalsturing_{year}_{until:%Y%m%d}.xlsx",
        key="download_steering",
        mime=XLSX,
    )


main()
