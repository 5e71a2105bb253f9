"""The sections of the board pack, in reading order: one function a section, each turning the
pack's figures (:class:`boardpack.content.PackContent`) and charts into Platypus flowables. A
new section is one more function in :data:`SECTIONS`."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from boardpack.content import PackContent
from boardpack.layout import (
    BODY,
    H1,
    H2,
    SMALL,
    TITLE,
    beside,
    bullets,
    para,
    picture,
    table,
)
from boardpack.pictures import Pictures
from dashboard.geo import NEAR_CEILING
from messages import text
from messages.numbers import euro, number, percent
from optimizer.business_case_report import break_even_text, rate_text, rule_text
from optimizer.compensation import Split
from optimizer.deal import Deal
from optimizer.deal_report import payments_line, signed, split_lines
from optimizer.report import named
from optimizer.saved_plan import SAVED

Section = Callable[[PackContent, Pictures], list[Flowable]]
WIDTH = 174 * mm  # A4 less the margins
MAP_WIDTH = 140 * mm
MAP_COLUMNS = [103 * mm, WIDTH - 103 * mm]


def title(c: PackContent, _: Pictures) -> list[Flowable]:
    return [
        para(text("pack_title", c.lang, year=str(c.year)), TITLE),
        para(text("pack_subtitle", c.lang, book=c.book, date=c.date), SMALL),
    ]


def region_today(c: PackContent, p: Pictures) -> list[Flowable]:
    lang, t = c.lang, c.today
    met, total = int(t["norms_met"].sum()), int(t["norms_total"].sum())
    out: list[Flowable] = [
        para(text("pack_today", lang, year=str(c.year)), H1),
        para(
            text(
                "pack_today_figures",
                lang,
                hospitals=str(len(t)),
                cases=number(float(t["cases"].sum()), 0, lang=lang),
                met=str(met),
                total=str(total),
                margin=euro(int(t["margin_cents"].sum()), lang=lang),
            )
        ),
        Spacer(1, 2 * mm),
    ]
    rows = [
        [
            f"{h.hospital_id} · {h.name}",
            number(float(h.cases), 0, lang=lang),
            percent(h.or_utilisation, lang=lang),
            percent(h.or_ceiling, decimals=0, lang=lang),
            text("pack_norms_of", lang, met=str(int(h.norms_met)), total=str(int(h.norms_total))),
            euro(int(h.margin_cents), lang=lang),
        ]
        for h in t.itertuples(index=False)
    ]
    rows.append(
        [
            text("pack_region", lang),
            number(float(t["cases"].sum()), 0, lang=lang),
            "",
            "",
            text("pack_norms_of", lang, met=str(met), total=str(total)),
            euro(int(t["margin_cents"].sum()), lang=lang),
        ]
    )
    header = [
        text(f"pack_col_{k}", lang)
        for k in ("hospital", "patients", "or_use", "ceiling", "norms", "margin")
    ]
    widths = [w * mm for w in (62, 20, 22, 18, 24, 28)]
    out.append(table(header, rows, widths, numbers={1, 2, 3, 4, 5}, total=True))
    if p.map_today is not None:
        out += [
            Spacer(1, 3 * mm),
            picture(p.map_today, MAP_WIDTH),
            para(text("pack_map_today", lang), SMALL),
        ]
    return out


def the_plan(c: PackContent, p: Pictures) -> list[Flowable]:
    lang, story, result = c.lang, c.story, c.result
    region = story.region
    out: list[Flowable] = [
        PageBreak(),  # the region today fills the first page; the plan starts the second
        para(text("pack_plan", lang), H1),
        para(
            text(
                "pack_plan_outcome",
                lang,
                moved=number(float(region["cases_moved"]), 0, lang=lang),
                new=str(int(region["new_agreements"])),
                gain=signed(int(region["margin_change_cents"]), lang),
            )
        ),
    ]
    if result.status == "time_limit":
        out.append(para(text("pack_assume_status", lang)))
    saved = result.status == SAVED  # a saved scenario: what the plan is, not its goals
    out.append(para(text("pack_plan_is" if saved else "pack_goals", lang), BODY))
    out += bullets([goal.render(lang) for goal in result.goals])
    out.append(para(text("pack_moves", lang), H2))
    moves = story.moves.sort_values("cases", ascending=False)
    if moves.empty:
        return [*out, para(text("pack_no_moves", lang))]
    kinds = {kind: text(f"ui_agreement_{kind}", lang) for kind in set(moves["agreement"])}
    rows = [
        [
            c.names.get(m.care_form_id, m.care_form_id),
            f"{m.sending_hospital} → {m.performing_hospital}",
            number(float(m.cases), 0 if result.whole else 1, lang=lang),
            text("pack_minutes", lang, minutes=number(float(m.extra_minutes), 0, lang=lang)),
            kinds[m.agreement],
            "; ".join(named(r, c.names).render(lang) for r in m.reasons),
        ]
        for m in moves.itertuples(index=False)
    ]
    header = [
        text(f"pack_col_{k}", lang)
        for k in ("care_form", "pair", "patients", "extra", "basis", "why")
    ]
    out.append(table(header, rows, [w * mm for w in (31, 19, 15, 15, 25, 69)], numbers={2, 3}))
    travel, whole = story.travel, 0 if result.whole else 1  # patients: whole, or one decimal
    out += [
        Spacer(1, 2 * mm),
        para(
            text(
                "opt_cli_travel",
                lang,
                further=number(travel["cases_further"], whole, lang=lang),
                average=number(travel["average_extra_minutes"], 1, lang=lang),
                maximum=number(travel["max_extra_minutes"], 0, lang=lang),
                closer=number(travel["cases_closer"], whole, lang=lang),
                over_30=number(travel["cases_over_30"], whole, lang=lang),
                over_60=number(travel["cases_over_60"], whole, lang=lang),
            )
        ),
    ]
    if p.map_after is not None:
        caption = [para(text("pack_map_after", lang), SMALL)]
        out += [Spacer(1, 3 * mm), beside(picture(p.map_after, 100 * mm), caption, MAP_COLUMNS)]
    return out


def gains_and_losses(c: PackContent, p: Pictures) -> list[Flowable]:
    lang, h = c.lang, c.story.hospitals
    out: list[Flowable] = [PageBreak(), para(text("pack_gains", lang), H1)]
    deal = c.deal
    rule = text(f"deal_rule_{deal.split.rule}", lang) if deal is not None else ""
    if deal is not None:
        out.append(para(text("pack_gains_intro", lang, rule=rule)))
    split = deal.split.table.set_index("hospital_id") if deal is not None else None
    rows = []
    for r in h.itertuples(index=False):
        row = [
            str(r.hospital_id),
            euro(int(r.margin_cents_before), lang=lang),
            euro(int(r.margin_cents_after), lang=lang),
            signed(int(r.margin_cents_change), lang),
        ]
        if split is not None and r.hospital_id in split.index:
            row += [
                signed(int(split.loc[r.hospital_id, "transfer_cents"]), lang),
                signed(int(split.loc[r.hospital_id, "final_cents"]), lang),
            ]
        elif split is not None:
            row += ["", ""]
        rows.append(row)
    totals = [
        text("pack_region", lang),
        euro(int(h["margin_cents_before"].sum()), lang=lang),
        euro(int(h["margin_cents_after"].sum()), lang=lang),
        signed(int(h["margin_cents_change"].sum()), lang),
    ]
    if split is not None:
        totals += [
            signed(int(split["transfer_cents"].sum()), lang),
            signed(int(split["final_cents"].sum()), lang),
        ]
    rows.append(totals)
    keys = ["hospital", "before", "after", "change"] + (
        ["transfer", "final"] if split is not None else []
    )
    widths = [w * mm for w in (24, 30, 30, 28, 28, 28)][: len(keys)]
    numbers = set(range(1, len(keys)))
    out += [
        table([text(f"pack_col_{k}", lang) for k in keys], rows, widths, numbers, total=True),
        Spacer(1, 2 * mm),
        picture(p.gains, 85 * mm),
    ]
    if deal is None:
        return out
    out.append(para(text("pack_terms", lang), H2))
    out += terms_table(deal, lang, c.names)
    out.append(para(text("pack_compensation", lang), H2))
    out += [para(line) for line in compensation_lines(deal.split, lang)]
    return out


def terms_table(deal: Deal, lang: str, names: dict[str, str]) -> list[Flowable]:
    """One row per new or grown agreement: its patients, the ODV price range that leaves both
    hospitals whole, the advised price, each side's yearly gain under it and what the sender
    still needs; the other modes are compared in the workbook and the text output."""
    terms = deal.terms.terms
    if not len(terms):
        return [para(text("pack_no_terms", lang))]
    rows = []
    for r in terms.itertuples(index=False):
        agreement = text(
            "pack_terms_agreement",
            lang,
            care_form=names.get(r.care_form_id, r.care_form_id),
            sending=r.sending_hospital,
            performing=r.performing_hospital,
        )
        if r.agreement_id:
            agreement += f" ({r.agreement_id})"
        if pd.isna(r.odv_price_min_cents):
            span = text("pack_terms_no_range", lang)
        elif r.odv_price_min_cents == r.odv_price_max_cents:
            span = euro(int(r.odv_price_min_cents), with_cents=True, lang=lang)
        else:
            low = euro(int(r.odv_price_min_cents), with_cents=True, lang=lang)
            high = euro(int(r.odv_price_max_cents), with_cents=True, lang=lang)
            span = f"{low} – {high}"
        transfer = int(r.transfer_to_sending_cents)
        rows.append(
            [
                agreement,
                number(float(r.cases), 0 if float(r.cases).is_integer() else 1, lang=lang),
                span,
                euro(int(r.recommended_price_cents), with_cents=True, lang=lang),
                signed(int(r.margin_sending_cents), lang),
                signed(int(r.margin_performing_cents), lang),
                euro(transfer, lang=lang) if transfer else "–",
            ]
        )
    keys = ("agreement", "patients", "range", "advice", "sending", "performing", "transfer")
    header = [text(f"pack_terms_col_{k}", lang) for k in keys]
    widths = [w * mm for w in (41, 16, 37, 21, 20, 20, 19)]
    return [
        para(text("pack_terms_intro", lang), SMALL),
        Spacer(1, 1 * mm),
        table(header, rows, widths, numbers={1, 2, 3, 4, 5, 6}),
    ]


def compensation_lines(split: Split, lang: str) -> list[str]:
    """The region's gain and rule, the notes and who pays whom (the table holds the rest)."""
    lines = [split_lines(split, lang)[0], *(note.render(lang) for note in split.notes)]
    if split.gains and len(split.payments):
        lines.append(payments_line(split, lang))
    return lines


