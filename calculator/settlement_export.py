"""The settlement workbook (README, Command line) and reading it back.

Sheets: Samenvatting, Ondertekening (the payments and a signing line per hospital's board),
Omzet (insurer revenue and caps), Verrekening (pair statements and payments), Regels,
Uitzonderingen, Monitoring, Detacheringen, Netwerkkosten, Uitgangspunten — in Dutch, or in
English with ``lang="en"``. Amounts are euros (numbers with a euro number format), every sheet
with amounts ends in a totals row, yes/no are words; reading the workbook back (in either
language) gives the same figures in cents.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO

import pandas as pd

from calculator.audit import Audit
from calculator.invariants import describe
from calculator.lines import exception_keys, exception_kind_label, exception_messages
from calculator.schema import SHEETS_BY_NAME
from calculator.settle import SettlementResult
from calculator.xlsx_writer import SheetOut, write_book
from messages import LANGUAGES, text
from messages.settlement_book import COLUMNS

TABLES = (
    "summary",
    "pairs",
    "payments",
    "lines",
    "caps",
    "exceptions",
    "monitor",
    "monitor_insurer",
    "secondment",
    "network",
    "prices",
    "compare",
)


def headers(table: str, lang: str = "nl") -> dict[str, str]:
    """Canonical column → header in ``lang`` for one table of the workbook (the catalogue's
    ``sbook_<table>_<column>`` texts, in the order the workbook shows them)."""
    return {column: text(f"sbook_{table}_{column}", lang) for column in COLUMNS[table]}


SUMMARY_NAMES = headers("summary")
PAIR_NAMES = headers("pairs")
PAYMENT_NAMES = headers("payments")
LINE_NAMES = headers("lines")
CAP_NAMES = headers("caps")
EXCEPTION_NAMES = headers("exceptions")
MONITOR_NAMES = headers("monitor")
MONITOR_INSURER_NAMES = headers("monitor_insurer")
SECONDMENT_NAMES = headers("secondment")
NETWORK_NAMES = headers("network")
MAX_DETAIL_LINES = 200_000


def consent_label(status: str, lang: str) -> str:
    """An insurer's consent status in words (blank for an agreement that is not parallel)."""
    return text(f"settlement_consent_{status}", lang) if status else ""


def monitoring_by_insurer(result: SettlementResult, lang: str = "nl") -> pd.DataFrame:
    """Realised cases per agreement and insurer with modes and consent in words."""
    m = result.monitoring_insurers
    if not len(m):
        return pd.DataFrame(columns=list(MONITOR_INSURER_NAMES))
    return m.assign(
        mode=[text(f"settlement_mode_{x}", lang) for x in m["mode"]],
        consent=[consent_label(x, lang) for x in m["consent"]],
    )[list(MONITOR_INSURER_NAMES)]


def _sheet_label(sheet: str, lang: str = "nl") -> str:
    """The name of an input sheet as the reader knows it (``registraties`` in Dutch)."""
    if sheet not in SHEETS_BY_NAME:
        return sheet
    # the English name with spaces, as the reader accepts it too ("network costs")
    return SHEETS_BY_NAME[sheet].alias if lang == "nl" else sheet.replace("_", " ")


def _cents_columns(names: dict[str, str]) -> list[str]:
    return [v for k, v in names.items() if k.endswith("_cents")]


