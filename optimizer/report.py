"""Scenario and optimisation results as JSON documents and workbooks (README, Command line)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO, Any

import pandas as pd

from calculator.report import records
from calculator.workbook import Workbook
from calculator.xlsx_writer import SheetOut, write_book
from messages import CATALOGUE, Message, text
from messages.numbers import euro, number
from optimizer.capacity import CapacityReport
from optimizer.optimize import OptimizeResult
from optimizer.scenario import ScenarioResult
from optimizer.story import Story


def hospitals_table(before: CapacityReport, after: CapacityReport | None) -> pd.DataFrame:
    cols = [
        "hospital_id",
        "or_minutes_used",
        "or_minutes_available",
        "or_ceiling",
        "or_utilisation",
        "bed_days_used",
        "bed_days_available",
        "bed_ceiling",
        "bed_utilisation",
    ]
    if after is None:
        return before.hospitals[cols]
    return before.hospitals[cols].merge(
        after.hospitals[cols],
        on=[
            "hospital_id",
            "or_minutes_available",
            "bed_days_available",
            "or_ceiling",
            "bed_ceiling",
        ],
        suffixes=("_before", "_after"),
    )


def norms_table(before: CapacityReport, after: CapacityReport | None) -> pd.DataFrame:
    if after is None:
        return before.norms
    return before.norms.merge(
        after.norms, on=["hospital_id", "care_form_id", "norm"], suffixes=("_before", "_after")
    )


def rendered_violations(violations: pd.DataFrame, lang: str = "nl") -> pd.DataFrame:
    """Violations with their message and change as text in ``lang``."""
    out = violations.copy()
    for col in ("message", "change"):
        out[col] = [m.render(lang) for m in out[col]]
    return out


def moves_document(moves: pd.DataFrame, lang: str = "nl") -> list[dict[str, Any]]:
    """The moves as JSON records: ``left`` a list of hospitals, ``reasons`` the reasons in
    ``lang`` and ``reason_codes`` their catalogue codes."""
    out = records(moves.drop(columns=["left", "reasons"]))
    for record, left, reasons in zip(out, moves["left"], moves["reasons"], strict=True):
        record["left"] = list(left)
        record["reasons"] = [r.render(lang) for r in reasons]
        record["reason_codes"] = [r.code for r in reasons]
    return out


def story_document(story: Story | None, lang: str = "nl") -> dict[str, Any]:
    """The story's parts as JSON values (empty when there is no solution)."""
    if story is None:
        return {
            "moves": [],
            "story_hospitals": [],
            "care_forms": [],
            "region": {},
            "travel": {},
            "changed_agreements": [],
        }
    return {
        "moves": moves_document(story.moves, lang),
        "story_hospitals": records(story.hospitals),
        "care_forms": records(story.care_forms),
        "region": story.region,
        "travel": story.travel,
        "changed_agreements": records(story.changed_agreements),
    }


def optimize_document(result: OptimizeResult, lang: str = "nl") -> dict[str, Any]:
    after = result.capacity_after
    hospitals = hospitals_table(result.capacity_before, after)
    norms = (after or result.capacity_before).norms
    return {
        "status": result.status,
        "year": result.year,
        "goals": [m.render(lang) for m in result.goals],
        "whole_patients": result.whole,
        "objective": result.objective,
        "objective_parts": result.objective_parts,
        "gap": result.gap,
        "solver": result.solver,
        "proposals": records(result.proposals),
        "flows": records(result.flows.rename(columns=OPTIMIZE_FLOW_NAMES)),
        "hospitals": records(hospitals),
        "norms": records(norms[norms["norm"] > 0]),
        "money": records(result.money) if result.money is not None else [],
        "violations": records(rendered_violations(result.violations, lang)),
        "advice": [m.render(lang) for m in result.advice],
        "shadow_prices": records(result.shadow_prices),
        "model": result.size,
        "seconds": {k: round(v, 3) for k, v in result.seconds.items()},
    } | story_document(result.story, lang)


def scenario_document(result: ScenarioResult) -> dict[str, Any]:
    norms = norms_table(result.capacity_before, result.capacity_after)
    return {
        "year": result.year,
        "flows_before": records(result.flows_before.rename(columns=SCENARIO_FLOW_NAMES)),
        "flows": records(result.flows_after.rename(columns=SCENARIO_FLOW_NAMES)),
        "hospitals": records(hospitals_table(result.capacity_before, result.capacity_after)),
        "norms": records(norms[norms["norm"] > 0]),
        "money": records(result.money),
    }


