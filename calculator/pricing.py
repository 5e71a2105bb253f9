"""Prices and contracts looked up for a settlement (SPEC §3.4, §3.5, §4.2).

``Pricing`` answers: the benchmark price of a product in a year (with indexation), a care form's
product per component, its ODV product, the insurer contracts of a hospital in a year (with the
implicit ``(all)`` contract), and records every price it handed out for the audit trail.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pandas as pd

from calculator.errors import Finding, SpreidingInputError
from calculator.money import exact
from calculator.prices import resolve_prices
from calculator.workbook import Workbook

ALL_INSURERS = "(all)"
OTHER_INSURER = "(overig)"


class Pricing:
    """Price and contract look-ups over one validated workbook."""

    def __init__(self, wb: Workbook) -> None:
        self.wb = wb
        products = wb.products
        self.care_form_of = dict(zip(products.product_code, products.care_form_id, strict=True))
        self.component_of = dict(zip(products.product_code, products.component, strict=True))
        self._by_part = {
            (cf, comp): code
            for code, cf, comp in products[
                ["product_code", "care_form_id", "component"]
            ].itertuples(index=False)
        }
        self._prices: dict[tuple[str, int], tuple[Decimal, int, bool]] = {}
        self.used: set[tuple[str, int]] = set()

    # ------------------------------------------------------------------ products
    def product(self, care_form: str, component: str) -> str | None:
        return self._by_part.get((care_form, component))

    def full_product(self, care_form: str) -> str:
        """Every care form has exactly one full product (validated)."""
        return self._by_part[(care_form, "full")]

    def odv_product(self, care_form: str) -> str:
        """The intervention product of a care form, or its full product if it has none."""
        return self.product(care_form, "intervention") or self.full_product(care_form)

    # ------------------------------------------------------------------ prices
    def load(self, pairs: pd.DataFrame) -> None:
        """Resolve (product_code, year) pairs at once; raise naming any that has no price."""
        wanted = pairs[["product_code", "year"]].drop_duplicates()
        wanted = wanted[
            [(c, int(y)) not in self._prices for c, y in wanted.itertuples(index=False)]
        ]
        if not len(wanted):
            return
        lookup = resolve_prices(self.wb.prices, self.wb.indexation, wanted)
        if lookup.missing:
            raise SpreidingInputError(
                [
                    Finding("prices", None, "benchmark_price", f"{c} / {y}", reason)
                    for c, y, reason in lookup.missing
                ]
            )
        for code, year, price, source_year, indexed in lookup.table.itertuples(index=False):
            self._prices[(code, int(year))] = (price, int(source_year), bool(indexed))

    def benchmark(self, code: str, year: int) -> Decimal:
        """Benchmark price [EUR] of a product in a year (indexed where not given)."""
        key = (code, int(year))
        if key not in self._prices:
            self.load(pd.DataFrame({"product_code": [code], "year": [int(year)]}))
        self.used.add(key)
        return self._prices[key][0]

    def prices_used(self) -> pd.DataFrame:
        """Every price handed out: product, year, price [EUR], the year it derives from."""
        rows = [
            (
                code,
                year,
                self.care_form_of.get(code),
                self.component_of.get(code),
                self._prices[(code, year)][0],
                self._prices[(code, year)][1],
                self._prices[(code, year)][2],
            )
            for code, year in sorted(self.used)
        ]
        return pd.DataFrame(
            rows,
            columns=[
                "product_code",
                "year",
                "care_form_id",
                "component",
                "benchmark_price",
                "source_year",
                "indexed",
            ],
        )

    # ------------------------------------------------------------------ contracts
    def contracts(self, year: int) -> pd.DataFrame:
        """Contracts of every hospital in ``year``; a hospital without rows gets ``(all)``.

        Columns: hospital_id, insurer, share, price_factor, revenue_cap [EUR, Decimal or None],
        overcap_rate.
        """
        c = self.wb.insurer_contracts
        rows = c[c["year"] == year][
            ["hospital_id", "insurer", "share", "price_factor", "revenue_cap", "overcap_rate"]
        ]
        missing = sorted(set(self.wb.hospitals.hospital_id) - set(rows.hospital_id))
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

    def shares(self, year: int) -> dict[str, list[tuple[str, Fraction, Fraction]]]:
        """Per hospital: (insurer, share, price_factor) with the shares normalised to exactly 1.

        Validation lets a hospital's shares sum to 1 ± 0.001; dividing by their sum keeps a
        hospital's revenue whole (three shares of 0.333 are three thirds, not 0.999).
        """
        out: dict[str, list[tuple[str, Fraction, Fraction]]] = {}
        c = self.contracts(year)
        for hospital, insurer, share, factor in c[
            ["hospital_id", "insurer", "share", "price_factor"]
        ].itertuples(index=False):
            out.setdefault(hospital, []).append((insurer, exact(share), exact(factor)))
        for hospital, rows in out.items():
            total = sum((s for _, s, _ in rows), Fraction(0))
            out[hospital] = [(i, s / total if total else s, f) for i, s, f in rows]
        return out

    def weighted_factors(self, year: int) -> dict[str, Fraction]:
        """Σ share × price_factor per hospital (shares normalised to 1): the price factor of a
        DBC whose insurer is blank or has no contract."""
        return {
            hospital: sum((s * f for _, s, f in rows), Fraction(0))
            for hospital, rows in self.shares(year).items()
        }

    def missing_contracts(self, year: int) -> list[tuple[str, list[int]]]:
        """Hospitals with contract rows in other years but none in ``year``, with those years.

        Such a hospital would silently get the implicit contract (factor 1, no cap); the
        settlement lists it instead.
        """
        c = self.wb.insurer_contracts
        have = set(c.loc[c["year"] == year, "hospital_id"])
        out = []
        for hospital, years in c.groupby("hospital_id")["year"]:
            if hospital not in have:
                out.append((str(hospital), sorted({int(y) for y in years})))
        return sorted(out)
