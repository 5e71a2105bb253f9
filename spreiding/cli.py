"""The ``spreiding`` command line (README, Command line).

Exit codes: 0 ok, 1 invalid input (with the full report), 2 infeasible or unsolved, 3 internal
error (one line; the traceback only with ``--debug``), 64 a usage error (an unknown or
out-of-range option, a bad ``--out``; see :mod:`spreiding.options`), 130 stopped with Ctrl-C.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import os
import sys
import traceback
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import click

from calculator.errors import Finding, SpreidingError, SpreidingInputError
from messages import LANGUAGES
from optimizer.errors import OptimizerError
from spreiding.options import (
    CEILING,
    DISCOUNT_RATE,
    MINUTES,
    NORM,
    NORMS,
    OUT_FILE,
    SECONDS,
    SHARE,
    WEIGHT,
    WORKERS,
    YEAR_TYPE,
    UsageError,
    check_out_is_not_input,
    usage_error,
)
from spreiding.output import language, say
from spreiding.progress import write_atomically

EXIT_OK, EXIT_INVALID, EXIT_UNSOLVED, EXIT_INTERNAL = 0, 1, 2, 3


def emit_json(document: dict[str, Any]) -> None:
    """One JSON document on stdout; NaN or infinity in it is a bug, never written as JSON."""
    click.echo(json.dumps(document, ensure_ascii=False, indent=2, default=str, allow_nan=False))


def check_writable(out: Path | None, option: str = "out") -> None:
    """Refuse a ``--lines`` (or other) path that cannot be written, before any work."""
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
        code = problem if option == "out" else problem.replace("out_", f"{option}_", 1)
        raise SpreidingInputError([Finding("", None, "", str(out), code=code)])


def check_out(out: Path | None, book: Path | None = None) -> None:
    """Refuse an ``--out`` that names the input, before any work is done (the option type
    :data:`~spreiding.options.OUT_FILE` has already refused what cannot be written)."""
    check_out_is_not_input(out, book)


def report_findings(findings: list[Finding], as_json: bool) -> None:
    """Every finding, those that share one cause gathered under one line with their cells
    listed below it; in JSON the findings themselves and the groups that point into them."""
    from calculator.finding_groups import groups_document

    lang = language()
    if as_json:
        emit_json(
            {
                "valid": False,
                "problems": len(findings),
                "findings": [f.to_dict(lang) for f in findings],
                "groups": groups_document(findings, lang),
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
    for line in grouped_lines(findings):
        click.echo(line)
    click.echo(say("cli_per_sheet", counts=", ".join(f"{s}: {n}" for s, n in by_sheet.items())))


def grouped_lines(findings: list[Finding], prefix: str = "  - ") -> list[str]:
    """Findings as lines of text: one per finding, or a group's line with its cells indented
    below it."""
    from calculator.finding_groups import FindingGroup, group_findings

    lang = language()
    lines = []
    for item in group_findings(findings):
        if isinstance(item, FindingGroup):
            lines.append(f"{prefix}{item.headline(lang)}")
            lines.extend(f"{' ' * (len(prefix) + 2)}{cell}" for cell in item.cell_lines(lang))
        else:
            lines.append(f"{prefix}{item.message(lang)}")
    return lines


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
        except (click.exceptions.Exit, click.ClickException):
            raise  # click reports a usage error itself, with exit 64 (see SpreidingGroup)
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


class SpreidingGroup(click.Group):
    """The command group; every usage error (click's own too: an unknown option, a missing
    argument) exits with 64, never 2 (which means *infeasible*)."""

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        try:
            return super().make_context(*args, **kwargs)
        except click.UsageError as exc:
            raise UsageError(exc.format_message(), exc.ctx) from exc

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:
            raise UsageError(exc.format_message(), exc.ctx) from exc


@click.group(cls=SpreidingGroup)
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
# the reader refuses a book that is not a regular file or folder (a finding, exit 1)
JSON = click.option("--json", "as_json", is_flag=True, help="Write one JSON document to stdout.")


@main.command()
@BOOK
@JSON
@guarded
def validate(book: Path, as_json: bool) -> int:
    """Check an input workbook (xlsx or CSV folder) and report every problem."""
    from calculator.finding_groups import groups_document
    from calculator.validate import load_isolated as load

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
                "warning_groups": groups_document(list(wb.warnings), lang),
                "sha256": wb.sha256,
                "rows": counts,
            }
        )
    else:
        rows = ", ".join(f"{k} {v}" for k, v in counts.items())
        click.echo(say("cli_valid", book=str(book), rows=rows))
        for line in grouped_lines(list(wb.warnings), prefix=""):
            click.echo(say("cli_warning", text=line) if not line.startswith(" ") else "    " + line)
    return EXIT_OK


@main.command()
@click.option(
    "--out",
    type=OUT_FILE,
    help="Workbook to write [default: regio_voorbeeld.xlsx, with --national nederland.xlsx].",
)
@click.option(
    "--national",
    is_flag=True,
    help="The Netherlands instead: real hospital locations and volume norms, synthetic cases.",
)
@guarded
def sample(out: Path | None, national: bool) -> int:
    """Write the sample region workbook (illustrative figures), or with --national the national
    instance for oncological surgery (sources on its 'bronnen' sheet)."""
    out = out or OUT_FILE.convert(
        "nederland.xlsx" if national else "regio_voorbeeld.xlsx", None, None
    )
    if national:
        from calculator.national_sample import write_national

        write_atomically(out, write_national)
    else:
        from calculator.sample_region import write_sample

        write_atomically(out, write_sample)
    click.echo(say("cli_wrote", path=str(out)))
    return EXIT_OK


@main.command()
@click.option(
    "--out",
    type=OUT_FILE,
    help="Workbook to write [default: spreiding_sjabloon.xlsx, with --lang en "
    "spreiding_template.xlsx; with --example voorbeeld_/example_ before it].",
)
@click.option(
    "--example",
    is_flag=True,
    help="Fill the template with the sample region, as an example of filled-in sheets.",
)
@guarded
def template(out: Path | None, example: bool) -> int:
    """Write the input workbook to fill in: every sheet and header in the chosen language
    (--lang), drop-down lists for codes, choices and yes/no, and an explanation sheet."""
    from calculator.template import write_template

    lang = language()
    if out is None:
        name = say("cli_template_example_file" if example else "cli_template_file")
        out = OUT_FILE.convert(name, None, None)
    write_atomically(out, lambda path: write_template(path, lang, example))
    click.echo(say("cli_wrote", path=str(out)))
    return EXIT_OK


YEAR = click.option("--year", type=YEAR_TYPE, required=True, help="Settlement year.")
OUT = click.option("--out", type=OUT_FILE, help="Write the workbook here.")


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
@click.option(
    "--lines",
    "lines_to",
    metavar="PATH.parquet|PATH.jsonl|-",
    help="Write the lines here (Parquet, or JSON Lines; - is standard output) instead of "
    "inside --json.",
)
@click.option(
    "--partitions",
    type=click.IntRange(1, 4096),
    help="Split the registrations by patient into N buckets settled on Dask (default: 1, or "
    "one per million registrations above two million).",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Run the buckets on this dask.distributed scheduler, e.g. tcp://10.0.0.5:8786.",
)
@JSON
@guarded
def settle(
    book: Path,
    year: int,
    source: str,
    year_basis: str,
    previous: Path | None,
    out: Path | None,
    lines_to: str | None,
    partitions: int | None,
    scheduler: str | None,
    as_json: bool,
) -> int:
    """Yearly settlement between hospitals (docs/settlement.md)."""
    from calculator.partitioned import auto_partitions
    from calculator.report import settlement_document
    from calculator.settle import settle as run_settle
    from calculator.validate import load_isolated as load

    check_out(out, book)
    check_lines(lines_to, as_json)
    wb = load(book)
    buckets = partitions or auto_partitions(len(wb.registrations))
    if buckets > 1 or scheduler:
        result = run_settle_partitioned(wb, year, source, year_basis, buckets, scheduler)
    else:
        result = run_settle(wb, year, source, year_basis=year_basis)
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

            extra.append(comparison_sheet(comparison, language()))
        names = dict(zip(wb.hospitals["hospital_id"], wb.hospitals["name"], strict=True))
        write_atomically(out, lambda path: write_settlement(result, path, extra, language(), names))
    elif out is not None:  # a result that breaks an invariant is never written as a workbook
        click.echo(say("cli_not_written", path=str(out)), err=True)
        out = None
    written: dict[str, object] | None = None
    if lines_to is not None and result.invariants_hold:
        from calculator.lines_file import write_lines

        written = write_lines(result.lines, lines_to, sys.stdout)
    elif lines_to is not None:  # nor are its lines
        click.echo(say("cli_not_written", path=lines_to), err=True)
    if as_json and lines_to is not None:  # the lines are in their own file, not in the document
        without_lines = dataclasses.replace(result, lines=result.lines.iloc[:0])
        document = settlement_document(without_lines, language())
        del document["lines"]
        emit_json({**document, "lines_file": written, **compared(comparison)})
    elif as_json:
        emit_json({**settlement_document(result, language()), **compared(comparison)})
    else:
        # with --lines - the lines own standard output; the summary goes to standard error
        wrote = lines_to if written is not None and lines_to != "-" else None
        print_settlement(result, out, wrote, err=lines_to == "-")
        if comparison is not None:
            from calculator.compare import comparison_text

            for line in comparison_text(comparison, language()):
                click.echo(line, err=lines_to == "-")
    return EXIT_OK if result.invariants_hold else EXIT_INTERNAL


def compared(comparison: Any) -> dict[str, object]:
    """The JSON part of ``--compare`` (nothing without it)."""
    if comparison is None:
        return {}
    from calculator.compare import comparison_document

    return {"comparison": comparison_document(comparison, language())}


def run_settle_partitioned(
    wb: Any, year: int, source: str, year_basis: str, buckets: int, scheduler: str | None
) -> Any:
    """The settlement split by patient on Dask; a scheduler that cannot be reached is the
    user's to fix (exit 1, in words), not an internal error."""
    from calculator.partitioned import settle_partitioned

    try:
        return settle_partitioned(
            wb, year, source, year_basis=year_basis, partitions=buckets, scheduler=scheduler
        )
    except OSError as exc:  # distributed raises OSError when it cannot connect in time
        if not scheduler:
            raise
        finding = Finding("", None, "", scheduler, code="scheduler_unreachable")
        raise SpreidingInputError([finding]) from exc


