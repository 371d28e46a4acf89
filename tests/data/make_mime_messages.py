"""Regenerate ``tests/data/messages/mime-*.eml`` and their expected ``.json``.

Each message is an enrolment request sent the way a real mail client sends it
(Outlook/Word HTML, Gmail, HTML only, XLSX or DOCX officer list, winmail.dat, an
attached forward, an undeclared 8-bit body). The expected JSON is written here by
hand: what a careful clerk reads from the message, in the ``mailbot parse --json``
shape. Run: ``python -m tests.data.make_mime_messages``.
"""

from __future__ import annotations

import base64
import json
import quopri
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from mailbot.intake.officer_fields import OFFICER_FIELDS
from tests.data import build

OUT = Path(__file__).resolve().parent / "messages"
HEAD = ["Last Name", "First Name", "Rank/Title", "Officer Number", "DPS Username"]


def b64(data: bytes) -> bytes:
    return base64.encodebytes(data).replace(b"\n", b"\r\n")


def qp(text: str, charset: str) -> bytes:
    return quopri.encodestring(text.replace("\n", "\r\n").encode(charset)).replace(b"\n", b"\r\n")


def crlf(text: str) -> bytes:
    return text.replace("\r\n", "\n").replace("\n", "\r\n").encode("ascii")


def headers(sender: str, subject: str, msgid: str, date: str, extra: str = "") -> str:
    return (
        f'From: {sender}\nTo: "DPS eTicket" <dps.eTicket@vermont.gov>\nSubject: {subject}\n'
        f"Date: {date}\nMessage-ID: <{msgid}>\nMIME-Version: 1.0\n{extra}"
    )


def expected(
    *,
    sender: str,
    agency: Mapping[str, str | None],
    poc: tuple[str, str],
    head: tuple[str, str],
    officers: list[list[str]],
) -> dict[str, Any]:
    return {
        "intent": "enrollment",
        "sender": sender,
        "automated": False,
        "agency": {
            "name": agency["name"],
            "judiciary_code": agency["code"],
            "address": agency["address"],
            "phone": agency["phone"],
            "logo": agency.get("logo"),
        },
        "point_of_contact": {"name": poc[0], "email": poc[1]},
        "head_of_department": {"name": head[0], "title": head[1]},
        "officers": [dict(zip(OFFICER_FIELDS, row, strict=True)) for row in officers],
        "changes": [],
        "missing": [],
        "invalid": [],
    }


# ---------------------------------------------------------------- 1 Outlook / Word


