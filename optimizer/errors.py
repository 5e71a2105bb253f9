"""Errors of the optimizer package."""

from calculator.errors import SpreidingError


class OptimizerError(SpreidingError):
    """The model could not be built or solved for a reason outside the input's validity."""
