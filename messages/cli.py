"""Texts of the cli area, by code: {code: {"nl": ..., "en": ...}}.

Placeholders are the message's parameters (see :mod:`messages`).
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "cli_language": {"nl": "Taal van de uitvoer", "en": "Language of the output"},
    "cli_amount": {"nl": "Bedrag: {amount_cents}", "en": "Amount: {amount_cents}"},
    "cli_problems_found": {
        "nl": "{count} probleem/problemen gevonden:",
        "en": "{count} problem(s) found:",
    },
    "cli_whole_file": {"nl": "(bestand)", "en": "(file)"},
    "cli_per_sheet": {"nl": "per blad: {counts}", "en": "per sheet: {counts}"},
    "cli_valid": {"nl": "{book}: geldig ({rows})", "en": "{book}: valid ({rows})"},
    "cli_wrote": {"nl": "geschreven: {path}", "en": "wrote {path}"},
    "cli_error": {"nl": "fout: {detail}", "en": "error: {detail}"},
    "cli_internal_error": {
        "nl": "interne fout: {kind}: {detail} (start met --debug voor details)",
        "en": "internal error: {kind}: {detail} (run with --debug for details)",
    },
}
