"""Insurer consent to parallel declaration (issue 20, item 1).

Parallel declaration needs the insurer's consent. The optional sheet ``insurer_consents``
(agreement_id, insurer, consent, valid_from, fallback_mode) says, per parallel agreement and
insurer, from which day consent was given (``ja``) or withdrawn (``nee``); the row with the latest
``valid_from`` on or before a date applies (a blank ``valid_from`` is "always"). An insurer
without a row of its agreement has not consented. A parallel agreement with no rows at all on the
sheet (or a workbook without the sheet) is settled as today: consent is assumed, and the
settlement says so in one note.

Cases of insurers without consent are settled under the row's ``fallback_mode`` (``odv``
default, or ``referral``); a parallel DBC pair declared to such an insurer is an exception with the
amount at risk: what the performer declared for its DBC.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from types import MappingProxyType

import pandas as pd

from calculator.agreements import in_force_in_year
from calculator.money import exact
from calculator.tariffs import Tariffs
from messages import Message

# consent status of an insurer's cases under a parallel agreement, as shown in monitoring
GIVEN, WITHHELD, ASSUMED = "given", "withheld", "assumed"


def insurer_key(name: object) -> str:
    """Insurers compare without case or surrounding spaces (as validation matches them)."""
    return " ".join(str(name).split()).casefold() if isinstance(name, str) else ""


@dataclass(frozen=True)
class Consents:
    """The consents of a workbook, by agreement and insurer.

    ``by_pair``: (agreement_id, insurer key) → ((valid_from or None, consent, fallback_mode), …)
    sorted by valid_from (None first); ``listed``: the agreements that have rows.
    """

    by_pair: Mapping[tuple[str, str], tuple[tuple[dt.date | None, bool, str], ...]]
    listed: frozenset[str]

    @classmethod
    def of(cls, sheet: pd.DataFrame) -> Consents:
        rows: dict[tuple[str, str], list[tuple[dt.date | None, bool, str]]] = {}
        for agreement, insurer, consent, start, fallback in sheet[
            ["agreement_id", "insurer", "consent", "valid_from", "fallback_mode"]
        ].itertuples(index=False):
            day = None if pd.isna(start) else pd.Timestamp(start).date()
            mode = "odv" if pd.isna(fallback) or not fallback else str(fallback)
            rows.setdefault((str(agreement), insurer_key(insurer)), []).append(
                (day, bool(consent), mode)
            )
        ordered = {
            k: tuple(sorted(v, key=lambda r: (r[0] is not None, r[0] or dt.date.min)))
            for k, v in rows.items()
        }
        return cls(MappingProxyType(ordered), frozenset(str(a) for a, _ in ordered))

    def applies(self, agreement: str) -> bool:
        """True when the agreement's consents are on the sheet (else consent is assumed)."""
        return str(agreement) in self.listed

    def _row(self, agreement: str, insurer: object, day: dt.date) -> tuple | None:
        found = None
        for row in self.by_pair.get((str(agreement), insurer_key(insurer)), ()):
            if row[0] is None or row[0] <= day:
                found = row
        return found

    def given(self, agreement: str, insurer: object, day: dt.date) -> bool:
        """Consent of ``insurer`` under ``agreement`` on ``day`` (assumed when not listed)."""
        if not self.applies(agreement):
            return True
        row = self._row(agreement, insurer, day)
        return row is not None and bool(row[1])

    def fallback(self, agreement: str, insurer: str) -> str:
        """How cases of an insurer without consent are settled: its latest row's mode (odv)."""
        rows = self.by_pair.get((str(agreement), insurer_key(insurer)), ())
        return rows[-1][2] if rows else "odv"

    def days_given(self, agreement: str, insurer: str, start: dt.date, end: dt.date) -> int:
        """Days from ``start`` to ``end`` (inclusive) on which the insurer consented."""
        if not self.applies(agreement):
            return (end - start).days + 1
        rows = self.by_pair.get((str(agreement), insurer_key(insurer)), ())
        edges = sorted({start, *(r[0] for r in rows if r[0] is not None and start < r[0] <= end)})
        days = 0
        for i, first in enumerate(edges):
            last = edges[i + 1] - dt.timedelta(days=1) if i + 1 < len(edges) else end
            if self.given(agreement, insurer, first):
                days += (last - first).days + 1
        return days

    def status(self, agreement: str, insurer: str, day: dt.date) -> str:
        if not self.applies(agreement):
            return ASSUMED
        return GIVEN if self.given(agreement, insurer, day) else WITHHELD


NO_CONSENTS = Consents(MappingProxyType({}), frozenset())


def part_period(row: object, year: int) -> tuple[dt.date, dt.date]:
    """First and last day of a flow part under its agreement (within its period and year)."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    for value, later in (
        (getattr(row, "period_from", None), True),
        (getattr(row, "valid_from", None), True),
        (getattr(row, "period_to", None), False),
        (getattr(row, "valid_to", None), False),
    ):
        if value is None or pd.isna(value):
            continue
        day = pd.Timestamp(value).date()
        start, end = (max(start, day), end) if later else (start, min(end, day))
    return start, end


def insurer_split(
    consents: Consents, tariffs: Tariffs, year: int, row: object
) -> list[tuple[str, Fraction, Fraction, str]]:
    """A parallel part's cases per insurer of the sending hospital: (insurer, cases settled
    parallel, cases settled under the fallback, fallback mode). Cases × share, and of those the
    days with consent over the days of the part, exact."""
    n = exact(row.cases)  # type: ignore[attr-defined]
    start, end = part_period(row, year)
    days = max((end - start).days + 1, 1)
    out = []
    for insurer, share, _ in tariffs.shares(year)[row.sending_hospital]:  # type: ignore[attr-defined]
        cases = n * share
        given = Fraction(consents.days_given(row.agreement_id, insurer, start, end), days)  # type: ignore[attr-defined]
        together = cases * given
        out.append(
            (insurer, together, cases - together, consents.fallback(row.agreement_id, insurer))  # type: ignore[attr-defined]
        )
    return out


def consent_notes(wb: object, consents: Consents, year: int) -> list[Message]:
    """One note when parallel agreements in force in ``year`` settle on assumed consent:
    without the sheet, or (with it) those not on it."""
    agreements = in_force_in_year(wb.agreements, year)  # type: ignore[attr-defined]
    parallel = sorted(set(agreements.loc[agreements["mode"] == "parallel", "agreement_id"]))
    if not parallel:
        return []
    if not wb.has("insurer_consents"):  # type: ignore[attr-defined]
        return [Message("settlement_note_consent_assumed", {"agreements": ", ".join(parallel)})]
    unlisted = [a for a in parallel if not consents.applies(a)]
    if unlisted:
        return [Message("settlement_note_consent_unlisted", {"agreements": ", ".join(unlisted)})]
    return []
