"""Ingestion end to end: inputs of every kind become articles or recorded rejections."""

import hashlib
import io
import json
import os
import sys

import pytest
from helpers import deadline, unlistable

from crossbearing import ingest_files as ingest
from crossbearing.ids import stable_id
from crossbearing.ingest.run import EXTRACTOR, ingest_paths
from crossbearing.ingest.source import Limits, display_path, read_stdin
from crossbearing.store import open_store

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Drone strike kills commander in Baghdad | Example Times</title>
<meta property="og:title" content="Drone strike kills commander in Baghdad">
<meta property="og:site_name" content="Example Times">
<meta property="article:published_time" content="2024-02-08T09:30:00+00:00">
<meta name="author" content="Jane Reporter">
<link rel="canonical" href="https://www.nytimes.com/2024/02/08/world/baghdad-strike.html">
<script>window.tracking = {"id": 42};</script>
<style>body { font-family: serif; }</style>
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/politics">Politics</a></li></ul></nav></header>
<main><article>
<h1>Drone strike kills commander in Baghdad</h1>
<p>A drone strike hit a moving vehicle in eastern Baghdad on Wednesday night, killing three
people, including a senior commander of an armed group, officials said.</p>
<p>The military said the commander was responsible for planning attacks on its forces in the
region. The government condemned the strike as a violation of the country's sovereignty.</p>
<p>Talks on the future of the coalition are expected to resume this weekend, both countries said.</p>
</article>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
<section id="comments"><h3>Leave a Reply</h3>
<form action="/comment" method="post"><textarea name="comment"></textarea>
<input type="submit" value="Post Comment"></form></section>
</main>
<footer><p>Copyright 2024 Example Times. All rights reserved.</p><a href="/about">About us</a></footer>
<script>document.write("<p>injected</p>");</script>
</body></html>
"""

PAGE_TEXT = (
    "A drone strike hit a moving vehicle in eastern Baghdad on Wednesday night, killing three "
    "people, including a senior commander of an armed group, officials said.\n\n"
    "The military said the commander was responsible for planning attacks on its forces in the "
    "region. The government condemned the strike as a violation of the country's sovereignty.\n\n"
    "Talks on the future of the coalition are expected to resume this weekend, both countries said.")


def articles(db):
    with open_store(db) as store:
        return store.articles.all()


def test_html_page_clean_text_and_metadata(tmp_path, db):
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    report = ingest([page], db)
    assert report.ok and report.articles_added == 1
    [article] = articles(db)
    assert article.text == PAGE_TEXT
    assert article.title == "Drone strike kills commander in Baghdad"
    assert article.url == "https://www.nytimes.com/2024/02/08/world/baghdad-strike.html"
    assert article.domain == "nytimes.com"
    assert (article.outlet, article.outlet_source) == ("The New York Times", "domain table")
    assert article.published.value == "2024-02-08T09:30:00+00:00"
    assert article.published.precision == "second"
    assert article.published.source == "html:meta[article:published_time]"
    assert article.authors == ("Jane Reporter",)
    assert (article.language, article.analysable, article.format) == ("en", True, "html")


def test_latin1_and_windows_1252_texts(tmp_path, db):
    latin = ("Le gouvernement a annoncé la reprise des négociations à Bagdad.\n\n"
             "Les élèves et les employés étaient déçus après la grève.")
    english = ("The minister said \u201cwe will respond\u201d \u2014 at a cost of \u20ac5 million.\n\n"
               "Officials\u2019 statements were brief and the talks will resume this weekend.")
    (tmp_path / "latin1.txt").write_bytes(latin.encode("latin-1"))
    (tmp_path / "cp1252.txt").write_bytes(english.encode("cp1252"))
    report = ingest([tmp_path / "latin1.txt", tmp_path / "cp1252.txt"], db)
    assert report.ok and report.articles_added == 2
    by_lang = {a.language: a for a in articles(db)}
    assert by_lang["fr"].text == latin
    assert by_lang["fr"].analysable is False
    assert by_lang["fr"].skip_reason == "language fr: only English is analysed"
    assert by_lang["en"].text == english
    assert by_lang["en"].metadata["encoding"] == "cp1252"


def test_bad_inputs_are_rejected_with_reasons_and_the_batch_goes_on(tmp_path, db):
    (tmp_path / "a_empty.txt").write_bytes(b"")
    (tmp_path / "b_image.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(range(256)) * 40)
    (tmp_path / "c_good.txt").write_text("Officials said the talks would resume on Sunday in Baghdad.")
    big = tmp_path / "d_huge.txt"
    with open(big, "wb") as handle:
        line = b"A line of text that repeats to make a very large file for the size limit.\n"
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            handle.write(line)
    (tmp_path / "e_garbage.txt").write_bytes(bytes(range(1, 9)) * 300)
    report = ingest([tmp_path, tmp_path / "missing.txt"], db)
    assert report.articles_added == 1
    reasons = {(r.path.rsplit("/", 1)[-1], r.reason) for r in report.rejections}
    assert reasons == {("a_empty.txt", "empty"), ("b_image.jpg", "binary"),
                       ("d_huge.txt", "too-large"), ("e_garbage.txt", "undecodable"),
                       ("missing.txt", "missing")}
    with open_store(db) as store:
        assert {(r.path.rsplit("/", 1)[-1], r.reason) for r in store.articles.rejections()} == reasons
        huge = next(r for r in store.articles.rejections() if r.reason == "too-large")
        assert "over the limit of 10,000,000 bytes" in huge.detail
        assert huge.size_bytes > 50 * 1024 * 1024


def test_size_limit_is_configurable(tmp_path, db):
    (tmp_path / "a.txt").write_text("Officials said the talks would resume on Sunday in Baghdad.")
    report = ingest([tmp_path], db, limits=Limits(max_document_bytes=10))
    assert [r.reason for r in report.rejections] == ["too-large"]


def test_reingesting_adds_nothing_and_reports_old_rejections(tmp_path, db):
    (tmp_path / "good.txt").write_text("Officials said the talks would resume on Sunday in Baghdad.")
    (tmp_path / "empty.txt").write_bytes(b"")
    first = ingest([tmp_path], db)
    second = ingest([tmp_path], db)
    assert (first.articles_added, second.articles_added) == (1, 0)
    assert second.unchanged == 2
    assert [r.reason for r in second.rejections] == ["empty"]
    with open_store(db) as store:
        assert (store.count("articles"), store.count("rejections"), store.count("inputs")) == (1, 1, 2)


def test_ingest_tells_the_articles_it_adds_and_the_inputs_left(tmp_path, db):
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text(f"Officials in {name} said the talks would resume.")
    (tmp_path / "d.txt").write_text("Officials in a said the talks would resume.")  # stored already
    (tmp_path / "e.txt").write_bytes(b"")  # rejected
    told = []
    with open_store(db) as store:
        ingest_paths([tmp_path], store, inputs=5, on_added=lambda *a: told.append(a))
        assert told == [(1, 1, 4), (2, 2, 3), (3, 3, 2)]  # after each input that added one
        told.clear()
        ingest_paths([tmp_path], store, inputs=5, on_added=lambda *a: told.append(a))
    assert told == []  # a rerun adds nothing


def test_same_article_from_two_files_is_stored_once(tmp_path, db):
    text = "Officials said the talks would resume on Sunday in Baghdad."
    (tmp_path / "a.txt").write_text(text)
    (tmp_path / "b.txt").write_text(text + "\n\n")
    report = ingest([tmp_path], db)
    assert (report.articles_added, report.already_stored) == (1, 1)


def test_hidden_files_in_folders_are_skipped(tmp_path, db):
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (tmp_path / "a.txt").write_text("Officials said the talks would resume on Sunday in Baghdad.")
    report = ingest([tmp_path], db)
    assert report.ok and report.inputs == 1


def test_reader_failure_is_recorded_not_raised(tmp_path, db, monkeypatch):
    from crossbearing.ingest import readers

    def broken(source, limits):
        raise RuntimeError("reader bug")
        yield  # pragma: no cover

    monkeypatch.setitem(readers.READERS, "text", broken)
    (tmp_path / "a.txt").write_text("Some text.")
    (tmp_path / "b.html").write_text(PAGE)
    report = ingest([tmp_path], db)
    assert report.articles_added == 1
    assert [(r.reason, r.detail) for r in report.rejections] == [("reader-error", "RuntimeError: reader bug")]


# --- hostile inputs: each must end stored or rejected, the inputs beside it kept ---------------
# Fixtures are generated here; tests/test_hostile_inputs.py runs a whole corpus of such inputs.

GOOD = ("Officials said the talks would resume on Sunday in Baghdad, after a pause of two weeks."
        "\n\nThe ministry confirmed the date on Friday.")


def good_text(number: int) -> str:
    """A short report, different for each number (so that each is an article of its own)."""
    return f"Talks set for round {number}\n\n{GOOD} The round is the {number}th."


def reasons_by_name(report) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for rejection in report.rejections:
        found.setdefault(os.path.basename(rejection.path), []).append(rejection.reason)
    return found


def test_json_nested_past_the_stack_on_its_first_line_is_rejected_alone(tmp_path, db):
    (tmp_path / "a_deep.json").write_text('{"a":' * 1200 + "1" + "}" * 1200 + "\n")
    (tmp_path / "b_deep_array.json").write_text("[" * 1200 + "]" * 1200)
    (tmp_path / "c_good.txt").write_text(good_text(1))
    report = ingest([tmp_path], db)
    assert report.articles_added == 1
    assert reasons_by_name(report) == {"a_deep.json": ["corrupt"], "b_deep_array.json": ["corrupt"]}
    assert "recursion" in next(r.detail for r in report.rejections)


def test_file_name_that_is_not_utf8_is_stored_printable_with_an_id_of_its_real_bytes(tmp_path, db):
    name = os.fsdecode(b"\xe9\xff.txt")
    path = os.path.join(str(tmp_path), name)
    with open(path, "w") as handle:
        handle.write(good_text(2))
    report = ingest([str(tmp_path)], db)
    assert report.ok and report.articles_added == 1
    [article] = articles(db)
    assert article.source_path == str(tmp_path) + "/\\xe9\\xff.txt"
    assert article.source_path.encode("utf-8")  # storable and printable as it is
    with open_store(db) as store:
        [(input_id, stored_path)] = store.execute("SELECT input_id, path FROM inputs").fetchall()
    sha = hashlib.sha256(good_text(2).encode()).hexdigest()
    assert stored_path == display_path(path) == article.source_path
    assert input_id == stable_id(path, sha, EXTRACTOR)
    # the id is that of the name's own bytes: the same as hashing them directly
    assert stable_id(name) == hashlib.sha256(b"\xe9\xff.txt").hexdigest()[:16]


def test_symlink_loops_are_rejected_and_the_folder_goes_on(tmp_path, db):
    os.symlink("loop_b", tmp_path / "loop_a")
    os.symlink("loop_a", tmp_path / "loop_b")
    os.symlink("loop_self", tmp_path / "loop_self")
    (tmp_path / "good.txt").write_text(good_text(3))
    report = ingest([tmp_path, tmp_path / "loop_self"], db)
    assert report.articles_added == 1
    loops = [r for r in report.rejections if r.path.endswith(("loop_a", "loop_b", "loop_self"))]
    assert len(loops) == 4 and {r.reason for r in loops} == {"unreadable"}
    assert all(r.detail.startswith("symlink loop") for r in loops)


def test_fifo_and_device_links_are_not_read_and_do_not_hang(tmp_path, db):
    os.mkfifo(tmp_path / "a_fifo")
    os.symlink("/dev/zero", tmp_path / "b_zero")
    os.symlink("/dev/null", tmp_path / "c_null")
    os.symlink(str(tmp_path), tmp_path / "d_folder_link")
    (tmp_path / "e_good.txt").write_text(good_text(4))
    with deadline():
        report = ingest([tmp_path, tmp_path / "a_fifo", "/dev/zero"], db)
    assert report.articles_added == 1
    assert reasons_by_name(report) == {"a_fifo": ["not-a-file", "not-a-file"],
                                       "b_zero": ["not-a-file"], "c_null": ["not-a-file"],
                                       "d_folder_link": ["not-a-file"], "zero": ["not-a-file"]}
    details = {os.path.basename(r.path): r.detail for r in report.rejections}
    assert details["a_fifo"] == "a FIFO (named pipe), not a regular file"
    assert details["b_zero"] == "a character device, not a regular file"
    assert "not followed" in details["d_folder_link"]


NUL_RECORD = {
    "id": "x\u0000y", "title": "Strike\u0000 hits port", "author": ["Ann\u0000 Lee", "\u0000"],
    "outlet": "Coast\u0000 Post", "url": "https://coast.example/\u0000strike",
    "text": "The strike\u0000 closed the port on Friday.\n\nShips waited offshore\u0000 for a day.",
    "section": {"name\u0000": "Local\u0000 news", "tags": ["a\u0000", "\ud800"]},
}


def test_nul_characters_are_cleaned_from_every_field_alike_on_both_backends(tmp_path, store):
    (tmp_path / "dump.json").write_text(json.dumps([NUL_RECORD]))
    report = ingest_paths([str(tmp_path)], store)
    assert report.ok and report.articles_added == 1
    [article] = store.articles.all()
    assert article.title == "Strike hits port"
    assert article.authors == ("Ann Lee",)
    assert article.outlet == "Coast Post"
    assert article.url == "https://coast.example/strike"
    assert article.external_id == "xy"
    assert article.text == ("The strike closed the port on Friday.\n\n"
                            "Ships waited offshore for a day.")
    assert article.metadata["section"] == {"name": "Local news", "tags": ["a", "\ufffd"]}


def test_feed_over_the_document_limit_is_rejected_before_parsing(tmp_path, db):
    entry = f"<item><title>Port</title><description>{GOOD}</description></item>"
    feed = ("<?xml version='1.0'?><rss version='2.0'><channel><title>Coast</title>"
            + entry * 200 + "</channel></rss>")
    (tmp_path / "big.rss").write_text(feed)
    report = ingest([tmp_path], db, limits=Limits(max_document_bytes=len(feed) - 1))
    [rejection] = report.rejections
    assert (rejection.reason, report.formats) == ("too-large", {"feed": 1})
    assert "for an input read whole (feed)" in rejection.detail


def test_standard_input_is_spooled_to_a_temporary_file_that_is_deleted(tmp_path, db, monkeypatch):
    spool = tmp_path / "spool"
    spool.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(spool))
    data = good_text(5).encode()
    with read_stdin(io.BytesIO(data)) as source:
        assert source.data is None and os.path.dirname(source.file) == str(spool)
        assert (source.path, source.size, source.read_bytes()) == ("<stdin>", len(data), data)
    assert list(spool.iterdir()) == []
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    report = ingest(["-"], db)
    assert report.ok and report.articles_added == 1
    assert articles(db)[0].source_path == "<stdin>"
    assert list(spool.iterdir()) == []


def test_minified_api_response_on_one_line_yields_its_articles(tmp_path, db):
    records = [{"title": f"Report {n}", "content": good_text(n)} for n in (6, 7)]
    (tmp_path / "api.json").write_text(json.dumps({"status": "ok", "totalResults": 2,
                                                   "articles": records}, separators=(",", ":")))
    (tmp_path / "lines.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n")
    report = ingest([tmp_path], db)
    assert report.ok and (report.articles_added, report.already_stored) == (2, 2)
    assert report.formats == {"json": 1, "jsonl": 1}


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le",
                                      "utf-32-be"])
def test_utf16_and_utf32_text_is_decoded_not_refused_as_binary(tmp_path, db, encoding):
    text = good_text(8).replace("Baghdad", "Bagdad, à l'été")
    (tmp_path / "wide.txt").write_bytes(text.encode(encoding))
    (tmp_path / "page.html").write_bytes(PAGE.encode(encoding))
    report = ingest([tmp_path], db)
    assert report.ok and report.articles_added == 2
    by_format = {a.format: a for a in articles(db)}
    assert by_format["text"].title == "Talks set for round 8"
    assert "Bagdad, à l'été" in by_format["text"].text
    assert by_format["html"].text == PAGE_TEXT


def test_one_nul_byte_rejects_only_its_record_in_a_container(tmp_path, db):
    lines = [json.dumps({"text": good_text(n)}) for n in range(10, 13)]
    lines.insert(1, '{"text": "A stray\u0000 NUL in an otherwise fine report, officials said."}')
    lines.insert(2, "\u0000\u0000 not JSON")
    (tmp_path / "dump.jsonl").write_text("\n".join(lines) + "\n")
    rows = ["title,text"] + [f'"Row {n}","{good_text(n)}"' for n in range(20, 23)]
    rows.insert(1, '"With NUL","A report\u0000 with a NUL byte in its text, officials said."')
    (tmp_path / "dump.csv").write_text("\n".join(rows) + "\n")
    messages = [f"From desk@x.example Fri Feb  9 19:00:40 2024\nFrom: desk@x.example\n"
                f"Subject: Report {n}\n\n{good_text(n)}\n\n" for n in range(30, 60)]
    messages[0] = messages[0].replace("Subject: Report 30", "Subject: Report\u0000 30")
    (tmp_path / "list.mbox").write_text("".join(messages))
    report = ingest([tmp_path], db)
    assert report.formats == {"csv": 1, "jsonl": 1, "mbox": 1}
    assert [(r.locator, r.reason) for r in report.rejections] == [("line 3", "bad-record")]
    assert report.articles_added == 4 + 4 + 30
    assert "Report 30" in {a.title for a in articles(db)}


def test_many_bad_records_of_one_reason_are_one_rejection_with_their_count(tmp_path, db):
    rows = ["id,title,text", '1,"Fine","' + good_text(40) + '"', '2,"broken,"stray quote']
    rows += [f"{n},short" for n in range(3, 2003)]
    (tmp_path / "stray.csv").write_text("\n".join(rows) + "\n")
    lines = [json.dumps({"text": good_text(41)})] + ["{broken"] * 500 + ["[1]"] * 3
    (tmp_path / "broken.jsonl").write_text("\n".join(lines) + "\n")
    report = ingest([tmp_path], db)
    assert report.articles_added == 1 + 1
    summary = {os.path.basename(r.path): r for r in report.rejections}
    assert set(summary) == {"stray.csv", "broken.jsonl"} and len(report.rejections) == 2
    assert summary["broken.jsonl"].reason == "bad-record"
    assert summary["broken.jsonl"].locator == "line 2 and 502 more"
    assert summary["broken.jsonl"].detail.startswith(
        "503 records rejected; the first 3: line 2: invalid JSON: Expecting property name")
    assert "records rejected; the first 3: row 2:" in summary["stray.csv"].detail
    with open_store(db) as store:
        counts = dict(store.execute("SELECT path, rejections FROM inputs").fetchall())
        assert counts[str(tmp_path / "broken.jsonl")] == 503
        assert store.count("rejections") == 2


def test_few_bad_records_are_each_a_rejection_of_their_own(tmp_path, db):
    lines = [json.dumps({"text": good_text(42)})] + ["{broken"] * 10
    (tmp_path / "broken.jsonl").write_text("\n".join(lines) + "\n")
    report = ingest([tmp_path], db)
    assert [r.locator for r in report.rejections] == [f"line {n}" for n in range(2, 12)]


def test_inputs_that_hold_nothing_are_rejected_as_empty_containers(tmp_path, db):
    (tmp_path / "feed.rss").write_text("<?xml version='1.0'?><rss version='2.0'><channel>"
                                       "<title>Coast</title></channel></rss>")
    (tmp_path / "header.csv").write_text("id,title,text\n")
    (tmp_path / "empty.json").write_text("[]")
    (tmp_path / "api.json").write_text('{"status": "ok", "articles": []}')
    (tmp_path / "crawl.warc").write_bytes(
        b"WARC/1.0\r\nWARC-Type: warcinfo\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
        b"WARC-Date: 2024-02-09T00:00:00Z\r\nContent-Type: application/warc-fields\r\n"
        b"Content-Length: 13\r\n\r\nsoftware: x\r\n\r\n\r\n")
    (tmp_path / "good.txt").write_text(good_text(43))
    report = ingest([tmp_path], db)
    assert report.articles_added == 1
    assert reasons_by_name(report) == {name: ["empty-container"] for name in (
        "feed.rss", "header.csv", "empty.json", "api.json", "crawl.warc")}
    details = {os.path.basename(r.path): r.detail for r in report.rejections}
    assert details["feed.rss"] == "a feed without entries"
    assert details["crawl.warc"] == "a WARC crawl without HTML or text pages"


def test_a_folder_that_cannot_be_listed_is_rejected_and_its_siblings_read(tmp_path, db,
                                                                          monkeypatch):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "inside.txt").write_text(good_text(44))
    (tmp_path / "beside.txt").write_text(good_text(45))
    unlistable(monkeypatch, str(locked))
    report = ingest([tmp_path], db)
    assert report.articles_added == 1 and report.inputs == 2
    assert [(r.path, r.reason, r.detail) for r in report.rejections] == [
        (str(locked), "unreadable", "Permission denied")]


def ld_page(*blocks: str) -> str:
    scripts = "".join(f'<script type="application/ld+json">{block}</script>' for block in blocks)
    return PAGE.replace("<meta name=\"author\" content=\"Jane Reporter\">", scripts)


def test_json_ld_authors_as_a_list_of_names_are_all_kept(tmp_path, db):
    (tmp_path / "post.html").write_text(ld_page(
        '{"@type": "NewsArticle", "author": ["Jane Doe", "John Roe"], '
        '"datePublished": "2024-02-08T09:30:00Z"}'))
    report = ingest([tmp_path], db)
    assert report.ok
    [article] = articles(db)
    assert article.authors == ("Jane Doe", "John Roe")
    assert "metadata_problems" not in article.metadata


@pytest.mark.parametrize("author, expected", [
    ('["Doe, Jane", "Anderson Cooper"]', ("Doe, Jane", "Anderson Cooper")),  # split already
    ('{"name": "Jane Doe and John Roe"}', ("Jane Doe", "John Roe")),  # one name listing two
])
def test_json_ld_names_in_a_list_are_kept_whole_and_one_name_is_split(tmp_path, db, author,
                                                                      expected):
    (tmp_path / "post.html").write_text(ld_page(f'{{"@type": "NewsArticle", "author": {author}}}'))
    report = ingest([tmp_path], db)
    assert report.ok
    [article] = articles(db)
    assert article.authors == expected


@pytest.mark.parametrize("block", [
    "{not json", "[1, 2, 3]", "42", '"a string"', '{"@graph": 5}', '{"@graph": [1, {"author": 7}]}',
    '{"author": {"name": ["x"]}}', '{"author": [[["deep"]]], "datePublished": ["2024"]}',
    "[" * 5000 + "]" * 5000,
])
def test_malformed_metadata_never_loses_the_page(tmp_path, db, block):
    (tmp_path / "page.html").write_text(ld_page(block))
    report = ingest([tmp_path], db)
    assert report.ok and report.articles_added == 1
    [article] = articles(db)
    assert article.text == PAGE_TEXT and article.title == "Drone strike kills commander in Baghdad"


def test_a_metadata_reader_that_fails_costs_only_that_metadata(tmp_path, db, monkeypatch):
    from crossbearing.ingest import html

    def broken(markup, meta, page):
        raise ValueError("unexpected date shape")

    monkeypatch.setattr(html, "_published", broken)
    (tmp_path / "page.html").write_text(ld_page('{"author": "Jane Doe"}', "{not json"))
    report = ingest([tmp_path], db)
    assert report.ok
    [article] = articles(db)
    # The page's metadata date is lost; the date in its URL's path is all that is left.
    assert (article.published.source, article.authors) == ("url:path", ("Jane Doe",))
    problems = article.metadata["metadata_problems"]
    assert problems[0].startswith("JSON-LD block 2 ignored: JSONDecodeError")
    assert problems[1] == "publication date ignored: ValueError: unexpected date shape"


def test_metadata_nested_deeper_than_the_store_writes_is_cut_not_fatal(tmp_path, db):
    record = {"text": good_text(46), "extra": json.loads("[" * 600 + "]" * 600)}
    (tmp_path / "deep.json").write_text(json.dumps([record]))
    report = ingest([tmp_path], db)
    assert report.ok and report.articles_added == 1
    value, depth = articles(db)[0].metadata["extra"], 1
    while isinstance(value, list):
        value, depth = value[0], depth + 1
    assert depth == 32 and value.startswith("(nested deeper than 32 levels")
