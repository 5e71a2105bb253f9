"""The sample region: a fictional but realistic region, generated reproducibly (fixed seed).

All figures are illustrative: hospitals, prices, contracts and volumes are invented and are not
real tariffs. The agreements mirror the four settlement models of the factsheet "Spreiding medisch
specialistische zorg": ODV dummy DBCs at benchmark prices with specialists travelling along
(Samen+), parallel declaration with secondment (Amsterdam UMC & Flevoziekenhuis), referral with
planned cases per year (Saxenburgh & ZGT), and component DBCs whose aftercare is performed
elsewhere and settled (Erasmus MC, stem-cell transplant aftercare).

The registrations for 2025 contain a few deliberate problems of every exception kind of
docs/settlement.md, Registrations → money, for demonstrations and tests.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import IO

import numpy as np
import pandas as pd

from calculator.sample_business_case import BUSINESS_CASE_MONEY, business_case_sheets
from calculator.sample_cycle import CYCLE_MONEY, cycle_sheets
from calculator.schema import SHEETS_BY_NAME
from calculator.xlsx_writer import SheetOut, write_book

SEED = 20251231
YEARS = (2024, 2025, 2026)
ILLUSTRATIVE = (
    "Illustratieve gegevens van een fictieve regio — geen echte tarieven of "
    "productiecijfers. Illustrative figures of a fictional region, not real tariffs."
)

HOSPITALS = pd.DataFrame(
    [
        ("ACR", "Academisch Centrum Rijnland", "umc", 52.166, 4.479, 1.00),
        ("RSZ", "Rijnstad Ziekenhuis", "topklinisch", 52.068, 4.302, 0.85),
        ("MOG", "Maasoever Gasthuis", "topklinisch", 51.924, 4.470, 0.80),
        ("ZVL", "Ziekenhuis Veenland", "algemeen", 52.011, 4.712, 0.55),
        ("KZH", "Kustziekenhuis", "algemeen", 52.238, 4.430, 0.50),
        ("ZDL", "Ziekenhuis De Lingen", "algemeen", 51.845, 4.655, 0.45),
    ],
    columns=["hospital_id", "name", "type", "lat", "lon", "size"],
)

# care_form_id, name, specialism, or min/case, los, norm, norm source, allowed, var cost, max h,
# base cases per year at a hospital of size 1, components besides full
CARE_FORMS = [
    ("liesbreuk", "Liesbreukcorrectie", "0303", 75, 0.3, 0, "", "", 0.35, None, 260, "dia"),
    (
        "galblaas",
        "Galblaasverwijdering (laparoscopisch)",
        "0303",
        90,
        1.0,
        0,
        "",
        "",
        0.35,
        None,
        210,
        "dia",
    ),
    (
        "rectumcarcinoom",
        "Rectumresectie bij rectumcarcinoom",
        "0303",
        300,
        6.0,
        20,
        "SONCOS 2025",
        "umc,topklinisch,algemeen",
        0.45,
        None,
        28,
        "",
    ),
    (
        "coloncarcinoom",
        "Colonresectie bij coloncarcinoom",
        "0303",
        210,
        5.0,
        50,
        "SONCOS 2025 (colorectaal)",
        "",
        0.45,
        None,
        75,
        "",
    ),
    (
        "schildklier",
        "Schildklierchirurgie",
        "0303",
        120,
        1.5,
        20,
        "SONCOS 2025 (illustratief)",
        "",
        0.40,
        None,
        40,
        "i",
    ),
    (
        "middenrifbreuk",
        "Middenrifbreukcorrectie (laparoscopisch)",
        "0303",
        150,
        2.0,
        0,
        "",
        "",
        0.40,
        None,
        35,
        "dia",
    ),
    (
        "borstkanker",
        "Operatie bij mammacarcinoom",
        "0303",
        110,
        1.0,
        50,
        "SONCOS 2025",
        "",
        0.40,
        None,
        120,
        "",
    ),
    (
        "aorta_aneurysma",
        "Electieve behandeling aorta-aneurysma",
        "0303",
        240,
        5.0,
        20,
        "NVvH kwaliteitsnorm (illustratief)",
        "umc,topklinisch",
        0.50,
        3,
        30,
        "",
    ),
    (
        "carotis",
        "Carotis endarteriëctomie",
        "0303",
        150,
        2.0,
        20,
        "NVvH kwaliteitsnorm (illustratief)",
        "umc,topklinisch",
        0.45,
        None,
        25,
        "",
    ),
    (
        "ablatie_af",
        "Ablatie bij boezemfibrilleren",
        "0320",
        200,
        1.0,
        50,
        "NVVC 2024 (illustratief)",
        "umc,topklinisch",
        0.50,
        None,
        90,
        "",
    ),
    (
        "nazorg_sct",
        "Nazorg autologe stamceltransplantatie",
        "0313",
        0,
        4.0,
        0,
        "",
        "",
        0.30,
        None,
        0,
        "",
    ),
]
# full benchmark price 2024 [EUR] per care form; parts as shares of it
FULL_PRICE_2024 = {
    "liesbreuk": 3125.40,
    "galblaas": 4380.15,
    "rectumcarcinoom": 21450.00,
    "coloncarcinoom": 17890.55,
    "schildklier": 6420.80,
    "middenrifbreuk": 7215.25,
    "borstkanker": 9340.10,
    "aorta_aneurysma": 24780.00,
    "carotis": 11235.65,
    "ablatie_af": 12890.45,
    "nazorg_sct": 8755.35,
}
PART_SHARES = {"diagnostics": 0.14, "intervention": 0.72, "aftercare": 0.11}
INDEXATION = {2025: 0.031, 2026: 0.035, 2027: 0.030, 2028: 0.028, 2029: 0.025, 2030: 0.025}
# Expected demand growth per year (ageing, screening); a hospital row wins over the blank one.
GROWTH = [
    ("liesbreuk", None, 0.010),
    ("liesbreuk", "ZDL", 0.030),  # new housing around De Lingen
    ("galblaas", None, 0.015),
    ("rectumcarcinoom", None, 0.020),
    ("coloncarcinoom", None, 0.025),
    ("schildklier", None, 0.010),
    ("middenrifbreuk", None, 0.020),
    ("borstkanker", None, 0.015),
    ("aorta_aneurysma", None, 0.030),
    ("carotis", None, 0.020),
    ("ablatie_af", None, 0.050),
    ("nazorg_sct", None, 0.040),
]
# Phased agreements (as Samen+ grew step by step): the share from a year on.
PHASES = [
    ("AMS-LIES", 2027, 0.70),
    ("SAX-GAL-2", 2028, 0.60),
    ("OPT-RECTUM-KZH", 2027, 0.50),
    ("OPT-RECTUM-KZH", 2028, 1.00),
    ("OPT-COLON-ZDL", 2029, 0.50),
]
INSURERS = ("Alfa Zorg", "Beta Verzekerd", "Gamma Zekerheid", "Delta Polis")


def _products() -> pd.DataFrame:
    rows = []
    for number, cf in enumerate(CARE_FORMS, start=1):
        cf_id, name, parts = cf[0], cf[1], cf[11]
        rows.append((f"0{number:02d}1{number:02d}1{number:02d}"[:9], name, cf_id, "full"))
        for letter, component in (("d", "diagnostics"), ("i", "intervention"), ("a", "aftercare")):
            if letter in parts:
                code = f"0{number:02d}{'dia'.index(letter) + 2}{number:02d}0{number:02d}"[:9]
                rows.append((code, f"{name} — {component}", cf_id, component))
    return pd.DataFrame(rows, columns=["product_code", "description", "care_form_id", "component"])


def _prices(products: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for code, cf_id, component in products[
        ["product_code", "care_form_id", "component"]
    ].itertuples(index=False):
        base = FULL_PRICE_2024[cf_id] * (1 if component == "full" else PART_SHARES[component])
        rows.append((code, 2024, round(base, 2)))
        # 2025 negotiated explicitly for most products; the rest and all of 2026 by indexation
        if not code.endswith("3") and cf_id not in ("carotis", "ablatie_af"):
            rows.append((code, 2025, round(base * 1.028, 2)))
    return pd.DataFrame(rows, columns=["product_code", "year", "benchmark_price"])


def _care_forms() -> pd.DataFrame:
    cols = [
        "care_form_id",
        "name",
        "specialism",
        "or_minutes_per_case",
        "los_days",
        "volume_norm",
        "norm_source",
        "allowed_types",
        "variable_cost_share",
        "max_hospitals",
    ]
    frame = pd.DataFrame([cf[:10] for cf in CARE_FORMS], columns=cols)
    frame["norm_source"] = frame["norm_source"].replace("", None)
    frame["allowed_types"] = frame["allowed_types"].replace("", None)
    return frame


# fmt: off
AGREEMENTS = [
    # Samen+: ODV dummy DBCs at benchmark prices, surgeons travel along
    ("SAMEN-GAL", "galblaas", "KZH", "ZVL", "odv", 0.40, 1.0, None, 1.5, 118.00,
     dt.date(2023, 1, 1), None, 110),
    ("SAMEN-SCHILD", "schildklier", "ZVL", "KZH", "odv", 0.50, None, 2450.00, 1.0, 118.00,
     dt.date(2023, 1, 1), None, 12),
    # Amsterdam UMC & Flevoziekenhuis: parallel declaration, specialists seconded
    ("AMS-LIES", "liesbreuk", "ACR", "KZH", "parallel", 0.60, None, None, 2.0, 135.00,
     dt.date(2022, 1, 1), None, 150),
    ("AMS-MIDDEN", "middenrifbreuk", "ACR", "KZH", "parallel", 0.50, None, None, 2.5, 135.00,
     dt.date(2024, 7, 1), None, 15),
    # Saxenburgh & ZGT: referral with planned cases per year
    ("SAX-LIES", "liesbreuk", "MOG", "ZDL", "referral", 0.50, None, None, 0, None,
     dt.date(2021, 1, 1), None, 100),
    ("SAX-GAL-1", "galblaas", "MOG", "ZDL", "referral", 0.30, None, None, 0, None,
     dt.date(2021, 1, 1), dt.date(2025, 12, 31), 50),
    ("SAX-GAL-2", "galblaas", "MOG", "ZDL", "referral", 0.45, None, None, 0, None,
     dt.date(2026, 1, 1), None, 75),
    # Erasmus MC: component DBCs, aftercare performed near home and settled
    ("EMC-NAZORG-ZVL", "nazorg_sct", "ACR", "ZVL", "odv", 0.35, 0.85, None, 0, None,
     dt.date(2022, 1, 1), None, 18),
    ("EMC-NAZORG-ZDL", "nazorg_sct", "ACR", "ZDL", "odv", 0.25, 0.85, None, 0, None,
     dt.date(2023, 4, 1), None, 10),
    # concentration of oncological and vascular surgery by referral
    ("CONC-RECTUM-ZVL", "rectumcarcinoom", "ZVL", "RSZ", "referral", 1.0, None, None, 3.0,
     140.00, dt.date(2024, 1, 1), None, 14),
    ("CONC-RECTUM-ZDL", "rectumcarcinoom", "ZDL", "MOG", "referral", 1.0, None, None, 0, None,
     dt.date(2025, 1, 1), None, 12),
    ("CONC-AORTA-KZH", "aorta_aneurysma", "KZH", "ACR", "referral", 1.0, None, None, 0, None,
     dt.date(2020, 1, 1), None, None),
    # agreed from 2026 as options for concentration: no share, so nothing moves by itself;
    # the optimiser may use them
    ("OPT-COLON-ZVL", "coloncarcinoom", "ZVL", "RSZ", "referral", None, None, None, 2.0, 140.00,
     dt.date(2026, 1, 1), None, None),
    ("OPT-COLON-ZDL", "coloncarcinoom", "ZDL", "MOG", "referral", None, None, None, 2.0, 140.00,
     dt.date(2026, 1, 1), None, None),
    ("OPT-COLON-KZH", "coloncarcinoom", "KZH", "ACR", "referral", None, None, None, 2.0, 140.00,
     dt.date(2026, 1, 1), None, None),
    ("OPT-RECTUM-KZH", "rectumcarcinoom", "KZH", "ACR", "referral", None, None, None, 3.0,
     140.00, dt.date(2026, 1, 1), None, None),
    ("OPT-CAROTIS-MOG", "carotis", "MOG", "ACR", "referral", None, None, None, 0, None,
     dt.date(2026, 1, 1), None, None),
    ("OPT-CAROTIS-RSZ", "carotis", "RSZ", "ACR", "referral", None, None, None, 0, None,
     dt.date(2026, 1, 1), None, None),
    ("OPT-AORTA-MOG", "aorta_aneurysma", "MOG", "ACR", "referral", None, None, None, 0, None,
     dt.date(2026, 1, 1), None, None),
    ("OPT-AORTA-RSZ", "aorta_aneurysma", "RSZ", "ACR", "referral", None, None, None, 0, None,
     dt.date(2026, 1, 1), None, None),
    ("OPT-LIES-RSZ", "liesbreuk", "RSZ", "ZVL", "referral", None, None, None, 0, None,
     dt.date(2026, 1, 1), None, None),
    ("OPT-SCHILD-ZDL", "schildklier", "ZDL", "MOG", "referral", None, None, None, 0, None,
     dt.date(2026, 1, 1), None, None),
    ("OPT-GAL-RSZ", "galblaas", "RSZ", "ZVL", "referral", None, None, None, 0, None,
     dt.date(2026, 1, 1), None, None),
]
# fmt: on
AGREEMENT_COLUMNS = list(SHEETS_BY_NAME["agreements"].names)


def _agreements() -> pd.DataFrame:
    return pd.DataFrame(AGREEMENTS, columns=AGREEMENT_COLUMNS)


def _valid(agreement: tuple, year: int) -> bool:
    start, end = agreement[10], agreement[11]
    return start.year <= year and (end is None or end.year >= year)


def _demand(rng: np.random.Generator) -> pd.DataFrame:
    """Own patients per hospital, care form and year (before any move)."""
    rows = []
    cf_types = {cf[0]: cf[7] for cf in CARE_FORMS}
    for year in YEARS:
        growth = 1 + 0.02 * (year - 2024)
        for h in HOSPITALS.itertuples(index=False):
            for cf in CARE_FORMS:
                cf_id, base = cf[0], cf[10]
                if cf_id == "nazorg_sct":
                    cases = 34 * growth if h.hospital_id == "ACR" else 0
                elif (
                    cf_types[cf_id]
                    and h.type not in cf_types[cf_id]
                    and not (cf_id == "aorta_aneurysma" and h.hospital_id == "KZH")
                ):
                    cases = 0  # patients of these hospitals are treated at a partner already
                else:
                    cases = base * h.size * growth
                if cases:
                    rows.append((year, h.hospital_id, cf_id, int(rng.poisson(cases))))
    return pd.DataFrame(rows, columns=["year", "hospital_id", "care_form_id", "own_cases"])


def _volumes(demand: pd.DataFrame) -> pd.DataFrame:
    """Flows: the agreed share of own cases moves to the partner; a few flows lack an agreement."""
    rows: list[tuple] = []
    for year, h, cf, own in demand.itertuples(index=False):
        moved_total = 0
        for ag in AGREEMENTS:
            if ag[1] == cf and ag[2] == h and _valid(ag, year) and ag[5] is not None:
                moved = int(round(own * ag[5]))
                if moved:
                    rows.append((year, h, cf, moved, ag[3]))
                    moved_total += moved
        if own - moved_total:
            rows.append((year, h, cf, own - moved_total, None))
    # a flow with no agreement: carotis patients of ZVL treated at RSZ in 2025
    rows.append((2025, "ZVL", "carotis", 4, "RSZ"))
    frame = pd.DataFrame(
        rows, columns=["year", "hospital_id", "care_form_id", "cases", "performing_hospital_id"]
    )
    return frame.sort_values(
        ["year", "hospital_id", "care_form_id"], kind="stable", ignore_index=True
    )


def _capacity(volumes: pd.DataFrame, care_forms: pd.DataFrame) -> pd.DataFrame:
    """OR minutes and bed-days: baseline 2026 use plus headroom (tight at RSZ: just above its
    planning ceiling of 90 % in 2026), and the planning ceilings (0.90 each)."""
    flows = volumes[volumes.year == 2026].copy()
    flows["performer"] = flows["performing_hospital_id"].fillna(flows["hospital_id"])
    flows = flows.merge(
        care_forms[["care_form_id", "or_minutes_per_case", "los_days"]], on="care_form_id"
    )
    flows["or_min"] = flows["cases"] * flows["or_minutes_per_case"]
    flows["beds"] = flows["cases"] * flows["los_days"]
    used = flows.groupby("performer")[["or_min", "beds"]].sum()
    headroom = {"ACR": 1.16, "RSZ": 1.09, "MOG": 1.15, "ZVL": 1.22, "KZH": 1.18, "ZDL": 1.25}
    out = HOSPITALS[["hospital_id", "name", "type"]].copy()
    out["or_minutes"] = [
        round(used.loc[h, "or_min"] * headroom[h] / 100) * 100 for h in out.hospital_id
    ]
    out["bed_days"] = [
        round(used.loc[h, "beds"] * (headroom[h] + 0.1) / 10) * 10 for h in out.hospital_id
    ]
    out["lat"] = HOSPITALS["lat"]
    out["lon"] = HOSPITALS["lon"]
    out["or_max_utilisation"] = 0.90
    out["beds_max_utilisation"] = 0.90
    return out


def _contracts(
    rng: np.random.Generator, volumes: pd.DataFrame, prices: pd.DataFrame, products: pd.DataFrame
) -> pd.DataFrame:
    rows = []
    for year in YEARS:
        for h in HOSPITALS.hospital_id:
            weights = rng.dirichlet(np.ones(len(INSURERS)) * 4)
            shares = np.round(weights, 3)
            shares[-1] = round(1 - shares[:-1].sum(), 3)
            for insurer, share in zip(INSURERS, shares, strict=True):
                factor = round(float(rng.uniform(0.94, 1.02)), 3)
                rows.append([h, year, insurer, float(share), factor, None, None])
    frame = pd.DataFrame(
        rows,
        columns=[
            "hospital_id",
            "year",
            "insurer",
            "share",
            "price_factor",
            "revenue_cap",
            "overcap_rate",
        ],
    )
    # A cap that binds: ZDL's largest insurer in 2025 pays full price up to about 85 % of what
    # ZDL is expected to declare to it, and 25 % above that.
    vol = volumes[volumes.year == 2025].copy()
    vol["performer"] = vol["performing_hospital_id"].fillna(vol["hospital_id"])
    full = products[products.component == "full"].merge(
        prices[prices.year == 2024], on="product_code"
    )
    vol = vol.merge(full[["care_form_id", "benchmark_price"]], on="care_form_id")
    zdl_revenue = float(
        (
            vol.loc[vol.performer == "ZDL", "cases"]
            * vol.loc[vol.performer == "ZDL", "benchmark_price"]
        ).sum()
    )
    mask = (frame.hospital_id == "ZDL") & (frame.year == 2025)
    biggest = frame.loc[mask, "share"].idxmax()
    cap = zdl_revenue * frame.loc[biggest, "share"] * 0.85
    frame.loc[biggest, "revenue_cap"] = round(cap, -3)
    frame.loc[biggest, "overcap_rate"] = 0.25
    return frame


def _registrations(
    rng: np.random.Generator, demand: pd.DataFrame, products: pd.DataFrame
) -> pd.DataFrame:
    """About 5,000 DBCs closed in 2025, with deliberate problems of each exception kind."""
    code = {
        (cf, comp): c
        for c, cf, comp in products[["product_code", "care_form_id", "component"]].itertuples(
            index=False
        )
    }

    def odv_product(cf: str) -> str:
        return code.get((cf, "intervention"), code[(cf, "full")])

    rows: list[list[object]] = []
    counter = iter(range(1, 10**7))
    patients = iter(range(1, 10**7))

    def pid() -> str:
        return f"PS-{(next(patients) * 2654435761) % 16**8:08x}"

    def add(
        patient: str,
        hospital: str,
        product: str,
        start: dt.date,
        end: dt.date,
        odv: bool = False,
        partner: str | None = None,
        insurer: str | None = None,
    ) -> str:
        dbc = f"DBC{next(counter):07d}"
        rows.append(
            [
                dbc,
                patient,
                hospital,
                product,
                insurer or INSURERS[int(rng.integers(len(INSURERS)))],
                start,
                end,
                "ja" if odv else "nee",
                partner,
            ]
        )
        return dbc

    def period(year: int = 2025, days: int = 90) -> tuple[dt.date, dt.date]:
        start = dt.date(year, 1, 1) + dt.timedelta(days=int(rng.integers(0, 365 - days)))
        return start, start + dt.timedelta(days=int(rng.integers(20, days)))

    d2025 = demand[demand.year == 2025]
    # own patients treated at home: one full-product DBC each
    for _, h, cf, own in d2025.itertuples(index=False):
        for _ in range(int(own * 1.0)):
            s, e = period()
            add(pid(), h, code[(cf, "full")], s, e)
    for ag in AGREEMENTS:
        if not _valid(ag, 2025) or ag[5] is None:
            continue
        agreement_id, cf, sender, performer, mode = ag[:5]
        own = int(d2025[(d2025.hospital_id == sender) & (d2025.care_form_id == cf)].own_cases.sum())
        moved = int(round(own * ag[5]))
        for _ in range(moved):
            patient = pid()
            if mode == "odv":
                s, e = period(days=120)
                add(patient, sender, code[(cf, "full")], s, e)
                odv_start = s + dt.timedelta(days=int(rng.integers(0, (e - s).days + 1)))
                add(
                    patient,
                    performer,
                    odv_product(cf),
                    odv_start,
                    odv_start + dt.timedelta(days=int(rng.integers(0, 10))),
                    True,
                    sender,
                )
            elif mode == "parallel":
                s, e = period(days=60)
                add(patient, sender, code[(cf, "diagnostics")], s, e + dt.timedelta(days=10))
                add(
                    patient,
                    performer,
                    code[(cf, "intervention")],
                    e - dt.timedelta(days=5),
                    e + dt.timedelta(days=5),
                )
                add(
                    patient,
                    sender,
                    code[(cf, "aftercare")],
                    e + dt.timedelta(days=11),
                    e + dt.timedelta(days=60),
                ) if e.month < 10 else None
            else:  # referral: the performer opens the full DBC
                s, e = period()
                add(patient, performer, code[(cf, "full")], s, e)

    # cross-year ODV: declared DBC opened in December 2024, ODV row in January 2025
    for _ in range(3):
        patient = pid()
        add(patient, "KZH", code[("galblaas", "full")], dt.date(2024, 12, 9), dt.date(2025, 3, 2))
        add(
            patient,
            "ZVL",
            odv_product("galblaas"),
            dt.date(2025, 1, 14),
            dt.date(2025, 1, 16),
            True,
            "KZH",
        )
    # deliberate problems
    for _ in range(5):  # odv_unmatched: no declared DBC at the partner
        s, e = period()
        add(pid(), "ZVL", odv_product("galblaas"), s, e, True, "KZH")
    for _ in range(4):  # odv_duplicate: a second ODV row for an already matched DBC
        patient = pid()
        s, e = period(days=120)
        add(patient, "KZH", code[("galblaas", "full")], s, e)
        add(
            patient,
            "ZVL",
            odv_product("galblaas"),
            s + dt.timedelta(days=3),
            s + dt.timedelta(days=5),
            True,
            "KZH",
        )
        add(
            patient,
            "ZVL",
            odv_product("galblaas"),
            s + dt.timedelta(days=4),
            s + dt.timedelta(days=6),
            True,
            "KZH",
        )
    for _ in range(4):  # odv_no_agreement: ODV between hospitals without an ODV agreement
        patient = pid()
        s, e = period(days=120)
        add(patient, "ZDL", code[("coloncarcinoom", "full")], s, e)
        add(
            patient,
            "RSZ",
            odv_product("coloncarcinoom"),
            s + dt.timedelta(days=7),
            s + dt.timedelta(days=9),
            True,
            "ZDL",
        )
    for _ in range(4):  # double_declaration: both declare, no parallel agreement
        patient = pid()
        s, e = period()
        add(patient, "MOG", code[("borstkanker", "full")], s, e)
        add(
            patient,
            "RSZ",
            code[("borstkanker", "full")],
            s + dt.timedelta(days=10),
            e + dt.timedelta(days=10),
        )
    frame = pd.DataFrame(
        rows,
        columns=[
            "dbc_id",
            "patient_id",
            "hospital_id",
            "product_code",
            "insurer",
            "start_date",
            "end_date",
            "odv",
            "partner_hospital",
        ],
    )
    order = rng.permutation(len(frame))  # files are not sorted by patient
    return frame.iloc[order].reset_index(drop=True)


def _hospital_care_forms() -> pd.DataFrame:
    """Sites that differ from a care form's usual variable cost per case [EUR]: RSZ's vascular
    centre and ZVL's colon surgery are cheaper than usual (volume), MOG's colon surgery dearer —
    so that the terms of the plan's new agreements show a wide, a narrow and an empty ODV range."""
    return pd.DataFrame(
        [
            ("RSZ", "aorta_aneurysma", None, None, 11_500.0),
            ("ZVL", "coloncarcinoom", None, None, 7_900.0),
            ("MOG", "coloncarcinoom", None, None, 8_650.0),
        ],
        columns=list(SHEETS_BY_NAME["hospital_care_forms"].names),
    )


