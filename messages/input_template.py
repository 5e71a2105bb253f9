"""Texts of the input template (``spreiding template``) and of findings grouped by cause, by
code: {code: {"nl": ..., "en": ...}}."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # file names of spreiding template
    "cli_template_file": {"nl": "spreiding_sjabloon.xlsx", "en": "spreiding_template.xlsx"},
    "cli_template_example_file": {
        "nl": "voorbeeld_spreiding_sjabloon.xlsx",
        "en": "example_spreiding_template.xlsx",
    },
    # the template's explanation sheet
    "tpl_sheet_explanation": {"nl": "toelichting", "en": "explanation"},
    "tpl_note": {
        "nl": "Verplichte bladen: ziekenhuizen, zorgvormen, zorgproducten, tarieven, en "
        "productie of registraties. Vul eerst de bladen ziekenhuizen en zorgvormen: de "
        "keuzelijsten op de andere bladen nemen hun codes over. Codes (zorgproductcode) als "
        "tekst met hun voorloopnullen; datums als 31-12-2025 of 2025-12-31. Nederlandse en "
        "Engelse blad- en kolomnamen worden allebei gelezen.",
        "en": "Required sheets: hospitals, care_forms, products, prices, and volumes or "
        "registrations. Fill in the hospitals and care_forms sheets first: the drop-down lists "
        "on the other sheets take their codes. Codes (product_code) as text with their leading "
        "zeros; dates as 31-12-2025 or 2025-12-31. Dutch and English sheet and column names "
        "are both read.",
    },
    "tpl_example_note": {
        "nl": "Voorbeeld: de fictieve voorbeeldregio (zes ziekenhuizen, bedragen verzonnen), "
        "ingevuld in dit sjabloon. Vervang de rijen door uw eigen gegevens.",
        "en": "Example: the fictitious sample region (six hospitals, invented figures), filled "
        "in this template. Replace the rows with your own data.",
    },
    "tpl_col_sheet": {"nl": "blad", "en": "sheet"},
    "tpl_col_sheet_required": {"nl": "blad verplicht", "en": "sheet required"},
    "tpl_col_sheet_meaning": {"nl": "over dit blad", "en": "about this sheet"},
    "tpl_col_column": {"nl": "kolom", "en": "column"},
    "tpl_col_other_name": {"nl": "ook gelezen als", "en": "also read as"},
    "tpl_col_required": {"nl": "verplicht", "en": "required"},
    "tpl_col_expected": {"nl": "verwacht", "en": "expected"},
    "tpl_col_unit": {"nl": "eenheid", "en": "unit"},
    "tpl_col_meaning": {"nl": "betekenis", "en": "meaning"},
    "tpl_col_drop_down": {"nl": "keuzelijst", "en": "drop-down list"},
    "tpl_drop_down_ids": {"nl": "codes van blad '{sheet}'", "en": "codes of sheet '{sheet}'"},
    "tpl_drop_down_title": {"nl": "Kies uit de lijst", "en": "Choose from the list"},
    "tpl_drop_down_ids_message": {
        "nl": "Deze code staat niet op blad '{sheet}'. Kies een code uit de lijst, of voeg de "
        "code eerst toe op blad '{sheet}'.",
        "en": "This code is not on sheet '{sheet}'. Choose a code from the list, or add the "
        "code on sheet '{sheet}' first.",
    },
    "tpl_drop_down_choices_message": {
        "nl": "Kies een van: {choices}.",
        "en": "Choose one of: {choices}.",
    },
    # enumerated values as the template offers them (the Dutch words are read as the
    # canonical value: calculator.schema.ENUM_ALIASES)
    "choice_umc": {"nl": "umc", "en": "umc"},
    "choice_topklinisch": {"nl": "topklinisch", "en": "topklinisch"},
    "choice_algemeen": {"nl": "algemeen", "en": "algemeen"},
    "choice_full": {"nl": "volledig", "en": "full"},
    "choice_diagnostics": {"nl": "diagnostiek", "en": "diagnostics"},
    "choice_intervention": {"nl": "ingreep", "en": "intervention"},
    "choice_aftercare": {"nl": "nazorg", "en": "aftercare"},
    "choice_referral": {"nl": "verwijzing", "en": "referral"},
    "choice_parallel": {"nl": "parallel", "en": "parallel"},
    "choice_odv": {"nl": "odv", "en": "odv"},
    "choice_cases": {"nl": "patiënten", "en": "cases"},
    "choice_revenue": {"nl": "omzet", "en": "revenue"},
    "choice_equal": {"nl": "gelijke delen", "en": "equal"},
    "choice_shares": {"nl": "vaste aandelen", "en": "shares"},
    # the dashboard's Data page
    "ui_template_lists_help": {
        "nl": "Een lege werkmap met alle bladen en kolommen, keuzelijsten voor codes, vormen en "
        "ja/nee, en een blad 'toelichting' dat elke kolom uitlegt.",
        "en": "An empty workbook with every sheet and column, drop-down lists for codes, modes "
        "and yes/no, and a sheet 'explanation' that explains every column.",
    },
    "ui_template_example": {
        "nl": "Ingevuld voorbeeld downloaden",
        "en": "Download a filled-in example",
    },
    "ui_group_cells": {"nl": "De {n} cellen", "en": "The {n} cells"},
    # findings grouped by cause
    "group_headline": {
        "nl": "{count} cellen in kolom {column} op blad '{sheet}': {cause}; oplossing: {fix}",
        "en": "{count} cells in column {column} on sheet '{sheet}': {cause}; fix: {fix}",
    },
    "group_headline_rows": {
        "nl": "{count} rijen van blad '{sheet}': {cause}; oplossing: {fix}",
        "en": "{count} rows of sheet '{sheet}': {cause}; fix: {fix}",
    },
    "group_cells": {"nl": "de cellen:", "en": "the cells:"},
    "group_cell": {"nl": "rij {row}", "en": "row {row}"},
    "group_cell_found": {"nl": "rij {row}: {value}", "en": "row {row}: {value}"},
    "group_column": {"nl": "'{column}' ({alias})", "en": "'{column}' ({alias})"},
    "group_column_plain": {"nl": "'{column}'", "en": "'{column}'"},
    # the cause of a group, where the finding's own text holds more than the cause
    "cause_code_stored_as_number": {
        "nl": "verwacht {expected}, maar de cel bevat een getal (voorloopnullen kunnen "
        "verloren zijn)",
        "en": "expected {expected}, but the cell holds a number (leading zeros may be lost)",
    },
    "cause_date_with_slashes": {
        "nl": "een datum met schuine strepen is dubbelzinnig (dag of maand eerst?)",
        "en": "a date with slashes is ambiguous (day or month first?)",
    },
    "cause_date_text": {"nl": "geen datum die te lezen is", "en": "not a date that can be read"},
    "cause_number_ambiguous": {
        "nl": "dubbelzinnige getallen: punt of komma als duizendtalscheiding of decimaalteken?",
        "en": "ambiguous numbers: is the point or comma a thousands or a decimal separator?",
    },
    "cause_number_convention": {
        "nl": "de getallen passen niet bij de getalnotatie van dit bestand ({convention})",
        "en": "the numbers do not follow this file's number convention ({convention})",
    },
    "cause_cell_error": {
        "nl": "foutwaarden van Excel (zoals #N/B of #DEEL/0!)",
        "en": "Excel error values (such as #N/A or #DIV/0!)",
    },
    "cause_control_characters": {
        "nl": "de tekst bevat stuurtekens (onzichtbare tekens)",
        "en": "the text holds control characters (invisible characters)",
    },
    "cause_id_foreign_character": {
        "nl": "de code bevat een teken dat op een gewone letter lijkt maar een andere code maakt",
        "en": "the code holds a character that looks like an ordinary letter but makes another "
        "code",
    },
    "cause_key_duplicate": {
        "nl": "dezelfde sleutel staat al op een eerdere rij",
        "en": "the same key is already on an earlier row",
    },
    "cause_key_duplicate_case": {
        "nl": "dezelfde sleutel staat al op een eerdere rij (alleen hoofd- en kleine letters "
        "verschillen)",
        "en": "the same key is already on an earlier row (only upper and lower case differ)",
    },
    "cause_unknown_reference_case": {
        "nl": "onbekende code; op blad '{target}' staat de code met andere hoofd- of kleine "
        "letters",
        "en": "unknown code; sheet '{target}' has the code in other upper or lower case",
    },
    # the fix of a group
    "fix_default": {
        "nl": "verbeter elke cel hieronder",
        "en": "correct each cell listed below",
    },
    "fix_cell_empty": {"nl": "vul elke cel hieronder in", "en": "fill in each cell listed below"},
    "fix_cell_bad": {
        "nl": "typ in elke cel hieronder {expected}",
        "en": "type {expected} in each cell listed below",
    },
    "fix_out_of_range": {
        "nl": "typ in elke cel hieronder {expected}",
        "en": "type {expected} in each cell listed below",
    },
    "fix_code_stored_as_number": {
        "nl": "maak de kolom tekst (Celeigenschappen › Tekst) en typ de codes opnieuw met hun "
        "voorloopnullen",
        "en": "format the column as text (Format Cells › Text) and type the codes again with "
        "their leading zeros",
    },
    "fix_date_with_slashes": {
        "nl": "schrijf de datums als 31-12-2025 of 2025-12-31",
        "en": "write the dates as 31-12-2025 or 2025-12-31",
    },
    "fix_date_text": {
        "nl": "schrijf de datums als 31-12-2025 of 2025-12-31",
        "en": "write the dates as 31-12-2025 or 2025-12-31",
    },
    "fix_number_ambiguous": {"nl": "{hint}", "en": "{hint}"},
    "fix_number_convention": {"nl": "{hint}", "en": "{hint}"},
    "fix_number_not_finite": {"nl": "typ een gewoon getal", "en": "type an ordinary number"},
    "fix_cell_error": {
        "nl": "herstel de formules of typ de waarden",
        "en": "repair the formulas or type the values",
    },
    "fix_control_characters": {
        "nl": "typ de waarden opnieuw (plakken uit een ander programma neemt onzichtbare "
        "tekens mee)",
        "en": "type the values again (pasting from another program brings invisible "
        "characters along)",
    },
    "fix_id_foreign_character": {
        "nl": "typ de codes opnieuw met gewone letters en cijfers",
        "en": "type the codes again with ordinary letters and digits",
    },
    "fix_unknown_reference": {
        "nl": "voeg de codes toe op blad '{target}', of verbeter hun spelling",
        "en": "add the codes on sheet '{target}', or correct their spelling",
    },
    "fix_unknown_reference_case": {
        "nl": "gebruik de schrijfwijze van blad '{target}'",
        "en": "use the spelling of sheet '{target}'",
    },
    "fix_key_duplicate": {
        "nl": "geef elke rij een eigen sleutel, of verwijder de dubbele rijen",
        "en": "give every row a key of its own, or delete the duplicate rows",
    },
    "fix_key_duplicate_case": {
        "nl": "geef elke rij een eigen sleutel, of verwijder de dubbele rijen",
        "en": "give every row a key of its own, or delete the duplicate rows",
    },
}
