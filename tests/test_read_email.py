"""E-mail readers: single messages, mailboxes and pipermail archive pages, on fixtures made here."""

from __future__ import annotations

import base64
import io

import pytest

from crossbearing.ingest.email import (
    is_from_line,
    read_eml,
    read_mbox,
    read_message,
    split_mbox,
    unflow,
)
from crossbearing.ingest.mailbody import ForwardedHeader, split_forwarded_header
from crossbearing.ingest.pipermail import read_pipermail
from crossbearing.ingest.source import Limits, read_stdin, source_from_bytes, source_from_file
from crossbearing.model import DateValue, RawDocument, Rejected


def crlf(text: str) -> bytes:
    return text.replace("\n", "\r\n").encode("utf-8")


def only(items) -> RawDocument:
    items = list(items)
    assert len(items) == 1
    assert isinstance(items[0], RawDocument), items[0]
    return items[0]


# --- one message -------------------------------------------------------------------------------

QP_MESSAGE = """\
From: =?utf-8?q?J=C3=B6rg_Lindqvist?= <jorg@example.org>
To: harbour@lists.example.org
Subject: =?utf-8?q?=5BHarbour=5D_Fwd=3A_Flood_waters_close_the_river_port_at_Sk=C3=A4rha?=
 =?utf-8?q?mn?=
Date: Tue, 5 Mar 2024 08:12:30 +0100
Message-ID: <flood-1@mail.example.org>
List-Id: Harbour news mailing list <harbour.lists.example.org>
Content-Language: sv-SE
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: quoted-printable

Port authorities in Sk=C3=A4rhamn closed the river terminal on Monday after a=
 week
of rain pushed the water 2.4 metres above its usual level.

Ferries to the islands were cancelled, the harbour master said, and =E2=80=9Cno
vessel will move before Thursday=E2=80=9D.

--=20
J=C3=B6rg
sent from the harbour office
_______________________________________________
Harbour mailing list
harbour@lists.example.org
https://lists.example.org/mailman/listinfo/harbour
"""


def test_eml_quoted_printable_body_and_encoded_subject():
    document = only(read_eml(source_from_bytes(crlf(QP_MESSAGE), "flood.eml"), Limits()))
    assert document.text == (
        "Port authorities in Skärhamn closed the river terminal on Monday after a week\n"
        "of rain pushed the water 2.4 metres above its usual level.\n"
        "\n"
        "Ferries to the islands were cancelled, the harbour master said, and “no\n"
        "vessel will move before Thursday”.")
    assert document.title == "Flood waters close the river port at Skärhamn"
    assert document.published == DateValue("2024-03-05T08:12:30+01:00", "second", "email:Date")
    assert document.external_id == "flood-1@mail.example.org"
    assert document.format == "eml" and document.wrapped and document.language == "sv"
    assert document.outlet is None and document.authors == ()
    assert document.raw == crlf(QP_MESSAGE)
    assert dict(document.metadata) == {
        "posted": "2024-03-05T08:12:30+01:00",
        "posted_by": "Jörg Lindqvist <jorg@example.org>",
        "list": "Harbour news",
        "list_id": "harbour.lists.example.org",
        "subject": "[Harbour] Fwd: Flood waters close the river port at Skärhamn",
    }


FORWARDED_MESSAGE = """\
From: Lena Ortiz <lena@example.net>
To: desk@lists.example.net
Subject: Fwd: Grain convoy reaches the northern district
Date: Mon, 4 Mar 2024 21:40:00 +0000
Message-ID: <convoy@example.net>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8; format=flowed

---------- Forwarded message ---------
From: Valley Courier Desk <desk@courier.example>
Date: Mon, Mar 4, 2024 at 6:05 PM
Subject: Grain convoy reaches the northern district
To: <lena@example.net>

Grain convoy reaches the northern district
The Valley Courier
By Amira Haddad and Tomas Berg
March 4, 2024

A convoy of forty lorries carrying wheat flour crossed the last checkpoint 
on Monday, the first to reach the district in six weeks.

"We counted every sack," said one driver.
"""


