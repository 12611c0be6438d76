"""Shared kernel: base model, audit context, HTML sanitising, the public page
cache and the publish event. Never imports a domain app."""
