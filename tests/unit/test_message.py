"""The MIME layer reads any enrolment email the way a careful clerk would."""

from __future__ import annotations

import base64
import quopri

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mailbot.errors import MessageError, MessageTooLarge
from mailbot.intake.decoding import unflow
from mailbot.intake.html import html_to_text, read_html
from mailbot.intake.limits import Limits
from mailbot.intake.message import read_message
from mailbot.intake.quoting import split_message, split_reply
from tests.data import build

CRLF = b"\r\n"


def raw(headers: list[str], body: bytes) -> bytes:
    return CRLF.join(h.encode("ascii") for h in headers) + CRLF + CRLF + body


def simple(ctype: str, body: bytes, *extra: str, cte: str | None = None) -> bytes:
    headers = ["From: Chief <chief@pd.example>", "To: dps.eTicket@vermont.gov", "Subject: x"]
    headers += ["MIME-Version: 1.0", f"Content-Type: {ctype}", *extra]
    if cte:
        headers.append(f"Content-Transfer-Encoding: {cte}")
    return raw(headers, body)


def test_not_an_email_is_a_one_line_error() -> None:
    """Input that is not an email is refused with a one-line message."""
    with pytest.raises(MessageError) as e:
        read_message(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    assert "\n" not in str(e.value)


def test_oversized_message_is_refused() -> None:
    """A message over the size limit is refused before parsing."""
    with pytest.raises(MessageTooLarge):
        read_message(build.eml(text="hello"), Limits(max_message_bytes=100))


def test_headers_are_decoded() -> None:
    """Sender, encoded subject, recipients and thread headers come out decoded."""
    data = raw(
        [
            'From: "=?utf-8?q?Jos=C3=A9_M=C3=BCller?=" <JMuller@PD.Example>',
            "To: DPS <dps.eTicket@vermont.gov>, other@x.example",
            "Cc: Sgt Amy <amy@pd.example>",
            "Reply-To: poc@pd.example",
            "Subject: =?iso-8859-1?q?Inscripci=F3n?= TraCS",
            "Message-ID: <m1@pd.example>",
            "In-Reply-To: <m0@dps.example>",
            "References: <a@x> <m0@dps.example>",
            "Received: one",
            "Received: two",
        ],
        b"body\r\n",
    )
    parts = read_message(data)
    assert parts.sender == "jmuller@pd.example"
    assert parts.sender_name == "José Müller"
    assert parts.subject == "Inscripción TraCS"
    assert parts.to == [("DPS", "dps.eticket@vermont.gov"), ("", "other@x.example")]
    assert parts.cc == [("Sgt Amy", "amy@pd.example")]
    assert parts.reply_to == [("", "poc@pd.example")]
    assert parts.message_id == "<m1@pd.example>"
    assert parts.in_reply_to == "<m0@dps.example>"
    assert parts.references == ["<a@x>", "<m0@dps.example>"]
    assert parts.headers["received"] == ["one", "two"]
    assert parts.text == "body"


def test_header_injection_is_neutralised() -> None:
    """An encoded newline in the subject cannot smuggle a second header line."""
    data = raw(
        ["From: a@b.example", "Subject: hi =?UTF-8?Q?=0A?=Bcc: x@evil.example", "X-N: a\x00b"],
        b"x",
    )
    parts = read_message(data)
    assert "\n" not in parts.subject and "\r" not in parts.subject
    assert "Bcc: x@evil.example" in parts.subject
    assert parts.header("x-n") == "a b"


@pytest.mark.parametrize(
    ("charset", "body"),
    [
        ("windows-1252", "José Müller, O’Neil".encode("cp1252")),
        ("iso-8859-1", "José Müller, O’Neil".encode("cp1252")),
        ("utf-8", "José Müller, O’Neil".encode()),
        ("X-UNKNOWN", "José Müller, O’Neil".encode()),
        ("X-UNKNOWN", "José Müller, O’Neil".encode("cp1252")),
        ("us-ascii", "José Müller, O’Neil".encode()),
    ],
)
def test_charsets_give_the_right_names(charset: str, body: bytes) -> None:
    """Declared, wrong and unknown charsets all give "José Müller" and "O’Neil"."""
    parts = read_message(simple(f"text/plain; charset={charset}", body, cte="8bit"))
    assert parts.text == "José Müller, O’Neil"


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252"])
def test_undeclared_8bit_body(encoding: str) -> None:
    """An 8-bit body with no charset is read as UTF-8, else Windows-1252."""
    body = "Officer: Zoë Ångström-O’Neil".encode(encoding)
    data = raw(["From: a@b.example", "Subject: s"], body)
    assert read_message(data).text == "Officer: Zoë Ångström-O’Neil"


def test_quoted_printable_and_base64() -> None:
    """Quoted-printable and base64 bodies are decoded."""
    qp = quopri.encodestring("Müller = 5\n".encode("cp1252"))
    parts = read_message(simple("text/plain; charset=windows-1252", qp, cte="quoted-printable"))
    assert parts.text == "Müller = 5"
    b64 = base64.encodebytes("Łukasz Nowak".encode())
    assert read_message(simple("text/plain; charset=utf-8", b64, cte="base64")).text == (
        "Łukasz Nowak"
    )


def test_format_flowed_is_joined() -> None:
    """format=flowed soft line breaks are joined back into one line."""
    body = b"Please enrol the Hartford Police \r\nDepartment today.\r\nNext line\r\n"
    parts = read_message(simple("text/plain; charset=utf-8; format=flowed", body))
    assert parts.text == "Please enrol the Hartford Police Department today.\nNext line"
    assert unflow("abc-\ndef", delsp=False) == "abc-\ndef"
    assert unflow("super \nman", delsp=True) == "superman"


OUTLOOK_HTML = """<html><head><style>p.MsoNormal {margin:0}</style></head><body>
<p class=MsoNormal>Officers:<o:p></o:p></p>
<table class=MsoTableGrid><tr><td><p class=MsoNormal>Last<o:p></o:p></p></td>
<td><p class=MsoNormal>First<o:p></o:p></p></td></tr>
<tr><td><p class=MsoNormal>M&uuml;ller<o:p></o:p></p></td><td>Jos&eacute;</td></tr></table>
<p class=MsoNormal>Thanks<o:p>&nbsp;</o:p></p></body></html>"""


def test_html_with_table_is_preferred_over_outlook_plain() -> None:
    """When the HTML part holds a table, rows stay rows (TAB-joined), not one cell per line."""
    plain = "Officers:\n\nLast\n\nFirst\n\nMüller\n\nJosé\n\nThanks\n"
    parts = read_message(build.eml(text=plain, html=OUTLOOK_HTML))
    assert "Last\tFirst\nMüller\tJosé" in parts.text
    assert parts.tables == [[["Last", "First"], ["Müller", "José"]]]


def test_plain_preferred_without_table() -> None:
    """Without a table, the text/plain alternative is what is read."""
    parts = read_message(build.eml(text="Plain words", html="<p>HTML words</p>"))
    assert parts.text == "Plain words"


def test_html_only_is_converted() -> None:
    """An HTML-only email is turned into readable lines; scripts and styles vanish."""
    html = (
        "<style>x{}</style><script>bad()</script><div>Agency: Hartford&nbsp;PD<br>Code: 0614</div>"
    )
    parts = read_message(build.eml(html=html))
    assert parts.text == "Agency: Hartford PD\nCode: 0614"


def test_outlook_reply_keeps_only_new_text() -> None:
    """An Outlook reply is cut at its "From:/Sent:/To:/Subject:" block."""
    text = (
        "Please also add Officer Brown.\n\n"
        "From: DPS eTicket <dps.eTicket@vermont.gov>\nSent: Monday, March 3, 2025 9:00 AM\n"
        "To: Chief <chief@pd.example>\nSubject: RE: TraCS\n\nWhat is missing: phone"
    )
    parts = read_message(build.eml(text=text, subject="RE: TraCS"))
    assert parts.text == "Please also add Officer Brown."
    assert parts.quoted_text.endswith("What is missing: phone")


def test_outlook_html_reply_header_div_is_quoted() -> None:
    """In Outlook HTML, the divRplyFwdMsg block and all after it are quoted, with its tables."""
    html = (
        "<p>New note</p><hr><div id=divRplyFwdMsg><b>From:</b> DPS<br><b>Sent:</b> Mon<br>"
        "<b>To:</b> me<br><b>Subject:</b> RE: x</div><table><tr><td>Old</td><td>Row</td></tr>"
        "</table>"
    )
    parts = read_message(build.eml(html=html, subject="RE: x"))
    assert parts.text == "New note"
    assert "Old\tRow" in parts.quoted_text
    assert parts.tables == []


def test_gmail_blockquote_reply_is_quoted() -> None:
    """A Gmail reply's blockquote and its "On ... wrote:" line are not new text."""
    html = (
        '<div dir="ltr">Phone is 802-295-9425</div><br><div class="gmail_quote">'
        '<div class="gmail_attr">On Mon, Mar 3, 2025 at 9:00 AM DPS &lt;dps@vt.gov&gt; wrote:'
        "<br></div><blockquote class=gmail_quote>Your request lacks a phone.</blockquote></div>"
    )
    parts = read_message(build.eml(html=html, subject="Re: TraCS"))
    assert parts.text == "Phone is 802-295-9425"
    assert "Your request lacks a phone." in parts.quoted_text


def test_plain_reply_markers() -> None:
    """ "> " lines, "On ... wrote:" and "-----Original Message-----" all start quotes."""
    s = split_message("Yes.\n\nOn Tue, Mar 4, 2025, Ann <a@b.c> wrote:\n> old\n> older")
    assert (s.text.strip(), s.quoted.splitlines()[-1]) == ("Yes.", "> older")
    s = split_message("Yes.\n-----Original Message-----\nFrom: x\nold")
    assert s.text == "Yes." and s.quoted.endswith("old")
    s = split_message(
        "Oui.\n________________________________\nDe : A\nEnvoyé : lundi\nÀ : B\nObjet : C\nold"
    )
    assert s.text == "Oui."
    s = split_message("Ja.\n\nVon: A\nAn: B\nGesendet: Mo\nBetreff: C\n\nalt")
    assert s.text.strip() == "Ja."


def test_gmail_inline_forward_is_unwrapped() -> None:
    """A short note above a Gmail forward: the forwarded request becomes the text."""
    text = (
        "Forwarding the chief's request.\n\n---------- Forwarded message ---------\n"
        "From: Chief <chief@pd.example>\nDate: Mon, Mar 3, 2025\nSubject: TraCS\n"
        "To: poc@pd.example\n\nJudiciary Code: 0614\nAgency Name: Hartford PD"
    )
    parts = read_message(build.eml(text=text, subject="Fwd: TraCS"))
    assert parts.text == (
        "Forwarding the chief's request.\n\nJudiciary Code: 0614\nAgency Name: Hartford PD"
    )
    assert "From: Chief <chief@pd.example>" in parts.quoted_text


def test_outlook_forward_is_unwrapped_under_fw_subject() -> None:
    """Under an "FW:" subject, Outlook's header block opens the forwarded request."""
    text = (
        "See below.\n\nFrom: Chief <chief@pd.example>\nSent: Monday\nTo: me\nSubject: TraCS\n\n"
        "Agency Name: Hartford PD"
    )
    assert read_message(build.eml(text=text, subject="FW: TraCS")).text == (
        "See below.\n\nAgency Name: Hartford PD"
    )
    assert read_message(build.eml(text=text, subject="RE: TraCS")).text == "See below."


def test_attached_message_forward_is_read() -> None:
    """A forward sent as an attached message is read as the request, attachments too."""
    inner = build.eml(
        text="Judiciary Code: 0614",
        sender="Chief <chief@pd.example>",
        attachments=[("logo.png", "image/png", build.png(64, 64))],
    )
    outer = build.eml(
        text="FYI", subject="Fwd: TraCS", attachments=[("req.eml", "message/rfc822", inner)]
    )
    parts = read_message(outer)
    assert parts.text == "FYI\n\nJudiciary Code: 0614"
    assert [a.filename for a in parts.attachments] == ["logo.png"]


def test_attachment_limits_are_noted() -> None:
    """Attachments over the count or size limit are skipped and said so in plain words."""
    sizes = [10, 10, 500, 10, 10]
    atts = [(f"f{i}.txt", "application/octet-stream", b"x" * n) for i, n in enumerate(sizes)]
    parts = read_message(
        build.eml(text="hi", attachments=atts),
        Limits(max_attachments=3, max_attachment_bytes=150),
    )
    assert [a.filename for a in parts.attachments] == ["f0.txt", "f1.txt", "f3.txt"]
    assert any(n.startswith("f2.txt") and "limit" in n for n in parts.notes)
    assert any(n.startswith("f4.txt") and "more than 3" in n for n in parts.notes)


def test_base64_attached_message_is_read() -> None:
    """A forwarded message attached base64-encoded (against RFC 2046) is still read."""
    inner = build.eml(text="Agency Name: Hartford PD")
    outer = raw(
        [
            "From: poc@pd.example",
            "Subject: Fwd: TraCS",
            "MIME-Version: 1.0",
            'Content-Type: multipart/mixed; boundary="b"',
        ],
        b"--b\r\nContent-Type: text/plain\r\n\r\nFYI\r\n--b\r\n"
        b"Content-Type: message/rfc822\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + base64.encodebytes(inner)
        + b"\r\n--b--\r\n",
    )
    assert read_message(outer).text == "FYI\n\nAgency Name: Hartford PD"


def test_inline_signature_image_and_tracking_pixel() -> None:
    """Images the HTML shows by cid:, and 1x1 pixels, are marked inline."""
    from email.message import EmailMessage

    msg = EmailMessage()
    msg["From"] = "a@b.example"
    msg["Subject"] = "s"
    msg.set_content("Hello")
    msg.add_alternative('<p>Hello</p><img src="cid:sig001">', subtype="html")
    html_part = msg.get_body(("html",))
    assert isinstance(html_part, EmailMessage)
    html_part.add_related(build.png(120, 40), "image", "png", cid="<sig001>", filename="sig.png")
    msg.add_attachment(build.image("GIF", 1, 1), maintype="image", subtype="gif", filename="p.gif")
    msg.add_attachment(build.png(200, 200), maintype="image", subtype="png", filename="logo.png")
    parts = read_message(msg.as_bytes())
    inline = {a.filename: a.inline for a in parts.attachments}
    assert inline == {"sig.png": True, "p.gif": True, "logo.png": False}


def test_mailto_links_of_html_alternative_are_kept() -> None:
    """A plain-text email's HTML alternative still names who its mailto: links are for."""
    html = (
        '<p>PoC: <a href="mailto:SHale@pd.example?subject=x">Sam Hale</a></p>'
        '<div style="display:none"><a href="mailto:hidden@pd.example">Hidden Person</a></div>'
    )
    parts = read_message(build.eml(text="PoC: Sam Hale", html=html))
    assert parts.text == "PoC: Sam Hale"
    assert parts.mailto == [("Sam Hale", "shale@pd.example")]


_HTML_PIECES = st.sampled_from(
    [
        "<div>", "</div>", "<p>", "<br>", "<hr>", "<pre>", "</pre>", "<b>", "</b>", "text ",
        '<a href="mailto:sam@pd.example">Sam Hale</a>', '<img src="cid:logo1">',
        '<a href=" MAILTO:amy@pd.example?cc=x ">Amy <b>Lussier</b></a>',
        '<div style="display: none">', '<span style="mso-hide:all">', "<style>", "</style>",
        "<blockquote>", "</blockquote>", "<table><tr><td>", "</td></tr></table>", "<!--",
    ]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(_HTML_PIECES, max_size=40))
def test_html_links_read_alike_without_its_text(pieces: list[str]) -> None:
    """Reading only an HTML body's links and images finds exactly what a full read finds."""
    html = "".join(pieces)
    full, links = read_html(html), read_html(html, text=False)
    assert (links.cids, links.mailto) == (full.cids, full.mailto)
    assert links.text == "" and links.tables == []


def test_winmail_dat_is_unpacked() -> None:
    """Files inside Outlook's winmail.dat are read as if attached directly."""
    csv_data = b"Last,First,Number\nSmith,John,HA014\n"
    blob = build.tnef([("officers.csv", csv_data), ("logo.png", build.png(80, 80))], body="Hi")
    parts = read_message(
        build.eml(text="", attachments=[("winmail.dat", "application/ms-tnef", blob)])
    )
    assert [a.filename for a in parts.attachments] == ["officers.csv", "logo.png"]
    assert parts.tables == [[["Last", "First", "Number"], ["Smith", "John", "HA014"]]]
    assert parts.text == "Hi"


def test_top_level_content_type_is_recorded() -> None:
    """The top-level content type is kept (multipart/report marks a bounce)."""
    parts = read_message(build.eml(text="a", html="<p>b</p>"))
    assert parts.content_type == "multipart/alternative"


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_html_to_text_never_raises(html: str) -> None:
    """Any text given as HTML converts without error and never contains NUL."""
    text = html_to_text(html)
    assert isinstance(text, str)
    assert read_html(f"<table><tr><td>{html}</td></tr></table>").text is not None


lines_st = st.lists(
    st.one_of(
        st.text(max_size=30).map(lambda s: s.replace("\n", " ")),
        st.sampled_from(
            ["> quoted", "From: A", "Sent: B", "To: C", "Subject: D", "On Mon, X wrote:",
             "-----Original Message-----", "_" * 32, "", "---------- Forwarded message ---------"]
        ),
    ),
    max_size=30,
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(lines_st)
def test_split_reply_partitions_lines(lines: list[str]) -> None:
    """Splitting a reply never loses or invents a line: text and quoted interleave to the input."""
    text = "\n".join(lines)
    s = split_reply(text)
    kept = [ln for ln in s.text.split("\n") if ln]
    quoted = [ln for ln in s.quoted.split("\n") if ln]
    k = q = 0
    for line in (ln for ln in text.split("\n") if ln):
        if k < len(kept) and kept[k] == line:
            k += 1
        elif q < len(quoted) and quoted[q] == line:
            q += 1
    assert (k, q) == (len(kept), len(quoted))
    assert len(kept) + len(quoted) == len([ln for ln in lines if ln])
    split_message(text, "Fwd: x")  # forwards: no exception


def test_reply_splitter_is_linear_on_long_blank_lines() -> None:
    """A hostile line of 100,000 spaces (with or without a header-like tail) is split
    in well under a second, not minutes."""
    import time

    from mailbot.intake.quoting import split_message

    for tail in ("x", "From:", "* Sent *:", "On"):
        text = "Hello\n" + " " * 100_000 + tail + "\nbye\n"
        start = time.process_time()
        split_message(text)
        assert time.process_time() - start < 1.0, tail


def test_huge_body_text_is_cut_with_a_note() -> None:
    """A body far longer than any real request is read up to [limits] max_text_chars,
    and the cut is noted for staff."""
    from mailbot.intake.limits import Limits

    raw = b"From: a@b.test\r\nSubject: big\r\n\r\nJudiciary Code: 0614\r\n" + b"x" * 3_000_000
    parts = read_message(raw, Limits(max_text_chars=10_000))
    assert len(parts.text) <= 10_000
    assert "Judiciary Code: 0614" in parts.text
    assert any("cut at 10,000 characters" in n for n in parts.notes)


def test_unquoted_last_first_display_name_gives_the_one_sender() -> None:
    """A From written "Pelkey, Arthur <APelkey@...>" (comma unquoted) is read as that
    one address, not as a bare "pelkey"."""
    raw = (
        b"From: Pelkey, Arthur <APelkey@fairhaven.vt.us>\r\nTo: dps.eticket@vermont.gov\r\n"
        b"Subject: Roster change\r\n\r\nPlease deactivate FH014.\r\n"
    )
    parts = read_message(raw)
    assert parts.sender == "apelkey@fairhaven.vt.us"
    assert parts.sender_name == "Pelkey, Arthur"