def check_lines(lines_to: str | None, as_json: bool) -> None:
    """Refuse a ``--lines`` target that cannot be written, before any work: an unknown suffix,
    a path that cannot be written, or ``-`` together with ``--json`` (one standard output)."""
    from calculator.lines_file import lines_format

    if lines_to is None:
        return
    if lines_format(lines_to) is None:
        raise SpreidingInputError([Finding("", None, "", lines_to, code="lines_format_unknown")])
    if lines_to == "-":
        if as_json:
            raise SpreidingInputError([Finding("", None, "", "-", code="lines_stdout_with_json")])
        return
    check_writable(Path(lines_to), "lines")


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

    check_out(out, book)
    return run_monitor(book, year, until.date(), out, as_json, language())


def print_settlement(
    result: Any, out: Path | None, lines_path: str | None = None, err: bool = False
) -> None:
    from calculator.report import settlement_text

    for line in settlement_text(result, language()):
        click.echo(line, err=err)
    for path in (out, lines_path):
        if path is not None:
            click.echo(say("cli_wrote", path=str(path)), err=err)


@main.command()
@BOOK
@YEAR
@click.option(
    "--norm",
    "norms",
    type=NORM,
    multiple=True,
    metavar="CARE_FORM=N",
    help="Override a volume norm (repeatable), e.g. --norm rectumcarcinoom=40.",
)
@OUT
@JSON
@guarded
def scenario(book: Path, year: int, norms: tuple[str, ...], out: Path | None, as_json: bool) -> int:
    """Manual scenario: move the agreed shares (docs/model.md, Manual scenario), with capacity,
    norms and money."""
    from calculator.audit import audit_sheet
    from calculator.validate import load_isolated as load
    from optimizer.report import care_form_names, scenario_document, write_scenario
    from optimizer.scenario import manual_scenario

    check_out(out, book)
    wb = load(book)
    overrides = parse_norms(norms, wb)
    audit = run_audit("scenario", wb, {"year": year, "norms": overrides or None})
    result = manual_scenario(wb, year, norm_overrides=overrides)
    if out is not None:
        names = care_form_names(wb)
        basis = audit_sheet(audit, language())
        write_atomically(
            out, lambda path: write_scenario(result, path, language(), names, basis=basis)
        )
    if as_json:
        emit_json(scenario_document(result) | {"audit": audit.document()})
    else:
        print_capacity(result.capacity_after, result.money)
        if out is not None:
            click.echo(say("cli_wrote", path=str(out)))
        click.echo(audit.line(language()))
    return EXIT_OK


