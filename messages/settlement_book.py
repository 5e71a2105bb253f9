"""Texts of the settlement workbook (``spreiding settle --out``): sheet names, column headers,
the totals rows and the signing sheet, by code: {code: {"nl": ..., "en": ...}}.

A header code is ``sbook_<table>_<column>``, with the canonical column name of the result's
frame; :data:`COLUMNS` lists each table's columns in order for
:func:`calculator.settlement_export.headers`.
"""

from __future__ import annotations

_HEADERS: dict[str, dict[str, tuple[str, str]]] = {
    "summary": {
        "hospital_id": ("ziekenhuis", "hospital"),
        "insurer_declared_cents": ("gedeclareerd bij verzekeraars", "declared to insurers"),
        "insurer_paid_cents": ("uitbetaald door verzekeraars", "paid by insurers"),
        "insurer_unpaid_cents": ("niet uitbetaald (boven plafond)", "not paid (above the cap)"),
        "odv_receivable_cents": ("ODV te ontvangen", "ODV receivable"),
        "odv_payable_cents": ("ODV te betalen", "ODV payable"),
        "secondment_receivable_cents": ("detachering te ontvangen", "secondment receivable"),
        "secondment_payable_cents": ("detachering te betalen", "secondment payable"),
        "secondment_contract_receivable_cents": (
            "detacheringscontracten te ontvangen",
            "secondment contracts receivable",
        ),
        "secondment_contract_payable_cents": (
            "detacheringscontracten te betalen",
            "secondment contracts payable",
        ),
        "network_costs_receivable_cents": (
            "netwerkkosten te ontvangen",
            "network costs receivable",
        ),
        "network_costs_payable_cents": ("netwerkkosten te betalen", "network costs payable"),
        "compensation_receivable_cents": ("compensatie te ontvangen", "compensation receivable"),
        "compensation_payable_cents": ("compensatie te betalen", "compensation payable"),
        "net_position_cents": ("nettopositie", "net position"),
    },
    "pairs": {
        "hospital_a": ("ziekenhuis A", "hospital A"),
        "hospital_b": ("ziekenhuis B", "hospital B"),
        "a_owes_b_odv_cents": ("A aan B: ODV", "A to B: ODV"),
        "a_owes_b_secondment_cents": ("A aan B: detachering", "A to B: secondment"),
        "b_owes_a_odv_cents": ("B aan A: ODV", "B to A: ODV"),
        "b_owes_a_secondment_cents": ("B aan A: detachering", "B to A: secondment"),
        "a_owes_b_secondment_contract_cents": (
            "A aan B: detacheringscontracten",
            "A to B: secondment contracts",
        ),
        "b_owes_a_secondment_contract_cents": (
            "B aan A: detacheringscontracten",
            "B to A: secondment contracts",
        ),
        "a_owes_b_network_costs_cents": ("A aan B: netwerkkosten", "A to B: network costs"),
        "b_owes_a_network_costs_cents": ("B aan A: netwerkkosten", "B to A: network costs"),
        "a_owes_b_compensation_cents": ("A aan B: compensatie", "A to B: compensation"),
        "b_owes_a_compensation_cents": ("B aan A: compensatie", "B to A: compensation"),
        "a_owes_b_cents": ("A aan B: totaal", "A to B: total"),
        "b_owes_a_cents": ("B aan A: totaal", "B to A: total"),
        "payer": ("betaler", "payer"),
        "payee": ("ontvanger", "payee"),
        "net_cents": ("netto te betalen", "net payable"),
    },
    "payments": {
        "payer": ("betaler", "payer"),
        "payee": ("ontvanger", "payee"),
        "amount_cents": ("bedrag", "amount"),
    },
    "lines": {
        "kind": ("soort", "kind"),
        "care_form_id": ("zorgvorm", "care form"),
        "payer": ("betaler", "payer"),
        "payee": ("ontvanger", "payee"),
        "product_code": ("zorgproduct", "care product"),
        "count": ("aantal", "count"),
        "unit_price_cents": ("prijs per stuk", "unit price"),
        "amount_cents": ("bedrag", "amount"),
        "agreement_id": ("afspraak", "agreement"),
        "price_year": ("prijsjaar", "price year"),
        "source_sheet": ("bronblad", "source sheet"),
        "source_rows": ("bronregels", "source rows"),
        "source_keys": ("DBC's", "DBCs"),
    },
    "caps": {
        "hospital_id": ("ziekenhuis", "hospital"),
        "insurer": ("verzekeraar", "insurer"),
        "declared_cents": ("gedeclareerd", "declared"),
        "revenue_cap_cents": ("omzetplafond", "revenue cap"),
        "overcap_rate": ("vergoeding boven plafond", "paid above the cap"),
        "paid_cents": ("uitbetaald", "paid"),
        "unpaid_cents": ("niet uitbetaald", "not paid"),
    },
    "exceptions": {
        "kind": ("soort", "kind"),
        "key": ("sleutel (dbc of regel)", "key (DBC or row)"),
        "hospital_id": ("ziekenhuis", "hospital"),
        "partner_hospital": ("partner", "partner"),
        "care_form_id": ("zorgvorm", "care form"),
        "patient_id": ("patiënt (pseudoniem)", "patient (pseudonym)"),
        "source_sheet": ("bronblad", "source sheet"),
        "source_rows": ("bronregels", "source rows"),
        "message": ("toelichting", "explanation"),
    },
    "monitor": {
        "agreement_id": ("afspraak", "agreement"),
        "care_form_id": ("zorgvorm", "care form"),
        "sending_hospital": ("verwijzer", "sending"),
        "performing_hospital": ("uitvoerder", "performing"),
        "mode": ("vorm", "mode"),
        "year": ("jaar", "year"),
        "planned_cases": ("gepland", "planned"),
        "realised_cases": ("gerealiseerd", "realised"),
        "deviation_cases": ("afwijking", "deviation"),
        "deviation_share": ("afwijking %", "deviation %"),
    },
    "monitor_insurer": {
        "agreement_id": ("afspraak", "agreement"),
        "care_form_id": ("zorgvorm", "care form"),
        "sending_hospital": ("verwijzer", "sending"),
        "performing_hospital": ("uitvoerder", "performing"),
        "mode": ("vorm", "mode"),
        "year": ("jaar", "year"),
        "insurer": ("verzekeraar", "insurer"),
        "realised_cases": ("gerealiseerd", "realised"),
        "consent": ("toestemming parallel declareren", "consent to parallel declaration"),
    },
    "secondment": {
        "secondment_id": ("detachering", "secondment"),
        "from_hospital": ("van (ontvangt)", "from (is paid)"),
        "to_hospital": ("naar (betaalt)", "to (pays)"),
        "role": ("functie", "role"),
        "year": ("jaar", "year"),
        "days": ("dagen in werking", "days in force"),
        "days_in_year": ("dagen in het jaar", "days in the year"),
        "hours": ("uren", "hours"),
        "rate_cents": ("uurtarief", "hourly rate"),
        "indexed": ("geïndexeerd", "indexed"),
        "amount_cents": ("bedrag", "amount"),
        "source_rows": ("bronregel", "source row"),
    },
    "network": {
        "cost_id": ("netwerkkosten", "network cost"),
        "year": ("jaar", "year"),
        "description": ("omschrijving", "description"),
        "key": ("verdeelsleutel", "key"),
        "treasurer_hospital": ("penningmeester", "treasurer"),
        "hospital_id": ("ziekenhuis", "hospital"),
        "weight": ("gewicht", "weight"),
        "part_cents": ("aandeel", "share"),
        "source_rows": ("bronregel", "source row"),
    },
    "prices": {
        "product_code": ("zorgproduct", "care product"),
        "year": ("jaar", "year"),
        "care_form_id": ("zorgvorm", "care form"),
        "component": ("onderdeel", "component"),
        "benchmark_price": ("benchmarkprijs", "benchmark price"),
        "source_year": ("afgeleid van jaar", "derived from year"),
        "indexed": ("geïndexeerd", "indexed"),
    },
    "compare": {
        "hospital_id": ("ziekenhuis", "hospital"),
        "item": ("soort", "item"),
        "previous_cents": ("vorige verrekening", "previous settlement"),
        "current_cents": ("deze verrekening", "this settlement"),
        "change_cents": ("verschil", "change"),
    },
    "basis": {
        "item": ("onderdeel", "item"),
        "value": ("waarde", "value"),
        "year": ("jaar", "year"),
        "source": ("bron", "source"),
        "year_basis": ("jaarbasis", "year basis"),
        "note": ("opmerking", "note"),
        "invariants": ("invarianten", "invariants"),
    },
}

