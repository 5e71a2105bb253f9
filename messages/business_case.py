"""Texts of the business case over the years (issue 18, item 3), by code:
{code: {"nl": ..., "en": ...}}.

Placeholders are the message's parameters (see :mod:`messages`).
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------------ the plan
    "bc_plan_optimised": {
        "nl": "het geoptimaliseerde plan voor {year}",
        "en": "the optimised plan for {year}",
    },
    "bc_plan_manual": {
        "nl": "het handmatige scenario voor {year} (de afgesproken aandelen verschoven)",
        "en": "the manual scenario for {year} (the agreed shares moved)",
    },
    "bc_plan_saved": {
        "nl": "het bewaarde scenario '{name}' ({year})",
        "en": "the saved scenario '{name}' ({year})",
    },
    "bc_rule_proportional": {"nl": "naar rato van de winst", "en": "proportional to the gains"},
    "bc_rule_equal": {"nl": "gelijke delen", "en": "equal shares"},
    "bc_rule_shapley": {"nl": "Shapley-waarde", "en": "Shapley value"},
    # ------------------------------------------------------------------ notes
    "bc_note_plan_grows": {
        "nl": "Het plan gaat uit van de verdeling van {base} en wordt doorgerekend zoals vandaag: "
        "afgesproken veranderingen van aandelen (blad 'fasering', aflopende afspraken) gelden "
        "ook voor het plan, en het groeit per verwijzend ziekenhuis en zorgvorm (blad 'groei'). "
        "Beide kanten met de geïndexeerde prijzen van elk jaar; nieuwe afspraken verrekend als "
        "verwijzing.",
        "en": "The plan starts from the allocation of {base} and is projected as today is: "
        "agreed changes of shares (sheet 'phases', agreements that end) apply to the plan too, "
        "and it grows per sending hospital and care form (sheet 'growth'). Both sides at each "
        "year's indexed prices; new agreements settled as referral.",
    },
    "bc_note_plan_shift_limited": {
        "nl": "{year}: in het plan voert {hospital} minder {care_form} zelf uit dan de fasering "
        "wil verschuiven; verschoven wat er is.",
        "en": "{year}: under the plan {hospital} performs less {care_form} itself than the phase "
        "would shift; what there is was shifted.",
    },
    "bc_note_rule": {
        "nl": "Compensatie in jaren waarin de regio wint: {rule}.",
        "en": "Compensation in years the region gains: {rule}.",
    },
    "bc_note_shapley_base": {
        "nl": "Shapley-waarden van het basisjaar {base} verdelen de winst van elk jaar.",
        "en": "The Shapley values of the base year {base} share every year's gain.",
    },
    "bc_note_no_compensation": {
        "nl": "{year}: de regio gaat er {loss_cents} op achteruit; geen compensatie in dat jaar.",
        "en": "{year}: the region loses {loss_cents}; no compensation that year.",
    },
    "bc_note_outside_years": {
        "nl": "Blad '{sheet}' rij {row}: {amount_cents} van {hospital} in {year} valt buiten "
        "{first}–{last} en telt niet mee.",
        "en": "Sheet '{sheet}' row {row}: {amount_cents} of {hospital} in {year} lies outside "
        "{first}–{last} and is not counted.",
    },
    "bc_note_scenario_other_input": {
        "nl": "Het bewaarde scenario '{name}' is gemaakt met een ander invoerbestand; de stromen "
        "zijn toegepast op dit bestand.",
        "en": "The saved scenario '{name}' was made with another input file; its flows are "
        "applied to this one.",
    },
    # ------------------------------------------------------------------ CLI text
    "bc_title": {
        "nl": "Businesscase {first}–{last}: {plan} tegenover vandaag",
        "en": "Business case {first}–{last}: {plan} against today",
    },
    "bc_subtitle": {
        "nl": "Disconteringsvoet {rate}; compensatie: {rule}. Bedragen in hele euro's; JSON en "
        "werkmap tot op de cent.",
        "en": "Discount rate {rate}; compensation: {rule}. Amounts in whole euros; JSON and "
        "workbook to the cent.",
    },
    "bc_no_rule": {"nl": "geen (--split niet gekozen)", "en": "none (no --split)"},
    "bc_hospital_head": {
        "nl": "{hospital}: terugverdiend {break_even}; netto contante waarde {npv_cents}; "
        "voorfinanciering {prefinancing_cents}",
        "en": "{hospital}: break-even {break_even}; net present value {npv_cents}; "
        "pre-financing {prefinancing_cents}",
    },
    "bc_region_head": {
        "nl": "Regio: terugverdiend {break_even}; netto contante waarde {npv_cents}; "
        "voorfinanciering {prefinancing_cents}",
        "en": "Region: break-even {break_even}; net present value {npv_cents}; "
        "pre-financing {prefinancing_cents}",
    },
    "bc_break_even_in": {"nl": "in {year}", "en": "in {year}"},
    "bc_unchanged": {"nl": "geen verandering", "en": "no change"},
    "bc_break_even_none": {
        "nl": "niet binnen {first}–{last}",
        "en": "not within {first}–{last}",
    },
    "bc_prefinancing_at": {
        "nl": "{amount_cents} (laagste stand in {year})",
        "en": "{amount_cents} (lowest in {year})",
    },
    "bc_notes": {"nl": "Toelichting:", "en": "Notes:"},
    "bc_problems": {
        "nl": "De businesscase klopt niet met zichzelf; niet gebruiken:",
        "en": "The business case is not consistent; do not use it:",
    },
    "bc_progress": {"nl": "Businesscase per jaar", "en": "Business case year by year"},
    "bc_wrote": {"nl": "geschreven: {path}", "en": "wrote {path}"},
    "bc_plan_unsolved": {
        "nl": "het plan voor {year} is niet opgelost ({status}); zonder plan geen businesscase",
        "en": "the plan for {year} was not solved ({status}); no plan, no business case",
    },
    # ------------------------------------------------------------------ row and column labels
    "bc_col_year": {"nl": "jaar", "en": "year"},
    "bc_col_hospital": {"nl": "ziekenhuis", "en": "hospital"},
    "bc_col_item": {"nl": "post", "en": "item"},
    "bc_col_value": {"nl": "waarde", "en": "value"},
    "bc_margin_change": {"nl": "margeverandering", "en": "margin change"},
    "bc_freed_or": {"nl": "waarde vrijgekomen OK-tijd", "en": "value of freed OR time"},
    "bc_compensation": {"nl": "compensatie", "en": "compensation"},
    "bc_one_off": {"nl": "eenmalige kosten", "en": "one-off costs"},
    "bc_funding": {"nl": "transformatiegeld", "en": "transformation funding"},
    "bc_position": {"nl": "positie in het jaar", "en": "position in the year"},
    "bc_cumulative": {"nl": "cumulatieve positie", "en": "cumulative position"},
    "bc_total": {"nl": "totaal over de jaren", "en": "total over the years"},
    "bc_break_even": {"nl": "terugverdiend in", "en": "break-even year"},
    "bc_npv": {"nl": "netto contante waarde", "en": "net present value"},
    "bc_prefinancing": {"nl": "voorfinanciering", "en": "pre-financing"},
    "bc_lowest_year": {"nl": "jaar laagste stand", "en": "year of the lowest position"},
    "bc_region": {"nl": "regio", "en": "region"},
    "bc_sheet_summary": {"nl": "Samenvatting", "en": "Summary"},
    "bc_sheet_assumptions": {"nl": "Uitgangspunten", "en": "Assumptions"},
    "bc_sheet_payments": {"nl": "Compensatiebetalingen", "en": "Compensation payments"},
    "bc_col_payer": {"nl": "betaalt", "en": "pays"},
    "bc_col_payee": {"nl": "ontvangt", "en": "receives"},
    "bc_col_amount": {"nl": "bedrag", "en": "amount"},
    "bc_item_plan": {"nl": "plan", "en": "plan"},
    "bc_item_years": {"nl": "jaren", "en": "years"},
    "bc_item_rate": {"nl": "disconteringsvoet", "en": "discount rate"},
    "bc_item_rule": {"nl": "compensatie", "en": "compensation"},
    "bc_item_note": {"nl": "toelichting", "en": "note"},
    # ------------------------------------------------------------------ invariants
    "bc_invariant_compensation": {
        "nl": "de compensatie van {year} telt op tot {total_cents}, niet tot nul",
        "en": "the compensation of {year} sums to {total_cents}, not to zero",
    },
    "bc_invariant_position": {
        "nl": "de positie van {hospital} in {year} is niet de som van haar posten",
        "en": "the position of {hospital} in {year} is not the sum of its items",
    },
    "bc_invariant_cumulative": {
        "nl": "de cumulatieve positie van {hospital} in {year} is niet de lopende som",
        "en": "the cumulative position of {hospital} in {year} is not the running sum",
    },
    "bc_invariant_region": {
        "nl": "de regio ({year}, {column}) is niet de som van de ziekenhuizen",
        "en": "the region ({year}, {column}) is not the sum of the hospitals",
    },
    "bc_invariant_below_today": {
        "nl": "{hospital} eindigt in {year} na compensatie onder vandaag terwijl de regio wint",
        "en": "{hospital} ends below today in {year} after compensation while the region gains",
    },
    "bc_invariant_inputs": {
        "nl": "de bedragen van blad '{sheet}' binnen de jaren staan niet volledig in de tabel",
        "en": "the amounts of sheet '{sheet}' within the years are not all in the table",
    },
    # ------------------------------------------------------------------ usage
    "usage_bc_too_many_years": {
        "nl": "--from {first} --to {last}: {years} jaar; een businesscase beslaat hoogstens "
        "{limit} jaar",
        "en": "--from {first} --to {last}: {years} years; a business case spans at most "
        "{limit} years",
    },
    "usage_bc_plan_twice": {
        "nl": "kies één plan: --scenario NAAM of --manual, niet beide",
        "en": "choose one plan: --scenario NAME or --manual, not both",
    },
    "usage_bc_shapley_needs_optimum": {
        "nl": "--split shapley hoort bij het geoptimaliseerde plan (de coalities zijn "
        "geoptimaliseerde plannen); laat --scenario en --manual weg of kies proportional/equal",
        "en": "--split shapley belongs to the optimised plan (the coalitions are optimised "
        "plans); leave out --scenario and --manual or choose proportional/equal",
    },
    "usage_bc_scenario_unknown": {
        "nl": "--scenario {name}: geen bewaard scenario met die naam (bewaard: {known})",
        "en": "--scenario {name}: no saved scenario of that name (saved: {known})",
    },
    "usage_bc_scenario_year": {
        "nl": "--scenario {name} is bewaard voor {year}; de businesscase begint in {first} "
        "(geef --from {year})",
        "en": "--scenario {name} was saved for {year}; the business case starts in {first} "
        "(give --from {year})",
    },
    "usage_bc_scenario_no_flows": {
        "nl": "--scenario {name} is bewaard zonder patiëntstromen (een oudere versie); bewaar "
        "het scenario opnieuw op de pagina Scenario",
        "en": "--scenario {name} was saved without its patient flows (an older version); save "
        "the scenario again on the Scenario page",
    },
    "usage_bc_scenario_other_book": {
        "nl": "--scenario {name} hoort bij een ander invoerbestand: {unknown} komt in dit bestand "
        "niet voor",
        "en": "--scenario {name} belongs to another input file: {unknown} is not in this file",
    },
    # ------------------------------------------------------------------ dashboard
    "ui_bc_title": {"nl": "Businesscase over de jaren", "en": "Business case over the years"},
    "ui_bc_caption": {
        "nl": "Cumulatieve positie per ziekenhuis tegenover vandaag: margeverandering, "
        "vrijgekomen OK-tijd, compensatie, eenmalige kosten en transformatiegeld. De ruit "
        "markeert het jaar waarin het ziekenhuis zijn investering heeft terugverdiend.",
        "en": "Cumulative position per hospital against today: margin change, freed OR time, "
        "compensation, one-off costs and transformation funding. The diamond marks the year the "
        "hospital has earned its investment back.",
    },
    "ui_bc_show": {
        "nl": "Businesscase over de jaren berekenen",
        "en": "Compute the business case over the years",
    },
    "ui_bc_download": {"nl": "Businesscase als werkmap", "en": "Business case as a workbook"},
    "ui_bc_items": {"nl": "Alle posten per jaar", "en": "Every item per year"},
    "ui_bc_last_year": {"nl": "Tot en met jaar", "en": "Through year"},
    "ui_bc_split": {"nl": "Compensatie", "en": "Compensation"},
    "ui_bc_no_split": {"nl": "geen", "en": "none"},
    "ui_bc_rate": {"nl": "Disconteringsvoet (%)", "en": "Discount rate (%)"},
    "ui_bc_chart": {
        "nl": "Cumulatieve positie per ziekenhuis",
        "en": "Cumulative position per hospital",
    },
    "ui_bc_euro_axis": {"nl": "cumulatief (€)", "en": "cumulative (€)"},
    "ui_bc_region_line": {
        "nl": "Regio: terugverdiend {break_even}, netto contante waarde {npv_cents}, "
        "voorfinanciering {prefinancing_cents}",
        "en": "Region: break-even {break_even}, net present value {npv_cents}, "
        "pre-financing {prefinancing_cents}",
    },
    "ui_bc_no_years": {
        "nl": "Kies een laatste jaar na {year} om de businesscase over de jaren te zien.",
        "en": "Choose a last year after {year} to see the business case over the years.",
    },
}
