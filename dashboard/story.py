"""What the user edited on the scenario page (no streamlit here); the story of a scenario itself
is :func:`optimizer.story.tell`."""

from __future__ import annotations

import pandas as pd

KEY = ["sending_hospital", "care_form_id", "performing_hospital"]


def edited_agreements(agreements: pd.DataFrame, edits: pd.DataFrame) -> pd.DataFrame:
    """The workbook's agreements with ``share`` and ``mode`` taken from the page's editor.

    ``edits``: agreement_id, share, mode (agreements not in it keep no share).
    """
    return agreements.drop(columns=["share", "mode"]).merge(
        edits[["agreement_id", "share", "mode"]], on="agreement_id", how="left"
    )
