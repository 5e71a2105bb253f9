"""A deal (terms and compensation) as terminal text, a JSON part and workbook sheets, in the
reader's language (issue 18). Every text comes from the catalogue (:mod:`messages.deal`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from calculator.report import records
from calculator.schema import SHEETS_BY_NAME
from calculator.xlsx_writer import SheetOut
from messages import text
from messages.numbers import euro, number
from optimizer.compensation import Split
from optimizer.deal import Deal
from optimizer.report import dutch, dutch_name

TERMS_SHARES = ["odv_share_min", "odv_share_max", "recommended_share"]


def signed(cents: int, lang: str) -> str:
    """``+€ 1.234`` / ``-€ 1.234`` / ``€ 0``: a margin change in whole euros."""
    return ("+" if cents > 0 else "") + euro(cents, lang=lang)


def _share(value: float, lang: str) -> str:
    return number(value, 4, lang=lang)


def _mode(mode: str, lang: str) -> str:
    return text(f"deal_mode_{mode}", lang)


def terms_lines(deal: Deal, lang: str = "nl", names: Mapping[str, str] | None = None) -> list[str]:
    """Per new or grown agreement: the ODV range, the advice and the other modes."""
    terms, modes = deal.terms.terms, deal.terms.modes
    if not len(terms):
        return []
    lines = [text("deal_terms_header", lang)]
    for t in terms.itertuples(index=False):
        existing = (
            text(
                "deal_terms_existing",
                lang,
                agreement=t.agreement_id,
                mode=_mode(str(t.mode_in_force), lang),
            )
            if t.agreement_id
            else ""
        )
        lines.append(
            "  "
            + text(
                "deal_terms_agreement",
                lang,
                care_form=(names or {}).get(t.care_form_id, t.care_form_id),
                sending=t.sending_hospital,
                performing=t.performing_hospital,
                cases=number(t.cases, 0 if float(t.cases).is_integer() else 1, lang=lang),
                existing=existing,
            )
        )
        pair = {"sending": t.sending_hospital, "performing": t.performing_hospital}
        if pd.isna(t.odv_price_min_cents):
            own = modes[
                (modes["care_form_id"] == t.care_form_id)
                & (modes["sending_hospital"] == t.sending_hospital)
                & (modes["performing_hospital"] == t.performing_hospital)
                & (modes["mode"] == "odv")
            ]
            loss = -int(own["margin_sending_cents"].sum() + own["margin_performing_cents"].sum())
            lines.append(
                "    " + text("deal_terms_empty", lang, loss=euro(loss, lang=lang), **pair)
            )
        else:
            code = (
                "deal_terms_point"
                if t.odv_price_min_cents == t.odv_price_max_cents
                else "deal_terms_range"
            )
            lines.append(
                "    "
                + text(
                    code,
                    lang,
                    low_cents=int(t.odv_price_min_cents),
                    high_cents=int(t.odv_price_max_cents),
                    low_share=_share(t.odv_share_min, lang),
                    high_share=_share(t.odv_share_max, lang),
                    benchmark_cents=int(t.odv_benchmark_cents),
                )
            )
        lines.append(
            "    "
            + text(
                "deal_terms_advice",
                lang,
                price_cents=int(t.recommended_price_cents),
                share=_share(t.recommended_share, lang),
                margin_sending=signed(int(t.margin_sending_cents), lang),
                margin_performing=signed(int(t.margin_performing_cents), lang),
                **pair,
            )
        )
        if t.transfer_to_sending_cents:
            lines.append(
                "    "
                + text(
                    "deal_terms_transfer",
                    lang,
                    sending=t.sending_hospital,
                    amount=euro(int(t.transfer_to_sending_cents), lang=lang),
                )
            )
        others = modes[
            (modes["care_form_id"] == t.care_form_id)
            & (modes["sending_hospital"] == t.sending_hospital)
            & (modes["performing_hospital"] == t.performing_hospital)
            & (modes["mode"] != "odv")
        ]
        compared = [
            text(
                "deal_terms_mode",
                lang,
                mode=_mode(str(m.mode), lang),
                margin_sending=signed(int(m.margin_sending_cents), lang),
                margin_performing=signed(int(m.margin_performing_cents), lang),
                **pair,
            )
            for m in others.itertuples(index=False)
        ]
        lines.append("    " + text("deal_terms_compare", lang, modes="; ".join(compared)))
    return lines


def split_lines(split: Split, lang: str = "nl") -> list[str]:
    """The compensation table: the region's gain, each hospital before and after, payments."""
    rule = text(f"deal_rule_{split.rule}", lang)
    lines = [
        text("deal_split_header", lang, rule=rule, gain=signed(split.region_gain_cents, lang))
        if split.gains
        else text("deal_split_header_loss", lang, rule=rule)
    ]
    lines += ["  " + note.render(lang) for note in split.notes]
    if not split.gains:
        return lines
    for row in split.table.itertuples(index=False):
        transfer = int(row.transfer_cents)
        moved = (
            text("deal_split_receives", lang, amount=euro(transfer, lang=lang))
            if transfer > 0
            else text("deal_split_pays", lang, amount=euro(-transfer, lang=lang))
            if transfer < 0
            else text("deal_split_nothing", lang)
        )
        lines.append(
            "  "
            + text(
                "deal_split_hospital",
                lang,
                hospital=row.hospital_id,
                gain=signed(int(row.gain_cents), lang),
                transfer=moved,
                final=signed(int(row.final_cents), lang),
            )
        )
    if len(split.payments):
        lines.append("  " + payments_line(split, lang))
    return lines


