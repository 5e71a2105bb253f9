"""The input workbook, declared once (README, Input).

Every way in (Excel, a folder of CSV files, Parquet, the dashboard upload) and the template
generator read these declarations; no sheet or column name is written anywhere else. Dutch aliases
map to the canonical snake_case names here and only here.

Column kinds
------------
text   free text, stripped
code9  a 9-digit code kept as text (leading zeros matter); a number cell is an error
int    a whole number
number a real number (a decimal comma in a text cell is accepted)
money  an amount in EUR, kept exact as ``Decimal``
date   a calendar date (ISO ``2025-12-31`` or Dutch ``31-12-2025``)
bool   yes/no, ja/nee, true/false, 1/0
"""

from __future__ import annotations

import re
from dataclasses import dataclass

HOSPITAL_TYPES = ("umc", "topklinisch", "algemeen")
COMPONENTS = ("full", "diagnostics", "intervention", "aftercare")
MODES = ("referral", "parallel", "odv")
FALLBACK_MODES = ("odv", "referral")
NETWORK_KEYS = ("cases", "revenue", "equal", "shares")

# Dutch words accepted for enumerated values, mapped to the canonical value.
ENUM_ALIASES: dict[str, str] = {
    "volledig": "full",
    "diagnostiek": "diagnostics",
    "ingreep": "intervention",
    "operatie": "intervention",
    "nazorg": "aftercare",
    "verwijzing": "referral",
    "parallel declareren": "parallel",
    "parallelle declaratie": "parallel",
    "topklinisch ziekenhuis": "topklinisch",
    "algemeen ziekenhuis": "algemeen",
    # network cost keys, as the template's drop-down and the settlement workbook name them
    "patiënten": "cases",
    "patienten": "cases",
    "omzet": "revenue",
    "gelijke delen": "equal",
    "vaste aandelen": "shares",
}


@dataclass(frozen=True)
class Column:
    """One column of an input sheet."""

    name: str
    kind: str
    required: bool
    description: str
    alias: str = ""
    unit: str = ""
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = ()
    # the value a blank cell takes in an optional column (None = stays missing)
    default: object = None
    # values may be patient pseudonyms (or be swapped with them): never echoed in a finding
    private: bool = False

    @property
    def identifier(self) -> bool:
        """A code that other rows refer to: no control characters, not even tabs or breaks."""
        return self.kind == "code9" or (
            self.kind == "text"
            and (self.name.endswith(("_id", "_hospital")) or self.name == "insurer")
        )

    def expected(self) -> str:
        """What a valid cell holds, in words (used in findings and the template)."""
        words = {
            "text": "text",
            "code9": "a 9-digit code stored as text",
            "int": "a whole number",
            "number": "a number",
            "money": "an amount in EUR",
            "date": "a date (31-12-2025 or 2025-12-31)",
            "bool": "yes/no (ja/nee, true/false, 1/0)",
        }[self.kind]
        if self.choices:
            words = "one of " + ", ".join(self.choices)
        bounds = []
        if self.minimum is not None:
            bounds.append(f"≥ {self.minimum:g}")
        if self.maximum is not None:
            bounds.append(f"≤ {self.maximum:g}")
        return words + (" " + " and ".join(bounds) if bounds else "")


@dataclass(frozen=True)
class Sheet:
    """One sheet of the input workbook."""

    name: str
    alias: str
    description: str
    columns: tuple[Column, ...]
    required: bool = False
    key: tuple[str, ...] = ()

    def column(self, name: str) -> Column:
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(name)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


def _c(
    name: str, kind: str, required: bool, description: str, alias: str = "", **kw: object
) -> Column:
    return Column(name, kind, required, description, alias, **kw)  # type: ignore[arg-type]