def test_forwarded_message_block_and_article_header():
    document = only(read_eml(source_from_bytes(FORWARDED_MESSAGE.encode(), "forward.eml"),
                             Limits()))
    assert document.text == (
        "A convoy of forty lorries carrying wheat flour crossed the last checkpoint on Monday, "
        "the first to reach the district in six weeks.\n"
        "\n"
        '"We counted every sack," said one driver.')
    assert document.title == "Grain convoy reaches the northern district"
    assert document.outlet == "The Valley Courier"
    assert document.outlet_source == "forwarded-article source line"
    assert document.authors == ("Amira Haddad", "Tomas Berg")
    assert document.published == DateValue("2024-03-04", "day", "forwarded-article dateline")
    assert document.metadata["posted"] == "2024-03-04T21:40:00+00:00"
    assert document.metadata["posted_by"] == "Lena Ortiz <lena@example.net>"
    assert document.metadata["forwarded_from"] == "Valley Courier Desk <desk@courier.example>"


def test_forwarded_message_fields_are_fallbacks_for_subject_and_date():
    message = (
        "From: someone@example.net\n"
        "Content-Type: text/plain; charset=us-ascii\n"
        "\n"
        "Passing this on.\n"
        "\n"
        "-----Original Message-----\n"
        "From: Press Office <press@ministry.example>\n"
        "Sent: Friday, March 1, 2024 10:15 AM\n"
        "Subject: Bridge repairs to finish in April\n"
        "\n"
        "Repairs to the old bridge will finish in April, the ministry said.\n")
    document = read_message(message.encode())
    assert document.text == (
        "Passing this on.\n\nRepairs to the old bridge will finish in April, the ministry said.")
    assert document.title == "Bridge repairs to finish in April"
    assert document.published == DateValue("2024-03-01T10:15", "minute", "forwarded-message Date")
    assert "posted" not in document.metadata


def test_attached_rfc822_message_is_read_with_the_note():
    inner = (
        "From: wire@agency.example\n"
        "Subject: Power restored in the eastern suburbs\n"
        "Date: Sat, 2 Mar 2024 06:00:00 +0000\n"
        "Content-Type: text/plain; charset=iso-8859-1\n"
        "Content-Transfer-Encoding: base64\n"
        "\n"
        + base64.encodebytes("Power returned to 12,000 homes in Öster overnight.\n"
                             .encode("iso-8859-1")).decode())
    message = (
        "From: editor@example.org\n"
        "Subject: FYI\n"
        "MIME-Version: 1.0\n"
        'Content-Type: multipart/mixed; boundary="outer"\n'
        "\n"
        "--outer\n"
        "Content-Type: text/plain; charset=us-ascii\n"
        "\n"
        "See the attached report.\n"
        "--outer\n"
        "Content-Type: message/rfc822\n"
        "\n"
        + inner +
        "--outer--\n")
    document = read_message(message.encode())
    assert document.text == (
        "See the attached report.\n\nPower returned to 12,000 homes in Öster overnight.")
    assert document.title == "FYI"
    assert document.metadata["forwarded_from"] == "wire@agency.example"


def test_html_only_message_goes_through_fragment_text():
    message = (
        "From: a@example.org\n"
        "Subject: [Desk] Market reopens\n"
        "Content-Type: text/html; charset=utf-8\n"
        "\n"
        "<html><body><p>The central market reopened on <b>Sunday</b>.</p>"
        "<p>Traders returned &amp; prices fell.</p></body></html>\n")
    document = read_message(message.encode(), fmt="eml")
    assert document.text == (
        "The central market reopened on Sunday.\n\nTraders returned & prices fell.")
    assert document.title == "Market reopens"
    assert document.wrapped is False
    assert document.metadata["list"] == "Desk"


