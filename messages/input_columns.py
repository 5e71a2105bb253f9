"""What every sheet and column of the input workbook means, and its units, in Dutch and
English, for the template's explanation sheet: ``meaning_<sheet>_<column>``,
``sheet_meaning_<sheet>`` and ``unit_<unit>``. The English texts equal the descriptions in
:mod:`calculator.schema` (``tests/test_template.py`` keeps them in step)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "sheet_meaning_hospitals": {
        "nl": "Eén rij per ziekenhuis van de regio.",
        "en": "One row per hospital of the region.",
    },
    "meaning_hospitals_hospital_id": {
        "nl": "Unieke korte code, bijv. ALR",
        "en": "Unique short code, e.g. ALR",
    },
    "meaning_hospitals_name": {
        "nl": "Naam van het ziekenhuis",
        "en": "Name of the hospital",
    },
    "meaning_hospitals_type": {
        "nl": "Soort ziekenhuis",
        "en": "Kind of hospital",
    },
    "meaning_hospitals_or_minutes": {
        "nl": "Electieve OK-minuten per jaar beschikbaar voor de zorgvormen in deze werkmap",
        "en": "Elective OR minutes per year available for the care forms in this workbook",
    },
    "meaning_hospitals_bed_days": {
        "nl": "Klinische beddagen per jaar beschikbaar voor die zorgvormen; leeg = niet beperkend",
        "en": "Clinical bed-days per year available for them; blank = not limiting",
    },
    "meaning_hospitals_lat": {
        "nl": "Breedtegraad (WGS84), voor reistijden",
        "en": "Latitude (WGS84), for travel times",
    },
    "meaning_hospitals_lon": {
        "nl": "Lengtegraad (WGS84), voor reistijden",
        "en": "Longitude (WGS84), for travel times",
    },
    "meaning_hospitals_backfill_margin_per_minute": {
        "nl": (
            "Marge die een vrijgekomen OK-minuut met ander werk oplevert (scenario's tellen "
            "die op); leeg = 0"
        ),
        "en": "Margin a freed OR minute earns with other work (scenarios add it); blank = 0",
    },
    "meaning_hospitals_or_max_utilisation": {
        "nl": (
            "Planningsplafond: het deel van de OK-minuten dat een plan mag gebruiken; leeg = 0,90"
        ),
        "en": "Planning ceiling: the share of or_minutes a plan may use; blank = 0.90",
    },
    "meaning_hospitals_beds_max_utilisation": {
        "nl": "Planningsplafond: het deel van de beddagen dat een plan mag gebruiken; leeg = 0,90",
        "en": "Planning ceiling: the share of bed_days a plan may use; blank = 0.90",
    },
    "sheet_meaning_care_forms": {
        "nl": "Eén rij per zorgvorm (patiëntengroep of soort ingreep).",
        "en": "One row per care form (patient group / procedure family).",
    },
    "meaning_care_forms_care_form_id": {
        "nl": "Unieke code, bijv. liesbreuk",
        "en": "Unique code, e.g. liesbreuk",
    },
    "meaning_care_forms_name": {
        "nl": "Naam van de zorgvorm",
        "en": "Name of the care form",
    },
    "meaning_care_forms_specialism": {
        "nl": "AGB-specialismecode van 4 cijfers, bijv. 0303",
        "en": "4-digit AGB specialism code, e.g. 0303",
    },
    "meaning_care_forms_or_minutes_per_case": {
        "nl": "OK-sessieminuten per patiënt",
        "en": "OR session minutes per case",
    },
    "meaning_care_forms_los_days": {
        "nl": "Beddagen per patiënt (leeg = 0)",
        "en": "Bed-days per case (blank = 0)",
    },
    "meaning_care_forms_volume_norm": {
        "nl": "Minimum aantal patiënten per uitvoerend ziekenhuis per jaar; 0 of leeg = geen norm",
        "en": "Minimum cases per performing hospital per year; 0 or blank = no norm",
    },
    "meaning_care_forms_norm_source": {
        "nl": "Bron van de norm, bijv. SONCOS 2025",
        "en": "Source of the norm, e.g. SONCOS 2025",
    },
    "meaning_care_forms_allowed_types": {
        "nl": (
            "Soorten ziekenhuis die de zorgvorm mogen uitvoeren, gescheiden door komma's "
            "(umc, topklinisch, algemeen); leeg = alle"
        ),
        "en": (
            "Comma list of hospital types that may perform it (umc, topklinisch, algemeen); "
            "blank = all"
        ),
    },
    "meaning_care_forms_variable_cost_share": {
        "nl": (
            "Variabele kosten per patiënt als deel van de benchmarkprijs van het volledige product"
        ),
        "en": "Variable cost per case as a share of the full product's benchmark price",
    },
    "meaning_care_forms_max_hospitals": {
        "nl": (
            "Hoogstens zoveel ziekenhuizen mogen de zorgvorm uitvoeren in een geoptimaliseerd"
            " scenario"
        ),
        "en": "At most this many hospitals may perform it in an optimised scenario",
    },
    "sheet_meaning_products": {
        "nl": "DBC-zorgproducten en het deel van het zorgpad dat zij declareren.",
        "en": "DBC care products and the part of the care path they bill.",
    },
    "meaning_products_product_code": {
        "nl": "DBC-zorgproductcode van 9 cijfers, als tekst",
        "en": "9-digit DBC care product code, as text",
    },
    "meaning_products_description": {
        "nl": "Omschrijving van het product",
        "en": "Description of the product",
    },
    "meaning_products_care_form_id": {
        "nl": "Zorgvorm waartoe het product hoort",
        "en": "Care form the product belongs to",
    },
    "meaning_products_component": {
        "nl": "Deel van het zorgpad dat het product declareert",
        "en": "Part of the care path the product bills",
    },
    "sheet_meaning_prices": {
        "nl": "Benchmarkprijs per product en jaar.",
        "en": "Benchmark price per product and year.",
    },
    "meaning_prices_product_code": {
        "nl": "DBC-zorgproductcode van 9 cijfers",
        "en": "9-digit DBC care product code",
    },
    "meaning_prices_year": {
        "nl": "Jaar waarvoor de prijs geldt",
        "en": "Year the price applies to",
    },
    "meaning_prices_benchmark_price": {
        "nl": "Benchmarkprijs",
        "en": "Benchmark price",
    },
    "sheet_meaning_indexation": {
        "nl": (
            "Jaarlijkse prijsindexatie: een ontbrekende prijs is de prijs van vorig jaar × (1"
            " + percentage)."
        ),
        "en": "Yearly price indexation: a missing price is last year's price × (1 + rate).",
    },
    "meaning_indexation_year": {
        "nl": "Jaar waarvoor het percentage geldt",
        "en": "Year the rate applies to",
    },
    "meaning_indexation_rate": {
        "nl": "Indexatiepercentage als fractie, bijv. 0,035",
        "en": "Indexation rate, e.g. 0.035",
    },
    "sheet_meaning_insurer_contracts": {
        "nl": "Contracten met zorgverzekeraars per ziekenhuis en jaar.",
        "en": "Insurer contracts per hospital and year.",
    },
    "meaning_insurer_contracts_hospital_id": {
        "nl": "Ziekenhuis",
        "en": "Hospital",
    },
    "meaning_insurer_contracts_year": {
        "nl": "Contractjaar",
        "en": "Contract year",
    },
    "meaning_insurer_contracts_insurer": {
        "nl": "Zorgverzekeraar",
        "en": "Insurer",
    },
    "meaning_insurer_contracts_share": {
        "nl": (
            "Deel van de patiënten van het ziekenhuis dat daar verzekerd is; per ziekenhuis "
            "en jaar samen 1"
        ),
        "en": (
            "Share of the hospital's patients insured there; per hospital and year they sum to 1"
        ),
    },
    "meaning_insurer_contracts_price_factor": {
        "nl": "Contractprijs = benchmarkprijs × factor (leeg = 1)",
        "en": "Contract price = benchmark × factor (blank = 1)",
    },
    "meaning_insurer_contracts_revenue_cap": {
        "nl": "Omzetplafond per jaar; leeg = geen plafond",
        "en": "Revenue cap per year; blank = no cap",
    },
    "meaning_insurer_contracts_overcap_rate": {
        "nl": "Deel van het bedrag boven het plafond dat toch wordt betaald (leeg = 0)",
        "en": "Share of the amount above the cap that is still paid (blank = 0)",
    },
    "sheet_meaning_volumes": {
        "nl": "Patiëntenstromen: patiënten van een verwijzend ziekenhuis per zorgvorm.",
        "en": "Flows of cases: patients of a sending hospital per care form.",
    },
    "meaning_volumes_year": {
        "nl": "Jaar",
        "en": "Year",
    },
    "meaning_volumes_hospital_id": {
        "nl": "Verwijzend (eigen) ziekenhuis van de patiënten",
        "en": "Sending (own) hospital of the patients",
    },
    "meaning_volumes_care_form_id": {
        "nl": "Zorgvorm",
        "en": "Care form",
    },
    "meaning_volumes_cases": {
        "nl": "Aantal patiënten",
        "en": "Number of cases",
    },
    "meaning_volumes_performing_hospital_id": {
        "nl": "Ziekenhuis waar de ingreep plaatsvindt; leeg = het verwijzende ziekenhuis",
        "en": "Hospital where the intervention takes place; blank = the sending hospital",
    },
    "meaning_volumes_period_from": {
        "nl": (
            "Eerste dag van de periode waarin deze patiënten vallen, binnen het jaar (leeg = "
            "1 januari)"
        ),
        "en": "First day of the period these cases fall in, within the year (blank = 1 January)",
    },
    "meaning_volumes_period_to": {
        "nl": (
            "Laatste dag van de periode waarin deze patiënten vallen, binnen het jaar (leeg ="
            " 31 december)"
        ),
        "en": "Last day of the period these cases fall in, within the year (blank = 31 December)",
    },
    "sheet_meaning_agreements": {
        "nl": "Afspraken om een zorgvorm van het ene naar het andere ziekenhuis te verplaatsen.",
        "en": "Agreements to move a care form from one hospital to another.",
    },
    "meaning_agreements_agreement_id": {
        "nl": "Unieke code van de afspraak",
        "en": "Unique code of the agreement",
    },
    "meaning_agreements_care_form_id": {
        "nl": "Zorgvorm",
        "en": "Care form",
    },
    "meaning_agreements_sending_hospital": {
        "nl": "Ziekenhuis waarvan de patiënten verplaatsen",
        "en": "Hospital whose patients move",
    },
    "meaning_agreements_performing_hospital": {
        "nl": "Ziekenhuis dat de ingreep uitvoert",
        "en": "Hospital that performs the intervention",
    },
    "meaning_agreements_mode": {
        "nl": (
            "verwijzing (het hele zorgpad verhuist), parallel (beide declareren hun deel) of "
            "odv (dummy-DBC, de uitvoerder factureert het verwijzende ziekenhuis)"
        ),
        "en": (
            "referral (whole path moves), parallel (both declare their part) or odv (dummy "
            "DBC, performer bills the sender)"
        ),
    },
    "meaning_agreements_share": {
        "nl": (
            "Deel van de eigen patiënten van het verwijzende ziekenhuis dat verplaatst in een"
            " handmatig scenario"
        ),
        "en": "Share of the sending hospital's own cases that moves in a manual scenario",
    },
    "meaning_agreements_odv_price_share": {
        "nl": "ODV-prijs per patiënt = benchmarkprijs van het ODV-product × dit getal (leeg = 1)",
        "en": "ODV unit price = benchmark price of the ODV product × this (blank = 1)",
    },
    "meaning_agreements_odv_fixed_price": {
        "nl": "Vaste prijs per ODV-patiënt; gaat voor odv_prijsaandeel",
        "en": "Fixed price per ODV case; overrides odv_price_share",
    },
    "meaning_agreements_secondment_hours_per_case": {
        "nl": "Specialistenuren van het verwijzende ziekenhuis per verplaatste patiënt (leeg = 0)",
        "en": "Specialist hours of the sending hospital per moved case (blank = 0)",
    },
    "meaning_agreements_secondment_rate": {
        "nl": "Uurtarief dat het uitvoerende ziekenhuis het verwijzende ziekenhuis betaalt",
        "en": "Hourly rate the performing hospital pays the sending hospital",
    },
    "meaning_agreements_valid_from": {
        "nl": "Eerste dag waarop de afspraak geldt",
        "en": "First day the agreement applies",
    },
    "meaning_agreements_valid_to": {
        "nl": "Laatste dag (inclusief); leeg = zonder einddatum",
        "en": "Last day (inclusive); blank = open-ended",
    },
    "meaning_agreements_planned_cases": {
        "nl": "Aantal patiënten per jaar dat beide partijen planden",
        "en": "Cases per year both sides planned",
    },
    "sheet_meaning_registrations": {
        "nl": "DBC-registraties op patiëntniveau.",
        "en": "Patient-level DBC registrations.",
    },
    "meaning_registrations_dbc_id": {
        "nl": "Uniek DBC-nummer binnen het bestand",
        "en": "Unique DBC number within the file",
    },
    "meaning_registrations_patient_id": {
        "nl": "Pseudoniem van de patiënt (alleen getoond op het blad uitzonderingen)",
        "en": "Patient pseudonym (shown only on the exceptions sheet)",
    },
    "meaning_registrations_hospital_id": {
        "nl": "Ziekenhuis dat de DBC registreerde",
        "en": "Hospital that registered the DBC",
    },
    "meaning_registrations_product_code": {
        "nl": "DBC-zorgproductcode van 9 cijfers",
        "en": "9-digit DBC care product code",
    },
    "meaning_registrations_insurer": {
        "nl": "Zorgverzekeraar van de patiënt",
        "en": "Insurer of the patient",
    },
    "meaning_registrations_start_date": {
        "nl": "Openingsdatum van de DBC",
        "en": "Opening date of the DBC",
    },
    "meaning_registrations_end_date": {
        "nl": "Sluitingsdatum van de DBC",
        "en": "Closing date of the DBC",
    },
    "meaning_registrations_odv": {
        "nl": "ja = dummy-DBC voor ODV, nooit gedeclareerd",
        "en": "yes = dummy DBC for ODV, never declared",
    },
    "meaning_registrations_partner_hospital": {
        "nl": "Voor ODV-rijen: het ziekenhuis dat het werk vroeg en declareert",
        "en": "For ODV rows: the hospital that requested the work and declares",
    },
    "sheet_meaning_travel": {
        "nl": "Reistijd in minuten tussen ziekenhuizen (anders berekend uit de posities).",
        "en": "Travel minutes between hospitals (else from positions).",
    },
    "meaning_travel_from_hospital": {
        "nl": "Van ziekenhuis",
        "en": "From hospital",
    },
    "meaning_travel_to_hospital": {
        "nl": "Naar ziekenhuis",
        "en": "To hospital",
    },
    "meaning_travel_minutes": {
        "nl": "Reistijd",
        "en": "Travel time",
    },
    "sheet_meaning_keep": {
        "nl": (
            "Minimum aantal patiënten dat een ziekenhuis blijft behandelen in een "
            "geoptimaliseerd scenario."
        ),
        "en": "Minimum cases a hospital keeps performing in an optimised scenario.",
    },
    "meaning_keep_hospital_id": {
        "nl": "Ziekenhuis",
        "en": "Hospital",
    },
    "meaning_keep_care_form_id": {
        "nl": "Zorgvorm",
        "en": "Care form",
    },
    "meaning_keep_min_cases": {
        "nl": "Minimum aantal patiënten per jaar",
        "en": "Minimum cases per year",
    },
    "sheet_meaning_hospital_care_forms": {
        "nl": (
            "Wat een zorgvorm in één ziekenhuis kost waar dat afwijkt van de waarde van de "
            "zorgvorm (een efficiëntere ontvangende locatie); leeg = de waarde van de "
            "zorgvorm."
        ),
        "en": (
            "What a care form takes at one hospital where it differs from the care form's "
            "value (a more efficient receiving site); blank = the care form's value."
        ),
    },
    "meaning_hospital_care_forms_hospital_id": {
        "nl": "Ziekenhuis",
        "en": "Hospital",
    },
    "meaning_hospital_care_forms_care_form_id": {
        "nl": "Zorgvorm",
        "en": "Care form",
    },
    "meaning_hospital_care_forms_or_minutes_per_case": {
        "nl": "OK-sessieminuten per patiënt in dit ziekenhuis",
        "en": "OR session minutes per case at this hospital",
    },
    "meaning_hospital_care_forms_los_days": {
        "nl": "Beddagen per patiënt in dit ziekenhuis",
        "en": "Bed-days per case at this hospital",
    },
    "meaning_hospital_care_forms_variable_cost_per_case": {
        "nl": (
            "Variabele kosten per patiënt in dit ziekenhuis (in plaats van het aandeel van de"
            " zorgvorm in de benchmarkprijs)"
        ),
        "en": (
            "Variable cost per case at this hospital (instead of the care form's share of the"
            " benchmark price)"
        ),
    },
    "sheet_meaning_service_costs": {
        "nl": (
            "Vaste jaarlijkse kosten van het aanbieden van een zorgvorm in een ziekenhuis "
            "(diensten, apparatuur)."
        ),
        "en": (
            "Fixed yearly cost of offering a care form at a hospital (on-call rosters, equipment)."
        ),
    },
    "meaning_service_costs_hospital_id": {
        "nl": "Ziekenhuis",
        "en": "Hospital",
    },
    "meaning_service_costs_care_form_id": {
        "nl": "Zorgvorm",
        "en": "Care form",
    },
    "meaning_service_costs_fixed_cost": {
        "nl": "Vaste kosten zolang het ziekenhuis de zorgvorm uitvoert",
        "en": "Fixed cost while the hospital performs the care form at all",
    },
    "sheet_meaning_growth": {
        "nl": (
            "Verwachte jaarlijkse groei van de vraag, voor meerjarige projecties (spreiding "
            "project)."
        ),
        "en": "Expected yearly growth of demand, for multi-year projections (spreiding project).",
    },
    "meaning_growth_care_form_id": {
        "nl": "Zorgvorm",
        "en": "Care form",
    },
    "meaning_growth_hospital_id": {
        "nl": (
            "Verwijzend ziekenhuis waarvan de patiënten met dit percentage groeien; leeg = "
            "elk ziekenhuis (een rij voor het ziekenhuis gaat voor de lege)"
        ),
        "en": (
            "Sending hospital whose patients grow at this rate; blank = every hospital (a row"
            " for the hospital wins over the blank one)"
        ),
    },
    "meaning_growth_rate": {
        "nl": "Groei per jaar, bijv. 0,02 voor 2 % per jaar (negatief = krimp)",
        "en": "Growth per year, e.g. 0.02 for 2 % a year (negative = decline)",
    },
    "sheet_meaning_phases": {
        "nl": (
            "Jaarlijks aandeel van een afspraak: vanaf dit jaar verplaatst dit deel van de "
            "patiënten van het verwijzende ziekenhuis (gefaseerde concentratie); gaat voor "
            "het eigen aandeel van de afspraak."
        ),
        "en": (
            "Yearly share of an agreement: from this year on, this share of the sending "
            "hospital's cases moves (phased concentration); overrides the agreement's own "
            "share."
        ),
    },
    "meaning_phases_agreement_id": {
        "nl": "Afspraak",
        "en": "Agreement",
    },
    "meaning_phases_year": {
        "nl": "Eerste jaar van dit aandeel",
        "en": "First year of this share",
    },
    "meaning_phases_share": {
        "nl": "Deel van de patiënten van het verwijzende ziekenhuis dat vanaf dit jaar verplaatst",
        "en": "Share of the sending hospital's cases that moves from this year on",
    },
    "sheet_meaning_insurer_consents": {
        "nl": (
            "Toestemming van elke verzekeraar voor parallel declareren onder een afspraak. "
            "Met dit blad verrekent een parallelle afspraak die erop staat alleen parallel "
            "voor patiënten van verzekeraars die toestemming gaven; de andere volgens de "
            "terugvalvorm."
        ),
        "en": (
            "Consent of each insurer to parallel declaration under an agreement. With this "
            "sheet a parallel agreement listed on it settles parallel only for patients of "
            "insurers that consented; the others are settled under the fallback mode."
        ),
    },
    "meaning_insurer_consents_agreement_id": {
        "nl": "Parallelle afspraak",
        "en": "Parallel agreement",
    },
    "meaning_insurer_consents_insurer": {
        "nl": "Zorgverzekeraar (zoals op het blad contracten)",
        "en": "Insurer (as on insurer_contracts)",
    },
    "meaning_insurer_consents_consent": {
        "nl": "ja = de verzekeraar gaf toestemming",
        "en": "yes = the insurer consented",
    },
    "meaning_insurer_consents_valid_from": {
        "nl": "Eerste dag van de toestemming (leeg = altijd)",
        "en": "First day of the consent (blank = always)",
    },
    "meaning_insurer_consents_fallback_mode": {
        "nl": (
            "Hoe patiënten van een verzekeraar zonder toestemming worden verrekend: odv of "
            "verwijzing (leeg = odv)"
        ),
        "en": "How cases of an insurer without consent are settled: odv or referral (blank = odv)",
    },
    "sheet_meaning_planning": {
        "nl": "Geplande verplaatste patiënten per afspraak en kwartaal (kwartaalsturing).",
        "en": "Planned moved cases per agreement and quarter (quarterly steering).",
    },
    "meaning_planning_agreement_id": {
        "nl": "Afspraak",
        "en": "Agreement",
    },
    "meaning_planning_year": {
        "nl": "Jaar",
        "en": "Year",
    },
    "meaning_planning_quarter": {
        "nl": "Kwartaal 1–4",
        "en": "Quarter 1–4",
    },
    "meaning_planning_planned_cases": {
        "nl": "Aantal patiënten dat in het kwartaal zou verplaatsen",
        "en": "Cases planned to move in the quarter",
    },
    "sheet_meaning_secondments": {
        "nl": (
            "Detacheringscontracten: medewerkers van het ene ziekenhuis die in een ander "
            "werken, betaald per uur (naar rato verrekend per dag dat het contract in het "
            "jaar loopt)."
        ),
        "en": (
            "Secondment contracts: staff of one hospital working at another, billed per hour "
            "(settled pro rata per day the contract is in force in the year)."
        ),
    },
    "meaning_secondments_secondment_id": {
        "nl": "Unieke code van het contract",
        "en": "Unique code of the contract",
    },
    "meaning_secondments_from_hospital": {
        "nl": "Ziekenhuis waarvan de medewerkers gedetacheerd zijn (ontvangt)",
        "en": "Hospital whose staff is seconded (is paid)",
    },
    "meaning_secondments_to_hospital": {
        "nl": "Ziekenhuis waar zij werken (betaalt)",
        "en": "Hospital where they work (pays)",
    },
    "meaning_secondments_role": {
        "nl": "Functie, bijv. vaatchirurg",
        "en": "Role, e.g. vaatchirurg",
    },
    "meaning_secondments_valid_from": {
        "nl": "Eerste dag",
        "en": "First day",
    },
    "meaning_secondments_valid_to": {
        "nl": "Laatste dag (inclusief; leeg = zonder einddatum)",
        "en": "Last day (inclusive; blank = open-ended)",
    },
    "meaning_secondments_fte": {
        "nl": "Omvang in fte (1 fte = 1.872 uur per jaar)",
        "en": "Size in fte (1 fte = 1.872 hours a year)",
    },
    "meaning_secondments_hours_per_month": {
        "nl": "Uren per maand (in plaats van fte)",
        "en": "Hours per month (instead of fte)",
    },
    "meaning_secondments_rate": {
        "nl": "Uurtarief in het jaar van geldig_vanaf",
        "en": "Rate per hour in the year of valid_from",
    },
    "meaning_secondments_indexation": {
        "nl": "ja = het tarief volgt in latere jaren het blad indexatie (leeg = nee)",
        "en": "yes = the rate follows the indexation sheet in later years (blank = no)",
    },
    "sheet_meaning_network_costs": {
        "nl": (
            "Gedeelde kosten van het netwerk (coördinatie, een regionaal tumorbord), betaald "
            "door het penningmeesterziekenhuis en verdeeld volgens de verdeelsleutel."
        ),
        "en": (
            "Shared costs of the network (coordination, a regional tumour board), paid by the"
            " treasurer hospital and shared by the key."
        ),
    },
    "meaning_network_costs_cost_id": {
        "nl": "Unieke code van de kosten",
        "en": "Unique code of the cost",
    },
    "meaning_network_costs_year": {
        "nl": "Jaar",
        "en": "Year",
    },
    "meaning_network_costs_description": {
        "nl": "Waar de kosten voor zijn",
        "en": "What the cost is",
    },
    "meaning_network_costs_amount": {
        "nl": "Bedrag",
        "en": "Amount",
    },
    "meaning_network_costs_key": {
        "nl": (
            "Hoe de kosten worden verdeeld: patiënten (uitgevoerde patiënten), omzet "
            "(gedeclareerde omzet bij verzekeraars), gelijke delen, of vaste aandelen (blad "
            "netwerkaandelen)"
        ),
        "en": (
            "How it is shared: cases (cases performed), revenue (insurer revenue declared), "
            "equal, or shares (sheet network_shares)"
        ),
    },
    "meaning_network_costs_treasurer_hospital": {
        "nl": "Ziekenhuis dat de kosten betaalde",
        "en": "Hospital that paid the cost",
    },
    "sheet_meaning_network_shares": {
        "nl": (
            "Het aandeel van elk ziekenhuis in netwerkkosten met verdeelsleutel 'vaste "
            "aandelen' (de aandelen van één post tellen op tot 1)."
        ),
        "en": (
            "Each hospital's share of a network cost with key 'shares' (a cost's shares sum to 1)."
        ),
    },
    "meaning_network_shares_cost_id": {
        "nl": "Netwerkkosten",
        "en": "Network cost",
    },
    "meaning_network_shares_hospital_id": {
        "nl": "Ziekenhuis",
        "en": "Hospital",
    },
    "meaning_network_shares_share": {
        "nl": "Aandeel",
        "en": "Share",
    },
    "sheet_meaning_one_off_costs": {
        "nl": (
            "Eenmalige kosten van het uitvoeren van een plan (verhuizing, scholing, "
            "apparatuur), per ziekenhuis en jaar; in de businesscase verlagen zij de positie "
            "van het ziekenhuis in dat jaar."
        ),
        "en": (
            "One-off costs of carrying out a plan (a move, training, equipment), per hospital"
            " and year; in the business case they lower the hospital's position in that year."
        ),
    },
    "meaning_one_off_costs_hospital_id": {
        "nl": "Ziekenhuis dat de kosten draagt",
        "en": "Hospital that bears the cost",
    },
    "meaning_one_off_costs_year": {
        "nl": "Jaar",
        "en": "Year",
    },
    "meaning_one_off_costs_amount": {
        "nl": "Bedrag",
        "en": "Amount",
    },
    "meaning_one_off_costs_description": {
        "nl": "Waar de kosten voor zijn",
        "en": "What the cost is",
    },
    "meaning_one_off_costs_agreement_id": {
        "nl": "Afspraak waartoe de kosten horen (leeg = het plan als geheel)",
        "en": "Agreement the cost belongs to (blank = the plan as a whole)",
    },
    "sheet_meaning_funding": {
        "nl": (
            "Transformatiegeld dat een ziekenhuis voor een plan ontvangt (van een "
            "verzekeraar, de regio), per jaar; in de businesscase verhoogt het de positie van"
            " het ziekenhuis in dat jaar."
        ),
        "en": (
            "Transformation funding a hospital receives for a plan (from an insurer, the "
            "region), per year; in the business case it raises the hospital's position in "
            "that year."
        ),
    },
    "meaning_funding_hospital_id": {
        "nl": "Ziekenhuis dat het ontvangt",
        "en": "Hospital that receives it",
    },
    "meaning_funding_year": {
        "nl": "Jaar",
        "en": "Year",
    },
    "meaning_funding_amount": {
        "nl": "Bedrag",
        "en": "Amount",
    },
    "meaning_funding_source": {
        "nl": "Wie het geeft, bijv. een transformatiefonds",
        "en": "Who provides it, e.g. a transformation fund",
    },
    "sheet_meaning_compensation": {
        "nl": (
            "Afgesproken overdrachten tussen ziekenhuizen in de regio (de compensatie van een"
            " akkoord, bijv. uit spreiding optimize --split): elke rij is een betaling, "
            "verrekend als eigen soort regel."
        ),
        "en": (
            "Agreed transfers between hospitals in the region (a deal's compensation, e.g. "
            "from spreiding optimize --split): each row is a payment settled as a line of its"
            " own kind."
        ),
    },
    "meaning_compensation_year": {
        "nl": "Verrekenjaar",
        "en": "Settlement year",
    },
    "meaning_compensation_payer_hospital": {
        "nl": "Ziekenhuis dat betaalt",
        "en": "Hospital that pays",
    },
    "meaning_compensation_payee_hospital": {
        "nl": "Ziekenhuis dat ontvangt",
        "en": "Hospital that receives",
    },
    "meaning_compensation_amount": {
        "nl": "Bedrag",
        "en": "Amount",
    },
    "meaning_compensation_description": {
        "nl": "Waar de overdracht voor is",
        "en": "What the transfer is for",
    },
    "unit_EUR": {"nl": "euro", "en": "EUR"},
    "unit_EUR/case": {"nl": "euro per patiënt", "en": "EUR per case"},
    "unit_EUR/hour": {"nl": "euro per uur", "en": "EUR per hour"},
    "unit_EUR/minute": {"nl": "euro per minuut", "en": "EUR per minute"},
    "unit_EUR/year": {"nl": "euro per jaar", "en": "EUR per year"},
    "unit_bed-days": {"nl": "beddagen", "en": "bed-days"},
    "unit_bed-days/case": {"nl": "beddagen per patiënt", "en": "bed-days per case"},
    "unit_bed-days/year": {"nl": "beddagen per jaar", "en": "bed-days per year"},
    "unit_cases": {"nl": "patiënten", "en": "cases"},
    "unit_cases/year": {"nl": "patiënten per jaar", "en": "cases per year"},
    "unit_degrees": {"nl": "graden", "en": "degrees"},
    "unit_hours/case": {"nl": "uren per patiënt", "en": "hours per case"},
    "unit_hours/month": {"nl": "uren per maand", "en": "hours per month"},
    "unit_minutes": {"nl": "minuten", "en": "minutes"},
    "unit_minutes/case": {"nl": "minuten per patiënt", "en": "minutes per case"},
    "unit_minutes/year": {"nl": "minuten per jaar", "en": "minutes per year"},
    "unit_share": {"nl": "deel (0–1)", "en": "share (0–1)"},
    "unit_share/year": {"nl": "deel per jaar", "en": "share per year"},
}
