"""A seeded mutation fuzzer for the input path: mutate the sample workbook, check every outcome.

Each mutant is the sample's raw tables (as the reader gives them) with one to three random
mutations: a cell replaced by a hostile value (wrong type, blank, Excel error cell, huge, negative,
infinite or NaN number, ambiguous number or date, control characters), rows deleted, duplicated or
shuffled, a column deleted or renamed, two columns swapped, a sheet deleted. Validation runs in
process (the same :func:`calculator.validate` path the CLI uses) and must end in a workbook or an
input error whose findings are located and render in both languages — never another exception.
When a mutant validates, the settlement, the manual scenario and a one-year projection run and
must hold their invariants, and their JSON documents must be valid JSON (no ``Infinity``).

The base is the sample with every optional sheet filled (travel, service costs and volume
periods are added to the growth, phases and keep it has), so every newer sheet is mutated too;
hostile values include look-alike ids (Cyrillic, full-width, zero-width, other case). Every
``files_every``-th mutant goes the way of a file: written as a CSV folder (registrations as
Parquet) and read back by the reader, as the CLI reads a folder.

``python -m tests.fuzzing --mutants 2000 --seed 7`` (``make fuzz``) runs a larger campaign.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from calculator import checks, validate
from calculator.coerce import ExcelError
from calculator.errors import SpreidingInputError
from calculator.reader import ROW, RawBook, read_any
from calculator.report import settlement_document
from calculator.settle import settle
from calculator.validate import _finish
from calculator.workbook import Workbook
from messages import LANGUAGES
from optimizer.projection import project
from optimizer.projection_report import projection_document
from optimizer.report import scenario_document
from optimizer.scenario import manual_scenario

SAMPLE = Path(__file__).resolve().parent.parent / "sample_data" / "regio_voorbeeld.xlsx"
MAX_SECONDS_PER_MUTANT = 60.0  # a hang detector, not a speed test

HOSTILE: tuple[object, ...] = (
    "",
    "   ",
    None,
    "abc",
    "€ 12",
    "04/12/2025",
    "31-02-2025",
    "1.234",
    "3,213",
    "1.234,56",
    "12.5",
    "inf",
    "NaN",
    "-inf",
    "#N/A",
    "ALR\x0b",
    "_x000B_",
    "=1+1",
    "\u0410LR",  # a Cyrillic A: looks like ALR
    "ALR\u200b",  # a zero-width space
    "\uff21\uff2c\uff32",  # full-width ALR
    "alr",
    "  ALR  ",
    "1e300",
    "x" * 40_000,
    1e300,
    -1e300,
    1e10,
    -5,
    0,
    0.5,
    float("inf"),
    float("nan"),
    True,
    dt.datetime(1900, 1, 1),
    dt.date(2025, 12, 31),
    ExcelError("#REF!"),
    ExcelError("#VALUE!"),
    ExcelError("#DIV/0!"),
    ExcelError("#N/A"),
)


@dataclass
class Outcome:
    """What one mutant did: its mutations, whether it validated, and the seconds it took."""

    index: int
    mutations: list[str]
    valid: bool
    settled: bool
    seconds: float


def sample_tables() -> dict[str, pd.DataFrame]:
    """The sample's raw tables with the optional sheets it lacks filled from its own data:
    travel between its hospitals, a fixed service cost per performed care form, and the
    periods of the 2025 volumes (the whole year)."""
    raw = read_any(SAMPLE)
    assert not raw.findings, [f.message("en") for f in raw.findings]
    tables = dict(raw.tables)
    hospitals = list(tables["hospitals"]["hospital_id"])
    pairs = [(a, b) for a in hospitals for b in hospitals if a != b]
    tables.setdefault(
        "travel",
        _renumber(
            pd.DataFrame(
                {
                    "from_hospital": [a for a, _ in pairs],
                    "to_hospital": [b for _, b in pairs],
                    "minutes": [float(10 + 7 * (i % 9)) for i in range(len(pairs))],
                }
            )
        ),
    )
    performed = tables["volumes"][["hospital_id", "care_form_id"]].drop_duplicates().head(8)
    tables.setdefault(
        "service_costs",
        _renumber(performed.assign(fixed_cost=[250_000.0] * len(performed))),
    )
    volumes = tables["volumes"].copy()
    in_2025 = volumes["year"] == 2025
    volumes["period_from"] = [dt.date(2025, 1, 1) if y else None for y in in_2025]
    volumes["period_to"] = [dt.date(2025, 12, 31) if y else None for y in in_2025]
    tables["volumes"] = volumes
    return tables


def _renumber(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.reset_index(drop=True)
    frame[ROW] = range(2, 2 + len(frame))
    return frame


def mutate(tables: dict[str, pd.DataFrame], rng: random.Random) -> tuple[dict, list[str]]:
    """A copy of ``tables`` with one to three random mutations, and their descriptions."""
    out = dict(tables)  # copy on write: a sheet that is not mutated stays the same object
    done: list[str] = []
    for _ in range(rng.choice((1, 1, 2, 3))):
        if not out:
            break
        sheet = rng.choice(sorted(out))
        frame = out[sheet].copy()
        columns = [c for c in frame.columns if c != ROW]
        kind = rng.choice(
            ("cell",) * 8
            + ("blank_column", "delete_rows", "duplicate_row", "shuffle", "delete_column")
            + ("rename_column", "swap_columns", "delete_sheet", "upper_headers")
        )
        if kind == "cell" and len(frame) and columns:
            row = rng.randrange(len(frame))
            column = rng.choice(columns)
            value = rng.choice(HOSTILE)
            frame = frame.astype({column: object})
            frame.iat[row, frame.columns.get_loc(column)] = value
            done.append(f"{sheet}[{row + 2}, {column}] = {str(value)[:30]!r}")
        elif kind == "blank_column" and columns:
            column = rng.choice(columns)
            frame[column] = None
            done.append(f"{sheet}.{column} blank")
        elif kind == "delete_rows" and len(frame):
            start = rng.randrange(len(frame))
            stop = min(len(frame), start + rng.choice((1, 3, 50)))
            frame = _renumber(frame.drop(index=frame.index[start:stop]))
            done.append(f"{sheet} rows {start + 2}..{stop + 1} deleted")
        elif kind == "duplicate_row" and len(frame):
            row = rng.randrange(len(frame))
            frame = _renumber(pd.concat([frame, frame.iloc[[row]]]))
            done.append(f"{sheet} row {row + 2} duplicated")
        elif kind == "shuffle":
            frame = _renumber(frame.sample(frac=1, random_state=rng.randrange(1 << 30)))
            done.append(f"{sheet} rows shuffled")
        elif kind == "delete_column" and columns:
            column = rng.choice(columns)
            frame = frame.drop(columns=[column])
            done.append(f"{sheet}.{column} deleted")
        elif kind == "rename_column" and columns:
            column = rng.choice(columns)
            frame = frame.rename(columns={column: column + "_x"})
            done.append(f"{sheet}.{column} renamed")
        elif kind == "swap_columns" and len(columns) > 1:
            a, b = rng.sample(columns, 2)
            frame = frame.rename(columns={a: b, b: a})
            done.append(f"{sheet}: {a} <-> {b}")
        elif kind == "delete_sheet":
            del out[sheet]
            done.append(f"{sheet} deleted")
            continue
        elif kind == "upper_headers":
            # as a reader would map them: headers in capitals are the same columns
            done.append(f"{sheet} headers in capitals")
        out[sheet] = frame
    return out, done


def _documents_are_json(*documents: dict) -> None:
    for document in documents:
        json.dumps(document, allow_nan=False, default=str)


def _use(wb: Workbook) -> bool:
    """Settle and run the manual scenario of a valid mutant; False when the input stops them."""
    years = wb.years_in("registrations") or wb.years_in("volumes")
    if not years:
        return False
    year = 2025 if 2025 in years else years[0]
    try:
        result = settle(wb, year, None)
    except SpreidingInputError:
        return False
    assert result.invariants_hold, result.invariants
    _documents_are_json(settlement_document(result))
    volume_years = wb.years_in("volumes")
    if volume_years:
        scenario_year = 2026 if 2026 in volume_years else volume_years[-1]
        try:
            scenario = manual_scenario(wb, scenario_year)
        except SpreidingInputError:
            return True
        _documents_are_json(scenario_document(scenario))
        money = scenario.money.select_dtypes("number")
        assert np.isfinite(money.to_numpy(dtype=float)).all()
        try:  # growth, phases and indexation into the next year
            projection = project(wb, volume_years[0], volume_years[0] + 1)
        except SpreidingInputError:
            return True
        _documents_are_json(projection_document(projection, "nl"))
    return True


class TypingCache:
    """Type a sheet once per raw frame object: a mutant shares its unmutated sheets with the
    sample, and typing a sheet depends on that sheet alone, so only mutated sheets are typed again
    (the checks across sheets always run in full)."""

    def __init__(self) -> None:
        self.original = validate._type_sheet
        self.cache: dict[tuple[str, int], tuple] = {}
        self.keep: list[pd.DataFrame] = []

    def __call__(self, sheet, raw, convention):  # type: ignore[no-untyped-def]
        key = (sheet.name, id(raw))
        if key not in self.cache:
            self.cache[key] = self.original(sheet, raw, convention)
            self.keep.append(raw)  # keeps the id from being reused
        frame, findings, complete = self.cache[key]
        return frame, list(findings), complete


class KeyCache:
    """Check a sheet's keys once per typed frame object: an unmutated sheet's typed frame is the
    same object in every mutant (:class:`TypingCache`), and whether its keys are unique depends on
    that sheet alone (the checks across sheets always run in full)."""

    def __init__(self) -> None:
        self.original = checks._unique
        self.cache: dict[tuple[str, int], list] = {}
        self.keep: list[pd.DataFrame] = []

    def __call__(self, sheet, frame):  # type: ignore[no-untyped-def]
        key = (sheet.name, id(frame))
        if key not in self.cache:
            self.cache[key] = self.original(sheet, frame)
            self.keep.append(frame)  # keeps the id from being reused
        return list(self.cache[key])


def through_files(tables: dict[str, pd.DataFrame]) -> RawBook:
    """The mutant written as a CSV folder (registrations as Parquet) and read back by the
    reader: text cells, Dutch or English numbers, Parquet types, as from a user's folder."""
    folder = Path(tempfile.mkdtemp(prefix="spreiding-fuzz-"))
    try:
        for name, frame in tables.items():
            frame = frame.drop(columns=[ROW])
            cells = frame.astype(object).map(
                lambda v: "" if v is None or (isinstance(v, float) and np.isnan(v)) else str(v)
            )
            if name == "registrations":
                cells.to_parquet(folder / f"{name}.parquet", index=False)
            else:
                cells.to_csv(folder / f"{name}.csv", index=False)
        return read_any(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def check_mutant(
    tables: dict[str, pd.DataFrame], pseudonyms: set[str], use: bool = True, files: bool = False
) -> tuple[bool, bool]:
    """Validate one mutant; raise AssertionError (or the bug) when an outcome is not allowed."""
    try:
        raw = through_files(tables) if files else RawBook(tables, [], "mutant.xlsx")
        wb = _finish(raw, "0" * 64)
    except SpreidingInputError as exc:
        assert exc.findings, "an input error without findings"
        for finding in exc.findings:
            assert finding.sheet or finding.row is None
            assert finding.value not in pseudonyms, "a pseudonym in a finding"
            for lang in LANGUAGES:
                finding.message(lang)
                json.dumps(finding.to_dict(lang), allow_nan=False)
        return False, False
    return True, (_use(wb) if use else False)


def run(
    mutants: int,
    seed: int,
    settle_at_most: int | None = None,
    report: Callable[[Outcome], None] | None = None,
    files_every: int = 0,
) -> list[Outcome]:
    """Run ``mutants`` mutants from ``seed``; valid ones settle (at most ``settle_at_most``);
    every ``files_every``-th goes through a CSV/Parquet folder (0: none)."""
    tables = sample_tables()
    pseudonyms = set(tables["registrations"]["patient_id"].astype(str))
    rng = random.Random(seed)
    outcomes: list[Outcome] = []
    cache, keys = TypingCache(), KeyCache()
    validate._type_sheet = cache  # type: ignore[assignment]
    checks._unique = keys  # type: ignore[assignment]
    try:
        return _campaign(
            tables, pseudonyms, rng, mutants, seed, settle_at_most, report, outcomes, files_every
        )
    finally:
        validate._type_sheet = cache.original  # type: ignore[assignment]
        checks._unique = keys.original  # type: ignore[assignment]


def _campaign(
    tables, pseudonyms, rng, mutants, seed, settle_at_most, report, outcomes, files_every
):  # type: ignore[no-untyped-def]
    settled = 0
    for index in range(mutants):
        mutant, mutations = mutate(tables, rng)
        start = time.perf_counter()
        use = settle_at_most is None or settled < settle_at_most
        try:
            files = bool(files_every) and index % files_every == files_every - 1
            valid, was_settled = check_mutant(mutant, pseudonyms, use=use, files=files)
        except BaseException as exc:
            exc.add_note(f"mutant {index} (seed {seed}): {'; '.join(mutations)}")
            raise
        settled += was_settled
        seconds = time.perf_counter() - start
        assert seconds < MAX_SECONDS_PER_MUTANT, f"mutant {index} took {seconds:.1f} s"
        outcome = Outcome(index, mutations, valid, was_settled, seconds)
        outcomes.append(outcome)
        if report:
            report(outcome)
    return outcomes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mutants", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    start = time.perf_counter()

    def show(o: Outcome) -> None:
        state = "settled" if o.settled else ("valid" if o.valid else "invalid")
        print(f"{o.index:5d} {state:8s} {o.seconds:6.2f} s  {'; '.join(o.mutations)}")

    outcomes = run(args.mutants, args.seed, report=show, files_every=10)
    valid = sum(o.valid for o in outcomes)
    print(
        f"{len(outcomes)} mutants, {valid} valid, {sum(o.settled for o in outcomes)} settled, "
        f"none reached an internal error; {time.perf_counter() - start:.0f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
