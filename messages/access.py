"""Texts of the login, the roles and what a user may see, by code: {code: {"nl": ..., "en": ...}}.

Placeholders are the message's parameters (see :mod:`messages`).
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "ui_login_needed": {
        "nl": "Dit dashboard van de regio vraagt om in te loggen met het account van uw "
        "ziekenhuis.",
        "en": "This region's dashboard asks you to sign in with your hospital's account.",
    },
    "ui_login": {"nl": "Inloggen", "en": "Sign in"},
    "ui_logout": {"nl": "Uitloggen", "en": "Sign out"},
    "ui_login_unknown": {
        "nl": "U bent ingelogd als {email}, maar dit account heeft geen rol in dit dashboard. "
        "Vraag de beheerder van de regio om u toe te voegen aan het rollenbestand.",
        "en": "You are signed in as {email}, but this account has no role in this dashboard. "
        "Ask the region's administrator to add you to the roles file.",
    },
    "ui_login_no_email": {
        "nl": "Uw account geeft geen e-mailadres door; vraag de beheerder van de regio om de "
        "claim email (of preferred_username) mee te sturen.",
        "en": "Your account passes no e-mail address; ask the region's administrator to send "
        "the claim email (or preferred_username).",
    },
    "ui_signed_in_as": {
        "nl": "Ingelogd als {email} ({role})",
        "en": "Signed in as {email} ({role})",
    },
    "ui_role_hospital": {"nl": "ziekenhuis {hospital}", "en": "hospital {hospital}"},
    "ui_role_analyst": {"nl": "analist", "en": "analyst"},
    "ui_role_admin": {"nl": "beheerder", "en": "administrator"},
    "ui_upload_not_yours": {
        "nl": "Deze link hoort bij de werkmap van een andere gebruiker en is alleen voor die "
        "gebruiker te openen; de voorbeeldregio wordt getoond.",
        "en": "This link belongs to another user's workbook and opens for that user only; "
        "the sample region is shown.",
    },
    "ui_share_region": {"nl": "Delen met de regio", "en": "Share with the region"},
    "ui_scenario_owner": {"nl": "Van", "en": "By"},
    "ui_scenario_shared": {"nl": "Gedeeld met de regio", "en": "Shared with the region"},
    "ui_yes": {"nl": "ja", "en": "yes"},
    "ui_no": {"nl": "nee", "en": "no"},
    "roles_missing": {
        "nl": "er is een login ingesteld maar geen rollenbestand: zet SPREIDING_ROLES (of "
        "roles_file in secrets.toml) op het bestand met de gebruikers en hun rol",
        "en": "a login is configured but no roles file: set SPREIDING_ROLES (or roles_file in "
        "secrets.toml) to the file with the users and their role",
    },
    "roles_invalid": {
        "nl": "het rollenbestand {path} is niet te gebruiken ({where}: {detail}); niemand kan "
        "inloggen tot het is hersteld",
        "en": "the roles file {path} cannot be used ({where}: {detail}); nobody can sign in "
        "until it is repaired",
    },
    "store_not_yours": {
        "nl": "het scenario {name} is van een andere gebruiker; kies een andere naam",
        "en": "the scenario {name} belongs to another user; choose another name",
    },
    "store_delete_not_yours": {
        "nl": "het scenario {name} is van een andere gebruiker en kan alleen door die "
        "gebruiker of een beheerder worden verwijderd",
        "en": "the scenario {name} belongs to another user and can only be deleted by that "
        "user or an administrator",
    },
}
