"""``spreiding monitor``: the body of the command (the click wrapper lives in ``cli.py``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from calculator.steering import steer
from calculator.steering_report import steering_document, steering_text, write_steering
from calculator.validate import load
from messages import text


def run_monitor(
    book: Path, year: int, until: dt.date, out: Path | None, as_json: bool, lang: str
) -> int:
    """Quarterly steering of ``year`` up to ``until``: JSON or text, and the workbook."""
    from spreiding.cli import EXIT_OK, emit_json

    steering = steer(load(book), year, until)
    if out is not None:
        write_steering(steering, out)
    if as_json:
        emit_json(steering_document(steering, lang))
    else:
        for line in steering_text(steering, lang):
            click.echo(line)
        if out is not None:
            click.echo(text("cli_wrote", lang, path=str(out)))
    return EXIT_OK