def _frame_or_empty(frame: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """The named columns of ``frame`` (a result without the table has none: no rows)."""
    if not len(frame.columns):
        return pd.DataFrame(columns=list(names))
    return frame[list(names)]


def _lines(result: SettlementResult, lang: str) -> tuple[pd.DataFrame, str]:
    """The lines as the workbook shows them (summarised above MAX_DETAIL_LINES), and a note."""
    lines = result.lines
    if len(lines) <= MAX_DETAIL_LINES:
        return lines, ""
    group = [
        "kind",
        "care_form_id",
        "payer",
        "payee",
        "product_code",
        "unit_price_cents",
        "agreement_id",
        "price_year",
        "source_sheet",
    ]
    summarised = lines.groupby(group, as_index=False, dropna=False).agg(
        count=("count", "sum"),
        amount_cents=("amount_cents", "sum"),
        source_rows=(
            "source_rows",
            lambda s: text("settlement_workbook_source_rows", lang, count=len(s)),
        ),
        source_keys=("source_keys", lambda s: ""),
    )[list(LINE_NAMES)]
    return summarised, text("settlement_workbook_lines_summarised", lang, count=len(lines))


def _audit(result: SettlementResult) -> Audit:
    return result.audit or Audit(
        "settle",
        result.input_name,
        result.input_sha256,
        {"year": result.year, "source": result.source, "year_basis": result.year_basis},
        run_at=result.run_at,
    )


def _basis(result: SettlementResult, lang: str) -> pd.DataFrame:
    """Year, source, notes, the audit record and the invariants: (item, value) rows."""
    b = headers("basis", lang)
    audit_rows = _audit(result).rows(lang)
    invariants = (
        text("settlement_workbook_invariants_hold", lang)
        if result.invariants_hold
        else "; ".join(
            f"{text(f'settlement_invariant_{k}', lang)}: {describe(v[0], lang)}"
            for k, v in result.invariants.items()
            if v
        )
    )
    return pd.DataFrame(
        {
            b["item"]: [
                b["year"],
                b["source"],
                b["year_basis"],
                *([b["note"]] * len(result.notes)),
                *(item for item, _ in audit_rows),
                b["invariants"],
            ],
            b["value"]: [
                str(result.year),
                text(f"settlement_source_{result.source}", lang),
                text(f"settlement_year_basis_{result.year_basis}", lang),
                *(note.render(lang) for note in result.notes),
                *(value for _, value in audit_rows),
                invariants,
            ],
        }
    )


def signing_sheet(
    result: SettlementResult, lang: str = "nl", names: Mapping[str, str] | None = None
) -> SheetOut:
    """*Ondertekening*: what the boards agree to (the payments, with their total), the input
    it rests on, and a line to sign for every hospital's board (by its name from ``names``,
    hospital id → name, where given): name, position, date and signature."""
    audit = _audit(result)
    cols = headers("payments", lang)
    payments = result.payments[list(PAYMENT_NAMES)]
    total = int(payments["amount_cents"].sum()) if len(payments) else 0
    statement = (
        text(
            "sbook_signing_statement",
            lang,
            year=str(result.year),
            total_cents=total,
            count=len(payments),
        )
        if len(payments)
        else text("sbook_signing_none", lang)
    )
    basis = text(
        "sbook_signing_basis",
        lang,
        input=audit.input_name,
        sha256=audit.input_sha256,
        run_id=audit.run_id,
        version=audit.version,
        run_at=audit.run_at,
    )
    hospitals = sorted(str(h) for h in result.hospitals["hospital_id"])
    return SheetOut(
        text("sbook_sheet_signing", lang),
        payments.rename(columns=cols),
        euro_cents=[cols["amount_cents"]],
        heading=text("sbook_signing_title", lang, year=str(result.year)),
        note=f"{statement}\n{basis}",
        total=text("sbook_total", lang),
        summed=[cols["amount_cents"]],
        signers=[
            text(
                "sbook_signing_hospital",
                lang,
                hospital=f"{names[h]} ({h})" if names and names.get(h) else h,
            )
            for h in hospitals
        ],
        signing_headers=[
            text(f"sbook_signing_{part}", lang)
            for part in ("who", "name", "function", "date", "signature")
        ],
    )


def write_settlement(
    result: SettlementResult,
    target: str | Path | IO[bytes],
    extra: Sequence[SheetOut] = (),
    lang: str = "nl",
    names: Mapping[str, str] | None = None,
) -> None:
    """Write the settlement workbook an analyst sends to both boards, in ``lang`` (``extra``
    sheets, such as the comparison with an earlier workbook, go before *Uitgangspunten*;
    ``names``, hospital id → name, names the boards on the signing sheet).

    Every sheet with amounts ends in a totals row (sums of the exact cents); the sheet
    *Ondertekening* carries the payments and a signing line per hospital's board.
    """
    n = {table: headers(table, lang) for table in TABLES}
    total = text("sbook_total", lang)
    lines, note = _lines(result, lang)
    prices = (
        result.prices[list(n["prices"])]
        .assign(component=lambda f: [text(f"choice_{c}", lang) for c in f["component"]])
        .rename(columns=n["prices"])
    )
    word = {True: text("settlement_yes", lang), False: text("settlement_no", lang)}
    sheets = [
        SheetOut(
            text("sbook_sheet_summary", lang),
            result.hospitals[list(n["summary"])].rename(columns=n["summary"]),
            euro_cents=_cents_columns(n["summary"]),
            total=total,
            summed=_cents_columns(n["summary"]),
        ),
        signing_sheet(result, lang, names),
        SheetOut(
            text("sbook_sheet_caps", lang),
            result.caps[list(n["caps"])].rename(columns=n["caps"]),
            euro_cents=_cents_columns(n["caps"]),
            shares=[n["caps"]["overcap_rate"]],
            total=total,
            summed=[n["caps"][c] for c in ("declared_cents", "paid_cents", "unpaid_cents")],
        ),
        SheetOut(
            text("sbook_sheet_pairs", lang),
            result.pairs[list(n["pairs"])].rename(columns=n["pairs"]),
            euro_cents=_cents_columns(n["pairs"]),
            total=total,
            summed=_cents_columns(n["pairs"]),
            below=[
                (
                    text("sbook_payments_title", lang),
                    SheetOut(
                        "",
                        result.payments[list(n["payments"])].rename(columns=n["payments"]),
                        euro_cents=_cents_columns(n["payments"]),
                        total=total,
                        summed=_cents_columns(n["payments"]),
                    ),
                )
            ],
        ),
        SheetOut(
            text("sbook_sheet_lines", lang),
            lines.assign(
                kind=[text(f"settlement_line_kind_{k}", lang) for k in lines["kind"]],
                source_sheet=lines["source_sheet"].map(lambda s: _sheet_label(s, lang)),
            )[list(n["lines"])].rename(columns=n["lines"]),
            euro_cents=_cents_columns(n["lines"]),
            note=note,
            total=total,
            summed=[n["lines"]["count"], n["lines"]["amount_cents"]],
        ),
        SheetOut(
            text("sbook_sheet_exceptions", lang),
            result.exceptions.assign(
                kind=[exception_kind_label(k, lang) for k in result.exceptions["kind"]],
                key=exception_keys(result.exceptions, lang),
                source_sheet=result.exceptions["source_sheet"].map(lambda s: _sheet_label(s, lang)),
                message=exception_messages(result.exceptions, lang),
            )[list(n["exceptions"])].rename(columns=n["exceptions"]),
        ),
        SheetOut(
            text("sbook_sheet_monitor", lang),
            result.monitoring.assign(
                mode=[text(f"settlement_mode_{m}", lang) for m in result.monitoring["mode"]]
            )[list(n["monitor"])].rename(columns=n["monitor"]),
            shares=[n["monitor"]["deviation_share"]],
            total=total,
            summed=[n["monitor"][c] for c in ("planned_cases", "realised_cases")],
            below=[
                (
                    text("settlement_workbook_monitoring_insurers", lang),
                    SheetOut(
                        "",
                        monitoring_by_insurer(result, lang).rename(columns=n["monitor_insurer"]),
                    ),
                )
            ],
        ),
        SheetOut(
            text("sbook_sheet_secondment", lang),
            _frame_or_empty(result.secondments, n["secondment"])
            .assign(indexed=lambda f: [word[bool(x)] for x in f["indexed"]])
            .rename(columns=n["secondment"]),
            euro_cents=_cents_columns(n["secondment"]),
            total=total,
            summed=[n["secondment"]["hours"], n["secondment"]["amount_cents"]],
        ),
        SheetOut(
            text("sbook_sheet_network", lang),
            _frame_or_empty(result.network_costs, n["network"])
            .assign(key=lambda f: [text(f"settlement_network_key_{k}", lang) for k in f["key"]])
            .rename(columns=n["network"]),
            euro_cents=_cents_columns(n["network"]),
            total=total,
            summed=_cents_columns(n["network"]),
        ),
        *extra,
        SheetOut(
            text("sbook_sheet_basis", lang),
            _basis(result, lang),
            below=[
                (
                    text("sbook_prices_title", lang),
                    SheetOut("", prices, euro=[n["prices"]["benchmark_price"]]),
                )
            ],
        ),
    ]
    write_book(target, sheets, lang)


def settlement_language(sheet_names: Sequence[str]) -> str:
    """The language a settlement workbook was written in, from its sheet names."""
    for lang in LANGUAGES:
        if text("sbook_sheet_summary", lang) in sheet_names:
            return lang
    msg = f"no sheet {' or '.join(text('sbook_sheet_summary', g) for g in LANGUAGES)}"
    raise KeyError(msg)


def read_settlement(path: str | Path) -> dict[str, pd.DataFrame]:
    """Read the main tables of a settlement workbook back (Dutch or English), money as integer
    cents; totals rows are left out.

    Returns frames with canonical column names: hospitals, lines, pairs, payments, caps.
    """
    book = pd.read_excel(path, sheet_name=None, engine="calamine", header=None)
    lang = settlement_language(list(book))
    total = text("sbook_total", lang)

    def table(
        sheet: str, names: dict[str, str], header_row: int = 0, rows: int | None = None
    ) -> pd.DataFrame:
        raw = book[text(sheet, lang)]
        header = raw.iloc[header_row].tolist()
        body = raw.iloc[header_row + 1 : None if rows is None else header_row + 1 + rows]
        frame = pd.DataFrame(body.to_numpy(), columns=header).dropna(how="all")
        frame = frame[frame.iloc[:, 0].astype(str) != total]  # the totals row
        inverse = {v: k for k, v in names.items()}
        frame = frame.rename(columns=inverse)[[k for k in names if names[k] in header]]
        for col in frame.columns:
            if col.endswith("_cents"):
                frame[col] = (
                    frame[col]
                    .map(lambda v: None if pd.isna(v) else int(round(float(v) * 100)))
                    .astype("Int64")
                )
        return frame.reset_index(drop=True)

    pairs_sheet = book[text("sbook_sheet_pairs", lang)]
    first_col = pairs_sheet.iloc[:, 0].tolist()
    pay_title = first_col.index(text("sbook_payments_title", lang))
    lines_sheet = book[text("sbook_sheet_lines", lang)]
    lines_names = headers("lines", lang)
    lines_header = 1 if str(lines_sheet.iloc[0, 0]) != lines_names["kind"] else 0
    return {
        "hospitals": table("sbook_sheet_summary", headers("summary", lang)),
        "caps": table("sbook_sheet_caps", headers("caps", lang)),
        "pairs": table("sbook_sheet_pairs", headers("pairs", lang), rows=pay_title - 2),
        "payments": table("sbook_sheet_pairs", headers("payments", lang), header_row=pay_title + 1),
        "lines": table("sbook_sheet_lines", lines_names, header_row=lines_header),
    }
