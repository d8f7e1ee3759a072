"""One step of the schema (:class:`Migration`), as the schema modules list them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    """One schema step. ``statements`` run on every dialect unless the dialect has its own list
    here (``postgresql``), for the few things SQL does not spell alike (full-text search)."""

    version: int
    name: str
    statements: tuple[str, ...]
    postgresql: tuple[str, ...] | None = None

    def statements_for(self, dialect: str) -> tuple[str, ...]:
        if dialect == "postgresql" and self.postgresql is not None:
            return tuple(s.replace("{punct}", PG_PUNCTUATION) for s in self.postgresql)
        return self.statements


#: Non-ASCII punctuation that PostgreSQL's full-text parser keeps on a word ("“responsible"); it
#: splits ASCII punctuation itself. Substituted for {punct} in PostgreSQL statements.
PG_PUNCTUATION = "'[“”‘’«»„‹›…–—]+'"
