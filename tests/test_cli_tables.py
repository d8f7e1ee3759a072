"""Listings that fit the terminal (cli/tables.py): whole short ids, titles cut on one line,
counts with the right number."""

from rich.console import Console

from crossbearing.cli.tables import listing, short_ids


def test_short_ids_are_unique_prefixes_of_at_least_eight_characters():
    ids = ["story-1132ae6c94db2d3a", "story-1132ae6d00000000", "story-ffff000011112222"]
    shown = short_ids(ids)
    assert shown == {"story-1132ae6c94db2d3a": "story-1132ae6c",
                     "story-1132ae6d00000000": "story-1132ae6d",
                     "story-ffff000011112222": "story-ffff0000"}
    assert short_ids(["abcdef0123456789", "abcdef0123456000"]) == {
        "abcdef0123456789": "abcdef0123456789"[:14], "abcdef0123456000": "abcdef0123456000"[:14]}


def test_an_80_column_listing_keeps_ids_whole_and_cuts_titles():
    rows = [(short, "2024-02-09", "Al Arabiya English", "en", "A headline " * 12, "2486")
            for short in short_ids([f"{i:016x}" for i in range(3)]).values()]
    console = Console(width=80, record=True, force_terminal=False)
    console.print(listing(("id", "published", "source", "lang", "title", "chars"), rows,
                          width=80))
    text = console.export_text()
    assert all(len(line) <= 80 for line in text.splitlines())
    for short, *_ in rows:
        assert short in text
    assert "…" in text and text.count("\n") == 3 + 1 + len(rows)  # one line per row


def test_counts_take_the_right_number():
    from crossbearing.cli.tables import counted

    assert [counted(1, "story", "stories"), counted(2, "story", "stories"), counted(0, "event"),
            counted(1, "mention")] == ["1 story", "2 stories", "0 events", "1 mention"]
