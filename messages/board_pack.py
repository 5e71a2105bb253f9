"""Texts of the board pack (issue 19, item 1): the PDF a board reads, by code:
{code: {"nl": ..., "en": ...}}.

Placeholders are the message's parameters (see :mod:`messages`).
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "pack_title": {
        "nl": "Spreiding van zorg in de regio — plan voor {year}",
        "en": "Spreading care in the region — plan for {year}",
    },
    "pack_subtitle": {
        "nl": "Bestuursdocument bij werkboek {book}, opgesteld op {date}",
        "en": "Board paper on workbook {book}, drawn up on {date}",
    },
    "pack_footer": {
        "nl": "Werkboek SHA-256 {sha256} · Spreiding {version} · {date}",
        "en": "Workbook SHA-256 {sha256} · Spreiding {version} · {date}",
    },
    "pack_date": {"nl": "{day} {month} {year}", "en": "{day} {month} {year}"},
    "pack_month_1": {"nl": "januari", "en": "January"},
    "pack_month_2": {"nl": "februari", "en": "February"},
    "pack_month_3": {"nl": "maart", "en": "March"},
    "pack_month_4": {"nl": "april", "en": "April"},
    "pack_month_5": {"nl": "mei", "en": "May"},
    "pack_month_6": {"nl": "juni", "en": "June"},
    "pack_month_7": {"nl": "juli", "en": "July"},
    "pack_month_8": {"nl": "augustus", "en": "August"},
    "pack_month_9": {"nl": "september", "en": "September"},
    "pack_month_10": {"nl": "oktober", "en": "October"},
    "pack_month_11": {"nl": "november", "en": "November"},
    "pack_month_12": {"nl": "december", "en": "December"},
    "pack_page": {"nl": "pagina {page} van {pages}", "en": "page {page} of {pages}"},
    # the region today
    "pack_today": {"nl": "De regio vandaag ({year})", "en": "The region today ({year})"},
    "pack_today_figures": {
        "nl": "{hospitals} ziekenhuizen behandelen samen {cases} patiënten in de zorgvormen van "
        "deze afspraken; zij halen {met} van de {total} volumenormen en hun marge is samen "
        "{margin}.",
        "en": "{hospitals} hospitals together treat {cases} patients in the care forms of these "
        "agreements; they meet {met} of the {total} volume norms and their margin together is "
        "{margin}.",
    },
    "pack_col_hospital": {"nl": "Ziekenhuis", "en": "Hospital"},
    "pack_col_patients": {"nl": "Patiënten", "en": "Patients"},
    "pack_col_or_use": {"nl": "OK-bezetting", "en": "OR use"},
    "pack_col_ceiling": {"nl": "Plafond", "en": "Ceiling"},
    "pack_col_norms": {"nl": "Normen gehaald", "en": "Norms met"},
    "pack_col_margin": {"nl": "Marge", "en": "Margin"},
    "pack_norms_of": {"nl": "{met} van {total}", "en": "{met} of {total}"},
    "pack_map_today": {
        "nl": "Vandaag: cirkels naar het aantal patiënten, met de OK-bezetting in procenten en "
        "de kleur tegenover het planningsplafond; lijnen zijn de patiënten die nu al naar een "
        "ander ziekenhuis gaan.",
        "en": "Today: circles sized by patients, with the OR use in per cent and the colour "
        "against the planning ceiling; lines are the patients already going to another "
        "hospital.",
    },
    # the plan
    "pack_plan": {"nl": "Het plan", "en": "The plan"},
    "pack_plan_outcome": {
        "nl": "Het plan brengt {moved} patiënten per jaar naar een ander ziekenhuis dan vandaag, "
        "met {new} nieuwe afspraken; de marge van de regio verandert met {gain} per jaar.",
        "en": "The plan moves {moved} patients a year to another hospital than today, with "
        "{new} new agreements; the region's margin changes by {gain} a year.",
    },
    "pack_goals": {
        "nl": "Doelen, in de volgorde waarin ze tellen:",
        "en": "Goals, in the order they count:",
    },
    "pack_moves": {"nl": "Wat verschuift en waarom", "en": "What moves and why"},
    "pack_col_care_form": {"nl": "Zorgvorm", "en": "Care form"},
    "pack_col_pair": {"nl": "Van → naar", "en": "From → to"},
    "pack_col_basis": {"nl": "Op grond van", "en": "Based on"},
    "pack_col_extra": {"nl": "Extra reistijd", "en": "Extra travel"},
    "pack_col_why": {"nl": "Waarom", "en": "Why"},
    "pack_minutes": {"nl": "{minutes} min", "en": "{minutes} min"},
    "pack_no_moves": {
        "nl": "Het plan verschuift geen patiënten: de regio voldoet zoals ze is.",
        "en": "The plan moves no patients: the region meets its goals as it is.",
    },
    "pack_map_after": {
        "nl": "Na het plan: dezelfde kaart met de patiëntenstromen van het plan.",
        "en": "After the plan: the same map with the plan's patient flows.",
    },
    # who gains and who loses
    "pack_gains": {"nl": "Wie wint en wie verliest", "en": "Who gains and who loses"},
    "pack_gains_intro": {
        "nl": "Marge per ziekenhuis per jaar tegenover vandaag, vóór en na de compensatie in de "
        "regio ({rule}).",
        "en": "Margin per hospital a year against today, before and after the compensation in "
        "the region ({rule}).",
    },
    "pack_col_before": {"nl": "Marge vandaag", "en": "Margin today"},
    "pack_col_after": {"nl": "Marge na plan", "en": "Margin after plan"},
    "pack_col_change": {"nl": "Verandering", "en": "Change"},
    "pack_col_transfer": {"nl": "Compensatie", "en": "Compensation"},
    "pack_col_final": {"nl": "Eindresultaat", "en": "Final result"},
    "pack_region": {"nl": "Regio", "en": "Region"},
    "pack_terms": {"nl": "Voorwaarden per nieuwe afspraak", "en": "Terms per new agreement"},
    "pack_no_terms": {
        "nl": "Het plan vraagt geen nieuwe of grotere afspraken.",
        "en": "The plan asks for no new or larger agreements.",
    },
    "pack_compensation": {"nl": "Compensatie", "en": "Compensation"},
    "pack_terms_intro": {
        "nl": "Per afspraak de ODV-prijs per patiënt waarbij beide ziekenhuizen er niet op "
        "achteruitgaan, het advies (het midden) en wat elk er dan per jaar aan overhoudt; waar "
        "geen prijs beide heel laat, wat de verwijzer nog per jaar nodig heeft. De vergelijking "
        "met verwijzing en parallel declareren staat in de werkmap van de optimalisatie.",
        "en": "Per agreement the ODV price per patient at which neither hospital is worse off, "
        "the advice (the middle) and what each then gains a year; where no price leaves both "
        "whole, what the sender still needs a year. The comparison with referral and parallel "
        "declaration is in the optimisation workbook.",
    },
    "pack_terms_agreement": {
        "nl": "{care_form}: {sending} → {performing}",
        "en": "{care_form}: {sending} → {performing}",
    },
    "pack_terms_no_range": {"nl": "geen", "en": "none"},
    "pack_terms_col_agreement": {"nl": "Afspraak", "en": "Agreement"},
    "pack_terms_col_patients": {"nl": "Patiënten", "en": "Patients"},
    "pack_terms_col_range": {
        "nl": "ODV-prijs waarbij beide heel blijven",
        "en": "ODV price leaving both whole",
    },
    "pack_terms_col_advice": {"nl": "Advies", "en": "Advice"},
    "pack_terms_col_sending": {"nl": "Verwijzer per jaar", "en": "Sender a year"},
    "pack_terms_col_performing": {"nl": "Uitvoerder per jaar", "en": "Performer a year"},
    "pack_terms_col_transfer": {"nl": "Verwijzer nog nodig", "en": "Sender still needs"},
    # the business case
    "pack_case": {
        "nl": "Businesscase {first}–{last}",
        "en": "Business case {first}–{last}",
    },
    "pack_case_intro": {
        "nl": "De positie van elk ziekenhuis ten opzichte van vandaag, jaar na jaar opgeteld: de "
        "margeverandering met de groei van de volumes, de waarde van vrijgekomen OK-tijd, de "
        "compensatie ({rule}), eenmalige kosten en transformatiegeld. Netto contante waarde tegen "
        "{rate} per jaar.",
        "en": "Each hospital's position against today, added up year by year: the margin change "
        "with the growth of the volumes, the value of freed OR time, the compensation ({rule}), "
        "one-off costs and transformation funding. Net present value at {rate} a year.",
    },
    "pack_col_break_even": {"nl": "Terugverdiend", "en": "Break-even"},
    "pack_col_npv": {"nl": "Contante waarde", "en": "Present value"},
    "pack_col_prefinancing": {"nl": "Voorfinanciering", "en": "Pre-financing"},
    "pack_col_cumulative": {"nl": "Stand {year}", "en": "Position {year}"},
    "pack_case_chart": {
        "nl": "Cumulatieve positie per ziekenhuis; een ruit markeert het jaar waarin het plan "
        "is terugverdiend.",
        "en": "Cumulative position per hospital; a diamond marks the year the plan has paid back.",
    },
    "pack_plan_is": {"nl": "Het plan:", "en": "The plan:"},
    "pack_plan_saved": {
        "nl": "het scenario '{name}' zoals het op het dashboard is bewaard, voor {year}",
        "en": "the scenario '{name}' as saved on the dashboard, for {year}",
    },
    # what is at risk
    "pack_risk": {"nl": "Wat er op het spel staat", "en": "What is at risk"},
    "pack_risk_ceiling": {"nl": "Capaciteit na het plan", "en": "Capacity after the plan"},
    "pack_risk_above": {
        "nl": "{hospital} komt boven het planningsplafond: OK {or_use} (plafond {or_ceiling}), "
        "bedden {bed_use} (plafond {bed_ceiling}).",
        "en": "{hospital} goes above the planning ceiling: OR {or_use} (ceiling {or_ceiling}), "
        "beds {bed_use} (ceiling {bed_ceiling}).",
    },
    "pack_risk_near": {
        "nl": "{hospital} zit dicht bij het planningsplafond: OK {or_use} (plafond {or_ceiling}), "
        "bedden {bed_use} (plafond {bed_ceiling}); weinig ruimte voor groei.",
        "en": "{hospital} is near the planning ceiling: OR {or_use} (ceiling {or_ceiling}), beds "
        "{bed_use} (ceiling {bed_ceiling}); little room for growth.",
    },
    "pack_risk_no_ceiling": {
        "nl": "Geen ziekenhuis komt binnen {margin} van zijn planningsplafond.",
        "en": "No hospital comes within {margin} of its planning ceiling.",
    },
    "pack_beds_unlimited": {"nl": "niet beperkend", "en": "not limiting"},
    "pack_risk_norms": {"nl": "Normen na het plan", "en": "Norms after the plan"},
    "pack_risk_norm_missed": {
        "nl": "{hospital} haalt de norm van {norm} voor {care_form} niet: {cases} patiënten.",
        "en": "{hospital} misses the norm of {norm} for {care_form}: {cases} patients.",
    },
    "pack_risk_norms_met": {
        "nl": "Na het plan haalt elk ziekenhuis de norm van elke zorgvorm die het nog uitvoert.",
        "en": "After the plan every hospital meets the norm of every care form it still performs.",
    },
    "pack_assumptions": {"nl": "Aannames", "en": "Assumptions"},
    "pack_assume_volumes": {
        "nl": "Patiënten en geld komen uit de volumes van {year} in het werkboek; de marge is "
        "omzet plus verrekening min variabele (en vaste) kosten.",
        "en": "Patients and money come from the workbook's volumes of {year}; the margin is "
        "revenue plus settlement minus variable (and fixed) costs.",
    },
    "pack_assume_ceiling_run": {
        "nl": "Planningsplafond voor OK en bedden: {ceiling} voor elk ziekenhuis (zo gekozen "
        "voor deze berekening).",
        "en": "Planning ceiling for OR and beds: {ceiling} for every hospital (chosen for this "
        "run).",
    },
    "pack_assume_ceiling_sheet": {
        "nl": "Planningsplafonds voor OK en bedden uit het blad ziekenhuizen (leeg: 90 %).",
        "en": "Planning ceilings for OR and beds from the hospitals sheet (blank: 90 %).",
    },
    "pack_assume_proposals": {
        "nl": "Nieuwe afspraken tellen in de marges als verwijzing; de voorwaarden hierboven "
        "geven de ODV-prijs die beide partijen zonder verlies laat.",
        "en": "New agreements count in the margins as referral; the terms above give the ODV "
        "price that leaves both parties without loss.",
    },
    "pack_assume_caps_fixed": {
        "nl": "De plafondruimte van de zorgverzekeraars blijft bij elk ziekenhuis.",
        "en": "The insurers' cap room stays with each hospital.",
    },
    "pack_assume_caps_follow": {
        "nl": "De plafondruimte van de zorgverzekeraars gaat mee met de verplaatste patiënten.",
        "en": "The insurers' cap room follows the moved patients.",
    },
    "pack_assume_whole": {
        "nl": "Het plan rekent in hele patiënten.",
        "en": "The plan counts whole patients.",
    },
    "pack_assume_fractional": {
        "nl": "Het plan rekent met delen van patiënten (gemiddelden per jaar).",
        "en": "The plan counts fractions of patients (averages a year).",
    },
    "pack_assume_max_travel": {
        "nl": "Geen verschuiving langer dan {minutes} minuten reistijd.",
        "en": "No move longer than {minutes} minutes of travel.",
    },
    "pack_assume_norms": {
        "nl": "Normen voor deze berekening: {norms}.",
        "en": "Norms for this run: {norms}.",
    },
    "pack_assume_status": {
        "nl": "De rekentijd was op voordat het beste plan bewezen was: dit plan is haalbaar, "
        "maar misschien niet het beste.",
        "en": "The time limit was reached before the best plan was proven: this plan is "
        "feasible, but perhaps not the best.",
    },
    # the command and the dashboard
    "pack_cli_wrote": {
        "nl": "Bestuursdocument geschreven: {path} ({pages} pagina's)",
        "en": "Board pack written: {path} ({pages} pages)",
    },
    "pack_cli_no_plan": {
        "nl": "Geen bestuursdocument geschreven: er is geen plan (zie hierboven).",
        "en": "No board pack written: there is no plan (see above).",
    },
    "pack_download": {"nl": "Bestuursdocument (PDF)", "en": "Board pack (PDF)"},
    "pack_download_saved": {
        "nl": "Bestuursdocument van '{name}' (PDF)",
        "en": "Board pack of '{name}' (PDF)",
    },
    "pack_saved_no_flows": {
        "nl": "'{name}' is bewaard zonder patiëntstromen (met een eerdere versie): er is geen "
        "bestuursdocument van te maken. Reken het scenario opnieuw door en bewaar het opnieuw.",
        "en": "'{name}' was saved without its patient flows (by an earlier version): no board "
        "pack can be made of it. Compute the scenario again and save it again.",
    },
    "pack_saved_other_book": {
        "nl": "'{name}' is bewaard bij een ander werkboek dan het geopende: open dat werkboek "
        "om er een bestuursdocument van te maken.",
        "en": "'{name}' was saved on another workbook than the one open: open that workbook "
        "to make a board pack of it.",
    },
    "pack_download_help": {
        "nl": "Twee tot vier A4-pagina's voor het bestuur: de regio vandaag, het plan, wie wint "
        "en wie verliest met voorwaarden en compensatie, de businesscase over vijf jaar en wat "
        "er op het spel staat.",
        "en": "Two to four A4 pages for the board: the region today, the plan, who gains and "
        "who loses with terms and compensation, the business case over five years and what is "
        "at risk.",
    },
}