def the_business_case(c: PackContent, p: Pictures) -> list[Flowable]:
    """Per hospital and the region: break-even year, present value, pre-financing and the
    position in the last year; the cumulative chart and the case's notes."""
    case, lang = c.case, c.lang
    if case is None:
        return []
    first, last = case.years[0], case.years[-1]
    rule = rule_text(case, lang)
    out: list[Flowable] = [
        para(text("pack_case", lang, first=str(first), last=str(last)), H1),
        para(text("pack_case_intro", lang, rule=rule, rate=rate_text(case, lang))),
    ]
    closing = case.yearly[case.yearly["year"] == last].set_index("hospital_id")["cumulative_cents"]
    region_closing = int(case.region_yearly.set_index("year").loc[last, "cumulative_cents"])
    rows = [
        [
            str(r.hospital_id),
            break_even_text(r.break_even_year, case, lang, str(r.hospital_id)),
            signed(int(r.npv_cents), lang),
            euro(int(r.prefinancing_cents), lang=lang),
            signed(int(closing.get(r.hospital_id, 0)), lang),
        ]
        for r in case.hospitals.itertuples(index=False)
    ]
    region = next(case.region.itertuples(index=False))
    rows.append(
        [
            text("pack_region", lang),
            break_even_text(region.break_even_year, case, lang),
            signed(int(region.npv_cents), lang),
            euro(int(region.prefinancing_cents), lang=lang),
            signed(region_closing, lang),
        ]
    )
    header = [text(f"pack_col_{k}", lang) for k in ("hospital", "break_even", "npv")]
    header += [
        text("pack_col_prefinancing", lang),
        text("pack_col_cumulative", lang, year=str(last)),
    ]
    widths = [w * mm for w in (24, 38, 34, 34, 34)]
    out.append(table(header, rows, widths, numbers={2, 3, 4}, total=True))
    notes = [
        para(text("pack_case_chart", lang), SMALL),
        *bullets([note.render(lang) for note in case.notes], SMALL),
    ]
    if p.cumulative is None:
        return [*out, *notes]
    return [*out, Spacer(1, 2 * mm), beside(picture(p.cumulative, 100 * mm), notes, MAP_COLUMNS)]