def test_html_body_of_div_lines_keeps_its_line_breaks():
    message = (
        "From: a@example.org\n"
        "Subject: Fwd: Tram line extended\n"
        "MIME-Version: 1.0\n"
        'Content-Type: multipart/related; boundary="rel"\n'
        "\n"
        "--rel\n"
        "Content-Type: text/html; charset=utf-8\n"
        "\n"
        '<div dir="ltr"><div>Tram line extended to the airport</div><div>City Post</div>'
        "<div>March 2, 2024</div><div><br></div><div>The new line opened on Saturday,<br>"
        "two months early.</div><div><br></div><div>Fares stay the same.</div></div>\n"
        "--rel\n"
        "Content-Type: image/png\n"
        "Content-Transfer-Encoding: base64\n"
        "\n"
        "iVBORw0KGgo=\n"
        "--rel--\n")
    document = read_message(message.encode())
    assert document.text == (
        "The new line opened on Saturday,\ntwo months early.\n\nFares stay the same.")
    assert document.title == "Tram line extended to the airport"
    assert document.outlet == "City Post"
    assert document.published == DateValue("2024-03-02", "day", "forwarded-article dateline")
    assert document.wrapped is False


def test_message_without_text_body_is_rejected():
    message = (
        "From: a@example.org\n"
        "Subject: photo\n"
        "Content-Type: image/jpeg\n"
        "Content-Transfer-Encoding: base64\n"
        "\n"
        "/9j/4AAQSkZJRgABAQ==\n")
    rejected = read_message(message.encode(), locator="message 3")
    assert rejected == Rejected("no-text", "the message has no text/plain or text/html body",
                                "message 3")


def test_eml_over_the_size_limit_is_rejected():
    source = source_from_bytes(crlf(QP_MESSAGE), "flood.eml")
    [rejected] = read_eml(source, Limits(max_document_bytes=100))
    assert isinstance(rejected, Rejected) and rejected.reason == "too-large"


# --- mailboxes ---------------------------------------------------------------------------------

CURFEW = """\
From lena@example.net Mon Mar  4 21:40:00 2024
From: Lena Ortiz <lena@example.net>
Subject: [Desk] Curfew lifted in the old town
Date: Mon, 4 Mar 2024 21:40:00 +0000
Message-ID: <curfew@example.net>
Content-Type: text/plain; charset=us-ascii

The night curfew in the old town was lifted on Monday.
>From now on, shops may stay open until midnight.

"""
SCHOOLS = """\
From desk@example.net Tue Mar  5 07:00:00 2024
From: Desk <desk@example.net>
Subject: Schools open again
Date: Tue, 5 Mar 2024 07:00:00 +0000
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="alt"

--alt
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

Schools in the district opened again on Tuesday,
after a closure of three weeks.
--alt
Content-Type: text/html; charset=utf-8

<p>Schools in the district opened again on Tuesday, after a closure of three weeks.</p>
--alt--
"""
MBOX = CURFEW + SCHOOLS


def test_mbox_reads_every_message_with_its_locator():
    documents = list(read_mbox(source_from_bytes(MBOX.encode(), "desk.mbox"), Limits()))
    assert [d.locator for d in documents] == ["message 1", "message 2"]
    first, second = documents
    assert first.text == ("The night curfew in the old town was lifted on Monday.\n"
                          "From now on, shops may stay open until midnight.")
    assert first.title == "Curfew lifted in the old town"
    assert first.format == "mbox" and first.external_id == "curfew@example.net"
    assert first.raw.startswith(b"From: Lena Ortiz")
    assert second.text == ("Schools in the district opened again on Tuesday,\n"
                           "after a closure of three weeks.")
    assert second.wrapped is True
    assert second.published == DateValue("2024-03-05T07:00:00+00:00", "second", "email:Date")


def test_mbox_from_a_file_matches_stdin(tmp_path):
    path = tmp_path / "desk.mbox"
    path.write_bytes(MBOX.encode())
    from_file = list(read_mbox(source_from_file(path), Limits()))
    with read_stdin(io.BytesIO(MBOX.encode())) as source:
        from_stdin = list(read_mbox(source, Limits()))
    assert from_file == from_stdin


