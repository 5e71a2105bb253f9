"""What the board pack says, gathered as plain data from a plan and its deal."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from calculator.audit import product_version
from calculator.workbook import Workbook
from dashboard.geo import NEAR_CEILING
from messages.numbers import long_date
from optimizer.business_case import BusinessCase
from optimizer.deal import Deal
from optimizer.optimize import OptimizeResult
from optimizer.report import care_form_names
from optimizer.story import Story


@dataclass(frozen=True)
class PackContent:
    """The figures of one board pack.

    today : hospital_id, name, cases, or_utilisation, or_ceiling [share], norms_met,
        norms_total, margin_cents — per hospital before the plan (norms of the care forms it
        performs)
    after : the capacity report's hospitals after the plan (see
        :class:`optimizer.capacity.CapacityReport`) with ``near_ceiling``: OR or bed use
        within :data:`dashboard.geo.NEAR_CEILING` of its ceiling, not above it (as on the map)
    missed : hospital_id, care_form_id, cases, norm — norms still missed after the plan
    """

    lang: str
    year: int
    book: str
    sha256: str
    version: str
    date: str
    names: dict[str, str]
    today: pd.DataFrame
    after: pd.DataFrame
    missed: pd.DataFrame
    result: OptimizeResult
    story: Story
    deal: Deal | None
    # the run's audit record in one line (run id, SHA-256, version, command and options)
    run_line: str = ""
    # the plan's business case over the years (None: not asked for, or no plan)
    case: BusinessCase | None = None


def gather(
    wb: Workbook,
    result: OptimizeResult,
    deal: Deal | None,
    lang: str,
    day: dt.date | None = None,
) -> PackContent:
    """The pack's figures of a solved ``result`` (raises ``ValueError`` without a plan)."""
    story, after = result.story, result.capacity_after
    if story is None or after is None or result.money is None:
        msg = "a board pack needs a solved plan"
        raise ValueError(msg)
    h = story.hospitals
    before = result.capacity_before.hospitals.set_index("hospital_id")
    names = dict(zip(wb.hospitals["hospital_id"], wb.hospitals["name"], strict=True))
    today = pd.DataFrame(
        {
            "hospital_id": h["hospital_id"],
            "name": h["hospital_id"].map(names),
            "cases": h["cases_before"],
            "or_utilisation": h["hospital_id"].map(before["or_utilisation"]),
            "or_ceiling": h["hospital_id"].map(before["or_ceiling"]),
            "norms_met": h["norms_met_before"],
            "norms_total": h["norms_met_before"] + h["norms_short_before"],
            "margin_cents": h["margin_cents_before"],
        }
    ).reset_index(drop=True)
    a = after.hospitals
    near = (a["or_utilisation"] > a["or_ceiling"] - NEAR_CEILING) | (
        a["bed_utilisation"].notna() & (a["bed_utilisation"] > a["bed_ceiling"] - NEAR_CEILING)
    )
    n = after.norms
    missed = n[(n["norm"] > 0) & (n["cases"] > 1e-9) & ~n["meets_norm"]]
    return PackContent(
        lang=lang,
        year=result.year,
        book=wb.source_name,
        sha256=wb.sha256,
        version=product_version(),
        date=long_date(day or dt.date.today(), lang),
        names=care_form_names(wb),
        today=today,
        after=a.assign(near_ceiling=near & ~a["above_ceiling"]).reset_index(drop=True),
        missed=missed[["hospital_id", "care_form_id", "cases", "norm"]].reset_index(drop=True),
        result=result,
        story=story,
        deal=deal,
    )
