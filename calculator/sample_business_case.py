"""The sample region's business case inputs (issue 18): one-off costs of carrying out the 2025
plan and the transformation funding the hospitals receive for it. Illustrative figures, like
the rest of the sample. (RSZ, which receives the aorta patients, has no rows: tests count the
rows that refer to it.)"""

from __future__ import annotations

import pandas as pd

from calculator.schema import SHEETS_BY_NAME

# hospital_id, year, amount [EUR], description, agreement_id (blank: the plan as a whole)
ONE_OFF_COSTS = [
    ("MOG", 2025, 60_000.00, "Colonchirurgie: tweede OK-team inwerken en scholen", None),
    ("MOG", 2025, 10_000.00, "Aortazorg: dossiers en nazorgafspraken overdragen", None),
    ("ZVL", 2025, 35_000.00, "Colonchirurgie: scholing en instrumentarium", None),
    ("MOG", 2026, 12_000.00, "Gezamenlijk MDO colon met De Lingen", "OPT-COLON-ZDL"),
    ("KZH", 2026, 20_000.00, "Afbouw colonzorg: personeel herplaatsen", None),
    ("ZDL", 2026, 15_000.00, "Afbouw colonzorg: personeel herplaatsen", None),
]
# hospital_id, year, amount [EUR], source
FUNDING = [
    ("MOG", 2025, 40_000.00, "Transformatiegelden zorgverzekeraars (regioplan)"),
    ("ZVL", 2025, 25_000.00, "Transformatiegelden zorgverzekeraars (regioplan)"),
    ("KZH", 2026, 15_000.00, "Regionaal transformatiefonds"),
    ("ZDL", 2026, 15_000.00, "Regionaal transformatiefonds"),
]
# money columns of these sheets, written as euros
BUSINESS_CASE_MONEY = {"one_off_costs": ["amount"], "funding": ["amount"]}


def business_case_sheets() -> dict[str, pd.DataFrame]:
    """The sheets of the business case, keyed by canonical sheet name."""
    return {
        "one_off_costs": pd.DataFrame(
            ONE_OFF_COSTS, columns=list(SHEETS_BY_NAME["one_off_costs"].names)
        ),
        "funding": pd.DataFrame(FUNDING, columns=list(SHEETS_BY_NAME["funding"].names)),
    }
