"""Map data of the region: hospitals at their positions and the flows between them.

The outline of the Netherlands (``nederland.geojson``) is Natural Earth's admin-0 country border
at 1:10m (public domain), European part only, coordinates rounded to 0.001°; see README.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

OUTLINE = Path(__file__).resolve().parent / "nederland.geojson"


@cache
def outline() -> dict[str, Any]:
    """The GeoJSON FeatureCollection of the Netherlands."""
    data: dict[str, Any] = json.loads(OUTLINE.read_text(encoding="utf-8"))
    return data


# OR use within this share of the planning ceiling is "near" it (amber on the map)
NEAR_CEILING = 0.05


def hospital_points(
    hospitals: pd.DataFrame, flows: pd.DataFrame, utilisation: pd.DataFrame
) -> pd.DataFrame:
    """One row per hospital with a position.

    Columns: hospital_id, name, type, lat, lon, cases (performed), or_utilisation and
    or_ceiling [share], and state: 0 well within the planning ceiling, 1 within
    ``NEAR_CEILING`` of it, 2 above it (OR or beds).
    ``flows``: performing, cases; ``utilisation``: a capacity report's hospitals.
    """
    performed = flows.groupby("performing_hospital")["cases"].sum()
    out = hospitals[["hospital_id", "name", "type", "lat", "lon"]].dropna(subset=["lat", "lon"])
    use = utilisation.set_index("hospital_id")
    out = out.assign(
        cases=out["hospital_id"].map(performed).fillna(0.0),
        or_utilisation=out["hospital_id"].map(use["or_utilisation"]),
        or_ceiling=out["hospital_id"].map(use["or_ceiling"]),
    )
    above = out["hospital_id"].map(use["above_ceiling"]).fillna(False).astype(bool)
    near = out["or_utilisation"] > out["or_ceiling"] - NEAR_CEILING
    out["state"] = np.where(above, 2, np.where(near, 1, 0))
    return out.reset_index(drop=True)


def flow_lines(flows: pd.DataFrame, hospitals: pd.DataFrame) -> pd.DataFrame:
    """One row per pair of hospitals with cases moving from sending to performing.

    Columns: sending, performing, pair ("ZVL → KZH"), cases, lat, lon (sending), lat2, lon2
    (performing).
    Pairs where either hospital has no position are left out.
    """
    moved = flows[
        (flows["sending_hospital"] != flows["performing_hospital"]) & (flows["cases"] > 0)
    ]
    pairs = moved.groupby(["sending_hospital", "performing_hospital"], as_index=False)[
        "cases"
    ].sum()
    where = hospitals.set_index("hospital_id")[["lat", "lon"]].dropna()
    pairs = pairs[
        pairs["sending_hospital"].isin(where.index) & pairs["performing_hospital"].isin(where.index)
    ]
    return pairs.assign(
        pair=pairs["sending_hospital"] + " → " + pairs["performing_hospital"],
        lat=pairs["sending_hospital"].map(where["lat"]),
        lon=pairs["sending_hospital"].map(where["lon"]),
        lat2=pairs["performing_hospital"].map(where["lat"]),
        lon2=pairs["performing_hospital"].map(where["lon"]),
    ).reset_index(drop=True)


def view_box(points: pd.DataFrame, margin: float = 0.25) -> dict[str, Any]:
    """The area the map shows: the hospitals' extent with ``margin`` of its span around it (at
    least 0.15°), as a GeoJSON feature of its two corners (the projection is fitted to it)."""
    lat_min, lat_max = float(points["lat"].min()), float(points["lat"].max())
    lon_min, lon_max = float(points["lon"].min()), float(points["lon"].max())
    d_lat = max((lat_max - lat_min) * margin, 0.15)
    d_lon = max((lon_max - lon_min) * margin, 0.15)
    corners = [[lon_min - d_lon, lat_min - d_lat], [lon_max + d_lon, lat_max + d_lat]]
    return {
        "type": "Feature",
        "properties": {},
        "geometry": {"type": "MultiPoint", "coordinates": corners},
    }
