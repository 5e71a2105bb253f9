"""The settlement workbook as a controller signs it (issue 19, item 5): the signing sheet,
totals rows that equal the sum of their lines, print set-up, ja/nee, and the English variant."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from calculator.settlement_export import headers, read_settlement, write_settlement
from messages import text
from tests.conftest import SAMPLE
from tests.test_cli import cli  # noqa: F401 (a fixture)

EURO = "€"


@pytest.fixture(scope="module")
def books(tmp_path_factory, sample_settled):
    """The sample's 2025 settlement written in Dutch and in English."""
    folder = tmp_path_factory.mktemp("books")
    paths = {}
    for lang in ("nl", "en"):
        paths[lang] = folder / f"verrekening_{lang}.xlsx"
        write_settlement(
            sample_settled, paths[lang], lang=lang, names={"ACR": "Academisch Centrum"}
        )
    return paths


def cents(value: object) -> int:
    return round(float(value) * 100)  # type: ignore[arg-type]


def rows_of(ws) -> list[list[object]]:
    return [[c.value for c in row] for row in ws.iter_rows()]


def test_the_signing_sheet_has_the_payments_and_a_line_for_every_board(books, sample_settled):
    book = load_workbook(books["nl"])
    assert book.sheetnames[:2] == ["Samenvatting", "Ondertekening"]
    ws = book["Ondertekening"]
    rows = rows_of(ws)
    assert rows[0][0] == "Verrekening 2025 tussen de ziekenhuizen: ondertekening"
    assert "raden van bestuur" in rows[1][0]
    assert sample_settled.input_sha256 in rows[2][0]
    header = rows.index(["betaler", "ontvanger", "bedrag", None, None])
    payments = sample_settled.payments
    body = rows[header + 1 : header + 1 + len(payments)]
    assert [r[:2] for r in body] == payments[["payer", "payee"]].values.tolist()
    total = rows[header + 1 + len(payments)]
    assert total[0] == "Totaal" and cents(total[2]) == int(payments["amount_cents"].sum())
    # the statement names the same total, in Dutch notation
    assert (
        text("sbook_signing_statement", "nl", year="2025", total_cents=0, count=0)[:20]
        in (rows[1][0])
    )
    signing = rows.index(["ziekenhuis", "naam", "functie", "datum", "handtekening"])
    signers = rows[signing + 1 :]
    hospitals = sorted(sample_settled.hospitals["hospital_id"])
    named = {"ACR": "Academisch Centrum (ACR)"}  # by name where the input gives one
    assert [r[0] for r in signers] == [f"{named.get(h, h)} — raad van bestuur" for h in hospitals]
    for offset in range(len(signers)):  # a line to write on under name, position, date, signature
        row = signing + 2 + offset
        assert ws.row_dimensions[row].height >= 30
        assert all(ws.cell(row=row, column=j).border.bottom.style == "thin" for j in range(2, 6))


def test_every_totals_row_is_the_sum_of_its_lines(books, sample_settled):
    """Totals are sums of the exact cents: Σ net positions = 0, Σ lines = Σ line amounts."""
    book = load_workbook(books["nl"])
    summary = rows_of(book["Samenvatting"])
    names = headers("summary", "nl")
    total = summary[-1]
    assert total[0] == "Totaal" and len(summary) == len(sample_settled.hospitals) + 2
    for j, column in enumerate(names):
        if column.endswith("_cents"):
            assert cents(total[j]) == int(sample_settled.hospitals[column].sum()), column
    assert cents(total[list(names).index("net_position_cents")]) == 0
    lines = rows_of(book["Regels"])
    amount = list(headers("lines", "nl")).index("amount_cents")
    assert lines[-1][0] == "Totaal"
    assert cents(lines[-1][amount]) == int(sample_settled.lines["amount_cents"].sum())
    assert cents(lines[-1][amount]) == sum(cents(r[amount]) for r in lines[1:-1])
    pairs = rows_of(book["Verrekening"])
    title = [r[0] for r in pairs].index("Betalingen (regionale verrekening)")
    assert pairs[title - 2][0] == "Totaal"  # the pairs' totals, a blank row, the payments
    assert pairs[-1][0] == "Totaal"
    assert cents(pairs[-1][2]) == int(sample_settled.payments["amount_cents"].sum())
    network = rows_of(book["Netwerkkosten"])
    part = list(headers("network", "nl")).index("part_cents")
    assert cents(network[-1][part]) == int(sample_settled.network_costs["part_cents"].sum())
    # a totals row is bold, outside the filter, and reading back leaves it out
    ws = book["Samenvatting"]
    assert ws.cell(row=len(summary), column=1).font.bold
    assert ws.auto_filter.ref.endswith(str(len(summary) - 1))
    back = read_settlement(books["nl"])
    assert len(back["hospitals"]) == len(sample_settled.hospitals)
    assert len(back["lines"]) == len(sample_settled.lines)


