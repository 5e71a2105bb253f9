"""The business case of a plan over the years (issue 18, item 3): what each hospital gains or
pays, year by year, against today's allocation.

*Today* is the projection of the base year's flows (:func:`optimizer.projection.project`:
growth, phased agreements, indexed prices, insurer contracts carried forward). *The plan* is the
base year's planned flows projected the same way (:func:`optimizer.projection.flows_in_year`):
the agreed changes of agreement shares (phases, agreements that end) applied to the plan as to
today, then grown with the same growth per sending hospital × care form
(``cases × (1 + rate)^(year − base year)``, exact). So a plan equal to today has a business case
of zero in every year, and what differs in later years is the plan's own doing. Both sides are
priced with the same money rules (:func:`optimizer.capacity.money`) in each year's prices:
existing agreements in their own mode, proposed agreements (which have no agreement row) as
referral.

Per hospital h and year t [EUR cents]:

- margin change m = margin under the plan − margin today, without the value of freed OR time;
- freed OR value b = OR minutes freed against today × the hospital's backfill margin per minute;
- gain before transfers g = m + b;
- compensation c = the ``split`` rule applied to the year's gains when the region gains
  (Σ g > 0), else 0 (:func:`optimizer.compensation.split`; Σ_h c = 0);
- one-off costs k (sheet ``one_off_costs``) and funding f (sheet ``funding``);
- position p = m + b + c − k + f, cumulative position P_t = Σ_{s ≤ t} p_s.

The break-even year is the first year from which P stays ≥ 0 through the last year (none when
the last year's P < 0); the pre-financing is max(0, −min_t P_t); the net present value at rate r
is NPV = Σ_k p_k / (1 + r)^k with k the years after the first, computed as an exact fraction
and rounded half-up once to cents. The region is the sum of the hospitals, its NPV the NPV of its
positions (rounded once, so it may differ from the sum of the hospitals' NPVs by less than a
cent per hospital).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from fractions import Fraction

import pandas as pd

from calculator.money import decimal, eur_to_cents, round_half_up
from calculator.workbook import Workbook
from messages import Message
from optimizer.capacity import FLOW_COLUMNS, money
from optimizer.compensation import RULES, ShapleyValues, Split, split
from optimizer.projection import (
    AgreementShares,
    Projection,
    agreement_shares,
    base_flows,
    contracts_carried,
    flows_in_year,
    project,
)

DEFAULT_DISCOUNT_RATE = Decimal("0.04")
MAX_YEARS = 30  # a business case spans at most this many years (--from … --to)
PARTS = [
    "margin_change_cents",
    "freed_or_cents",
    "compensation_cents",
    "one_off_cents",
    "funding_cents",
]
YEAR_COLUMNS = ["year", "hospital_id", *PARTS, "position_cents", "cumulative_cents"]
SUMMARY_COLUMNS = [
    "hospital_id",
    "total_cents",
    "break_even_year",
    "npv_cents",
    "prefinancing_cents",
    "lowest_year",
]


@dataclass(frozen=True)
class BusinessCase:
    """The business case of a plan from ``years[0]`` (the base year) through ``years[-1]``.

    yearly : YEAR_COLUMNS — per year and hospital: margin change, value of freed OR time,
        compensation received (negative: paid), one-off costs (a cost, positive), funding
        received, the year's position and the cumulative position [EUR cents]
    hospitals : SUMMARY_COLUMNS — per hospital: the sum of its positions, the break-even year
        (<NA>: not within the years), the NPV, the pre-financing (its lowest cumulative position
        as a positive amount, 0 if never negative) and the year of that lowest position (<NA>
        when never negative) [EUR cents]
    region_yearly : YEAR_COLUMNS without hospital_id — the sum of the hospitals per year
    region : one row of SUMMARY_COLUMNS for the region (hospital_id empty)
    splits : the compensation table of each year the region gains (with a rule)
    notes : what the reader must know (Messages): the plan's assumptions, years the region
        loses, cost or funding rows outside the years
    problems : invariants that do not hold (Messages; empty = every check holds)
    """

    years: tuple[int, ...]
    rule: str | None
    discount_rate: Decimal
    yearly: pd.DataFrame
    hospitals: pd.DataFrame
    region_yearly: pd.DataFrame
    region: pd.DataFrame
    splits: dict[int, Split] = field(default_factory=dict)
    notes: list[Message] = field(default_factory=list)
    problems: list[Message] = field(default_factory=list)

    @property
    def holds(self) -> bool:
        return not self.problems


# ---------------------------------------------------------------------- the plan's years


def _decimal_cases(flows: pd.DataFrame) -> pd.DataFrame:
    f = flows[FLOW_COLUMNS].copy()
    f["cases"] = [c if isinstance(c, Decimal) else decimal(float(c)) for c in f["cases"]]
    f = f[[c > 0 for c in f["cases"]]]
    return f.groupby(FLOW_COLUMNS[:3], as_index=False)["cases"].agg(lambda v: sum(v, Decimal(0)))


def plan_in_year(
    wb: Workbook,
    plan: pd.DataFrame,
    first: int,
    year: int,
    shares: AgreementShares,
    notes: list[tuple[str, dict[str, object]]],
) -> pd.DataFrame:
    """The base year's plan flows (FLOW_COLUMNS) in ``year``, projected as today's are
    (:func:`optimizer.projection.flows_in_year`): each agreed change of an agreement's share
    (phases, an agreement that ends) applied to the plan too, then grown per sending hospital
    × care form, cases × (1 + rate)^(year − first), exact [Decimal]. A plan equal to today
    stays equal to today in every year."""
    return flows_in_year(
        wb, _decimal_cases(plan).reset_index(drop=True), first, year, shares, notes
    )


# ---------------------------------------------------------------------- yearly arithmetic


def break_even_year(years: list[int], cumulative: list[int]) -> int | None:
    """The first year from which the cumulative position stays ≥ 0 through the last year."""
    below = [i for i, value in enumerate(cumulative) if value < 0]
    if not below:
        return years[0] if years else None
    return years[below[-1] + 1] if below[-1] + 1 < len(years) else None


def npv_exact(positions: list[int], rate: Decimal) -> Fraction:
    """Σ_k p_k / (1 + r)^k [cents, exact], k = 0 for the first year."""
    factor = 1 + Fraction(rate)
    return sum((Fraction(p) / factor**k for k, p in enumerate(positions)), Fraction(0))


def npv_cents(positions: list[int], rate: Decimal) -> int:
    """:func:`npv_exact` rounded half-up once to whole cents."""
    return round_half_up(npv_exact(positions, rate))


def prefinancing_cents(cumulative: list[int]) -> int:
    """The lowest cumulative position as a positive amount, 0 if never negative."""
    return max(0, -min(cumulative, default=0))


def _summary(hospital: str, years: list[int], positions: list[int], rate: Decimal) -> dict:
    cumulative = list(pd.Series(positions, dtype="int64").cumsum())
    lowest = min(range(len(years)), key=lambda i: (cumulative[i], i)) if years else None
    return {
        "hospital_id": hospital,
        "total_cents": int(sum(positions)),
        "break_even_year": break_even_year(years, [int(c) for c in cumulative]),
        "npv_cents": npv_cents(positions, rate),
        "prefinancing_cents": prefinancing_cents([int(c) for c in cumulative]),
        "lowest_year": years[lowest] if lowest is not None and cumulative[lowest] < 0 else None,
    }


def _summaries(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=SUMMARY_COLUMNS)
    for column in ("break_even_year", "lowest_year"):
        frame[column] = frame[column].astype("Int64")
    for column in ("total_cents", "npv_cents", "prefinancing_cents"):
        frame[column] = frame[column].astype("int64")
    return frame


def amounts_by_year(
    sheet: pd.DataFrame, name: str, years: tuple[int, ...]
) -> tuple[dict[tuple[str, int], int], list[Message]]:
    """(hospital, year) → Σ amount [cents] of a ``one_off_costs`` or ``funding`` sheet within
    ``years``; a row in another year is left out of the sums and said in a note."""
    out: dict[tuple[str, int], int] = {}
    notes = []
    for hospital, year, amount, row in sheet[
        ["hospital_id", "year", "amount", "excel_row"]
    ].itertuples(index=False):
        cents = eur_to_cents(amount) or 0
        if int(year) not in years:
            notes.append(
                Message(
                    "bc_note_outside_years",
                    {
                        "sheet": name,
                        "row": int(row),
                        "hospital": str(hospital),
                        "year": str(int(year)),
                        "amount_cents": cents,
                        "first": str(years[0]),
                        "last": str(years[-1]),
                    },
                )
            )
            continue
        key = (str(hospital), int(year))
        out[key] = out.get(key, 0) + cents
    return out, notes


# ---------------------------------------------------------------------- the business case

Progress = Callable[[int, int, str], None]


def business_case(
    wb: Workbook,
    first: int,
    last: int,
    plan: pd.DataFrame,
    *,
    rule: str | None = None,
    shapley: ShapleyValues | None = None,
    caps: str = "fixed",
    discount_rate: Decimal = DEFAULT_DISCOUNT_RATE,
    today: Projection | None = None,
    progress: Progress | None = None,
) -> BusinessCase:
    """The business case of ``plan`` (the base year ``first``'s flows: FLOW_COLUMNS) through
    ``last`` against today's allocation (``today``: the projection of ``first..last``, made
    here when not given). ``rule`` is a split rule of :mod:`optimizer.compensation` (None:
    no compensation); a ``shapley`` split shares every year's gain by ``shapley`` (the base
    year's values)."""
    if rule is not None and rule not in RULES:
        msg = f"unknown split rule {rule!r}; expected one of {', '.join(RULES)}"
        raise ValueError(msg)
    today = today if today is not None else project(wb, first, last)
    years = tuple(range(first, last + 1))
    wb_years, _ = contracts_carried(wb, list(years))
    hospitals = sorted(wb.hospitals["hospital_id"])
    costs, cost_notes = amounts_by_year(wb.one_off_costs, "one_off_costs", years)
    funds, fund_notes = amounts_by_year(wb.funding, "funding", years)
    notes: list[Message] = [Message("bc_note_plan_grows", {"base": str(first)})]
    if rule is not None:
        notes.append(Message("bc_note_rule", {"rule": Message(f"bc_rule_{rule}")}))
    notes += cost_notes + fund_notes
    splits: dict[int, Split] = {}
    parts = []
    margin_today = today.hospitals.set_index(["year", "hospital_id"])["margin_cents"]
    shares = agreement_shares(wb, base_flows(wb, first), first)
    plan_notes: list[tuple[str, dict[str, object]]] = []
    for i, year in enumerate(years):
        now = today.flows[today.flows["year"] == year][FLOW_COLUMNS]
        now = now.assign(cases=now["cases"].astype(float), source=f"today {year}")
        planned = plan_in_year(wb, plan, first, year, shares, plan_notes)
        planned = planned.assign(cases=planned["cases"].astype(float), source=f"plan {year}")
        cash = money(wb_years, planned, year, before=now, caps=caps).set_index("hospital_id")
        frame = pd.DataFrame({"year": year, "hospital_id": hospitals})
        backfill = [int(cash.at[h, "backfill_cents"]) for h in hospitals]
        frame["margin_change_cents"] = [
            int(cash.at[h, "margin_cents"]) - b - int(margin_today.get((year, h), 0))
            for h, b in zip(hospitals, backfill, strict=True)
        ]
        frame["freed_or_cents"] = backfill
        gains = dict(
            zip(hospitals, frame["margin_change_cents"] + frame["freed_or_cents"], strict=True)
        )
        transfers = {h: 0 for h in hospitals}
        region_gain = sum(int(g) for g in gains.values())
        if rule is not None and region_gain > 0:
            year_split = split({h: int(g) for h, g in gains.items()}, rule, shapley)
            splits[year] = year_split
            transfers = dict(
                zip(
                    year_split.table["hospital_id"], year_split.table["transfer_cents"], strict=True
                )
            )
            for note in year_split.notes:
                if note not in notes:
                    notes.append(note)
        elif rule is not None:
            notes.append(
                Message("bc_note_no_compensation", {"year": str(year), "loss_cents": -region_gain})
            )
        frame["compensation_cents"] = [int(transfers[h]) for h in hospitals]
        frame["one_off_cents"] = [costs.get((h, year), 0) for h in hospitals]
        frame["funding_cents"] = [funds.get((h, year), 0) for h in hospitals]
        parts.append(frame)
        if progress is not None:
            progress(i + 1, len(years), str(year))
    for code, params in dict.fromkeys((code, tuple(params.items())) for code, params in plan_notes):
        if code == "proj_note_shift_limited":  # where the plan leaves too few cases to shift
            shown = {k: str(v) if k.endswith("year") else v for k, v in params}
            notes.append(Message("bc_note_plan_shift_limited", shown))
    yearly = pd.concat(parts, ignore_index=True)
    for column in PARTS:
        yearly[column] = yearly[column].astype("int64")
    yearly["position_cents"] = (
        yearly["margin_change_cents"]
        + yearly["freed_or_cents"]
        + yearly["compensation_cents"]
        - yearly["one_off_cents"]
        + yearly["funding_cents"]
    )
    yearly["cumulative_cents"] = yearly.groupby("hospital_id")["position_cents"].cumsum()
    yearly = yearly[YEAR_COLUMNS]
    region_yearly = (
        yearly.drop(columns=["hospital_id", "cumulative_cents"]).groupby("year").sum().reset_index()
    )
    region_yearly["cumulative_cents"] = region_yearly["position_cents"].cumsum()
    summaries = [
        _summary(
            h,
            list(years),
            [int(p) for p in yearly.loc[yearly["hospital_id"] == h, "position_cents"]],
            discount_rate,
        )
        for h in hospitals
    ]
    region = _summary(
        "", list(years), [int(p) for p in region_yearly["position_cents"]], discount_rate
    )
    case = BusinessCase(
        years=years,
        rule=rule,
        discount_rate=discount_rate,
        yearly=yearly,
        hospitals=_summaries(summaries),
        region_yearly=region_yearly,
        region=_summaries([region]),
        splits=splits,
        notes=notes,
    )
    problems = check(case, sum(costs.values()), sum(funds.values()))
    return replace(case, problems=problems)