def payments_line(split: Split, lang: str = "nl") -> str:
    """Who pays whom, in one sentence."""
    paid = [
        text(
            "deal_split_payment",
            lang,
            payer=p.payer,
            payee=p.payee,
            amount=euro(int(p.amount_cents), lang=lang),
        )
        for p in split.payments.itertuples(index=False)
    ]
    return text("deal_split_payments", lang, payments="; ".join(paid))


def deal_lines(deal: Deal, lang: str = "nl", names: Mapping[str, str] | None = None) -> list[str]:
    return terms_lines(deal, lang, names) + split_lines(deal.split, lang)


def deal_document(deal: Deal, lang: str = "nl") -> dict[str, Any]:
    """The JSON part ``deal``: terms, terms per mode and the compensation table [cents]."""
    split = deal.split
    shapley = split.shapley
    return {
        "terms": records(deal.terms.terms),
        "modes": records(deal.terms.modes),
        "compensation": {
            "rule": split.rule,
            "region_gain_cents": split.region_gain_cents,
            "hospitals": records(split.table),
            "payments": records(split.payments),
            "lines": records(split.lines(deal.year)),
            "notes": [n.render(lang) for n in split.notes],
            "shapley": None
            if shapley is None
            else {
                "values_cents": {h: float(v) for h, v in shapley.values.items()},
                "coalitions_solved": len(shapley.coalitions),
                "orders": shapley.orders,
                "error_cents": shapley.error_cents,
            },
        },
    }


def _words(frame: pd.DataFrame, lang: str, names: Mapping[str, str] | None) -> pd.DataFrame:
    out = frame.copy()
    for column in ("mode", "mode_in_force", "recommended_mode"):
        if column in out.columns:
            out[column] = [_mode(m, lang) if m else "" for m in out[column]]
    if names and "care_form_id" in out.columns:
        out["care_form_id"] = [names.get(c, c) for c in out["care_form_id"]]
    return dutch(out, lang)


def deal_sheets(
    deal: Deal, lang: str = "nl", names: Mapping[str, str] | None = None
) -> list[SheetOut]:
    """Terms, terms per mode and the compensation table (payments below it) as sheets."""
    terms, modes, split = deal.terms.terms, deal.terms.modes, deal.split

    def cents(frame: pd.DataFrame) -> list[str]:
        return [dutch_name(c, lang) for c in frame.columns if c.endswith("_cents")]

    sheets = []
    if len(terms):
        sheets += [
            SheetOut(
                text("deal_sheet_terms", lang),
                _words(terms, lang, names),
                euro_cents=cents(terms),
                shares=[dutch_name(c, lang) for c in TERMS_SHARES],
            ),
            SheetOut(
                text("deal_sheet_modes", lang),
                _words(modes, lang, names),
                euro_cents=cents(modes),
                shares=[dutch_name("share", lang)],
            ),
        ]
    payments = SheetOut("", dutch(split.payments, lang), euro_cents=cents(split.payments))
    sheets.append(
        SheetOut(
            text("deal_sheet_split", lang),
            dutch(split.table, lang),
            euro_cents=cents(split.table),
            note="; ".join(
                [text(f"deal_rule_{split.rule}", lang)]
                + [n.render(lang) for n in split.notes]
                + ([text("deal_sheet_input_note", lang)] if len(split.payments) else [])
            ),
            below=[(text("deal_sheet_payments", lang), payments)] if len(split.payments) else [],
        )
    )
    if len(split.payments):
        sheets.append(input_sheet(deal, lang))
    return sheets


def input_sheet(deal: Deal, lang: str = "nl") -> SheetOut:
    """The payments as the input sheet ``compensation`` under its Dutch name and headers (the
    reader accepts both languages; the Dutch ones are words, not codes): copied into the
    region's workbook, ``spreiding settle`` carries them as lines of their own kind."""
    sheet = SHEETS_BY_NAME["compensation"]
    title = sheet.alias
    headers = {c.name: c.alias for c in sheet.columns}
    payments = deal.split.payments
    description = text(
        "deal_compensation_description",
        lang,
        year=str(deal.year),
        rule=text(f"deal_rule_{deal.split.rule}", lang),
    )
    frame = pd.DataFrame(
        {
            "year": deal.year,
            "payer_hospital": payments["payer"],
            "payee_hospital": payments["payee"],
            "amount": payments["amount_cents"],
            "description": description,
        }
    ).rename(columns=headers)
    return SheetOut(title, frame, euro_cents=[headers["amount"]])
