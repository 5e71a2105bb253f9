"""Validation findings grouped for a reader (no streamlit here): the problems themselves —
those of one cause gathered into one group with its cells (:mod:`calculator.finding_groups`) —
and the follow-on references they cause, one line per referenced code instead of one per row."""

from __future__ import annotations

from dataclasses import dataclass

from calculator.errors import Finding
from calculator.finding_groups import FindingGroup, group_findings

REFERENCE = "unknown_reference"


@dataclass(frozen=True)
class FollowOn:
    """Rows on other sheets that refer to codes missing from sheet ``target``.

    values : the codes referred to, as the findings show them (masked values left out)
    per_sheet : sheet → number of rows
    cause : a problem on ``target`` that probably explains them (None when there is none)
    """

    target: str
    values: tuple[str, ...]
    per_sheet: dict[str, int]
    cause: Finding | None

    @property
    def rows(self) -> int:
        return sum(self.per_sheet.values())


def group(findings: list[Finding]) -> tuple[list[Finding], list[FollowOn]]:
    """The findings that are problems of their own, and the references to unknown codes
    grouped per sheet referred to, largest first."""
    roots = [f for f in findings if f.code != REFERENCE]
    groups: dict[str, list[Finding]] = {}
    for f in findings:
        if f.code == REFERENCE:
            groups.setdefault(str(f.params.get("target", "")), []).append(f)
    follow = []
    for target, members in groups.items():
        per_sheet: dict[str, int] = {}
        for f in members:
            per_sheet[f.sheet] = per_sheet.get(f.sheet, 0) + 1
        values = tuple(sorted({f.value for f in members if f.value and set(f.value) != {"*"}}))
        cause = next((r for r in roots if r.sheet == target), None)
        follow.append(FollowOn(target, values, per_sheet, cause))
    follow.sort(key=lambda g: (-g.rows, g.target))
    return roots, follow


def cell_groups(roots: list[Finding]) -> tuple[list[FindingGroup], list[Finding]]:
    """The problems that share one cause as groups (largest first), and the others one by
    one in the order they were found."""
    items = group_findings(roots)
    groups = [i for i in items if isinstance(i, FindingGroup)]
    groups.sort(key=lambda g: -g.count)
    return groups, [i for i in items if isinstance(i, Finding)]
