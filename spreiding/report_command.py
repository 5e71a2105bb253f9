"""``spreiding report``: the body of the command (the click wrapper lives in ``cli.py``)."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import click

from boardpack.build import board_pack
from calculator.isolation import run_isolated
from calculator.validate import load_isolated as load
from messages import text
from optimizer.deal import plan_and_deal
from optimizer.report import care_form_names, optimize_lines
from spreiding.progress import write_atomically


def run_report(book: Path, year: int, plan: dict[str, Any], out: Path, lang: str) -> int:
    """Plan and deal (in a worker with limits, as ``optimize``), then the board pack in
    ``lang``; without a plan the reasons are printed and no PDF is written (exit 2)."""
    from spreiding.cli import EXIT_OK, EXIT_UNSOLVED, options_of, run_audit, solve_seconds

    wb = load(book)
    options = options_of(wb, plan)
    rule = plan["split_rule"]
    seconds = solve_seconds(options.time_limit) * (4 if rule == "shapley" else 1)
    audit = run_audit("report", wb, {"year": year, **dataclasses.asdict(options), "split": rule})
    result, deal = run_isolated(
        plan_and_deal, wb, year, options, rule, seconds=seconds, what="solve"
    )
    if not result.solved or result.story is None:
        for line in optimize_lines(result, lang, care_form_names(wb)):
            click.echo(line)
        click.echo(text("pack_cli_no_plan", lang), err=True)
        return EXIT_UNSOLVED
    pack = board_pack(wb, result, deal, lang, audit=audit)

    def write(path: Path) -> None:
        path.write_bytes(pack.pdf)

    write_atomically(out, write)
    click.echo(text("pack_cli_wrote", lang, path=str(out), pages=str(pack.pages)))
    click.echo(audit.line(lang))
    return EXIT_OK
