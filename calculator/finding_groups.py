"""Findings that share one cause, grouped for a reader: "22 cellen in kolom 'product_code' op
blad 'products': …; oplossing: …" with the cells listed below it.

A group is the findings of one check (code) on one column of one sheet that each point at a row
and share one cause; two or more make a group, a single one stays a finding of its own. The cause
and the fix come from the catalogue (``cause_<code>`` and ``fix_<code>`` in
:mod:`messages.input_template`); a check without its own cause text groups only findings that
say the same, and is described by that text. The findings
themselves are kept: a group only says which belong together.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from calculator.errors import Finding
from calculator.schema import SHEETS_BY_NAME
from messages import CATALOGUE, Message, text

MIN_GROUP = 2  # findings of one cause that make a group


@dataclass(frozen=True)
class FindingGroup:
    """Findings of one check on one column of one sheet, in the order they were found."""

    sheet: str
    column: str
    code: str
    findings: tuple[Finding, ...]

    @property
    def count(self) -> int:
        return len(self.findings)

    def _params(self) -> dict[str, object]:
        return dict(self.findings[0].params)

    def same_text(self, lang: str) -> bool:
        """True when every finding of the group says the same (apart from where and what)."""
        return len({f.render(lang) for f in self.findings}) == 1

    def cause_message(self) -> Message:
        """What is wrong with every cell of the group."""
        own = f"cause_{self.code}"
        first = self.findings[0]
        if own in CATALOGUE:
            return Message(own, self._params())
        return Message(first.code, first.params)

    def fix_message(self) -> Message:
        """What to do about it."""
        own = f"fix_{self.code}"
        return Message(own, self._params()) if own in CATALOGUE else Message("fix_default")

    def cause(self, lang: str) -> str:
        return self.cause_message().render(lang)

    def fix(self, lang: str) -> str:
        return self.fix_message().render(lang)

    def headline(self, lang: str) -> str:
        """One line: how many cells, where, the cause and the fix."""
        sheet = SHEETS_BY_NAME.get(self.sheet)
        words = {"cause": self.cause_message(), "fix": self.fix_message()}
        if sheet is None or self.column not in sheet.names:  # a key of several columns
            return text("group_headline_rows", lang, count=self.count, sheet=self.sheet, **words)
        alias = sheet.column(self.column).alias
        column = (
            Message("group_column", {"column": self.column, "alias": alias})
            if alias and alias != self.column
            else Message("group_column_plain", {"column": self.column})
        )
        return text(
            "group_headline", lang, count=self.count, column=column, sheet=self.sheet, **words
        )

    def cell_lines(self, lang: str) -> list[str]:
        """One line per cell: its row, the value found, and the finding's own text where the
        group's members say different things (a duplicate key names its first row)."""
        own = not self.same_text(lang)
        out = []
        for f in self.findings:
            line = (
                text("group_cell_found", lang, row=str(f.row), value=repr(f.value))
                if f.value != ""
                else text("group_cell", lang, row=str(f.row))
            )
            out.append(f"{line} — {f.render(lang)}" if own else line)
        return out

    def to_dict(self, lang: str, index: dict[int, int]) -> dict[str, object]:
        """A JSON-ready record; ``findings`` are the positions of its members in the document's
        list of findings."""
        return {
            "sheet": self.sheet,
            "column": self.column,
            "code": self.code,
            "count": self.count,
            "cause": self.cause(lang),
            "fix": self.fix(lang),
            "message": self.headline(lang),
            "rows": [f.row for f in self.findings],
            "findings": [index[id(f)] for f in self.findings],
        }


def group_findings(findings: Sequence[Finding]) -> list[FindingGroup | Finding]:
    """The findings in reading order, those of one cause gathered into one group at the place
    of the first of them; a finding without a row, or alone with its cause, stays itself."""
    members: dict[tuple[str, str, str], list[Finding]] = {}
    for f in findings:
        if f.row is not None and f.code:
            members.setdefault((f.sheet, f.column, f.code), []).append(f)
    out: list[FindingGroup | Finding] = []
    placed: set[tuple[str, str, str]] = set()
    for f in findings:
        key = (f.sheet, f.column, f.code)
        group = members.get(key) if f.row is not None and f.code else None
        if group is None or len(group) < MIN_GROUP or not _one_cause(group):
            out.append(f)
        elif key not in placed:
            placed.add(key)
            out.append(FindingGroup(*key, tuple(group)))
    return out


def _one_cause(findings: list[Finding]) -> bool:
    """True when the findings share one cause: their check has a cause text of its own, or
    they all say the same (a check whose texts differ per cell, such as an insurer's spelling,
    is listed cell by cell)."""
    if f"cause_{findings[0].code}" in CATALOGUE:
        return True
    return len({f.render("en") for f in findings}) == 1


def groups_document(findings: Sequence[Finding], lang: str) -> list[dict[str, object]]:
    """The groups of ``findings`` as JSON records pointing into that list."""
    index = {id(f): i for i, f in enumerate(findings)}
    return [
        item.to_dict(lang, index)
        for item in group_findings(findings)
        if isinstance(item, FindingGroup)
    ]