def outlook_word() -> tuple[bytes, dict[str, Any]]:
    officers = [
        ["Müller", "José", "Sergeant", "WI014", "jmuller"],
        ["O’Neil", "Siobhán", "Officer", "WI022", "soneil"],
    ]
    rows_html = "".join(
        "<tr>"
        + "".join(
            f'<td width=120 valign=top style="border:solid windowtext 1.0pt;padding:0in 5.4pt">'
            f"<p class=MsoNormal>{cell}<o:p></o:p></p></td>"
            for cell in row
        )
        + "</tr>\n"
        for row in [HEAD, *officers]
    )
    html = f"""<html xmlns:o="urn:schemas-microsoft-com:office:office">
<head><meta http-equiv=Content-Type content="text/html; charset=windows-1252">
<style><!-- p.MsoNormal {{margin:0in;font-size:11.0pt;font-family:"Calibri",sans-serif;}}
--></style><!--[if gte mso 9]><xml><o:shapedefaults v:ext="edit" spidmax="1026" /></xml><![endif]-->
</head><body lang=EN-US link="#0563C1"><div class=WordSection1>
<p class=MsoNormal>Good morning,<o:p></o:p></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoNormal>The Winooski Police Department would like to participate in e-ticketing.
I have designated our e-ticket Point-of-Contact below.<o:p></o:p></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoNormal>Agency Name: Winooski Police Department<o:p></o:p></p>
<p class=MsoNormal>Judiciary Code: 0471<o:p></o:p></p>
<p class=MsoNormal>Address: 27 West Allen Street, Winooski, VT 05404<o:p></o:p></p>
<p class=MsoNormal>Phone: (802) 655-0221<o:p></o:p></p>
<p class=MsoNormal>Point of Contact: Siobhán O’Neil<o:p></o:p></p>
<p class=MsoNormal>PoC Email: soneil@winooskipd.example<o:p></o:p></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoNormal>Please create records for these officers:<o:p></o:p></p>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0
 style="border-collapse:collapse;border:none">
{rows_html}</table>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoNormal>Thank you,<o:p></o:p></p>
<p class=MsoNormal>Rick Hébert<o:p></o:p></p>
<p class=MsoNormal>Chief of Police<o:p></o:p></p>
<p class=MsoNormal><img width=120 height=40 src="cid:image001.png@01DB1A2B.3C4D5E60"
 alt="Winooski PD"><o:p></o:p></p>
</div></body></html>"""
    plain_cells = "\n\n".join(cell for row in [HEAD, *officers] for cell in row)
    plain = f"""Good morning,

The Winooski Police Department would like to participate in e-ticketing.
I have designated our e-ticket Point-of-Contact below.

Agency Name: Winooski Police Department
Judiciary Code: 0471
Address: 27 West Allen Street, Winooski, VT 05404
Phone: (802) 655-0221
Point of Contact: Siobhán O’Neil
PoC Email: soneil@winooskipd.example

Please create records for these officers:

{plain_cells}

Thank you,
Rick Hébert
Chief of Police
[Winooski PD]
"""
    sig = build.png(120, 40)
    logo = build.image("PNG", 256, 256, (200, 30, 30))
    raw = (
        crlf(
            headers(
                "Rick =?windows-1252?Q?H=E9bert?= <rhebert@winooskipd.example>",
                "TraCS e-ticketing request - Winooski Police Department",
                "BN6PR09MB1234.namprd09.prod.outlook.com",
                "Tue, 4 Mar 2025 08:12:44 +0000",
                'Content-Type: multipart/mixed; boundary="_005_BN6PR09_"\n'
                "X-MS-Has-Attach: yes\nThread-Index: AdmNDg==\n",
            )
        )
        + b"\r\n--_005_BN6PR09_\r\n"
        + b'Content-Type: multipart/related; boundary="_004_BN6PR09_";\r\n'
        + b' type="multipart/alternative"\r\n\r\n'
        + b"--_004_BN6PR09_\r\n"
        + b'Content-Type: multipart/alternative; boundary="_000_BN6PR09_"\r\n\r\n'
        + b"--_000_BN6PR09_\r\n"
        + b'Content-Type: text/plain; charset="windows-1252"\r\n'
        + b"Content-Transfer-Encoding: quoted-printable\r\n\r\n"
        + qp(plain, "cp1252")
        + b"\r\n--_000_BN6PR09_\r\n"
        + b'Content-Type: text/html; charset="windows-1252"\r\n'
        + b"Content-Transfer-Encoding: quoted-printable\r\n\r\n"
        + qp(html, "cp1252")
        + b"\r\n--_000_BN6PR09_--\r\n\r\n--_004_BN6PR09_\r\n"
        + b'Content-Type: image/png; name="image001.png"\r\n'
        + b"Content-Description: image001.png\r\n"
        + b'Content-Disposition: inline; filename="image001.png"\r\n'
        + b"Content-ID: <image001.png@01DB1A2B.3C4D5E60>\r\n"
        + b"Content-Transfer-Encoding: base64\r\n\r\n"
        + b64(sig)
        + b"\r\n--_004_BN6PR09_--\r\n\r\n--_005_BN6PR09_\r\n"
        + b'Content-Type: image/png; name="Winooski PD logo.png"\r\n'
        + b'Content-Disposition: attachment; filename="Winooski PD logo.png"\r\n'
        + b"Content-Transfer-Encoding: base64\r\n\r\n"
        + b64(logo)
        + b"\r\n--_005_BN6PR09_--\r\n"
    )
    agency = {
        "name": "Winooski Police Department",
        "code": "0471",
        "address": "27 West Allen Street, Winooski, VT 05404",
        "phone": "(802) 655-0221",
        "logo": "Winooski PD logo.png",
    }
    return raw, expected(
        sender="rhebert@winooskipd.example",
        agency=agency,
        poc=("Siobhán O’Neil", "soneil@winooskipd.example"),
        head=("Rick Hébert", "Chief of Police"),
        officers=officers,
    )


