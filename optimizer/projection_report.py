"""A projection as one JSON document and as a workbook with one sheet per topic, years as
columns (issue 11). Headers and sheet names come from the message catalogue."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import IO, Any

import pandas as pd

from calculator.audit import Audit
from calculator.report import records
from calculator.xlsx_writer import SheetOut, write_book
from messages import text
from optimizer.projection import Projection

# topic → (sheet code, column of Projection.hospitals, kind: cents, share or number)
TOPICS: tuple[tuple[str, str, str], ...] = (
    ("proj_sheet_cases", "cases", "number"),
    ("proj_sheet_or", "or_minutes_used", "number"),
    ("proj_sheet_or_share", "or_utilisation", "share"),
    ("proj_sheet_beds", "bed_days_used", "number"),
    ("proj_sheet_revenue", "revenue_cents", "cents"),
    ("proj_sheet_settlement", "settlement_cents", "cents"),
    ("proj_sheet_variable_cost", "variable_cost_cents", "cents"),
    ("proj_sheet_margin", "margin_cents", "cents"),
)
SUMMED = {"cases", "or_minutes_used", "bed_days_used"}


def note_texts(projection: Projection, lang: str) -> list[str]:
    """The assumptions of a projection in words."""
    fixed = [
        text("proj_note_base", lang, base=str(projection.base_year)),
        text("proj_note_agreements", lang),
        text("proj_note_prices", lang),
    ]
    return fixed + [
        text(code, lang, **{k: str(v) if k.endswith("year") else v for k, v in params.items()})
        for code, params in projection.notes
    ]


def exact_text(value: Decimal) -> str:
    """A Decimal as plain text without trailing zeros: ``132.5``, ``100``."""
    return format(value.normalize(), "f")


def projection_document(projection: Projection, lang: str = "nl") -> dict[str, Any]:
    """JSON: cases as exact decimal text (``cases_exact``) beside a rounded number."""
    hospitals = projection.hospitals.copy()
    hospitals["cases_exact"] = hospitals["cases"].map(exact_text)
    hospitals["cases"] = hospitals["cases"].astype(float).round(2)
    flows = projection.flows.copy()
    flows["cases_exact"] = flows["cases"].map(exact_text)
    flows["cases"] = flows["cases"].astype(float).round(2)
    return {
        "base_year": projection.base_year,
        "years": list(projection.years),
        "hospitals": records(hospitals),
        "capacity": records(projection.capacity),
        "norms": records(projection.norms),
        "flows": records(
            flows.rename(
                columns={"sending_hospital": "sending", "performing_hospital": "performing"}
            )
        ),
        "growth": records(projection.growth),
        "assumptions": note_texts(projection, lang),
    }


def by_year(projection: Projection, column: str, lang: str) -> pd.DataFrame:
    """Hospitals as rows, years as columns, with a region total where a sum means something."""
    h = projection.hospitals
    values = h[column].map(float) if column == "cases" else h[column]
    wide = (
        pd.DataFrame({"hospital_id": h["hospital_id"], "year": h["year"], "value": values})
        .pivot(index="hospital_id", columns="year", values="value")
        .reindex(list(dict.fromkeys(h["hospital_id"])))
    )
    if column in SUMMED or column.endswith("_cents"):
        wide.loc[text("proj_region", lang)] = wide.sum()
    if column == "or_utilisation":
        used = h.pivot(index="hospital_id", columns="year", values="or_minutes_used").sum()
        available = h.pivot(
            index="hospital_id", columns="year", values="or_minutes_available"
        ).sum()
        wide.loc[text("proj_region", lang)] = used / available
    if column.endswith("_cents"):
        wide = wide.round().astype("int64")
    elif column != "or_utilisation":
        wide = wide.round(1)
    wide.columns = [str(y) for y in wide.columns]
    return wide.reset_index(names=text("proj_col_hospital", lang))


def norms_by_year(projection: Projection, lang: str) -> pd.DataFrame:
    """Per hospital and year: 'met of performed' for the care forms with a norm."""
    h = projection.hospitals
    cells = [
        text("proj_norms_cell", lang, met=int(m), performed=int(m + x))
        for m, x in zip(h["norms_met"], h["norms_missed"], strict=True)
    ]
    wide = (
        pd.DataFrame({"hospital_id": h["hospital_id"], "year": h["year"], "cell": cells})
        .pivot(index="hospital_id", columns="year", values="cell")
        .reindex(list(dict.fromkeys(h["hospital_id"])))
    )
    wide.columns = [str(y) for y in wide.columns]
    return wide.reset_index(names=text("proj_col_hospital", lang))


def write_projection(
    projection: Projection,
    target: str | Path | IO[bytes],
    lang: str = "nl",
    audit: Audit | None = None,
) -> None:
    """One sheet per topic with the years as columns, then capacity, norms, flows, assumptions."""
    years = [str(y) for y in projection.years]
    sheets = []
    for code, column, kind in TOPICS:
        frame = by_year(projection, column, lang)
        sheets.append(
            SheetOut(
                text(code, lang),
                frame,
                euro_cents=years if kind == "cents" else (),
                shares=years if kind == "share" else (),
            )
        )
    sheets.insert(4, SheetOut(text("proj_sheet_norms", lang), norms_by_year(projection, lang)))
    col = {
        "hospital_id": text("proj_col_hospital", lang),
        "or_minutes_available": text("proj_col_or_capacity", lang),
        "or_full_year": text("proj_col_or_full", lang),
        "bed_days_available": text("proj_col_bed_capacity", lang),
        "beds_full_year": text("proj_col_beds_full", lang),
        "year": text("proj_col_year", lang),
        "care_form_id": text("proj_col_care_form", lang),
        "cases": text("proj_col_cases", lang),
        "norm": text("proj_col_norm", lang),
        "meets_norm": text("proj_col_meets_norm", lang),
        "sending_hospital": text("proj_col_sending", lang),
        "performing_hospital": text("proj_col_performing", lang),
        "growth_rate": text("proj_col_growth", lang),
        "rate": text("proj_col_growth", lang),
    }
    sheets.append(
        SheetOut(text("proj_sheet_capacity", lang), projection.capacity.rename(columns=col))
    )
    norms = projection.norms[projection.norms["cases"] > 0].copy()
    norms["cases"] = norms["cases"].round(1)
    sheets.append(SheetOut(text("proj_sheet_norm_detail", lang), norms.rename(columns=col)))
    flows = projection.flows.copy()
    flows["cases"] = [round(float(n), 2) for n in flows["cases"]]
    growth_share = text("proj_col_growth", lang)
    sheets.append(
        SheetOut(text("proj_sheet_flows", lang), flows.rename(columns=col), shares=[growth_share])
    )
    sheets.append(_assumptions(projection, lang, audit))
    write_book(target, sheets)


def _assumptions(projection: Projection, lang: str, audit: Audit | None) -> SheetOut:
    """The run's audit record (run id, command and options, input and its SHA-256, version,
    time), the years, the notes, and the growth per origin below."""
    rows = [*(audit.rows(lang) if audit is not None else [])]
    rows.append((text("proj_item_years", lang), f"{projection.years[0]}–{projection.years[-1]}"))
    rows += [(text("proj_item_note", lang), note) for note in note_texts(projection, lang)]
    frame = pd.DataFrame(rows, columns=[text("proj_col_item", lang), text("proj_col_value", lang)])
    growth = projection.growth.rename(
        columns={
            "sending_hospital": text("proj_col_sending", lang),
            "care_form_id": text("proj_col_care_form", lang),
            "rate": text("proj_col_growth", lang),
        }
    )
    return SheetOut(
        text("proj_sheet_assumptions", lang),
        frame,
        below=[
            (
                text("proj_col_growth", lang),
                SheetOut("", growth, shares=[text("proj_col_growth", lang)]),
            )
        ],
    )
