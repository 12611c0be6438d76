"""Refusals of the health check's actions."""

from gongkai.core.errors import DomainError


class NoPortalError(DomainError):
    """The agency has no portal to check."""


class InvalidSuccessorError(DomainError):
    """A closed column's items cannot go where asked."""