# the options of a plan and its deal, shared by ``optimize`` and ``report``
PLAN_OPTIONS = (
    click.option(
        "--solver", type=click.Choice(["highs", "cbc"]), default="highs", show_default=True
    ),
    click.option(
        "--time-limit",
        type=SECONDS,
        default=120.0,
        show_default=True,
        help="Seconds (at most 3600).",
    ),
    click.option("--gap", type=SHARE, help="Relative MIP gap to stop at."),
    click.option(
        "--integer",
        is_flag=True,
        help="Whole patients, and fractional volumes are an error (whole patients are the default "
        "when every volume of the year is whole).",
    ),
    click.option("--fractional", is_flag=True, help="Allow fractional patients in the plan."),
    click.option("--free-moves", is_flag=True, help="Allow moves without an agreement."),
    click.option(
        "--objective",
        type=click.Choice(["moves", "travel"]),
        default="moves",
        show_default=True,
        help="moves: a feasible plan with the fewest new agreements, then the fewest patients in "
        "another hospital than today, then the least travel; travel: the least travel first.",
    ),
    click.option("--w-travel", type=WEIGHT, default=1.0, show_default=True),
    click.option(
        "--w-move",
        type=WEIGHT,
        default=None,
        help="Weigh each patient moved against today as this many travel minutes (one weighted "
        "sum instead of the order of goals; with --objective travel default 0).",
    ),
    click.option(
        "--max-utilisation",
        type=CEILING,
        help="Planning ceiling for OR and beds of every hospital in this run (share; default the "
        "hospitals sheet's or_max_utilisation / beds_max_utilisation, blank there 0.90).",
    ),
    click.option("--norm", "norms", type=NORM, multiple=True, metavar="CARE_FORM=N"),
    click.option("--max-travel", type=MINUTES, help="No moves longer [minutes]."),
    click.option("--max-move-share", type=SHARE),
    click.option("--max-margin-loss", type=SHARE),
    click.option(
        "--propose/--no-propose",
        default=None,
        help="Propose new agreements (pair × care form within --max-travel, default 60 minutes): "
        "always, or never; by default only when the agreements in force leave no solution.",
    ),
    click.option(
        "--w-fixed",
        type=WEIGHT,
        help="Weight of the fixed service costs (default 1 when the sheet has rows).",
    ),
    click.option(
        "--caps",
        type=click.Choice(["fixed", "follow"]),
        default="fixed",
        show_default=True,
        help="Insurer cap room stays with each hospital, or follows the moved cases.",
    ),
    click.option(
        "--split",
        "split_rule",
        type=click.Choice(["proportional", "equal", "shapley"]),
        default="proportional",
        show_default=True,
        help="How the region's gain is shared: losers made whole and the gain in proportion "
        "to the gains, equal per hospital, or by Shapley value (one solve per coalition of "
        "hospitals).",
    ),
)