# ---------------------------------------------------------------------- invariants


def _p(code: str, **params: object) -> Message:
    return Message(f"bc_invariant_{code}", params)


def compensation_sums_to_zero(case: BusinessCase) -> list[Message]:
    total = case.yearly.groupby("year")["compensation_cents"].sum()
    return [_p("compensation", year=str(y), total_cents=int(t)) for y, t in total.items() if t]


def positions_add_up(case: BusinessCase) -> list[Message]:
    y = case.yearly
    expected = (
        y["margin_change_cents"]
        + y["freed_or_cents"]
        + y["compensation_cents"]
        - y["one_off_cents"]
        + y["funding_cents"]
    )
    bad = y[expected != y["position_cents"]]
    return [_p("position", hospital=h, year=str(t)) for h, t in bad[["hospital_id", "year"]].values]


def cumulative_is_running_sum(case: BusinessCase) -> list[Message]:
    out = []
    for hospital, rows in case.yearly.sort_values("year").groupby("hospital_id"):
        running = 0
        for year, position, cumulative in rows[
            ["year", "position_cents", "cumulative_cents"]
        ].itertuples(index=False):
            running += int(position)
            if running != int(cumulative):
                out.append(_p("cumulative", hospital=str(hospital), year=str(year)))
    return out


def region_is_sum_of_hospitals(case: BusinessCase) -> list[Message]:
    sums = case.yearly.groupby("year")[[*PARTS, "position_cents", "cumulative_cents"]].sum()
    region = case.region_yearly.set_index("year")[sums.columns]
    out = [
        _p("region", year=str(year), column=column)
        for column in sums.columns
        for year in sums.index
        if int(sums.at[year, column]) != int(region.at[year, column])
    ]
    if int(case.hospitals["total_cents"].sum()) != int(case.region["total_cents"].iloc[0]):
        out.append(_p("region", year="–", column="total_cents"))
    # each NPV is rounded once: the sum of n rounded values is within n/2 cents of the region's
    gap = abs(int(case.hospitals["npv_cents"].sum()) - int(case.region["npv_cents"].iloc[0]))
    if 2 * gap > len(case.hospitals):
        out.append(_p("region", year="–", column="npv_cents"))
    return out


