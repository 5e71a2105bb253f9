"""Texts of the validation area, by code: {code: {"nl": ..., "en": ...}}.

Placeholders are the message's parameters (see :mod:`messages`).
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # where a finding is
    "loc_file": {"nl": "bestand", "en": "file"},
    "loc_sheet": {"nl": "blad '{sheet}'", "en": "sheet '{sheet}'"},
    "loc_row": {"nl": "rij {row}", "en": "row {row}"},
    "loc_column": {"nl": "kolom '{column}'", "en": "column '{column}'"},
    "loc_found": {"nl": "gevonden {value}; ", "en": "found {value}; "},
}

TEXTS.update(
    {
        # the file as a whole
        "file_missing": {"nl": "bestand of map bestaat niet", "en": "no such file or folder"},
        "work_read": {"nl": "het lezen en controleren", "en": "reading and checking"},
        "work_solve": {"nl": "het optimaliseren", "en": "the optimisation"},
        "work_memory_limit": {
            "nl": "{work} had meer geheugen nodig dan de grens van {memory_mb} MB en is gestopt; "
            "het bestand is te groot of beschadigd (de grens is in te stellen met "
            "SPREIDING_WORKER_MEMORY_MB)",
            "en": "{work} needed more memory than the limit of {memory_mb} MB and was stopped; "
            "the file is too large or damaged (the limit is set with SPREIDING_WORKER_MEMORY_MB)",
        },
        "work_time_limit": {
            "nl": "{work} duurde langer dan {seconds} seconden en is gestopt; het bestand is te "
            "groot of beschadigd",
            "en": "{work} took longer than {seconds} seconds and was stopped; the file is too "
            "large or damaged",
        },
        "work_crashed": {
            "nl": "{work} is onverwacht gestopt ({detail}); het bestand is waarschijnlijk "
            "beschadigd",
            "en": "{work} stopped unexpectedly ({detail}); the file is probably damaged",
        },
        "file_not_regular": {
            "nl": "geen gewoon bestand of map (een pipe, apparaat of socket); geef een "
            "Excel-werkmap (.xlsx) of een map met CSV-bestanden",
            "en": "not a regular file or folder (a pipe, device or socket); give an Excel "
            "workbook (.xlsx) or a folder of CSV files",
        },
        "file_too_big": {
            "nl": "het bestand is {size} bytes; hoogstens {limit} bytes worden gelezen",
            "en": "the file is {size} bytes; at most {limit} bytes are read",
        },
        "file_empty": {
            "nl": "het bestand is leeg; verwacht een Excel-werkmap (.xlsx)",
            "en": "the file is empty; expected an Excel workbook (.xlsx)",
        },
        "file_password_or_xls": {
            "nl": "het bestand is met een wachtwoord beveiligd of een oude .xls-werkmap; "
            "haal het wachtwoord weg en sla op als .xlsx",
            "en": "the file is password-protected or an old .xls workbook; "
            "remove the password and save it as .xlsx",
        },
        "file_not_xlsx": {
            "nl": "het bestand is geen Excel-werkmap (.xlsx); sla het in Excel op als "
            "'Excel-werkmap (.xlsx)'",
            "en": "the file is not an Excel workbook (.xlsx); save it from Excel as "
            "'Excel-werkmap (.xlsx)'",
        },
        "file_damaged": {
            "nl": "het bestand is beschadigd en kan niet worden geopend ({detail})",
            "en": "the file is damaged and cannot be opened ({detail})",
        },
        "file_encrypted": {
            "nl": "het archief is versleuteld; haal het wachtwoord weg",
            "en": "the archive is encrypted; remove the password",
        },
        "file_no_workbook_part": {
            "nl": "het archief is geen Excel-werkmap (geen xl/workbook.xml)",
            "en": "the archive is not an Excel workbook (no xl/workbook.xml)",
        },
        "file_macros": {
            "nl": "de werkmap bevat macro's; sla haar op als .xlsx zonder macro's",
            "en": "the workbook contains macros; save it as .xlsx without macros",
        },
        "file_too_large": {
            "nl": "de werkmap pakt uit tot {size} bytes, meer dan de grens van {limit}; "
            "gebruik een map met CSV-bestanden of Parquet voor grote gegevens",
            "en": "the workbook unpacks to {size} bytes, more than the limit of {limit}; "
            "use a CSV folder or Parquet for large data",
        },
        "file_zip_bomb": {
            "nl": "onderdeel {part} is meer dan {ratio}:1 gecomprimeerd; geweigerd als "
            "mogelijke zipbom",
            "en": "part {part} is compressed more than {ratio}:1; refused as a possible zip bomb",
        },
        "file_part_damaged": {
            "nl": "onderdeel {part} is beschadigd ({detail})",
            "en": "part {part} is damaged ({detail})",
        },
        "file_xml_entities": {
            "nl": "onderdeel {part} declareert XML-entiteiten; geweigerd als onveilig",
            "en": "part {part} declares XML entities; refused as unsafe",
        },
        "file_unreadable": {
            "nl": "de werkmap kan niet worden gelezen ({detail})",
            "en": "the workbook cannot be read ({detail})",
        },
        "file_too_many_cells": {
            "nl": "de bladen beslaan samen {cells} cellen, meer dan de grens van {limit}; "
            "verwijder lege rijen en kolommen buiten de gegevens, of gebruik CSV of Parquet",
            "en": "the sheets span {cells} cells together, more than the limit of {limit}; "
            "delete empty rows and columns beyond the data, or use CSV or Parquet",
        },
        "folder_empty": {
            "nl": "de map bevat geen .csv- of .parquet-bestanden met de namen van de bladen",
            "en": "the folder holds no .csv or .parquet files named after the sheets",
        },
        # a sheet as a whole
        "sheet_twice": {
            "nl": "dit blad komt twee keer voor (Engelse en Nederlandse naam); houd er één",
            "en": "this sheet appears twice (canonical and Dutch name); keep one",
        },
        "sheet_twice_in_folder": {
            "nl": "dit blad staat twee keer in de map; houd één bestand",
            "en": "this sheet is given twice in the folder; keep one file",
        },
        "sheet_unreadable": {
            "nl": "het blad kan niet worden gelezen ({detail})",
            "en": "sheet cannot be read ({detail})",
        },
        "sheet_hidden": {
            "nl": "het blad is verborgen; maak het zichtbaar (of verwijder het) zodat wat "
            "wordt gebruikt ook te zien is",
            "en": "the sheet is hidden; unhide it (or delete it) so that what is used can be seen",
        },
        "sheet_range_too_large": {
            "nl": "het gebruikte bereik loopt tot {last_cell} ({cells} cellen, grens {limit}); "
            "verwijder lege rijen en kolommen buiten de gegevens",
            "en": "the used range runs to {last_cell} ({cells} cells, limit {limit}); "
            "delete empty rows and columns beyond the data",
        },
        "row_too_many_cells": {
            "nl": "een rij van het blad heeft meer dan {limit} cellen (zoveel kolommen heeft "
            "Excel); geweigerd",
            "en": "a row of the sheet has more than {limit} cells (Excel's number of columns); "
            "refused",
        },
        "text_too_long": {
            "nl": "een tekst van meer dan {limit} tekens; Excel staat er {excel} toe",
            "en": "a text longer than {limit} characters; Excel allows {excel}",
        },
        "merged_cells": {
            "nl": "samengevoegde cellen: alleen de eerste cel houdt haar waarde; "
            "maak het samenvoegen ongedaan en vul elke cel",
            "en": "merged cells: only the first cell keeps its value; unmerge and fill every cell",
        },
        "formula_without_value": {
            "nl": "een formule zonder opgeslagen uitkomst: open en bewaar het bestand in Excel, "
            "of plak de waarden",
            "en": "a formula without a stored result: open and save the file in Excel, or paste "
            "the values",
        },
        "sheet_empty": {
            "nl": "het blad is leeg; verwacht een kopregel met de kolomnamen",
            "en": "the sheet is empty; expected a header row with the column names",
        },
        "csv_empty": {
            "nl": "het bestand is leeg; verwacht een kopregel met de kolomnamen",
            "en": "the file is empty; expected a header line with the column names",
        },
        "csv_unreadable": {
            "nl": "kan niet worden gelezen als CSV in UTF-8 ({detail})",
            "en": "cannot be read as UTF-8 CSV ({detail})",
        },
        "csv_not_utf8": {
            "nl": "het bestand is geen UTF-8 (byte {offset}); sla het op als 'CSV UTF-8'",
            "en": "the file is not UTF-8 (byte {offset}); save it as 'CSV UTF-8'",
        },
        "csv_too_large": {
            "nl": "het bestand is {size} bytes, meer dan de grens van {limit}; gebruik Parquet "
            "voor zulke grote gegevens",
            "en": "the file is {size} bytes, more than the limit of {limit}; use Parquet for "
            "data this large",
        },
        "parquet_too_large": {
            "nl": "het bestand heeft {cells} cellen, meer dan de grens van {limit}",
            "en": "the file holds {cells} cells, more than the limit of {limit}",
        },
        "parquet_unreadable": {
            "nl": "kan niet worden gelezen als Parquet ({detail})",
            "en": "cannot be read as Parquet ({detail})",
        },
        "column_twice": {
            "nl": "deze kolom komt twee keer voor; houd er één",
            "en": "this column appears twice; keep one",
        },
        "sheet_missing": {
            "nl": "verplicht blad ontbreekt (noem het '{name}' of '{alias}')",
            "en": "required sheet is missing (name it '{name}' or '{alias}')",
        },
        "needs_volumes_or_registrations": {
            "nl": "de werkmap heeft een blad 'volumes' (productie) of 'registrations' "
            "(registraties) nodig",
            "en": "the workbook needs a 'volumes' (productie) or a 'registrations' "
            "(registraties) sheet",
        },
        "sheet_no_rows": {
            "nl": "het blad heeft een kopregel maar geen rijen",
            "en": "the sheet has a header but no rows",
        },
        "column_missing": {
            "nl": "verplichte kolom ontbreekt (kop '{name}' of '{alias}'); controles die deze "
            "kolom nodig hebben zijn overgeslagen",
            "en": "required column is missing (header '{name}' or '{alias}'); checks that "
            "need this column were skipped",
        },
        "no_rows_volumes_registrations": {
            "nl": "zowel 'volumes' als 'registrations' heeft geen rijen; vul er minstens één",
            "en": "both 'volumes' and 'registrations' have no rows; fill at least one",
        },
        # one cell
        "cell_empty": {
            "nl": "de cel is leeg; verwacht {expected}",
            "en": "the cell is empty; expected {expected}",
        },
        "cell_bad": {"nl": "verwacht {expected}", "en": "expected {expected}"},
        "cell_error": {
            "nl": "een foutwaarde van Excel ({error}); herstel de formule of vul de waarde in",
            "en": "an Excel error value ({error}); repair the formula or type the value",
        },
        "code_stored_as_number": {
            "nl": "verwacht {expected}; de cel bevat een getal met decimalen, met meer dan "
            "9 cijfers of onder nul, en dat is geen code — maak de kolom tekst en typ de code "
            "met haar voorloopnullen",
            "en": "expected {expected}; the cell holds a number with decimals, with more than "
            "9 digits or below zero, and that is no code — format the column as text and type "
            "the code with its leading zeros",
        },
        "code_padded": {
            "nl": "{count} cellen in deze kolom bevatten de code als getal (Excel laat dan de "
            "voorloopnullen weg); aangevuld tot 9 cijfers, deze werd {code} — maak de kolom "
            "tekst om dit te voorkomen",
            "en": "{count} cells in this column hold the code as a number (Excel then drops "
            "the leading zeros); padded to 9 digits, this one became {code} — format the column "
            "as text to avoid this",
        },
        "date_with_slashes": {
            "nl": "verwacht {expected}; een datum met schuine strepen is dubbelzinnig "
            "(dag of maand eerst?) — schrijf 31-12-2025",
            "en": "expected {expected}; a date with slashes is ambiguous (day or month first?) "
            "— write 31-12-2025",
        },
        "date_text": {
            "nl": "verwacht {expected}; schrijf 31-12-2025 (dag-maand-jaar) of 2025-12-31",
            "en": "expected {expected}; write 31-12-2025 (day-month-year) or 2025-12-31",
        },
        "number_not_finite": {
            "nl": "geen eindig getal (oneindig of NaN); verwacht {expected}",
            "en": "not a finite number (infinite or NaN); expected {expected}",
        },
        "number_ambiguous": {
            "nl": "dubbelzinnig getal: punt of komma als duizendtalscheiding of decimaalteken? "
            "{hint}",
            "en": "ambiguous number: is the point or comma a thousands or a decimal separator? "
            "{hint}",
        },
        "number_convention": {
            "nl": "past niet bij de getalnotatie van dit bestand ({convention}); {hint}",
            "en": "does not follow this file's number convention ({convention}); {hint}",
        },
        "out_of_range": {"nl": "verwacht {expected}", "en": "expected {expected}"},
        "control_characters": {
            "nl": "de tekst bevat stuurtekens (onzichtbare tekens zoals _x000B_); "
            "typ de waarde opnieuw",
            "en": "the text holds control characters (invisible characters such as _x000B_); "
            "type the value again",
        },
        "id_foreign_character": {
            "nl": "de code bevat het teken {character}, dat lijkt op een gewone letter maar een "
            "andere code maakt; typ de code opnieuw met gewone letters en cijfers",
            "en": "the code holds the character {character}, which looks like an ordinary letter "
            "but makes another code; type the code again with ordinary letters and digits",
        },
        "key_duplicate_case": {
            "nl": "moet uniek zijn; rij {first_row} heeft dezelfde sleutel als '{first}' "
            "(alleen hoofd- en kleine letters verschillen); gebruik één schrijfwijze",
            "en": "must be unique; row {first_row} has the same key as '{first}' (only upper and "
            "lower case differ); use one spelling",
        },
        "unknown_reference_case": {
            "nl": "onbekende code: op blad '{target}' staat '{known}' (alleen hoofd- en kleine "
            "letters verschillen); gebruik die schrijfwijze",
            "en": "unknown code: sheet '{target}' has '{known}' (only upper and lower case "
            "differ); use that spelling",
        },
        "value_withheld": {
            "nl": "(waarde niet getoond: deze kolom kan patiëntpseudoniemen bevatten)",
            "en": "(value not shown: this column may hold patient pseudonyms)",
        },
        "same_problem_more_rows": {
            "nl": "nog {count} rijen met hetzelfde probleem als hierboven: {expected}",
            "en": "{count} more rows with the same problem as above: {expected}",
        },
        "insurer_spelling": {
            "nl": "verzekeraar '{written}' geschreven als '{canonical}' op het blad "
            "insurer_contracts ({count} rijen); gelezen als '{canonical}'",
            "en": "insurer '{written}' is written '{canonical}' on sheet insurer_contracts "
            "({count} rows); read as '{canonical}'",
        },
        # across rows and sheets
        "key_duplicate": {
            "nl": "moet uniek zijn; dezelfde sleutel staat al op rij {first_row}",
            "en": "must be unique; the same key is already on row {first_row}",
        },
        "unknown_reference": {
            "nl": "onbekende code: verwacht een van de codes op blad '{target}'",
            "en": "unknown code: expected one of the codes on sheet '{target}'",
        },
        "specialism_code": {
            "nl": "verwacht een 4-cijferige AGB-code als tekst, bijv. 0303",
            "en": "expected a 4-digit AGB code stored as text, e.g. 0303",
        },
        "allowed_types": {
            "nl": "verwacht een lijst met komma's van {types}",
            "en": "expected a comma list of {types}",
        },
        "component_count": {
            "nl": "zorgvorm {care_form} heeft {count} producten '{component}' (rijen {rows}); "
            "verwacht hoogstens één",
            "en": "care form {care_form} has {count} '{component}' products (rows {rows}); "
            "expected at most one",
        },
        "care_form_needs_full": {
            "nl": "elke zorgvorm heeft precies één product met onderdeel 'full' nodig op blad "
            "'products'",
            "en": "every care form needs exactly one product with component 'full' on sheet "
            "'products'",
        },
        "contract_shares_sum": {
            "nl": "de aandelen van {hospital} in {year} moeten optellen tot 1 (±{tolerance}); "
            "rijen {rows}",
            "en": "the shares of {hospital} in {year} must sum to 1 (±{tolerance}); rows {rows}",
        },
        "compare_not_settlement": {
            "nl": "is geen verrekenwerkboek van spreiding settle ({detail})",
            "en": "is not a settlement workbook of spreiding settle ({detail})",
        },
        "monitor_until_outside_year": {
            "nl": "--until moet een dag in {year} zijn",
            "en": "--until must be a day in {year}",
        },
        "secondment_no_rate": {
            "nl": "detachering {secondment} wordt geïndexeerd, maar blad 'indexatie' heeft geen "
            "percentage voor {rate_year} (nodig voor {year})",
            "en": "secondment {secondment} is indexed, but sheet 'indexation' has no rate for "
            "{rate_year} (needed for {year})",
        },
        "consent_not_parallel": {
            "nl": "toestemming geldt alleen voor een parallelle afspraak; deze afspraak heeft "
            "vorm {mode}",
            "en": "consent applies to a parallel agreement only; this agreement's mode is {mode}",
        },
        "secondment_size": {
            "nl": "vul fte óf uren_per_maand in (precies één van beide)",
            "en": "fill in fte or hours_per_month (exactly one of them)",
        },
        "compensation_same": {
            "nl": "moet verschillen van de betaler",
            "en": "must differ from the payer",
        },
        "secondment_same_hospital": {
            "nl": "moet verschillen van van_ziekenhuis",
            "en": "must differ from from_hospital",
        },
        "network_shares_unused": {
            "nl": "aandelen horen alleen bij netwerkkosten met verdeelsleutel 'shares'; deze "
            "kosten hebben sleutel {key}",
            "en": "shares belong to network costs with key 'shares' only; this cost has key {key}",
        },
        "network_shares_sum": {
            "nl": "de aandelen van netwerkkosten {cost} moeten optellen tot 1 (±{tolerance}); "
            "rijen {rows}",
            "en": "the shares of network cost {cost} must sum to 1 (±{tolerance}); rows {rows}",
        },
        "network_shares_missing": {
            "nl": "verdeelsleutel 'shares' heeft aandelen per ziekenhuis nodig op blad "
            "'netwerkaandelen' voor {cost}",
            "en": "key 'shares' needs shares per hospital on sheet 'network_shares' for {cost}",
        },
        "same_hospital": {
            "nl": "moet verschillen van het verwijzende ziekenhuis",
            "en": "must differ from the sending hospital",
        },
        "valid_to_before_from": {
            "nl": "moet op of na valid_from liggen",
            "en": "must be on or after valid_from",
        },
        "agreement_overlap": {
            "nl": "overlapt de afspraak op rij {other_row} voor dezelfde zorgvorm en ziekenhuizen; "
            "op elke datum mag er hoogstens één gelden",
            "en": "overlaps the agreement on row {other_row} for the same care form and hospitals; "
            "at most one may be valid on any date",
        },
        "parallel_needs_intervention": {
            "nl": "parallel declareren heeft een product 'intervention' nodig voor zorgvorm "
            "{care_form} op blad 'products'",
            "en": "parallel declaration needs an 'intervention' product for care form "
            "{care_form} on sheet 'products'",
        },
        "agreement_shares_sum": {
            "nl": "de aandelen van {hospital} voor {care_form} in {year} tellen op tot meer "
            "dan 1 (rijen {rows})",
            "en": "the shares of {hospital} for {care_form} in {year} sum to more than 1 "
            "(rows {rows})",
        },
        "patient_too_many_dbcs": {
            "nl": "dit pseudoniem staat op {count} DBC's (meer dan {limit}): een "
            "plaatsvervangende waarde in plaats van een patiënt? De verrekening loopt, maar "
            "koppelt DBC's van verschillende mensen aan elkaar. Geef elke patiënt een eigen "
            "pseudoniem",
            "en": "this pseudonym is on {count} DBCs (more than {limit}): a placeholder rather "
            "than a patient? The settlement runs, but pairs DBCs of different people. Give every "
            "patient a pseudonym of their own",
        },
        "end_before_start": {
            "nl": "moet op of na start_date liggen",
            "en": "must be on or after start_date",
        },
        "odv_needs_partner": {
            "nl": "een ODV-rij heeft het partnerziekenhuis nodig dat het werk vroeg",
            "en": "an ODV row needs the partner hospital that requested the work",
        },
        "partner_same_hospital": {
            "nl": "moet verschillen van hospital_id",
            "en": "must differ from hospital_id",
        },
        "price_missing": {
            "nl": "{reason} (eerst nodig op blad '{in_sheet}' rij {in_row}); voeg de prijs of een "
            "indexatiepercentage toe",
            "en": "{reason} (needed first by sheet '{in_sheet}' row {in_row}); add the price or "
            "an indexation rate",
        },
        "year_absent": {
            "nl": "geen {sheet} voor dit jaar; aanwezige jaren: {years}",
            "en": "no {sheet} for this year; years present: {years}",
        },
        "norm_unknown_care_form": {
            "nl": "--norm: onbekende zorgvorm; bekend: {known}",
            "en": "--norm: unknown care form; known: {known}",
        },
        "norm_bad_number": {
            "nl": "--norm verwacht ZORGVORM=N met een geheel getal N ≥ 0",
            "en": "--norm expects CARE_FORM=N with a whole number N ≥ 0",
        },
    }
)

# what a cell of a column holds (nested in other texts as the parameter ``expected``)
TEXTS.update(
    {
        "expect_text": {"nl": "tekst", "en": "text"},
        "expect_code9": {
            "nl": "een code van 9 cijfers, opgeslagen als tekst",
            "en": "a 9-digit code stored as text",
        },
        "expect_int": {"nl": "een geheel getal", "en": "a whole number"},
        "expect_number": {"nl": "een getal", "en": "a number"},
        "expect_money": {"nl": "een bedrag in euro", "en": "an amount in EUR"},
        "expect_date": {
            "nl": "een datum (31-12-2025 of 2025-12-31)",
            "en": "a date (31-12-2025 or 2025-12-31)",
        },
        "expect_bool": {
            "nl": "ja/nee (yes/no, true/false, 1/0)",
            "en": "yes/no (ja/nee, true/false, 1/0)",
        },
        "expect_choice": {"nl": "een van {choices}", "en": "one of {choices}"},
        "expect_between": {
            "nl": "{what} van {minimum} tot en met {maximum}",
            "en": "{what} from {minimum} to {maximum}",
        },
        "expect_at_least": {"nl": "{what} ≥ {minimum}", "en": "{what} ≥ {minimum}"},
        "expect_at_most": {"nl": "{what} ≤ {maximum}", "en": "{what} ≤ {maximum}"},
        "convention_nl": {
            "nl": "Nederlands: 1.234,56, want het bestand scheidt met ;",
            "en": "Dutch: 1.234,56, as the file separates with ;",
        },
        "convention_en": {
            "nl": "Engels: 1234.56, want het bestand scheidt met ,",
            "en": "English: 1234.56, as the file separates with ,",
        },
        "hint_number_nl": {
            "nl": "schrijf 1234,5 of 1.234,5",
            "en": "write 1234,5 or 1.234,5",
        },
        "hint_number_en": {"nl": "schrijf 1234.5", "en": "write 1234.5"},
        "hint_number_any": {
            "nl": "typ het getal als getal in Excel, of schrijf 1234,5 zonder scheidingsteken "
            "voor duizendtallen",
            "en": "enter it as a number in Excel, or write 1234,5 without a thousands separator",
        },
    }
)
