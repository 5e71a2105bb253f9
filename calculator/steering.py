"""Quarterly steering (issue 20, item 2): planned against realised moved cases per quarter and
year to date, a forecast of the year, and an early warning when an insurer's revenue cap will be
reached before the year ends at the current pace.

Realised figures are what the settlement of the year would count if the year ended on a given
day: the workbook is cut at that day (registrations by start date; volumes by their
``period_from``/``period_to``, a row over the cut counted pro rata by days) and settled as usual
(the default combined source). A quarter's realised cases are the difference between the cuts at
its end and at the end of the quarter before. Volumes without a period cannot be placed in a
quarter; they count only once the whole year is in (and a note says how many there are).

Plans: the optional sheet ``planning`` (agreement_id, year, quarter, planned_cases); an agreement
without planning rows has its yearly ``planned_cases`` spread evenly over the quarters.

Forecast of the year: the realised cases to date × days in the year / days elapsed (the current
pace). Early warning: per hospital and insurer with a cap, the declared revenue to date at the
same pace; when that reaches the cap before 31 December, the day and its month are named.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

import pandas as pd

from calculator.agreements import in_force_in_year
from calculator.audit import Audit
from calculator.errors import Finding, SpreidingInputError
from calculator.money import exact, round_half_up
from calculator.settle import SettlementResult, settle
from calculator.workbook import Workbook
from messages import Message

QUARTER_COLUMNS = [
    "agreement_id",
    "care_form_id",
    "sending_hospital",
    "performing_hospital",
    "mode",
    "quarter",
    "status",
    "planned_cases",
    "realised_cases",
    "deviation_cases",
]
AGREEMENT_COLUMNS = [
    "agreement_id",
    "care_form_id",
    "sending_hospital",
    "performing_hospital",
    "mode",
    "planned_year",
    "planned_to_date",
    "realised_to_date",
    "deviation_to_date",
    "forecast_year",
    "forecast_deviation",
    "plan_source",
]
WARNING_COLUMNS = [
    "hospital_id",
    "insurer",
    "revenue_cap_cents",
    "declared_to_date_cents",
    "forecast_year_cents",
    "reached_on",
    "reached_month",
    "already_reached",
]


@dataclass(frozen=True)
class Steering:
    """Quarterly steering of ``year`` up to and including ``until``.

    Frames
    ------
    quarters : per agreement and quarter: planned, realised, deviation and status (``closed``:
        the quarter ended on or before ``until``; ``current``: ``until`` falls in it, realised
        so far; ``ahead``: not begun)
    agreements : per agreement: planned for the year and to date (whole quarters plus the days
        of the current one), realised to date, forecast of the year at the current pace
    warnings : per hospital and insurer whose cap is reached before year end at the current pace
    """

    year: int
    until: dt.date
    days_elapsed: int
    days_in_year: int
    quarters: pd.DataFrame
    agreements: pd.DataFrame
    warnings: pd.DataFrame
    notes: tuple[Message, ...]
    input_name: str = ""
    input_sha256: str = ""
    audit: Audit | None = None


def quarter_ends(year: int) -> list[dt.date]:
    return [dt.date(year, 3, 31), dt.date(year, 6, 30), dt.date(year, 9, 30), dt.date(year, 12, 31)]


def cut_at(wb: Workbook, year: int, day: dt.date) -> Workbook:
    """``wb`` as if the year ended on ``day``: registrations of the year that started after it
    and volume rows of the year that begin after it are left out; a volume row whose period runs
    past ``day`` keeps the share of its cases for its days up to ``day``; a volume row of the
    year without a period is left out unless ``day`` is 31 December."""
    r = wb.registrations
    start = r["start_date"]
    keep_r = (start.dt.year != year) | (start <= pd.Timestamp(day))
    v = wb.volumes
    in_year = v["year"] == year
    first = pd.to_datetime(v["period_from"]).fillna(pd.Timestamp(year, 1, 1))
    last = pd.to_datetime(v["period_to"]).fillna(pd.Timestamp(year, 12, 31))
    tagged = v["period_from"].notna() | v["period_to"].notna()
    whole_year = day >= dt.date(year, 12, 31)
    cut = pd.Timestamp(day)
    days = (last - first).dt.days + 1
    inside = ((last.where(last < cut, cut) - first).dt.days + 1).clip(lower=0)
    share = (inside / days).where(days > 0, 0.0)
    cases = v["cases"].where(~in_year | whole_year | ~tagged, v["cases"] * share)
    keep_v = ~in_year | whole_year | (tagged & (inside > 0))
    volumes = v.assign(
        cases=cases,
        period_to=v["period_to"].where(~in_year | whole_year | (last <= cut), cut),
    )[keep_v]
    return dataclasses.replace(wb, registrations=r[keep_r], volumes=volumes)


def _settled(wb: Workbook, year: int) -> SettlementResult | None:
    """The settlement of a cut workbook, or None when it has nothing of the year yet."""
    try:
        return settle(wb, year)
    except SpreidingInputError as exc:
        if all(f.code == "year_absent" for f in exc.findings):
            return None
        raise


def _realised(result: SettlementResult | None) -> dict[str, float]:
    if result is None:
        return {}
    m = result.monitoring
    return {
        a: float(n)
        for a, n in zip(m["agreement_id"], m["realised_cases"], strict=True)
        if not pd.isna(n)
    }


def plans(wb: Workbook, year: int, agreements: pd.DataFrame) -> dict[str, tuple[list[float], str]]:
    """Per agreement: planned cases per quarter and where they come from (``planning`` sheet,
    ``yearly`` planned_cases spread evenly, or ``none``)."""
    p = wb.planning[wb.planning["year"] == year]
    out = {}
    for agreement, yearly in zip(
        agreements["agreement_id"], agreements["planned_cases"], strict=True
    ):
        rows = p[p["agreement_id"] == agreement]
        if len(rows):
            q = [0.0] * 4
            for quarter, n in zip(rows["quarter"], rows["planned_cases"], strict=True):
                q[int(quarter) - 1] += float(n)
            out[agreement] = (q, "planning")
        elif not pd.isna(yearly):
            out[agreement] = ([float(yearly) / 4] * 4, "yearly")
        else:
            out[agreement] = ([0.0] * 4, "none")
    return out


def steer(wb: Workbook, year: int, until: dt.date) -> Steering:
    """Quarterly steering of ``year`` with the data up to ``until`` (a day in ``year``)."""
    if until.year != year:
        raise SpreidingInputError(
            [
                Finding(
                    "",
                    None,
                    "",
                    f"--until {until:%Y-%m-%d}",
                    code="monitor_until_outside_year",
                    params={"year": str(year)},
                )
            ]
        )
    first = dt.date(year, 1, 1)
    in_year = (dt.date(year, 12, 31) - first).days + 1
    elapsed = (until - first).days + 1
    ends = quarter_ends(year)
    cuts = [e for e in ends if e < until] + [until]
    results = [_settled(cut_at(wb, year, day), year) for day in cuts]
    cumulative = [_realised(r) for r in results]
    agreements = in_force_in_year(wb.agreements, year).sort_values("agreement_id")
    planned = plans(wb, year, agreements)
    quarter_rows, agreement_rows = [], []
    for a in agreements.itertuples(index=False):
        q_plan, plan_source = planned[a.agreement_id]
        before = 0.0
        realised_to_date = cumulative[-1].get(a.agreement_id, 0.0)
        for q in range(4):
            start = ends[q - 1] + dt.timedelta(days=1) if q else first
            if ends[q] <= until:
                status = "closed"
            elif start <= until:
                status = "current"
            else:
                status = "ahead"
            realised = None
            if status != "ahead":
                now = cumulative[min(q, len(cumulative) - 1)].get(a.agreement_id, 0.0)
                realised, before = now - before, now
            quarter_rows.append(
                (
                    a.agreement_id,
                    a.care_form_id,
                    a.sending_hospital,
                    a.performing_hospital,
                    a.mode,
                    q + 1,
                    status,
                    q_plan[q],
                    realised,
                    None if realised is None else realised - q_plan[q],
                )
            )
        to_date = 0.0
        for q in range(4):
            start = ends[q - 1] + dt.timedelta(days=1) if q else first
            if ends[q] <= until:
                to_date += q_plan[q]
            elif start <= until:
                to_date += q_plan[q] * ((until - start).days + 1) / ((ends[q] - start).days + 1)
        forecast = float(exact(realised_to_date) * in_year / elapsed)
        agreement_rows.append(
            (
                a.agreement_id,
                a.care_form_id,
                a.sending_hospital,
                a.performing_hospital,
                a.mode,
                sum(q_plan),
                to_date,
                realised_to_date,
                realised_to_date - to_date,
                forecast,
                forecast - sum(q_plan),
                plan_source,
            )
        )
    notes: list[Message] = []
    untagged = wb.volumes[
        (wb.volumes["year"] == year)
        & wb.volumes["period_from"].isna()
        & wb.volumes["period_to"].isna()
        & (
            wb.volumes["hospital_id"]
            != wb.volumes["performing_hospital_id"].fillna(wb.volumes["hospital_id"])
        )
    ]
    if len(untagged) and until < dt.date(year, 12, 31):
        notes.append(
            Message(
                "monitor_note_untagged_volumes",
                {"rows": len(untagged), "cases": float(untagged["cases"].sum())},
            )
        )
    if not len(wb.planning[wb.planning["year"] == year]):
        notes.append(Message("monitor_note_plan_yearly", {"year": str(year)}))
    warnings = cap_warnings(results[-1], year, until, elapsed, in_year)
    return Steering(
        year=year,
        until=until,
        days_elapsed=elapsed,
        days_in_year=in_year,
        quarters=pd.DataFrame(quarter_rows, columns=QUARTER_COLUMNS),
        agreements=pd.DataFrame(agreement_rows, columns=AGREEMENT_COLUMNS),
        warnings=warnings,
        notes=tuple(notes),
        input_name=wb.source_name,
        input_sha256=wb.sha256,
        audit=Audit("monitor", wb.source_name, wb.sha256, {"year": year, "until": until}),
    )


def cap_warnings(
    result: SettlementResult | None, year: int, until: dt.date, elapsed: int, in_year: int
) -> pd.DataFrame:
    """Hospitals and insurers whose declared revenue reaches the cap before year end at the
    pace of the year so far: the day it is reached is the first day d with
    declared × d / elapsed ≥ cap (already reached: on or before ``until``)."""
    rows = []
    if result is not None:
        caps = result.caps[result.caps["revenue_cap_cents"].notna()]
        for h, insurer, declared, cap in caps[
            ["hospital_id", "insurer", "declared_cents", "revenue_cap_cents"]
        ].itertuples(index=False):
            declared, cap = int(declared), int(cap)
            forecast = round_half_up(Fraction(declared * in_year, elapsed))
            if forecast <= cap or declared == 0:
                continue
            already = declared >= cap
            day = -(-cap * elapsed // declared)  # ceil(cap × elapsed / declared)
            reached = dt.date(year, 1, 1) + dt.timedelta(days=max(day, 1) - 1)
            rows.append((h, insurer, cap, declared, forecast, reached, reached.month, already))
    return pd.DataFrame(rows, columns=WARNING_COLUMNS)
