"""Texts of the dashboard area, by code: {code: {"nl": ..., "en": ...}}.

Every code starts with ``ui_``. Placeholders are the message's parameters (see :mod:`messages`).
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "ui_language": {"nl": "Taal", "en": "Language"},
    "ui_year": {"nl": "Jaar", "en": "Year"},
    "ui_data_source": {"nl": "Gegevens", "en": "Data"},
    "ui_sample_name": {
        "nl": "Voorbeeldregio (illustratieve cijfers)",
        "en": "Sample region (illustrative figures)",
    },
    "ui_page_data": {"nl": "Data", "en": "Data"},
    "ui_page_baseline": {"nl": "Uitgangssituatie", "en": "Baseline"},
    "ui_page_scenario": {"nl": "Scenario", "en": "Scenario"},
    "ui_page_settlement": {"nl": "Verrekening", "en": "Settlement"},
    "ui_page_compare": {"nl": "Scenario's vergelijken", "en": "Compare scenarios"},
    "ui_upload": {"nl": "Werkmap uploaden (.xlsx)", "en": "Upload a workbook (.xlsx)"},
    "ui_upload_help": {
        "nl": "Een Excel-werkmap volgens het sjabloon hieronder. Ze vervangt de voorbeeldregio "
        "pas als ze zonder fouten is ingelezen.",
        "en": "An Excel workbook following the template below. It replaces the sample region "
        "only once it has been read without errors.",
    },
    "ui_upload_how": {
        "nl": "Sleep de werkmap naar het vak hierboven of klik op 'Browse files' om haar te "
        "kiezen; één .xlsx-bestand van hoogstens 50 MB.",
        "en": "Drag the workbook onto the box above or click 'Browse files' to choose it; one "
        ".xlsx file of at most 50 MB.",
    },
    "ui_use_sample": {"nl": "Terug naar de voorbeeldregio", "en": "Back to the sample region"},
    "ui_template": {"nl": "Leeg sjabloon downloaden", "en": "Download an empty template"},
    "ui_sheet": {"nl": "Tabblad", "en": "Sheet"},
    "ui_row": {"nl": "Rij", "en": "Row"},
    "ui_column": {"nl": "Kolom", "en": "Column"},
    "ui_value": {"nl": "Gevonden", "en": "Found"},
    "ui_problem": {"nl": "Probleem", "en": "Problem"},
    "ui_hospital": {"nl": "Ziekenhuis", "en": "Hospital"},
    "ui_hospitals": {"nl": "Ziekenhuizen", "en": "Hospitals"},
    "ui_sample_note": {
        "nl": "De voorbeeldregio is fictief: alle cijfers zijn illustratief, geen echte "
        "tarieven of productie.",
        "en": "The sample region is fictional: all figures are illustrative, not real "
        "tariffs or production.",
    },
    "ui_care_form": {"nl": "Zorgvorm", "en": "Care form"},
    "ui_volumes": {
        "nl": "Volumes per ziekenhuis en zorgvorm (uitvoerend)",
        "en": "Volumes per hospital and care form (performing)",
    },
    "ui_or_use": {
        "nl": "OK-minuten gebruikt (balk) tegen beschikbaar (streep)",
        "en": "OR minutes used (bar) against available (tick)",
    },
    "ui_or_minutes": {"nl": "OK-minuten", "en": "OR minutes"},
    "ui_utilisation": {"nl": "Bezetting", "en": "Utilisation"},
    "ui_norms": {
        "nl": "Volumenormen (✓ lichtblauw = gehaald, ✗ wijnrood = niet gehaald)",
        "en": "Volume norms (✓ light blue = met, ✗ wine red = not met)",
    },
    "ui_meets": {"nl": "gehaald", "en": "met"},
    "ui_not_meets": {"nl": "niet gehaald", "en": "not met"},
    "ui_money": {
        "nl": "Opbrengst, onderlinge verrekening en marge",
        "en": "Revenue, settlement between hospitals and margin",
    },
    "ui_revenue": {"nl": "Opbrengst verzekeraars", "en": "Insurer revenue"},
    "ui_settlement": {"nl": "Onderlinge verrekening", "en": "Settlement between hospitals"},
    "ui_variable_cost": {"nl": "Variabele kosten", "en": "Variable cost"},
    "ui_margin": {"nl": "Marge", "en": "Margin"},
    "ui_margin_change": {"nl": "Verandering van de marge", "en": "Change of margin"},
    "ui_before": {"nl": "voor", "en": "before"},
    "ui_after": {"nl": "na", "en": "after"},
    "ui_manual": {"nl": "Handmatig (aandelen per afspraak)", "en": "Manual (shares per agreement)"},
    "ui_optimised": {"nl": "Geoptimaliseerd", "en": "Optimised"},
    "ui_share": {"nl": "Aandeel", "en": "Share"},
    "ui_mode": {"nl": "Vorm", "en": "Mode"},
    "ui_agreement": {"nl": "Afspraak", "en": "Agreement"},
    "ui_sending": {"nl": "Verwijzer", "en": "Sending"},
    "ui_performing": {"nl": "Uitvoerder", "en": "Performing"},
    "ui_w_travel": {"nl": "Gewicht reistijd", "en": "Weight of travel time"},
    "ui_w_move": {
        "nl": "Gewicht per verplaatste patiënt (reisminuten)",
        "en": "Weight per moved patient (travel minutes)",
    },
    "ui_free_moves": {
        "nl": "Verplaatsingen zonder afspraak toestaan",
        "en": "Allow moves without an agreement",
    },
    "ui_fractional": {
        "nl": "Aantallen met decimalen toestaan",
        "en": "Allow fractional numbers of patients",
    },
    "ui_objective": {"nl": "Wat telt het zwaarst", "en": "What counts most"},
    "ui_objective_order": {
        "nl": "Doelen in volgorde: haalbaar, zo min mogelijk patiënten verplaatsen, dan reistijd",
        "en": "Goals in order: feasible, the fewest patients moved, then travel",
    },
    "ui_objective_weighted": {
        "nl": "Verplaatsingen en reistijd tegen elkaar afwegen",
        "en": "Weigh moves against travel",
    },
    "ui_objective_travel": {
        "nl": "Kortste reistijd eerst (ook als bestaande stromen veranderen)",
        "en": "Shortest travel first (even where today's flows change)",
    },
    "ui_w_move_help": {
        "nl": "Alleen bij afwegen: zoveel reisminuten weegt één patiënt die naar een ander "
        "ziekenhuis gaat dan vandaag.",
        "en": "Only when weighing: one patient treated in another hospital than today weighs "
        "as many travel minutes.",
    },
    "ui_max_utilisation": {
        "nl": "Planningsplafond OK en bedden (%, 0 = uit het werkboek)",
        "en": "Planning ceiling OR and beds (%, 0 = from the workbook)",
    },
    "ui_max_utilisation_help": {
        "nl": "Geen plan gebruikt meer dan dit deel van de OK-minuten en beddagen van een "
        "ziekenhuis. Leeg in het werkboek betekent 90 %.",
        "en": "No plan uses more than this share of a hospital's OR minutes and bed-days. "
        "Blank in the workbook means 90 %.",
    },
    "ui_goals": {
        "nl": "**Doelen van deze berekening**, in de volgorde waarin ze tellen:",
        "en": "**Goals of this run**, in the order they count:",
    },
    "ui_left": {"nl": "Uit ziekenhuis", "en": "From hospital"},
    "ui_why_moves": {
        "nl": "**Waarom deze patiënten verschuiven:**",
        "en": "**Why these patients move:**",
    },
    "ui_why_move": {
        "nl": "{care_form}, {sending} → {performing} ({cases}): {reasons}",
        "en": "{care_form}, {sending} → {performing} ({cases}): {reasons}",
    },
    "ui_tot_further": {"nl": "Reizen verder", "en": "Travel further"},
    "ui_tot_further_value": {"nl": "{n} · +{minutes} min", "en": "{n} · +{minutes} min"},
    "ui_tot_further_help": {
        "nl": "Patiënten in een ander ziekenhuis dan vandaag die verder reizen, en hun "
        "gemiddelde extra reistijd; hoogstens {largest} minuten extra.",
        "en": "Patients in another hospital than today who travel further, and their average "
        "extra travel; at most {largest} extra minutes.",
    },
    "ui_tot_closer": {"nl": "Patiënten dichter bij huis", "en": "Patients closer to home"},
    "ui_caps_follow": {
        "nl": "Omzetplafonds verhuizen mee met de patiënten",
        "en": "Revenue caps move with the patients",
    },
    "ui_caps_follow_help": {
        "nl": "De plafondruimte per verzekeraar gaat mee naar het uitvoerende ziekenhuis, tegen "
        "de contractprijs van het verwijzende ziekenhuis (alleen tussen twee contracten met een "
        "plafond).",
        "en": "Each insurer's cap room moves to the performing hospital at the sending hospital's "
        "contract price (only between two contracts with a cap).",
    },
    "ui_time_limit": {"nl": "Rekentijd (seconden)", "en": "Time limit (seconds)"},
    "ui_norm_overrides": {
        "nl": "Wat als een norm anders is? Kies een zorgvorm en zijn norm.",
        "en": "What if a norm were different? Choose a care form and its norm.",
    },
    "ui_norm": {"nl": "Volumenorm (casussen per jaar)", "en": "Volume norm (cases per year)"},
    "ui_run": {"nl": "Optimaliseren", "en": "Optimise"},
    "ui_running": {"nl": "Het model wordt opgelost…", "en": "Solving the model…"},
    "ui_flow_matrix": {
        "nl": "Stromen van verwijzer (rij) naar uitvoerder (kolom)",
        "en": "Flows from sending (row) to performing (column)",
    },
    "ui_cases_per_hospital": {
        "nl": "Casussen per uitvoerend ziekenhuis",
        "en": "Cases per performing hospital",
    },
    "ui_shadow_prices": {
        "nl": "Wat een extra OK-uur oplevert",
        "en": "What one more OR hour is worth",
    },
    "ui_save_name": {"nl": "Naam van het scenario", "en": "Scenario name"},
    "ui_save": {"nl": "Scenario bewaren", "en": "Save scenario"},
    "ui_saved": {"nl": "Bewaard als '{name}'.", "en": "Saved as '{name}'."},
    "ui_source": {"nl": "Bron", "en": "Source"},
    "ui_summary": {"nl": "Samenvatting per ziekenhuis", "en": "Summary per hospital"},
    "ui_pairs": {"nl": "Afrekening per paar", "en": "Pair statements"},
    "ui_payments": {"nl": "Betalingen (regionale verrekening)", "en": "Payments (clearing)"},
    "ui_exceptions": {"nl": "Uitzonderingen (niet verrekend)", "en": "Exceptions (not settled)"},
    "ui_monitoring": {"nl": "Monitoring van afspraken", "en": "Monitoring of agreements"},
    "ui_download_settlement": {
        "nl": "Verrekenwerkmap downloaden",
        "en": "Download the settlement workbook",
    },
    "ui_invariants_ok": {
        "nl": "Alle controles in orde (posities tellen op tot € 0).",
        "en": "All checks hold (positions sum to € 0).",
    },
    "ui_invariants_bad": {"nl": "Controle geschonden: {what}", "en": "Check broken: {what}"},
    "ui_no_saved": {
        "nl": "Nog geen bewaarde scenario's. Bewaar er een op de pagina Scenario.",
        "en": "No saved scenarios yet. Save one on the Scenario page.",
    },
    "ui_choose": {"nl": "Kies scenario's", "en": "Choose scenarios"},
    "ui_delete": {"nl": "Verwijderen", "en": "Delete"},
    "ui_norms_met": {"nl": "Normen gehaald", "en": "Norms met"},
    "ui_declared": {"nl": "Gedeclareerd", "en": "Declared"},
    "ui_paid": {"nl": "Uitbetaald", "en": "Paid"},
    "ui_net_position": {"nl": "Nettopositie", "en": "Net position"},
    "ui_payer": {"nl": "Betaler", "en": "Payer"},
    "ui_payee": {"nl": "Ontvanger", "en": "Payee"},
    "ui_amount": {"nl": "Bedrag", "en": "Amount"},
    "ui_kind": {"nl": "Soort", "en": "Kind"},
    "ui_key": {"nl": "Sleutel (dbc of regel)", "en": "Key (DBC or row)"},
    "ui_partner": {"nl": "Partner", "en": "Partner"},
    "ui_message": {"nl": "Toelichting", "en": "Explanation"},
    "ui_patient": {"nl": "Patiënt (pseudoniem)", "en": "Patient (pseudonym)"},
    "ui_planned": {"nl": "Gepland", "en": "Planned"},
    "ui_realised": {"nl": "Gerealiseerd", "en": "Realised"},
    "ui_deviation": {"nl": "Afwijking", "en": "Deviation"},
    "ui_no_volumes_year": {"nl": "Geen volumes voor {year}.", "en": "No volumes for {year}."},
    "ui_scenario_name": {"nl": "Scenario", "en": "Scenario"},
    "ui_scenario_kind": {"nl": "Soort", "en": "Kind"},
    "ui_pair_no_agreement": {
        "nl": "zonder afspraak (zie de uitzonderingen)",
        "en": "without an agreement (see the exceptions)",
    },
    "ui_pair_why": {"nl": "**{kind}**: ", "en": "**{kind}**: "},
    "ui_pair_why_secondment_contract": {
        "nl": "een detacheringscontract tussen beide; geen zorgafspraak nodig.",
        "en": "a secondment contract between the two; no care agreement needed.",
    },
    "ui_pair_why_network_costs": {
        "nl": "gedeelde kosten van het netwerk, voorgeschoten door de penvoerder en naar de "
        "verdeelsleutel terugbetaald; geen zorgafspraak tussen beide nodig.",
        "en": "shared costs of the network, paid by the treasurer and paid back by the key; no "
        "care agreement between the two needed.",
    },
    "ui_pair_why_compensation": {
        "nl": "de regionale verdeling van de winst van een plan; geen zorgafspraak tussen beide "
        "nodig.",
        "en": "the region's split of a plan's gain; no care agreement between the two needed.",
    },
    "ui_basis": {"nl": "Grond", "en": "Basis"},
    "ui_net_odv": {"nl": "ODV", "en": "ODV"},
    "ui_net_secondment": {"nl": "Detachering", "en": "Secondment"},
    "ui_net_contract": {"nl": "Detacheringscontracten", "en": "Secondment contracts"},
    "ui_net_network": {"nl": "Netwerkkosten", "en": "Network costs"},
    "ui_net_compensation": {"nl": "Compensatie", "en": "Compensation"},
    "ui_net_explained": {
        "nl": "Tussen de ziekenhuizen per soort het saldo: positief te ontvangen, negatief te "
        "betalen. De verrekenwerkmap geeft beide kanten apart.",
        "en": "Between the hospitals the balance per kind: positive to receive, negative to "
        "pay. The settlement workbook has both sides apart.",
    },
    "ui_total": {"nl": "Totaal", "en": "Total"},
    "ui_summary_insurers": {
        "nl": "Met de zorgverzekeraars",
        "en": "With the insurers",
    },
    "ui_summary_between": {
        "nl": "Tussen de ziekenhuizen",
        "en": "Between the hospitals",
    },
    "ui_norm_label": {"nl": "{care_form} (norm {norm})", "en": "{care_form} (norm {norm})"},
    "ui_scenario_kind_optimised": {"nl": "geoptimaliseerd", "en": "optimised"},
    "ui_scenario_kind_manual": {"nl": "handmatig", "en": "manual"},
    "ui_today_year": {"nl": "vandaag ({year})", "en": "today ({year})"},
    "ui_pack_which": {
        "nl": "Bestuursdocument van scenario",
        "en": "Board pack of scenario",
    },
    "ui_scenario_saved_at": {"nl": "Bewaard op", "en": "Saved at"},
    "ui_page_regio": {"nl": "Regio", "en": "Region"},
    "ui_page_regio_year": {"nl": "De regio in {year}", "en": "The region in {year}"},
    "ui_page_baseline_year": {"nl": "Uitgangssituatie {year}", "en": "Baseline {year}"},
    "ui_page_scenario_year": {"nl": "Scenario {year}", "en": "Scenario {year}"},
    "ui_page_settlement_year": {"nl": "Verrekening {year}", "en": "Settlement {year}"},
    "ui_whole_file": {"nl": "(hele bestand)", "en": "(whole file)"},
    "ui_points": {"nl": "{value} %-punt", "en": "{value} %-points"},
    "ui_solved": {"nl": "Klaar", "en": "Done"},
    "ui_x_of_y": {"nl": "{x} van {y}", "en": "{x} of {y}"},
    "ui_kf_cases": {"nl": "Casussen in de regio", "en": "Cases in the region"},
    "ui_kf_or_use": {"nl": "OK-bezetting regio", "en": "OR utilisation of the region"},
    "ui_kf_or_use_help": {
        "nl": "Gebruikte OK-minuten van alle ziekenhuizen samen, gedeeld door de beschikbare.",
        "en": "OR minutes used by all hospitals together, divided by those available.",
    },
    "ui_kf_norms": {"nl": "Volumenormen gehaald", "en": "Volume norms met"},
    "ui_kf_norms_help": {
        "nl": "Ziekenhuizen × zorgvormen met een norm die het ziekenhuis uitvoert.",
        "en": "Hospitals × care forms with a norm that the hospital performs.",
    },
    "ui_kf_settled": {"nl": "Verrekend tussen ziekenhuizen", "en": "Settled between hospitals"},
    "ui_kf_settled_help": {
        "nl": "Het totaal van de betalingen na regionale verrekening; bron: {source}.",
        "en": "The total of the payments after regional clearing; source: {source}.",
    },
    "ui_kf_no_settlement": {
        "nl": "Voor dit jaar zijn er geen registraties of volumes om te verrekenen.",
        "en": "This year has no registrations or volumes to settle.",
    },
    "ui_and_more": {"nl": "… en nog {n}", "en": "… and {n} more"},
    "ui_attention": {"nl": "Wat aandacht vraagt", "en": "What needs attention"},
    "ui_att_norms": {
        "nl": "{n} keer een volumenorm niet gehaald",
        "en": "{n} volume norms not met",
    },
    "ui_att_norms_none": {"nl": "Alle volumenormen gehaald", "en": "All volume norms met"},
    "ui_att_norm_line": {
        "nl": "{hospital} · {care_form}: {cases} casussen, norm {norm}",
        "en": "{hospital} · {care_form}: {cases} cases, norm {norm}",
    },
    "ui_att_or": {
        "nl": "{n} ziekenhuis/ziekenhuizen boven het planningsplafond",
        "en": "{n} hospital(s) above the planning ceiling",
    },
    "ui_att_or_none": {
        "nl": "Geen ziekenhuis boven het planningsplafond",
        "en": "No hospital above the planning ceiling",
    },
    "ui_att_or_line": {
        "nl": "{hospital}: OK {use} (plafond {ceiling}), bedden {beds} (plafond {bed_ceiling})",
        "en": "{hospital}: OR {use} (ceiling {ceiling}), beds {beds} (ceiling {bed_ceiling})",
    },
    "ui_map_ceiling": {"nl": "planningsplafond", "en": "planning ceiling"},
    "ui_map_within": {"nl": "ruim binnen het plafond", "en": "well within the ceiling"},
    "ui_map_near": {"nl": "dicht bij het plafond", "en": "near the ceiling"},
    "ui_map_above": {"nl": "boven het plafond", "en": "above the ceiling"},
    "ui_att_exceptions": {
        "nl": "{n} uitzonderingen in de verrekening",
        "en": "{n} exceptions in the settlement",
    },
    "ui_att_exceptions_none": {
        "nl": "Geen uitzonderingen in de verrekening",
        "en": "No exceptions in the settlement",
    },
    "ui_map_no_positions": {
        "nl": "De ziekenhuizen hebben geen positie (lat/lon) in de gegevens; de kaart blijft leeg.",
        "en": "The hospitals have no position (lat/lon) in the data; the map stays empty.",
    },
    "ui_map_cases": {"nl": "Casussen uitgevoerd", "en": "Cases performed"},
    "ui_map_utilisation": {"nl": "OK-bezetting", "en": "OR utilisation"},
    "ui_map_moved": {"nl": "Casussen verplaatst", "en": "Cases moved"},
    "ui_map_flow": {"nl": "Van → naar", "en": "From → to"},
    "ui_hospital_type": {"nl": "Soort ziekenhuis", "en": "Kind of hospital"},
    "ui_tip_cases": {"nl": "Casussen", "en": "Cases"},
    "ui_tip_norm": {"nl": "Norm", "en": "Norm"},
    "ui_tip_norm_state": {"nl": "Norm gehaald", "en": "Norm met"},
    "ui_tip_phase": {"nl": "Situatie", "en": "Situation"},
    "ui_tip_scenario": {"nl": "Scenario", "en": "Scenario"},
    "ui_tip_move": {"nl": "Verplaatsing", "en": "Move"},
    "ui_tip_or_available": {"nl": "OK-minuten beschikbaar", "en": "OR minutes available"},
    "ui_map_caption": {
        "nl": "Cirkel: ziekenhuis, groter bij meer casussen, met de OK-bezetting in procenten; "
        "kleur naar het planningsplafond (blauw ruim binnen, oranje binnen 5 procentpunt, "
        "wijnrood erboven; hetzelfde plafond dat de optimalisatie begrenst). Lijn: patiënten die "
        "in een ander ziekenhuis worden behandeld, dikker bij meer casussen.",
        "en": "Circle: hospital, larger with more cases, with its OR utilisation in per cent; "
        "colour against the planning ceiling (blue well within, orange within 5 percentage "
        "points, wine above; the same ceiling that bounds the optimisation). Line: patients "
        "treated in another hospital, thicker with more cases.",
    },
    "ui_type_umc": {"nl": "umc", "en": "university medical centre"},
    "ui_type_topklinisch": {"nl": "topklinisch ziekenhuis", "en": "top clinical hospital"},
    "ui_type_algemeen": {"nl": "algemeen ziekenhuis", "en": "general hospital"},
    "ui_shares_explained": {
        "nl": "Een **aandeel** is het deel van de patiënten die de verwijzer nu zelf behandelt "
        "dat voortaan naar de uitvoerder gaat. Alle aandelen staan op 0\u00a0%: dat is de situatie "
        "van vandaag; pas er één aan en het effect verschijnt hieronder.",
        "en": "A **share** is the part of the patients the sending hospital treats itself today "
        "that goes to the performing hospital from now on. All shares start at 0\u00a0%: that is "
        "today's situation; change one and its effect shows below.",
    },
    "ui_start_planned": {
        "nl": "Begin met de geplande aandelen uit de werkmap",
        "en": "Start from the shares planned in the workbook",
    },
    "ui_planned_explained": {
        "nl": "De werkmap plant deze aandelen per afspraak; ze worden bovenop de stromen van "
        "vandaag verplaatst, daarom verschilt het resultaat al zonder dat u iets wijzigt.",
        "en": "The workbook plans these shares per agreement; they are moved on top of today's "
        "flows, which is why the result differs before you change anything.",
    },
    "ui_nothing_moves": {
        "nl": "Er verschuift nog niets ten opzichte van vandaag.",
        "en": "Nothing moves yet compared with today.",
    },
    "ui_tot_margin": {"nl": "Marge van de regio", "en": "Margin of the region"},
    "ui_tot_cases_moved": {"nl": "Casussen verplaatst", "en": "Cases moved"},
    "ui_minutes": {"nl": "{value} min", "en": "{value} min"},
    "ui_money_source_volumes": {
        "nl": "Bedragen volgens de volumes van het jaar, tegen benchmarkprijzen en contracten.",
        "en": "Amounts from the year's volumes, at benchmark prices and contracts.",
    },
    "ui_what_moves": {"nl": "Wat verschuift", "en": "What moves"},
    "ui_moves_chart_title": {
        "nl": "Verplaatste casussen per stroom",
        "en": "Cases moved per flow",
    },
    "ui_from": {"nl": "Patiënten van", "en": "Patients of"},
    "ui_to": {"nl": "Naar", "en": "To"},
    "ui_cases_moved": {"nl": "Casussen", "en": "Cases"},
    "ui_extra_travel": {"nl": "Extra reistijd", "en": "Extra travel"},
    "ui_agreement_kind": {"nl": "Op grond van", "en": "Based on"},
    "ui_agreement_existing": {"nl": "bestaande afspraak", "en": "existing agreement"},
    "ui_agreement_new": {"nl": "voorgestelde nieuwe afspraak", "en": "proposed new agreement"},
    "ui_agreement_own": {
        "nl": "terug naar het eigen ziekenhuis",
        "en": "back to the patients' own hospital",
    },
    "ui_agreement_status_quo": {
        "nl": "stroom van vandaag zonder afspraak",
        "en": "today's flow without an agreement",
    },
    "ui_agreement_free": {"nl": "zonder afspraak", "en": "without an agreement"},
    "ui_gains_losses": {"nl": "Wie wint, wie verliest", "en": "Who gains, who loses"},
    "ui_flows_before_after": {"nl": "Stromen voor en na", "en": "Flows before and after"},
    "ui_map_before": {"nl": "Vandaag", "en": "Today"},
    "ui_map_after": {"nl": "Met dit scenario", "en": "With this scenario"},
    "ui_details": {
        "nl": "Details: OK-bezetting, volumenormen en stromen na het scenario",
        "en": "Details: OR use, volume norms and flows after the scenario",
    },
    "ui_mode_referral": {"nl": "verwijzing", "en": "referral"},
    "ui_mode_parallel": {"nl": "parallel declareren", "en": "parallel declaration"},
    "ui_mode_odv": {
        "nl": "onderlinge dienstverlening (ODV)",
        "en": "services between hospitals (ODV)",
    },
    "ui_download_scenario": {
        "nl": "Scenario downloaden (Excel)",
        "en": "Download the scenario (Excel)",
    },
    "ui_optimiser_explained": {
        "nl": "Het model begint bij vandaag. Het zoekt een plan dat de volumenormen haalt en de "
        "OK en bedden binnen het planningsplafond houdt, met zo min mogelijk nieuwe afspraken "
        "en zo min mogelijk patiënten in een ander ziekenhuis dan vandaag; bestaande afspraken "
        "blijven staan tenzij het niet anders kan. Daarna pas telt de reistijd. Bij elke "
        "verschuiving staat waarom.",
        "en": "The model starts from today. It looks for a plan that meets the volume norms "
        "and keeps OR and beds within the planning ceiling, with the fewest new agreements and "
        "the fewest patients in another hospital than today; agreements in force stay unless "
        "nothing else works. Only then does travel count. Every move says why.",
    },
    "ui_status_optimal": {
        "nl": "De beste verdeling is gevonden.",
        "en": "The best distribution was found.",
    },
    "ui_status_optimal_with_proposals": {
        "nl": "Met de afspraken van nu lukt het niet; met nieuwe afspraken ({n}) wel. "
        "De voorstellen staan hieronder.",
        "en": "The agreements in force are not enough; new agreements ({n}) make it work. "
        "The proposals are below.",
    },
    "ui_status_time_limit": {
        "nl": "De rekentijd was op: dit is de beste verdeling tot nu toe, misschien kan het "
        "nog beter.",
        "en": "The time limit was reached: this is the best distribution so far; there may be "
        "a better one.",
    },
    "ui_status_time_limit_empty": {
        "nl": "De rekentijd was op voordat er een verdeling was; geef meer rekentijd.",
        "en": "The time limit passed before any distribution was found; allow more time.",
    },
    "ui_status_infeasible": {
        "nl": "Zo is het niet haalbaar: geen verdeling voldoet aan alle eisen. "
        "Wat er tekortschiet:",
        "en": "This is not feasible: no distribution meets every requirement. What falls short:",
    },
    "ui_what_to_change": {
        "nl": "Wat u kunt doen: sta verplaatsingen zonder afspraak toe, verlaag een volumenorm, "
        "of geef het ziekenhuis dat tekortkomt meer OK-tijd.",
        "en": "What you can do: allow moves without an agreement, lower a volume norm, or give "
        "the hospital that falls short more OR time.",
    },
    "ui_proposals": {"nl": "Voorgestelde nieuwe afspraken", "en": "Proposed new agreements"},
    "ui_shadow_line": {
        "nl": "Een extra OK-uur bij {hospital} bespaart {minutes} reisminuten.",
        "en": "One more OR hour at {hospital} saves {minutes} minutes of travel.",
    },
    "ui_shadow_line_weighted": {
        "nl": "Een extra OK-uur bij {hospital} maakt de uitkomst {points} punten beter "
        "(reistijd en verplaatsingen samen gewogen).",
        "en": "One more OR hour at {hospital} improves the outcome by {points} points "
        "(travel and moves weighed together).",
    },
    "ui_shadow_none": {
        "nl": "Extra OK-tijd levert nergens iets op: geen ziekenhuis zit aan zijn OK-grens.",
        "en": "More OR time would not help anywhere: no hospital is at its OR limit.",
    },
    "ui_name_empty": {
        "nl": "Geef het scenario eerst een naam.",
        "en": "Give the scenario a name first.",
    },
    "ui_overwrite_ask": {
        "nl": "Er is al een scenario '{name}'. Overschrijven?",
        "en": "A scenario '{name}' exists already. Overwrite it?",
    },
    "ui_overwrite": {"nl": "Overschrijven", "en": "Overwrite"},
    "ui_cancel": {"nl": "Annuleren", "en": "Cancel"},
    "ui_delete_which": {"nl": "Scenario verwijderen", "en": "Delete a scenario"},
    "ui_delete_none": {"nl": "(kies een scenario)", "en": "(choose a scenario)"},
    "ui_delete_ask": {
        "nl": "Scenario '{name}' definitief verwijderen?",
        "en": "Delete scenario '{name}' for good?",
    },
    "ui_delete_yes": {"nl": "Ja, verwijderen", "en": "Yes, delete"},
    "ui_years_differ": {
        "nl": "Let op: deze scenario's gaan over verschillende jaren ({years}); de cijfers zijn "
        "niet zonder meer vergelijkbaar.",
        "en": "Note: these scenarios are about different years ({years}); their figures are not "
        "directly comparable.",
    },
    "ui_travel": {"nl": "Reistijd", "en": "Travel"},
    "ui_margin_sending": {"nl": "Marge verwijzer", "en": "Margin of the sending hospital"},
    "ui_margin_performing": {
        "nl": "Marge uitvoerder",
        "en": "Margin of the performing hospital",
    },
    "ui_not_solved": {"nl": "Geen verdeling mogelijk", "en": "No distribution possible"},
    "ui_no_registrations_year": {
        "nl": "Voor {year} zijn er geen registraties; de verrekening volgt uit de volumes.",
        "en": "There are no registrations for {year}; the settlement follows from the volumes.",
    },
    "ui_no_volumes_year_settle": {
        "nl": "Voor {year} zijn er geen volumes; verwijzingen en hun detachering ontbreken.",
        "en": "There are no volumes for {year}; referrals and their secondment are missing.",
    },
    "ui_money_source": {
        "nl": "Bedragen volgens {source}.",
        "en": "Amounts according to {source}.",
    },
    "ui_valid": {
        "nl": "In gebruik: {name} — {rows}",
        "en": "In use: {name} — {rows}",
    },
    "ui_sheet_rows": {"nl": "{sheet} {n} rijen", "en": "{sheet} {n} rows"},
    "ui_invalid_one": {
        "nl": "'{name}' is niet ingelezen: één probleem. Los het op in Excel en upload opnieuw.",
        "en": "'{name}' was not read: one problem. Fix it in Excel and upload again.",
    },
    "ui_invalid": {
        "nl": "'{name}' is niet ingelezen: {n} problemen. Los ze op in Excel en upload opnieuw.",
        "en": "'{name}' was not read: {n} problems. Fix them in Excel and upload again.",
    },
    "ui_still_using": {
        "nl": "De andere pagina's tonen nog: {name}.",
        "en": "The other pages still show: {name}.",
    },
    "ui_problems": {"nl": "Wat er mis is", "en": "What is wrong"},
    "ui_follow_on": {"nl": "Wat daaruit volgt", "en": "What follows from it"},
    "ui_follow_line": {
        "nl": "{rows} rijen verwijzen naar een code die niet op blad {target} staat "
        "({values}): {sheets}",
        "en": "{rows} rows refer to a code that is not on sheet {target} ({values}): {sheets}",
    },
    "ui_follow_cause": {
        "nl": "— waarschijnlijk door het probleem op {where}.",
        "en": "— probably because of the problem at {where}.",
    },
    "ui_code": {"nl": "Code", "en": "Code"},
    "ui_name": {"nl": "Naam", "en": "Name"},
    "ui_or_minutes_year": {"nl": "OK-minuten per jaar", "en": "OR minutes per year"},
    "ui_bed_days_year": {"nl": "Ligdagen per jaar", "en": "Bed-days per year"},
    "ui_position": {"nl": "Positie (breedte, lengte)", "en": "Position (latitude, longitude)"},
    "ui_upload_gone": {
        "nl": "De geüploade werkmap is niet meer beschikbaar (de server is herstart of de "
        "sessie is verlopen); de voorbeeldregio wordt getoond. Upload hem opnieuw op de "
        "pagina Data.",
        "en": "The uploaded workbook is no longer available (the server restarted or the "
        "session expired); the sample region is shown. Upload it again on the Data page.",
    },
    "ui_position_value": {"nl": "{lat}° NB, {lon}° OL", "en": "{lat}° N, {lon}° E"},
    "ui_tab_settlement": {"nl": "Verrekening", "en": "Settlement"},
    "ui_tab_steering": {"nl": "Kwartaalsturing", "en": "Quarterly steering"},
    "ui_monitoring_insurers": {
        "nl": "Gerealiseerd per verzekeraar (toestemming parallel declareren)",
        "en": "Realised per insurer (consent to parallel declaration)",
    },
    "ui_insurer": {"nl": "Verzekeraar", "en": "Insurer"},
    "ui_consent": {"nl": "Toestemming", "en": "Consent"},
    "ui_secondment_contracts": {"nl": "Detacheringscontracten", "en": "Secondment contracts"},
    "ui_contract": {"nl": "Contract", "en": "Contract"},
    "ui_from_paid": {"nl": "Van (ontvangt)", "en": "From (is paid)"},
    "ui_to_pays": {"nl": "Naar (betaalt)", "en": "To (pays)"},
    "ui_role": {"nl": "Functie", "en": "Role"},
    "ui_days": {"nl": "Dagen", "en": "Days"},
    "ui_hours": {"nl": "Uren", "en": "Hours"},
    "ui_hourly_rate": {"nl": "Uurtarief", "en": "Hourly rate"},
    "ui_network_costs": {"nl": "Netwerkkosten", "en": "Network costs"},
    "ui_cost": {"nl": "Kosten", "en": "Cost"},
    "ui_key_split": {"nl": "Verdeelsleutel", "en": "Key"},
    "ui_treasurer": {"nl": "Penningmeester", "en": "Treasurer"},
    "ui_until": {"nl": "Gegevens tot en met", "en": "Data up to"},
    "ui_steering_days": {
        "nl": "{days} van de {days_in_year} dagen van het jaar",
        "en": "{days} of the {days_in_year} days of the year",
    },
    "ui_planned_year": {"nl": "Gepland jaar", "en": "Planned year"},
    "ui_planned_to_date": {"nl": "Gepland tot nu", "en": "Planned to date"},
    "ui_realised_to_date": {"nl": "Gerealiseerd tot nu", "en": "Realised to date"},
    "ui_forecast_year": {"nl": "Prognose jaar", "en": "Forecast year"},
    "ui_quarter": {"nl": "Kwartaal", "en": "Quarter"},
    "ui_cases": {"nl": "Patiënten", "en": "Cases"},
    "ui_download_steering": {
        "nl": "Download de kwartaalsturing (Excel)",
        "en": "Download the quarterly steering (Excel)",
    },
}
