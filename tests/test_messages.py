"""The message catalogue: every code in both languages, formatting per language."""

from __future__ import annotations

from messages import CATALOGUE, Message, incomplete, text
from messages.numbers import euro, number, percent


def test_every_code_has_dutch_and_english_with_the_same_placeholders():
    assert incomplete() == []


def test_numbers_follow_the_language():
    assert euro(123456789, with_cents=True) == "€ 1.234.567,89"
    assert euro(123456789, with_cents=True, lang="en") == "€ 1,234,567.89"
    assert euro(-123456) == "-€ 1.235"
    assert number(1234.5, 1) == "1.234,5"
    assert number(1234.5, 1, lang="en") == "1,234.5"
    assert percent(0.853) == "85,3 %"


def test_a_message_renders_in_each_language():
    code = next(iter(CATALOGUE))
    entry = CATALOGUE[code]
    if "{" not in entry["nl"]:
        assert Message(code).render("nl") == entry["nl"]
        assert text(code, "en") == entry["en"]


def test_parameters_are_formatted_for_the_reader():
    assert text("cli_amount", "nl", amount_cents=123456) == "Bedrag: € 1.234,56"
    assert text("cli_amount", "en", amount_cents=123456) == "Amount: € 1,234.56"
