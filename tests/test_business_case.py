"""The business case over the years (issue 18, item 3): a 5-year case checked to the cent on
paper, the arithmetic of break-even, NPV and pre-financing, the two input sheets, the CLI and
the invariants as properties."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from fractions import Fraction

import pandas as pd
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from calculator.errors import SpreidingInputError
from calculator.validate import load_frames
from optimizer.business_case import (
    break_even_year,
    business_case,
    npv_cents,
    npv_exact,
    prefinancing_cents,
)
from optimizer.compensation import ShapleyValues
from spreiding.cli import main
from tests.conftest import tiny_sheets, write_xlsx

YEARS = [2025, 2026, 2027, 2028, 2029]


def five_year_sheets() -> dict[str, pd.DataFrame]:
    """AAA performs its own 100 patients (60 OR minutes each), BBB its own 50. The full product
    costs € 1.000,00 in 2025, indexed +10 % in 2026 (€ 1.100,00 from then on). Every origin
    grows 10 % a year. AAA's variable cost is half the price; BBB does the same case for
    € 400,00. AAA fills a freed OR minute with € 2,00 of other margin. The one agreement
    (AAA → BBB) starts only in 2031: moving AAA's patients to BBB is a proposal, settled as
    referral (BBB declares). No insurer contracts (the insurer pays the benchmark)."""
    s = tiny_sheets()
    s["hospitals"] = s["hospitals"].assign(
        or_minutes=[100_000, 100_000], backfill_margin_per_minute=[2.0, None]
    )
    s["care_forms"] = s["care_forms"].assign(
        or_minutes_per_case=[60], volume_norm=[0], variable_cost_share=[0.5]
    )
    s["indexation"] = pd.DataFrame({"year": [2026, 2027, 2028, 2029], "rate": [0.10, 0, 0, 0]})
    s["volumes"] = pd.DataFrame(
        {
            "year": [2025, 2025],
            "hospital_id": ["AAA", "BBB"],
            "care_form_id": ["lies", "lies"],
            "cases": [100, 50],
            "performing_hospital_id": [None, None],
        }
    )
    s["agreements"] = s["agreements"].assign(mode=["referral"], valid_from=[dt.date(2031, 1, 1)])
    s["growth"] = pd.DataFrame({"care_form_id": ["lies"], "hospital_id": [None], "rate": [0.10]})
    s["hospital_care_forms"] = pd.DataFrame(
        {"hospital_id": ["BBB"], "care_form_id": ["lies"], "variable_cost_per_case": [400.00]}
    )
    s["one_off_costs"] = pd.DataFrame(
        {
            "hospital_id": ["AAA", "BBB", "BBB"],
            "year": [2025, 2025, 2026],
            "amount": [10_000.00, 80_000.00, 20_000.00],
            "description": ["Overdracht", "Extra OK-team", "Scholing"],
            "agreement_id": [None, "AG1", None],
        }
    )
    s["funding"] = pd.DataFrame(
        {
            "hospital_id": ["AAA", "BBB", "AAA"],
            "year": [2025, 2026, 2031],
            "amount": [30_000.00, 5_000.00, 1_000.00],
            "source": ["Transformatiefonds", "Zorgverzekeraar", "Transformatiefonds"],
        }
    )
    return s


PLAN = pd.DataFrame(
    {
        "sending_hospital": ["AAA", "BBB"],
        "performing_hospital": ["BBB", "BBB"],
        "care_form_id": ["lies", "lies"],
        "cases": [100.0, 50.0],
    }
)


@pytest.fixture(scope="module")
def wb():
    return load_frames(five_year_sheets())


@pytest.fixture(scope="module")
def case(wb):
    return business_case(wb, 2025, 2029, PLAN, rule="equal")


def series(case, hospital: str, column: str) -> list[int]:
    y = case.yearly[case.yearly["hospital_id"] == hospital].sort_values("year")
    return [int(v) for v in y[column]]


def test_five_year_case_to_the_cent(case):
    """Moved patients n = 100 × 1,1^k: 100, 110, 121, 133,1, 146,41 (k = 0…4); price P =
    € 1.000 in 2025, € 1.100 after. [cents]

    AAA loses its margin ½·P·n (margin change −5.000.000, −6.050.000, −6.655.000, −7.320.500,
    −8.052.550) and frees 60·n minutes × € 2 = 12.000·n (1.200.000, 1.320.000, 1.452.000,
    1.597.200, 1.756.920). BBB gains n·(P − € 400): 6.000.000, 7.700.000, 8.470.000,
    9.317.000, 10.248.700. The region gains G = n·(½P − € 280): 2.200.000, 2.970.000,
    3.267.000, 3.593.700, 3.953.070, shared equally: G/2 = 1.100.000, 1.485.000, 1.633.500,
    1.796.850, 1.976.535 for each; so AAA receives 4.900.000, 6.215.000, 6.836.500,
    7.520.150, 8.272.165 (and BBB pays them).

    Positions = G/2 − one-off costs + funding:
    AAA 2025: 1.100.000 − 1.000.000 + 3.000.000 = 3.100.000; then 1.485.000, 1.633.500,
    1.796.850, 1.976.535 — cumulative never below 0: break-even 2025, no pre-financing.
    BBB 2025: 1.100.000 − 8.000.000 = −6.900.000; 2026: 1.485.000 − 2.000.000 + 500.000 =
    −15.000; then 1.633.500, 1.796.850, 1.976.535 — cumulative −6.900.000, −6.915.000,
    −5.281.500, −3.484.650, −1.508.115: no break-even within 2025–2029, pre-financing
    6.915.000 (2026).
    Region: −3.800.000, 1.470.000, 3.267.000, 3.593.700, 3.953.070 — cumulative −3.800.000,
    −2.330.000, 937.000, …: break-even 2027, pre-financing 3.800.000.

    NPV at 4 % (Σ p_k / 1,04^k):
    AAA 3.100.000 + 1.427.884,615… + 1.510.262,573… + 1.597.393,107… + 1.689.550,401… =
    9.325.090,698… → 9.325.091;
    BBB −6.900.000 − 14.423,076… + 1.510.262,573… + 1.597.393,107… + 1.689.550,401… =
    −2.117.216,994… → −2.117.217;
    region −3.800.000 + 1.413.461,538… + 3.020.525,147… + 3.194.786,214… + 3.379.100,803… =
    7.207.873,703… → 7.207.874."""
    assert case.holds, case.problems
    assert series(case, "AAA", "margin_change_cents") == [
        -5_000_000,
        -6_050_000,
        -6_655_000,
        -7_320_500,
        -8_052_550,
    ]
    assert series(case, "AAA", "freed_or_cents") == [
        1_200_000,
        1_320_000,
        1_452_000,
        1_597_200,
        1_756_920,
    ]
    assert series(case, "BBB", "margin_change_cents") == [
        6_000_000,
        7_700_000,
        8_470_000,
        9_317_000,
        10_248_700,
    ]
    assert series(case, "BBB", "freed_or_cents") == [0] * 5
    assert series(case, "AAA", "compensation_cents") == [
        4_900_000,
        6_215_000,
        6_836_500,
        7_520_150,
        8_272_165,
    ]
    assert series(case, "BBB", "compensation_cents") == [
        -4_900_000,
        -6_215_000,
        -6_836_500,
        -7_520_150,
        -8_272_165,
    ]
    assert series(case, "AAA", "one_off_cents") == [1_000_000, 0, 0, 0, 0]
    assert series(case, "BBB", "one_off_cents") == [8_000_000, 2_000_000, 0, 0, 0]
    assert series(case, "AAA", "funding_cents") == [3_000_000, 0, 0, 0, 0]
    assert series(case, "BBB", "funding_cents") == [0, 500_000, 0, 0, 0]
    assert series(case, "AAA", "position_cents") == [
        3_100_000,
        1_485_000,
        1_633_500,
        1_796_850,
        1_976_535,
    ]
    assert series(case, "BBB", "cumulative_cents") == [
        -6_900_000,
        -6_915_000,
        -5_281_500,
        -3_484_650,
        -1_508_115,
    ]
    h = case.hospitals.set_index("hospital_id")
    assert h.at["AAA", "break_even_year"] == 2025
    assert pd.isna(h.at["BBB", "break_even_year"])
    assert h.at["AAA", "prefinancing_cents"] == 0
    assert h.at["BBB", "prefinancing_cents"] == 6_915_000
    assert h.at["BBB", "lowest_year"] == 2026
    assert h.at["AAA", "npv_cents"] == 9_325_091
    assert h.at["BBB", "npv_cents"] == -2_117_217
    region = case.region.iloc[0]
    assert list(case.region_yearly["position_cents"]) == [
        -3_800_000,
        1_470_000,
        3_267_000,
        3_593_700,
        3_953_070,
    ]
    assert region["break_even_year"] == 2027
    assert region["prefinancing_cents"] == 3_800_000
    assert region["npv_cents"] == 7_207_874


def test_rows_outside_the_years_are_said_not_dropped(case):
    """The funding row of 2031 is outside 2025–2029: a note names its sheet and row."""
    notes = [n for n in case.notes if n.code == "bc_note_outside_years"]
    assert len(notes) == 1
    assert notes[0].params["sheet"] == "funding"
    assert notes[0].params["year"] == "2031"
    assert notes[0].params["amount_cents"] == 100_000
    assert "2031" in notes[0].render("nl")


def test_no_compensation_without_a_rule_and_when_the_region_loses(wb):
    """Without --split nothing is transferred. Sending BBB's patients to AAA instead (where a
    case costs € 500 against € 400) loses the region 50 × € 100 − 60·50 min × € 0 = € 5.000
    in 2025: no compensation that year, and a note says by how much."""
    plain = business_case(wb, 2025, 2029, PLAN)
    assert (plain.yearly["compensation_cents"] == 0).all()
    assert plain.splits == {}
    worse = PLAN.assign(performing_hospital=["AAA", "AAA"])
    losing = business_case(wb, 2025, 2025, worse, rule="proportional")
    assert (losing.yearly["compensation_cents"] == 0).all()
    note = next(n for n in losing.notes if n.code == "bc_note_no_compensation")
    assert note.params["loss_cents"] == 500_000


def test_shapley_split_uses_the_base_years_values(wb):
    """With Shapley values φ = (AAA 1, BBB 3) every year's gain is shared 1 : 3: 2025
    2.200.000 → AAA 550.000, BBB 1.650.000."""
    values = ShapleyValues({"AAA": Fraction(1), "BBB": Fraction(3)}, {})
    case = business_case(wb, 2025, 2026, PLAN, rule="shapley", shapley=values)
    assert case.holds
    y = case.yearly.set_index(["year", "hospital_id"])
    assert (
        y.at[(2025, "AAA"), "margin_change_cents"]
        + y.at[(2025, "AAA"), "freed_or_cents"]
        + y.at[(2025, "AAA"), "compensation_cents"]
        == 550_000
    )
    assert (
        y.at[(2026, "BBB"), "margin_change_cents"] + y.at[(2026, "BBB"), "compensation_cents"]
        == 2_227_500
    )  # 2.970.000 × 3/4


def test_arithmetic_of_the_verdicts():
    """Break-even: the first year from which the cumulative position stays ≥ 0."""
    assert break_even_year(YEARS, [-5, -1, 2, 3, 4]) == 2027
    assert break_even_year(YEARS, [1, -1, 2, 3, 4]) == 2027
    assert break_even_year(YEARS, [1, 2, 3, 4, -1]) is None
    assert break_even_year(YEARS, [0, 0, 0, 0, 0]) == 2025
    assert prefinancing_cents([3, -7, -2, 5]) == 7
    assert prefinancing_cents([3, 4]) == 0
    # 100 + 104/1,04 = 200 exactly; 1/1,04 = 0,961538… → 1 cent after rounding half-up
    assert npv_exact([100, 104], Decimal("0.04")) == 200
    assert npv_cents([0, 1], Decimal("0.04")) == 1
    assert npv_cents([0, -1], Decimal("0.04")) == -1
    assert npv_cents([0, 0, 54_080], Decimal("0.04")) == 50_000  # 54.080 / 1,0816


@settings(max_examples=8, deadline=None)
@given(
    moved=st.integers(0, 100),
    back=st.integers(0, 50),
    rule=st.sampled_from(["proportional", "equal"]),
)
def test_compensation_sums_to_zero_and_leaves_nobody_below_today(wb, moved, back, rule):
    """Property: whatever the plan (``moved`` of AAA's patients to BBB, ``back`` of BBB's to
    AAA), the compensation of every year sums to zero, and in a year the region gains nobody
    ends below today; the case's own invariants hold."""
    plan = pd.DataFrame(
        {
            "sending_hospital": ["AAA", "AAA", "BBB", "BBB"],
            "performing_hospital": ["AAA", "BBB", "BBB", "AAA"],
            "care_form_id": ["lies"] * 4,
            "cases": [100.0 - moved, float(moved), 50.0 - back, float(back)],
        }
    )
    case = business_case(wb, 2025, 2026, plan, rule=rule)
    assert case.holds, case.problems
    y = case.yearly
    assert (y.groupby("year")["compensation_cents"].sum() == 0).all()
    after = y["margin_change_cents"] + y["freed_or_cents"] + y["compensation_cents"]
    gains = y.groupby("year")["margin_change_cents"].transform("sum") + y.groupby("year")[
        "freed_or_cents"
    ].transform("sum")
    assert (after[gains > 0] >= 0).all()


