"""The validated input: one immutable object holding typed frames (README, Input)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from calculator.errors import Finding, SpreidingInputError

SOURCE_ROW = "excel_row"


def years_of(dates: pd.Series) -> set[int]:
    """The distinct years of a date column (missing dates left out); read once per distinct
    year, not once per row."""
    return {int(y) for y in dates.dt.year.dropna().unique()}


@dataclass(frozen=True)
class Workbook:
    """Validated input frames with canonical column names and proper dtypes.

    Every frame has the declared columns of its sheet (see :mod:`calculator.schema`) plus
    ``excel_row``: the row the record came from (Excel row number, or CSV line number). Optional
    sheets that were absent are empty frames. Codes are ``str``, dates ``datetime64[s]``, money
    ``Decimal`` [EUR], counts ``float64``. Frames must not be mutated; rules return new frames.
    """

    hospitals: pd.DataFrame
    care_forms: pd.DataFrame
    products: pd.DataFrame
    prices: pd.DataFrame
    indexation: pd.DataFrame
    insurer_contracts: pd.DataFrame
    volumes: pd.DataFrame
    agreements: pd.DataFrame
    registrations: pd.DataFrame
    travel: pd.DataFrame
    keep: pd.DataFrame
    service_costs: pd.DataFrame
    hospital_care_forms: pd.DataFrame
    growth: pd.DataFrame
    phases: pd.DataFrame
    insurer_consents: pd.DataFrame
    planning: pd.DataFrame
    secondments: pd.DataFrame
    network_costs: pd.DataFrame
    network_shares: pd.DataFrame
    compensation: pd.DataFrame
    one_off_costs: pd.DataFrame
    funding: pd.DataFrame
    source_name: str
    sha256: str
    present: frozenset[str]
    # problems that do not stop the input (e.g. an insurer spelt in another case), to be shown
    warnings: tuple[Finding, ...] = ()

    def has(self, sheet: str) -> bool:
        """True when the input held this sheet with at least one row."""
        return sheet in self.present and len(getattr(self, sheet)) > 0

    def years_in(self, sheet: str, year_basis: str = "start") -> list[int]:
        """Years with data on ``volumes`` (its year) or ``registrations`` (the year of each
        DBC's start date, or of its end date with ``year_basis="end"``)."""
        if sheet == "volumes":
            return sorted(set(self.volumes["year"].dropna().astype(int)))
        dates = self.registrations["end_date" if year_basis == "end" else "start_date"]
        return sorted(years_of(dates))

    @property
    def years(self) -> list[int]:
        """Years with data (volumes years and registration settlement years)."""
        return sorted(set(self.years_in("volumes")) | set(self.years_in("registrations")))

    def require_year(self, sheet: str, year: int, year_basis: str = "start") -> None:
        """Raise an input error naming the years present when ``sheet`` has no data for ``year``."""
        years = self.years_in(sheet, year_basis)
        if year not in years:
            present = ", ".join(map(str, years)) or "–"
            finding = Finding(
                sheet,
                None,
                "",
                f"--year {year}",
                code="year_absent",
                params={"sheet": sheet, "years": present},
            )
            raise SpreidingInputError([finding])
