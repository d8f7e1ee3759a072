"""The store's timestamps: ISO 8601 in UTC, to the second. A leaf module, so that the store's
repositories and its database all stamp rows the same way without importing each other."""

from __future__ import annotations

from datetime import datetime, timezone


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
