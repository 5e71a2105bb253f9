"""The board pack's downloads: on the Scenario page the PDF of the plan on screen and its deal,
on the Vergelijken page the PDF of a saved scenario; each in the reader's language, with the
plan's business case over five years, written only when the button is pressed."""

from __future__ import annotations

import dataclasses

import streamlit as st

from boardpack.build import SavedPlan, board_pack, business_case_of, plan_deal_and_case
from calculator.audit import Audit
from calculator.workbook import Workbook
from dashboard import audit, state
from dashboard.widgets import t
from messages import Message
from optimizer.deal import Deal
from optimizer.inputs import Options
from optimizer.optimize import OptimizeResult

PDF = "application/pdf"


def _audit(wb: Workbook, given: dict[str, object]) -> Audit:
    return Audit("report", wb.source_name, wb.sha256, given)


def pack_download(wb: Workbook, result: OptimizeResult, deal: Deal | None) -> None:
    """A "Bestuursdocument (PDF)" button for a solved ``result`` (nothing without a plan)."""
    if not result.solved or result.story is None or result.capacity_after is None:
        return
    lang = state.lang()

    def pdf() -> bytes:
        case = business_case_of(wb, result, deal)
        given = {"year": result.year, **dataclasses.asdict(result.options)}
        given["split"] = deal.split.rule if deal is not None else None
        return board_pack(wb, result, deal, lang, audit=_audit(wb, given), case=case).pdf

    st.download_button(
        t("pack_download"),
        pdf,
        file_name=f"bestuur_{result.year}.pdf" if lang == "nl" else f"board_{result.year}.pdf",
        mime=PDF,
        help=t("pack_download_help"),
        key="download_pack",
        on_click=audit.record,
        args=("download", f"board pack {result.year}"),
    )


def saved_pack_download(wb: Workbook, name: str, info: dict[str, object]) -> None:
    """The board pack of the saved scenario ``name`` (``info``: as the store gives it) on the
    open workbook; a scenario saved without its flows or on another workbook says why not."""
    flows = state.store().flows(name)
    if flows is None:
        st.caption(t("pack_saved_no_flows", name=name))
        return
    if info["input_sha256"] != wb.sha256:
        st.caption(t("pack_saved_other_book", name=name))
        return
    year, lang = int(str(info["year"])), state.lang()

    def pdf() -> bytes:
        label = Message("pack_plan_saved", {"name": name, "year": str(year)})
        result, deal, case = plan_deal_and_case(wb, year, Options(), saved=SavedPlan(flows, label))
        given = {"year": year, "scenario": name, "split": "proportional"}
        return board_pack(wb, result, deal, lang, audit=_audit(wb, given), case=case).pdf

    st.download_button(
        t("pack_download_saved", name=name),
        pdf,
        file_name=f"bestuur_{year}_{name}.pdf" if lang == "nl" else f"board_{year}_{name}.pdf",
        mime=PDF,
        help=t("pack_download_help"),
        key="download_saved_pack",
        on_click=audit.record,
        args=("download", f"board pack {year} {name}"),
    )
