"""Ingestion end to end: inputs of every kind become articles or recorded rejections."""

from crossbearing import ingest_files as ingest
from crossbearing.ingest.source import Limits
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
        return store.articles()


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
        assert {(r.path.rsplit("/", 1)[-1], r.reason) for r in store.rejections()} == reasons
        huge = next(r for r in store.rejections() if r.reason == "too-large")
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