def no_hospital_below_today(case: BusinessCase) -> list[Message]:
    """In a year the region gains and a rule shares it, no hospital ends below today."""
    out = []
    for year in case.splits:
        rows = case.yearly[case.yearly["year"] == year]
        after = rows["margin_change_cents"] + rows["freed_or_cents"] + rows["compensation_cents"]
        out += [
            _p("below_today", hospital=h, year=str(year))
            for h, a in zip(rows["hospital_id"], after, strict=True)
            if a < 0
        ]
    return out


def inputs_carried(case: BusinessCase, costs_cents: int, funding_cents: int) -> list[Message]:
    """Every one-off cost and funding row within the years is in the table, no more."""
    out = []
    if int(case.yearly["one_off_cents"].sum()) != costs_cents:
        out.append(_p("inputs", sheet="one_off_costs"))
    if int(case.yearly["funding_cents"].sum()) != funding_cents:
        out.append(_p("inputs", sheet="funding"))
    return out


def check(case: BusinessCase, costs_cents: int, funding_cents: int) -> list[Message]:
    """Every invariant of a business case; the zero-sum check of the compensation runs last."""
    return (
        positions_add_up(case)
        + cumulative_is_running_sum(case)
        + region_is_sum_of_hospitals(case)
        + no_hospital_below_today(case)
        + inputs_carried(case, costs_cents, funding_cents)
        + compensation_sums_to_zero(case)
    )
