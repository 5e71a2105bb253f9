"""``spreiding sweep``: the body of the command (the click wrapper lives in ``cli.py``)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import click
import pandas as pd

from calculator.validate import load_isolated as load
from messages import text
from messages.numbers import euro, number, percent
from optimizer.inputs import Options
from optimizer.sweep import SweepResult, sweep
from optimizer.sweep_report import reasons, status_text, sweep_document, sweep_title, write_sweep
from spreiding.progress import Tally, interrupted, progress_bar, write_atomically


def run_sweep(
    book: Path,
    year: int,
    care_form: str,
    norms: list[int],
    options: Options,
    workers: int | None,
    out: Path | None,
    as_json: bool,
    lang: str,
) -> int:
    """Sweep, then write the workbook and print JSON or a table; 130 when stopped."""
    from spreiding.cli import EXIT_OK, EXIT_UNSOLVED, emit_json, run_audit

    tally = Tally(len(norms))
    try:
        wb = load(book)
        given = {"year": year, "care_form": care_form, "norms": ",".join(map(str, norms))}
        audit = run_audit(
            "sweep",
            wb,
            given | {k: v for k, v in dataclasses.asdict(options).items() if k != "norms"},
        )
        with progress_bar(text("sweep_progress", lang), tally.total) as step:
            result = sweep(
                wb, year, care_form, norms, options, progress=tally.wrap(step), workers=workers
            )
        if out is not None:
            write_atomically(out, lambda path: write_sweep(result, path, lang, audit))
    except KeyboardInterrupt:
        return interrupted(tally, lang)
    if as_json:
        emit_json(sweep_document(result, lang) | {"audit": audit.document()})
    else:
        print_sweep(result, lang)
        if out is not None:
            click.echo(text("proj_wrote", lang, path=str(out)))
        click.echo(audit.line(lang))
    solved = result.points["hospitals_performing"].notna().any()
    return EXIT_OK if solved else EXIT_UNSOLVED


def print_sweep(result: SweepResult, lang: str) -> None:
    click.echo(sweep_title(result, lang))
    click.echo(text("sweep_header", lang))
    why = reasons(result, lang)
    for i, p in enumerate(result.points.itertuples(index=False)):
        status = status_text(p.status, lang)
        if pd.isna(p.hospitals_performing):
            click.echo(
                text("sweep_row_unsolved", lang, norm=str(p.norm), status=status, reason=why[i])
            )
            continue
        click.echo(
            text(
                "sweep_row",
                lang,
                norm=str(p.norm) + ("*" if p.norm == result.current_norm else ""),
                status=status,
                hospitals=str(int(p.hospitals_performing)),
                moved=number(float(p.cases_moved), 1, lang=lang),
                mean=number(float(p.travel_mean_minutes), 1, lang=lang),
                max=number(float(p.travel_max_minutes), 1, lang=lang),
                over30=percent(float(p.share_over_30), lang=lang),
                over60=percent(float(p.share_over_60), lang=lang),
                margin_change_cents=euro(int(p.margin_change_cents), lang=lang),
            )
        )
        if p.method == "shifted":
            click.echo(text("sweep_shifted", lang, reason=why[i]))
        proposals = result.proposals[result.proposals["norm"] == p.norm]
        if len(proposals):
            listed = ", ".join(
                f"{r.care_form_id}: {r.sending_hospital} → {r.performing_hospital} "
                f"({number(float(r.cases), 1, lang=lang)})"
                for r in proposals.itertuples(index=False)
            )
            click.echo(text("sweep_proposals", lang, proposals=listed))
