"""The tariffs of a run (README, Input; docs/settlement.md, Money): dated parameters resolved
once, then frozen.

:class:`Tariffs` holds, for the years of a run, every product's benchmark price (with
indexation), the insurer contracts of every hospital (with the implicit ``(all)`` contract), their
shares normalised to exactly 1 and the share-weighted price factors, and the products of each care
form. It is built once per run with :meth:`Tariffs.build` and passed to every rule; nothing in it
changes afterwards (OpenFisca's ``parameters(instant)``). A price the run needs but the workbook
cannot give raises an input error naming the product and the year.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType

import pandas as pd

from calculator.errors import Finding, SpreidingInputError
from calculator.money import exact
from calculator.prices import resolve_prices
from calculator.workbook import Workbook, years_of
from messages import Message

ALL_INSURERS = "(all)"
OTHER_INSURER = "(overig)"

Share = tuple[str, Fraction, Fraction]  # insurer, share (normalised), price factor


@dataclass(frozen=True)
class Tariffs:
    """Prices, contracts and products of a run, for the years in ``years``.

    Attributes
    ----------
    care_form_of, component_of : product_code → care form / component
    prices : product_code, year, care_form_id, component, benchmark_price [EUR, Decimal],
        source_year (year of the known price it derives from), indexed
    contracts_by_year : year → hospital_id, insurer, share, price_factor, revenue_cap [EUR],
        overcap_rate (every hospital; one without rows has the implicit ``(all)`` contract)
    shares_by_year : year → hospital_id → (insurer, share normalised to 1, price factor)
    contract_years : hospital_id → the years it has contract rows for
    """

    years: tuple[int, ...]
    care_form_of: Mapping[str, str]
    component_of: Mapping[str, str]
    by_part: Mapping[tuple[str, str], str]
    price_of: Mapping[tuple[str, int], Decimal]
    missing_price: Mapping[tuple[str, int], Message]
    prices: pd.DataFrame
    contracts_by_year: Mapping[int, pd.DataFrame]
    shares_by_year: Mapping[int, Mapping[str, tuple[Share, ...]]]
    contract_years: Mapping[str, tuple[int, ...]]

    @classmethod
    def build(cls, wb: Workbook, years: Iterable[int] | None = None) -> Tariffs:
        """The tariffs of ``years`` (default: every year the workbook mentions)."""
        wanted = sorted({int(y) for y in years} if years is not None else _workbook_years(wb))
        products = wb.products
        care_form_of = dict(zip(products.product_code, products.care_form_id, strict=True))
        component_of = dict(zip(products.product_code, products.component, strict=True))
        by_part = {
            (cf, comp): code
            for code, cf, comp in products[
                ["product_code", "care_form_id", "component"]
            ].itertuples(index=False)
        }
        needed = pd.DataFrame(
            [(code, y) for code in products["product_code"] for y in wanted],
            columns=["product_code", "year"],
        )
        lookup = resolve_prices(wb.prices, wb.indexation, needed)
        table = lookup.table.assign(
            care_form_id=lookup.table["product_code"].map(care_form_of),
            component=lookup.table["product_code"].map(component_of),
        )[
            [
                "product_code",
                "year",
                "care_form_id",
                "component",
                "benchmark_price",
                "source_year",
                "indexed",
            ]
        ]
        price_of = {
            (code, int(y)): p
            for code, y, p in table[["product_code", "year", "benchmark_price"]].itertuples(
                index=False
            )
        }
        contracts = {y: _contracts(wb, y) for y in wanted}
        c = wb.insurer_contracts.dropna(subset=["hospital_id", "year"])
        contract_years = {
            str(h): tuple(sorted({int(y) for y in g})) for h, g in c.groupby("hospital_id")["year"]
        }
        return cls(
            years=tuple(wanted),
            care_form_of=MappingProxyType(care_form_of),
            component_of=MappingProxyType(component_of),
            by_part=MappingProxyType(by_part),
            price_of=MappingProxyType(price_of),
            missing_price=MappingProxyType({(c, y): r for c, y, r in lookup.missing}),
            prices=table.sort_values(["product_code", "year"], ignore_index=True),
            contracts_by_year=MappingProxyType(contracts),
            shares_by_year=MappingProxyType({y: _shares(f) for y, f in contracts.items()}),
            contract_years=MappingProxyType(contract_years),
        )

    # ------------------------------------------------------------------ products
    def product(self, care_form: str, component: str) -> str | None:
        return self.by_part.get((care_form, component))

    def full_product(self, care_form: str) -> str:
        """Every care form has exactly one full product (validated)."""
        return self.by_part[(care_form, "full")]

    def odv_product(self, care_form: str) -> str:
        """The intervention product of a care form, or its full product if it has none."""
        return self.product(care_form, "intervention") or self.full_product(care_form)

    # ------------------------------------------------------------------ prices
    def benchmark(self, code: str, year: int) -> Decimal:
        """Benchmark price [EUR] of a product in a year (indexed where not given)."""
        key = (code, int(year))
        if key in self.price_of:
            return self.price_of[key]
        reason = self.missing_price.get(
            key, Message("price_reason_not_in_run", {"product": code, "year": str(int(year))})
        )
        value = f"{code} / {int(year)}"
        raise SpreidingInputError(
            [
                Finding(
                    "prices", None, "benchmark_price", value, code=reason.code, params=reason.params
                )
            ]
        )

    def prices_of(self, pairs: pd.DataFrame) -> pd.DataFrame:
        """The rows of :attr:`prices` for the (product_code, year) pairs given."""
        keys = pairs[["product_code", "year"]].dropna().drop_duplicates().astype({"year": "int64"})
        return self.prices.merge(keys, on=["product_code", "year"]).reset_index(drop=True)

    # ------------------------------------------------------------------ contracts
    def contracts(self, year: int) -> pd.DataFrame:
        """Contracts of every hospital in ``year`` (see :attr:`contracts_by_year`)."""
        return self.contracts_by_year[int(year)]

    def shares(self, year: int) -> Mapping[str, tuple[Share, ...]]:
        """Per hospital: (insurer, share, price_factor) with the shares normalised to exactly 1.

        Validation lets a hospital's shares sum to 1 ± 0.001; dividing by their sum keeps a
        hospital's revenue whole (three shares of 0.333 are three thirds, not 0.999).
        """
        return self.shares_by_year[int(year)]

    def weighted_factors(self, year: int) -> dict[str, Fraction]:
        """Σ share × price_factor per hospital (shares normalised to 1): the price factor of a
        DBC whose insurer is blank or has no contract."""
        return {
            hospital: sum((s * f for _, s, f in rows), Fraction(0))
            for hospital, rows in self.shares(year).items()
        }

    def missing_contracts(self, year: int) -> list[tuple[str, list[int]]]:
        """Hospitals with contract rows in other years but none in ``year``, with those years.

        Such a hospital gets the implicit contract (factor 1, no cap); the settlement lists it.
        """
        return [
            (h, list(years))
            for h, years in sorted(self.contract_years.items())
            if year not in years
        ]


def _workbook_years(wb: Workbook) -> set[int]:
    years = set(wb.volumes["year"].dropna().astype(int))
    for column in ("start_date", "end_date"):
        years |= years_of(wb.registrations[column])
    years |= set(wb.insurer_contracts["year"].dropna().astype(int))
    years |= set(wb.prices["year"].dropna().astype(int))
    # indexed years ahead (a projection) need their prices even without any other row there
    years |= set(wb.indexation["year"].dropna().astype(int))
    return years


def _contracts(wb: Workbook, year: int) -> pd.DataFrame:
    c = wb.insurer_contracts
    rows = c[c["year"] == year][
        ["hospital_id", "insurer", "share", "price_factor", "revenue_cap", "overcap_rate"]
    ]
    missing = sorted(set(wb.hospitals.hospital_id) - set(rows.hospital_id))
    implicit = pd.DataFrame(
        {
            "hospital_id": missing,
            "insurer": ALL_INSURERS,
            "share": 1.0,
            "price_factor": 1.0,
            "revenue_cap": None,
            "overcap_rate": 0.0,
        }
    )
    out = pd.concat([rows, implicit], ignore_index=True) if missing else rows
    out = out.reset_index(drop=True)
    out["hospital_id"] = out["hospital_id"].astype("str")
    out["insurer"] = out["insurer"].astype("str")
    out["revenue_cap"] = out["revenue_cap"].astype(object)
    return out


def _shares(contracts: pd.DataFrame) -> Mapping[str, tuple[Share, ...]]:
    rows: dict[str, list[Share]] = {}
    for hospital, insurer, share, factor in contracts[
        ["hospital_id", "insurer", "share", "price_factor"]
    ].itertuples(index=False):
        rows.setdefault(hospital, []).append((insurer, exact(share), exact(factor)))
    out = {}
    for hospital, found in rows.items():
        total = sum((s for _, s, _ in found), Fraction(0))
        out[hospital] = tuple((i, s / total if total else s, f) for i, s, f in found)
    return MappingProxyType(out)
