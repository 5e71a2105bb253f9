"""Dutch notation for the dashboard: € 1.234.567, 85,3 %, 1.234 (see :mod:`messages.numbers`)."""

from __future__ import annotations

from messages.numbers import euro, number, percent

__all__ = ["euro", "number", "percent"]
