"""Errors of the optimizer package."""

from __future__ import annotations

from typing import Any

from calculator.errors import SpreidingError
from messages import DEFAULT_LANGUAGE, text


class OptimizerError(SpreidingError):
    """The model could not be built or solved for a reason outside the input's validity.

    It carries a message ``code`` in the catalogue (``messages.optimizer``) and its ``params``;
    the edge renders it in the reader's language with :meth:`render`, ``str()`` is the English
    text (for logs). It survives pickling, so a worker process can hand it to its parent.
    """

    def __init__(self, code: str, /, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(text(code, "en", **params))

    def render(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """The message in ``lang``."""
        return text(self.code, lang, **self.params)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), self.code, self.params))


def _rebuild(cls: type[OptimizerError], code: str, params: dict[str, Any]) -> OptimizerError:
    return cls(code, **params)
