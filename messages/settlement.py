"""Texts of the settlement area, by code: {code: {"nl": ..., "en": ...}}.

Placeholders are the message's parameters (see :mod:`messages`). Exception kinds have a label
(``settlement_kind_<kind>``) and a message (``settlement_exception_<kind>``); notes about the run
are ``settlement_note_<what>``.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # --- exception kinds (listed, not settled) ------------------------------------------------
    "settlement_kind_no_agreement": {
        "nl": "Geen geldige afspraak",
        "en": "No valid agreement",
    },
    "settlement_kind_odv_unmatched": {
        "nl": "ODV zonder gedeclareerde DBC",
        "en": "ODV without a declared DBC",
    },
    "settlement_kind_odv_duplicate": {
        "nl": "ODV dubbel",
        "en": "ODV duplicate",
    },
    "settlement_kind_odv_no_agreement": {
        "nl": "ODV zonder ODV-afspraak",
        "en": "ODV without an ODV agreement",
    },
    "settlement_kind_double_declaration": {
        "nl": "Dubbele declaratie",
        "en": "Double declaration",
    },
    "settlement_kind_parallel_full_twice": {
        "nl": "Parallel: beide ziekenhuizen declareren het volledige product",
        "en": "Parallel: both hospitals declare the full product",
    },
    "settlement_kind_parallel_full_and_intervention": {
        "nl": "Parallel: volledig product naast de ingreep gedeclareerd",
        "en": "Parallel: full product declared beside the intervention",
    },
    "settlement_kind_sources_disagree": {
        "nl": "Registraties en productie verschillen",
        "en": "Registrations and volumes differ",
    },
    "settlement_kind_parallel_without_consent": {
        "nl": "Parallel gedeclareerd zonder toestemming van de verzekeraar",
        "en": "Declared in parallel without the insurer's consent",
    },
    "settlement_kind_contracts_missing": {
        "nl": "Geen contracten in dit jaar",
        "en": "No contracts in this year",
    },
    # --- exception messages -------------------------------------------------------------------
    "settlement_exception_no_agreement": {
        "nl": "{cases} patiënten {care_form} van {sending} behandeld in {performing} in {year} "
        "zonder geldige afspraak; verrekend als verwijzing",
        "en": "{cases} cases of {care_form} from {sending} performed at {performing} in {year} "
        "without a valid agreement; settled as referral",
    },
    "settlement_exception_odv_unmatched": {
        "nl": "ODV-DBC {dbc} bij {performing}: {sending} heeft voor deze patiënt geen "
        "gedeclareerde DBC {care_form} waarvan de periode de startdatum van de ODV bevat",
        "en": "ODV DBC {dbc} at {performing}: {sending} has no declared {care_form} DBC of this "
        "patient whose period contains the ODV start date",
    },
    "settlement_exception_odv_duplicate": {
        "nl": "ODV-DBC {dbc} bij {performing}: de gedeclareerde DBC bij {sending} is al aan een "
        "eerdere ODV-DBC gekoppeld",
        "en": "ODV DBC {dbc} at {performing}: the declared DBC at {sending} is already matched "
        "to an earlier ODV DBC",
    },
    "settlement_exception_odv_no_agreement": {
        "nl": "ODV-DBC {dbc} bij {performing} voor {sending}: geen afspraak {care_form} "
        "{sending} → {performing} geldig op {date}",
        "en": "ODV DBC {dbc} at {performing} for {sending}: no agreement {care_form} "
        "{sending} → {performing} valid on {date}",
    },
    "settlement_exception_odv_wrong_mode": {
        "nl": "ODV-DBC {dbc} bij {performing} voor {sending}: de afspraak {care_form} "
        "{sending} → {performing} geldig op {date} is geen ODV-afspraak ({mode})",
        "en": "ODV DBC {dbc} at {performing} for {sending}: the agreement {care_form} "
        "{sending} → {performing} valid on {date} is not an ODV agreement ({mode})",
    },
    "settlement_exception_double_declaration": {
        "nl": "DBC {dbc} bij {hospital} en DBC {other_dbc} bij {partner} declareren "
        "{care_form} voor één patiënt in overlappende perioden, zonder geldige afspraak voor "
        "parallel declareren of verwijzing tussen beide",
        "en": "DBC {dbc} at {hospital} and DBC {other_dbc} at {partner} declare {care_form} "
        "for one patient in overlapping periods, with no valid parallel or referral agreement "
        "between them",
    },
    "settlement_exception_parallel_full_and_intervention": {
        "nl": "DBC {dbc} bij {sending} en DBC {other_dbc} bij {performing}: de een declareert "
        "het volledige product {care_form}, de ander de ingreep, onder parallelle afspraak "
        "{agreement}: de verzekeraar betaalt de ingreep dubbel",
        "en": "DBC {dbc} at {sending} and DBC {other_dbc} at {performing}: one declares the full "
        "{care_form} product, the other the intervention, under parallel agreement "
        "{agreement}: the insurer pays the intervention twice",
    },
    "settlement_exception_sources_disagree": {
        "nl": "Afspraak {agreement} ({care_form} {sending} → {performing}, {year}): de "
        "registraties tonen {registrations} verplaatste patiënten, de productie {volumes} "
        "(rij {rows}); verrekend volgens de registraties",
        "en": "Agreement {agreement} ({care_form} {sending} → {performing}, {year}): the "
        "registrations show {registrations} moved cases, volumes {volumes} (row {rows}); "
        "settled from the registrations",
    },
    "settlement_exception_parallel_without_consent": {
        "nl": "DBC {dbc} bij {sending} en DBC {other_dbc} bij {performing} ({care_form}) "
        "parallel gedeclareerd onder afspraak {agreement} zonder toestemming van verzekeraar "
        "{insurer} op {date}; bedrag in gevaar {at_risk_cents}",
        "en": "DBC {dbc} at {sending} and DBC {other_dbc} at {performing} ({care_form}) "
        "declared in parallel under agreement {agreement} without consent of insurer "
        "{insurer} on {date}; amount at risk {at_risk_cents}",
    },
    "settlement_exception_parallel_full_twice": {
        "nl": "DBC {dbc} bij {sending} en DBC {other_dbc} bij {performing} declareren allebei "
        "het volledige product {care_form} onder parallelle afspraak {agreement}: de "
        "verzekeraar betaalt dubbel",
        "en": "DBC {dbc} at {sending} and DBC {other_dbc} at {performing} both declare the "
        "full {care_form} product under parallel agreement {agreement}: the insurer pays twice",
    },
    "settlement_exception_contracts_missing": {
        "nl": "{hospital} heeft geen verzekeraarscontracten voor {year} (wel voor {years}); "
        "verrekend tegen het impliciete contract: prijsfactor 1, geen plafond",
        "en": "{hospital} has no insurer contracts for {year} (it has for {years}); settled "
        "at the implicit contract: price factor 1, no cap",
    },
    # --- validation warning (raised by validate, about the settlement) ----------------------
    "contracts_missing_year": {
        "nl": "{hospital} heeft geen verzekeraarscontracten voor {year} (wel voor {years}); "
        "de verrekening van {year} gebruikt dan prijsfactor 1 en geen plafond",
        "en": "{hospital} has no insurer contracts for {year} (it has for {years}); the "
        "settlement of {year} then uses price factor 1 and no cap",
    },
    "volume_period_outside_year": {
        "nl": "moet in het jaar {year} van deze rij liggen",
        "en": "must lie in this row's year {year}",
    },
    "volume_period_backwards": {
        "nl": "moet op of na period_from liggen",
        "en": "must be on or after period_from",
    },
    # --- notes about a run --------------------------------------------------------------------
    "settlement_source_registrations": {"nl": "registraties", "en": "registrations"},
    "settlement_source_volumes": {"nl": "productie", "en": "volumes"},
    "settlement_source_combined": {
        "nl": "registraties en productie",
        "en": "registrations and volumes",
    },
    "settlement_note_only_registrations": {
        "nl": "Het jaar {year} heeft geen productie: alleen registraties verrekend "
        "(detachering bij verwijzingen niet zichtbaar)",
        "en": "Year {year} has no volumes: settled from registrations only (secondment of "
        "referrals not visible)",
    },
    "settlement_note_only_volumes": {
        "nl": "Het jaar {year} heeft geen registraties: alleen productie verrekend",
        "en": "Year {year} has no registrations: settled from volumes only",
    },
    "settlement_note_from_volumes": {
        "nl": "Afspraak {agreement} ({care_form} {sending} → {performing}): de registraties van "
        "{year} tonen geen DBC van dit paar; {cases} patiënten uit de productie verrekend "
        "(rij {rows})",
        "en": "Agreement {agreement} ({care_form} {sending} → {performing}): the registrations "
        "of {year} show no DBC of this pair; {cases} cases settled from volumes (row {rows})",
    },
    "settlement_note_consent_assumed": {
        "nl": "Geen blad 'toestemmingen': voor parallelle afspraak {agreements} is aangenomen "
        "dat elke verzekeraar toestemming gaf voor parallel declareren",
        "en": "No sheet 'insurer_consents': for parallel agreement {agreements} every insurer "
        "is assumed to have consented to parallel declaration",
    },
    "settlement_note_consent_unlisted": {
        "nl": "Parallelle afspraak {agreements} staat niet op blad 'toestemmingen': toestemming "
        "van elke verzekeraar aangenomen",
        "en": "Parallel agreement {agreements} is not on sheet 'insurer_consents': every "
        "insurer's consent assumed",
    },
    "settlement_note_consent_fallback": {
        "nl": "Afspraak {agreement}: {cases} patiënten van verzekeraar {insurer} zonder "
        "toestemming voor parallel declareren verrekend als {mode}",
        "en": "Agreement {agreement}: {cases} cases of insurer {insurer} without consent to "
        "parallel declaration settled as {mode}",
    },
    "settlement_note_split_part": {
        "nl": "Productie rij {rows}: {cases} van {total} patiënten {care_form} {sending} → "
        "{performing} verrekend onder afspraak {agreement} ({days} dagen van {year} in "
        "werking), naar rato verdeeld omdat de afspraak in het jaar wisselt",
        "en": "Volumes row {rows}: {cases} of {total} cases of {care_form} {sending} → "
        "{performing} settled under agreement {agreement} (in force {days} days of {year}), "
        "split pro rata because the agreement changes within the year",
    },
    "settlement_year_basis_start": {
        "nl": "schadelastjaar: jaar van de startdatum van de DBC (prijs, contracten en plafonds "
        "van dat jaar)",
        "en": "year of the DBC's start date (price, contracts and caps of that year)",
    },
    "settlement_year_basis_end": {
        "nl": "jaar van de einddatum van de DBC (prijs van het startjaar, contracten van het "
        "eindjaar)",
        "en": "year of the DBC's end date (price of the start year, contracts of the end year)",
    },
    # --- words in the settlement workbook -------------------------------------------------------
    "settlement_line_kind_odv": {"nl": "ODV", "en": "ODV"},
    "settlement_line_kind_secondment": {"nl": "detachering", "en": "secondment"},
    "settlement_line_kind_secondment_contract": {
        "nl": "detacheringscontract",
        "en": "secondment contract",
    },
    "settlement_line_kind_network_costs": {"nl": "netwerkkosten", "en": "network costs"},
    "settlement_line_kind_compensation": {"nl": "compensatie", "en": "compensation"},
    "month_1": {"nl": "januari", "en": "January"},
    "month_2": {"nl": "februari", "en": "February"},
    "month_3": {"nl": "maart", "en": "March"},
    "month_4": {"nl": "april", "en": "April"},
    "month_5": {"nl": "mei", "en": "May"},
    "month_6": {"nl": "juni", "en": "June"},
    "month_7": {"nl": "juli", "en": "July"},
    "month_8": {"nl": "augustus", "en": "August"},
    "month_9": {"nl": "september", "en": "September"},
    "month_10": {"nl": "oktober", "en": "October"},
    "month_11": {"nl": "november", "en": "November"},
    "month_12": {"nl": "december", "en": "December"},
    "monitor_heading": {
        "nl": "Kwartaalsturing {year} tot en met {until} ({input}; {days} van {days_in_year} "
        "dagen)",
        "en": "Quarterly steering {year} up to {until} ({input}; {days} of {days_in_year} days)",
    },
    "monitor_agreement": {
        "nl": "{agreement} ({care_form} {sending} → {performing}): gepland tot nu {planned}, "
        "gerealiseerd {realised}; prognose jaar {forecast} (plan {planned_year})",
        "en": "{agreement} ({care_form} {sending} → {performing}): planned to date {planned}, "
        "realised {realised}; forecast for the year {forecast} (plan {planned_year})",
    },
    "monitor_warnings": {"nl": "Plafondsignalen:", "en": "Cap warnings:"},
    "monitor_no_warnings": {
        "nl": "Geen omzetplafond wordt in dit tempo voor het jaareinde bereikt",
        "en": "No revenue cap is reached before year end at this pace",
    },
    "monitor_cap_warning": {
        "nl": "{hospital} / {insurer}: in dit tempo is het plafond van {cap_cents} in {month} "
        "bereikt ({date}); gedeclareerd tot nu {declared_cents}, prognose jaar {forecast_cents}",
        "en": "{hospital} / {insurer}: at this pace the cap of {cap_cents} is reached in "
        "{month} ({date}); declared to date {declared_cents}, forecast for the year "
        "{forecast_cents}",
    },
    "monitor_cap_already": {
        "nl": "{hospital} / {insurer}: het plafond van {cap_cents} is al bereikt (in dit tempo "
        "in {month}, {date}); gedeclareerd tot nu {declared_cents}, prognose jaar "
        "{forecast_cents}",
        "en": "{hospital} / {insurer}: the cap of {cap_cents} is already reached (at this pace "
        "in {month}, {date}); declared to date {declared_cents}, forecast for the year "
        "{forecast_cents}",
    },
    "monitor_note_untagged_volumes": {
        "nl": "{rows} rijen productie ({cases} verplaatste patiënten) hebben geen periode en "
        "tellen pas mee als het hele jaar binnen is",
        "en": "{rows} volumes rows ({cases} moved cases) have no period and count only once "
        "the whole year is in",
    },
    "monitor_note_plan_yearly": {
        "nl": "Geen blad 'planning' voor {year}: het geplande aantal per jaar is gelijk over "
        "de kwartalen verdeeld",
        "en": "No sheet 'planning' for {year}: the planned cases per year are spread evenly "
        "over the quarters",
    },
    "monitor_status_closed": {"nl": "afgesloten", "en": "closed"},
    "monitor_status_current": {"nl": "lopend", "en": "current"},
    "monitor_status_ahead": {"nl": "nog niet begonnen", "en": "not begun"},
    "monitor_plan_planning": {"nl": "blad planning", "en": "sheet planning"},
    "monitor_plan_yearly": {"nl": "jaarplan / 4", "en": "yearly plan / 4"},
    "monitor_plan_none": {"nl": "geen plan", "en": "no plan"},
    "monitor_sheet_note": {
        "nl": "Kwartaalsturing {year} met de gegevens tot en met {until}",
        "en": "Quarterly steering {year} with the data up to {until}",
    },
    "monitor_note_item": {"nl": "opmerking", "en": "note"},
    "monitor_sheet_quarters": {"nl": "Per kwartaal", "en": "Per quarter"},
    "audit_run_id": {"nl": "run-id", "en": "run id"},
    "audit_command": {"nl": "opdracht en opties", "en": "command and options"},
    "audit_input": {"nl": "invoerbestand", "en": "input file"},
    "audit_sha256": {"nl": "SHA-256 invoer", "en": "input SHA-256"},
    "audit_version": {"nl": "productversie", "en": "product version"},
    "audit_run_at": {"nl": "berekend op", "en": "computed at"},
    "audit_sheet": {"nl": "Uitgangspunten", "en": "Basis"},
    "audit_item": {"nl": "onderdeel", "en": "item"},
    "audit_value": {"nl": "waarde", "en": "value"},
    "audit_line": {
        "nl": "Run {run_id}; SHA-256 invoer {sha256}; versie {version}; {command}",
        "en": "Run {run_id}; input SHA-256 {sha256}; version {version}; {command}",
    },
    "compare_receivable": {"nl": "{kind} te ontvangen", "en": "{kind} receivable"},
    "compare_payable": {"nl": "{kind} te betalen", "en": "{kind} payable"},
    "compare_item_insurer_declared": {
        "nl": "gedeclareerd bij verzekeraars",
        "en": "declared to insurers",
    },
    "compare_item_insurer_paid": {"nl": "uitbetaald door verzekeraars", "en": "paid by insurers"},
    "compare_item_insurer_unpaid": {
        "nl": "niet uitbetaald (boven plafond)",
        "en": "unpaid (above the cap)",
    },
    "compare_item_net_position": {"nl": "nettopositie", "en": "net position"},
    "compare_heading": {
        "nl": "Vergeleken met {previous} (run {run}): {count} verschillen per ziekenhuis en soort",
        "en": "Compared with {previous} (run {run}): {count} differences per hospital and kind",
    },
    "compare_none": {"nl": "geen verschillen", "en": "no differences"},
    "compare_row": {
        "nl": "{hospital}, {item}: {previous_cents} → {current_cents} ({change_cents})",
        "en": "{hospital}, {item}: {previous_cents} → {current_cents} ({change_cents})",
    },
    "compare_sheet": {"nl": "Vergelijking", "en": "Comparison"},
    "settlement_yes": {"nl": "ja", "en": "yes"},
    "settlement_no": {"nl": "nee", "en": "no"},
    "settlement_network_key_cases": {"nl": "patiënten", "en": "cases"},
    "settlement_network_key_revenue": {"nl": "omzet", "en": "revenue"},
    "settlement_network_key_equal": {"nl": "gelijke delen", "en": "equal parts"},
    "settlement_network_key_shares": {"nl": "vaste aandelen", "en": "fixed shares"},
    "settlement_note_network_equal": {
        "nl": "Netwerkkosten {cost}: verdeelsleutel {key} geeft elk ziekenhuis 0; in gelijke "
        "delen verdeeld",
        "en": "Network cost {cost}: key {key} gives every hospital 0; shared in equal parts",
    },
    "settlement_consent_given": {"nl": "gegeven", "en": "given"},
    "settlement_consent_withheld": {"nl": "niet gegeven", "en": "withheld"},
    "settlement_consent_partly": {"nl": "een deel van het jaar", "en": "part of the year"},
    "settlement_consent_assumed": {"nl": "aangenomen", "en": "assumed"},
    "settlement_workbook_monitoring_insurers": {
        "nl": "Gerealiseerd per verzekeraar",
        "en": "Realised per insurer",
    },
    "settlement_mode_referral": {"nl": "verwijzing", "en": "referral"},
    "settlement_mode_parallel": {"nl": "parallel declareren", "en": "parallel declaration"},
    "settlement_mode_odv": {"nl": "ODV", "en": "ODV"},
    "settlement_invariant_odv_lines_trace_to_input": {
        "nl": "elke ODV-regel herleidbaar tot invoer",
        "en": "every ODV line traces to its input",
    },
    "settlement_invariant_no_hospital_pays_itself": {
        "nl": "geen ziekenhuis betaalt zichzelf",
        "en": "no hospital pays itself",
    },
    "settlement_invariant_totals_per_kind_equal_lines": {
        "nl": "totalen per soort gelijk aan de regels",
        "en": "totals per kind equal the lines",
    },
    "settlement_invariant_caps_paid_within_declared": {
        "nl": "uitbetaald tussen 0 en gedeclareerd",
        "en": "paid between 0 and declared",
    },
    "settlement_invariant_declared_equals_count_times_price": {
        "nl": "gedeclareerd = aantal × prijs",
        "en": "declared = count × price",
    },
    "settlement_invariant_pair_nets_match_lines": {
        "nl": "saldo per paar klopt met de regels",
        "en": "pair nets match the lines",
    },
    "settlement_invariant_clearing_settles_positions": {
        "nl": "betalingen vereffenen alle posities",
        "en": "payments settle every position",
    },
    "settlement_invariant_positions_sum_to_zero": {
        "nl": "posities tellen op tot nul",
        "en": "positions sum to zero",
    },
    "settlement_source_sheet_empty": {
        "nl": "--source {sheet}: het werkboek heeft geen rijen op dit blad",
        "en": "--source {sheet}: the workbook has no rows on this sheet",
    },
    "settlement_key_volumes_row": {
        "nl": "productie rij {rows}",
        "en": "volumes row {rows}",
    },
    "settlement_workbook_source_rows": {"nl": "{count} bronregels", "en": "{count} source rows"},
    "settlement_workbook_lines_summarised": {
        "nl": "{count} regels samengevat per afspraak en prijs; de JSON-uitvoer bevat elke regel "
        "met zijn bron.",
        "en": "{count} lines summarised per agreement and price; the JSON output holds every "
        "line with its source.",
    },
    "settlement_workbook_invariants_hold": {"nl": "alle in orde", "en": "all hold"},
    # --- why a benchmark price is missing ------------------------------------------------------
    "price_reason_none_earlier": {
        "nl": "geen benchmarkprijs voor product {product} in {year} of een eerder jaar",
        "en": "no benchmark price for product {product} in {year} or an earlier year",
    },
    "price_reason_no_rate": {
        "nl": "geen benchmarkprijs voor product {product} in {year}, en geen "
        "indexatiepercentage voor {rate_year} om hem af te leiden van {base_year}",
        "en": "no benchmark price for product {product} in {year}, and no indexation rate for "
        "{rate_year} to derive it from {base_year}",
    },
    "price_reason_not_in_run": {
        "nl": "geen benchmarkprijs voor product {product} in {year} in deze berekening",
        "en": "no benchmark price for product {product} in {year} in this run",
    },
    # --- why an invariant does not hold (the text after its name) -------------------------------
    "settlement_invariant_detail_odv_without_source": {
        "nl": "ODV-regel zonder bronrij: {payer} → {payee}, zorgvorm {care_form}",
        "en": "ODV line without a source row: {payer} → {payee}, care form {care_form}",
    },
    "settlement_invariant_detail_line_pays_itself": {
        "nl": "{hospital} betaalt zichzelf (blad '{sheet}', rijen {rows})",
        "en": "{hospital} pays itself (sheet '{sheet}', rows {rows})",
    },
    "settlement_invariant_detail_payment_pays_itself": {
        "nl": "{hospital} betaalt zichzelf in de betalingen",
        "en": "{hospital} pays itself in the payments",
    },
    "settlement_invariant_detail_receivable_total": {
        "nl": "te ontvangen {kind} per ziekenhuis telt op tot {hospitals_cents}, de regels tot "
        "{lines_cents}",
        "en": "{kind} receivable per hospital sums to {hospitals_cents}, the lines to "
        "{lines_cents}",
    },
    "settlement_invariant_detail_payable_total": {
        "nl": "te betalen {kind} per ziekenhuis telt op tot {hospitals_cents}, de regels tot "
        "{lines_cents}",
        "en": "{kind} payable per hospital sums to {hospitals_cents}, the lines to {lines_cents}",
    },
    "settlement_invariant_detail_pairs_total": {
        "nl": "de paaroverzichten bevatten {pairs_cents} {kind}, de regels {lines_cents}",
        "en": "the pair statements hold {pairs_cents} of {kind}, the lines {lines_cents}",
    },
    "settlement_invariant_detail_paid_outside_declared": {
        "nl": "uitbetaald buiten 0 tot gedeclareerd voor {hospital} / {insurer}",
        "en": "paid outside 0 to declared for {hospital} / {insurer}",
    },
    "settlement_invariant_detail_clearing_leaves": {
        "nl": "na de betalingen staat {hospital} op {difference_cents}",
        "en": "the payments leave {hospital} at {difference_cents}",
    },
    "settlement_invariant_detail_too_many_payments": {
        "nl": "{payments} betalingen voor {hospitals} ziekenhuizen",
        "en": "{payments} payments for {hospitals} hospitals",
    },
    "settlement_invariant_detail_pair_nets_wrongly": {
        "nl": "het saldo van {hospital_a} en {hospital_b} klopt niet",
        "en": "the net of {hospital_a} and {hospital_b} is wrong",
    },
    "settlement_invariant_detail_declared_amount": {
        "nl": "{hospital} {product}: {count} × {unit_cents} gedeclareerd als {amount_cents}",
        "en": "{hospital} {product}: {count} × {unit_cents} declared as {amount_cents}",
    },
    "settlement_invariant_detail_spread_amount": {
        "nl": "{hospital} {product}: {count} × {unit_cents} over de verzekeraars verdeeld als "
        "{amount_cents} in plaats van {expected_cents}",
        "en": "{hospital} {product}: {count} × {unit_cents} spread over the insurers as "
        "{amount_cents} instead of {expected_cents}",
    },
    "settlement_invariant_detail_positions_sum": {
        "nl": "de posities tellen op tot {total_cents} in plaats van 0",
        "en": "the positions sum to {total_cents}, not 0",
    },
    # --- the settlement as text (CLI) ---------------------------------------------------------
    "settlement_text_heading": {
        "nl": "Verrekening {year} uit {source} ({input}); jaarbasis: {basis}",
        "en": "Settlement {year} from {source} ({input}); year basis: {basis}",
    },
    "settlement_text_hospital": {
        "nl": "{hospital}: gedeclareerd {declared_cents}, uitbetaald {paid_cents}, "
        "nettopositie {net_cents}",
        "en": "{hospital}: declared {declared_cents}, paid {paid_cents}, net position {net_cents}",
    },
    "settlement_text_payments": {"nl": "Betalingen:", "en": "Payments:"},
    "settlement_text_payment": {
        "nl": "{payer} → {payee}: {amount_cents}",
        "en": "{payer} → {payee}: {amount_cents}",
    },
    "settlement_text_exceptions": {"nl": "Uitzonderingen: {list}", "en": "Exceptions: {list}"},
    "settlement_text_none": {"nl": "geen", "en": "none"},
    "settlement_text_invariants_hold": {
        "nl": "Invarianten: alle in orde",
        "en": "Invariants: all hold",
    },
    "settlement_text_invariants_broken": {
        "nl": "Invarianten: GESCHONDEN: {list}",
        "en": "Invariants: BROKEN: {list}",
    },
}
