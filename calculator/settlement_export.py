"""The settlement workbook (SPEC §8) and reading it back.

Sheets: Samenvatting, Omzet (insurer revenue and caps), Verrekening (pair statements and
payments), Regels, Uitzonderingen, Monitoring, Uitgangspunten. Amounts are euros with a euro
number format; reading the workbook back gives the same figures in cents.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import IO

import pandas as pd

from calculator.audit import Audit
from calculator.invariants import describe
from calculator.lines import exception_keys, exception_kind_label, exception_messages
from calculator.schema import SHEETS_BY_NAME
from calculator.settle import SettlementResult
from calculator.xlsx_writer import SheetOut, write_book
from messages import text

SUMMARY_NAMES = {
    "hospital_id": "ziekenhuis",
    "insurer_declared_cents": "gedeclareerd bij verzekeraars",
    "insurer_paid_cents": "uitbetaald door verzekeraars",
    "insurer_unpaid_cents": "niet uitbetaald (boven plafond)",
    "odv_receivable_cents": "ODV te ontvangen",
    "odv_payable_cents": "ODV te betalen",
    "secondment_receivable_cents": "detachering te ontvangen",
    "secondment_payable_cents": "detachering te betalen",
    "secondment_contract_receivable_cents": "detacheringscontracten te ontvangen",
    "secondment_contract_payable_cents": "detacheringscontracten te betalen",
    "network_costs_receivable_cents": "netwerkkosten te ontvangen",
    "network_costs_payable_cents": "netwerkkosten te betalen",
    "compensation_receivable_cents": "compensatie te ontvangen",
    "compensation_payable_cents": "compensatie te betalen",
    "net_position_cents": "nettopositie",
}
PAIR_NAMES = {
    "hospital_a": "ziekenhuis A",
    "hospital_b": "ziekenhuis B",
    "a_owes_b_odv_cents": "A aan B: ODV",
    "a_owes_b_secondment_cents": "A aan B: detachering",
    "b_owes_a_odv_cents": "B aan A: ODV",
    "b_owes_a_secondment_cents": "B aan A: detachering",
    "a_owes_b_secondment_contract_cents": "A aan B: detacheringscontracten",
    "b_owes_a_secondment_contract_cents": "B aan A: detacheringscontracten",
    "a_owes_b_network_costs_cents": "A aan B: netwerkkosten",
    "b_owes_a_network_costs_cents": "B aan A: netwerkkosten",
    "a_owes_b_compensation_cents": "A aan B: compensatie",
    "b_owes_a_compensation_cents": "B aan A: compensatie",
    "a_owes_b_cents": "A aan B: totaal",
    "b_owes_a_cents": "B aan A: totaal",
    "payer": "betaler",
    "payee": "ontvanger",
    "net_cents": "netto te betalen",
}
PAYMENT_NAMES = {"payer": "betaler", "payee": "ontvanger", "amount_cents": "bedrag"}
LINE_NAMES = {
    "kind": "soort",
    "care_form_id": "zorgvorm",
    "payer": "betaler",
    "payee": "ontvanger",
    "product_code": "zorgproduct",
    "count": "aantal",
    "unit_price_cents": "prijs per stuk",
    "amount_cents": "bedrag",
    "agreement_id": "afspraak",
    "price_year": "prijsjaar",
    "source_sheet": "bronblad",
    "source_rows": "bronregels",
    "source_keys": "DBC's",
}
CAP_NAMES = {
    "hospital_id": "ziekenhuis",
    "insurer": "verzekeraar",
    "declared_cents": "gedeclareerd",
    "revenue_cap_cents": "omzetplafond",
    "overcap_rate": "vergoeding boven plafond",
    "paid_cents": "uitbetaald",
    "unpaid_cents": "niet uitbetaald",
}
EXCEPTION_NAMES = {
    "kind": "soort",
    "key": "sleutel (dbc of regel)",
    "hospital_id": "ziekenhuis",
    "partner_hospital": "partner",
    "care_form_id": "zorgvorm",
    "patient_id": "patiënt (pseudoniem)",
    "source_sheet": "bronblad",
    "source_rows": "bronregels",
    "message": "toelichting",
}
MONITOR_NAMES = {
    "agreement_id": "afspraak",
    "care_form_id": "zorgvorm",
    "sending_hospital": "verwijzer",
    "performing_hospital": "uitvoerder",
    "mode": "vorm",
    "year": "jaar",
    "planned_cases": "gepland",
    "realised_cases": "gerealiseerd",
    "deviation_cases": "afwijking",
    "deviation_share": "afwijking %",
}
MONITOR_INSURER_NAMES = {
    "agreement_id": "afspraak",
    "care_form_id": "zorgvorm",
    "sending_hospital": "verwijzer",
    "performing_hospital": "uitvoerder",
    "mode": "vorm",
    "year": "jaar",
    "insurer": "verzekeraar",
    "realised_cases": "gerealiseerd",
    "consent": "toestemming parallel declareren",
}
SECONDMENT_NAMES = {
    "secondment_id": "detachering",
    "from_hospital": "van (ontvangt)",
    "to_hospital": "naar (betaalt)",
    "role": "functie",
    "year": "jaar",
    "days": "dagen in werking",
    "days_in_year": "dagen in het jaar",
    "hours": "uren",
    "rate_cents": "uurtarief",
    "indexed": "geïndexeerd",
    "amount_cents": "bedrag",
    "source_rows": "bronregel",
}
NETWORK_NAMES = {
    "cost_id": "netwerkkosten",
    "year": "jaar",
    "description": "omschrijving",
    "key": "verdeelsleutel",
    "treasurer_hospital": "penningmeester",
    "hospital_id": "ziekenhuis",
    "weight": "gewicht",
    "part_cents": "aandeel",
    "source_rows": "bronregel",
}
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


def _sheet_label(sheet: str) -> str:
    """The Dutch name of an input sheet, as the analyst knows it (``registraties``)."""
    return SHEETS_BY_NAME[sheet].alias if sheet in SHEETS_BY_NAME else sheet


def _cents_columns(names: dict[str, str]) -> list[str]:
    return [v for k, v in names.items() if k.endswith("_cents")]


def _frame_or_empty(frame: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """The named columns of ``frame`` (a result without the table has none: no rows)."""
    if not len(frame.columns):
        return pd.DataFrame(columns=list(names))
    return frame[list(names)]


def write_settlement(
    result: SettlementResult, target: str | Path | IO[bytes], extra: Sequence[SheetOut] = ()
) -> None:
    """Write the settlement workbook an analyst sends to both boards (``extra`` sheets, such
    as the comparison with an earlier workbook, go before *Uitgangspunten*)."""
    lines = result.lines
    note = ""
    if len(lines) > MAX_DETAIL_LINES:
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
        lines = lines.groupby(group, as_index=False, dropna=False).agg(
            count=("count", "sum"),
            amount_cents=("amount_cents", "sum"),
            source_rows=(
                "source_rows",
                lambda s: text("settlement_workbook_source_rows", "nl", count=len(s)),
            ),
            source_keys=("source_keys", lambda s: ""),
        )[list(LINE_NAMES)]
        note = text("settlement_workbook_lines_summarised", "nl", count=len(result.lines))
    audit = result.audit or Audit(
        "settle",
        result.input_name,
        result.input_sha256,
        {"year": result.year, "source": result.source, "year_basis": result.year_basis},
        run_at=result.run_at,
    )
    audit_rows = audit.rows("nl")
    pairs = result.pairs[list(PAIR_NAMES)].rename(columns=PAIR_NAMES)
    payments = result.payments.rename(columns=PAYMENT_NAMES)
    basis = pd.DataFrame(
        {
            "onderdeel": [
                "jaar",
                "bron",
                "jaarbasis",
                *(["opmerking"] * len(result.notes)),
                *(item for item, _ in audit_rows),
                "invarianten",
            ],
            "waarde": [
                str(result.year),
                text(f"settlement_source_{result.source}", "nl"),
                text(f"settlement_year_basis_{result.year_basis}", "nl"),
                *(note.render("nl") for note in result.notes),
                *(value for _, value in audit_rows),
                text("settlement_workbook_invariants_hold", "nl")
                if result.invariants_hold
                else "; ".join(
                    f"{text(f'settlement_invariant_{k}', 'nl')}: {describe(v[0], 'nl')}"
                    for k, v in result.invariants.items()
                    if v
                ),
            ],
        }
    )
    prices = result.prices.rename(
        columns={
            "product_code": "zorgproduct",
            "year": "jaar",
            "care_form_id": "zorgvorm",
            "component": "onderdeel",
            "benchmark_price": "benchmarkprijs",
            "source_year": "afgeleid van jaar",
            "indexed": "geïndexeerd",
        }
    )
    write_book(
        target,
        [
            SheetOut(
                "Samenvatting",
                result.hospitals[list(SUMMARY_NAMES)].rename(columns=SUMMARY_NAMES),
                euro_cents=_cents_columns(SUMMARY_NAMES),
            ),
            SheetOut(
                "Omzet",
                result.caps[list(CAP_NAMES)].rename(columns=CAP_NAMES),
                euro_cents=_cents_columns(CAP_NAMES),
                shares=["vergoeding boven plafond"],
            ),
            SheetOut(
                "Verrekening",
                pairs,
                euro_cents=_cents_columns(PAIR_NAMES),
                below=[
                    (
                        "Betalingen (regionale verrekening)",
                        SheetOut("", payments, euro_cents=["bedrag"]),
                    )
                ],
            ),
            SheetOut(
                "Regels",
                lines.assign(
                    kind=[text(f"settlement_line_kind_{k}", "nl") for k in lines["kind"]],
                    source_sheet=lines["source_sheet"].map(_sheet_label),
                )[list(LINE_NAMES)].rename(columns=LINE_NAMES),
                euro_cents=_cents_columns(LINE_NAMES),
                note=note,
            ),
            SheetOut(
                "Uitzonderingen",
                result.exceptions.assign(
                    kind=[exception_kind_label(k, "nl") for k in result.exceptions["kind"]],
                    key=exception_keys(result.exceptions, "nl"),
                    source_sheet=result.exceptions["source_sheet"].map(_sheet_label),
                    message=exception_messages(result.exceptions, "nl"),
                )[list(EXCEPTION_NAMES)].rename(columns=EXCEPTION_NAMES),
            ),
            SheetOut(
                "Monitoring",
                result.monitoring.assign(
                    mode=[text(f"settlement_mode_{m}", "nl") for m in result.monitoring["mode"]]
                )[list(MONITOR_NAMES)].rename(columns=MONITOR_NAMES),
                shares=["afwijking %"],
                below=[
                    (
                        text("settlement_workbook_monitoring_insurers", "nl"),
                        SheetOut(
                            "", monitoring_by_insurer(result).rename(columns=MONITOR_INSURER_NAMES)
                        ),
                    )
                ],
            ),
            SheetOut(
                "Detacheringen",
                _frame_or_empty(result.secondments, SECONDMENT_NAMES)
                .assign(
                    indexed=lambda f: [
                        text("settlement_yes" if x else "settlement_no", "nl") for x in f["indexed"]
                    ]
                )
                .rename(columns=SECONDMENT_NAMES),
                euro_cents=_cents_columns(SECONDMENT_NAMES),
            ),
            SheetOut(
                "Netwerkkosten",
                _frame_or_empty(result.network_costs, NETWORK_NAMES)
                .assign(key=lambda f: [text(f"settlement_network_key_{k}", "nl") for k in f["key"]])
                .rename(columns=NETWORK_NAMES),
                euro_cents=_cents_columns(NETWORK_NAMES),
            ),
            *extra,
            SheetOut(
                "Uitgangspunten",
                basis,
                below=[
                    ("Gebruikte benchmarkprijzen", SheetOut("", prices, euro=["benchmarkprijs"]))
                ],
            ),
        ],
    )


def read_settlement(path: str | Path) -> dict[str, pd.DataFrame]:
    """Read the main tables of a settlement workbook back, money as integer cents.

    Returns frames with canonical column names: hospitals, lines, pairs, payments, caps.
    """
    book = pd.read_excel(path, sheet_name=None, engine="calamine", header=None)

    def table(
        sheet: str, names: dict[str, str], header_row: int = 0, rows: int | None = None
    ) -> pd.DataFrame:
        raw = book[sheet]
        header = raw.iloc[header_row].tolist()
        body = raw.iloc[header_row + 1 : None if rows is None else header_row + 1 + rows]
        frame = pd.DataFrame(body.to_numpy(), columns=header).dropna(how="all")
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

    pairs_sheet = book["Verrekening"]
    first_col = pairs_sheet.iloc[:, 0].tolist()
    pay_title = first_col.index("Betalingen (regionale verrekening)")
    lines_header = 1 if str(book["Regels"].iloc[0, 0]) != LINE_NAMES["kind"] else 0
    return {
        "hospitals": table("Samenvatting", SUMMARY_NAMES),
        "caps": table("Omzet", CAP_NAMES),
        "pairs": table("Verrekening", PAIR_NAMES, rows=pay_title - 2),
        "payments": table("Verrekening", PAYMENT_NAMES, header_row=pay_title + 1),
        "lines": table("Regels", LINE_NAMES, header_row=lines_header),
    }