# ---------------------------------------------------------------- 2 Gmail HTML


def gmail() -> tuple[bytes, dict[str, Any]]:
    officers = [
        ["Ångström", "Zoë", "Corporal", "ST101", "zangstrom"],
        ["Nguyen", "Bao", "Officer", "ST102", "bnguyen"],
    ]
    table = (
        '<table border="1" cellpadding="0" cellspacing="0"><tbody>'
        + "".join(
            "<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in [HEAD, *officers]
        )
        + "</tbody></table>"
    )
    html = (
        '<div dir="ltr">Hello DPS,<div><br></div><div>The St. Albans Police Department would '
        "like to participate in e-ticketing.</div><div><br></div>"
        "<div>Agency Name: St. Albans Police Department<br>Judiciary Code: 0923<br>"
        "Address: 30 Lake Street, St. Albans, VT 05478<br>Phone: (802) 524-2166<br>"
        "Point of Contact: Bao Nguyen<br>PoC Email: bnguyen@stalbanspd.example</div>"
        f"<div><br></div><div>Officers:</div>{table}<div><br></div>"
        "<div>Thanks,</div><div>Maria Lopez</div><div>Chief of Police</div><div><br></div>"
        '<span class="gmail_signature_prefix">-- </span><br><div dir="ltr" '
        'class="gmail_signature">St. Albans PD</div></div>\n'
    )
    plain_rows = "\n".join(" ".join(row) for row in [HEAD, *officers])
    plain = (
        "Hello DPS,\n\nThe St. Albans Police Department would like to participate in "
        "e-ticketing.\n\nAgency Name: St. Albans Police Department\nJudiciary Code: 0923\n"
        "Address: 30 Lake Street, St. Albans, VT 05478\nPhone: (802) 524-2166\n"
        "Point of Contact: Bao Nguyen\nPoC Email: bnguyen@stalbanspd.example\n\nOfficers:\n"
        f"{plain_rows}\n\nThanks,\nMaria Lopez\nChief of Police\n\n-- \nSt. Albans PD\n"
    )
    logo = build.image("JPEG", 300, 300, (10, 40, 120))
    raw = (
        crlf(
            headers(
                "Maria Lopez <mlopez@stalbanspd.example>",
                "E-ticketing enrollment: St. Albans PD",
                "CAHk9=Xq1@mail.gmail.com",
                "Wed, 5 Mar 2025 10:01:02 -0500",
                'Content-Type: multipart/mixed; boundary="000000000000a1"\n',
            )
        )
        + b"\r\n--000000000000a1\r\n"
        + b'Content-Type: multipart/alternative; boundary="000000000000a0"\r\n\r\n'
        + b'--000000000000a0\r\nContent-Type: text/plain; charset="UTF-8"\r\n'
        + b"Content-Transfer-Encoding: quoted-printable\r\n\r\n"
        + qp(plain, "utf-8")
        + b'\r\n--000000000000a0\r\nContent-Type: text/html; charset="UTF-8"\r\n'
        + b"Content-Transfer-Encoding: quoted-printable\r\n\r\n"
        + qp(html, "utf-8")
        + b"\r\n--000000000000a0--\r\n--000000000000a1\r\n"
        + b'Content-Type: image/jpeg; name="badge.jpg"\r\n'
        + b'Content-Disposition: attachment; filename="badge.jpg"\r\n'
        + b"Content-Transfer-Encoding: base64\r\nX-Attachment-Id: f_m7x1\r\n"
        + b"Content-ID: <f_m7x1>\r\n\r\n"
        + b64(logo)
        + b"\r\n--000000000000a1--\r\n"
    )
    agency = {
        "name": "St. Albans Police Department",
        "code": "0923",
        "address": "30 Lake Street, St. Albans, VT 05478",
        "phone": "(802) 524-2166",
        "logo": "badge.jpg",
    }
    return raw, expected(
        sender="mlopez@stalbanspd.example",
        agency=agency,
        poc=("Bao Nguyen", "bnguyen@stalbanspd.example"),
        head=("Maria Lopez", "Chief of Police"),
        officers=officers,
    )


