"""The ``spreiding`` command line (SPEC §7).

Exit codes: 0 ok, 1 invalid input (with the full report), 2 infeasible or unsolved, 3 internal
error (one line; the traceback only with ``--debug``).
"""

from __future__ import annotations

import functools
import json
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from calculator.errors import Finding, SpreidingError, SpreidingInputError
from messages import LANGUAGES
from optimizer.errors import OptimizerError
from spreiding.output import language, say

EXIT_OK, EXIT_INVALID, EXIT_UNSOLVED, EXIT_INTERNAL = 0, 1, 2, 3


def emit_json(document: dict[str, Any]) -> None:
    """One JSON document on stdout; NaN or infinity in it is a bug, never written as JSON."""
    click.echo(json.dumps(document, ensure_ascii=False, indent=2, default=str, allow_nan=False))


def check_out(out: Path | None) -> None:
    """Refuse an ``--out`` path that cannot be written, before any work is done."""
    if out is None:
        return
    folder = out.parent if str(out.parent) else Path(".")
    problem = ""
    if out.is_dir():
        problem = "out_is_folder"
    elif not folder.is_dir():
        problem = "out_folder_missing"
    elif not os.access(folder, os.W_OK) or (out.exists() and not os.access(out, os.W_OK)):
        problem = "out_not_writable"
    if problem:
        raise SpreidingInputError([Finding("", None, "", str(out), code=problem)])


def report_findings(findings: list[Finding], as_json: bool) -> None:
    if as_json:
        lang = language()
        emit_json(
            {
                "valid": False,
                "problems": len(findings),
                "findings": [f.to_dict(lang) for f in findings],
            }
        )
        return
    if len(findings) == 1:
        click.echo(say("cli_problem_found"))
    else:
        click.echo(say("cli_problems_found", count=len(findings)))
    by_sheet: dict[str, int] = {}
    whole_file = say("cli_whole_file")
    for f in findings:
        by_sheet[f.sheet or whole_file] = by_sheet.get(f.sheet or whole_file, 0) + 1
        click.echo(f"  - {f.message(language())}")
    click.echo(say("cli_per_sheet", counts=", ".join(f"{s}: {n}" for s, n in by_sheet.items())))


