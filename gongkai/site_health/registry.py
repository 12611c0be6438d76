"""Channels of public messages (政务咨询) the health check reads.

The platform has no 政务咨询 channel yet. An app that adds one registers a
provider here (in its ``AppConfig.ready``); the check then judges §3.2
item 5 (a valid message unanswered for more than 3 months is a veto) on
what the providers return. Without a provider the indicator is reported as
not applicable.
"""

from collections.abc import Callable
from datetime import date

from gongkai.site_health.indicators import MessageFacts

# A provider takes the agency and today's date and returns its channel's
# facts.
MessageProvider = Callable[..., MessageFacts]

_providers: list[MessageProvider] = []


def register_message_provider(provider: MessageProvider) -> MessageProvider:
    """Register ``provider`` (usable as a decorator); registering twice is a
    no-op."""
    if provider not in _providers:
        _providers.append(provider)
    return provider


def unregister_message_provider(provider: MessageProvider) -> None:
    if provider in _providers:
        _providers.remove(provider)


def message_facts(*, agency, today: date) -> list[MessageFacts]:
    return [provider(agency=agency, today=today) for provider in _providers]