def at_risk(c: PackContent, _: Pictures) -> list[Flowable]:
    lang, result = c.lang, c.result
    out: list[Flowable] = [
        para(text("pack_risk", lang), H1),
        para(text("pack_risk_ceiling", lang), H2),
    ]
    risky = c.after[c.after["above_ceiling"] | c.after["near_ceiling"]]
    lines = []
    for r in risky.itertuples(index=False):
        beds = r.bed_days_available == r.bed_days_available  # NaN: beds do not limit
        lines.append(
            text(
                "pack_risk_above" if r.above_ceiling else "pack_risk_near",
                lang,
                hospital=str(r.hospital_id),
                or_use=percent(r.or_utilisation, lang=lang),
                or_ceiling=percent(r.or_ceiling, decimals=0, lang=lang),
                bed_use=percent(r.bed_utilisation, lang=lang)
                if beds
                else text("pack_beds_unlimited", lang),
                bed_ceiling=percent(r.bed_ceiling, decimals=0, lang=lang),
            )
        )
    if not lines:
        lines = [
            text("pack_risk_no_ceiling", lang, margin=percent(NEAR_CEILING, decimals=0, lang=lang))
        ]
    out += bullets(lines)
    out.append(para(text("pack_risk_norms", lang), H2))
    missed = [
        text(
            "pack_risk_norm_missed",
            lang,
            hospital=str(m.hospital_id),
            norm=str(int(m.norm)),
            care_form=c.names.get(m.care_form_id, m.care_form_id),
            cases=number(float(m.cases), 0 if result.whole else 1, lang=lang),
        )
        for m in c.missed.itertuples(index=False)
    ]
    out += bullets(missed or [text("pack_risk_norms_met", lang)])
    out.append(para(text("pack_assumptions", lang), H2))
    out += bullets(assumptions(c))
    return out


