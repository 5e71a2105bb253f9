"""The board pack of a plan in one call: the plan (optimised, or a saved scenario read back),
its deal and business case; then gather, draw the charts, lay out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from decimal import Decimal

import pandas as pd

from boardpack.content import gather
from boardpack.pdf import Pack, write_pack
from boardpack.pictures import render
from calculator.audit import Audit
from calculator.workbook import Workbook
from messages import Message
from optimizer.business_case import DEFAULT_DISCOUNT_RATE, BusinessCase, business_case
from optimizer.deal import Deal, deal_for, plan_and_deal
from optimizer.inputs import Options
from optimizer.optimize import OptimizeResult
from optimizer.projection import project
from optimizer.saved_plan import plan_from_flows

CASE_YEARS = 5  # the business case of the pack: the plan's year and the four after it


@dataclass(frozen=True)
class SavedPlan:
    """A plan saved on the dashboard: its flows and what it is in words."""

    flows: pd.DataFrame
    label: Message


def plan_deal_and_case(
    wb: Workbook,
    year: int,
    options: Options,
    rule: str = "proportional",
    last: int | None = None,
    rate: Decimal = DEFAULT_DISCOUNT_RATE,
    saved: SavedPlan | None = None,
) -> tuple[OptimizeResult, Deal | None, BusinessCase | None]:
    """The pack's plan (``saved``, or optimised with ``options``), its deal under ``rule`` and
    its business case from ``year`` through ``last`` (default: five years); without a plan
    neither deal nor case."""
    if saved is None:
        result, deal = plan_and_deal(wb, year, options, rule)
    else:
        result = plan_from_flows(wb, year, saved.flows, options, saved.label)
        deal = deal_for(wb, result, rule)
    return result, deal, business_case_of(wb, result, deal, last, rate)


def business_case_of(
    wb: Workbook,
    result: OptimizeResult,
    deal: Deal | None,
    last: int | None = None,
    rate: Decimal = DEFAULT_DISCOUNT_RATE,
) -> BusinessCase | None:
    """The business case of ``result``'s plan from its year through ``last`` (default: five
    years) with the compensation rule of ``deal``; None without a deal (no plan)."""
    if deal is None:
        return None
    year = result.year
    last = year + CASE_YEARS - 1 if last is None else last
    return business_case(
        wb,
        year,
        last,
        result.flows,
        rule=deal.split.rule,
        shapley=deal.split.shapley,
        caps=result.options.caps,
        discount_rate=rate,
        today=project(wb, year, last),
    )


def board_pack(
    wb: Workbook,
    result: OptimizeResult,
    deal: Deal | None,
    lang: str = "nl",
    day: dt.date | None = None,
    audit: Audit | None = None,
    case: BusinessCase | None = None,
) -> Pack:
    """The PDF of ``result``'s plan, ``deal`` and business ``case`` for the board, in ``lang``;
    ``audit`` (the run's record) closes the assumptions."""
    content = replace(gather(wb, result, deal, lang, day), case=case)
    if audit is not None:
        content = replace(content, run_line=audit.line(lang))
    return write_pack(content, render(wb, content))
