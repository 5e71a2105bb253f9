"""The region at a glance: key figures of a year and what needs attention (no streamlit here)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from calculator.settle import SettlementResult
from optimizer.capacity import CapacityReport


@dataclass(frozen=True)
class KeyFigures:
    """The year in a few numbers.

    cases : cases performed in the region [cases/year]
    or_utilisation : OR minutes used over available, the region as a whole [share]
    norms_met, norms_total : (hospital, care form) pairs that perform a care form with a norm
    settled_cents : money that moves between hospitals after clearing [EUR cents]; None when
        the year has no settlement
    """

    cases: float
    or_utilisation: float
    norms_met: int
    norms_total: int
    settled_cents: int | None


def applicable_norms(report: CapacityReport) -> pd.DataFrame:
    """Norm rows that apply: a care form with a norm, performed by the hospital."""
    norms = report.norms
    return norms[(norms["norm"] > 0) & (norms["cases"] > 0)]


def key_figures(
    flows: pd.DataFrame, report: CapacityReport, settlement: SettlementResult | None
) -> KeyFigures:
    hospitals = report.hospitals
    available = float(hospitals["or_minutes_available"].sum())
    norms = applicable_norms(report)
    return KeyFigures(
        cases=float(flows["cases"].sum()),
        or_utilisation=float(hospitals["or_minutes_used"].sum()) / available if available else 0.0,
        norms_met=int(norms["meets_norm"].sum()),
        norms_total=len(norms),
        settled_cents=None
        if settlement is None
        else int(settlement.payments["amount_cents"].sum()),
    )


def norms_not_met(report: CapacityReport) -> pd.DataFrame:
    """hospital_id, care_form_id, cases, norm of every applicable norm not met."""
    norms = applicable_norms(report)
    return norms.loc[~norms["meets_norm"], ["hospital_id", "care_form_id", "cases", "norm"]]


def over_capacity(report: CapacityReport) -> pd.DataFrame:
    """hospital_id, or_utilisation, or_ceiling, bed_utilisation, bed_ceiling of every hospital
    above its planning ceiling (OR or beds): the same ceiling that bounds the optimiser."""
    hospitals = report.hospitals
    return hospitals.loc[
        hospitals["above_ceiling"],
        ["hospital_id", "or_utilisation", "or_ceiling", "bed_utilisation", "bed_ceiling"],
    ]


def exceptions_per_kind(settlement: SettlementResult | None) -> pd.Series:
    """Number of settlement exceptions per kind (empty without a settlement)."""
    if settlement is None or settlement.exceptions.empty:
        return pd.Series(dtype="int64")
    return settlement.exceptions["kind"].value_counts().sort_index()