# ---------------------------------------------------------------- 3 HTML only


def html_only() -> tuple[bytes, dict[str, Any]]:
    officers = [["Lefèvre", "Noël", "Deputy", "AD201", "nlefevre"]]
    table = "<table>" + "".join(
        "<tr>" + "".join(f"<th>{c}</th>" if row is HEAD else f"<td>{c}</td>" for c in row) + "</tr>"
        for row in [HEAD, *officers]
    )
    html = (
        "<html><body><p>To the DPS e-Ticket staff,</p>"
        "<p>The Addison County Sheriff&#39;s Department would like to participate in "
        "e-ticketing.</p><p>Agency Name: Addison County Sheriff&#39;s Department<br>"
        "Judiciary Code: 0150<br>Address: 35 Court Street, Middlebury, VT 05753<br>"
        "Phone: (802) 388-2981<br>Point of Contact: No&euml;l Lef&egrave;vre<br>"
        "PoC Email: nlefevre@addisonsheriff.example</p>"
        f"<p>Officer to create:</p>{table}</table>"
        "<p>Sincerely,<br>Peter Newton<br>Sheriff</p></body></html>"
    )
    logo = build.image("GIF", 128, 128, (0, 90, 0))
    raw = (
        crlf(
            headers(
                "Peter Newton <pnewton@addisonsheriff.example>",
                "Request to participate in e-ticketing",
                "20250306.1@addisonsheriff.example",
                "Thu, 6 Mar 2025 14:00:00 -0500",
                'Content-Type: multipart/mixed; boundary="b1"\n',
            )
        )
        + b'\r\n--b1\r\nContent-Type: text/html; charset="utf-8"\r\n'
        + b"Content-Transfer-Encoding: 8bit\r\n\r\n"
        + html.encode("utf-8")
        + b"\r\n--b1\r\nContent-Type: image/gif\r\nContent-Disposition: attachment; "
        + b'filename="sheriff-seal.gif"\r\nContent-Transfer-Encoding: base64\r\n\r\n'
        + b64(logo)
        + b"\r\n--b1--\r\n"
    )
    agency = {
        "name": "Addison County Sheriff's Department",
        "code": "0150",
        "address": "35 Court Street, Middlebury, VT 05753",
        "phone": "(802) 388-2981",
        "logo": "sheriff-seal.gif",
    }
    return raw, expected(
        sender="pnewton@addisonsheriff.example",
        agency=agency,
        poc=("Noël Lefèvre", "nlefevre@addisonsheriff.example"),
        head=("Peter Newton", "Sheriff"),
        officers=officers,
    )


# ---------------------------------------------------------------- 4/5 XLSX, DOCX lists


def _plain_with_file(
    kind: str, agency: Mapping[str, str | None], poc: tuple[str, str], head: tuple[str, str]
) -> str:
    return (
        f"Good afternoon,\n\nThe {agency['name']} would like to participate in e-ticketing.\n\n"
        f"Agency Name: {agency['name']}\nJudiciary Code: {agency['code']}\n"
        f"Address: {agency['address']}\nPhone: {agency['phone']}\n"
        f"Point of Contact: {poc[0]}\nPoC Email: {poc[1]}\n\n"
        f"The officer list is in the attached {kind} file, and our logo is attached.\n\n"
        f"Regards,\n{head[0]}\n{head[1]}\n"
    )


