"""What changed against an earlier settlement workbook (issue 20, item 6): ``spreiding settle
--compare PREVIOUS.xlsx`` lists, per hospital and kind, the amounts of the previous workbook's
summary (Samenvatting) beside this run's, with the change; only what changed is listed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from calculator.errors import Finding, SpreidingInputError
from calculator.lines import LINE_KINDS
from calculator.reader import check_archive
from calculator.settle import SettlementResult
from calculator.settlement_export import headers, read_settlement, settlement_language
from calculator.xlsx_writer import SheetOut
from messages import text

ITEMS = [
    "insurer_declared_cents",
    "insurer_paid_cents",
    "insurer_unpaid_cents",
    *(f"{k}_{side}_cents" for k in LINE_KINDS for side in ("receivable", "payable")),
    "net_position_cents",
]
COLUMNS = ["hospital_id", "item", "previous_cents", "current_cents", "change_cents"]
AUDIT_ITEMS = (
    "audit_run_id",
    "audit_command",
    "audit_input",
    "audit_sha256",
    "audit_version",
    "audit_run_at",
)


@dataclass(frozen=True)
class Comparison:
    """``changes``: COLUMNS, one row per hospital and item that differ (a hospital or item the
    previous workbook lacks counts as 0 there); ``previous`` the previous workbook's basis
    (run id, input, SHA-256, … as item → value)."""

    previous_name: str
    previous: dict[str, str]
    changes: pd.DataFrame


def item_label(item: str, lang: str) -> str:
    """An item in words: 'ODV te ontvangen', 'nettopositie'."""
    for kind in LINE_KINDS:
        for side in ("receivable", "payable"):
            if item == f"{kind}_{side}_cents":
                return text(
                    f"compare_{side}",
                    lang,
                    kind=text(f"settlement_line_kind_{kind}", lang),
                )
    return text(f"compare_item_{item.removesuffix('_cents')}", lang)


def compare(result: SettlementResult, previous: Path) -> Comparison:
    """Compare ``result`` with the settlement workbook at ``previous``."""
    findings = check_archive(previous.read_bytes(), previous.name)
    if findings:
        raise SpreidingInputError(findings)
    try:
        back = read_settlement(previous)
        lang = settlement_language(pd.ExcelFile(previous, engine="calamine").sheet_names)
        basis = pd.read_excel(
            previous, sheet_name=text("sbook_sheet_basis", lang), engine="calamine"
        )
    except (KeyError, ValueError, IndexError) as exc:
        raise SpreidingInputError(
            [
                Finding(
                    "",
                    None,
                    "",
                    previous.name,
                    code="compare_not_settlement",
                    params={"detail": str(exc)},
                )
            ]
        ) from exc
    before = back["hospitals"].set_index("hospital_id")
    now = result.hospitals.set_index("hospital_id")
    hospitals = sorted(set(before.index.astype(str)) | set(now.index))
    rows = []
    for h in hospitals:
        for item in ITEMS:
            was = (
                int(before.at[h, item])
                if h in before.index and item in before.columns and not pd.isna(before.at[h, item])
                else 0
            )
            is_ = int(now.at[h, item]) if h in now.index else 0
            if was != is_:
                rows.append((h, item, was, is_, is_ - was))
    shown = basis.dropna(how="all")
    # the record's items by their Dutch names, whichever language the workbook is in
    dutch = {text(code, lang): text(code, "nl") for code in AUDIT_ITEMS}
    return Comparison(
        previous.name,
        {
            dutch.get(str(k), str(k)): str(v)
            for k, v in zip(shown.iloc[:, 0], shown.iloc[:, 1], strict=True)
        },
        pd.DataFrame(rows, columns=COLUMNS),
    )


def comparison_document(c: Comparison, lang: str) -> dict[str, object]:
    return {
        "previous": c.previous_name,
        "previous_run_id": c.previous.get(text("audit_run_id", "nl"), ""),
        "previous_input_sha256": c.previous.get(text("audit_sha256", "nl"), ""),
        "changes": [
            {
                "hospital_id": h,
                "item": item,
                "label": item_label(item, lang),
                "previous_cents": was,
                "current_cents": is_,
                "change_cents": d,
            }
            for h, item, was, is_, d in c.changes.itertuples(index=False)
        ],
    }


def comparison_text(c: Comparison, lang: str) -> list[str]:
    head = text(
        "compare_heading",
        lang,
        previous=c.previous_name,
        run=c.previous.get(text("audit_run_id", "nl"), "–"),
        count=len(c.changes),
    )
    if not len(c.changes):
        return [head, "  " + text("compare_none", lang)]
    return [
        head,
        *(
            "  "
            + text(
                "compare_row",
                lang,
                hospital=h,
                item=item_label(item, lang),
                previous_cents=was,
                current_cents=is_,
                change_cents=d,
            )
            for h, item, was, is_, d in c.changes.itertuples(index=False)
        ),
    ]


def comparison_frame(c: Comparison, lang: str = "nl") -> pd.DataFrame:
    """The changes with items in words, for the workbook sheet *Vergelijking*."""
    return c.changes.assign(item=[item_label(i, lang) for i in c.changes["item"]])


def comparison_sheet(c: Comparison, lang: str = "nl") -> SheetOut:
    """The sheet *Vergelijking* of the settlement workbook, in ``lang``."""
    names = headers("compare", lang)
    return SheetOut(
        text("compare_sheet", lang),
        comparison_frame(c, lang).rename(columns=names),
        euro_cents=[v for k, v in names.items() if k.endswith("_cents")],
        note=comparison_text(c, lang)[0],
    )
