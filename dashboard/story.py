"""The story of a scenario: what the user edited, and what moves where (no streamlit here)."""

from __future__ import annotations

import pandas as pd


def edited_agreements(agreements: pd.DataFrame, edits: pd.DataFrame) -> pd.DataFrame:
    """The workbook's agreements with ``share`` and ``mode`` taken from the page's editor.

    ``edits``: agreement_id, share, mode (agreements not in it keep no share).
    """
    return agreements.drop(columns=["share", "mode"]).merge(
        edits[["agreement_id", "share", "mode"]], on="agreement_id", how="left"
    )
