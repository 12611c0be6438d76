"""Refusals of the review."""

from gongkai.core.errors import DomainError


class ReviewRefusedError(DomainError):
    """A reviewer may not take this decision; the message says why. The
    back office shows it and returns to the page (core.middleware)."""
