"""Colour is never the only channel, and where it is a channel it survives colour blindness:
every pair of categories a chart shows side by side stays apart under a simulation of
protanopia and deuteranopia (Machado, Oliveira & Fernandes 2009, severity 1), and the
two- and three-state signals also in greyscale (issue: a dashboard everyone can read).

Distance is CIE76 ΔE in CIELAB (D65) after the simulation in linear RGB; a pair closer than
:data:`MIN_DELTA_E` counts as merged. Greyscale compares relative luminance (WCAG), which must
differ by a contrast ratio of at least :data:`MIN_GREY_RATIO`."""

from __future__ import annotations

from itertools import combinations

import numpy as np
import pytest

from dashboard.charts import AGREEMENT_COLOURS, CEILING_COLOURS, MET, NOT_MET, PALETTE

MIN_DELTA_E = 20.0
MIN_GREY_RATIO = 1.5

# Machado et al. (2009), severity 1.0, applied to linear RGB
SIMULATIONS = {
    "protanopia": np.array(
        [
            [0.152286, 1.052583, -0.204868],
            [0.114503, 0.786281, 0.099216],
            [-0.003882, -0.048116, 1.051998],
        ]
    ),
    "deuteranopia": np.array(
        [
            [0.367322, 0.860646, -0.227968],
            [0.280085, 0.672501, 0.047413],
            [-0.011820, 0.042940, 0.968881],
        ]
    ),
    "normal": np.eye(3),
}


def linear(hex_colour: str) -> np.ndarray:
    c = np.array([int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)])
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def lab(rgb_linear: np.ndarray) -> np.ndarray:
    m = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])
    xyz = m @ np.clip(rgb_linear, 0, 1) / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > (6 / 29) ** 3, np.cbrt(xyz), xyz / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def delta_e(a: str, b: str, vision: str) -> float:
    sim = SIMULATIONS[vision]
    return float(np.linalg.norm(lab(sim @ linear(a)) - lab(sim @ linear(b))))


def luminance(colour: str) -> float:
    return float(np.array([0.2126, 0.7152, 0.0722]) @ linear(colour))


def grey_ratio(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)))
    return (lb + 0.05) / (la + 0.05)


PALETTES = {
    "hospitals (six lines or bars)": PALETTE[:6],
    "norm met / missed, gain / loss": [MET, NOT_MET],
    "OR use against the ceiling": list(CEILING_COLOURS),
    "moves by agreement": list(AGREEMENT_COLOURS.values()),
}
SIGNALS = ["norm met / missed, gain / loss", "OR use against the ceiling"]


@pytest.mark.parametrize("vision", ["normal", "protanopia", "deuteranopia"])
@pytest.mark.parametrize("name", list(PALETTES))
def test_no_two_categories_merge(name, vision):
    merged = [
        (a, b, round(delta_e(a, b, vision), 1))
        for a, b in combinations(PALETTES[name], 2)
        if delta_e(a, b, vision) < MIN_DELTA_E
    ]
    assert merged == [], f"{name} under {vision}"


@pytest.mark.parametrize("name", SIGNALS)
def test_key_signals_stay_apart_in_greyscale(name):
    merged = [
        (a, b, round(grey_ratio(a, b), 2))
        for a, b in combinations(PALETTES[name], 2)
        if grey_ratio(a, b) < MIN_GREY_RATIO
    ]
    assert merged == []


def test_the_check_finds_a_red_green_pair():
    """The old met / missed pair (green #2e7d32, red #c62828) merges for a deuteranope."""
    assert delta_e("#2e7d32", "#c62828", "normal") > MIN_DELTA_E
    assert delta_e("#2e7d32", "#c62828", "deuteranopia") < MIN_DELTA_E
