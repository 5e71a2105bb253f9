"""Quarterly steering as JSON, terminal text and a workbook (sheet *Kwartaalsturing*)."""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

import pandas as pd

from calculator.report import records
from calculator.steering import Steering
from calculator.xlsx_writer import SheetOut, write_book
from messages import text
from messages.numbers import number

QUARTER_NAMES = {
    "agreement_id": "afspraak",
    "care_form_id": "zorgvorm",
    "sending_hospital": "verwijzer",
    "performing_hospital": "uitvoerder",
    "mode": "vorm",
    "quarter": "kwartaal",
    "status": "stand",
    "planned_cases": "gepland",
    "realised_cases": "gerealiseerd",
    "deviation_cases": "afwijking",
}
AGREEMENT_NAMES = {
    "agreement_id": "afspraak",
    "care_form_id": "zorgvorm",
    "sending_hospital": "verwijzer",
    "performing_hospital": "uitvoerder",
    "mode": "vorm",
    "planned_year": "gepland jaar",
    "planned_to_date": "gepland tot nu",
    "realised_to_date": "gerealiseerd tot nu",
    "deviation_to_date": "afwijking tot nu",
    "forecast_year": "prognose jaar",
    "forecast_deviation": "prognose − plan",
    "plan_source": "bron van het plan",
}
WARNING_NAMES = {
    "hospital_id": "ziekenhuis",
    "insurer": "verzekeraar",
    "revenue_cap_cents": "omzetplafond",
    "declared_to_date_cents": "gedeclareerd tot nu",
    "forecast_year_cents": "prognose jaar",
    "reached_on": "plafond bereikt op",
    "reached_month": "maand",
    "already_reached": "al bereikt",
}


def month_name(month: int, lang: str) -> str:
    return text(f"month_{month}", lang)


def steering_document(s: Steering, lang: str = "nl") -> dict[str, Any]:
    """The JSON document: quarters, agreements, cap warnings (with the month in words)."""
    warnings = s.warnings.assign(
        reached_on=[d.isoformat() for d in s.warnings["reached_on"]],
        reached_month=[month_name(int(m), lang) for m in s.warnings["reached_month"]],
    )
    return {
        "year": s.year,
        "until": s.until.isoformat(),
        "days_elapsed": s.days_elapsed,
        "days_in_year": s.days_in_year,
        "notes": [n.render(lang) for n in s.notes],
        "input": {"name": s.input_name, "sha256": s.input_sha256},
        "agreements": records(s.agreements),
        "quarters": records(s.quarters),
        "cap_warnings": records(warnings),
        "warnings": [warning_text(row, lang) for row in s.warnings.itertuples(index=False)],
        **({"audit": s.audit.document()} if s.audit is not None else {}),
    }


def warning_text(row: Any, lang: str) -> str:
    return text(
        "monitor_cap_already" if row.already_reached else "monitor_cap_warning",
        lang,
        hospital=row.hospital_id,
        insurer=row.insurer,
        cap_cents=int(row.revenue_cap_cents),
        declared_cents=int(row.declared_to_date_cents),
        forecast_cents=int(row.forecast_year_cents),
        month=month_name(int(row.reached_month), lang),
        date=f"{row.reached_on:%d-%m-%Y}",
    )


def steering_text(s: Steering, lang: str = "nl") -> list[str]:
    out = [
        text(
            "monitor_heading",
            lang,
            year=str(s.year),
            until=f"{s.until:%d-%m-%Y}",
            input=s.input_name,
            days=s.days_elapsed,
            days_in_year=s.days_in_year,
        ),
        *(f"  {n.render(lang)}" for n in s.notes),
    ]
    for row in s.agreements.itertuples(index=False):
        out.append(
            "  "
            + text(
                "monitor_agreement",
                lang,
                agreement=row.agreement_id,
                care_form=row.care_form_id,
                sending=row.sending_hospital,
                performing=row.performing_hospital,
                planned=number(row.planned_to_date, 1, lang=lang),
                realised=number(row.realised_to_date, 1, lang=lang),
                forecast=number(row.forecast_year, 1, lang=lang),
                planned_year=number(row.planned_year, 1, lang=lang),
            )
        )
    if len(s.warnings):
        out.append(text("monitor_warnings", lang))
        out += [f"  {warning_text(row, lang)}" for row in s.warnings.itertuples(index=False)]
    else:
        out.append(text("monitor_no_warnings", lang))
    if s.audit is not None:
        out.append(s.audit.line(lang))
    return out


def _words(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    out = frame.copy()
    if "mode" in out:
        out["mode"] = [text(f"settlement_mode_{m}", lang) for m in out["mode"]]
    if "status" in out:
        out["status"] = [text(f"monitor_status_{x}", lang) for x in out["status"]]
    if "plan_source" in out:
        out["plan_source"] = [text(f"monitor_plan_{x}", lang) for x in out["plan_source"]]
    if "reached_month" in out:
        out["reached_month"] = [month_name(int(m), lang) for m in out["reached_month"]]
    if "already_reached" in out:
        out["already_reached"] = [
            text("settlement_yes" if x else "settlement_no", lang) for x in out["already_reached"]
        ]
    return out


def steering_sheets(s: Steering) -> list[SheetOut]:
    """The sheet *Kwartaalsturing* (agreements to date, quarters below) and *Plafondsignalen*."""
    return [
        SheetOut(
            "Kwartaalsturing",
            _words(s.agreements, "nl")[list(AGREEMENT_NAMES)].rename(columns=AGREEMENT_NAMES),
            note=text("monitor_sheet_note", "nl", year=str(s.year), until=f"{s.until:%d-%m-%Y}"),
            below=[
                (
                    text("monitor_sheet_quarters", "nl"),
                    SheetOut(
                        "",
                        _words(s.quarters, "nl")[list(QUARTER_NAMES)].rename(columns=QUARTER_NAMES),
                    ),
                )
            ],
        ),
        SheetOut(
            "Plafondsignalen",
            _words(s.warnings, "nl")[list(WARNING_NAMES)].rename(columns=WARNING_NAMES),
            euro_cents=["omzetplafond", "gedeclareerd tot nu", "prognose jaar"],
        ),
    ]


def write_steering(s: Steering, target: str | Path | IO[bytes]) -> None:
    """The steering workbook: Kwartaalsturing, Plafondsignalen and Uitgangspunten (the audit
    record and the notes)."""
    rows = [*(s.audit.rows("nl") if s.audit is not None else [])]
    rows += [(text("monitor_note_item", "nl"), n.render("nl")) for n in s.notes]
    basis = pd.DataFrame(rows, columns=["onderdeel", "waarde"])
    write_book(target, [*steering_sheets(s), SheetOut(text("audit_sheet", "nl"), basis)])