def test_a_proportional_case_holds_its_invariants(wb):
    """On the five-year book: compensation per year sums to zero, cumulative is the running
    sum, the region is the sum of the hospitals (the case checks itself; nothing is found)."""
    case = business_case(wb, 2025, 2029, PLAN, rule="proportional")
    assert case.holds, case.problems
    assert (case.yearly.groupby("year")["compensation_cents"].sum() == 0).all()


# ---------------------------------------------------------------------- the two input sheets


def test_sheets_read_under_their_dutch_names(tmp_path):
    s = five_year_sheets()
    s["eenmalige_kosten"] = s.pop("one_off_costs").rename(
        columns={
            "hospital_id": "ziekenhuis_id",
            "year": "jaar",
            "amount": "bedrag",
            "description": "omschrijving",
            "agreement_id": "afspraak_id",
        }
    )
    s["financiering"] = s.pop("funding").rename(
        columns={
            "hospital_id": "ziekenhuis_id",
            "year": "jaar",
            "amount": "bedrag",
            "source": "bron",
        }
    )
    from calculator.validate import load

    wb = load(write_xlsx(tmp_path / "b.xlsx", s))
    assert list(wb.one_off_costs["amount"]) == [
        Decimal("10000"),
        Decimal("80000"),
        Decimal("20000"),
    ]
    assert list(wb.funding["source"])[0] == "Transformatiefonds"