def build_sample() -> dict[str, pd.DataFrame]:
    """All sheets of the sample region, keyed by canonical sheet name."""
    rng = np.random.default_rng(SEED)
    products = _products()
    prices = _prices(products)
    care_forms = _care_forms()
    demand = _demand(rng)
    volumes = _volumes(demand)
    hospitals = _capacity(volumes, care_forms)
    contracts = _contracts(rng, volumes, prices, products)
    registrations = _registrations(rng, demand, products)
    return {
        "hospitals": hospitals,
        "care_forms": care_forms,
        "products": products,
        "prices": prices,
        "indexation": pd.DataFrame(sorted(INDEXATION.items()), columns=["year", "rate"]),
        "insurer_contracts": contracts,
        "volumes": volumes,
        "agreements": _agreements(),
        "registrations": registrations,
        "growth": pd.DataFrame(GROWTH, columns=list(SHEETS_BY_NAME["growth"].names)),
        "phases": pd.DataFrame(PHASES, columns=list(SHEETS_BY_NAME["phases"].names)),
        "keep": pd.DataFrame(
            [("ACR", "liesbreuk", 30)], columns=["hospital_id", "care_form_id", "min_cases"]
        ),
        "hospital_care_forms": _hospital_care_forms(),
        **cycle_sheets(),
        **business_case_sheets(),
    }


