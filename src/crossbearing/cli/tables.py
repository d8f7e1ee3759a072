"""Tables that fit the terminal: ids shown whole (as the shortest prefix that is unique among
those listed, which every command accepts), long titles cut on one line instead of wrapped; and
counts with the right number ("1 story", "2 stories")."""

from __future__ import annotations

from collections.abc import Iterable

from rich.table import Table

#: Fewest characters of an id shown after its kind prefix ("story-"): collisions are rare below
#: millions of items, and the prefix grows until it is unique among the rows listed.
SHORTEST = 8


def short_ids(ids: Iterable[str], shortest: int = SHORTEST) -> dict[str, str]:
    """Each id's shortest prefix (at least ``shortest`` characters after a "kind-" prefix) that
    no other listed id shares."""
    ids = list(dict.fromkeys(ids))
    result = {}
    for identifier in ids:
        kind, _, rest = identifier.rpartition("-")
        head = f"{kind}-" if kind else ""
        length = min(shortest, len(rest))
        while length < len(rest) and any(
                other != identifier and other.startswith(head + rest[:length]) for other in ids):
            length += 1
        result[identifier] = head + rest[:length]
    return result


def listing(columns: tuple[str, ...], rows: list[tuple[str, ...]], *, width: int,
            ids: tuple[str, ...] = ("id",), cut: tuple[str, ...] = ("title",),
            widest: int = 24) -> Table:
    """A table of ``rows`` for a terminal ``width`` characters wide: id columns are never cut,
    other columns keep their width (up to ``widest``), and the ``cut`` columns share what is
    left, each ending in "…" where its text is longer."""
    widths = [max([len(name)] + [len(row[i]) for row in rows]) for i, name in enumerate(columns)]
    fixed = sum(w if name in ids else min(w, widest)
                for name, w in zip(columns, widths) if name not in cut)
    left = width - fixed - 3 * len(columns) - 1  # borders and padding
    share = max(10, left // max(1, sum(name in cut for name in columns)))
    table = Table(show_lines=False)
    for name, w in zip(columns, widths):
        if name in ids:
            table.add_column(name, no_wrap=True, min_width=w)
        elif name in cut:
            table.add_column(name, no_wrap=True, overflow="ellipsis", max_width=share)
        else:
            table.add_column(name, no_wrap=True, overflow="ellipsis", min_width=min(w, widest),
                             max_width=min(w, widest))
    for row in rows:
        table.add_row(*row)
    return table


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """"1 story", "2 stories", "0 events"."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"
