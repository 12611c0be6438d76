"""Refusals of the consultation services."""

from gongkai.core.errors import DomainError


class ConsultationRefusedError(DomainError):
    """A consultation, comment or adoption-report step was not allowed."""
