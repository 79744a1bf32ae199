"""The exceptions quoteattr raises on purpose."""

from __future__ import annotations

__all__ = ["BackendUnavailableError", "QuoteAttrError"]


class QuoteAttrError(Exception):
    """Base class of every error quoteattr raises on purpose."""


class BackendUnavailableError(QuoteAttrError):
    """A backend cannot run here: its package or its models are missing.

    The message says what to install or download.
    """
