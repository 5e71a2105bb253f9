"""Every exported workbook (settlement, scenario, optimisation) shows words, not code words:
no snake_case header and no cell that is a code (status, agreement kind, mode, constraint family,
care form id), in Dutch and in English; and the optimizer's input errors are catalogue findings
with parameters, rendered in either language."""

from __future__ import annotations

import re
from functools import cache

import pandas as pd
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from calculator.validate import load
from messages import CATALOGUE
from spreiding.cli import main
from tests.conftest import SAMPLE

SNAKE = re.compile(r"^[a-z]+(_[a-z]+)+$")
# catalogue prefixes whose tails are codes of the product (``opt_status_time_limit`` → the code
# ``time_limit``)
CODE_PREFIXES = (
    "opt_status_",
    "opt_agreement_",
    "opt_constraint_",
    "settlement_kind_",
    "settlement_mode_",
    "settlement_line_kind_",
    "settlement_invariant_",
)


@cache
def sample_care_forms() -> pd.DataFrame:
    """The sample's care forms (read once: every exported workbook is checked against them)."""
    return load(SAMPLE).care_forms


def known_codes(care_forms: bool = True) -> set[str]:
    """Codes of the product; with ``care_forms`` also the sample's care form ids (which the
    optimiser's workbooks show by name)."""
    codes = {
        code.removeprefix(prefix)
        for code in CATALOGUE
        for prefix in CODE_PREFIXES
        if code.startswith(prefix)
    } | {"highs", "cbc", "sending_hospital"}
    if care_forms:
        forms = sample_care_forms()
        codes |= set(forms.loc[forms["care_form_id"] != forms["name"], "care_form_id"])
    return codes


def code_words(path, care_forms: bool = True, lang: str = "nl") -> list[str]:
    """Every text that is snake_case (headers, also of the tables below a table) and every cell
    that is a known code, with its place; without ``care_forms`` the sample's care form ids may
    stand. A code's own text in ``lang`` is the reader's word, not a code word (in English the
    line kind *secondment* is called "secondment")."""
    words = {entry[lang] for code, entry in CATALOGUE.items() if code.startswith(CODE_PREFIXES)}
    codes = known_codes(care_forms) - words
    allowed = set() if care_forms else set(sample_care_forms()["care_form_id"])
    found = []
    for sheet in load_workbook(path, read_only=True).worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                value = cell.value
                if isinstance(value, str) and (
                    value in codes or (SNAKE.match(value) and value not in allowed)
                ):
                    found.append(f"{sheet.title}!{cell.coordinate}: {value}")
    return found


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(
    "command",
    [
        ["settle", str(SAMPLE), "--year", "2025"],
        ["scenario", str(SAMPLE), "--year", "2026"],
        ["optimize", str(SAMPLE), "--year", "2025"],
        ["optimize", str(SAMPLE), "--year", "2025", "--no-propose", "--max-travel", "1"],
    ],
    ids=["settle", "scenario", "optimize", "infeasible"],
)
def test_exported_workbooks_show_no_code_words(command, lang, tmp_path):
    out = tmp_path / "book.xlsx"
    result = CliRunner().invoke(main, ["--lang", lang, *command, "--out", str(out)])
    assert result.exit_code == (2 if "--no-propose" in command else 0), result.output
    # the settlement keeps care form ids: they are the keys its lines are read back and
    # reconciled by (agreements, monitoring)
    assert code_words(out, care_forms=command[0] != "settle", lang=lang) == []


def test_the_check_finds_code_words(tmp_path):
    """The check itself fails on a header and a cell in code."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["care_form_id", "patiënten"])
    book.active.append(["optimal_with_proposals", 3])
    book.save(tmp_path / "codes.xlsx")
    assert len(code_words(tmp_path / "codes.xlsx")) == 2


# ------------------------------------------------------------- the optimizer's input errors


def _finding(call):
    from calculator.errors import SpreidingInputError

    with pytest.raises(SpreidingInputError) as err:
        call()
    (finding,) = err.value.findings
    return finding


def test_an_unknown_norm_override_is_a_catalogue_finding():
    from calculator.validate import load_frames
    from optimizer.inputs import Options
    from optimizer.optimize import optimize
    from tests.conftest import tiny_sheets

    wb = load_frames(tiny_sheets())
    f = _finding(lambda: optimize(wb, 2025, Options(norms={"galblaas": 30})))
    assert (f.sheet, f.column, f.value, f.code) == (
        "care_forms",
        "care_form_id",
        "galblaas=30",
        "norm_unknown_care_form",
    )
    assert f.render("nl") == "--norm: onbekende zorgvorm; bekend: lies"
    assert f.render("en") == "--norm: unknown care form; known: lies"


def test_a_missing_travel_time_is_a_catalogue_finding():
    from calculator.validate import load_frames
    from optimizer.inputs import Options
    from optimizer.optimize import optimize
    from tests.conftest import tiny_sheets

    sheets = tiny_sheets()
    sheets["hospitals"] = sheets["hospitals"].drop(columns=["lat", "lon"])
    sheets.pop("travel", None)
    wb = load_frames(sheets)
    f = _finding(lambda: optimize(wb, 2025, Options(free_moves=True)))
    assert (f.sheet, f.column, f.code) == ("travel", "minutes", "opt_no_travel_time")
    assert f.params == {"sending": "AAA", "performing": "BBB", "pairs": 1}
    assert f.render("nl").startswith("geen reistijd van AAA naar BBB")
    assert f.render("en").startswith("no travel time from AAA to BBB")


@pytest.mark.parametrize(
    ("content", "code", "dutch"),
    [
        ("16 vijftig\n", "opt_orlib_word", "een woord waar een getal hoort"),
        ("16\n", "opt_orlib_header", "geen kopregel 'm n'"),
        ("2 1\n10 5 20 6\n", "opt_orlib_count", "6 getallen, waar m=2 en n=1 er 9 nodig"),
        ("1 1\n10 5\n0 3\n", "opt_orlib_demand", "klant 1 heeft vraag 0"),
    ],
)
def test_a_file_that_is_not_orlib_says_why_in_words(tmp_path, content, code, dutch):
    from optimizer.orlib import read_cap

    bad = tmp_path / "cap.txt"
    bad.write_text(content)
    f = _finding(lambda: read_cap(bad))
    assert (f.value, f.code) == ("cap.txt", code)
    assert dutch in f.render("nl")
    assert f.render("en").startswith("not an OR-Library file")


def test_the_optimize_report_names_care_forms():
    """Proposals, moves and what cannot hold name care forms as the workbook does, not by id."""
    forms = sample_care_forms().set_index("care_form_id")["name"]
    told = CliRunner().invoke(main, ["optimize", str(SAMPLE), "--year", "2025"])
    assert told.exit_code == 0
    assert re.search(rf"{forms['aorta_aneurysma']}: [A-Z]{{3}} → RSZ", told.output)
    assert f"RSZ haalt zo de norm van 20 voor {forms['aorta_aneurysma']}" in told.output
    stuck = CliRunner().invoke(
        main, ["optimize", str(SAMPLE), "--year", "2025", "--no-propose", "--max-travel", "1"]
    )
    assert stuck.exit_code == 2
    assert f"maak een afspraak voor {forms['carotis']} van ZVL" in stuck.output
    ids = [c for c, name in forms.items() if c != name]
    for output in (told.output, stuck.output):
        lines = [line.strip() for line in output.splitlines()]
        assert not [line for line in lines for c in ids if line.startswith(f"{c}:")]
        assert not [c for c in ids if f"voor {c} " in output or f" {c} bij " in output]
