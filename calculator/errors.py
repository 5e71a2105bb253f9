"""Errors and findings of the calculator package.

A *finding* is one problem in the input, located as a person finds it in Excel: sheet, row number
as Excel shows it, column, the value found and what was expected. Validation collects every finding
before it reports, so a user sees all problems at once.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Finding:
    """One problem in the input workbook.

    Attributes
    ----------
    sheet : canonical sheet name, or ``""`` for the file as a whole
    row : row number as Excel shows it (header is row 1), or ``None`` for the sheet as a whole
    column : canonical column name, or ``""``
    value : the value found, as text
    expected : what was expected, in words
    """

    sheet: str
    row: int | None
    column: str
    value: str
    expected: str

    def location(self) -> str:
        parts = [f"sheet '{self.sheet}'" if self.sheet else "file"]
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column '{self.column}'")
        return ", ".join(parts)

    def message(self) -> str:
        found = f"found {self.value!r}; " if self.value != "" else ""
        return f"{self.location()}: {found}{self.expected}"

    def to_dict(self) -> dict[str, object]:
        return asdict(self) | {"message": self.message()}


class SpreidingError(Exception):
    """Base class of every error this product raises on purpose."""


class SpreidingInputError(SpreidingError):
    """The input cannot be used; ``findings`` says every reason."""

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        head = findings[0].message() if findings else "invalid input"
        more = f" (and {len(findings) - 1} more problems)" if len(findings) > 1 else ""
        super().__init__(head + more)


class InvariantError(SpreidingError):
    """A result broke one of its invariants (see ``calculator.invariants``)."""