def plan_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Decorate a command with :data:`PLAN_OPTIONS` (in the order ``--help`` lists them)."""
    for option in reversed(PLAN_OPTIONS):
        func = option(func)
    return func


def options_of(wb: Any, params: dict[str, Any]) -> Any:
    """The :class:`optimizer.inputs.Options` of :data:`PLAN_OPTIONS`' values (``--norm`` checked
    against the workbook's care forms)."""
    from optimizer.inputs import Options

    given = {k: v for k, v in params.items() if k != "split_rule"}
    return Options(**{**given, "norms": parse_norms(params["norms"], wb)})


@main.command()
@BOOK
@YEAR
@plan_options
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
    fractional: bool,
    free_moves: bool,
    objective: str,
    w_travel: float,
    w_move: float | None,
    max_utilisation: float | None,
    norms: tuple[str, ...],
    max_travel: float | None,
    max_move_share: float | None,
    max_margin_loss: float | None,
    propose: bool | None,
    w_fixed: float | None,
    caps: str,
    split_rule: str,
    out: Path | None,
    as_json: bool,
) -> int:
    """Optimised allocation (docs/model.md) with proposed agreements where needed, the terms of
    each new agreement and the region's compensation; exit 2 when infeasible or unsolved."""
    from calculator.audit import audit_sheet
    from calculator.isolation import run_isolated
    from calculator.validate import load_isolated as load
    from optimizer.deal import plan_and_deal
    from optimizer.deal_report import deal_document, deal_lines, deal_sheets
    from optimizer.inputs import Options
    from optimizer.report import (
        care_form_names,
        optimize_document,
        optimize_lines,
        write_optimize,
    )

    if integer and fractional:
        raise click.UsageError(say("cli_integer_and_fractional"))
    check_out(out, book)
    wb = load(book)
    options = Options(
        solver=solver,
        time_limit=time_limit,
        gap=gap,
        integer=integer,
        fractional=fractional,
        free_moves=free_moves,
        objective=objective,
        w_travel=w_travel,
        w_move=w_move,
        max_utilisation=max_utilisation,
        norms=parse_norms(norms, wb),
        max_travel=max_travel,
        max_move_share=max_move_share,
        max_margin_loss=max_margin_loss,
        propose=propose,
        w_fixed=w_fixed,
        caps=caps,
    )
    seconds = solve_seconds(time_limit) * (4 if split_rule == "shapley" else 1)
    given = {"year": year, **dataclasses.asdict(options), "split": split_rule}
    audit = run_audit("optimize", wb, given)
    result, deal = run_isolated(
        plan_and_deal, wb, year, options, split_rule, seconds=seconds, what="solve"
    )
    if out is not None:
        names = care_form_names(wb)
        extra = deal_sheets(deal, language(), names) if deal is not None else []
        basis = audit_sheet(audit, language())
        write_atomically(
            out,
            lambda path: write_optimize(result, path, language(), names, deal=extra, basis=basis),
        )
    if as_json:
        document = optimize_document(result, language())
        if deal is not None:
            document["deal"] = deal_document(deal, language())
        emit_json(document | {"audit": audit.document()})
    else:
        names = care_form_names(wb)
        for line in optimize_lines(result, language(), names, deal_shown=deal is not None):
            click.echo(line)
        if deal is not None:
            for line in deal_lines(deal, language(), names):
                click.echo(line)
        if out is not None:
            click.echo(say("cli_wrote", path=str(out)))
        click.echo(audit.line(language()))
    return EXIT_OK if result.solved else EXIT_UNSOLVED


