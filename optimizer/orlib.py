"""OR-Library capacitated warehouse location instances (Beasley, ``capNN.txt``) as workbooks of
this product, to prove the model on published optima.

File format: ``m n``; m lines ``capacity fixed_cost``; then per customer its ``demand`` and m
costs of allocating *all* of its demand to each warehouse. The workbook for the year 2025:
customers are origin hospitals without OR minutes, with their demand as cases of one care form;
warehouses are performing hospitals whose OR minutes are the capacity (1 OR minute per case);
per-case travel = cost / demand; the fixed costs are service costs. Solved with free moves, the
objective (travel + fixed costs) is the instance's cost; demand may be split, as in the published
optima of the cap instances.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pandas as pd

from calculator.errors import Finding, SpreidingInputError
from calculator.xlsx_writer import SheetOut, write_book

YEAR = 2025
CARE_FORM = "vraag"
PRODUCT = "000000001"


@dataclass(frozen=True)
class CapInstance:
    """capacity, fixed_cost per warehouse; demand per customer; cost[customer][warehouse]."""

    capacity: list[float]
    fixed_cost: list[float]
    demand: list[float]
    cost: list[list[float]]


def _bad(path: Path, problem: str, **params: object) -> SpreidingInputError:
    """Not a ``capNN.txt`` file: ``problem`` names the catalogue's ``opt_orlib_<problem>``."""
    return SpreidingInputError(
        [Finding("", None, "", path.name, code=f"opt_orlib_{problem}", params=params)]
    )


def read_cap(path: Path) -> CapInstance:
    """Parse an OR-Library ``capNN.txt`` file."""
    tokens = path.read_text().split()
    try:
        numbers = [float(t) for t in tokens]
    except ValueError:
        raise _bad(path, "word") from None
    if len(numbers) < 2:
        raise _bad(path, "header")
    m, n = int(numbers[0]), int(numbers[1])
    if len(numbers) != 2 + 2 * m + n * (1 + m):
        raise _bad(path, "count", found=len(numbers), m=m, n=n, needed=2 + 2 * m + n * (1 + m))
    warehouses = numbers[2 : 2 + 2 * m]
    rest = numbers[2 + 2 * m :]
    demand, cost = [], []
    for j in range(n):
        block = rest[j * (1 + m) : (j + 1) * (1 + m)]
        if block[0] <= 0:
            raise _bad(path, "demand", customer=j + 1, demand=block[0])
        demand.append(block[0])
        cost.append(block[1:])
    return CapInstance(warehouses[0::2], warehouses[1::2], demand, cost)


def cap_sheets(cap: CapInstance) -> dict[str, pd.DataFrame]:
    """The workbook's sheets for one instance."""
    customers = [f"K{j + 1:03d}" for j in range(len(cap.demand))]
    warehouses = [f"M{i + 1:03d}" for i in range(len(cap.capacity))]
    hospitals = pd.DataFrame(
        {
            "hospital_id": customers + warehouses,
            "name": [f"klant {j + 1}" for j in range(len(customers))]
            + [f"magazijn {i + 1}" for i in range(len(warehouses))],
            "type": ["algemeen"] * len(customers) + ["umc"] * len(warehouses),
            "or_minutes": [0.0] * len(customers) + list(cap.capacity),
            # a warehouse's capacity is hard: no planning headroom
            "or_max_utilisation": 1.0,
        }
    )
    travel = pd.DataFrame(
        [
            (c, w, cap.cost[j][i] / cap.demand[j])
            for j, c in enumerate(customers)
            for i, w in enumerate(warehouses)
        ],
        columns=["from_hospital", "to_hospital", "minutes"],
    )
    return {
        "hospitals": hospitals,
        "care_forms": pd.DataFrame(
            {
                "care_form_id": [CARE_FORM],
                "name": ["vraag van de klanten"],
                "or_minutes_per_case": [1.0],
                "allowed_types": ["umc"],
                "variable_cost_share": [0.0],
            }
        ),
        "products": pd.DataFrame(
            {
                "product_code": [PRODUCT],
                "description": ["vraag"],
                "care_form_id": [CARE_FORM],
                "component": ["full"],
            }
        ),
        "prices": pd.DataFrame(
            {"product_code": [PRODUCT], "year": [YEAR], "benchmark_price": [1.0]}
        ),
        "volumes": pd.DataFrame(
            {"year": YEAR, "hospital_id": customers, "care_form_id": CARE_FORM, "cases": cap.demand}
        ),
        "travel": travel,
        "service_costs": pd.DataFrame(
            {"hospital_id": warehouses, "care_form_id": CARE_FORM, "fixed_cost": cap.fixed_cost}
        ),
    }


def write_orlib(source: Path, target: str | Path | IO[bytes]) -> CapInstance:
    """Read ``source`` (capNN.txt) and write its workbook to ``target``."""
    cap = read_cap(source)
    write_book(target, [SheetOut(name, frame) for name, frame in cap_sheets(cap).items()])
    return cap
