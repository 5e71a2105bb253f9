"""The dashboard's texts: every code a page asks for is in the catalogue in NL and EN, and every
dashboard code in the catalogue is used (codes built from data use a known prefix)."""

from __future__ import annotations

import re

from messages import CATALOGUE, LANGUAGES
from messages import dashboard as part
from tests.conftest import ROOT

SOURCES = [ROOT / "app.py", *(ROOT / "app_pages").glob("*.py"), *(ROOT / "dashboard").glob("*.py")]
# codes completed from data: hospital types, agreement kinds of a move, agreement modes,
# optimiser statuses, kinds of a saved scenario, why a pair pays by kind of settlement line
PREFIXES = (
    "ui_type_",
    "ui_agreement_",
    "ui_mode_",
    "ui_status_",
    "ui_scenario_kind_",
    "ui_pair_why_",
)
CODE = r"[\"'](ui_[a-z0-9_]+)[\"']"


def code_text() -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in SOURCES)


def test_every_code_the_dashboard_names_exists_in_both_languages():
    named = set(re.findall(CODE, code_text()))
    assert named, "the pages name their texts by code"
    missing = sorted(c for c in named if c not in CATALOGUE and not c.endswith("_"))
    assert missing == []
    for code in named - set(missing):
        if code in CATALOGUE:
            assert all(CATALOGUE[code].get(lang) for lang in LANGUAGES), code


def test_every_dashboard_text_is_used():
    named = set(re.findall(CODE, code_text()))
    unused = [code for code in part.TEXTS if code not in named and not code.startswith(PREFIXES)]
    assert unused == []


def test_exception_kinds_and_hospital_types_have_texts(sample_book, sample_settled):

    wb = sample_book
    for kind in set(sample_settled.exceptions["kind"]) | {"no_agreement"}:
        assert f"settlement_kind_{kind}" in CATALOGUE
    for kind in set(wb.hospitals["type"]):
        assert f"ui_type_{kind}" in CATALOGUE
    for mode in set(wb.agreements["mode"]):
        assert f"ui_mode_{mode}" in CATALOGUE
    for source in ("combined", "registrations", "volumes"):
        assert f"settlement_source_{source}" in CATALOGUE
    for status in ("optimal", "optimal_with_proposals", "time_limit", "infeasible"):
        assert f"ui_status_{status}" in CATALOGUE
    for kind in ("existing", "new", "own", "status_quo", "free"):
        assert f"ui_agreement_{kind}" in CATALOGUE


def test_no_english_word_in_dutch_dashboard_texts():
    english = re.compile(r"\b(the|and|with|without|hospitals?|cases|share|agreement|year)\b")
    dutch_only = [
        c for c, e in part.TEXTS.items() if english.search(re.sub(r"\{[a-z_]+\}", "", e["nl"]))
    ]
    assert dutch_only == []