def with_file(kind: str) -> tuple[bytes, dict[str, Any]]:
    if kind == "xlsx":
        officers = [
            ["Ryan", "Brendan", "Lieutenant", "RU301", "bryan"],
            ["Côté", "Amélie", "Officer", "RU302", "acote"],
        ]
        agency = {
            "name": "Rutland City Police Department",
            "code": "1120",
            "address": "108 Wales Street, Rutland, VT 05701",
            "phone": "(802) 773-1816",
            "logo": "rutland-patch.png",
        }
        poc = ("Brendan Ryan", "bryan@rutlandpd.example")
        head = ("Sean Kelly", "Chief of Police")
        data = build.xlsx([HEAD, *officers])
        mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        sender = "Sean Kelly <skelly@rutlandpd.example>"
    else:
        officers = [
            ["Dubois", "Élise", "Sergeant", "BR401", "edubois"],
            ["Park", "Min-jun", "Officer", "BR402", "mpark"],
        ]
        agency = {
            "name": "Brattleboro Police Department",
            "code": "1305",
            "address": "62 Black Mountain Road, Brattleboro, VT 05301",
            "phone": "(802) 257-7946",
            "logo": "logo.png",
        }
        poc = ("Élise Dubois", "edubois@brattleboropd.example")
        head = ("Norma Hardy", "Chief of Police")
        data = build.docx([HEAD, *officers], ["Brattleboro Police Department - officer list"])
        mime = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        sender = "Norma Hardy <nhardy@brattleboropd.example>"
    text = _plain_with_file(kind.upper(), agency, poc, head)
    raw = build.eml(
        text=text,
        sender=sender,
        subject=f"TraCS enrollment - {agency['name']}",
        attachments=[
            (f"officers.{kind}", mime, data),
            (agency["logo"], "image/png", build.image("PNG", 180, 180, (90, 90, 20))),
        ],
    )
    raw = raw.replace(b"<fixture-0001@burlingtonpd.org>", f"<{kind}-list@example>".encode())
    return raw, expected(
        sender=sender.split("<")[1].rstrip(">"),
        agency=agency,
        poc=poc,
        head=head,
        officers=officers,
    )


# ---------------------------------------------------------------- 6 winmail.dat


def winmail() -> tuple[bytes, dict[str, Any]]:
    officers = [
        ["Bouchard", "René", "Officer", "NE501", "rbouchard"],
        ["Smith", "Jordan", "Detective", "NE502", "jsmith"],
    ]
    csv_text = "\r\n".join(",".join(row) for row in [HEAD, *officers]) + "\r\n"
    agency = {
        "name": "Newport Police Department",
        "code": "0811",
        "address": "222 Main Street, Newport, VT 05855",
        "phone": "(802) 334-6733",
        "logo": "Newport logo.png",
    }
    poc = ("Jordan Smith", "jsmith@newportpd.example")
    head = ("Travis Bingham", "Chief of Police")
    blob = build.tnef(
        [
            ("officers.csv", csv_text.encode("cp1252")),
            ("Newport logo.png", build.image("PNG", 220, 220, (0, 0, 128))),
        ]
    )
    text = _plain_with_file("CSV", agency, poc, head)
    raw = (
        crlf(
            headers(
                "Travis Bingham <tbingham@newportpd.example>",
                "TraCS enrollment - Newport Police Department",
                "winmail-1@newportpd.example",
                "Fri, 7 Mar 2025 09:30:00 -0500",
                'Content-Type: multipart/mixed; boundary="tnef-b"\n',
            )
        )
        + b'\r\n--tnef-b\r\nContent-Type: text/plain; charset="windows-1252"\r\n\r\n'
        + text.replace("\n", "\r\n").encode("cp1252")
        + b'\r\n--tnef-b\r\nContent-Type: application/ms-tnef; name="winmail.dat"\r\n'
        + b'Content-Disposition: attachment; filename="winmail.dat"\r\n'
        + b"Content-Transfer-Encoding: base64\r\n\r\n"
        + b64(blob)
        + b"\r\n--tnef-b--\r\n"
    )
    return raw, expected(
        sender="tbingham@newportpd.example", agency=agency, poc=poc, head=head, officers=officers
    )


# ---------------------------------------------------------------- 7 attached forward