SHEETS: tuple[Sheet, ...] = (
    Sheet(
        "hospitals",
        "ziekenhuizen",
        "One row per hospital of the region.",
        (
            _c("hospital_id", "text", True, "Unique short code, e.g. ALR", "ziekenhuis_id"),
            _c("name", "text", True, "Name of the hospital", "naam"),
            _c("type", "text", True, "Kind of hospital", "type", choices=HOSPITAL_TYPES),
            _c(
                "or_minutes",
                "number",
                True,
                "Elective OR minutes per year available for the care forms in this workbook",
                "ok_minuten",
                unit="minutes/year",
                minimum=0,
                maximum=100_000_000,
            ),
            _c(
                "bed_days",
                "number",
                False,
                "Clinical bed-days per year available for them; blank = not limiting",
                "beddagen",
                unit="bed-days/year",
                minimum=0,
                maximum=10_000_000,
            ),
            _c(
                "lat",
                "number",
                False,
                "Latitude (WGS84), for travel times",
                "breedtegraad",
                unit="degrees",
                minimum=-90,
                maximum=90,
            ),
            _c(
                "lon",
                "number",
                False,
                "Longitude (WGS84), for travel times",
                "lengtegraad",
                unit="degrees",
                minimum=-180,
                maximum=180,
            ),
            _c(
                "backfill_margin_per_minute",
                "number",
                False,
                "Margin a freed OR minute earns with other work (scenarios add it); blank = 0",
                "marge_per_vrijgekomen_ok_minuut",
                unit="EUR/minute",
                minimum=0,
                maximum=100_000,
            ),
            _c(
                "or_max_utilisation",
                "number",
                False,
                "Planning ceiling: the share of or_minutes a plan may use; blank = 0.90",
                "ok_max_bezetting",
                unit="share",
                minimum=0,
                maximum=1,
            ),
            _c(
                "beds_max_utilisation",
                "number",
                False,
                "Planning ceiling: the share of bed_days a plan may use; blank = 0.90",
                "bedden_max_bezetting",
                unit="share",
                minimum=0,
                maximum=1,
            ),
        ),
        required=True,
        key=("hospital_id",),
    ),
    Sheet(
        "care_forms",
        "zorgvormen",
        "One row per care form (patient group / procedure family).",
        (
            _c("care_form_id", "text", True, "Unique code, e.g. liesbreuk", "zorgvorm_id"),
            _c("name", "text", True, "Name of the care form", "naam"),
            _c(
                "specialism", "text", False, "4-digit AGB specialism code, e.g. 0303", "specialisme"
            ),
            _c(
                "or_minutes_per_case",
                "number",
                True,
                "OR session minutes per case",
                "ok_minuten_per_casus",
                unit="minutes/case",
                minimum=0,
                maximum=10_000,
            ),
            _c(
                "los_days",
                "number",
                False,
                "Bed-days per case (blank = 0)",
                "ligduur",
                unit="bed-days/case",
                minimum=0,
                maximum=3_650,
                default=0.0,
            ),
            _c(
                "volume_norm",
                "int",
                False,
                "Minimum cases per performing hospital per year; 0 or blank = no norm",
                "volumenorm",
                unit="cases/year",
                minimum=0,
                maximum=1_000_000,
                default=0,
            ),
            _c("norm_source", "text", False, "Source of the norm, e.g. SONCOS 2025", "normbron"),
            _c(
                "allowed_types",
                "text",
                False,
                "Comma list of hospital types that may perform it (umc, topklinisch, algemeen); "
                "blank = all",
                "toegestane_typen",
            ),
            _c(
                "variable_cost_share",
                "number",
                False,
                "Variable cost per case as a share of the full product's benchmark price",
                "aandeel_variabele_kosten",
                unit="share",
                minimum=0,
                maximum=1,
                default=0.0,
            ),
            _c(
                "max_hospitals",
                "int",
                False,
                "At most this many hospitals may perform it in an optimised scenario",
                "max_ziekenhuizen",
                minimum=1,
                maximum=10_000,
            ),
        ),
        required=True,
        key=("care_form_id",),
    ),
    Sheet(
        "products",
        "zorgproducten",
        "DBC care products and the part of the care path they bill.",
        (
            _c(
                "product_code",
                "code9",
                True,
                "9-digit DBC care product code, as text",
                "zorgproductcode",
            ),
            _c("description", "text", True, "Description of the product", "omschrijving"),
            _c("care_form_id", "text", True, "Care form the product belongs to", "zorgvorm_id"),
            _c(
                "component",
                "text",
                True,
                "Part of the care path the product bills",
                "onderdeel",
                choices=COMPONENTS,
            ),
        ),
        required=True,
        key=("product_code",),
    ),
    Sheet(
        "prices",
        "tarieven",
        "Benchmark price per product and year.",
        (
            _c("product_code", "code9", True, "9-digit DBC care product code", "zorgproductcode"),
            _c(
                "year", "int", True, "Year the price applies to", "jaar", minimum=2000, maximum=2100
            ),
            _c(
                "benchmark_price",
                "money",
                True,
                "Benchmark price",
                "benchmarkprijs",
                unit="EUR",
                minimum=0,
                maximum=100_000_000,
            ),
        ),
        required=True,
        key=("product_code", "year"),
    ),
    Sheet(
        "indexation",
        "indexatie",
        "Yearly price indexation: a missing price is last year's price × (1 + rate).",
        (
            _c("year", "int", True, "Year the rate applies to", "jaar", minimum=2000, maximum=2100),
            _c(
                "rate",
                "number",
                True,
                "Indexation rate, e.g. 0.035",
                "percentage",
                unit="share",
                minimum=-0.5,
                maximum=1,
            ),
        ),
        key=("year",),
    ),
    Sheet(
        "insurer_contracts",
        "contracten",
        "Insurer contracts per hospital and year.",
        (
            _c("hospital_id", "text", True, "Hospital", "ziekenhuis_id"),
            _c("year", "int", True, "Contract year", "jaar", minimum=2000, maximum=2100),
            _c("insurer", "text", True, "Insurer", "verzekeraar"),
            _c(
                "share",
                "number",
                True,
                "Share of the hospital's patients insured there; "
                "per hospital and year they sum to 1",
                "aandeel",
                unit="share",
                minimum=0,
                maximum=1,
            ),
            _c(
                "price_factor",
                "number",
                False,
                "Contract price = benchmark × factor (blank = 1)",
                "prijsfactor",
                minimum=0,
                maximum=100,
                default=1.0,
            ),
            _c(
                "revenue_cap",
                "money",
                False,
                "Revenue cap per year; blank = no cap",
                "omzetplafond",
                unit="EUR/year",
                minimum=0,
                maximum=100_000_000_000,
            ),
            _c(
                "overcap_rate",
                "number",
                False,
                "Share of the amount above the cap that is still paid (blank = 0)",
                "vergoeding_boven_plafond",
                unit="share",
                minimum=0,
                maximum=1,
                default=0.0,
            ),
        ),
        key=("hospital_id", "year", "insurer"),
    ),
    Sheet(
        "volumes",
        "productie",
        "Flows of cases: patients of a sending hospital per care form.",
        (
            _c("year", "int", True, "Year", "jaar", minimum=2000, maximum=2100),
            _c(
                "hospital_id",
                "text",
                True,
                "Sending (own) hospital of the patients",
                "ziekenhuis_id",
            ),
            _c("care_form_id", "text", True, "Care form", "zorgvorm_id"),
            _c(
                "cases",
                "number",
                True,
                "Number of cases",
                "aantal",
                unit="cases/year",
                minimum=0,
                maximum=10_000_000,
            ),
            _c(
                "performing_hospital_id",
                "text",
                False,
                "Hospital where the intervention takes place; blank = the sending hospital",
                "uitvoerend_ziekenhuis_id",
            ),
            _c(
                "period_from",
                "date",
                False,
                "First day of the period these cases fall in, within the year (blank = 1 January)",
                "periode_van",
            ),
            _c(
                "period_to",
                "date",
                False,
                "Last day of the period these cases fall in, within the year (blank = 31 December)",
                "periode_tot",
            ),
        ),
        key=("year", "hospital_id", "care_form_id", "performing_hospital_id", "period_from"),
    ),
    Sheet(
        "agreements",
        "afspraken",
        "Agreements to move a care form from one hospital to another.",
        (
            _c("agreement_id", "text", True, "Unique code of the agreement", "afspraak_id"),
            _c("care_form_id", "text", True, "Care form", "zorgvorm_id"),
            _c(
                "sending_hospital",
                "text",
                True,
                "Hospital whose patients move",
                "verwijzend_ziekenhuis",
            ),
            _c(
                "performing_hospital",
                "text",
                True,
                "Hospital that performs the intervention",
                "uitvoerend_ziekenhuis",
            ),
            _c(
                "mode",
                "text",
                True,
                "referral (whole path moves), parallel (both declare their part) or odv "
                "(dummy DBC, performer bills the sender)",
                "vorm",
                choices=MODES,
            ),
            _c(
                "share",
                "number",
                False,
                "Share of the sending hospital's own cases that moves in a manual scenario",
                "aandeel",
                unit="share",
                minimum=0,
                maximum=1,
            ),
            _c(
                "odv_price_share",
                "number",
                False,
                "ODV unit price = benchmark price of the ODV product × this (blank = 1)",
                "odv_prijsaandeel",
                unit="share",
                minimum=0,
                maximum=2,
                default=1.0,
            ),
            _c(
                "odv_fixed_price",
                "money",
                False,
                "Fixed price per ODV case; overrides odv_price_share",
                "odv_vaste_prijs",
                unit="EUR/case",
                minimum=0,
                maximum=100_000_000,
            ),
            _c(
                "secondment_hours_per_case",
                "number",
                False,
                "Specialist hours of the sending hospital per moved case (blank = 0)",
                "detachering_uren_per_casus",
                unit="hours/case",
                minimum=0,
                maximum=10_000,
                default=0.0,
            ),
            _c(
                "secondment_rate",
                "money",
                False,
                "Hourly rate the performing hospital pays the sending hospital",
                "detachering_tarief",
                unit="EUR/hour",
                minimum=0,
                maximum=1_000_000,
            ),
            _c("valid_from", "date", True, "First day the agreement applies", "geldig_vanaf"),
            _c("valid_to", "date", False, "Last day (inclusive); blank = open-ended", "geldig_tot"),
            _c(
                "planned_cases",
                "number",
                False,
                "Cases per year both sides planned",
                "geplande_aantal",
                unit="cases/year",
                minimum=0,
                maximum=10_000_000,
            ),
        ),
        key=("agreement_id",),
    ),
    Sheet(
        "registrations",
        "registraties",
        "Patient-level DBC registrations.",
        (
            _c("dbc_id", "text", True, "Unique DBC number within the file", "dbc_id", private=True),
            _c(
                "patient_id",
                "text",
                True,
                "Patient pseudonym (shown only on the exceptions sheet)",
                "patient_id",
                private=True,
            ),
            _c(
                "hospital_id",
                "text",
                True,
                "Hospital that registered the DBC",
                "ziekenhuis_id",
                private=True,
            ),
            _c("product_code", "code9", True, "9-digit DBC care product code", "zorgproductcode"),
            _c("insurer", "text", False, "Insurer of the patient", "verzekeraar"),
            _c("start_date", "date", True, "Opening date of the DBC", "begindatum"),
            _c("end_date", "date", True, "Closing date of the DBC", "einddatum"),
            _c("odv", "bool", True, "yes = dummy DBC for ODV, never declared", "odv"),
            _c(
                "partner_hospital",
                "text",
                False,
                "For ODV rows: the hospital that requested the work and declares",
                "partner_ziekenhuis",
                private=True,
            ),
        ),
        key=("dbc_id",),
    ),
    Sheet(
        "travel",
        "reistijden",
        "Travel minutes between hospitals (else from positions).",
        (
            _c("from_hospital", "text", True, "From hospital", "van_ziekenhuis"),
            _c("to_hospital", "text", True, "To hospital", "naar_ziekenhuis"),
            _c(
                "minutes",
                "number",
                True,
                "Travel time",
                "minuten",
                unit="minutes",
                minimum=0,
                maximum=10_000,
            ),
        ),
        key=("from_hospital", "to_hospital"),
    ),
    Sheet(
        "keep",
        "behouden",
        "Minimum cases a hospital keeps performing in an optimised scenario.",
        (
            _c("hospital_id", "text", True, "Hospital", "ziekenhuis_id"),
            _c("care_form_id", "text", True, "Care form", "zorgvorm_id"),
            _c(
                "min_cases",
                "number",
                True,
                "Minimum cases per year",
                "min_aantal",
                unit="cases/year",
                minimum=0,
                maximum=10_000_000,
            ),
        ),
        key=("hospital_id", "care_form_id"),
    ),
    Sheet(
        "hospital_care_forms",
        "ziekenhuis_zorgvormen",
        "What a care form takes at one hospital where it differs from the care form's value "
        "(a more efficient receiving site); blank = the care form's value.",
        (
            _c("hospital_id", "text", True, "Hospital", "ziekenhuis_id"),
            _c("care_form_id", "text", True, "Care form", "zorgvorm_id"),
            _c(
                "or_minutes_per_case",
                "number",
                False,
                "OR session minutes per case at this hospital",
                "ok_minuten_per_patient",
                unit="minutes",
                minimum=0,
                maximum=10_000,
            ),
            _c(
                "los_days",
                "number",
                False,
                "Bed-days per case at this hospital",
                "ligduur",
                unit="bed-days",
                minimum=0,
                maximum=1_000,
            ),
            _c(
                "variable_cost_per_case",
                "money",
                False,
                "Variable cost per case at this hospital (instead of the care form's share of "
                "the benchmark price)",
                "variabele_kosten_per_patient",
                unit="EUR",
                minimum=0,
            ),
        ),
        key=("hospital_id", "care_form_id"),
    ),
    Sheet(
        "service_costs",
        "dienstkosten",
        "Fixed yearly cost of offering a care form at a hospital (on-call rosters, equipment).",
        (
            _c("hospital_id", "text", True, "Hospital", "ziekenhuis_id"),
            _c("care_form_id", "text", True, "Care form", "zorgvorm_id"),
            _c(
                "fixed_cost",
                "number",
                True,
                "Fixed cost while the hospital performs the care form at all",
                "vaste_kosten",
                unit="EUR/year",
                minimum=0,
                maximum=1_000_000_000,
            ),
        ),
        key=("hospital_id", "care_form_id"),
    ),
    Sheet(
        "growth",
        "groei",
        "Expected yearly growth of demand, for multi-year projections (spreiding project).",
        (
            _c("care_form_id", "text", True, "Care form", "zorgvorm_id"),
            _c(
                "hospital_id",
                "text",
                False,
                "Sending hospital whose patients grow at this rate; blank = every hospital "
                "(a row for the hospital wins over the blank one)",
                "ziekenhuis_id",
            ),
            _c(
                "rate",
                "number",
                True,
                "Growth per year, e.g. 0.02 for 2 % a year (negative = decline)",
                "groei_per_jaar",
                unit="share/year",
                minimum=-0.5,
                maximum=1,
            ),
        ),
        key=("care_form_id", "hospital_id"),
    ),
    Sheet(
        "phases",
        "fasering",
        "Yearly share of an agreement: from this year on, this share of the sending hospital's "
        "cases moves (phased concentration); overrides the agreement's own share.",
        (
            _c("agreement_id", "text", True, "Agreement", "afspraak_id"),
            _c("year", "int", True, "First year of this share", "jaar", minimum=2000, maximum=2100),
            _c(
                "share",
                "number",
                True,
                "Share of the sending hospital's cases that moves from this year on",
                "aandeel",
                unit="share",
                minimum=0,
                maximum=1,
            ),
        ),
        key=("agreement_id", "year"),
    ),
    # the yearly settlement cycle (issue 20): consent, the quarterly plan, secondment contracts
    # and the network's shared costs
    Sheet(
        "insurer_consents",
        "toestemmingen",
        "Consent of each insurer to parallel declaration under an agreement. With this sheet a "
        "parallel agreement listed on it settles parallel only for patients of insurers that "
        "consented; the others are settled under the fallback mode.",
        (
            _c("agreement_id", "text", True, "Parallel agreement", "afspraak_id"),
            _c("insurer", "text", True, "Insurer (as on insurer_contracts)", "verzekeraar"),
            _c("consent", "bool", True, "yes = the insurer consented", "toestemming"),
            _c(
                "valid_from",
                "date",
                False,
                "First day of the consent (blank = always)",
                "geldig_vanaf",
            ),
            _c(
                "fallback_mode",
                "text",
                False,
                "How cases of an insurer without consent are settled: odv or referral "
                "(blank = odv)",
                "terugvalvorm",
                choices=FALLBACK_MODES,
                default="odv",
            ),
        ),
        key=("agreement_id", "insurer", "valid_from"),
    ),
    Sheet(
        "planning",
        "planning",
        "Planned moved cases per agreement and quarter (quarterly steering).",
        (
            _c("agreement_id", "text", True, "Agreement", "afspraak_id"),
            _c("year", "int", True, "Year", "jaar", minimum=2000, maximum=2100),
            _c("quarter", "int", True, "Quarter 1–4", "kwartaal", minimum=1, maximum=4),
            _c(
                "planned_cases",
                "number",
                True,
                "Cases planned to move in the quarter",
                "gepland_aantal",
                unit="cases",
                minimum=0,
                maximum=10_000_000,
            ),
        ),
        key=("agreement_id", "year", "quarter"),
    ),
    Sheet(
        "secondments",
        "detacheringen",
        "Secondment contracts: staff of one hospital working at another, billed per hour "
        "(settled pro rata per day the contract is in force in the year).",
        (
            _c("secondment_id", "text", True, "Unique code of the contract", "detachering_id"),
            _c(
                "from_hospital",
                "text",
                True,
                "Hospital whose staff is seconded (is paid)",
                "van_ziekenhuis",
            ),
            _c("to_hospital", "text", True, "Hospital where they work (pays)", "naar_ziekenhuis"),
            _c("role", "text", True, "Role, e.g. vaatchirurg", "functie"),
            _c("valid_from", "date", True, "First day", "geldig_vanaf"),
            _c("valid_to", "date", False, "Last day (inclusive; blank = open-ended)", "geldig_tot"),
            _c(
                "fte",
                "number",
                False,
                "Size in fte (1 fte = 1.872 hours a year)",
                "fte",
                minimum=0,
                maximum=100,
            ),
            _c(
                "hours_per_month",
                "number",
                False,
                "Hours per month (instead of fte)",
                "uren_per_maand",
                unit="hours/month",
                minimum=0,
                maximum=100_000,
            ),
            _c(
                "rate",
                "money",
                True,
                "Rate per hour in the year of valid_from",
                "tarief",
                unit="EUR/hour",
                minimum=0,
                maximum=10_000,
            ),
            _c(
                "indexation",
                "bool",
                False,
                "yes = the rate follows the indexation sheet in later years (blank = no)",
                "indexatie",
                default=False,
            ),
        ),
        key=("secondment_id",),
    ),
    Sheet(
        "network_costs",
        "netwerkkosten",
        "Shared costs of the network (coordination, a regional tumour board), paid by the "
        "treasurer hospital and shared by the key.",
        (
            _c("cost_id", "text", True, "Unique code of the cost", "kosten_id"),
            _c("year", "int", True, "Year", "jaar", minimum=2000, maximum=2100),
            _c("description", "text", True, "What the cost is", "omschrijving"),
            _c(
                "amount",
                "money",
                True,
                "Amount",
                "bedrag",
                unit="EUR",
                minimum=0,
                maximum=1_000_000_000,
            ),
            _c(
                "key",
                "text",
                True,
                "How it is shared: cases (cases performed), revenue (insurer revenue declared), "
                "equal, or shares (sheet network_shares)",
                "verdeelsleutel",
                choices=NETWORK_KEYS,
            ),
            _c("treasurer_hospital", "text", True, "Hospital that paid the cost", "penningmeester"),
        ),
        key=("cost_id",),
    ),
    Sheet(
        "network_shares",
        "netwerkaandelen",
        "Each hospital's share of a network cost with key 'shares' (a cost's shares sum to 1).",
        (
            _c("cost_id", "text", True, "Network cost", "kosten_id"),
            _c("hospital_id", "text", True, "Hospital", "ziekenhuis_id"),
            _c("share", "number", True, "Share", "aandeel", unit="share", minimum=0, maximum=1),
        ),
        key=("cost_id", "hospital_id"),
    ),
    # the business case over the years (issue 18): one-off costs of a plan and the
    # transformation funding a hospital receives
    Sheet(
        "one_off_costs",
        "eenmalige_kosten",
        "One-off costs of carrying out a plan (a move, training, equipment), per hospital and "
        "year; in the business case they lower the hospital's position in that year.",
        (
            _c("hospital_id", "text", True, "Hospital that bears the cost", "ziekenhuis_id"),
            _c("year", "int", True, "Year", "jaar", minimum=2000, maximum=2100),
            _c(
                "amount",
                "money",
                True,
                "Amount",
                "bedrag",
                unit="EUR",
                minimum=0,
                maximum=1_000_000_000,
            ),
            _c("description", "text", True, "What the cost is", "omschrijving"),
            _c(
                "agreement_id",
                "text",
                False,
                "Agreement the cost belongs to (blank = the plan as a whole)",
                "afspraak_id",
            ),
        ),
    ),
    Sheet(
        "funding",
        "financiering",
        "Transformation funding a hospital receives for a plan (from an insurer, the region), "
        "per year; in the business case it raises the hospital's position in that year.",
        (
            _c("hospital_id", "text", True, "Hospital that receives it", "ziekenhuis_id"),
            _c("year", "int", True, "Year", "jaar", minimum=2000, maximum=2100),
            _c(
                "amount",
                "money",
                True,
                "Amount",
                "bedrag",
                unit="EUR",
                minimum=0,
                maximum=1_000_000_000,
            ),
            _c("source", "text", True, "Who provides it, e.g. a transformation fund", "bron"),
        ),
    ),
    Sheet(
        "compensation",
        "compensatie",
        "Agreed transfers between hospitals in the region (a deal's compensation, e.g. from "
        "spreiding optimize --split): each row is a payment settled as a line of its own kind.",
        (
            _c("year", "int", True, "Settlement year", "jaar", minimum=2000, maximum=2100),
            _c("payer_hospital", "text", True, "Hospital that pays", "betaler"),
            _c("payee_hospital", "text", True, "Hospital that receives", "ontvanger"),
            _c(
                "amount",
                "money",
                True,
                "Amount",
                "bedrag",
                unit="EUR",
                minimum=0,
                maximum=1_000_000_000,
            ),
            _c("description", "text", False, "What the transfer is for", "omschrijving"),
        ),
    ),
)