# the columns of each table, in the order the workbook shows them
COLUMNS: dict[str, tuple[str, ...]] = {table: tuple(cols) for table, cols in _HEADERS.items()}

TEXTS: dict[str, dict[str, str]] = {
    f"sbook_{table}_{column}": {"nl": nl, "en": en}
    for table, columns in _HEADERS.items()
    for column, (nl, en) in columns.items()
}

TEXTS.update(
    {
        # sheet names (at most 31 characters, Excel's limit)
        "sbook_sheet_summary": {"nl": "Samenvatting", "en": "Summary"},
        "sbook_sheet_signing": {"nl": "Ondertekening", "en": "Sign-off"},
        "sbook_sheet_caps": {"nl": "Omzet", "en": "Revenue"},
        "sbook_sheet_pairs": {"nl": "Verrekening", "en": "Settlement"},
        "sbook_sheet_lines": {"nl": "Regels", "en": "Lines"},
        "sbook_sheet_exceptions": {"nl": "Uitzonderingen", "en": "Exceptions"},
        "sbook_sheet_monitor": {"nl": "Monitoring", "en": "Monitoring"},
        "sbook_sheet_secondment": {"nl": "Detacheringen", "en": "Secondments"},
        "sbook_sheet_network": {"nl": "Netwerkkosten", "en": "Network costs"},
        "sbook_sheet_basis": {"nl": "Uitgangspunten", "en": "Basis"},
        # titles of tables below another
        "sbook_payments_title": {
            "nl": "Betalingen (regionale verrekening)",
            "en": "Payments (regional clearing)",
        },
        "sbook_prices_title": {"nl": "Gebruikte benchmarkprijzen", "en": "Benchmark prices used"},
        "sbook_total": {"nl": "Totaal", "en": "Total"},
        # the signing sheet
        "sbook_signing_title": {
            "nl": "Verrekening {year} tussen de ziekenhuizen: ondertekening",
            "en": "Settlement {year} between the hospitals: sign-off",
        },
        "sbook_signing_statement": {
            "nl": "De raden van bestuur van de ziekenhuizen hieronder stemmen in met de "
            "verrekening over {year} zoals deze werkmap haar vastlegt, en met de betalingen in "
            "de tabel: samen {total_cents} in {count} betalingen.",
            "en": "The boards of the hospitals below agree to the settlement for {year} as this "
            "workbook records it, and to the payments in the table: {total_cents} in {count} "
            "payments together.",
        },
        "sbook_signing_basis": {
            "nl": "Gebaseerd op {input} (SHA-256 {sha256}), run {run_id}, spreiding {version}, "
            "{run_at}.",
            "en": "Based on {input} (SHA-256 {sha256}), run {run_id}, spreiding {version}, "
            "{run_at}.",
        },
        "sbook_signing_none": {
            "nl": "Er zijn dit jaar geen betalingen tussen de ziekenhuizen.",
            "en": "There are no payments between the hospitals this year.",
        },
        "sbook_signing_hospital": {
            "nl": "{hospital} — raad van bestuur",
            "en": "{hospital} — board of directors",
        },
        "sbook_signing_who": {"nl": "ziekenhuis", "en": "hospital"},
        "sbook_signing_name": {"nl": "naam", "en": "name"},
        "sbook_signing_function": {"nl": "functie", "en": "position"},
        "sbook_signing_date": {"nl": "datum", "en": "date"},
        "sbook_signing_signature": {"nl": "handtekening", "en": "signature"},
        # the dashboard's download of the workbook
        "ui_settlement_file": {
            "nl": "verrekening_{year}_{source}.xlsx",
            "en": "settlement_{year}_{source}.xlsx",
        },
    }
)
