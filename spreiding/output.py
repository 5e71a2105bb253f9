"""The language of the command's human output, chosen once with ``spreiding --lang nl|en``.

Every command renders its texts with :func:`say` (or ``messages.text(code, language(), …)``), so
one option on the group switches all output. Outside a click command (tests calling functions
directly) the language is ``SPREIDING_LANG`` or Dutch.
"""

from __future__ import annotations

import os

import click

from messages import DEFAULT_LANGUAGE, LANGUAGES, text


def language() -> str:
    """The language chosen with ``--lang`` on the ``spreiding`` group (default Dutch)."""
    ctx = click.get_current_context(silent=True)
    chosen = ctx.find_root().params.get("lang") if ctx is not None else None
    chosen = chosen or os.environ.get("SPREIDING_LANG") or DEFAULT_LANGUAGE
    return chosen if chosen in LANGUAGES else DEFAULT_LANGUAGE


def say(code: str, /, **params: object) -> str:
    """The catalogue's text for ``code`` in the chosen language."""
    return text(code, language(), **params)
