"""The sample region's yearly settlement cycle (issue 20): insurer consents to parallel
declaration (one insurer without), a quarterly plan, secondment contracts and the network's
shared costs. Illustrative figures, like the rest of the sample."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from calculator.schema import SHEETS_BY_NAME

D = dt.date

# agreement_id, insurer, consent, valid_from, fallback_mode
CONSENTS = [
    ("AMS-LIES", "Alfa Zorg", "ja", None, None),
    ("AMS-LIES", "Beta Verzekerd", "ja", None, None),
    ("AMS-LIES", "Gamma Zekerheid", "ja", D(2024, 1, 1), None),
    # Delta Polis withdrew its consent to parallel declaration from 1 October 2025: its
    # patients from then on are settled as ODV
    ("AMS-LIES", "Delta Polis", "ja", None, "odv"),
    ("AMS-LIES", "Delta Polis", "nee", D(2025, 10, 1), "odv"),
    ("AMS-MIDDEN", "Alfa Zorg", "ja", D(2024, 7, 1), None),
    ("AMS-MIDDEN", "Beta Verzekerd", "ja", D(2024, 7, 1), None),
    ("AMS-MIDDEN", "Gamma Zekerheid", "ja", D(2024, 7, 1), None),
    ("AMS-MIDDEN", "Delta Polis", "ja", D(2024, 7, 1), None),
]
# agreement_id, year, quarter, planned cases (summer quarters lower)
PLANNING = [
    (agreement, year, q, cases)
    for agreement, by_quarter in {
        "SAMEN-GAL": (30, 28, 22, 30),
        "AMS-LIES": (40, 38, 32, 40),
        "SAX-LIES": (26, 25, 22, 27),
        "CONC-RECTUM-ZVL": (4, 3, 3, 4),
        "EMC-NAZORG-ZVL": (5, 4, 4, 5),
    }.items()
    for year in (2025, 2026)
    for q, cases in enumerate(by_quarter, start=1)
]
# secondment_id, from (is paid), to (pays), role, valid_from, valid_to, fte, hours/month, rate
# [EUR/hour] in the year of valid_from, indexation
SECONDMENTS = [
    ("DET-VAAT-ACR-ZVL", "ACR", "ZVL", "vaatchirurg", D(2024, 3, 1), None, 0.4, None, 142.50, "ja"),
    ("DET-ANES-RSZ-ZDL", "RSZ", "ZDL", "anesthesioloog", D(2025, 2, 1), D(2025, 7, 31), None,
     48.0, 128.00, "nee"),
    ("DET-ONCO-MOG-ZDL", "MOG", "ZDL", "verpleegkundig specialist oncologie", D(2025, 1, 1),
     None, 0.2, None, 78.40, "ja"),
]  # fmt: skip
# cost_id, year, description, amount [EUR], key, treasurer
NETWORK_COSTS = [
    ("NW-2025-COORD", 2025, "Netwerkcoördinator oncologie", 96_000.00, "cases", "ACR"),
    ("NW-2025-MDO", 2025, "Regionaal MDO-platform (licentie)", 36_000.00, "equal", "RSZ"),
    ("NW-2025-MONITOR", 2025, "Wachtlijst- en spreidingsmonitor", 24_500.00, "revenue", "ACR"),
    ("NW-2025-VAAT", 2025, "Vaatnetwerk: dienstrooster en scholing", 60_000.00, "shares", "ACR"),
    ("NW-2026-COORD", 2026, "Netwerkcoördinator oncologie", 99_000.00, "cases", "ACR"),
]
NETWORK_SHARES = [
    ("NW-2025-VAAT", "ACR", 0.40),
    ("NW-2025-VAAT", "RSZ", 0.20),
    ("NW-2025-VAAT", "MOG", 0.20),
    ("NW-2025-VAAT", "ZVL", 0.10),
    ("NW-2025-VAAT", "KZH", 0.05),
    ("NW-2025-VAAT", "ZDL", 0.05),
]
# money columns of these sheets, written as euros
CYCLE_MONEY = {"secondments": ["rate"], "network_costs": ["amount"]}


def _frame(sheet: str, rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=list(SHEETS_BY_NAME[sheet].names))


def cycle_sheets() -> dict[str, pd.DataFrame]:
    """The sheets of the settlement cycle, keyed by canonical sheet name."""
    return {
        "insurer_consents": _frame("insurer_consents", CONSENTS),
        "planning": _frame("planning", PLANNING),
        "secondments": _frame("secondments", SECONDMENTS),
        "network_costs": _frame("network_costs", NETWORK_COSTS),
        "network_shares": _frame("network_shares", NETWORK_SHARES),
    }
