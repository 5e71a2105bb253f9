"""A settlement as one JSON document (README, Command line): money as integer cents, no patient
pseudonyms."""

from __future__ import annotations

from typing import Any

import pandas as pd

from calculator.invariants import describe
from calculator.lines import exception_kind_label, exception_messages
from calculator.settle import SettlementResult
from messages import text

HOSPITAL_FIELDS = [
    "hospital_id",
    "insurer_declared_cents",
    "insurer_paid_cents",
    "insurer_unpaid_cents",
    "odv_receivable_cents",
    "odv_payable_cents",
    "secondment_receivable_cents",
    "secondment_payable_cents",
    "secondment_contract_receivable_cents",
    "secondment_contract_payable_cents",
    "network_costs_receivable_cents",
    "network_costs_payable_cents",
    "compensation_receivable_cents",
    "compensation_payable_cents",
    "net_position_cents",
]


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as plain JSON values (NaN/NA → None, numpy scalars → Python)."""
    out = frame.astype(object).where(frame.notna(), None)
    return [
        {k: (v.item() if hasattr(v, "item") else v) for k, v in row.items()}
        for row in out.to_dict("records")
    ]


def settlement_document(result: SettlementResult, lang: str = "nl") -> dict[str, Any]:
    """The JSON document; exception messages in ``lang``."""
    pairs = result.pairs.rename(columns={"net_cents": "amount_cents"})
    exceptions = result.exceptions.assign(message=exception_messages(result.exceptions, lang)).drop(
        columns=["patient_id", "params"]
    )
    return {
        "year": result.year,
        "source": result.source,
        "year_basis": result.year_basis,
        "notes": [note.render(lang) for note in result.notes],
        "input": {"name": result.input_name, "sha256": result.input_sha256},
        "hospitals": records(result.hospitals[HOSPITAL_FIELDS]),
        "pairs": records(
            pairs[pairs["amount_cents"] > 0][
                [
                    "payer",
                    "payee",
                    "amount_cents",
                    *[c for c in pairs.columns if c.endswith("_cents") and c != "amount_cents"],
                ]
            ]
        ),
        "payments": records(result.payments),
        "lines": records(result.lines),
        "insurers": records(result.caps),
        # a volumes row is no DBC: it is named by source_sheet and source_rows
        "exceptions": records(
            exceptions.assign(
                key=exceptions["key"].where(exceptions["source_sheet"] != "volumes", None)
            ).rename(columns={"key": "dbc_id"})
        ),
        "monitoring": records(result.monitoring),
        "monitoring_insurers": records(result.monitoring_insurers),
        "secondments": records(result.secondments),
        "network_costs": records(result.network_costs),
        "invariants": {name: not problems for name, problems in result.invariants.items()},
        "invariant_problems": {
            k: [describe(p, lang) for p in v] for k, v in result.invariants.items() if v
        },
        "run_at": result.run_at,
        **({"audit": result.audit.document()} if result.audit is not None else {}),
    }


def settlement_text(result: SettlementResult, lang: str = "nl") -> list[str]:
    """The settlement in a few lines for a terminal: per hospital, payments, exceptions."""
    out = [
        text(
            "settlement_text_heading",
            lang,
            year=str(result.year),
            source=text(f"settlement_source_{result.source}", lang),
            input=result.input_name,
            basis=text(f"settlement_year_basis_{result.year_basis}", lang),
        ),
        *(f"  {note.render(lang)}" for note in result.notes),
    ]
    for row in result.hospitals.itertuples(index=False):
        out.append(
            "  "
            + text(
                "settlement_text_hospital",
                lang,
                hospital=row.hospital_id,
                declared_cents=int(row.insurer_declared_cents),
                paid_cents=int(row.insurer_paid_cents),
                net_cents=int(row.net_position_cents),
            )
        )
    out.append(text("settlement_text_payments", lang))
    for p in result.payments.itertuples(index=False):
        out.append(
            "  "
            + text(
                "settlement_text_payment",
                lang,
                payer=p.payer,
                payee=p.payee,
                amount_cents=int(p.amount_cents),
            )
        )
    counts = result.exceptions["kind"].value_counts(sort=False)
    listed = ", ".join(f"{exception_kind_label(k, lang)} {v}" for k, v in counts.items())
    out.append(
        text("settlement_text_exceptions", lang, list=listed or text("settlement_text_none", lang))
    )
    broken = [
        f"{text(f'settlement_invariant_{k}', lang)}: {describe(v[0], lang)}"
        for k, v in result.invariants.items()
        if v
    ]
    out.append(
        text("settlement_text_invariants_broken", lang, list="; ".join(broken))
        if broken
        else text("settlement_text_invariants_hold", lang)
    )
    if result.audit is not None:
        out.append(result.audit.line(lang))
    return out
