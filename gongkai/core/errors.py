"""Domain errors carry a Chinese message the interface shows as it is."""


class DomainError(Exception):
    """A rule of the domain refused the operation; ``str(error)`` is for users."""
