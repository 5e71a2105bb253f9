"""The bounded option types of every ``spreiding`` command, and the usage exit code.

Every number a user can pass is finite and inside a range that keeps a run small and its
arithmetic exact: a NaN weight, a norm range of a billion points or the year 10**20 is a usage
error (exit :data:`EXIT_USAGE`, 64 as in BSD ``sysexits.h``) before any work starts — never exit
2 (that means *infeasible*) or 3 (an internal error). Files: ``--out`` must be a new path or a
regular file in a writable folder, never the input itself; the input must be a regular file or a
folder (a FIFO or a device would hang or fill memory).

A command declares an option with one of these types, e.g.
``click.option("--w-travel", type=WEIGHT, default=1.0)``; the texts come from the catalogue
(``messages/cli.py``) in the language chosen with ``--lang``.
"""

from __future__ import annotations

import math
import os
import stat
from pathlib import Path
from typing import Any

import click

from spreiding.output import say

EXIT_USAGE = 64  # EX_USAGE: the command was used wrongly (an option or a file argument)

YEAR_MIN, YEAR_MAX = 2000, 2100
MAX_NORM = 100_000  # cases per year a volume norm can ask for
MAX_NORM_POINTS = 300  # norms one sweep solves
MAX_TIME_LIMIT = 3600.0  # seconds per solve
MAX_WEIGHT = 1_000_000.0  # objective weights: beyond this the solver's tolerances fail
MAX_TRAVEL_MINUTES = 24 * 60.0


class UsageError(click.UsageError):
    """A usage error of a ``spreiding`` command: exit 64."""

    exit_code = EXIT_USAGE


def usage_error(code: str, /, **params: object) -> UsageError:
    """A usage error whose text is the catalogue's ``code`` in the chosen language."""
    return UsageError(say(code, **params))


