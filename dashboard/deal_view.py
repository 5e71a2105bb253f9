"""The deal on the Scenario page (issue 18): terms beside each new or grown agreement, and the
compensation table with the split rule to choose. Every text from the catalogue."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from calculator.workbook import Workbook
from dashboard import state
from dashboard.widgets import dataframe, fmt_euro, fmt_number, md, rendered_md, t, tm
from messages.numbers import euro
from optimizer.compensation import RULES
from optimizer.deal import Deal
from optimizer.deal_report import signed, split_lines, terms_lines
from optimizer.optimize import OptimizeResult
from optimizer.report import care_form_names


def _range(row: pd.Series) -> str:
    if pd.isna(row["odv_price_min_cents"]):
        return t("ui_deal_no_range")
    low, high = int(row["odv_price_min_cents"]), int(row["odv_price_max_cents"])
    if low == high:
        return t("ui_deal_one_price", price=fmt_euro_cents(low))
    return t("ui_deal_range", low=fmt_euro_cents(low), high=fmt_euro_cents(high))


def fmt_euro_cents(cents: int) -> str:
    """A price per patient, to the cent."""
    return euro(cents, with_cents=True, lang=state.lang())


def terms_table(wb: Workbook, deal: Deal) -> None:
    """One row per new or grown agreement: the ODV range, the advice, both margins under it."""
    terms = deal.terms.terms
    st.subheader(t("ui_deal_terms"))
    st.caption(t("ui_deal_terms_explained"))
    names = care_form_names(wb)
    dataframe(
        st,
        pd.DataFrame(
            {
                t("ui_care_form"): terms["care_form_id"].map(names),
                t("ui_deal_pair"): terms["sending_hospital"] + " → " + terms["performing_hospital"],
                t("ui_deal_patients"): terms["cases"].map(lambda v: fmt_number(v)),
                t("ui_deal_agreement"): [
                    a if a else t("ui_deal_new") for a in terms["agreement_id"]
                ],
                t("ui_deal_odv_range"): [_range(r) for _, r in terms.iterrows()],
                t("ui_deal_advice"): [
                    t(
                        "ui_deal_advice_value",
                        price=fmt_euro_cents(int(p)),
                        share=fmt_number(s, 4),
                    )
                    for p, s in zip(
                        terms["recommended_price_cents"], terms["recommended_share"], strict=True
                    )
                ],
                t("ui_margin_sending"): [
                    signed(int(v), state.lang()) for v in terms["margin_sending_cents"]
                ],
                t("ui_margin_performing"): [
                    signed(int(v), state.lang()) for v in terms["margin_performing_cents"]
                ],
                t("ui_deal_transfer_needed"): terms["transfer_to_sending_cents"].map(
                    lambda v: fmt_euro(int(v)) if v else "–"
                ),
            }
        ),
        hide_index=True,
        key="deal_terms",
    )
    with st.expander(t("ui_deal_in_words")):
        st.markdown(
            "\n".join(
                f"- {md(line.strip())}" for line in terms_lines(deal, state.lang(), names)[1:]
            )
        )


def compensation(deal: Deal) -> None:
    """The compensation table of the chosen rule: before, transfer, after; payments; notes."""
    s = deal.split
    for note in s.notes:
        st.info(rendered_md(note))
    if not s.gains:
        return
    st.markdown(tm("ui_deal_region_gains", gain=signed(s.region_gain_cents, state.lang())))
    dataframe(
        st,
        pd.DataFrame(
            {
                t("ui_hospital"): s.table["hospital_id"],
                t("ui_deal_before_transfers"): [
                    signed(int(v), state.lang()) for v in s.table["gain_cents"]
                ],
                t("ui_deal_transfer"): [
                    signed(int(v), state.lang()) for v in s.table["transfer_cents"]
                ],
                t("ui_deal_after_transfers"): [
                    signed(int(v), state.lang()) for v in s.table["final_cents"]
                ],
            }
        ),
        hide_index=True,
        key="deal_split",
    )
    payments = split_lines(s, state.lang())[-1] if len(s.payments) else ""
    if payments:
        st.markdown(md(payments.strip()))


def show_compensation(wb: Workbook, result: OptimizeResult) -> Deal | None:
    """The compensation table of the plan under the split rule chosen here (Shapley: one solve
    per coalition of hospitals); returns the deal (terms and compensation)."""
    st.subheader(t("ui_deal_compensation"))
    labels = {r: t(f"deal_rule_{r}") for r in RULES}  # in this run's language
    rule = st.radio(
        t("ui_deal_rule"),
        list(RULES),
        format_func=labels.__getitem__,
        horizontal=True,
        # per language: the options' labels change with it (a kept choice would name an
        # option that no longer exists)
        key=f"deal_rule_{state.lang()}",
    )
    if rule == "shapley":
        st.caption(t("ui_deal_shapley_explained"))
    with st.spinner(t("ui_deal_computing")):
        deal = state.deal_isolated(wb, result, rule)
    if deal is None:
        return None
    compensation(deal)
    return deal


def show_terms(wb: Workbook, result: OptimizeResult) -> None:
    """The terms of the plan's new and grown agreements (the same for every split rule)."""
    deal = state.deal_isolated(wb, result, "proportional")
    if deal is not None and len(deal.terms.terms):
        terms_table(wb, deal)