def test_every_sheet_prints_on_a4_landscape_fit_to_width_with_its_headers(books):
    book = load_workbook(books["nl"])
    for ws in book.worksheets:
        setup = ws.page_setup
        assert setup.orientation == "landscape", ws.title
        assert int(setup.paperSize) == 9  # A4
        assert int(setup.fitToWidth) == 1 and int(setup.fitToHeight) == 0
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_title_rows is not None and ws.print_title_rows.startswith("$1:")
    assert book["Samenvatting"].print_title_rows == "$1:$1"
    assert book["Ondertekening"].print_title_rows == "$1:$4"  # title, statement, basis, header


def test_yes_no_in_words_and_amounts_as_numbers_with_a_euro_format(books):
    book = load_workbook(books["nl"])
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert not isinstance(cell.value, bool), (ws.title, cell.coordinate)
                if EURO in cell.number_format and cell.value is not None:
                    assert isinstance(cell.value, int | float), (ws.title, cell.coordinate)
                    assert round(cell.value, 2) == cell.value
    secondments = rows_of(book["Detacheringen"])
    indexed = secondments[0].index("geïndexeerd")
    assert {r[indexed] for r in secondments[1:-1]} == {"ja", "nee"}
    basis = rows_of(book["Uitgangspunten"])
    prices = basis.index(["Gebruikte benchmarkprijzen", None, None, None, None, None, None])
    header = basis[prices + 1]
    assert {r[header.index("geïndexeerd")] for r in basis[prices + 2 :]} == {"ja", "nee"}
    assert "volledig" in {r[header.index("onderdeel")] for r in basis[prices + 2 :]}
    hours = book["Detacheringen"].cell(row=3, column=secondments[0].index("uren") + 1)
    assert hours.number_format == "#,##0.00"  # 285,63 hours, not 285.6328767123288


def test_the_english_workbook_speaks_english_and_reads_back_the_same(books, sample_settled):
    book = load_workbook(books["en"])
    assert book.sheetnames[:3] == ["Summary", "Sign-off", "Revenue"]
    assert book.sheetnames[-1] == "Basis"
    summary = rows_of(book["Summary"])
    assert summary[0][:2] == ["hospital", "declared to insurers"] and summary[-1][0] == "Total"
    signing = rows_of(book["Sign-off"])
    assert signing[0][0] == "Settlement 2025 between the hospitals: sign-off"
    assert ["hospital", "name", "position", "date", "signature"] in signing
    secondments = rows_of(book["Secondments"])
    assert {r[secondments[0].index("indexed")] for r in secondments[1:-1]} == {"yes", "no"}
    dutch_words = {"Totaal", "ja", "nee", "ziekenhuis", "betaler", "raad van bestuur"}
    for ws in book.worksheets:
        for row in rows_of(ws):
            assert not dutch_words & {v for v in row if isinstance(v, str)}, ws.title
    english, dutch = read_settlement(books["en"]), read_settlement(books["nl"])
    for table in ("hospitals", "pairs", "payments", "caps"):
        assert english[table].equals(dutch[table]), table
    money = ["payer", "payee", "count", "unit_price_cents", "amount_cents"]
    assert english["lines"][money].equals(dutch["lines"][money])
    assert english["hospitals"]["net_position_cents"].tolist() == (
        sample_settled.hospitals["net_position_cents"].tolist()
    )


def test_settle_lang_en_writes_the_english_workbook_and_compares_with_it(cli, tmp_path):  # noqa: F811
    first = tmp_path / "first.xlsx"
    assert cli("--lang", "en", "settle", SAMPLE, "--year", "2025", "--out", first).exit_code == 0
    assert load_workbook(first).sheetnames[0] == "Summary"
    second = tmp_path / "second.xlsx"
    result = cli("settle", SAMPLE, "--year", "2025", "--compare", first, "--out", second)
    assert result.exit_code == 0, result.output
    assert "Vergelijking" in load_workbook(second).sheetnames


def test_the_dashboard_download_follows_the_sessions_language():
    import io

    from calculator.validate import load_bytes
    from dashboard import state

    wb = load_bytes(SAMPLE.read_bytes(), SAMPLE.name)
    for lang, first in (("nl", "Samenvatting"), ("en", "Summary")):
        data = state.settlement_workbook(wb, wb.sha256, 2025, "combined", lang=lang)
        assert load_workbook(io.BytesIO(data), read_only=True).sheetnames[0] == first
    assert text("ui_settlement_file", "en", year="2025", source="combined") == (
        "settlement_2025_combined.xlsx"
    )