def forward_rfc822() -> tuple[bytes, dict[str, Any]]:
    officers = [["Okafor", "Chidi", "Constable", "HI601", "cokafor"]]
    agency = {
        "name": "Hinesburg Police Department",
        "code": "0702",
        "address": "10632 Route 116, Hinesburg, VT 05461",
        "phone": "(802) 482-2255",
        "logo": "hinesburg-emblem.png",
    }
    poc = ("Dana Frost", "dfrost@hinesburgpd.example")
    head = ("Anthony Cambridge", "Chief of Police")
    rows = "\n".join("\t".join(row) for row in [HEAD, *officers])
    inner_text = (
        "Hello,\n\nThe Hinesburg Police Department would like to participate in e-ticketing.\n\n"
        f"Agency Name: {agency['name']}\nJudiciary Code: {agency['code']}\n"
        f"Address: {agency['address']}\nPhone: {agency['phone']}\n"
        f"Point of Contact: {poc[0]}\nPoC Email: {poc[1]}\n\n"
        f"Officers:\n{rows}\n\nThank you,\n{head[0]}\n{head[1]}\n"
    )
    inner = build.eml(
        text=inner_text,
        sender=f"{head[0]} <acambridge@hinesburgpd.example>",
        subject="E-ticketing request",
        attachments=[("hinesburg-emblem.png", "image/png", build.image("PNG", 160, 160))],
    )
    outer = build.eml(
        text="Forwarding the Chief's request below.\n\nDana Frost\n",
        sender="Dana Frost <dfrost@hinesburgpd.example>",
        subject="Fwd: E-ticketing request",
        attachments=[("E-ticketing request.eml", "message/rfc822", inner)],
    )
    outer = outer.replace(b"<fixture-0001@burlingtonpd.org>", b"<fwd-outer@hinesburgpd.example>", 1)
    return outer, expected(
        sender="dfrost@hinesburgpd.example", agency=agency, poc=poc, head=head, officers=officers
    )


# ---------------------------------------------------------------- 8 undeclared 8-bit


def undeclared_8bit() -> tuple[bytes, dict[str, Any]]:
    officers = [
        ["Müller", "José", "Trooper", "MO701", "jmueller"],
        ["D’Amato", "Françoise", "Sergeant", "MO702", "fdamato"],
    ]
    agency = {
        "name": "Morristown Police Department",
        "code": "0560",
        "address": "43 Portland Street, Morrisville, VT 05661",
        "phone": "(802) 888-4211",
        "logo": None,
    }
    poc = ("Françoise D’Amato", "fdamato@morristownpd.example")
    head = ("Ben Gonçalves", "Chief of Police")
    rows = "\n".join("\t".join(row) for row in [HEAD, *officers])
    text = (
        "Good morning,\n\nThe Morristown Police Department would like to participate in "
        f"e-ticketing.\n\nAgency Name: {agency['name']}\nJudiciary Code: {agency['code']}\n"
        f"Address: {agency['address']}\nPhone: {agency['phone']}\n"
        f"Point of Contact: {poc[0]}\nPoC Email: {poc[1]}\n\n"
        f"Officers:\n{rows}\n\nThank you,\n{head[0]}\n{head[1]}\n"
    )
    raw = (
        crlf(
            headers(
                "Ben Goncalves <bgoncalves@morristownpd.example>",
                "Participation in e-ticketing",
                "8bit-1@morristownpd.example",
                "Mon, 10 Mar 2025 07:45:00 -0500",
                "Content-Type: text/plain\nContent-Transfer-Encoding: 8bit\n",
            )
        )
        + b"\r\n"
        + text.replace("\n", "\r\n").encode("cp1252")
    )
    exp = expected(
        sender="bgoncalves@morristownpd.example",
        agency=agency,
        poc=poc,
        head=head,
        officers=officers,
    )
    exp["missing"] = ["agency.logo"]
    return raw, exp


MESSAGES = {
    "mime-outlook-word-html": outlook_word,
    "mime-gmail-html": gmail,
    "mime-html-only": html_only,
    "mime-xlsx-officers": lambda: with_file("xlsx"),
    "mime-docx-officers": lambda: with_file("docx"),
    "mime-winmail-dat": winmail,
    "mime-forward-attached": forward_rfc822,
    "mime-undeclared-8bit": undeclared_8bit,
}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, make in MESSAGES.items():
        raw, exp = make()
        (OUT / f"{name}.eml").write_bytes(raw)
        text = json.dumps(exp, indent=2, ensure_ascii=False) + "\n"
        (OUT / f"{name}.json").write_text(text, encoding="utf-8")
        print(f"wrote {name}.eml ({len(raw):,} bytes)")


if __name__ == "__main__":
    main()
