"""Years ahead: volumes, capacity, norms and money projected year by year (issue 11).

The base year's flows are grown per sending hospital and care form by the ``growth`` sheet,
``cases × (1 + rate)^(year − base year)``, exactly as ``Decimal`` (rounded only for display).
Agreements apply as they are in force each year: when an agreement's share of a year (its
``phases`` row, else its own ``share``) differs from the base year, that change of share times
the sending hospital's demand moves between the sending hospital's own flow and the partner.
Benchmark prices of later years are indexed with ``indexation`` (README, Input); a hospital without
insurer contracts for a projected year keeps those of its latest earlier year.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

import pandas as pd

from calculator.agreements import KEY, in_force
from calculator.errors import Finding, SpreidingInputError
from calculator.flows import flows_of_year
from calculator.money import decimal
from calculator.workbook import Workbook
from optimizer.capacity import capacity, money
from optimizer.projection_bounds import check_projection_size

# (done, total, what was just finished): called after each unit of work
Progress = Callable[[int, int, str], None]
ZERO = Decimal(0)


@dataclass(frozen=True)
class Projection:
    """A projection from ``base_year`` over ``years``.

    flows : year, sending_hospital, performing_hospital, care_form_id, cases [Decimal, exact],
        growth_rate
    hospitals : year, hospital_id, cases [Decimal], or_minutes_used, or_minutes_available,
        or_utilisation, bed_days_used, bed_days_available, norms_met, norms_missed (care forms
        with a norm the hospital performs), revenue_cents, settlement_cents,
        variable_cost_cents, margin_cents [EUR cents]
    norms : year, hospital_id, care_form_id, cases, norm, meets_norm (norms > 0 only)
    capacity : hospital_id, or_minutes_available, or_full_year (first year the OR minutes used
        exceed the planning ceiling, <NA> = not within the years), bed_days_available,
        beds_full_year
    growth : sending, care_form_id, rate (the rate each origin's demand grows by)
    notes : assumptions made on the way (contracts carried forward, shifts limited), as
        (code, parameters) for the message catalogue
    """

    base_year: int
    years: tuple[int, ...]
    flows: pd.DataFrame
    hospitals: pd.DataFrame
    norms: pd.DataFrame
    capacity: pd.DataFrame
    growth: pd.DataFrame
    notes: tuple[tuple[str, dict[str, object]], ...]


def growth_rates(wb: Workbook, origins: pd.DataFrame) -> pd.Series:
    """The yearly growth rate of each (sending, care_form_id) row of ``origins``.

    A ``growth`` row for the hospital wins over the care form's row without hospital; no row
    at all is 0.
    """
    g = wb.growth
    general = g[g["hospital_id"].isna()].set_index("care_form_id")["rate"]
    specific = g[g["hospital_id"].notna()].set_index(["hospital_id", "care_form_id"])["rate"]
    keys = pd.MultiIndex.from_frame(origins[["sending_hospital", "care_form_id"]])
    rate = pd.Series(specific.reindex(keys).to_numpy(dtype=float), index=origins.index)
    rate = rate.fillna(origins["care_form_id"].map(general).astype(float))
    return rate.fillna(0.0)


def _pair_shares(wb: Workbook, year: int) -> dict[tuple[str, str, str], Decimal]:
    """(care_form_id, sending, performing) → share of the agreement in force in ``year``."""
    ag = in_force(wb.agreements, wb.phases, year)
    ag = ag[ag["share"].notna()]
    return {
        (c, s, p): decimal(float(v)) for c, s, p, v in ag[[*KEY, "share"]].itertuples(index=False)
    }


def _base_year_shares(
    wb: Workbook, base: pd.DataFrame, base_year: int
) -> dict[tuple[str, str, str], tuple[Decimal, str]]:
    """(care_form_id, sending, performing) → (its share of the sending hospital's demand in
    the base year, agreement_id) for moved flows under an agreement without a ``share``: what
    such an agreement moves is what it moved in the base year, until it ends."""
    ag = in_force(wb.agreements, wb.phases, base_year)
    no_share = {
        (c, s, p): a
        for c, s, p, a in ag.loc[ag["share"].isna(), [*KEY, "agreement_id"]].itertuples(index=False)
    }
    demand = base.groupby(["care_form_id", "sending_hospital"])["cases"].agg(lambda v: sum(v, ZERO))
    out = {}
    for s, p, c, n in base[
        ["sending_hospital", "performing_hospital", "care_form_id", "cases"]
    ].itertuples(index=False):
        if s != p and (c, s, p) in no_share and demand[(c, s)]:
            out[(c, s, p)] = (n / demand[(c, s)], str(no_share[(c, s, p)]))
    return out


def _year_shares(
    wb: Workbook,
    year: int,
    implied: dict[tuple[str, str, str], tuple[Decimal, str]],
    notes: list[tuple[str, dict[str, object]]],
) -> dict[tuple[str, str, str], Decimal]:
    """:func:`_pair_shares` of ``year`` plus the base-year share of each agreement without a
    ``share`` while one is in force for its pair, 0 once none is (its cases return home)."""
    shares = _pair_shares(wb, year)
    pairs = set(in_force(wb.agreements, wb.phases, year)[KEY].itertuples(index=False, name=None))
    for pair, (share, agreement) in implied.items():
        if pair in shares:
            continue
        if pair in pairs:
            shares[pair] = share
        else:
            shares[pair] = ZERO
            c, s, p = pair
            notes.append(
                (
                    "proj_note_agreement_ended",
                    {
                        "year": year,
                        "agreement": agreement,
                        "care_form": c,
                        "sending": s,
                        "performing": p,
                    },
                )
            )
    return shares


def base_flows(wb: Workbook, base_year: int) -> pd.DataFrame:
    """The base year's flows, one row per (sending, performing, care form), cases as Decimal."""
    wb.require_year("volumes", base_year)
    f = flows_of_year(wb.volumes, base_year)
    f = f.groupby(["sending_hospital", "performing_hospital", "care_form_id"], as_index=False)[
        "cases"
    ].sum()
    f["cases"] = [decimal(float(c)) for c in f["cases"]]
    return f


def shifted_flows(
    base: pd.DataFrame,
    shares_base: dict[tuple[str, str, str], Decimal],
    shares_year: dict[tuple[str, str, str], Decimal],
    year: int,
    notes: list[tuple[str, dict[str, object]]],
) -> pd.DataFrame:
    """``base`` with each change of an agreement's share applied to the sending hospital's demand.

    A share that falls returns cases from the partner to the sending hospital (at most what
    the partner performs); a share that rises moves them from the sending hospital's own flow
    to the partner (at most what it performs itself, shared pro rata when short).
    """
    flows = {
        (c, s, p): n
        for s, p, c, n in base[
            ["sending_hospital", "performing_hospital", "care_form_id", "cases"]
        ].itertuples(index=False)
    }
    demand: dict[tuple[str, str], Decimal] = {}
    for (c, s, _), n in flows.items():
        demand[(c, s)] = demand.get((c, s), ZERO) + n
    changes: dict[tuple[str, str], list[tuple[str, Decimal]]] = {}
    for pair in sorted(set(shares_base) | set(shares_year)):
        delta = shares_year.get(pair, ZERO) - shares_base.get(pair, ZERO)
        c, s, p = pair
        if delta and demand.get((c, s)):
            amount = delta * demand[(c, s)]
            if shares_year.get(pair, ZERO) == 0:  # none left: all of it returns, exactly
                amount = -flows.get((c, s, p), ZERO)
            changes.setdefault((c, s), []).append((p, amount))
    for (c, s), moves in changes.items():
        own = flows.get((c, s, s), ZERO)
        for p, amount in moves:
            if amount < 0:
                back = min(-amount, flows.get((c, s, p), ZERO))
                flows[(c, s, p)] = flows.get((c, s, p), ZERO) - back
                own += back
        wanted = sum((a for _, a in moves if a > 0), ZERO)
        scale = Decimal(1) if wanted <= own else own / wanted
        if scale < 1:
            notes.append(("proj_note_shift_limited", {"year": year, "hospital": s, "care_form": c}))
        for p, amount in moves:
            if amount > 0:
                flows[(c, s, p)] = flows.get((c, s, p), ZERO) + amount * scale
                own -= amount * scale
        flows[(c, s, s)] = own
    rows = [(s, p, c, n) for (c, s, p), n in flows.items() if n > 0]
    out = pd.DataFrame(
        rows, columns=["sending_hospital", "performing_hospital", "care_form_id", "cases"]
    )
    return out.sort_values(
        ["sending_hospital", "care_form_id", "performing_hospital"], ignore_index=True
    )


def grown(flows: pd.DataFrame, rates: pd.Series, years: int) -> pd.Series:
    """cases × (1 + rate)^years, exact [Decimal]."""
    return pd.Series(
        [n * (1 + decimal(float(r))) ** years for n, r in zip(flows["cases"], rates, strict=True)],
        index=flows.index,
        dtype=object,
    )


@dataclass(frozen=True)
class AgreementShares:
    """The agreements' shares a projection starts from: per (care_form_id, sending,
    performing) the share in the base year (``base``), and for agreements without a ``share``
    the share of demand they moved in the base year with their id (``implied``)."""

    base: dict[tuple[str, str, str], Decimal]
    implied: dict[tuple[str, str, str], tuple[Decimal, str]]


def agreement_shares(wb: Workbook, base: pd.DataFrame, first: int) -> AgreementShares:
    """The shares of the base year ``first`` (``base``: its flows, cases as Decimal)."""
    implied = _base_year_shares(wb, base, first)
    return AgreementShares(
        _pair_shares(wb, first) | {pair: v for pair, (v, _) in implied.items()}, implied
    )


def flows_in_year(
    wb: Workbook,
    base: pd.DataFrame,
    first: int,
    year: int,
    shares: AgreementShares,
    notes: list[tuple[str, dict[str, object]]],
) -> pd.DataFrame:
    """``base`` (flows of the base year ``first``) in ``year``: each change of an agreement's
    share against the base year applied (:func:`shifted_flows`), then grown per sending
    hospital and care form (:func:`grown`); columns sending_hospital, performing_hospital,
    care_form_id, cases [Decimal], growth_rate."""
    shares_year = _year_shares(wb, year, shares.implied, notes)
    shifted = shifted_flows(base, shares.base, shares_year, year, notes)
    rates = growth_rates(wb, shifted)
    shifted["cases"] = grown(shifted, rates, year - first)
    shifted["growth_rate"] = rates.to_numpy()
    return shifted


def contracts_carried(
    wb: Workbook, years: list[int]
) -> tuple[Workbook, list[tuple[str, int, int]]]:
    """``wb`` whose insurer contracts cover ``years``: a hospital without contract rows in a
    year keeps those of its latest earlier year. Returns the workbook and (hospital, year,
    from year) for every year filled in."""
    c = wb.insurer_contracts
    if not len(c):
        return wb, []
    added, carried = [], []
    for hospital, rows in c.groupby("hospital_id"):
        have = set(rows["year"].astype(int))
        for year in years:
            earlier = [y for y in have if y < year]
            if year in have or not earlier:
                continue
            source = max(earlier)
            added.append(rows[rows["year"] == source].assign(year=year))
            carried.append((str(hospital), year, source))
    if not added:
        return wb, []
    extended = pd.concat([c, *added], ignore_index=True)
    extended["year"] = extended["year"].astype(c["year"].dtype)
    return dataclasses.replace(wb, insurer_contracts=extended), carried


def _hospital_year(
    wb: Workbook, flows: pd.DataFrame, year: int
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per hospital: cases, OR and beds, norms met, money; and the norm rows, for one year."""
    as_float = flows.assign(cases=flows["cases"].astype(float))
    report = capacity(wb, as_float)
    cash = money(wb, as_float.assign(source=f"projection {year}"), year)
    norms = report.norms[report.norms["norm"] > 0]
    performed = norms[norms["cases"] > 0]
    met = performed[performed["meets_norm"]].groupby("hospital_id").size()
    missed = performed[~performed["meets_norm"]].groupby("hospital_id").size()
    cases = flows.groupby("performing_hospital")["cases"].agg(lambda s: sum(s, ZERO))
    out = report.hospitals[
        [
            "hospital_id",
            "or_minutes_used",
            "or_minutes_available",
            "or_utilisation",
            "or_ceiling",
            "bed_days_used",
            "bed_days_available",
            "bed_ceiling",
        ]
    ].copy()
    out.insert(0, "year", year)
    out.insert(2, "cases", [cases.get(h, ZERO) for h in out["hospital_id"]])
    out["norms_met"] = out["hospital_id"].map(met).fillna(0).astype("int64")
    out["norms_missed"] = out["hospital_id"].map(missed).fillna(0).astype("int64")
    out = out.merge(
        cash[
            [
                "hospital_id",
                "revenue_cents",
                "settlement_cents",
                "variable_cost_cents",
                "margin_cents",
            ]
        ],
        on="hospital_id",
    )
    return out, norms.assign(year=year)


def _first_year_over(hospitals: pd.DataFrame, used: str, available: str, ceiling: str) -> pd.Series:
    """The first year each hospital's use exceeds its planning ceiling (the share of what is
    available a plan may use: the limit the optimiser and the Regio page use too)."""
    over = hospitals[hospitals[used] > hospitals[available] * hospitals[ceiling] + 1e-6]
    return over.groupby("hospital_id")["year"].min()


def project(wb: Workbook, first: int, last: int, progress: Progress | None = None) -> Projection:
    """Project ``first`` (the base year, with volumes) through ``last``."""
    if last < first:
        raise SpreidingInputError(
            [
                Finding(
                    "volumes",
                    None,
                    "year",
                    f"--from {first} --to {last}",
                    code="proj_to_before_from",
                )
            ]
        )
    check_projection_size(wb, first, last)
    years = list(range(first, last + 1))
    base = base_flows(wb, first)
    wb_years, carried = contracts_carried(wb, years)
    notes: list[tuple[str, dict[str, object]]] = [
        ("proj_note_contracts", {"hospital": h, "year": y, "source_year": s}) for h, y, s in carried
    ]
    growth = base[["sending_hospital", "care_form_id"]].drop_duplicates().reset_index(drop=True)
    growth["rate"] = growth_rates(wb, growth).to_numpy()
    shares = agreement_shares(wb, base, first)
    flow_parts, hospital_parts, norm_parts = [], [], []
    for i, year in enumerate(years):
        shifted = flows_in_year(wb, base, first, year, shares, notes)
        shifted.insert(0, "year", year)
        hospitals, norms = _hospital_year(wb_years, shifted, year)
        flow_parts.append(shifted)
        hospital_parts.append(hospitals)
        norm_parts.append(norms)
        if progress is not None:
            progress(i + 1, len(years), str(year))
    hospitals = pd.concat(hospital_parts, ignore_index=True)
    cap = (
        hospitals.groupby("hospital_id", sort=False)[["or_minutes_available", "bed_days_available"]]
        .first()
        .reset_index()
    )
    cap["or_full_year"] = (
        cap["hospital_id"]
        .map(_first_year_over(hospitals, "or_minutes_used", "or_minutes_available", "or_ceiling"))
        .astype("Int64")
    )
    cap["beds_full_year"] = (
        cap["hospital_id"]
        .map(_first_year_over(hospitals, "bed_days_used", "bed_days_available", "bed_ceiling"))
        .astype("Int64")
    )
    norms = pd.concat(norm_parts, ignore_index=True)[
        ["year", "hospital_id", "care_form_id", "cases", "norm", "meets_norm"]
    ]
    return Projection(
        first,
        tuple(years),
        pd.concat(flow_parts, ignore_index=True),
        hospitals,
        norms,
        cap[
            [
                "hospital_id",
                "or_minutes_available",
                "or_full_year",
                "bed_days_available",
                "beds_full_year",
            ]
        ],
        growth,
        tuple(notes),
    )
