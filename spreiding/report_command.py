"""``spreiding report``: the body of the command (the click wrapper lives in ``cli.py``)."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path
from typing import Any

import click

from boardpack.build import CASE_YEARS, SavedPlan, board_pack, plan_deal_and_case
from calculator.isolation import run_isolated
from calculator.validate import load_isolated as load
from messages import Message, text
from optimizer.report import care_form_names, optimize_lines
from spreiding.progress import write_atomically


def run_report(
    book: Path,
    year: int,
    plan: dict[str, Any],
    out: Path,
    lang: str,
    scenario: str | None = None,
    last: int | None = None,
    rate: Decimal = Decimal("0.04"),
) -> int:
    """Plan, deal and business case (in a worker with limits, as ``optimize``), then the
    board pack in ``lang``. The plan is optimised with ``plan``'s options, or the saved
    ``scenario``; without a plan the reasons are printed and no PDF is written (exit 2)."""
    from spreiding.business_case_command import saved_plan
    from spreiding.cli import EXIT_OK, EXIT_UNSOLVED, options_of, run_audit, solve_seconds

    wb = load(book)
    options = options_of(wb, plan)
    rule = plan["split_rule"]
    last = year + CASE_YEARS - 1 if last is None else last
    saved = None
    notes: list[Message] = []
    if scenario is not None:
        flows, notes = saved_plan(wb, scenario, year)
        saved = SavedPlan(flows, Message("pack_plan_saved", {"name": scenario, "year": str(year)}))
    seconds = solve_seconds(options.time_limit) * (4 if rule == "shapley" else 1)
    given = {"year": year, "scenario": scenario, **dataclasses.asdict(options), "split": rule}
    audit = run_audit("report", wb, given | {"to": last, "discount_rate": rate})
    result, deal, case = run_isolated(
        plan_deal_and_case,
        wb,
        year,
        options,
        rule,
        last,
        rate,
        saved,
        seconds=seconds,
        what="solve",
    )
    if not result.solved or result.story is None:
        for line in optimize_lines(result, lang, care_form_names(wb)):
            click.echo(line)
        click.echo(text("pack_cli_no_plan", lang), err=True)
        return EXIT_UNSOLVED
    if case is not None and notes:
        case = dataclasses.replace(case, notes=[*case.notes, *notes])
    pack = board_pack(wb, result, deal, lang, audit=audit, case=case)

    def write(path: Path) -> None:
        path.write_bytes(pack.pdf)

    write_atomically(out, write)
    click.echo(text("pack_cli_wrote", lang, path=str(out), pages=str(pack.pages)))
    click.echo(audit.line(lang))
    return EXIT_OK
