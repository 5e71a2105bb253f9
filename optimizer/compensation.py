"""Compensation in the region (issue 18, item 2): who pays whom so that a plan leaves every
hospital at its share of the region's gain.

*Gains before transfers* g_h are each hospital's margin change under the plan [cents] (existing
agreements in their own mode, proposed agreements settled as referral). When the region gains in
total G = Σ g_h > 0, every hospital ends at its share f_h (Σ f_h = G) and receives the transfer
t_h = f_h − g_h (Σ t_h = 0):

- ``proportional``: f_h = G · g_h⁺ / Σ g⁺ — the losers are made whole (f = 0), the gain is shared
  in proportion to the positive gains;
- ``equal``: f_h = G / n for each of the region's n hospitals, also those whose flows do not
  change;
- ``shapley``: f_h = φ_h, the Shapley value of the cooperative game whose value v(C) of a
  coalition C is the region's margin gain of the best plan moving patients only between members
  of C (0 when C alone cannot reach a feasible plan; :mod:`optimizer.coalitions`)::

      φ_h = Σ_{C ⊆ N∖{h}} |C|! (n − |C| − 1)! / n! · (v(C ∪ {h}) − v(C))

  exact up to :data:`EXACT_PLAYERS` hospitals (2ⁿ coalitions), above it estimated from random
  orders of the hospitals with its standard error stated. A hospital never ends below today
  (v({h}) = 0): where φ_h < 0 (a game that is not convex) f_h = 0 and the others' shares shrink
  in proportion to their φ, and the split says so.

Shares are whole cents by largest remainder (ties: the hospital first in id order), so Σ f = G
exactly. When the region does not gain (G ≤ 0) nothing is transferred and the split says by how
much the region loses. Transfers become payments between hospitals: the hospital that pays most
pays the one that receives most first, so there are at most n − 1 payments; each is a settlement
line of kind ``compensation``.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from itertools import combinations

import pandas as pd

from calculator.lines import LINE_COLUMNS
from calculator.money import largest_remainder
from messages import Message

RULES = ("proportional", "equal", "shapley")
EXACT_PLAYERS = 8  # exact Shapley values up to this many hospitals (2⁸ = 256 coalitions)
SAMPLED_ORDERS = 200  # random orders of the hospitals for a sampled Shapley value
SPLIT_COLUMNS = ["hospital_id", "gain_cents", "transfer_cents", "final_cents"]
PAYMENT_COLUMNS = ["payer", "payee", "amount_cents"]

# v(C) [cents] of each coalition asked for (frozensets of hospital ids), evaluated in one batch
CoalitionValues = Callable[[list[frozenset[str]]], Mapping[frozenset[str], int]]


@dataclass(frozen=True)
class ShapleyValues:
    """φ per hospital [cents, exact fractions], the coalitions evaluated, and for a sampled
    value its standard error [cents] (None when exact)."""

    values: dict[str, Fraction]
    coalitions: dict[frozenset[str], int]
    orders: int | None = None
    error_cents: int | None = None


@dataclass(frozen=True)
class Split:
    """A compensation table.

    table : SPLIT_COLUMNS — per hospital its gain before transfers, the transfer it receives
        (negative: pays) and where it ends: gain + transfer, its share of the region's gain
        [cents]
    payments : PAYMENT_COLUMNS — who pays whom [cents]
    region_gain_cents : G
    notes : what the reader must know (a loss, a Shapley value bounded at today, sampling)
    shapley : the Shapley values behind a ``shapley`` split
    """

    rule: str
    table: pd.DataFrame
    payments: pd.DataFrame
    region_gain_cents: int
    notes: list[Message] = field(default_factory=list)
    shapley: ShapleyValues | None = None

    @property
    def gains(self) -> bool:
        return self.region_gain_cents > 0

    def lines(self, year: int) -> pd.DataFrame:
        """The payments as settlement lines (LINE_COLUMNS, kind ``compensation``)."""
        rows = [
            {
                "kind": "compensation",
                "care_form_id": "",
                "payer": p.payer,
                "payee": p.payee,
                "product_code": "",
                "count": 1.0,
                "unit_price_cents": int(p.amount_cents),
                "amount_cents": int(p.amount_cents),
                "agreement_id": "",
                "price_year": year,
                "source_sheet": "compensation",
                "source_rows": "",
                "source_keys": self.rule,
            }
            for p in self.payments.itertuples(index=False)
        ]
        return pd.DataFrame(rows, columns=LINE_COLUMNS)


def shapley_values(
    hospitals: list[str],
    values: CoalitionValues,
    grand: int,
    *,
    orders: int = SAMPLED_ORDERS,
    seed: int = 2025,
) -> ShapleyValues:
    """Shapley values of the game ``values`` over ``hospitals``; v(∅) = v({h}) = 0 (a move
    needs two hospitals) and v(N) = ``grand`` (the plan itself) are not evaluated.

    Up to :data:`EXACT_PLAYERS` hospitals every coalition is evaluated; above, ``orders``
    random orders (seeded: the same answer every run), each adding the hospitals one by one,
    and the largest standard error of the estimates is stated."""
    players = sorted(hospitals)
    n = len(players)
    whole = frozenset(players)
    known: dict[frozenset[str], int] = {frozenset(): 0, whole: grand}
    known.update({frozenset([h]): 0 for h in players})
    exact = n <= EXACT_PLAYERS
    if exact:
        needed = [frozenset(c) for size in range(2, n) for c in combinations(players, size)]
        drawn: list[list[str]] = []
    else:
        draw = random.Random(seed)
        drawn = [draw.sample(players, n) for _ in range(orders)]
        needed = list(dict.fromkeys(frozenset(order[:k]) for order in drawn for k in range(2, n)))
    known.update(values([c for c in needed if c not in known]))
    if exact:
        phi = {h: Fraction(0) for h in players}
        for size in range(n):
            weight = Fraction(
                math.factorial(size) * math.factorial(n - size - 1), math.factorial(n)
            )
            for h in players:
                for rest in combinations([p for p in players if p != h], size):
                    c = frozenset(rest)
                    phi[h] += weight * (known[c | {h}] - known[c])
        return ShapleyValues(phi, known)
    contributions: dict[str, list[int]] = {h: [] for h in players}
    for order in drawn:
        for k, h in enumerate(order):
            contributions[h].append(known[frozenset(order[: k + 1])] - known[frozenset(order[:k])])
    phi = {h: Fraction(sum(c), len(c)) for h, c in contributions.items()}
    errors = [
        math.sqrt(sum((x - float(phi[h])) ** 2 for x in c) / (len(c) - 1) / len(c))
        for h, c in contributions.items()
        if len(c) > 1
    ]
    return ShapleyValues(phi, known, orders, round(max(errors, default=0.0)))


def split(
    gains: Mapping[str, int],
    rule: str,
    shapley: ShapleyValues | None = None,
) -> Split:
    """The compensation table of ``rule`` for ``gains`` (hospital → gain before transfers
    [cents], every hospital of the region); a ``shapley`` split needs its values."""
    if rule not in RULES:
        msg = f"unknown split rule {rule!r}; expected one of {', '.join(RULES)}"
        raise ValueError(msg)
    hospitals = sorted(gains)
    g = [int(gains[h]) for h in hospitals]
    total = sum(g)
    notes: list[Message] = []
    if total <= 0:
        notes.append(Message("deal_region_loses", {"loss_cents": -total}))
        shares = g  # nothing to share: every hospital keeps its own result
    elif rule == "proportional":
        shares = largest_remainder([Fraction(max(x, 0)) for x in g], total)
    elif rule == "equal":
        shares = largest_remainder([Fraction(1)] * len(g), total)
    else:
        if shapley is None:
            msg = "a Shapley split needs the Shapley values"
            raise ValueError(msg)
        phi = [shapley.values[h] for h in hospitals]
        below = [h for h, p in zip(hospitals, phi, strict=True) if p < 0]
        if below:
            notes.append(Message("deal_shapley_bounded", {"hospitals": ", ".join(below)}))
        shares = largest_remainder([max(p, Fraction(0)) for p in phi], total)
        if shapley.orders is not None:
            notes.append(
                Message(
                    "deal_shapley_sampled",
                    {"orders": shapley.orders, "error_cents": shapley.error_cents or 0},
                )
            )
    table = pd.DataFrame(
        {
            "hospital_id": hospitals,
            "gain_cents": pd.array(g, dtype="int64"),
            "final_cents": pd.array(shares, dtype="int64"),
        }
    )
    table.insert(2, "transfer_cents", table["final_cents"] - table["gain_cents"])
    return Split(rule, table, payments(table), total, notes, shapley if rule == "shapley" else None)


def payments(table: pd.DataFrame) -> pd.DataFrame:
    """Transfers as payments: the largest payer pays the largest receiver first (ties: id
    order); at most n − 1 payments, Σ paid = Σ received."""
    pay = [
        [h, -int(t)]
        for h, t in zip(table["hospital_id"], table["transfer_cents"], strict=True)
        if t < 0
    ]
    get = [
        [h, int(t)]
        for h, t in zip(table["hospital_id"], table["transfer_cents"], strict=True)
        if t > 0
    ]
    pay.sort(key=lambda r: (-r[1], r[0]))
    get.sort(key=lambda r: (-r[1], r[0]))
    rows = []
    i = j = 0
    while i < len(pay) and j < len(get):
        amount = min(pay[i][1], get[j][1])
        rows.append((pay[i][0], get[j][0], amount))
        pay[i][1] -= amount
        get[j][1] -= amount
        i += pay[i][1] == 0
        j += get[j][1] == 0
    frame = pd.DataFrame(rows, columns=PAYMENT_COLUMNS)
    frame["amount_cents"] = frame["amount_cents"].astype("int64")
    return frame
