"""One catalogue of every text a user reads, in Dutch (default) and English.

Code never builds user text itself: it names a *code* and its *parameters* (a :class:`Message`),
and the edge — the CLI, the workbook writers, the dashboard — renders it in the reader's language
with :func:`text`. The catalogue is assembled from one part per area (``validation``,
``settlement``, ``optimizer``, ``projection``, ``dashboard``, ``cli``); a code lives in exactly
one part and has both languages (``tests/test_messages.py`` fails otherwise).

Parameters are formatted per language: numbers get Dutch separators in Dutch (``1.234,5``), and a
parameter whose name ends in ``_cents`` is shown as euros (``€ 1.234,56``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from decimal import Decimal
from types import MappingProxyType

from messages import (
    access,
    board_pack,
    business_case,
    cli,
    dashboard,
    deal,
    input_columns,
    input_template,
    optimizer,
    projection,
    settlement,
    settlement_book,
    store,
    validation,
)
from messages.numbers import euro, number

LANGUAGES: tuple[str, ...] = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
_PARTS = (
    validation,
    settlement,
    optimizer,
    projection,
    dashboard,
    cli,
    store,
    deal,
    business_case,
    access,
    board_pack,
    settlement_book,
    input_template,
    input_columns,
)


def _assemble() -> Mapping[str, Mapping[str, str]]:
    merged: dict[str, Mapping[str, str]] = {}
    for part in _PARTS:
        for code, entry in part.TEXTS.items():
            if code in merged:
                msg = f"message code {code!r} is declared twice (second time in {part.__name__})"
                raise ValueError(msg)
            merged[code] = MappingProxyType(dict(entry))
    return MappingProxyType(merged)


CATALOGUE: Mapping[str, Mapping[str, str]] = _assemble()


def _format_param(name: str, value: object, lang: str) -> object:
    if isinstance(value, Message):  # a nested text, rendered in the same language
        return value.render(lang)
    if isinstance(value, list | tuple) and all(isinstance(v, Message) for v in value):
        return (
            text(
                "joined_and",
                lang,
                first=", ".join(v.render(lang) for v in value[:-1]),
                last=value[-1].render(lang),
            )
            if len(value) > 1
            else (value[0].render(lang) if value else "")
        )
    if isinstance(value, bool) or value is None:
        return value
    if name.endswith("_cents") and isinstance(value, int | Decimal):
        return euro(int(value), lang=lang, with_cents=True)
    if isinstance(value, int):
        return number(value, 0, lang=lang)
    if isinstance(value, Decimal) and not value.is_nan():
        # a Decimal keeps the decimals it was written with (a tolerance of 0.001), at least 2
        exponent = value.normalize().as_tuple().exponent
        decimals = 0 if float(value).is_integer() else max(2, -int(exponent))
        return number(float(value), decimals, lang=lang)
    if isinstance(value, float):
        decimals = 0 if float(value).is_integer() else 2
        return number(float(value), decimals, lang=lang)
    return value


def text(code: str, lang: str = DEFAULT_LANGUAGE, /, **params: object) -> str:
    """The catalogue's text for ``code`` in ``lang`` with ``params`` filled in.

    Raises ``KeyError`` for an unknown code: a missing text is a bug, not a user's problem.
    """
    entry = CATALOGUE[code]
    template = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    escape = _ESCAPE.get()
    shown = {name: _format_param(name, value, lang) for name, value in params.items()}
    if escape is not None:  # a nested message has escaped its own parameters already
        shown = {
            name: escape(value) if isinstance(value, str) and not _nested(params[name]) else value
            for name, value in shown.items()
        }
    return template.format(**shown)


_ESCAPE: ContextVar[Callable[[str], str] | None] = ContextVar("escape", default=None)


def _nested(value: object) -> bool:
    return isinstance(value, Message) or (
        isinstance(value, list | tuple)
        and bool(value)
        and all(isinstance(v, Message) for v in value)
    )


@contextmanager
def escaping(escape: Callable[[str], str]) -> Iterator[None]:
    """Within the block, every text parameter of a message (from data: an id, a name, a file
    name) passes through ``escape`` before it is put in its template; the template itself is
    not escaped. The dashboard escapes Markdown this way."""
    token = _ESCAPE.set(escape)
    try:
        yield
    finally:
        _ESCAPE.reset(token)


@dataclass(frozen=True)
class Message:
    """A text by code and parameters, rendered at the edge in the reader's language."""

    code: str
    params: Mapping[str, object] = field(default_factory=dict)

    def render(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return text(self.code, lang, **self.params)


def incomplete() -> list[str]:
    """Codes that lack a language or use different placeholders in NL and EN."""
    from string import Formatter

    def fields(template: str) -> set[str]:
        return {f for _, f, _, _ in Formatter().parse(template) if f}

    problems = []
    for code, entry in CATALOGUE.items():
        missing = [lang for lang in LANGUAGES if not entry.get(lang)]
        if missing:
            problems.append(f"{code}: no text in {', '.join(missing)}")
        elif len({frozenset(fields(entry[lang])) for lang in LANGUAGES}) > 1:
            problems.append(f"{code}: NL and EN use different placeholders")
    return problems