@main.command()
@BOOK
@YEAR
@plan_options
@click.option("--out", type=OUT_FILE, required=True, metavar="FILE.pdf", help="The PDF to write.")
@click.option(
    "--lang",
    "pack_lang",
    type=click.Choice(LANGUAGES),
    help="Language of the PDF [default: the language of the output, spreiding --lang].",
)
@click.option(
    "--scenario",
    "scenario_name",
    help="A scenario saved on the dashboard as the plan (instead of optimising).",
)
@click.option(
    "--to",
    "last",
    type=YEAR_TYPE,
    help="Last year of the business case [default: the plan's year + 4].",
)
@click.option(
    "--discount-rate",
    type=DISCOUNT_RATE,
    default=0.04,
    show_default=True,
    help="Yearly discount rate of the business case's net present value (share).",
)
@guarded
def report(
    book: Path,
    year: int,
    out: Path,
    pack_lang: str | None,
    scenario_name: str | None,
    last: int | None,
    discount_rate: float,
    **plan: Any,
) -> int:
    """The board pack: a PDF of 2-4 A4 pages with the region today, the plan (optimised, or
    --scenario NAME), who gains and who loses with the terms and compensation, the business
    case and what is at risk; exit 2 without a plan."""
    from calculator.money import decimal
    from optimizer.business_case import MAX_YEARS
    from spreiding.report_command import run_report

    if plan["integer"] and plan["fractional"]:
        raise click.UsageError(say("cli_integer_and_fractional"))
    if plan["split_rule"] == "shapley" and scenario_name is not None:
        raise usage_error("usage_bc_shapley_needs_optimum")
    if last is not None and last < year:
        raise usage_error("usage_years_order", first=str(year), last=str(last))
    if last is not None and last - year + 1 > MAX_YEARS:
        raise usage_error(
            "usage_bc_too_many_years",
            first=str(year),
            last=str(last),
            years=last - year + 1,
            limit=MAX_YEARS,
        )
    check_out(out, book)
    return run_report(
        book,
        year,
        plan,
        out,
        pack_lang or language(),
        scenario_name,
        last,
        decimal(discount_rate),
    )