SHEETS_BY_NAME: dict[str, Sheet] = {s.name: s for s in SHEETS}


def _header_key(raw: object) -> str:
    """A header or sheet name as matched: case, spaces, underscores and a BOM do not count."""
    return re.sub(r"[\s_]+", "_", str(raw).replace("\ufeff", "").strip().casefold())


_SHEET_KEYS: dict[str, str] = {
    _header_key(word): sheet.name for sheet in SHEETS for word in (sheet.name, sheet.alias) if word
}
_COLUMN_KEYS: dict[str, dict[str, str]] = {
    sheet.name: {
        _header_key(word): col.name
        for col in reversed(sheet.columns)
        for word in (col.alias, col.name)
        if word
    }
    for sheet in SHEETS
}


def canonical_sheet_name(raw: str) -> str | None:
    """The canonical name of a sheet called ``raw`` in a file, or None if it is not one of ours."""
    return _SHEET_KEYS.get(_header_key(raw))


def canonical_column_name(sheet: Sheet, raw: str) -> str | None:
    """The canonical name of a header ``raw`` on ``sheet``, or None for an unknown column.

    Case, surrounding spaces, runs of spaces or underscores and a byte-order mark do not count.
    """
    return _COLUMN_KEYS[sheet.name].get(_header_key(raw))
