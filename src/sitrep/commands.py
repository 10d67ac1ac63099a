"""Subcommands beyond `extract` (store, evaluation, server): registered on the parser here."""
from __future__ import annotations


def register(sub) -> None:
    """Add the subcommands that exist so far."""
