"""A norm sweep as one JSON document and as a workbook (issue 11); headers from the catalogue."""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

import pandas as pd

from calculator.audit import Audit
from calculator.report import records
from calculator.xlsx_writer import SheetOut, write_book
from messages import text
from optimizer.sweep import SweepResult


def reasons(result: SweepResult, lang: str) -> list[str]:
    """Why each norm is infeasible, in ``lang`` ('' where solved)."""
    return ["; ".join(m.render(lang) for m in r) for r in result.points["reason"]]


def sweep_document(result: SweepResult, lang: str = "nl") -> dict[str, Any]:
    points = result.points.assign(reason=reasons(result, lang))
    return {
        "year": result.year,
        "care_form_id": result.care_form_id,
        "current_norm": result.current_norm,
        "norms": list(result.norms),
        "points": records(points),
        "performers": records(result.performers),
        "proposals": records(result.proposals),
        "assumptions": assumption_texts(result, lang),
        "workers": result.workers,
        "seconds": {k: round(v, 3) for k, v in result.seconds.items()},
    }


def assumption_texts(result: SweepResult, lang: str) -> list[str]:
    return [
        text("sweep_note_scope", lang, care_form=result.care_form_id, current=result.current_norm),
        text("sweep_note_travel", lang, care_form=result.care_form_id),
    ]


def sweep_title(result: SweepResult, lang: str, care_form: str | None = None) -> str:
    """``Normverkenning <care form> in <year>: norm A t/m B (nu N)``; ``care_form`` its name."""
    return text(
        "sweep_title",
        lang,
        care_form=care_form or result.care_form_id,
        year=str(result.year),
        first=result.norms[0],
        last=result.norms[-1],
        current=result.current_norm,
    )


def status_text(status: str, lang: str) -> str:
    return text(f"sweep_status_{status}", lang)


def points_table(result: SweepResult, lang: str) -> pd.DataFrame:
    """The answers per norm with the catalogue's headers; the current norm marked."""
    p = result.points
    table = pd.DataFrame(
        {
            text("sweep_col_norm", lang): p["norm"],
            text("sweep_col_current", lang): [
                "●" if n == result.current_norm else "" for n in p["norm"]
            ],
            text("sweep_col_status", lang): [status_text(s, lang) for s in p["status"]],
            text("sweep_col_hospitals", lang): p["hospitals_performing"],
            text("sweep_col_moved", lang): p["cases_moved"].astype(float).round(1),
            text("sweep_col_moved_region", lang): p["cases_moved_region"].astype(float).round(1),
            text("sweep_col_travel_mean", lang): p["travel_mean_minutes"].astype(float).round(1),
            text("sweep_col_travel_max", lang): p["travel_max_minutes"].astype(float).round(1),
            text("sweep_col_over30", lang): p["share_over_30"],
            text("sweep_col_over60", lang): p["share_over_60"],
            text("sweep_col_margin_change", lang): p["margin_change_cents"],
            text("sweep_col_proposals", lang): p["proposals"],
            text("sweep_col_reason", lang): reasons(result, lang),
        }
    )
    return table


def write_sweep(
    result: SweepResult,
    target: str | Path | IO[bytes],
    lang: str = "nl",
    audit: Audit | None = None,
) -> None:
    """Summary per norm, the hospitals per norm, and the basis: the run's audit record and
    the assumptions."""
    table = points_table(result, lang)
    performers = result.performers.pivot(index="hospital_id", columns="norm", values="cases")
    performers = performers.round(1).reset_index(names=text("proj_col_hospital", lang))
    performers.columns = [str(c) for c in performers.columns]
    notes = pd.DataFrame(
        [*(audit.rows(lang) if audit is not None else [])]
        + [(text("proj_item_note", lang), note) for note in assumption_texts(result, lang)],
        columns=[text("audit_item", lang), text("audit_value", lang)],
    )
    write_book(
        target,
        [
            SheetOut(
                text("sweep_sheet_summary", lang),
                table,
                euro_cents=[text("sweep_col_margin_change", lang)],
                shares=[text("sweep_col_over30", lang), text("sweep_col_over60", lang)],
                note=sweep_title(result, lang),
            ),
            SheetOut(text("sweep_sheet_hospitals", lang), performers),
            SheetOut(text("sweep_sheet_assumptions", lang), notes),
        ],
    )
