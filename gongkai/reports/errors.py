"""Refusals of the annual report's services, with the message staff see."""

from gongkai.core.errors import DomainError


class ReportRefusedError(DomainError):
    """The report cannot be sent for publication, or changed, as asked."""
