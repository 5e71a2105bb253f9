"""``spreiding settle --lines``: the lines in a Parquet or JSON Lines file (or standard output)
carry exactly what ``--json`` carries in its ``lines``; the JSON document then names the file."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from click.testing import CliRunner

from calculator.report import records
from spreiding.cli import main
from tests.conftest import SAMPLE


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="module")
def json_lines(runner) -> list[dict]:
    """The lines as the plain ``--json`` document carries them (the contract for small runs)."""
    result = runner.invoke(main, ["settle", str(SAMPLE), "--year", "2025", "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert len(doc["lines"]) > 100 and "lines_file" not in doc
    return doc["lines"]


def same_lines(got: list[dict], expected: list[dict]) -> bool:
    """Line for line the same; a fractional count (pro-rata secondment hours) to the 15
    significant digits JSON Lines carries, every other value exactly."""
    assert len(got) == len(expected)
    for a, b in zip(got, expected, strict=True):
        assert a.keys() == b.keys()
        for key in a:
            if isinstance(b[key], float) and not float(b[key]).is_integer():
                assert a[key] == pytest.approx(b[key], rel=1e-14), (key, a, b)
            else:
                assert a[key] == b[key], (key, a, b)
    return True


def settle(runner: CliRunner, *args: object):
    return runner.invoke(
        main, ["settle", str(SAMPLE), "--year", "2025", *map(str, args)], catch_exceptions=False
    )


def test_parquet_holds_the_json_lines_and_the_document_names_it(runner, json_lines, tmp_path):
    path = tmp_path / "regels.parquet"
    result = settle(runner, "--json", "--lines", path)
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert "lines" not in doc
    assert doc["lines_file"] == {"path": str(path), "format": "parquet", "rows": len(json_lines)}
    back = pd.read_parquet(path)
    assert str(back["product_code"].dtype) == "str"  # codes stay text: leading zeros kept
    assert records(back) == json_lines
    assert all(doc["invariants"].values()) and doc["hospitals"] and doc["exceptions"]


def test_json_lines_file_and_standard_output(runner, json_lines, tmp_path):
    path = tmp_path / "regels.jsonl"
    result = settle(runner, "--lines", path)
    assert result.exit_code == 0, result.output
    assert f"geschreven: {path}" in result.stdout  # the text summary stays on standard output
    assert same_lines([json.loads(line) for line in path.read_text().splitlines()], json_lines)
    streamed = settle(runner, "--lines", "-")
    assert streamed.exit_code == 0, streamed.output
    assert same_lines([json.loads(line) for line in streamed.stdout.splitlines()], json_lines)
    assert streamed.stderr.startswith("Verrekening 2025")  # the summary moved to stderr


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--lines", "regels.csv"], "onbekend bestandstype"),
        (["--lines", "-", "--json"], "delen de standaarduitvoer"),
        (["--lines", "geen/map/regels.parquet"], "de map bestaat niet"),
    ],
)
def test_a_bad_lines_target_is_refused_before_any_work(runner, args, words):
    result = settle(runner, *args)
    assert result.exit_code == 1
    assert words in result.output and "Traceback" not in result.output
