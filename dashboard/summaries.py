"""Per-hospital summaries of the dashboard: what a saved scenario keeps, and the comparison of
saved scenarios (no streamlit here)."""

from __future__ import annotations

import pandas as pd

from dashboard.region import applicable_norms
from optimizer.capacity import CapacityReport


def scenario_summary(after: CapacityReport, money_table: pd.DataFrame) -> pd.DataFrame:
    """Per hospital what a saved scenario keeps.

    Columns: hospital_id, or_minutes_used, or_utilisation, norms_met, norms_total,
    margin_cents_after [EUR cents]. Norms count the care forms with a norm the hospital performs.
    """
    norms = applicable_norms(after)
    counted = norms.groupby("hospital_id")["meets_norm"].agg(norms_met="sum", norms_total="size")
    out = after.hospitals[["hospital_id", "or_minutes_used", "or_utilisation"]].merge(
        counted.reset_index(), on="hospital_id", how="left"
    )
    out[["norms_met", "norms_total"]] = out[["norms_met", "norms_total"]].fillna(0).astype(int)
    return out.merge(money_table[["hospital_id", "margin_cents_after"]], on="hospital_id")


def compare_pivot(saved: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Saved scenarios side by side: one row per hospital and scenario.

    ``saved``: scenario name → its :func:`scenario_summary`. Columns: hospital_id, scenario,
    or_utilisation, norms_met, norms_total (missing in scenarios saved before it was kept),
    margin_cents_after.
    """
    frames = [frame.assign(scenario=name) for name, frame in saved.items()]
    data = pd.concat(frames, ignore_index=True)
    if "norms_total" not in data.columns:
        data["norms_total"] = pd.NA
    return data[
        [
            "hospital_id",
            "scenario",
            "or_utilisation",
            "norms_met",
            "norms_total",
            "margin_cents_after",
        ]
    ]


# kinds of money that follow a care agreement (its id on the line); the others rest on a
# contract or on the region's own arrangements, and say why below the table
CARE_AGREEMENT_KINDS = ("odv", "secondment")


def pair_basis(lines: pd.DataFrame, lang: str) -> tuple[dict[tuple[str, str], str], list[str]]:
    """Per unordered pair of hospitals (sorted) what its payment rests on, in words: per kind
    of money the agreements or contracts behind it (``ODV (SAMEN-GAL); netwerkkosten
    (NW-2025-MDO)``); and, once per kind that needs no care agreement between the two, why the
    pair pays all the same (shared network costs through the treasurer, a secondment contract,
    the region's compensation)."""
    from messages import text

    if not len(lines):
        return {}, []
    out, why = {}, []
    pair = pd.Series([tuple(sorted(p)) for p in zip(lines["payer"], lines["payee"], strict=True)])
    for key, rows in lines.reset_index(drop=True).groupby(pair, sort=False):
        parts = []
        for kind, of_kind in rows.groupby("kind", sort=False):
            ids = ", ".join(sorted({str(a) for a in of_kind["agreement_id"].dropna() if str(a)}))
            named = text(f"settlement_line_kind_{kind}", lang)
            if ids:
                named += f" ({ids})"
            elif kind in CARE_AGREEMENT_KINDS:
                named += " " + text("ui_pair_no_agreement", lang)
            if kind not in CARE_AGREEMENT_KINDS and kind not in why:
                why.append(str(kind))
            parts.append(named)
        out[key] = "; ".join(parts)
    return out, [
        text("ui_pair_why", lang, kind=text(f"settlement_line_kind_{k}", lang))
        + text(f"ui_pair_why_{k}", lang)
        for k in why
    ]
