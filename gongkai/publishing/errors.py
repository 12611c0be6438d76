"""Refusals of the publishing services."""

from gongkai.core.errors import DomainError


class WithdrawalRefusedError(DomainError):
    """A withdrawal (撤稿) was not allowed."""


class InterpretationRefusedError(DomainError):
    """An interpretation cannot be drafted for this item by this person."""


class SubmissionRefusedError(DomainError):
    """A document the platform wrote cannot be sent to review."""