def available_cores() -> int:
    """Cores this process may run on (the affinity mask where the system has one)."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # not on Linux
        return max(os.cpu_count() or 1, 1)


class BoundedFloat(click.ParamType):
    """A finite number in ``[low, high]`` (``low`` excluded when ``low_open``)."""

    name = "number"

    def __init__(self, low: float, high: float, *, low_open: bool = False) -> None:
        self.low, self.high, self.low_open = low, high, low_open

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, float) and math.isfinite(value) and self._inside(value):
            return value
        try:
            number = float(str(value).strip().replace(",", "."))
        except ValueError:
            number = math.nan
        if not math.isfinite(number) or not self._inside(number):
            self.fail(self._expected(value), param, ctx)
        return number

    def _inside(self, number: float) -> bool:
        above = number > self.low if self.low_open else number >= self.low
        return above and number <= self.high

    def _expected(self, value: object) -> str:
        code = "usage_number_above" if self.low_open else "usage_number_range"
        return say(code, value=str(value)[:40], low=self.low, high=self.high)

    def __repr__(self) -> str:
        return f"BoundedFloat({self.low}, {self.high})"


class BoundedInt(click.ParamType):
    """A whole number in ``[low, high]``; ``high`` may be a callable (e.g. the cores)."""

    name = "integer"

    def __init__(self, low: int, high: int | Any) -> None:
        self.low, self._high = low, high

    @property
    def high(self) -> int:
        return int(self._high() if callable(self._high) else self._high)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            number: int | None = value
        else:
            text = str(value).strip()
            # at most 12 characters: a year of a hundred digits is refused before int() reads it
            number = int(text) if len(text) <= 12 and text.lstrip("+-").isdigit() else None
        if number is None or not self.low <= number <= self.high:
            shown = str(value)[:40]
            self.fail(
                say("usage_whole_range", value=shown, low=str(self.low), high=str(self.high)),
                param,
                ctx,
            )
        return number

    def __repr__(self) -> str:
        return f"BoundedInt({self.low}, {self._high})"


class NormRange(click.ParamType):
    """``FROM:TO:STEP`` (``FROM:TO`` steps by 1, ``N`` is one norm) → the list of norms, at most
    :data:`MAX_NORM_POINTS` of them, each in ``[0, MAX_NORM]``."""

    name = "FROM:TO:STEP"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, list):
            return value
        spec = str(value).strip()
        parts = spec.split(":")
        numbers = [int(p) for p in parts if len(p) <= 12 and p.strip().isdigit()]
        if len(numbers) != len(parts) or not 1 <= len(numbers) <= 3:
            self.fail(say("norms_range_bad"), param, ctx)
        if len(numbers) == 1:
            numbers += [numbers[0], 1]
        elif len(numbers) == 2:
            numbers.append(1)
        first, last, step = numbers
        if last < first or step < 1 or last > MAX_NORM:
            self.fail(say("norms_range_bad_bounds", high=MAX_NORM), param, ctx)
        points = (last - first) // step + 1
        if points > MAX_NORM_POINTS:
            self.fail(say("norms_range_too_many", points=points, limit=MAX_NORM_POINTS), param, ctx)
        return list(range(first, last + 1, step))


class NormOverride(click.ParamType):
    """``CARE_FORM=N`` with ``N`` a whole number in ``[0, MAX_NORM]``; returned as given
    (stripped). Whether the care form exists is known only from the workbook."""

    name = "CARE_FORM=N"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        name, equals, number = str(value).partition("=")
        number = number.strip()
        if (
            not equals
            or not name.strip()
            or not (number.isdigit() and len(number) <= 12 and int(number) <= MAX_NORM)
        ):
            self.fail(say("usage_norm_override", value=str(value)[:80], high=MAX_NORM), param, ctx)
        return f"{name.strip()}={int(number)}"


class OutFile(click.ParamType):
    """Where a workbook is written: a new file or a regular file, in a folder that exists and
    can be written. A folder, a FIFO, a device or a socket is refused (they would be replaced or
    block). The file is written through a temporary file beside it (see
    :func:`spreiding.progress.write_atomically`)."""

    name = "FILE.xlsx"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        out = Path(value)
        folder = out.parent if str(out.parent) else Path(".")
        try:
            mode: int | None = out.stat().st_mode
        except OSError:  # a new path (or one that cannot be looked at: the folder check says)
            mode = None
        problem = ""
        if mode is not None and stat.S_ISDIR(mode):
            problem = "out_is_folder"
        elif mode is not None and not stat.S_ISREG(mode):
            problem = "out_not_regular"
        elif not folder.is_dir():
            problem = "out_folder_missing"
        elif not os.access(folder, os.W_OK) or (mode is not None and not os.access(out, os.W_OK)):
            problem = "out_not_writable"
        if problem:
            self.fail(say(problem, path=str(out)), param, ctx)
        return out


def check_out_is_not_input(out: Path | None, book: Path | None) -> None:
    """Refuse an ``--out`` that names the input (the workbook, or a file inside the CSV folder):
    the result would overwrite what it was computed from."""
    if out is None or book is None:
        return
    try:
        same = out.exists() and (
            os.path.samefile(out, book)
            or (
                book.is_dir()
                and out.suffix.lower() in (".csv", ".parquet")
                and out.resolve().parent == book.resolve()
            )
        )
    except OSError:
        same = False
    if same:
        raise usage_error("out_is_input", path=str(out))


YEAR_TYPE = BoundedInt(YEAR_MIN, YEAR_MAX)
WEIGHT = BoundedFloat(0.0, MAX_WEIGHT)
SHARE = BoundedFloat(0.0, 1.0)
CEILING = BoundedFloat(0.0, 1.0, low_open=True)  # a planning ceiling: above 0, at most 1
SECONDS = BoundedFloat(0.0, MAX_TIME_LIMIT, low_open=True)
MINUTES = BoundedFloat(0.0, MAX_TRAVEL_MINUTES)
DISCOUNT_RATE = BoundedFloat(0.0, 1.0)  # a yearly discount rate: 0 to 100 %
WORKERS = BoundedInt(1, available_cores)
NORMS = NormRange()
NORM = NormOverride()
OUT_FILE = OutFile()
