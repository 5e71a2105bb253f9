"""Errors and findings of the calculator package.

A *finding* is one problem in the input, located as a person finds it in Excel: sheet, row number
as Excel shows it, column, the value found and what was expected. Validation collects every finding
before it reports, so a user sees all problems at once.

A finding carries a message *code* and its *parameters* (see :mod:`messages`); the edge renders it
in the reader's language with :meth:`Finding.render` / :meth:`Finding.message`. ``expected`` holds
the English rendering (for logs, tests and old callers); a finding made without a code keeps the
free text it was given.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from messages import DEFAULT_LANGUAGE, Message, text


@dataclass(frozen=True)
class Finding:
    """One problem in the input workbook.

    Attributes
    ----------
    sheet : canonical sheet name, or ``""`` for the file as a whole
    row : row number as Excel shows it (header is row 1), or ``None`` for the sheet as a whole
    column : canonical column name, or ``""``
    value : the value found, as text (never a patient pseudonym)
    expected : what was expected, in English words (filled from ``code`` when one is given)
    code : message code in the catalogue (``messages.validation``), or ``""`` for free text
    params : the message's parameters
    """

    sheet: str
    row: int | None
    column: str
    value: str
    expected: str = ""
    code: str = ""
    params: Mapping[str, Any] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        if self.code and not self.expected:
            object.__setattr__(self, "expected", text(self.code, "en", **self.params))

    def render(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """What was expected, in ``lang``."""
        return text(self.code, lang, **self.params) if self.code else self.expected

    def location(self, lang: str = DEFAULT_LANGUAGE) -> str:
        parts = [
            text("loc_sheet", lang, sheet=self.sheet) if self.sheet else text("loc_file", lang)
        ]
        if self.row is not None:
            parts.append(text("loc_row", lang, row=str(self.row)))
        if self.column:
            parts.append(text("loc_column", lang, column=self.column))
        return ", ".join(parts)

    def message(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """The whole finding in one line: where, what was found, what was expected."""
        found = text("loc_found", lang, value=repr(self.value)) if self.value != "" else ""
        return f"{self.location(lang)}: {found}{self.render(lang)}"

    def to_dict(self, lang: str = DEFAULT_LANGUAGE) -> dict[str, object]:
        """A JSON-ready record: location, value, code, parameters and the rendered texts."""
        return {
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "code": self.code,
            "params": {k: _plain(v, lang) for k, v in self.params.items()},
            "expected": self.render(lang),
            "message": self.message(lang),
        }


def _plain(value: object, lang: str) -> object:
    if isinstance(value, Message):  # a nested text (e.g. the reason a price is missing)
        return value.render(lang)
    return value if isinstance(value, str | int | float | bool) or value is None else str(value)


class SpreidingError(Exception):
    """Base class of every error this product raises on purpose."""


class SpreidingInputError(SpreidingError):
    """The input cannot be used; ``findings`` says every reason."""

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        head = findings[0].message("en") if findings else "invalid input"
        more = f" (and {len(findings) - 1} more problems)" if len(findings) > 1 else ""
        super().__init__(head + more)

    def __reduce__(self) -> tuple[type, tuple[list[Finding]]]:
        # pickled whole (a worker process hands it back with every finding)
        return (type(self), (self.findings,))


class InvariantError(SpreidingError):
    """A result broke one of its invariants (see ``calculator.invariants``)."""