def assumptions(c: PackContent) -> list[str]:
    """The run's assumptions a board should know, in words."""
    lang, options = c.lang, c.result.options
    out = [text("pack_assume_volumes", lang, year=str(c.year))]
    if options.max_utilisation is not None:
        ceiling = percent(options.max_utilisation, decimals=0, lang=lang)
        out.append(text("pack_assume_ceiling_run", lang, ceiling=ceiling))
    else:
        out.append(text("pack_assume_ceiling_sheet", lang))
    out.append(text("pack_assume_whole" if c.result.whole else "pack_assume_fractional", lang))
    if options.max_travel is not None:
        minutes = number(float(options.max_travel), 0, lang=lang)
        out.append(text("pack_assume_max_travel", lang, minutes=minutes))
    if options.norms:
        norms = ", ".join(f"{c.names.get(k, k)} {v}" for k, v in options.norms.items())
        out.append(text("pack_assume_norms", lang, norms=norms))
    out.append(text(f"pack_assume_caps_{options.caps}", lang))
    if len(c.result.proposals):
        out.append(text("pack_assume_proposals", lang))
    if c.run_line:
        out.append(c.run_line)
    return out


SECTIONS: tuple[Section, ...] = (
    title,
    region_today,
    the_plan,
    gains_and_losses,
    the_business_case,
    at_risk,
)