@pytest.mark.parametrize(
    ("sheet", "column", "value", "code"),
    [
        ("one_off_costs", "hospital_id", "XXX", "unknown_reference"),
        ("one_off_costs", "agreement_id", "AG9", "unknown_reference"),
        ("funding", "hospital_id", "QQQ", "unknown_reference"),
    ],
)
def test_unknown_hospital_or_agreement_is_an_error(sheet, column, value, code):
    s = five_year_sheets()
    s[sheet].loc[1, column] = value
    with pytest.raises(SpreidingInputError) as info:
        load_frames(s)
    found = [f for f in info.value.findings if f.sheet == sheet]
    assert len(found) == 1
    f = found[0]
    assert (f.row, f.column, f.value, f.code) == (3, column, value, code)
    assert "agreements" in f.message("en") or "hospitals" in f.message("en")


@pytest.mark.parametrize(
    ("sheet", "column", "value"),
    [
        ("one_off_costs", "amount", -5),
        ("one_off_costs", "year", 1999),
        ("funding", "amount", "veel"),
    ],
)
def test_bad_amount_or_year_names_sheet_row_column(sheet, column, value):
    s = five_year_sheets()
    s[sheet] = s[sheet].astype({column: object})
    s[sheet].loc[0, column] = value
    with pytest.raises(SpreidingInputError) as info:
        load_frames(s)
    f = next(f for f in info.value.findings if f.sheet == sheet)
    assert (f.row, f.column) == (2, column)
    assert str(value) in str(f.value)


