"""A business case (:mod:`optimizer.business_case`) as one JSON document, as the Dutch text a
controller reads, and as a workbook with one sheet per topic and the years as columns. Headers,
sheet names and every sentence come from the message catalogue."""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

import pandas as pd

from calculator.audit import Audit
from calculator.report import records
from calculator.xlsx_writer import SheetOut, write_book
from messages import Message, text
from messages.numbers import euro, percent
from optimizer.business_case import BusinessCase

# the rows of a hospital's table and the workbook's topic sheets, in reading order
TOPICS: tuple[tuple[str, str], ...] = (
    ("margin_change_cents", "bc_margin_change"),
    ("freed_or_cents", "bc_freed_or"),
    ("compensation_cents", "bc_compensation"),
    ("one_off_cents", "bc_one_off"),
    ("funding_cents", "bc_funding"),
    ("position_cents", "bc_position"),
    ("cumulative_cents", "bc_cumulative"),
)
LABEL_WIDTH = 28
CELL_WIDTH = 13


def rule_text(case: BusinessCase, lang: str) -> str:
    return text(f"bc_rule_{case.rule}" if case.rule else "bc_no_rule", lang)


def rate_text(case: BusinessCase, lang: str) -> str:
    return percent(float(case.discount_rate), decimals=1, lang=lang)


def unchanged(case: BusinessCase) -> set[str]:
    """The hospitals the plan leaves as they are: every year's position zero."""
    moved = case.yearly.groupby("hospital_id")["position_cents"].apply(lambda p: p.ne(0).any())
    return {str(h) for h, any_change in moved.items() if not any_change}


def break_even_text(
    year: object, case: BusinessCase, lang: str, hospital: str | None = None
) -> str:
    """``in 2026``, ``niet binnen 2025–2029``, or ``geen verandering`` for a ``hospital`` the
    plan leaves as it is (a break-even year would suggest it had something to earn back)."""
    if hospital is not None and hospital in unchanged(case):
        return text("bc_unchanged", lang)
    if year is None or pd.isna(year):  # type: ignore[call-overload]
        first, last = case.years[0], case.years[-1]
        return text("bc_break_even_none", lang, first=str(first), last=str(last))
    return text("bc_break_even_in", lang, year=str(int(year)))  # type: ignore[call-overload]


def prefinancing_text(row: Any, lang: str) -> str:
    if int(row.prefinancing_cents) == 0:
        return euro(0, lang=lang)
    return text(
        "bc_prefinancing_at",
        lang,
        amount_cents=euro(int(row.prefinancing_cents), lang=lang),
        year=str(int(row.lowest_year)),
    )


def notes_texts(case: BusinessCase, lang: str) -> list[str]:
    return [note.render(lang) for note in case.notes]


# ---------------------------------------------------------------------- terminal text


def _table(rows: pd.DataFrame, years: tuple[int, ...], lang: str) -> list[str]:
    head = " " * (LABEL_WIDTH + 2) + "".join(f"{y:>{CELL_WIDTH}}" for y in years)
    lines = [head]
    for column, code in TOPICS:
        values = rows.set_index("year")[column]
        cells = "".join(f"{euro(int(values.get(y, 0)), lang=lang):>{CELL_WIDTH}}" for y in years)
        lines.append(f"  {text(code, lang):<{LABEL_WIDTH}}{cells}")
    return lines


def business_case_lines(case: BusinessCase, plan: Message, lang: str) -> list[str]:
    """The business case as the lines a controller reads: per hospital its verdict (break-even
    year, NPV, pre-financing) and its yearly positions; then the region and the notes."""
    first, last = case.years[0], case.years[-1]
    out = [
        text("bc_title", lang, first=str(first), last=str(last), plan=plan.render(lang)),
        text("bc_subtitle", lang, rate=rate_text(case, lang), rule=rule_text(case, lang)),
    ]
    for row in case.hospitals.itertuples(index=False):
        out.append("")
        out.append(
            text(
                "bc_hospital_head",
                lang,
                hospital=row.hospital_id,
                break_even=break_even_text(row.break_even_year, case, lang, row.hospital_id),
                npv_cents=euro(int(row.npv_cents), lang=lang),
                prefinancing_cents=prefinancing_text(row, lang),
            )
        )
        out += _table(case.yearly[case.yearly["hospital_id"] == row.hospital_id], case.years, lang)
    region = next(case.region.itertuples(index=False))
    out.append("")
    out.append(
        text(
            "bc_region_head",
            lang,
            break_even=break_even_text(region.break_even_year, case, lang),
            npv_cents=euro(int(region.npv_cents), lang=lang),
            prefinancing_cents=prefinancing_text(region, lang),
        )
    )
    out += _table(case.region_yearly, case.years, lang)
    out.append("")
    out.append(text("bc_notes", lang))
    out += [f"  - {note}" for note in notes_texts(case, lang)]
    if case.problems:
        out.append(text("bc_problems", lang))
        out += [f"  - {p.render(lang)}" for p in case.problems]
    return out