def care_form_names(wb: Workbook) -> dict[str, str]:
    """Care form id → its name as the workbook gives it (what a workbook reader sees)."""
    return dict(zip(wb.care_forms["care_form_id"], wb.care_forms["name"], strict=True))


# who sends and who performs: one name inside, the JSON's documented names (README, Command line)
OPTIMIZE_FLOW_NAMES = {
    "sending_hospital": "origin",
    "performing_hospital": "performing_hospital_id",
}
SCENARIO_FLOW_NAMES = {"sending_hospital": "sending", "performing_hospital": "performing"}
_SOLVERS = {"highs": "HiGHS", "cbc": "CBC"}


def _in_words(
    frame: pd.DataFrame, lang: str, names: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """The frame as a workbook shows it: care forms by name, agreement kinds, the hospitals a
    move leaves and its reasons in words, headers from the catalogue."""
    out = frame.copy()
    if "reasons" in out.columns:
        out["reasons"] = [
            "; ".join(named(r, names).render(lang) for r in reasons) for reasons in out["reasons"]
        ]
    if "left" in out.columns:
        out["left"] = [", ".join(left) for left in out["left"]]
    if names and "care_form_id" in out.columns:
        out["care_form_id"] = [names.get(c, c) for c in out["care_form_id"]]
    return dutch(out, lang)


def _money_sheet(money: pd.DataFrame, lang: str, names: Mapping[str, str] | None) -> SheetOut:
    cents = [
        dutch_name(c, lang)
        for c in money.columns
        if c.endswith(("_before", "_after", "_change")) and "cents" in c
    ]
    return SheetOut(text("opt_sheet_money", lang), _in_words(money, lang, names), euro_cents=cents)


def _capacity_sheets(
    before: CapacityReport,
    after: CapacityReport | None,
    lang: str,
    names: Mapping[str, str] | None,
) -> list[SheetOut]:
    hospitals = hospitals_table(before, after)
    shares = [
        dutch_name(c, lang) for c in hospitals.columns if "utilisation" in c or "ceiling" in c
    ]
    norms = norms_table(before, after)
    return [
        SheetOut(
            text("opt_sheet_capacity", lang), _in_words(hospitals, lang, names), shares=shares
        ),
        SheetOut(text("opt_sheet_norms", lang), _in_words(norms[norms["norm"] > 0], lang, names)),
    ]


def _summary(result: OptimizeResult, lang: str) -> pd.DataFrame:
    items = {
        "status": text(f"opt_status_{result.status}", lang),
        "objective": result.objective,
        "gap": result.gap,
        "solver": _SOLVERS.get(result.solver, result.solver),
        "variables": result.size.get("variables"),
        "constraints": result.size.get("constraints"),
        "build": round(result.seconds.get("build", 0), 2),
        "solve": round(result.seconds.get("solve", 0), 2),
    }
    return pd.DataFrame(
        {
            text("col_item", lang): [text(f"opt_summary_{k}", lang) for k in items],
            text("col_value", lang): [
                ""
                if v is None
                else v
                if isinstance(v, str)
                else number(v, 0 if isinstance(v, int) else 2, lang=lang)
                for v in items.values()
            ],
        }
    )


def _problems(violations: pd.DataFrame, lang: str) -> pd.DataFrame:
    """What cannot hold and what would have to change, in words (the solver's names stay in the
    JSON)."""
    return pd.DataFrame(
        {
            text("col_problem", lang): [m.render(lang) for m in violations["message"]],
            text("col_change", lang): [m.render(lang) for m in violations["change"]],
        }
    )


def _shadow_prices(prices: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Duals of the capacity constraints, the family and its unit in words."""
    families = prices["constraint"]
    return dutch(
        pd.DataFrame(
            {
                "constraint": [text(f"opt_constraint_{c}", lang) for c in families],
                "hospital_id": prices["hospital_id"],
                "dual": prices["dual"],
                "unit": [text(f"opt_unit_{c}", lang) for c in families],
            }
        ),
        lang,
    )


def write_optimize(
    result: OptimizeResult,
    target: str | Path | IO[bytes],
    lang: str = "nl",
    names: Mapping[str, str] | None = None,
    deal: Sequence[SheetOut] = (),
    basis: SheetOut | None = None,
) -> None:
    """The optimisation as a workbook in ``lang``; ``names`` shows care forms by name; the
    ``deal``'s sheets (terms and compensation, :func:`optimizer.deal_report.deal_sheets`)
    follow the proposals; ``basis`` (the run's audit record) comes last."""
    problems = (
        [(text("opt_sheet_problems", lang), SheetOut("", _problems(result.violations, lang)))]
        if len(result.violations)
        else []
    )
    sheets = [SheetOut(text("opt_sheet_summary", lang), _summary(result, lang), below=problems)]
    if len(result.proposals):
        sheets.append(
            SheetOut(
                text("opt_sheet_proposals", lang),
                _in_words(result.proposals, lang, names),
                euro_cents=[
                    dutch_name("margin_sending_cents", lang),
                    dutch_name("margin_performing_cents", lang),
                ],
            )
        )
    sheets += deal
    if result.story is not None:
        sheets += story_sheets(result.story, lang, names)
    sheets.append(SheetOut(text("opt_sheet_flows", lang), _in_words(result.flows, lang, names)))
    sheets += _capacity_sheets(result.capacity_before, result.capacity_after, lang, names)
    if result.money is not None:
        sheets.append(_money_sheet(result.money, lang, names))
    sheets.append(
        SheetOut(text("opt_sheet_shadow_prices", lang), _shadow_prices(result.shadow_prices, lang))
    )
    write_book(target, [*sheets, *([basis] if basis is not None else [])])


def write_scenario(
    result: ScenarioResult,
    target: str | Path | IO[bytes],
    lang: str = "nl",
    names: Mapping[str, str] | None = None,
    basis: SheetOut | None = None,
) -> None:
    """The manual scenario as a workbook in ``lang``; ``names`` shows care forms by name. The
    flows' free-text source stays in the JSON; ``basis`` (the run's audit record) comes last."""
    keys = ["sending_hospital", "performing_hospital", "care_form_id"]
    flows = result.flows_after[[*keys, "cases"]].merge(
        result.flows_before[[*keys, "cases"]], on=keys, how="outer", suffixes=("_after", "_before")
    )
    sheets = [SheetOut(text("opt_sheet_flows", lang), _in_words(flows, lang, names))]
    sheets += _capacity_sheets(result.capacity_before, result.capacity_after, lang, names)
    sheets.append(_money_sheet(result.money, lang, names))
    write_book(target, [*sheets, *([basis] if basis is not None else [])])


def dutch_name(column: str, lang: str = "nl") -> str:
    """A column's header in the reader's language (the catalogue's ``col_`` texts)."""
    code = f"col_{column}"
    return text(code, lang) if code in CATALOGUE else column


def dutch(frame: pd.DataFrame, lang: str = "nl") -> pd.DataFrame:
    """The frame with readable headers and readable agreement kinds."""
    out = frame.copy()
    if "agreement" in out.columns:
        out["agreement"] = [text(f"opt_agreement_{k}", lang) for k in out["agreement"]]
    return out.rename(columns={c: dutch_name(c, lang) for c in out.columns})


def story_sheets(
    story: Story, lang: str = "nl", names: Mapping[str, str] | None = None
) -> list[SheetOut]:
    """Moves, hospitals before → after, care forms, region and travel as sheets."""
    hospitals = dutch(story.hospitals, lang)
    cents = [dutch_name(c, lang) for c in story.hospitals.columns if "_cents_" in c]
    region = pd.DataFrame(
        {
            text("col_item", lang): [dutch_name(k, lang) for k in [*story.region, *story.travel]],
            text("col_value", lang): [
                v / 100 if k.endswith("_cents") else v
                for k, v in [*story.region.items(), *story.travel.items()]
            ],
        }
    )
    changed = (
        [
            SheetOut(
                text("sheet_changed_agreements", lang),
                _in_words(story.changed_agreements, lang, names),
            )
        ]
        if len(story.changed_agreements)
        else []
    )
    return [
        SheetOut(
            text("sheet_moves", lang),
            _in_words(story.moves, lang, names),
            euro_cents=[dutch_name("efficiency_cents", lang)],
        ),
        *changed,
        SheetOut(text("sheet_hospitals", lang), hospitals, euro_cents=cents),
        SheetOut(
            text("sheet_region", lang),
            region,
            below=[
                (
                    text("sheet_care_forms", lang),
                    SheetOut("", _in_words(story.care_forms, lang, names)),
                )
            ],
        ),
    ]


def named(message: Message, names: Mapping[str, str] | None) -> Message:
    """The message with its care forms by name (also in the messages it holds)."""
    if not names:
        return message

    def plain(name: str, value: object) -> object:
        if isinstance(value, Message):
            return named(value, names)
        if isinstance(value, list | tuple) and all(isinstance(v, Message) for v in value):
            return [named(v, names) for v in value]
        if name == "care_form" and isinstance(value, str):
            return names.get(value, value)
        return value

    return Message(message.code, {k: plain(k, v) for k, v in message.params.items()})


def _signed_euro(cents: int, lang: str) -> str:
    return ("+" if cents > 0 else "") + euro(cents, lang=lang)


def optimize_lines(
    result: OptimizeResult,
    lang: str = "nl",
    names: Mapping[str, str] | None = None,
    deal_shown: bool = False,
) -> list[str]:
    """The human report of ``spreiding optimize``: status, proposals, moves, hospitals before →
    after, region, travel; or, without a solution, what cannot hold and what would have to
    change. ``names`` shows care forms by name; with ``deal_shown`` a proposal's margins are
    left to the deal's terms (settled by the full rules) printed after this report."""

    def care_form(care_form_id: str) -> str:
        return (names or {}).get(care_form_id, care_form_id)

    lines = [
        text(
            f"opt_cli_status_{result.status}",
            lang,
            year=str(result.year),
            proposals=len(result.proposals),
        )
    ]
    lines.append(text("opt_goals", lang, goals="; ".join(m.render(lang) for m in result.goals)))
    if result.objective is not None:
        parts = result.objective_parts
        lines.append(
            text(
                "opt_cli_objective",
                lang,
                travel=number(parts.get("travel", 0.0), 0, lang=lang),
                moves=number(parts.get("moves", 0.0), 1, lang=lang),
                fixed=number(parts.get("fixed_costs", 0.0), 0, lang=lang),
            )
            + " "
            + whole_words(result, lang)
        )
    for message in result.violations.get("message", []):
        lines.append(f"  - {named(message, names).render(lang)}")
    lines += [named(m, names).render(lang) for m in result.advice]
    if len(result.proposals):
        lines.append(text("opt_cli_proposals", lang))
        for p in result.proposals.itertuples(index=False):
            lines.append(
                "  "
                + text(
                    "opt_cli_proposal_terms" if deal_shown else "opt_cli_proposal",
                    lang,
                    care_form=care_form(p.care_form_id),
                    sending=p.sending_hospital,
                    performing=p.performing_hospital,
                    cases=number(p.cases, 1, lang=lang),
                    minutes=number(p.travel_minutes, 0, lang=lang),
                    sending_money=_signed_euro(int(p.margin_sending_cents), lang),
                    performing_money=_signed_euro(int(p.margin_performing_cents), lang),
                )
            )
    story = result.story
    if story is None:
        return lines
    if len(story.moves):
        lines.append(text("opt_cli_moves", lang))
        for form, moves in story.moves.groupby("care_form_id", sort=True):
            lines.append(f"  {care_form(str(form))}:")
            for m in moves.itertuples(index=False):
                lines.append(
                    "    "
                    + text(
                        "opt_cli_move",
                        lang,
                        sending=m.sending_hospital,
                        performing=m.performing_hospital,
                        left=", ".join(m.left) or m.sending_hospital,
                        cases=number(m.cases, 1, lang=lang),
                        kind=text(f"opt_agreement_{m.agreement}", lang),
                        reasons="; ".join(named(r, names).render(lang) for r in m.reasons),
                    )
                )
    lines += changed_agreement_lines(story, lang, names)
    lines.append(text("opt_cli_hospitals", lang))
    for h in story.hospitals.itertuples(index=False):
        lines.append(
            "  "
            + text(
                "opt_cli_hospital",
                lang,
                hospital=h.hospital_id,
                cases_before=number(h.cases_before, 0, lang=lang),
                cases_after=number(h.cases_after, 0, lang=lang),
                or_before=number(h.or_minutes_before, 0, lang=lang),
                or_after=number(h.or_minutes_after, 0, lang=lang),
                beds_before=number(h.bed_days_before, 0, lang=lang),
                beds_after=number(h.bed_days_after, 0, lang=lang),
                norms_before=f"{h.norms_met_before}/{h.norms_met_before + h.norms_short_before}",
                norms_after=f"{h.norms_met_after}/{h.norms_met_after + h.norms_short_after}",
            )
        )
        lines.append(
            "    "
            + text(
                "opt_cli_hospital_money",
                lang,
                revenue_before=euro(h.revenue_cents_before, lang=lang),
                revenue_after=euro(h.revenue_cents_after, lang=lang),
                settlement_before=euro(h.settlement_cents_before, lang=lang),
                settlement_after=euro(h.settlement_cents_after, lang=lang),
                cost_before=euro(h.variable_cost_cents_before, lang=lang),
                cost_after=euro(h.variable_cost_cents_after, lang=lang),
                margin_before=euro(h.margin_cents_before, lang=lang),
                margin_after=euro(h.margin_cents_after, lang=lang),
                change=_signed_euro(int(h.margin_cents_change), lang),
            )
        )
        if h.fixed_cost_cents_before or h.fixed_cost_cents_after or h.backfill_cents_after:
            lines.append(
                "    "
                + text(
                    "opt_cli_hospital_fixed",
                    lang,
                    fixed_before=euro(h.fixed_cost_cents_before, lang=lang),
                    fixed_after=euro(h.fixed_cost_cents_after, lang=lang),
                    backfill=euro(h.backfill_cents_after, lang=lang),
                )
            )
    region = story.region
    lines.append(
        text(
            "opt_cli_region",
            lang,
            change=_signed_euro(int(region["margin_change_cents"]), lang),
            cases=number(region["cases_moved"], 1, lang=lang),
            new=region["new_agreements"],
        )
    )
    if abs(region["efficiency_minutes"]) > 1e-6 or region["efficiency_cents"]:
        lines.append(
            text(
                "opt_cli_efficiency",
                lang,
                minutes=number(region["efficiency_minutes"], 0, lang=lang),
                amount_cents=int(region["efficiency_cents"]),
            )
        )
    changed = story.care_forms[
        story.care_forms["hospitals_before"] != story.care_forms["hospitals_after"]
    ]
    if len(changed):
        lines.append(
            "  "
            + text("opt_cli_care_forms", lang)
            + " "
            + ", ".join(
                f"{care_form(c.care_form_id)} {c.hospitals_before} → {c.hospitals_after}"
                for c in changed.itertuples(index=False)
            )
        )
    t = story.travel
    lines.append(
        text(
            "opt_cli_travel",
            lang,
            further=number(t["cases_further"], 1, lang=lang),
            average=number(t["average_extra_minutes"], 1, lang=lang),
            maximum=number(t["max_extra_minutes"], 0, lang=lang),
            closer=number(t["cases_closer"], 1, lang=lang),
            over_30=number(t["cases_over_30"], 1, lang=lang),
            over_60=number(t["cases_over_60"], 1, lang=lang),
        )
    )
    return lines


def whole_words(result: OptimizeResult, lang: str) -> str:
    """Whole patients, or why the numbers have decimals."""
    if result.whole:
        return text("opt_whole_patients", lang)
    why = "opt_fractional_asked" if result.options.fractional else "opt_fractional_input"
    return text("opt_fractional_patients", lang, why=text(why, lang))


def changed_agreement_lines(
    story: Story, lang: str = "nl", names: Mapping[str, str] | None = None
) -> list[str]:
    """The agreements in force whose flow the plan lowers, each with the reasons of the moves
    that leave it; or one line saying that every agreement stays."""
    changed = story.changed_agreements
    if not len(changed):
        return [text("opt_agreements_kept", lang)]
    lines = [text("opt_agreements_changed", lang)]
    for a in changed.itertuples(index=False):
        leaving = story.moves[
            (story.moves["sending_hospital"] == a.sending_hospital)
            & (story.moves["care_form_id"] == a.care_form_id)
        ]
        reasons = []
        for move_reasons, left in zip(leaving["reasons"], leaving["left"], strict=True):
            if a.performing_hospital in left:
                reasons += [r for r in move_reasons if r not in reasons]
        lines.append(
            "  "
            + text(
                "opt_agreement_lowered",
                lang,
                agreement=a.agreement_id,
                care_form=(names or {}).get(a.care_form_id, a.care_form_id),
                sending=a.sending_hospital,
                performing=a.performing_hospital,
                before=number(a.cases_before, 1, lang=lang),
                after=number(a.cases_after, 1, lang=lang),
                reasons="; ".join(named(r, names).render(lang) for r in reasons),
            )
        )
    return lines