def test_template_has_both_sheets(tmp_path):
    from openpyxl import load_workbook

    from calculator.template import write_template

    write_template(tmp_path / "t.xlsx")
    names = load_workbook(tmp_path / "t.xlsx", read_only=True).sheetnames
    assert "eenmalige_kosten" in names or "one_off_costs" in names
    assert "financiering" in names or "funding" in names


# ---------------------------------------------------------------------- the CLI


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    return write_xlsx(tmp_path_factory.mktemp("bc") / "five.xlsx", five_year_sheets())


def test_cli_text_json_and_workbook(book, tmp_path):
    """The manual scenario of this book is today (its only agreement starts in 2031), so a
    position is only one-off costs and funding: BBB −€ 80.000 in 2025, −€ 20.000 + € 5.000 in
    2026, cumulative −€ 95.000 — never earned back, € 95.000 pre-financed."""
    out = tmp_path / "bc.xlsx"
    runner = CliRunner()
    result = runner.invoke(
        main,
        [
            "business-case",
            str(book),
            "--from",
            "2025",
            "--to",
            "2029",
            "--manual",
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "Businesscase 2025–2029" in result.output
    assert "BBB: terugverdiend niet binnen 2025–2029" in result.output
    assert "voorfinanciering € 95.000 (laagste stand in 2026)" in result.output
    sheets = pd.read_excel(out, sheet_name=None, engine="calamine")
    assert "Samenvatting" in sheets and "cumulatieve positie" in sheets
    cumulative = sheets["cumulatieve positie"].set_index("ziekenhuis")
    assert cumulative.at["BBB", "2026"] == -95_000.00
    js = runner.invoke(
        main,
        ["--lang", "en", "business-case", str(book), "--from", "2025", "--to", "2026",
         "--manual", "--split", "equal", "--discount-rate", "0,05", "--json"],
    )  # fmt: skip
    assert js.exit_code == 0, js.output
    doc = json.loads(js.output)
    assert doc["discount_rate"] == "0.05"
    assert doc["split"] == "equal"
    bbb = next(h for h in doc["hospitals"] if h["hospital_id"] == "BBB")
    assert bbb["years"][1]["cumulative_cents"] == -9_500_000
    assert doc["invariants_hold"] is True


@pytest.mark.parametrize(
    "args",
    [
        ["--from", "2025", "--to", "2024"],
        ["--from", "2025", "--to", "2070"],
        ["--from", "2025", "--to", "2026", "--discount-rate", "nan"],
        ["--from", "2025", "--to", "2026", "--discount-rate", "1.5"],
        ["--from", "2025", "--to", "2026", "--manual", "--scenario", "x"],
        ["--from", "2025", "--to", "2026", "--manual", "--split", "shapley"],
        ["--from", "2025", "--to", "2026", "--split", "half"],
    ],
)
def test_cli_usage_errors_exit_64(book, args):
    result = CliRunner().invoke(main, ["business-case", str(book), *args])
    assert result.exit_code == 64, result.output
    assert "Traceback" not in result.output


def test_cli_saved_scenario(book, tmp_path, monkeypatch):
    """A scenario saved with its flows is the plan; an unknown name is a usage error."""
    from calculator.validate import load
    from dashboard.store import ScenarioStore

    monkeypatch.setenv("SPREIDING_DB", str(tmp_path / "s.sqlite3"))
    wb = load(book)
    store = ScenarioStore()
    store.save("alles naar B", 2025, "manual", wb.sha256, pd.DataFrame({"x": [1]}), PLAN)
    store.save("oud", 2025, "manual", wb.sha256, pd.DataFrame({"x": [1]}))
    elsewhere = PLAN.assign(performing_hospital=["ZZZ", "BBB"])
    store.save("ander", 2025, "manual", "0" * 64, pd.DataFrame({"x": [1]}), elsewhere)
    runner = CliRunner()
    ok = runner.invoke(
        main,
        ["business-case", str(book), "--from", "2025", "--to", "2026", "--scenario",
         "alles naar B", "--split", "equal", "--json"],
    )  # fmt: skip
    assert ok.exit_code == 0, ok.output
    doc = json.loads(ok.output)
    aaa = next(h for h in doc["hospitals"] if h["hospital_id"] == "AAA")
    assert aaa["years"][0]["position_cents"] == 3_100_000  # as in the golden case
    for name, code in (("nergens", 64), ("oud", 64), ("ander", 64)):
        bad = runner.invoke(
            main, ["business-case", str(book), "--from", "2025", "--to", "2026", "--scenario", name]
        )
        assert bad.exit_code == code, bad.output


def test_cli_shapley_uses_the_coalitions_of_the_base_year(book, monkeypatch):
    """``--split shapley`` asks ``optimizer.coalitions.shapley_of`` for the base year's values
    (a stand-in here) and says that they share every year's gain."""
    import sys
    import types

    asked = []

    def shapley_of(wb, year, options, result):
        asked.append((year, result.status))
        return ShapleyValues({"AAA": Fraction(1), "BBB": Fraction(1)}, {})

    monkeypatch.setitem(
        sys.modules, "optimizer.coalitions", types.SimpleNamespace(shapley_of=shapley_of)
    )
    result = CliRunner().invoke(
        main,
        ["business-case", str(book), "--from", "2025", "--to", "2026", "--split", "shapley",
         "--time-limit", "20", "--json"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert asked and asked[0][0] == 2025
    doc = json.loads(result.output)
    assert doc["split"] == "shapley"
    assert any("Shapley-waarden van het basisjaar 2025" in n for n in doc["notes"])


def test_a_case_that_breaks_an_invariant_is_not_written(book, tmp_path, monkeypatch):
    """When a check finds a problem the command says so and exits 3; no workbook appears."""
    from calculator.validate import load
    from optimizer import business_case as module

    one_year = business_case(load(book), 2025, 2025, PLAN)
    assert module.check(one_year, 9_000_000, 3_000_000) == []
    assert [p.code for p in module.check(one_year, 1_000_000, 3_000_000)] == ["bc_invariant_inputs"]
    monkeypatch.setattr(
        module,
        "compensation_sums_to_zero",
        lambda case: [module._p("compensation", year="2025", total_cents=1)],
    )
    out = tmp_path / "x.xlsx"
    result = CliRunner().invoke(
        main,
        [
            "business-case",
            str(book),
            "--from",
            "2025",
            "--to",
            "2025",
            "--manual",
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 3
    assert "klopt niet met zichzelf" in result.output and "2025" in result.output
    assert not out.exists()


def test_a_plan_equal_to_today_has_a_zero_case_in_every_year():
    """With a phase (AAA → BBB rises from 20 % to 50 % in 2027), growth and indexation, the plan
    'today's 2025 allocation' is projected as today is: nothing differs in any year."""
    from optimizer.capacity import baseline_flows
    from tests.test_projection import two_year_sheets

    wb = load_frames(two_year_sheets())
    case = business_case(wb, 2025, 2027, baseline_flows(wb, 2025), rule="proportional")
    assert case.holds
    for column in ("margin_change_cents", "freed_or_cents", "compensation_cents"):
        assert (case.yearly[column] == 0).all(), column


def test_the_plan_follows_the_agreed_phases():
    """The same book; the plan moves 10 more of AAA's 100 patients to BBB in 2025 (30 of 100
    instead of 20). In 2027 the phase moves 0,3 × 100 more for both sides, so the plan's extra
    patients stay the plan's only difference, grown 10 % a year: 10 × 1,1² = 12,1 in 2027.
    Price 2027 € 1.155,00 (1,1 × 1,05); AAA declares it in full (no contract), BBB at 90 % (its
    2025 contract carried). AAA loses 12,1 × (115.500 − 57.750) = 698.775 cents of margin."""
    from tests.test_projection import two_year_sheets

    wb = load_frames(two_year_sheets())
    plan = pd.DataFrame(
        {
            "sending_hospital": ["AAA", "AAA", "BBB"],
            "performing_hospital": ["AAA", "BBB", "BBB"],
            "care_form_id": ["lies"] * 3,
            "cases": [70.0, 30.0, 50.0],
        }
    )
    case = business_case(wb, 2025, 2027, plan)
    y = case.yearly.set_index(["year", "hospital_id"])
    assert y.at[(2027, "AAA"), "margin_change_cents"] == -698_775
