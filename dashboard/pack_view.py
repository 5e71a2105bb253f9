"""The board pack's download on the Scenario page: the PDF of the plan on screen and its deal,
in the reader's language, written only when the button is pressed."""

from __future__ import annotations

import streamlit as st

from boardpack.build import board_pack
from calculator.workbook import Workbook
from dashboard import audit, state
from dashboard.widgets import t
from optimizer.deal import Deal
from optimizer.optimize import OptimizeResult

PDF = "application/pdf"


def pack_download(wb: Workbook, result: OptimizeResult, deal: Deal | None) -> None:
    """A "Bestuursdocument (PDF)" button for a solved ``result`` (nothing without a plan)."""
    if not result.solved or result.story is None or result.capacity_after is None:
        return
    lang = state.lang()

    def pdf() -> bytes:
        return board_pack(wb, result, deal, lang).pdf

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
