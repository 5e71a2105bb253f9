"""Texts of the cli area, by code: {code: {"nl": ..., "en": ...}}.

Placeholders are the message's parameters (see :mod:`messages`).
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "cli_integer_and_fractional": {
        "nl": "--integer en --fractional sluiten elkaar uit: kies er één.",
        "en": "--integer and --fractional exclude each other: choose one.",
    },
    "cli_language": {"nl": "Taal van de uitvoer", "en": "Language of the output"},
    "cli_amount": {"nl": "Bedrag: {amount_cents}", "en": "Amount: {amount_cents}"},
    "cli_problem_found": {"nl": "1 probleem gevonden:", "en": "1 problem found:"},
    "cli_problems_found": {"nl": "{count} problemen gevonden:", "en": "{count} problems found:"},
    "cli_whole_file": {"nl": "(bestand)", "en": "(file)"},
    "cli_per_sheet": {"nl": "per blad: {counts}", "en": "per sheet: {counts}"},
    "cli_valid": {"nl": "{book}: geldig ({rows})", "en": "{book}: valid ({rows})"},
    "cli_wrote": {"nl": "geschreven: {path}", "en": "wrote {path}"},
    "cli_error": {"nl": "fout: {detail}", "en": "error: {detail}"},
    "cli_internal_error": {
        "nl": "interne fout: {kind}: {detail} (start met --debug voor details)",
        "en": "internal error: {kind}: {detail} (run with --debug for details)",
    },
    "cli_warning": {"nl": "  let op: {text}", "en": "  note: {text}"},
    "cli_file_error": {
        "nl": "bestand kan niet worden geschreven of gelezen: {path} ({detail})",
        "en": "file cannot be written or read: {path} ({detail})",
    },
    "cli_not_written": {
        "nl": "{path} is niet geschreven: de uitkomst schendt een invariant (zie hieronder)",
        "en": "{path} was not written: the result breaks an invariant (see below)",
    },
    "scheduler_unreachable": {
        "nl": "--scheduler: geen Dask-scheduler bereikbaar op dit adres; controleer het adres "
        "en of het cluster draait",
        "en": "--scheduler: no Dask scheduler reachable at this address; check the address and "
        "that the cluster is running",
    },
    "lines_format_unknown": {
        "nl": "--lines: onbekend bestandstype; verwacht een naam op .parquet of .jsonl, of - "
        "voor de standaarduitvoer",
        "en": "--lines: unknown file type; expected a name ending in .parquet or .jsonl, or - "
        "for standard output",
    },
    "lines_stdout_with_json": {
        "nl": "--lines - en --json delen de standaarduitvoer; geef --lines een bestandsnaam, "
        "bijv. regels.parquet",
        "en": "--lines - and --json share standard output; give --lines a file name, "
        "e.g. regels.parquet",
    },
    "lines_is_folder": {
        "nl": "--lines noemt een map; geef een bestandsnaam, bijv. regels.parquet",
        "en": "--lines names a folder; give a file name, e.g. regels.parquet",
    },
    "lines_folder_missing": {
        "nl": "--lines: de map bestaat niet; maak haar eerst aan of kies een andere",
        "en": "--lines: the folder does not exist; create it first or choose another",
    },
    "lines_not_writable": {
        "nl": "--lines: hier mag niet worden geschreven; kies een andere plek",
        "en": "--lines: cannot write here; choose another place",
    },
    "out_is_folder": {
        "nl": "--out noemt een map; geef een bestandsnaam, bijv. verrekening.xlsx",
        "en": "--out names a folder; give a file name, e.g. verrekening.xlsx",
    },
    "out_folder_missing": {
        "nl": "--out: de map bestaat niet; maak haar eerst aan of kies een andere",
        "en": "--out: the folder does not exist; create it first or choose another",
    },
    "out_not_writable": {
        "nl": "--out: hier mag niet worden geschreven; kies een andere plek",
        "en": "--out: this place cannot be written; choose another",
    },
    "out_not_regular": {
        "nl": "--out {path} is geen gewoon bestand (een pipe, apparaat of socket); geef een "
        "bestandsnaam, bijv. verrekening.xlsx",
        "en": "--out {path} is not a regular file (a pipe, device or socket); give a file "
        "name, e.g. verrekening.xlsx",
    },
    "out_is_input": {
        "nl": "--out {path} is het invoerbestand zelf; kies een andere naam, anders gaat de invoer "
        "verloren",
        "en": "--out {path} is the input itself; choose another name, or the input is lost",
    },
    # ------------------------------------------------------------------ option bounds (usage)
    "usage_number_range": {
        "nl": "{value} is geen getal van {low} tot en met {high}",
        "en": "{value} is not a number from {low} to {high}",
    },
    "usage_number_above": {
        "nl": "{value} is geen getal groter dan {low} en hoogstens {high}",
        "en": "{value} is not a number above {low} and at most {high}",
    },
    "usage_whole_range": {
        "nl": "{value} is geen heel getal van {low} tot en met {high}",
        "en": "{value} is not a whole number from {low} to {high}",
    },
    "usage_norm_override": {
        "nl": "{value}: verwacht ZORGVORM=N met N een heel getal van 0 tot en met {high}, "
        "bijv. rectumcarcinoom=40",
        "en": "{value}: expected CARE_FORM=N with N a whole number from 0 to {high}, "
        "e.g. rectumcarcinoom=40",
    },
    "norms_range_bad_bounds": {
        "nl": "--norms verwacht VAN ≤ TOT ≤ {high} en STAP ≥ 1 (bijv. 10:60:5)",
        "en": "--norms expects FROM ≤ TO ≤ {high} and STEP ≥ 1 (e.g. 10:60:5)",
    },
    "norms_range_too_many": {
        "nl": "--norms geeft {points} normen; hoogstens {limit} per verkenning (neem een grotere "
        "STAP)",
        "en": "--norms gives {points} norms; at most {limit} per sweep (take a larger STEP)",
    },
    "usage_years_order": {
        "nl": "--to {last} ligt vóór --from {first}",
        "en": "--to {last} is before --from {first}",
    },
    "usage_input_not_regular": {
        "nl": "{path} is geen gewoon bestand (een map, pipe, apparaat of socket)",
        "en": "{path} is not a regular file (a folder, pipe, device or socket)",
    },
}
