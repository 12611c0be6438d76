"""Refusals of the decision services."""

from gongkai.core.errors import DomainError


class EvaluationRefusedError(DomainError):
    """An evaluation step was not allowed."""