@main.command()
@click.argument("source", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--out", type=OUT_FILE, required=True, help="Workbook to write.")
@guarded
def orlib(source: Path, out: Path) -> int:
    """Turn an OR-Library capacitated warehouse file (capNN.txt) into a workbook for 2025."""
    from optimizer.orlib import write_orlib

    if not source.is_file():
        raise usage_error("usage_input_not_regular", path=str(source))
    check_out(out, source)
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
@click.option("--from", "first", type=YEAR_TYPE, required=True, help="Base year (has volumes).")
@click.option("--to", "last", type=YEAR_TYPE, required=True, help="Last year projected.")
@OUT
@JSON
@guarded
def project(book: Path, first: int, last: int, out: Path | None, as_json: bool) -> int:
    """Multi-year projection: cases, OR capacity, norms and money per year and hospital."""
    from spreiding.project_command import run_project

    if last < first:
        raise usage_error("usage_years_order", first=str(first), last=str(last))
    check_out(out, book)
    return run_project(book, first, last, out, as_json, language())


# the options of ``optimize`` that shape the plan of a business case, reused as declared there
# (its own --split has no default: no compensation unless asked for)
CASE_PLAN_OPTIONS = (
    "solver",
    "time_limit",
    "gap",
    "integer",
    "fractional",
    "free_moves",
    "objective",
    "w_travel",
    "w_move",
    "max_utilisation",
    "norms",
    "max_travel",
    "max_move_share",
    "max_margin_loss",
    "propose",
    "w_fixed",
    "caps",
)


@main.command("business-case")
@BOOK
@click.option("--from", "first", type=YEAR_TYPE, required=True, help="Base year (has volumes).")
@click.option("--to", "last", type=YEAR_TYPE, required=True, help="Last year of the case.")
@click.option("--scenario", "scenario_name", help="A scenario saved on the dashboard.")
@click.option("--manual", is_flag=True, help="The manual scenario (the agreed shares moved).")
@click.option(
    "--split",
    "split_rule",
    type=click.Choice(["proportional", "equal", "shapley"]),
    help="Compensation in years the region gains: proportional to the gains, equal shares, "
    "or the Shapley value (of the base year; the optimised plan only).",
)
@click.option(
    "--discount-rate",
    type=DISCOUNT_RATE,
    default=0.04,
    show_default=True,
    help="Yearly discount rate of the net present value (share).",
)
@OUT
@JSON
@guarded
def business_case(
    book: Path,
    first: int,
    last: int,
    scenario_name: str | None,
    manual: bool,
    split_rule: str | None,
    discount_rate: float,
    out: Path | None,
    as_json: bool,
    **plan: Any,
) -> int:
    """Business case over the years: per hospital and year the margin change, freed OR time,
    compensation, one-off costs and funding; cumulative position, break-even year, NPV and
    pre-financing. The plan: the optimised plan of --from (with optimize's options), or
    --manual, or --scenario NAME."""
    from calculator.money import decimal
    from optimizer.business_case import MAX_YEARS
    from optimizer.inputs import Options
    from spreiding.business_case_command import run_business_case

    if last < first:
        raise usage_error("usage_years_order", first=str(first), last=str(last))
    if last - first + 1 > MAX_YEARS:
        raise usage_error(
            "usage_bc_too_many_years",
            first=str(first),
            last=str(last),
            years=last - first + 1,
            limit=MAX_YEARS,
        )
    if scenario_name is not None and manual:
        raise usage_error("usage_bc_plan_twice")
    if split_rule == "shapley" and (scenario_name is not None or manual):
        raise usage_error("usage_bc_shapley_needs_optimum")
    if plan["integer"] and plan["fractional"]:
        raise click.UsageError(say("cli_integer_and_fractional"))
    check_out(out, book)
    norms = plan.pop("norms")

    def options(wb: Any) -> Options:
        return Options(**plan, norms=parse_norms(norms, wb))

    return run_business_case(
        book,
        first,
        last,
        options,
        scenario_name,
        manual,
        split_rule,
        decimal(discount_rate),
        out,
        as_json,
        language(),
    )


business_case.params[-2:-2] = [p for p in optimize.params if p.name in CASE_PLAN_OPTIONS]


@main.command()
@BOOK
@YEAR
@click.option("--care-form", "care_form", required=True, help="Care form whose norm is swept.")
@click.option(
    "--norms",
    "norms_spec",
    type=NORMS,
    required=True,
    metavar="FROM:TO:STEP",
    help="e.g. 10:60:5 (at most 300 norms).",
)
@click.option("--free-moves", is_flag=True, help="Allow moves without an agreement.")
@click.option("--max-travel", type=MINUTES, help="No moves longer [minutes].")
@click.option(
    "--time-limit",
    type=SECONDS,
    default=120.0,
    show_default=True,
    help="Seconds per solve (at most 3600).",
)
@click.option("--gap", type=SHARE, help="Relative MIP gap of the first solve.")
@click.option("--workers", type=WORKERS, help="Processes, at most the cores (default: by size).")
@OUT
@JSON
@guarded
def sweep(
    book: Path,
    year: int,
    care_form: str,
    norms_spec: list[int],
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

    check_out(out, book)
    options = Options(free_moves=free_moves, max_travel=max_travel, time_limit=time_limit, gap=gap)
    return run_sweep(book, year, care_form, norms_spec, options, workers, out, as_json, language())


def run_audit(command: str, wb: Any, options: Mapping[str, object]) -> Any:
    """The audit record (:class:`calculator.audit.Audit`) of a run of ``command`` on ``wb``
    with ``options`` (the command's options; empty ones left out of the line it shows)."""
    from calculator.audit import Audit

    return Audit(command, wb.source_name, wb.sha256, options)


def solve_seconds(time_limit: float) -> float:
    """CPU seconds a worker may spend on one ``optimize``: a run solves up to four times (the
    proposals' two stages, the allocation, the shadow prices), each within the time limit, on
    up to two threads, plus the build."""
    return 8 * time_limit + 300


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
