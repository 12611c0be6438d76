from gongkai.core.errors import DomainError


class LandMarketRefusedError(DomainError):
    """A land-market action the rules do not allow; the message says why."""