def test_broken_messages_do_not_stop_the_others():
    mbox = (
        CURFEW
        + "From junk@example.net Tue Mar  5 08:00:00 2024\n"
        "this line is not a header\n\x01\x02 nor is this\n\n"
        "From big@example.net Tue Mar  5 09:00:00 2024\n"
        f"From: big@example.net\nSubject: big\n\n{'x' * 5000}\n\n"
        "From photo@example.net Tue Mar  5 10:00:00 2024\n"
        "From: photo@example.net\nSubject: photo\nContent-Type: image/png\n\nAAAA\n\n"
        + SCHOOLS)
    items = list(read_mbox(source_from_bytes(mbox.encode(), "desk.mbox"),
                           Limits(max_document_bytes=2000)))
    assert [(type(i).__name__, i.locator) for i in items] == [
        ("RawDocument", "message 1"), ("Rejected", "message 2"), ("Rejected", "message 3"),
        ("Rejected", "message 4"), ("RawDocument", "message 5")]
    reasons = [item.reason for item in items if isinstance(item, Rejected)]
    assert reasons == ["corrupt", "too-large", "no-text"]
    assert items[-1].title == "Schools open again"


def test_pipermail_monthly_text_archive_reads_as_a_mailbox():
    archive = (
        "From desk at lists.example.org  Fri Mar  8 07:00:00 2024\n"
        "From: desk at lists.example.org (Desk Editors)\n"
        "Date: Fri, 08 Mar 2024 07:00:00 +0000\n"
        "Subject: [Desk] Night buses return\n"
        "Message-ID: <buses@example.org>\n"
        "\n"
        "Night buses return to the ring road on Saturday.\n"
        "-------------- next part --------------\n"
        "An HTML attachment was scrubbed...\n"
        "URL: <http://lists.example.org/pipermail/desk/attachments/20240308/bb22/a.htm>\n")
    document = only(read_mbox(source_from_bytes(archive.encode(), "archive.mbox"), Limits()))
    assert document.text == "Night buses return to the ring road on Saturday."
    assert document.metadata["posted_by"] == "Desk Editors <desk@lists.example.org>"
    assert document.metadata["list"] == "Desk"


def test_from_line_needs_a_time_except_on_the_first_line():
    assert is_from_line(b"From a@x Mon Mar  4 10:00:00 2024\n")
    assert not is_from_line(b"From 2010 to 2024\n")
    assert is_from_line(b"From a@x 2024\n", first=True)


def test_split_mbox_keeps_body_lines_that_start_with_from():
    mbox = (b"From a@x Mon Mar  4 10:00:00 2024\nSubject: one\n\nline\n"
            b"From the harbour, 2024 looked calm\n\n"
            b"From b@x Mon Mar  4 11:00:00 2024\nSubject: two\n\nbody\n")
    messages = list(split_mbox(source_from_bytes(mbox, "desk.mbox").open(), 10_000))
    assert [data for data, _ in messages] == [
        b"Subject: one\n\nline\nFrom the harbour, 2024 looked calm\n\n",
        b"Subject: two\n\nbody\n"]


# --- pipermail ---------------------------------------------------------------------------------

PIPERMAIL_HTML = """\
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<HTML>
 <HEAD>
   <TITLE> [Desk] Ceasefire talks resume in Lakeside
   </TITLE>
   <META http-equiv="Content-Type" content="text/html; charset=utf-8">
 </HEAD>
 <BODY BGCOLOR="#ffffff">
   <H1>[Desk] Ceasefire talks resume in Lakeside</H1>
    <B>Desk Editors</B>
    <A HREF="mailto:desk%40lists.example.org?Subject=Re%3A%20%5BDesk%5D%20Ceasefire&In-Reply-To=%3Ctalks-7%40example.org%3E"
       TITLE="[Desk] Ceasefire talks resume in Lakeside">desk at lists.example.org
       </A><BR>
    <I>Wed Mar  6 09:30:00 UTC 2024</I>
    <P><UL>
        <LI>Previous message: <A HREF="000120.html">[Desk] Schools open again</A></li>
        <LI>Next message: <A HREF="000122.html">[Desk] Market reopens</A></li>
         <LI> <B>Messages sorted by:</B>
              <a href="date.html#121">[ date ]</a>
              <a href="thread.html#121">[ thread ]</a>
         </LI>
       </UL>
    <HR>
<!--beginarticle-->
<PRE>Delegations met again in Lakeside on Wednesday, the mediators said, &quot;with
a view to a lasting truce&quot;.

Both sides sent &lt;new&gt; negotiators; see
<A HREF="https://news.example/talks">https://news.example/talks</A>
-------------- next part --------------
An HTML attachment was scrubbed...
URL: &lt;<A HREF="https://lists.example.org/pipermail/desk/attachment.htm">https://lists.example.org/pipermail/desk/attachment.htm</A>&gt;
</PRE>
<!--endarticle-->
    <HR>
    <P><UL>
        <LI>Previous message: <A HREF="000120.html">[Desk] Schools open again</A></li>
       </UL>
<hr>
<a href="https://lists.example.org/mailman/listinfo/desk">More information about the Desk
mailing list</a><br>
</body></html>
"""