def guarded(func: Callable[..., int | None]) -> Callable[..., None]:
    """Run a command; turn known errors into their exit code and anything else into exit 3."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        ctx = click.get_current_context()
        debug = ctx.find_root().params.get("debug", False)
        as_json = kwargs.get("as_json", False)
        try:
            code = func(*args, **kwargs) or EXIT_OK
        except SpreidingInputError as exc:
            report_findings(exc.findings, as_json)
            code = EXIT_INVALID
        except SpreidingError as exc:
            detail = exc.render(language()) if isinstance(exc, OptimizerError) else str(exc)
            click.echo(say("cli_error", detail=detail), err=True)
            code = EXIT_INTERNAL
        except click.exceptions.Exit:
            raise
        except BrokenPipeError:  # the reader stopped reading (`| head`): nothing to report
            # as the Python documentation advises: no second error when the interpreter flushes
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            code = EXIT_INVALID
        except OSError as exc:  # a file that cannot be written or read: the user can fix it
            where = exc.filename or ""
            click.echo(say("cli_file_error", path=str(where), detail=exc.strerror or ""), err=True)
            code = EXIT_INVALID
        except Exception as exc:  # the last line of defence: no traceback for users
            if debug:
                traceback.print_exc()
            click.echo(
                say("cli_internal_error", kind=type(exc).__name__, detail=str(exc)), err=True
            )
            code = EXIT_INTERNAL
        sys.exit(code)

    return wrapper


@click.group()
@click.option("--debug", is_flag=True, help="Show the traceback of an internal error.")
@click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    default="nl",
    show_default=True,
    help="Language of the output (nl or en).",
)
@click.version_option(package_name="spreiding")
def main(debug: bool, lang: str) -> None:
    """Spreiding: settlement, scenarios and capacity for hospital spreidingsafspraken."""


BOOK = click.argument("book", type=click.Path(path_type=Path))
JSON = click.option("--json", "as_json", is_flag=True, help="Write one JSON document to stdout.")


@main.command()
@BOOK
@JSON
@guarded
def validate(book: Path, as_json: bool) -> int:
    """Check an input workbook (xlsx or CSV folder) and report every problem."""
    from calculator.validate import load

    wb = load(book)
    counts = {name: int(len(getattr(wb, name))) for name in sorted(wb.present)}
    lang = language()
    if as_json:
        emit_json(
            {
                "valid": True,
                "problems": 0,
                "findings": [],
                "warnings": [w.to_dict(lang) for w in wb.warnings],
                "sha256": wb.sha256,
                "rows": counts,
            }
        )
    else:
        rows = ", ".join(f"{k} {v}" for k, v in counts.items())
        click.echo(say("cli_valid", book=str(book), rows=rows))
        for warning in wb.warnings:
            click.echo(say("cli_warning", text=warning.message(lang)))
    return EXIT_OK


@main.command()
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=Path("regio_voorbeeld.xlsx"),
    show_default=True,
)
@guarded
def sample(out: Path) -> int:
    """Write the sample region workbook (illustrative figures)."""
    from calculator.sample_region import write_sample

    write_sample(out)
    click.echo(say("cli_wrote", path=str(out)))
    return EXIT_OK


@main.command()
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=Path("spreiding_sjabloon.xlsx"),
    show_default=True,
)
@guarded
def template(out: Path) -> int:
    """Write an empty input workbook with every sheet, header and a 'toelichting' sheet."""
    from calculator.template import write_template

    write_template(out)
    click.echo(say("cli_wrote", path=str(out)))
    return EXIT_OK


YEAR = click.option("--year", type=int, required=True, help="Settlement year.")
OUT = click.option("--out", type=click.Path(path_type=Path), help="Write the workbook here.")


@main.command()
@BOOK
@YEAR
@click.option(
    "--source",
    type=click.Choice(["combined", "registrations", "volumes"]),
    default="combined",
    show_default=True,
    help="combined: registrations, plus referral flows and their secondment from volumes.",
)
@click.option(
    "--year-basis",
    type=click.Choice(["start", "end"]),
    default="start",
    show_default=True,
    help="A DBC belongs to the year of its start date (schadelastjaar) or of its end date.",
)
@click.option(
    "--compare",
    "previous",
    type=click.Path(path_type=Path),
    help="An earlier settlement workbook: list what changed per hospital and kind.",
)
@OUT
@JSON
@guarded
def settle(
    book: Path,
    year: int,
    source: str,
    year_basis: str,
    previous: Path | None,
    out: Path | None,
    as_json: bool,
) -> int:
    """Yearly settlement between hospitals (SPEC §4)."""
    from calculator.report import settlement_document
    from calculator.settle import settle as run_settle
    from calculator.validate import load

    check_out(out)
    result = run_settle(load(book), year, source, year_basis=year_basis)
    comparison = None
    if previous is not None:
        from calculator.compare import compare

        comparison = compare(result, previous)
    if out is not None and result.invariants_hold:
        # the workbook writer (openpyxl) is loaded only when a workbook is written
        from calculator.settlement_export import write_settlement

        extra = []
        if comparison is not None:
            from calculator.compare import comparison_sheet

            extra.append(comparison_sheet(comparison))
        write_settlement(result, out, extra)
    elif out is not None:  # a result that breaks an invariant is never written as a workbook
        click.echo(say("cli_not_written", path=str(out)), err=True)
        out = None
    if as_json:
        document = settlement_document(result, language())
        if comparison is not None:
            from calculator.compare import comparison_document

            document["comparison"] = comparison_document(comparison, language())
        emit_json(document)
    else:
        print_settlement(result, out)
        if comparison is not None:
            from calculator.compare import comparison_text

            for line in comparison_text(comparison, language()):
                click.echo(line)
    return EXIT_OK if result.invariants_hold else EXIT_INTERNAL


@main.command()
@BOOK
@YEAR
@click.option(
    "--until",
    type=click.DateTime(formats=["%Y-%m-%d", "%d-%m-%Y"]),
    required=True,
    help="Last day of the data to steer on (2025-09-30 or 30-09-2025).",
)
@OUT
@JSON
@guarded
def monitor(book: Path, year: int, until: Any, out: Path | None, as_json: bool) -> int:
    """Quarterly steering: planned and realised per quarter, forecast and cap warnings."""
    from spreiding.monitor_command import run_monitor

    check_out(out)
    return run_monitor(book, year, until.date(), out, as_json, language())


def print_settlement(result: Any, out: Path | None) -> None:
    from calculator.report import settlement_text

    for line in settlement_text(result, language()):
        click.echo(line)
    if out is not None:
        click.echo(say("cli_wrote", path=str(out)))


@main.command()
@BOOK
@YEAR
@click.option(
    "--norm",
    "norms",
    multiple=True,
    metavar="CARE_FORM=N",
    help="Override a volume norm (repeatable), e.g. --norm rectumcarcinoom=40.",
)
@OUT
@JSON
@guarded
def scenario(book: Path, year: int, norms: tuple[str, ...], out: Path | None, as_json: bool) -> int:
    """Manual scenario: move the agreed shares (SPEC §6.1), with capacity, norms and money."""
    from calculator.validate import load
    from optimizer.report import care_form_names, scenario_document, write_scenario
    from optimizer.scenario import manual_scenario

    check_out(out)
    wb = load(book)
    result = manual_scenario(wb, year, norm_overrides=parse_norms(norms, wb))
    if out is not None:
        write_scenario(result, out, language(), care_form_names(wb))
    if as_json:
        emit_json(scenario_document(result))
    else:
        print_capacity(result.capacity_after, result.money)
        if out is not None:
            click.echo(say("cli_wrote", path=str(out)))
    return EXIT_OK


@main.command()
@BOOK
@YEAR
@click.option("--solver", type=click.Choice(["highs", "cbc"]), default="highs", show_default=True)
@click.option(
    "--time-limit",
    type=click.FloatRange(min=0, min_open=True),
    default=120.0,
    show_default=True,
    help="Seconds.",
)
@click.option("--gap", type=click.FloatRange(0, 1), help="Relative MIP gap to stop at.")
@click.option("--integer", is_flag=True, help="Whole cases only.")
@click.option("--free-moves", is_flag=True, help="Allow moves without an agreement.")
@click.option("--w-travel", type=float, default=1.0, show_default=True)
@click.option("--w-move", type=float, default=0.0, show_default=True)
@click.option("--norm", "norms", multiple=True, metavar="CARE_FORM=N")
@click.option("--max-travel", type=click.FloatRange(min=0), help="No moves longer [minutes].")
@click.option("--max-move-share", type=click.FloatRange(0, 1))
@click.option("--max-margin-loss", type=click.FloatRange(0, 1))
@click.option(
    "--propose/--no-propose",
    default=None,
    help="Propose new agreements (pair × care form within --max-travel, default 60 minutes): "
    "always, or never; by default only when the agreements in force leave no solution.",
)
@click.option(
    "--w-fixed",
    type=click.FloatRange(min=0),
    help="Weight of the fixed service costs (default 1 when the sheet has rows).",
)
@click.option(
    "--caps",
    type=click.Choice(["fixed", "follow"]),
    default="fixed",
    show_default=True,
    help="Insurer cap room stays with each hospital, or follows the moved cases.",
)
@OUT
@JSON
@guarded
def optimize(
    book: Path,
    year: int,
    solver: str,
    time_limit: float,
    gap: float | None,
    integer: bool,
    free_moves: bool,
    w_travel: float,
    w_move: float,
    norms: tuple[str, ...],
    max_travel: float | None,
    max_move_share: float | None,
    max_margin_loss: float | None,
    propose: bool | None,
    w_fixed: float | None,
    caps: str,
    out: Path | None,
    as_json: bool,
) -> int:
    """Optimised allocation (SPEC §6.2) with proposed agreements where needed; exit 2 when
    infeasible or unsolved."""
    from calculator.validate import load
    from optimizer.inputs import Options
    from optimizer.optimize import optimize as run_optimize
    from optimizer.report import (
        care_form_names,
        optimize_document,
        optimize_lines,
        write_optimize,
    )

    check_out(out)
    wb = load(book)
    options = Options(
        solver=solver,
        time_limit=time_limit,
        gap=gap,
        integer=integer,
        free_moves=free_moves,
        w_travel=w_travel,
        w_move=w_move,
        norms=parse_norms(norms, wb),
        max_travel=max_travel,
        max_move_share=max_move_share,
        max_margin_loss=max_margin_loss,
        propose=propose,
        w_fixed=w_fixed,
        caps=caps,
    )
    result = run_optimize(wb, year, options)
    if out is not None:
        write_optimize(result, out, language(), care_form_names(wb))
    if as_json:
        emit_json(optimize_document(result, language()))
    else:
        for line in optimize_lines(result, language(), care_form_names(wb)):
            click.echo(line)
        if out is not None:
            click.echo(say("cli_wrote", path=str(out)))
    return EXIT_OK if result.solved else EXIT_UNSOLVED


@main.command()
@click.argument("source", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--out", type=click.Path(path_type=Path), required=True, help="Workbook to write.")
@guarded
def orlib(source: Path, out: Path) -> int:
    """Turn an OR-Library capacitated warehouse file (capNN.txt) into a workbook for 2025."""
    from optimizer.orlib import write_orlib

    cap = write_orlib(source, out)
    click.echo(
        say(
            "opt_orlib_written",
            path=str(out),
            warehouses=len(cap.capacity),
            customers=len(cap.demand),
        )
    )
    return EXIT_OK


@main.command()
@BOOK
@click.option("--from", "first", type=int, required=True, help="Base year (has volumes).")
@click.option("--to", "last", type=int, required=True, help="Last year projected.")
@OUT
@JSON
@guarded
def project(book: Path, first: int, last: int, out: Path | None, as_json: bool) -> int:
    """Multi-year projection: cases, OR capacity, norms and money per year and hospital."""
    from spreiding.project_command import run_project

    return run_project(book, first, last, out, as_json, language())


@main.command()
@BOOK
@YEAR
@click.option("--care-form", "care_form", required=True, help="Care form whose norm is swept.")
@click.option("--norms", "norms_spec", required=True, metavar="FROM:TO:STEP", help="e.g. 10:60:5.")
@click.option("--free-moves", is_flag=True, help="Allow moves without an agreement.")
@click.option("--max-travel", type=click.FloatRange(min=0), help="No moves longer [minutes].")
@click.option(
    "--time-limit",
    type=click.FloatRange(min=0, min_open=True),
    default=120.0,
    show_default=True,
    help="Seconds per solve.",
)
@click.option("--gap", type=click.FloatRange(0, 1), help="Relative MIP gap of the first solve.")
@click.option("--workers", type=click.IntRange(1, 8), help="Processes (default: by model size).")
@OUT
@JSON
@guarded
def sweep(
    book: Path,
    year: int,
    care_form: str,
    norms_spec: str,
    free_moves: bool,
    max_travel: float | None,
    time_limit: float,
    gap: float | None,
    workers: int | None,
    out: Path | None,
    as_json: bool,
) -> int:
    """Norm sweep: the optimised allocation for each norm of one care form."""
    from optimizer.inputs import Options
    from spreiding.sweep_command import run_sweep

    options = Options(free_moves=free_moves, max_travel=max_travel, time_limit=time_limit, gap=gap)
    return run_sweep(book, year, care_form, norms_spec, options, workers, out, as_json, language())


def parse_norms(norms: tuple[str, ...], wb: Any) -> dict[str, int]:
    """``CARE_FORM=N`` pairs; an unknown care form or a bad number is invalid input."""
    out = {}
    known = set(wb.care_forms["care_form_id"])
    problems = []
    for item in norms:
        name, _, value = item.partition("=")
        if name not in known:
            problems.append(
                Finding(
                    "care_forms",
                    None,
                    "care_form_id",
                    item,
                    code="norm_unknown_care_form",
                    params={"known": ", ".join(sorted(known))},
                )
            )
        elif not value.strip().isdigit():
            problems.append(
                Finding(
                    "care_forms",
                    None,
                    "volume_norm",
                    item,
                    code="norm_bad_number",
                )
            )
        else:
            out[name] = int(value)
    if problems:
        raise SpreidingInputError(problems)
    return out


def print_capacity(report: Any, money: Any) -> None:
    from calculator.money import euro_text

    margin = money.set_index("hospital_id")
    for row in report.hospitals.itertuples(index=False):
        change = int(margin.loc[row.hospital_id, "margin_cents_change"])
        click.echo(
            f"  {row.hospital_id:<8} OK {row.or_minutes_used:>10,.0f} / "
            f"{row.or_minutes_available:>10,.0f} min ({row.or_utilisation:6.1%})"
            f"  marge {'+' if change >= 0 else ''}{euro_text(change)}"
        )
    short = report.norms[~report.norms["meets_norm"]]
    for row in short.itertuples(index=False):
        click.echo(
            f"  norm niet gehaald: {row.care_form_id} bij {row.hospital_id}: "
            f"{row.cases:g} < {row.norm}"
        )


if __name__ == "__main__":
    main()
