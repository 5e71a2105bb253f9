"""``spreiding business-case``: the body of the command (the click wrapper lives in ``cli.py``).

The plan of the base year is the optimised plan (with the run's optimize options), the manual
scenario (``--manual``) or a saved scenario (``--scenario NAME``, from the dashboard's store).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import click
import pandas as pd

from calculator.errors import SpreidingError
from calculator.validate import load_isolated as load
from calculator.workbook import Workbook
from messages import Message, text
from optimizer.business_case import BusinessCase, business_case
from optimizer.business_case_report import (
    business_case_document,
    business_case_lines,
    write_business_case,
)
from optimizer.capacity import FLOW_COLUMNS
from optimizer.inputs import Options
from optimizer.projection import project
from spreiding.options import usage_error
from spreiding.progress import Tally, interrupted, progress_bar, write_atomically


class PlanUnsolved(SpreidingError):
    """The optimiser found no plan for the base year: there is no business case to make."""

    def __init__(self, year: int, status: str) -> None:
        self.message = Message("bc_plan_unsolved", {"year": str(year), "status": status})
        super().__init__(self.message.render("en"))


def saved_plan(wb: Workbook, name: str, first: int) -> tuple[pd.DataFrame, list[Message]]:
    """The flows of the saved scenario ``name`` (the dashboard's store); a name that is not
    saved, another year or a scenario saved without flows is a usage error."""
    from dashboard.store import ScenarioStore

    store = ScenarioStore()
    saved = store.list()
    if name not in set(saved["name"]):
        known = ", ".join(saved["name"]) or "–"
        raise usage_error("usage_bc_scenario_unknown", name=name, known=known)
    info = store.info(name)
    if int(info["year"]) != first:
        raise usage_error("usage_bc_scenario_year", name=name, year=str(info["year"]), first=first)
    flows = store.flows(name)
    if flows is None:
        raise usage_error("usage_bc_scenario_no_flows", name=name)
    hospitals = set(wb.hospitals["hospital_id"])
    unknown = sorted(
        (set(flows["sending_hospital"]) | set(flows["performing_hospital"])) - hospitals
    ) + sorted(set(flows["care_form_id"]) - set(wb.care_forms["care_form_id"]))
    if unknown:
        raise usage_error("usage_bc_scenario_other_book", name=name, unknown=", ".join(unknown))
    notes = []
    if info["input_sha256"] != wb.sha256:
        notes.append(Message("bc_note_scenario_other_input", {"name": name}))
    return flows[FLOW_COLUMNS], notes


def plan_of(
    wb: Workbook, first: int, options: Options, scenario: str | None, manual: bool, rule: str | None
) -> tuple[pd.DataFrame, Message, Any, list[Message]]:
    """The base year's plan flows, what the plan is in words, the Shapley values of a
    ``shapley`` split (else None) and notes."""
    if scenario is not None:
        flows, saved_notes = saved_plan(wb, scenario, first)
        label = Message("bc_plan_saved", {"name": scenario, "year": str(first)})
        return flows, label, None, saved_notes
    if manual:
        from optimizer.scenario import manual_flows

        wb.require_year("volumes", first)
        return manual_flows(wb, first), Message("bc_plan_manual", {"year": str(first)}), None, []
    from calculator.isolation import run_isolated
    from optimizer.optimize import optimize
    from spreiding.cli import solve_seconds

    result = run_isolated(
        optimize,
        wb,
        first,
        options,
        seconds=solve_seconds(options.time_limit or 120.0),
        what="solve",
    )
    if not result.solved:
        raise PlanUnsolved(first, result.status)
    shapley = None
    notes: list[Message] = []
    if rule == "shapley":
        # the Shapley values of the base year's coalitions (issue 18, item 2)
        from optimizer.coalitions import shapley_of

        shapley = shapley_of(wb, first, options, result)
        notes.append(Message("bc_note_shapley_base", {"base": str(first)}))
    return result.flows, Message("bc_plan_optimised", {"year": str(first)}), shapley, notes


def run_business_case(
    book: Path,
    first: int,
    last: int,
    make_options: Callable[[Workbook], Options],
    scenario: str | None,
    manual: bool,
    rule: str | None,
    rate: Decimal,
    out: Path | None,
    as_json: bool,
    lang: str,
) -> int:
    """Make the plan, then the business case; write the workbook and print JSON or the text;
    130 when stopped, 2 when no plan was found, 3 when an invariant does not hold."""
    from spreiding.cli import EXIT_INTERNAL, EXIT_OK, EXIT_UNSOLVED, emit_json, run_audit

    wb = load(book)
    options = make_options(wb)
    given: dict[str, object] = {"from": first, "to": last, "scenario": scenario}
    given |= {"manual": manual, "split": rule, "discount_rate": rate}
    given |= dataclasses.asdict(options)
    audit = run_audit("business-case", wb, given)
    try:
        plan, label, shapley, notes = plan_of(wb, first, options, scenario, manual, rule)
    except PlanUnsolved as exc:
        click.echo(exc.message.render(lang), err=True)
        return EXIT_UNSOLVED
    tally = Tally(2 * (last - first + 1))
    try:
        with progress_bar(text("bc_progress", lang), tally.total) as step:
            counted = tally.wrap(step)
            today = project(wb, first, last, progress=counted)
            case = business_case(
                wb,
                first,
                last,
                plan,
                rule=rule,
                shapley=shapley,
                caps=options.caps,
                discount_rate=rate,
                today=today,
                progress=lambda done, total, item: counted(total + done, 2 * total, item),
            )
    except KeyboardInterrupt:
        return interrupted(tally, lang)
    case = _with_notes(case, notes)
    if out is not None and case.holds:
        write_atomically(
            out,
            lambda path: write_business_case(case, label, path, lang, audit),
        )
    if as_json:
        emit_json(business_case_document(case, label, lang) | {"audit": audit.document()})
    else:
        for line in business_case_lines(case, label, lang):
            click.echo(line)
        if out is not None and case.holds:
            click.echo(text("bc_wrote", lang, path=str(out)))
        click.echo(audit.line(lang))
    return EXIT_OK if case.holds else EXIT_INTERNAL


def _with_notes(case: BusinessCase, notes: list[Message]) -> BusinessCase:
    import dataclasses

    return dataclasses.replace(case, notes=[*case.notes, *notes]) if notes else case
