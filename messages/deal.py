"""Texts of the deal (issue 18): terms per agreement, compensation in the region, by code:
{code: {"nl": ..., "en": ...}}.

Placeholders are the message's parameters (see :mod:`messages`).
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # compensation in the region
    "deal_region_loses": {
        "nl": "De regio gaat er in totaal {loss_cents} op achteruit: er is geen winst om te "
        "verdelen, dus geen compensatie",
        "en": "The region loses {loss_cents} in total: there is no gain to share, so no "
        "compensation",
    },
    "deal_shapley_bounded": {
        "nl": "De Shapley-waarde van {hospitals} ligt onder vandaag; zij eindigen op vandaag "
        "(€ 0) en de anderen delen de winst naar verhouding van hun Shapley-waarde",
        "en": "The Shapley value of {hospitals} is below today; they end at today (€ 0) and "
        "the others share the gain in proportion to their Shapley values",
    },
    "deal_shapley_sampled": {
        "nl": "Shapley-waarden geschat uit {orders} willekeurige volgordes van de ziekenhuizen; "
        "standaardfout hoogstens {error_cents}",
        "en": "Shapley values estimated from {orders} random orders of the hospitals; standard "
        "error at most {error_cents}",
    },
    # terms per agreement
    "deal_terms_header": {
        "nl": "Voorwaarden per nieuwe of gegroeide afspraak (marges per jaar, tegenover vandaag):",
        "en": "Terms per new or grown agreement (margins a year, against today):",
    },
    "deal_terms_agreement": {
        "nl": "{care_form}: {sending} → {performing}, {cases} patiënten per jaar{existing}",
        "en": "{care_form}: {sending} → {performing}, {cases} patients a year{existing}",
    },
    "deal_terms_existing": {
        "nl": " erbij onder afspraak {agreement} ({mode})",
        "en": " more under agreement {agreement} ({mode})",
    },
    "deal_terms_range": {
        "nl": "ODV-prijs waarbij geen van beide erop achteruitgaat: {low_cents} – {high_cents} "
        "per patiënt ({low_share}–{high_share} × de benchmarkprijs {benchmark_cents})",
        "en": "ODV price at which neither is worse off: {low_cents} – {high_cents} per patient "
        "({low_share}–{high_share} × the benchmark price {benchmark_cents})",
    },
    "deal_terms_point": {
        "nl": "Eén ODV-prijs laat beide gelijk: {low_cents} per patiënt ({low_share} × de "
        "benchmarkprijs {benchmark_cents}); de kosten zijn op beide locaties gelijk",
        "en": "One ODV price leaves both even: {low_cents} per patient ({low_share} × the "
        "benchmark price {benchmark_cents}); the costs are the same at both sites",
    },
    "deal_terms_empty": {
        "nl": "Geen ODV-prijs laat beide zonder verlies: {performing} is de duurdere locatie, "
        "samen gaan ze er {loss} per jaar op achteruit",
        "en": "No ODV price leaves both without a loss: {performing} is the dearer site, "
        "together they lose {loss} a year",
    },
    "deal_terms_advice": {
        "nl": "Advies: ODV à {price_cents} per patiënt ({share} × benchmark) — marge {sending} "
        "{margin_sending}, {performing} {margin_performing}",
        "en": "Advice: ODV at {price_cents} per patient ({share} × benchmark) — margin "
        "{sending} {margin_sending}, {performing} {margin_performing}",
    },
    "deal_terms_transfer": {
        "nl": "{sending} heeft dan {amount} per jaar nodig om niet achteruit te gaan (een "
        "overdracht, bijvoorbeeld uit de compensatie in de regio)",
        "en": "{sending} then needs {amount} a year not to be worse off (a transfer, e.g. "
        "from the region's compensation)",
    },
    "deal_terms_compare": {
        "nl": "Ter vergelijking: {modes}",
        "en": "For comparison: {modes}",
    },
    "deal_terms_mode": {
        "nl": "{mode} {sending} {margin_sending}, {performing} {margin_performing}",
        "en": "{mode} {sending} {margin_sending}, {performing} {margin_performing}",
    },
    "deal_mode_referral": {"nl": "verwijzing", "en": "Referral"},
    "deal_mode_parallel": {"nl": "parallel declareren", "en": "Parallel declaration"},
    "deal_mode_odv": {"nl": "ODV", "en": "ODV"},
    # compensation
    "deal_split_header": {
        "nl": "Compensatie in de regio ({rule}): de regio wint {gain} per jaar",
        "en": "Compensation in the region ({rule}): the region gains {gain} a year",
    },
    "deal_split_header_loss": {
        "nl": "Compensatie in de regio ({rule}):",
        "en": "Compensation in the region ({rule}):",
    },
    "deal_split_hospital": {
        "nl": "{hospital}: vóór overdrachten {gain}, {transfer} → eindigt op {final}",
        "en": "{hospital}: before transfers {gain}, {transfer} → ends at {final}",
    },
    "deal_split_receives": {"nl": "ontvangt {amount}", "en": "receives {amount}"},
    "deal_split_pays": {"nl": "betaalt {amount}", "en": "pays {amount}"},
    "deal_split_nothing": {"nl": "geen overdracht", "en": "no transfer"},
    "deal_split_payments": {"nl": "Betalingen: {payments}", "en": "Payments: {payments}"},
    "deal_split_payment": {
        "nl": "{payer} betaalt {payee} {amount}",
        "en": "{payer} pays {payee} {amount}",
    },
    "deal_rule_proportional": {
        "nl": "verdeling naar rato van de winst",
        "en": "shared in proportion to the gains",
    },
    "deal_rule_equal": {"nl": "gelijk per ziekenhuis", "en": "equal per hospital"},
    "deal_rule_shapley": {"nl": "Shapley-waarde", "en": "Shapley value"},
    # workbook sheets and headers
    "deal_sheet_terms": {"nl": "Voorwaarden", "en": "Terms"},
    "deal_sheet_modes": {"nl": "Voorwaarden per vorm", "en": "Terms per mode"},
    "deal_sheet_split": {"nl": "Verdeling winst", "en": "Sharing the gain"},
    "deal_sheet_input_note": {
        "nl": "Dit blad heeft de vorm van het invoerblad compensatie: neem het over in het "
        "werkboek van de regio en de jaarlijkse verrekening neemt de betalingen mee.",
        "en": "This sheet has the form of the input sheet compensation: copy it into the "
        "region's workbook and the yearly settlement carries the payments.",
    },
    "deal_compensation_description": {
        "nl": "compensatie {year} ({rule})",
        "en": "compensation {year} ({rule})",
    },
    "deal_sheet_payments": {"nl": "Betalingen", "en": "Payments"},
    "col_mode_in_force": {"nl": "vorm van de afspraak nu", "en": "mode in force"},
    "col_odv_benchmark_cents": {
        "nl": "benchmarkprijs ODV-product",
        "en": "benchmark price of the ODV product",
    },
    "col_odv_price_min_cents": {
        "nl": "laagste ODV-prijs (uitvoerder kostendekkend)",
        "en": "lowest ODV price (performer covers its costs)",
    },
    "col_odv_price_max_cents": {
        "nl": "hoogste ODV-prijs (verwijzer niet achteruit)",
        "en": "highest ODV price (sender not worse off)",
    },
    "col_odv_share_min": {"nl": "laagste aandeel benchmark", "en": "lowest share of benchmark"},
    "col_odv_share_max": {"nl": "hoogste aandeel benchmark", "en": "highest share of benchmark"},
    "col_recommended_mode": {"nl": "geadviseerde vorm", "en": "recommended mode"},
    "col_recommended_price_cents": {
        "nl": "geadviseerde ODV-prijs per patiënt",
        "en": "recommended ODV price per patient",
    },
    "col_recommended_share": {"nl": "geadviseerd aandeel benchmark", "en": "recommended share"},
    "col_transfer_to_sending_cents": {
        "nl": "nodige overdracht aan verwijzer per jaar",
        "en": "transfer the sender needs a year",
    },
    "col_mode": {"nl": "vorm", "en": "mode"},
    "col_share": {"nl": "aandeel benchmark", "en": "share of benchmark"},
    "col_gain_cents": {"nl": "resultaat vóór overdrachten", "en": "gain before transfers"},
    "col_transfer_cents": {
        "nl": "overdracht (ontvangen +, betalen −)",
        "en": "transfer (received +, paid −)",
    },
    "col_final_cents": {"nl": "resultaat na overdrachten", "en": "result after transfers"},
    "col_payer": {"nl": "betaler", "en": "payer"},
    "col_payee": {"nl": "ontvanger", "en": "payee"},
    "col_amount_cents": {"nl": "bedrag", "en": "amount"},
    # the Scenario page
    "ui_deal_terms": {"nl": "Voorwaarden per afspraak", "en": "Terms per agreement"},
    "ui_deal_terms_explained": {
        "nl": "Per nieuwe of gegroeide afspraak: de ODV-prijs per patiënt waarbij geen van beide "
        "ziekenhuizen erop achteruitgaat tegenover vandaag, het advies (het midden daarvan: de "
        "verwijzer blijft declareren en beide delen de winst) en beider marge per jaar eronder. "
        "Berekend met de eigen verrekenregels: contractprijzen, plafonds, detachering, "
        "variabele en vaste kosten.",
        "en": "Per new or grown agreement: the ODV price per patient at which neither hospital "
        "is worse off than today, the advice (its middle: the sender keeps declaring and both "
        "share the gain) and both margins a year under it. Computed with the settlement's own "
        "rules: contract prices, caps, secondment, variable and fixed costs.",
    },
    "ui_deal_pair": {"nl": "Van → naar", "en": "From → to"},
    "ui_deal_patients": {"nl": "Patiënten per jaar", "en": "Patients a year"},
    "ui_deal_agreement": {"nl": "Afspraak", "en": "Agreement"},
    "ui_deal_new": {"nl": "nieuw", "en": "new"},
    "ui_deal_odv_range": {
        "nl": "ODV-prijs zonder verlies",
        "en": "ODV price without a loss",
    },
    "ui_deal_no_range": {"nl": "geen (uitvoerder is duurder)", "en": "none (performer is dearer)"},
    "ui_deal_one_price": {"nl": "precies {price}", "en": "exactly {price}"},
    "ui_deal_range": {"nl": "{low} – {high}", "en": "{low} – {high}"},
    "ui_deal_advice": {"nl": "Advies", "en": "Advice"},
    "ui_deal_advice_value": {
        "nl": "ODV à {price} ({share})",
        "en": "ODV at {price} ({share})",
    },
    "ui_deal_transfer_needed": {"nl": "Overdracht nodig", "en": "Transfer needed"},
    "ui_deal_in_words": {"nl": "Voorwaarden in woorden", "en": "Terms in words"},
    "ui_deal_compensation": {"nl": "Compensatie in de regio", "en": "Compensation in the region"},
    "ui_deal_rule": {
        "nl": "Verdeling van de winst van de regio",
        "en": "Sharing the region's gain",
    },
    "ui_deal_shapley_explained": {
        "nl": "De Shapley-waarde lost het plan op voor elke groep ziekenhuizen (bij zes "
        "ziekenhuizen 57 keer): dit duurt tot een minuut.",
        "en": "The Shapley value solves the plan for every group of hospitals (57 times for six "
        "hospitals): this takes up to a minute.",
    },
    "ui_deal_computing": {
        "nl": "Voorwaarden en compensatie berekenen…",
        "en": "Computing terms and compensation…",
    },
    "ui_deal_region_gains": {
        "nl": "De regio wint **{gain}** per jaar; na de overdrachten gaat geen ziekenhuis erop "
        "achteruit tegenover vandaag.",
        "en": "The region gains **{gain}** a year; after the transfers no hospital is worse off "
        "than today.",
    },
    "ui_deal_before_transfers": {"nl": "Vóór overdrachten", "en": "Before transfers"},
    "ui_deal_transfer": {"nl": "Overdracht", "en": "Transfer"},
    "ui_deal_after_transfers": {"nl": "Na overdrachten", "en": "After transfers"},
}