def test_pipermail_html_page():
    data = PIPERMAIL_HTML.encode()
    document = only(read_pipermail(source_from_bytes(data, "2024-March.html"), Limits()))
    assert document.text == (
        'Delegations met again in Lakeside on Wednesday, the mediators said, "with\n'
        'a view to a lasting truce".\n'
        "\n"
        "Both sides sent <new> negotiators; see\n"
        "https://news.example/talks")
    assert document.title == "Ceasefire talks resume in Lakeside"
    assert document.format == "pipermail" and document.wrapped and document.raw == data
    assert document.published == DateValue("2024-03-06T09:30:00+00:00", "second", "pipermail:date")
    assert document.external_id == "talks-7@example.org"
    assert dict(document.metadata) == {
        "posted": "2024-03-06T09:30:00+00:00",
        "posted_by": "Desk Editors <desk@lists.example.org>",
        "list": "Desk",
        "subject": "[Desk] Ceasefire talks resume in Lakeside",
    }


PIPERMAIL_TEXT = """\
[Desk] Dam inspectors warn of cracks in the spillway

Desk Editors desk at lists.example.org
Thu Mar 7 18:20:05 EST 2024

Dam inspectors warn of cracks in the spillway
Lakeside Herald
March 8, 2024

Engineers who inspected the Stonebrook dam this week found cracks along
the spillway and asked for the reservoir to be lowered.
[image: spillway-cracks.jpg]

   - Water runs over the Stonebrook spillway on Tuesday, March 5, 2024
   (Herald photo)

The regional water board said it would decide on Friday whether to open
the lower gates.
-------------- next part --------------
An HTML attachment was scrubbed...
URL: <http://lists.example.org/pipermail/desk/attachments/20240307/aa11/attachment-0001.htm>
-------------- next part --------------
A non-text attachment was scrubbed...
Name: spillway-cracks.jpg
Type: image/jpeg
Size: 88123 bytes
Desc: not available
URL: <http://lists.example.org/pipermail/desk/attachments/20240307/aa11/attachment-0001.jpg>

More information about the Desk mailing list"""


def test_pipermail_text_rendering():
    data = PIPERMAIL_TEXT.encode()
    document = only(read_pipermail(source_from_bytes(data, "2024-March.txt"), Limits()))
    assert document.text == (
        "Engineers who inspected the Stonebrook dam this week found cracks along\n"
        "the spillway and asked for the reservoir to be lowered.\n"
        "[image: spillway-cracks.jpg]\n"
        "\n"
        "   - Water runs over the Stonebrook spillway on Tuesday, March 5, 2024\n"
        "   (Herald photo)\n"
        "\n"
        "The regional water board said it would decide on Friday whether to open\n"
        "the lower gates.")
    assert document.title == "Dam inspectors warn of cracks in the spillway"
    assert document.outlet == "Lakeside Herald"
    assert document.outlet_source == "forwarded-article source line"
    assert document.published == DateValue("2024-03-08", "day", "forwarded-article dateline")
    assert document.wrapped and document.format == "pipermail" and document.raw == data
    assert dict(document.metadata) == {
        "posted": "2024-03-07T18:20:05-05:00",
        "posted_by": "Desk Editors <desk@lists.example.org>",
        "list": "Desk",
        "subject": "[Desk] Dam inspectors warn of cracks in the spillway",
    }


