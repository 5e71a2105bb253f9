"""Texts of the scenario store, by code: {code: {"nl": ..., "en": ...}}.

Placeholders are the message's parameters (see :mod:`messages`).
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "ui_local_mode": {
        "nl": "Lokaal gebruik: zonder inlog, alleen op deze computer (127.0.0.1). Opgeslagen "
        "scenario's en het logboek staan bij de opslag; een upload verdwijnt na {days} dagen.",
        "en": "Local use: no login, on this computer only (127.0.0.1). Saved scenarios and the "
        "audit log are kept beside the store; an upload is removed after {days} days.",
    },
    "store_cannot_open": {
        "nl": "de opslag van scenario's ({path}) kan niet worden geopend: {detail}; kies een "
        "andere plek met SPREIDING_DB",
        "en": "the scenario store ({path}) cannot be opened: {detail}; choose another place "
        "with SPREIDING_DB",
    },
    "store_read_only": {
        "nl": "de opslag van scenario's ({path}) is alleen-lezen: opgeslagen scenario's zijn te "
        "bekijken, maar er kan niets worden bewaard of verwijderd",
        "en": "the scenario store ({path}) is read-only: saved scenarios can be viewed, but "
        "nothing can be saved or deleted",
    },
    "store_damaged": {
        "nl": "de opslag van scenario's ({path}) is beschadigd en is niet aangeraakt; zet het "
        "bestand opzij (of herstel het) en begin met een nieuwe opslag",
        "en": "the scenario store ({path}) is damaged and was left untouched; move the file "
        "aside (or repair it) and start a new store",
    },
    "store_busy": {
        "nl": "de opslag van scenario's ({path}) is bezet door een ander proces; probeer het "
        "opnieuw",
        "en": "the scenario store ({path}) is busy in another process; try again",
    },
    "store_name_empty": {
        "nl": "een scenario heeft een naam nodig",
        "en": "a scenario needs a name",
    },
    "store_failed": {
        "nl": "de opslag van scenario's ({path}) gaf een fout: {detail}; eerder opgeslagen "
        "scenario's zijn ongewijzigd",
        "en": "the scenario store ({path}) failed: {detail}; scenarios saved earlier are unchanged",
    },
}
