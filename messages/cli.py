"""Texts of the cli area, by code: {code: {"nl": ..., "en": ...}}.

Placeholders are the message's parameters (see :mod:`messages`).
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "cli_language": {"nl": "Taal van de uitvoer", "en": "Language of the output"},
    "cli_amount": {"nl": "Bedrag: {amount_cents}", "en": "Amount: {amount_cents}"},
}
