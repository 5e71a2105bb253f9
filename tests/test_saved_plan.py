"""A plan given as flows (a scenario saved on the dashboard) reads back as the plan it was:
the optimiser's own plan of the sample, evaluated from its flows alone, has the same money,
story and proposals as the optimiser reported."""

from __future__ import annotations

import pandas as pd
import pytest

from messages import Message
from optimizer.saved_plan import SAVED, plan_from_flows

LABEL = Message("pack_plan_saved", {"name": "x", "year": "2025"})


@pytest.fixture(scope="module")
def optimised(sample_book, sample_optimised):
    return sample_book, sample_optimised


def test_the_optimised_plan_reads_back_as_itself(optimised) -> None:
    wb, result = optimised
    saved = plan_from_flows(wb, 2025, result.flows, result.options, LABEL)
    assert saved.status == SAVED and saved.solved and saved.whole
    pd.testing.assert_frame_equal(saved.money, result.money)
    assert saved.story.region == result.story.region
    key = ["care_form_id", "sending_hospital", "performing_hospital", "cases"]
    pd.testing.assert_frame_equal(saved.proposals[key], result.proposals[key])
    pd.testing.assert_frame_equal(saved.flows, result.flows, check_dtype=False)
    assert list(saved.story.moves["agreement"]) == list(result.story.moves["agreement"])
    assert saved.goals == [LABEL]


def test_today_as_a_plan_moves_nobody(optimised) -> None:
    """Today's flows as the plan: no move, no proposal, no margin change."""
    from optimizer.capacity import baseline_flows

    wb, result = optimised
    saved = plan_from_flows(wb, 2025, baseline_flows(wb, 2025), result.options, LABEL)
    assert saved.story.region["cases_moved"] == 0
    assert saved.proposals.empty
    assert (saved.money["margin_cents_change"] == 0).all()