def write_sample(target: str | Path | IO[bytes]) -> None:
    """Write the sample workbook (with a 'toelichting' sheet saying the figures are invented)."""
    sheets = build_sample()
    about = pd.DataFrame(
        {
            "toelichting": [
                ILLUSTRATIVE,
                "Zes fictieve ziekenhuizen, elf zorgvormen, jaren 2024–2026; groei per jaar en "
                "gefaseerde afspraken voor een projectie tot 2030.",
                "Afspraken naar de vier verrekenmodellen uit de factsheet 'Spreiding medisch "
                "specialistische zorg': ODV (Samen+), parallel declareren (Amsterdam UMC & "
                "Flevoziekenhuis), verwijzing (Saxenburgh & ZGT), nazorg elders (Erasmus MC).",
                "De registraties 2025 bevatten bewust enkele fouten van elke uitzonderingssoort.",
            ]
        }
    )
    out = [SheetOut("toelichting", about)]
    money = {
        "prices": ["benchmark_price"],
        "insurer_contracts": ["revenue_cap"],
        "agreements": ["odv_fixed_price", "secondment_rate"],
        "hospital_care_forms": ["variable_cost_per_case"],
        **CYCLE_MONEY,
        **BUSINESS_CASE_MONEY,
    }
    for name, frame in sheets.items():
        out.append(SheetOut(name, frame, euro=money.get(name, ())))
    write_book(target, out)