# ---------------------------------------------------------------------- JSON


def business_case_document(case: BusinessCase, plan: Message, lang: str = "nl") -> dict[str, Any]:
    """One JSON document: amounts in integer cents (``*_cents``), years as numbers."""
    hospitals = []
    for row in records(case.hospitals):
        rows = case.yearly[case.yearly["hospital_id"] == row["hospital_id"]]
        hospitals.append({**row, "years": records(rows.drop(columns=["hospital_id"]))})
    region = records(case.region.drop(columns=["hospital_id"]))[0]
    return {
        "years": list(case.years),
        "plan": plan.render(lang),
        "split": case.rule,
        "discount_rate": str(case.discount_rate),
        "hospitals": hospitals,
        "region": {**region, "years": records(case.region_yearly)},
        "compensation": [
            {
                "year": year,
                "region_gain_cents": s.region_gain_cents,
                "hospitals": records(s.table),
                "payments": records(s.payments),
            }
            for year, s in sorted(case.splits.items())
        ],
        "notes": notes_texts(case, lang),
        "invariants_hold": case.holds,
        "problems": [p.render(lang) for p in case.problems],
    }


# ---------------------------------------------------------------------- workbook


def by_year(case: BusinessCase, column: str, lang: str) -> pd.DataFrame:
    """Hospitals as rows, years as columns [cents], the region last."""
    wide = case.yearly.pivot(index="hospital_id", columns="year", values=column)
    wide.loc[text("bc_region", lang)] = case.region_yearly.set_index("year")[column]
    wide = wide.astype("int64")
    wide.columns = [str(y) for y in wide.columns]
    return wide.reset_index(names=text("bc_col_hospital", lang))


def summary_frame(case: BusinessCase, lang: str) -> pd.DataFrame:
    frame = pd.concat(
        [case.hospitals, case.region.assign(hospital_id=text("bc_region", lang))],
        ignore_index=True,
    )
    return frame.rename(
        columns={
            "hospital_id": text("bc_col_hospital", lang),
            "total_cents": text("bc_total", lang),
            "break_even_year": text("bc_break_even", lang),
            "npv_cents": text("bc_npv", lang),
            "prefinancing_cents": text("bc_prefinancing", lang),
            "lowest_year": text("bc_lowest_year", lang),
        }
    )


def payments_frame(case: BusinessCase, lang: str) -> pd.DataFrame:
    rows = [
        (year, p.payer, p.payee, int(p.amount_cents))
        for year, s in sorted(case.splits.items())
        for p in s.payments.itertuples(index=False)
    ]
    return pd.DataFrame(
        rows,
        columns=[
            text("bc_col_year", lang),
            text("bc_col_payer", lang),
            text("bc_col_payee", lang),
            text("bc_col_amount", lang),
        ],
    )


def write_business_case(
    case: BusinessCase,
    plan: Message,
    target: str | Path | IO[bytes],
    lang: str = "nl",
    audit: Audit | None = None,
) -> None:
    """The summary first, then one sheet per topic (years as columns), the compensation
    payments and the assumptions (the run's audit record first)."""
    years = [str(y) for y in case.years]
    money = [text(code, lang) for code in ("bc_total", "bc_npv", "bc_prefinancing")]
    sheets = [SheetOut(text("bc_sheet_summary", lang), summary_frame(case, lang), euro_cents=money)]
    sheets += [
        SheetOut(text(code, lang)[:31], by_year(case, column, lang), euro_cents=years)
        for column, code in TOPICS
    ]
    sheets.append(
        SheetOut(
            text("bc_sheet_payments", lang),
            payments_frame(case, lang),
            euro_cents=[text("bc_col_amount", lang)],
        )
    )
    rows = [
        *(audit.rows(lang) if audit is not None else []),
        (text("bc_item_plan", lang), plan.render(lang)),
        (text("bc_item_years", lang), f"{case.years[0]}–{case.years[-1]}"),
        (text("bc_item_rate", lang), rate_text(case, lang)),
        (text("bc_item_rule", lang), rule_text(case, lang)),
    ]
    rows += [(text("bc_item_note", lang), note) for note in notes_texts(case, lang)]
    rows += [(text("bc_problems", lang), p.render(lang)) for p in case.problems]
    sheets.append(
        SheetOut(
            text("bc_sheet_assumptions", lang),
            pd.DataFrame(rows, columns=[text("bc_col_item", lang), text("bc_col_value", lang)]),
        )
    )
    write_book(target, sheets)