def test_pipermail_text_without_dateline_is_published_when_posted():
    page = PIPERMAIL_TEXT.replace("Dam inspectors warn of cracks in the spillway\nLakeside Herald\n"
                                  "March 8, 2024\n\n", "")
    document = only(read_pipermail(source_from_bytes(page.encode(), "2024-March.txt"), Limits()))
    assert document.published == DateValue("2024-03-07T18:20:05-05:00", "second", "pipermail:date")
    assert document.outlet is None
    assert document.text.startswith("Engineers who inspected")


def test_pipermail_text_navigation_and_wrapped_footer_are_removed():
    page = (
        "[Desk] Night buses return\n"
        "\n"
        "Desk Editors desk at lists.example.org\n"
        "Fri Mar 8 07:00:00 UTC 2024\n"
        "\n"
        "    * Previous message: [Desk] Dam inspectors warn of cracks in the spillway\n"
        "    * Next message (by thread): [Desk] Market reopens\n"
        "    * Messages sorted by: [ date ] [ thread ] [ subject ] [ author ]\n"
        "\n"
        "Night buses return to the ring road on Saturday.\n"
        "\n"
        "_______________________________________________\n"
        "Desk mailing list\n"
        "desk at lists.example.org\n"
        "https://lists.example.org/mailman/listinfo/desk\n"
        "\n"
        "    * Previous message: [Desk] Dam inspectors warn of cracks in the spillway\n"
        "\n"
        "More information about the Desk\n"
        "mailing list\n")
    document = only(read_pipermail(source_from_bytes(page.encode(), "2024-March.txt"), Limits()))
    assert document.text == "Night buses return to the ring road on Saturday."
    assert document.title == "Night buses return"
    assert document.metadata["list"] == "Desk"
    assert document.published == DateValue("2024-03-08T07:00:00+00:00", "second", "pipermail:date")


def test_pipermail_text_without_the_usual_top_is_read_whole():
    page = "Ferry timetable changes from Monday.\n\nMore information about the Desk mailing list\n"
    document = only(read_pipermail(source_from_bytes(page.encode(), "2024-March.txt"), Limits()))
    assert document.text == "Ferry timetable changes from Monday."
    assert document.title is None and document.published is None
    assert dict(document.metadata) == {"list": "Desk"}


# --- the pasted article header -----------------------------------------------------------------

def test_split_forwarded_header_roles():
    header, rest = split_forwarded_header(
        "\nPublished: 12 March 2024\nBy Sara al-Amin\nhttps://paper.example/a/1\n\nBody line.\n")
    assert header == ForwardedHeader(
        title=None, outlet=None, authors=("Sara al-Amin",),
        published=DateValue("2024-03-12", "day", "forwarded-article dateline"),
        url="https://paper.example/a/1")
    assert rest == "Body line.\n"


def test_lone_short_line_is_the_outlet_unless_it_is_the_subject():
    text = "Harbour Gazette\nMarch 1, 2024\n\nBody."
    assert split_forwarded_header(text)[0].outlet == "Harbour Gazette"
    header = split_forwarded_header(text, subject="Harbour Gazette")[0]
    assert header.title == "Harbour Gazette" and header.outlet is None


@pytest.mark.parametrize("text", [
    # an opening paragraph: no date line, no byline
    "The council met on Monday\nand voted to reopen\nthe bridge.\n\nMore text.",
    # "By the end of" is not a byline
    "By the end of the week\nthe river had fallen.\n\nMore text.",
    # the whole text, nothing after the block
    "Some Title\nMarch 1, 2024\n",
    # five lines are too many
    "a\nb\nc\nd\nMarch 1, 2024\n\nMore text.",
])
def test_text_without_an_article_header_is_left_alone(text):
    assert split_forwarded_header(text) == (ForwardedHeader(), text)


def test_unflow_joins_soft_breaks_only():
    flowed = "One long line \nwent on here.\nHard break.\n> quoted \n> more\n-- \nsig"
    assert unflow(flowed) == "One long line went on here.\nHard break.\n> quoted more\n-- \nsig"
    assert unflow("split wo \nrd", delsp=True) == "split word"
    assert unflow("ends flowed \n\nNext paragraph.") == "ends flowed \n\nNext paragraph."

