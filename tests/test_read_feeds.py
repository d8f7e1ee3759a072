"""RSS and Atom feeds: one document per entry, full content preferred to the summary."""

from __future__ import annotations

import json

import pytest

from crossbearing.errors import FormatError
from crossbearing.ingest import feeds
from crossbearing.ingest.source import Limits, source_from_bytes
from crossbearing.model import DateValue, RawDocument, Rejected

RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>The Harbour Gazette</title>
  <link>https://gazette.example/</link>
  <language>en-GB</language>
  <item>
    <title>Ferry service resumes after storm</title>
    <link>https://gazette.example/ferry</link>
    <guid isPermaLink="false">gazette-1042</guid>
    <pubDate>Fri, 09 Feb 2024 19:00:40 -0500</pubDate>
    <dc:creator>Jane Doe</dc:creator>
    <category>Transport</category>
    <category>Weather</category>
    <description>Ferries sail again.</description>
    <content:encoded><![CDATA[<p>The ferry to the islands sailed again on Friday.</p>
      <p>Crews had waited <b>three days</b> for the wind to drop.</p>]]></content:encoded>
  </item>
  <item>
    <title>Harbour wall repairs approved</title>
    <link>https://gazette.example/wall</link>
    <guid>https://gazette.example/wall</guid>
    <author>desk@gazette.example (Bob Roe)</author>
    <description>The council approved &lt;i&gt;repairs&lt;/i&gt; to the harbour wall.</description>
  </item>
  <item>
    <title>Photo of the day</title>
    <link>https://gazette.example/photo</link>
  </item>
</channel>
</rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr-FR">
  <title>Le Courrier du Port</title>
  <link href="https://courrier.example/"/>
  <id>urn:uuid:feed</id>
  <updated>2024-03-02T10:00:00Z</updated>
  <entry>
    <title type="html">Le &lt;em&gt;quai&lt;/em&gt; rouvre</title>
    <link href="https://courrier.example/quai"/>
    <id>urn:uuid:entry-1</id>
    <updated>2024-03-02T10:00:00+01:00</updated>
    <author><name>Anne Martin</name></author>
    <author><name>Paul Petit</name></author>
    <content type="text">Le quai rouvre samedi.

Les travaux ont dur\xc3\xa9 six mois.</content>
  </entry>
  <entry>
    <title>Nouveau ponton</title>
    <id>urn:uuid:entry-2</id>
    <published>2024-03-01</published>
    <summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Un ponton.</p></div>
    </summary>
  </entry>
</feed>"""


def read(data: bytes, limits: Limits = Limits()) -> list:
    return list(feeds.read(source_from_bytes(data, "feed.xml"), limits))


def test_rss_entry_with_full_content() -> None:
    first = read(RSS)[0]
    assert isinstance(first, RawDocument)
    assert first.format == "feed"
    assert first.locator == "entry 1"
    assert first.text == ("The ferry to the islands sailed again on Friday.\n\n"
                          "Crews had waited three days for the wind to drop.")
    assert first.title == "Ferry service resumes after storm"
    assert first.url == "https://gazette.example/ferry"
    assert first.outlet == "The Harbour Gazette"
    assert first.outlet_source == "feed:channel title"
    # feedparser gives the time in UTC: stored as an instant with its zone.
    assert first.published == DateValue("2024-02-10T00:00:40+00:00", "second", "feed:published")
    assert first.authors == ("Jane Doe",)
    assert first.language == "en"
    assert first.external_id == "gazette-1042"
    assert first.metadata == {
        "content": "full", "feed_title": "The Harbour Gazette",
        "feed_link": "https://gazette.example/", "categories": ["Transport", "Weather"],
        "description": "Ferries sail again."}


def test_rss_entry_with_summary_only() -> None:
    second = read(RSS)[1]
    assert isinstance(second, RawDocument)
    assert second.locator == "entry 2"
    assert second.text == "The council approved repairs to the harbour wall."
    assert second.metadata["content"] == "summary"
    assert "description" not in second.metadata
    assert second.authors == ("Bob Roe",)
    assert second.external_id == "https://gazette.example/wall"
    assert second.published is None


def test_rss_entry_without_text_is_rejected_alone() -> None:
    items = read(RSS)
    assert len(items) == 3
    assert items[2] == Rejected("no-text", "the entry has neither content nor a summary",
                                "entry 3")


def test_raw_is_the_entry_as_json() -> None:
    raw = json.loads(read(RSS)[0].raw.decode("utf-8"))
    assert raw["id"] == "gazette-1042"
    assert raw["published"] == "Fri, 09 Feb 2024 19:00:40 -0500"
    assert raw["content"][0]["type"] == "text/html"


def test_atom_feed() -> None:
    first, second = read(ATOM)
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert first.text == "Le quai rouvre samedi.\n\nLes travaux ont dur\u00e9 six mois."
    assert first.title == "Le quai rouvre"
    assert first.url == "https://courrier.example/quai"
    assert first.outlet == "Le Courrier du Port"
    assert first.published == DateValue("2024-03-02T09:00:00+00:00", "second", "feed:updated")
    assert first.authors == ("Anne Martin", "Paul Petit")
    assert first.language == "fr"
    assert first.external_id == "urn:uuid:entry-1"
    assert first.metadata["content"] == "full"
    # No link: feedparser's fallback to the id (a URN) is not taken as a URL.
    assert second.url is None
    assert second.text == "Un ponton."
    assert second.metadata["content"] == "summary"
    assert second.published == DateValue("2024-03-01", "day", "feed:published")


def test_malformed_feed_without_entries_is_a_format_error() -> None:
    with pytest.raises(FormatError, match="malformed feed"):
        read(b"<?xml version='1.0'?><rss version='2.0'><channel><title>Broken")


def test_well_formed_feed_without_entries_yields_nothing() -> None:
    assert read(b"<?xml version='1.0'?><rss version='2.0'><channel><title>Quiet</title>"
                b"</channel></rss>") == []


def test_entry_over_the_size_limit_is_rejected() -> None:
    items = read(RSS, Limits(max_document_bytes=200))
    assert [item.reason for item in items] == ["too-large", "too-large", "no-text"]
