"""Texts of the years-ahead area (projection, norm sweep): {code: {"nl": ..., "en": ...}}.

Placeholders are the message's parameters (see :mod:`messages`).
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------------ projection: CLI
    "proj_title": {
        "nl": "Meerjarige projectie {first}–{last} (basisjaar {base}, volumes van {base})",
        "en": "Multi-year projection {first}–{last} (base year {base}, volumes of {base})",
    },
    "proj_row": {
        "nl": "  {hospital:<6} casussen {cases_first} → {cases_last}   OK {util_first} → "
        "{util_last}   marge {margin_first_cents} → {margin_last_cents}",
        "en": "  {hospital:<6} cases {cases_first} → {cases_last}   OR {util_first} → "
        "{util_last}   margin {margin_first_cents} → {margin_last_cents}",
    },
    "proj_or_full": {
        "nl": "  {hospital} komt in {year} boven het planningsplafond van zijn OK-capaciteit "
        "({minutes} van {capacity} minuten, plafond {ceiling})",
        "en": "  {hospital} goes above the planning ceiling of its OR capacity in {year} "
        "({minutes} of {capacity} minutes, ceiling {ceiling})",
    },
    "proj_or_enough": {
        "nl": "  OK-capaciteit blijft tot en met {last} in alle ziekenhuizen binnen het "
        "planningsplafond",
        "en": "  OR use stays within the planning ceiling through {last} in every hospital",
    },
    "proj_norm_missed": {
        "nl": "  {year}: norm {care_form} niet gehaald bij {hospital} ({cases} < {norm})",
        "en": "  {year}: norm {care_form} not met at {hospital} ({cases} < {norm})",
    },
    "proj_wrote": {"nl": "geschreven: {path}", "en": "wrote {path}"},
    "proj_progress": {"nl": "Projectie per jaar", "en": "Projecting year by year"},
    # ------------------------------------------------------------------ projection: notes
    "proj_note_base": {
        "nl": "Basisjaar {base}: de volumes van dat jaar; latere jaren groeien met "
        "casussen × (1 + groei)^jaren (blad 'groei'; zonder regel 0 %).",
        "en": "Base year {base}: that year's volumes; later years grow by "
        "cases × (1 + growth)^years (sheet 'growth'; 0 % without a row).",
    },
    "proj_note_agreements": {
        "nl": "Afspraken gelden zoals ze per jaar van kracht zijn; verandert het aandeel van een "
        "afspraak (blad 'fasering', anders 'aandeel'), dan verschuift dat deel van de vraag.",
        "en": "Agreements apply as in force each year; when an agreement's share changes "
        "(sheet 'phases', else 'share'), that part of the demand shifts.",
    },
    "proj_note_prices": {
        "nl": "Benchmarkprijzen van latere jaren zijn geïndexeerd met blad 'indexatie'.",
        "en": "Benchmark prices of later years are indexed with sheet 'indexation'.",
    },
    "proj_note_contracts": {
        "nl": "Verzekeraarscontracten van {hospital} voor {year}: die van {source_year} "
        "aangehouden.",
        "en": "Insurer contracts of {hospital} for {year}: those of {source_year} kept.",
    },
    "proj_note_agreement_ended": {
        "nl": "{year}: afspraak {agreement} ({care_form} {sending} → {performing}) is niet "
        "meer van kracht; de patiënten die {performing} in het basisjaar onder die afspraak "
        "behandelde keren terug naar {sending}.",
        "en": "{year}: agreement {agreement} ({care_form} {sending} → {performing}) is no "
        "longer in force; the cases {performing} treated under it in the base year return "
        "to {sending}.",
    },
    "proj_note_shift_limited": {
        "nl": "{year}: {hospital} voert te weinig {care_form} zelf uit voor het volle aandeel "
        "van de afspraken; naar verhouding verschoven.",
        "en": "{year}: {hospital} performs too little {care_form} itself for the full shares "
        "of the agreements; shifted pro rata.",
    },
    # ------------------------------------------------------------------ projection: workbook
    "proj_sheet_cases": {"nl": "Casussen", "en": "Cases"},
    "proj_sheet_or": {"nl": "OK-minuten", "en": "OR minutes"},
    "proj_sheet_or_share": {"nl": "OK-benutting", "en": "OR utilisation"},
    "proj_sheet_beds": {"nl": "Beddagen", "en": "Bed-days"},
    "proj_sheet_norms": {"nl": "Normen gehaald", "en": "Norms met"},
    "proj_sheet_norm_detail": {"nl": "Normen per zorgvorm", "en": "Norms per care form"},
    "proj_sheet_revenue": {"nl": "Omzet", "en": "Revenue"},
    "proj_sheet_settlement": {"nl": "Verrekening", "en": "Settlement"},
    "proj_sheet_variable_cost": {"nl": "Variabele kosten", "en": "Variable cost"},
    "proj_sheet_margin": {"nl": "Marge", "en": "Margin"},
    "proj_sheet_capacity": {"nl": "Capaciteit", "en": "Capacity"},
    "proj_sheet_flows": {"nl": "Stromen", "en": "Flows"},
    "proj_sheet_assumptions": {"nl": "Uitgangspunten", "en": "Assumptions"},
    "proj_col_hospital": {"nl": "Ziekenhuis", "en": "Hospital"},
    "proj_col_care_form": {"nl": "Zorgvorm", "en": "Care form"},
    "proj_col_sending": {"nl": "Verwijzend ziekenhuis", "en": "Sending hospital"},
    "proj_col_performing": {"nl": "Uitvoerend ziekenhuis", "en": "Performing hospital"},
    "proj_col_year": {"nl": "Jaar", "en": "Year"},
    "proj_col_cases": {"nl": "Casussen", "en": "Cases"},
    "proj_col_norm": {"nl": "Norm", "en": "Norm"},
    "proj_col_meets_norm": {"nl": "Norm gehaald", "en": "Norm met"},
    "proj_col_growth": {"nl": "Groei per jaar", "en": "Growth per year"},
    "proj_col_or_capacity": {"nl": "OK-capaciteit (min/jaar)", "en": "OR capacity (min/year)"},
    "proj_col_or_full": {"nl": "OK boven plafond vanaf", "en": "OR above ceiling from"},
    "proj_col_bed_capacity": {"nl": "Beddagen (per jaar)", "en": "Bed-days (per year)"},
    "proj_col_beds_full": {"nl": "Bedden boven plafond vanaf", "en": "Beds above ceiling from"},
    "proj_col_item": {"nl": "Onderdeel", "en": "Item"},
    "proj_col_value": {"nl": "Waarde", "en": "Value"},
    "proj_region": {"nl": "Regio", "en": "Region"},
    "proj_item_input": {"nl": "Invoerbestand", "en": "Input file"},
    "proj_item_sha256": {"nl": "SHA-256 van de invoer", "en": "SHA-256 of the input"},
    "proj_item_years": {"nl": "Jaren", "en": "Years"},
    "proj_item_note": {"nl": "Uitgangspunt", "en": "Assumption"},
    "proj_item_run_at": {"nl": "Berekend op", "en": "Computed at"},
    "proj_norms_cell": {"nl": "{met} van {performed}", "en": "{met} of {performed}"},
    # ------------------------------------------------------------------ sweep
    "sweep_title": {
        "nl": "Normverkenning {care_form} in {year}: norm {first} t/m {last} (nu {current})",
        "en": "Norm sweep {care_form} in {year}: norm {first} to {last} (now {current})",
    },
    "sweep_header": {
        "nl": "  norm  status                   ziekenhuizen  verplaatst  reistijd gem/max  "
        "> 30 min  > 60 min  margeverschil regio",
        "en": "  norm  status                   hospitals     moved       travel mean/max   "
        "> 30 min  > 60 min  region margin change",
    },
    "sweep_row": {
        "nl": "  {norm:>4}  {status:<24} {hospitals:>12}  {moved:>10}  {mean:>7} / {max:<7}  "
        "{over30:>8}  {over60:>8}  {margin_change_cents}",
        "en": "  {norm:>4}  {status:<24} {hospitals:>12}  {moved:>10}  {mean:>7} / {max:<7}  "
        "{over30:>8}  {over60:>8}  {margin_change_cents}",
    },
    "sweep_row_unsolved": {
        "nl": "  {norm:>4}  {status:<24} {reason}",
        "en": "  {norm:>4}  {status:<24} {reason}",
    },
    "sweep_shifted": {"nl": "        {reason}", "en": "        {reason}"},
    "sweep_proposals": {
        "nl": "        nieuwe afspraken nodig: {proposals}",
        "en": "        new agreements needed: {proposals}",
    },
    "sweep_progress": {"nl": "Normen doorrekenen", "en": "Solving the norms"},
    "sweep_status_optimal": {"nl": "optimaal", "en": "optimal"},
    "sweep_status_optimal_with_proposals": {
        "nl": "optimaal met voorstellen",
        "en": "optimal with proposals",
    },
    "sweep_status_time_limit": {"nl": "tijdslimiet", "en": "time limit"},
    "sweep_status_infeasible": {"nl": "onhaalbaar", "en": "infeasible"},
    "sweep_status_not_solved": {"nl": "niet opgelost", "en": "not solved"},
    "sweep_note_scope": {
        "nl": "Per norm wordt {care_form} opnieuw verdeeld; de andere zorgvormen houden de "
        "verdeling van het optimum bij de huidige norm {current}. Past {care_form} daar niet "
        "bij (capaciteit, verplaatsingsgrens of margegrens), dan schuiven hun aantallen binnen "
        "hun ziekenhuizen (zie de toelichting bij die norm).",
        "en": "For each norm {care_form} is redistributed; the other care forms keep the "
        "allocation of the optimum at the current norm {current}. Where {care_form} does not fit "
        "with it (capacity, move limit or margin floor), their cases shift between their "
        "hospitals (see the explanation at that norm).",
    },
    "sweep_reason_shifted": {
        "nl": "{care_form} past niet bij de ongewijzigde verdeling van de andere zorgvormen "
        "(capaciteit, verplaatsingsgrens of margegrens): hun aantallen schuiven binnen hun "
        "ziekenhuizen",
        "en": "{care_form} does not fit with the other care forms' allocation unchanged "
        "(capacity, move limit or margin floor): their cases shift between their hospitals",
    },
    "sweep_note_travel": {
        "nl": "Extra reistijd: minuten van het eigen ziekenhuis naar het uitvoerende, per "
        "verplaatste patiënt van {care_form}, ten opzichte van behandeling in het eigen "
        "ziekenhuis.",
        "en": "Extra travel: minutes from the own hospital to the performing one, per moved "
        "patient of {care_form}, against treatment in the own hospital.",
    },
    "sweep_col_norm": {"nl": "Norm", "en": "Norm"},
    "sweep_col_status": {"nl": "Status", "en": "Status"},
    "sweep_col_hospitals": {"nl": "Ziekenhuizen die uitvoeren", "en": "Hospitals performing"},
    "sweep_col_moved": {"nl": "Verplaatste casussen", "en": "Cases moved"},
    "sweep_col_moved_region": {
        "nl": "Verplaatst in de regio (alle zorgvormen)",
        "en": "Moved in the region (all care forms)",
    },
    "sweep_col_reason": {"nl": "Toelichting", "en": "Explanation"},
    "sweep_col_travel_mean": {
        "nl": "Gem. extra reistijd (min)",
        "en": "Mean extra travel (min)",
    },
    "sweep_col_travel_max": {"nl": "Max. extra reistijd (min)", "en": "Max extra travel (min)"},
    "sweep_col_over30": {"nl": "Aandeel > 30 min extra", "en": "Share > 30 min extra"},
    "sweep_col_over60": {"nl": "Aandeel > 60 min extra", "en": "Share > 60 min extra"},
    "sweep_col_margin_change": {
        "nl": "Margeverschil regio",
        "en": "Region margin change",
    },
    "sweep_col_proposals": {"nl": "Nieuwe afspraken", "en": "New agreements"},
    "sweep_col_current": {"nl": "Huidige norm", "en": "Current norm"},
    "sweep_sheet_summary": {"nl": "Normverkenning", "en": "Norm sweep"},
    "sweep_sheet_hospitals": {"nl": "Ziekenhuizen per norm", "en": "Hospitals per norm"},
    "sweep_sheet_assumptions": {"nl": "Uitgangspunten", "en": "Assumptions"},
    "sweep_performs": {"nl": "{cases} casussen", "en": "{cases} cases"},
    "proj_to_before_from": {
        "nl": "--to moet op of na --from liggen",
        "en": "--to must be on or after --from",
    },
    "sweep_unknown_care_form": {
        "nl": "onbekende zorgvorm; bekend: {known}",
        "en": "unknown care form; known: {known}",
    },
    "sweep_highs_only": {
        "nl": "de normverkenning lost opnieuw op met HiGHS; kies --solver highs",
        "en": "the norm sweep re-solves with HiGHS; choose --solver highs",
    },
    # ------------------------------------------------------------------ dashboard page
    "ui_page_multiyear": {"nl": "Meerjarig", "en": "Years ahead"},
    "my_header": {"nl": "Meerjarig: jaren vooruit en normen", "en": "Years ahead and norms"},
    "my_tab_projection": {"nl": "Projectie per jaar", "en": "Projection by year"},
    "my_tab_sweep": {"nl": "Normverkenning", "en": "Norm sweep"},
    "my_no_volumes": {
        "nl": "Deze gegevens hebben geen productie (volumes) voor dit jaar.",
        "en": "This data has no volumes for this year.",
    },
    "my_base_year": {"nl": "Basisjaar (met productie)", "en": "Base year (with volumes)"},
    "my_last_year": {"nl": "Tot en met jaar", "en": "Through year"},
    "my_cannot_project": {
        "nl": "De projectie kan niet worden berekend:",
        "en": "The projection cannot be computed:",
    },
    "my_download_projection": {
        "nl": "Download de projectie (Excel)",
        "en": "Download the projection (Excel)",
    },
    "my_or_full": {
        "nl": "{hospital} komt in {year} boven het planningsplafond van zijn OK-capaciteit.",
        "en": "{hospital} goes above the planning ceiling of its OR capacity in {year}.",
    },
    "my_or_enough": {
        "nl": "De OK- en beddencapaciteit volstaan tot en met {last} in alle ziekenhuizen.",
        "en": "OR and bed capacity suffice through {last} in every hospital.",
    },
    "my_beds_full": {
        "nl": "{hospital} komt in {year} boven het planningsplafond van zijn bedden.",
        "en": "{hospital} goes above the planning ceiling of its beds in {year}.",
    },
    "my_full_mark": {"nl": "vol in {year}", "en": "full in {year}"},
    "my_topic_beds": {"nl": "Beddenbezetting", "en": "Bed occupancy"},
    "my_topic": {"nl": "Onderwerp", "en": "Topic"},
    "my_topic_cases": {"nl": "Casussen", "en": "Cases"},
    "my_topic_or": {"nl": "OK-benutting", "en": "OR utilisation"},
    "my_topic_margin": {"nl": "Marge", "en": "Margin"},
    "my_topic_revenue": {"nl": "Omzet", "en": "Revenue"},
    "my_topic_settlement": {"nl": "Verrekening", "en": "Settlement"},
    "my_norms_caption": {
        "nl": "Normen gehaald per jaar: gehaald / zorgvormen met een norm die het ziekenhuis "
        "uitvoert.",
        "en": "Norms met per year: met / care forms with a norm the hospital performs.",
    },
    "my_care_form": {"nl": "Zorgvorm", "en": "Care form"},
    "my_norm_from": {"nl": "Norm van", "en": "Norm from"},
    "my_norm_to": {"nl": "Norm tot en met", "en": "Norm through"},
    "my_norm_step": {"nl": "Stap", "en": "Step"},
    "my_free_moves": {
        "nl": "Verplaatsen zonder afspraak toestaan",
        "en": "Allow moves without an agreement",
    },
    "my_norms_empty": {
        "nl": "Kies een bereik met ten minste één norm.",
        "en": "Choose a range with at least one norm.",
    },
    "my_run_sweep": {"nl": "Normen doorrekenen", "en": "Solve the norms"},
    "my_sweep_hint": {
        "nl": "{count} normen; elke norm is een optimalisatie van de regio.",
        "en": "{count} norms; each norm is an optimisation of the region.",
    },
    "my_current_norm": {"nl": "nu {norm}", "en": "now {norm}"},
    "my_proposals_caption": {
        "nl": "Nieuwe afspraken die nodig zijn per norm:",
        "en": "New agreements needed per norm:",
    },
    # ------------------------------------------------------------------ both
    "run_interrupted": {
        "nl": "Afgebroken met Ctrl-C na {done} van {total}; er is niets weggeschreven.",
        "en": "Stopped with Ctrl-C after {done} of {total}; nothing was written.",
    },
    "proj_amounts_too_large": {
        "nl": "groei en indexatie maken de bedragen in {year} te groot om tot op de cent te "
        "rekenen; projecteer tot en met {last_ok} of verlaag de groei of de indexatie",
        "en": "growth and indexation make the amounts in {year} too large to compute to the "
        "cent; project up to {last_ok} or lower the growth or the indexation",
    },
    "norms_range_bad": {
        "nl": "--norms verwacht VAN:TOT:STAP met hele getallen, VAN ≤ TOT en STAP ≥ 1 "
        "(bijv. 10:60:5)",
        "en": "--norms expects FROM:TO:STEP with whole numbers, FROM ≤ TO and STEP ≥ 1 "
        "(e.g. 10:60:5)",
    },
}
