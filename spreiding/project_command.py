"""``spreiding project``: the body of the command (the click wrapper lives in ``cli.py``)."""

from __future__ import annotations

from pathlib import Path

import click

from calculator.validate import load_isolated as load
from messages import text
from messages.numbers import euro, number, percent
from optimizer.projection import Projection, project
from optimizer.projection_report import projection_document, write_projection
from spreiding.progress import Tally, interrupted, progress_bar, write_atomically


def run_project(
    book: Path, first: int, last: int, out: Path | None, as_json: bool, lang: str
) -> int:
    """Project, then write the workbook and print JSON or a summary; 130 when stopped."""
    from spreiding.cli import EXIT_OK, emit_json, run_audit

    tally = Tally(max(last - first + 1, 0))
    try:
        wb = load(book)
        audit = run_audit("project", wb, {"from": first, "to": last})
        with progress_bar(text("proj_progress", lang), tally.total) as step:
            projection = project(wb, first, last, progress=tally.wrap(step))
        if out is not None:
            write_atomically(out, lambda path: write_projection(projection, path, lang, audit))
    except KeyboardInterrupt:
        return interrupted(tally, lang)
    if as_json:
        emit_json(projection_document(projection, lang) | {"audit": audit.document()})
    else:
        print_projection(projection, lang)
        if out is not None:
            click.echo(text("proj_wrote", lang, path=str(out)))
        click.echo(audit.line(lang))
    return EXIT_OK


def print_projection(projection: Projection, lang: str) -> None:
    first, last = projection.years[0], projection.years[-1]
    click.echo(
        text("proj_title", lang, first=str(first), last=str(last), base=str(projection.base_year))
    )
    h = projection.hospitals
    start = h[h["year"] == first].set_index("hospital_id")
    end = h[h["year"] == last].set_index("hospital_id")
    for hospital in start.index:
        a, b = start.loc[hospital], end.loc[hospital]
        click.echo(
            text(
                "proj_row",
                lang,
                hospital=hospital,
                cases_first=number(float(a["cases"]), 1, lang=lang),
                cases_last=number(float(b["cases"]), 1, lang=lang),
                util_first=percent(a["or_utilisation"], lang=lang),
                util_last=percent(b["or_utilisation"], lang=lang),
                margin_first_cents=euro(int(a["margin_cents"]), lang=lang),
                margin_last_cents=euro(int(b["margin_cents"]), lang=lang),
            )
        )
    full = projection.capacity.dropna(subset=["or_full_year"])
    for row in full.itertuples(index=False):
        year = int(row.or_full_year)
        at = h[(h["hospital_id"] == row.hospital_id) & (h["year"] == year)].iloc[0]
        click.echo(
            text(
                "proj_or_full",
                lang,
                hospital=row.hospital_id,
                year=str(year),
                minutes=number(float(at["or_minutes_used"]), lang=lang),
                ceiling=percent(float(at["or_ceiling"]), decimals=0, lang=lang),
                capacity=number(float(row.or_minutes_available), lang=lang),
            )
        )
    if not len(full):
        click.echo(text("proj_or_enough", lang, last=str(last)))
    n = projection.norms
    missed = n[(n["year"] == last) & (n["cases"] > 0) & ~n["meets_norm"]]
    for row in missed.itertuples(index=False):
        click.echo(
            text(
                "proj_norm_missed",
                lang,
                year=str(last),
                care_form=row.care_form_id,
                hospital=row.hospital_id,
                cases=number(float(row.cases), 1, lang=lang),
                norm=int(row.norm),
            )
        )
