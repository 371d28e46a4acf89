"""Write the parser's test corpus: ``messages/NAME.eml`` and the hand-written
``messages/NAME.json`` a careful clerk would read from it.

Run ``python tests/data/make_messages.py`` from the project root to regenerate; the
generated files are committed. ``mime-*`` files are written by another script.
"""

from __future__ import annotations

import json
import sys
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import build  # noqa: E402

OUT = HERE / "messages"
DPS = "DPS eTicket <dps.eTicket@vermont.gov>"
DATE = "Mon, 02 Nov 2026 09:14:00 -0500"

CORPUS: dict[str, tuple[bytes, dict[str, Any]]] = {}


def mail(
    *,
    text: str | None,
    sender: str,
    subject: str,
    to: str = DPS,
    cc: str | None = None,
    html: str | None = None,
    attachments: tuple[tuple[str, str, bytes], ...] = (),
    headers: dict[str, str] | None = None,
    charset: str = "utf-8",
    mid: str = "",
) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    if cc:
        msg["Cc"] = cc
    msg["Subject"] = subject
    msg["Date"] = DATE
    msg["Message-ID"] = f"<{mid}@corpus.example>"
    for name, value in (headers or {}).items():
        msg[name] = value
    if text is not None:
        if charset == "utf-8":
            msg.set_content(text)
        else:
            msg.set_content(text.encode(charset), "text", "plain", cte="quoted-printable")
            msg.set_param("charset", charset)
    if html is not None:
        if text is None:
            msg.set_content(html, subtype="html")
        else:
            msg.add_alternative(html, subtype="html")
    for filename, mime, data in attachments:
        maintype, _, subtype = mime.partition("/")
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    return msg


def officer(
    last: str | None, first: str | None, title: str | None, number: str | None, user: str | None
) -> dict[str, str | None]:
    return {
        "last_name": last,
        "first_name": first,
        "title": title,
        "officer_number": number,
        "dps_username": user,
    }


def expect(
    *,
    sender: str,
    intent: str = "enrollment",
    automated: bool = False,
    name: str | None = None,
    code: str | None = None,
    address: str | None = None,
    phone: str | None = None,
    logo: str | None = None,
    poc: tuple[str | None, str | None] = (None, None),
    hod: tuple[str | None, str | None] = (None, None),
    officers: list[dict[str, str | None]] | None = None,
    changes: list[dict[str, Any]] | None = None,
    missing: list[str] | None = None,
    invalid: list[tuple[str, str]] | None = None,
) -> dict[str, Any]:
    return {
        "intent": intent,
        "sender": sender,
        "automated": automated,
        "agency": {
            "name": name,
            "judiciary_code": code,
            "address": address,
            "phone": phone,
            "logo": logo,
        },
        "point_of_contact": {"name": poc[0], "email": poc[1]},
        "head_of_department": {"name": hod[0], "title": hod[1]},
        "officers": officers or [],
        "changes": changes or [],
        "missing": missing or [],
        "invalid": [{"field": f, "reason": r} for f, r in (invalid or [])],
    }


def add(name: str, msg: EmailMessage | bytes, expected: dict[str, Any]) -> None:
    raw = msg if isinstance(msg, bytes) else msg.as_bytes(policy=SMTP)
    CORPUS[name] = (raw, expected)


PNG = ("logo.png", "image/png", build.image("PNG", 240, 160))

SOP_INTRO = (
    "{agency} would like to start issuing Vermont Civil Violation Complaints electronically. "
    "The {agency} has purchased and installed the required hardware and software to "
    "participate in the e-ticketing program. I have designated {poc} as the e-ticket "
    "Point-of-Contact for this law enforcement agency. I understand that this individual will "
    "be responsible for coordinating the testing, implementation, and any troubleshooting of "
    "e-ticket hardware and software."
)

# ---------------------------------------------------------------------------------------
# 1. The SOP sample format, TAB table (pasted from Word)

add(
    "sop-woodstock",
    mail(
        sender="Chief Joseph Swanson <jswanson@woodstockvt.gov>",
        cc="Lt. Dana Whitcomb <dwhitcomb@woodstockvt.gov>",
        subject="Woodstock Police Department - e-ticketing request",
        mid="sop-woodstock",
        text="Good morning,\n\n"
        + SOP_INTRO.format(agency="The Woodstock Police Department", poc="Lt. Dana Whitcomb")
        + "\n\nBelow, please find the necessary information to establish an Agency record "
        "in TraCS:\n\n"
        "Judiciary Code: 0623\n"
        "Agency Name: Woodstock Police Department\n"
        "Address: 454 Woodstock Road, Woodstock, VT 05091\n"
        "Phone: (802) 457-1420\n"
        "Logo: attached\n\n"
        "Finally, I request the following officers have records created and associated "
        "with this agency in TraCS:\n\n"
        "Officer Last Name\tOfficer First Name\tOfficer Rank/Title\tOfficer Number\t"
        "DPS Username\n"
        "Whitcomb\tDana\tLieutenant\tWD101\tdwhitcomb\n"
        "Perkins\tSamuel\tOfficer\tWD102\tsperkins\n"
        "Nguyen\tLinh\tOfficer\tWD103\tlnguyen\n\n"
        "Thank you,\nJoseph Swanson\nChief of Police\nWoodstock Police Department\n",
        attachments=(("woodstock-pd-logo.png", "image/png", build.image("PNG", 300, 200)),),
    ),
    expect(
        sender="jswanson@woodstockvt.gov",
        name="Woodstock Police Department",
        code="0623",
        address="454 Woodstock Road, Woodstock, VT 05091",
        phone="(802) 457-1420",
        logo="woodstock-pd-logo.png",
        poc=("Dana Whitcomb", "dwhitcomb@woodstockvt.gov"),
        hod=("Joseph Swanson", "Chief of Police"),
        officers=[
            officer("Whitcomb", "Dana", "Lieutenant", "WD101", "dwhitcomb"),
            officer("Perkins", "Samuel", "Officer", "WD102", "sperkins"),
            officer("Nguyen", "Linh", "Officer", "WD103", "lnguyen"),
        ],
    ),
)

# 2. Word TAB table, JPEG logo, PoC email written in the body
add(
    "tab-table-jpeg",
    mail(
        sender="Chief Michael Fitzgerald <mfitzgerald@brattleboro.org>",
        subject="Request to participate in e-ticketing",
        mid="tab-table-jpeg",
        text="Hello DPS e-Ticket team,\n\n"
        "The Brattleboro Police Department would like to participate in e-ticketing.\n"
        "Point of Contact: Sgt. Erin Pacheco (epacheco@brattleboro.org)\n\n"
        "Judiciary Code: 0711\n"
        "Agency Name: Brattleboro Police Department\n"
        "Address: 62 Black Mountain Road, Brattleboro, VT 05301\n"
        "Phone: 802-257-7946\n\n"
        "Last Name\tFirst Name\tRank/Title\tOfficer Number\tDPS Username\n"
        "Pacheco\tErin\tSergeant\tBR201\tepacheco\n"
        "Hollis\tMark\tCorporal\tBR202\tmhollis\n"
        "Stearns\tBeth\tOfficer\tBR203\tbstearns\n"
        "Okafor\tChidi\tOfficer\tBR204\tcokafor\n\n"
        "Regards,\nMichael Fitzgerald\nChief of Police\n",
        attachments=(("bpd_logo.jpg", "image/jpeg", build.image("JPEG", 400, 300)),),
    ),
    expect(
        sender="mfitzgerald@brattleboro.org",
        name="Brattleboro Police Department",
        code="0711",
        address="62 Black Mountain Road, Brattleboro, VT 05301",
        phone="(802) 257-7946",
        logo="bpd_logo.jpg",
        poc=("Erin Pacheco", "epacheco@brattleboro.org"),
        hod=("Michael Fitzgerald", "Chief of Police"),
        officers=[
            officer("Pacheco", "Erin", "Sergeant", "BR201", "epacheco"),
            officer("Hollis", "Mark", "Corporal", "BR202", "mhollis"),
            officer("Stearns", "Beth", "Officer", "BR203", "bstearns"),
            officer("Okafor", "Chidi", "Officer", "BR204", "cokafor"),
        ],
    ),
)

# 3. Columns aligned with spaces, one title left blank, GIF logo
add(
    "spaces-aligned-gif",
    mail(
        sender="Chief Tara Lindgren <tlindgren@middleburypolice.org>",
        cc="Cpl. Owen Marsh <omarsh@middleburypolice.org>",
        subject="e-Ticket agency record",
        mid="spaces-aligned-gif",
        text="Good afternoon,\n\n"
        "The Middlebury Police Department would like to start issuing Vermont Civil "
        "Violation Complaints electronically. I have designated Cpl. Owen Marsh as the "
        "e-ticket Point-of-Contact.\n\n"
        "Judiciary Code: 0152\n"
        "Agency Name: Middlebury Police Department\n"
        "Address: 1 Lucius Shaw Lane, Middlebury, VT 05753\n"
        "Phone: (802) 388-3191\n\n"
        "Last Name    First Name    Rank        Officer Number    DPS Username\n"
        "Marsh        Owen          Corporal    MB301             omarsh\n"
        "Delacroix    Anne                      MB302             adelacroix\n"
        "Bouchard     Pierre        Officer     MB303             pbouchard\n\n"
        "Sincerely,\nTara Lindgren\nChief of Police\n",
        attachments=(("mpd-logo.gif", "image/gif", build.image("GIF", 200, 200)),),
    ),
    expect(
        sender="tlindgren@middleburypolice.org",
        name="Middlebury Police Department",
        code="0152",
        address="1 Lucius Shaw Lane, Middlebury, VT 05753",
        phone="(802) 388-3191",
        logo="mpd-logo.gif",
        poc=("Owen Marsh", "omarsh@middleburypolice.org"),
        hod=("Tara Lindgren", "Chief of Police"),
        officers=[
            officer("Marsh", "Owen", "Corporal", "MB301", "omarsh"),
            officer("Delacroix", "Anne", None, "MB302", "adelacroix"),
            officer("Bouchard", "Pierre", "Officer", "MB303", "pbouchard"),
        ],
        missing=["officers[1].title"],
    ),
)

# 4. Markdown pipe table, BMP logo
add(
    "pipe-table-bmp",
    mail(
        sender="Sheriff Ray Colby <rcolby@orangecountysheriff.org>",
        cc="Deputy Lisa Fortin <lfortin@orangecountysheriff.org>",
        subject="TraCS enrollment",
        mid="pipe-table-bmp",
        text="Hi,\n\n"
        "The Orange County Sheriff's Department would like to participate in the "
        "e-ticketing program. I have designated Deputy Lisa Fortin as the e-ticket "
        "Point-of-Contact for our agency.\n\n"
        "Judiciary Code: 0318\n"
        "Agency Name: Orange County Sheriff's Department\n"
        "Address: 5 Court Street, Chelsea, VT 05038\n"
        "Phone: (802) 685-4875\n\n"
        "| Last Name | First Name | Rank/Title | Officer Number | DPS Username |\n"
        "|-----------|------------|------------|----------------|--------------|\n"
        "| Fortin | Lisa | Deputy | OC401 | lfortin |\n"
        "| Ames | Gregory | Sergeant | OC402 | games |\n\n"
        "Thanks,\nRay Colby\nSheriff\n",
        attachments=(("ocsd-logo.bmp", "image/bmp", build.image("BMP", 128, 128)),),
    ),
    expect(
        sender="rcolby@orangecountysheriff.org",
        name="Orange County Sheriff's Department",
        code="0318",
        address="5 Court Street, Chelsea, VT 05038",
        phone="(802) 685-4875",
        logo="ocsd-logo.bmp",
        poc=("Lisa Fortin", "lfortin@orangecountysheriff.org"),
        hod=("Ray Colby", "Sheriff"),
        officers=[
            officer("Fortin", "Lisa", "Deputy", "OC401", "lfortin"),
            officer("Ames", "Gregory", "Sergeant", "OC402", "games"),
        ],
    ),
)

# 5. Outlook plain text: one table cell per line, TIFF logo
add(
    "outlook-cell-per-line-tiff",
    mail(
        sender="Chief Paul Russo <prusso@stowevt.gov>",
        cc="Sgt. Kim Abbott <kabbott@stowevt.gov>",
        subject="Stowe PD e-ticketing",
        mid="outlook-cell-per-line-tiff",
        text="Good morning,\n\n"
        "The Stowe Police Department would like to start issuing Vermont Civil Violation "
        "Complaints electronically. I have designated Sgt. Kim Abbott as the e-ticket "
        "Point-of-Contact for this law enforcement agency.\n\n"
        "Judiciary Code: 0405\n"
        "Agency Name: Stowe Police Department\n"
        "Address: 350 South Main Street, Stowe, VT 05672\n"
        "Phone: (802) 253-7126\n\n"
        "Finally, I request the following officers have records created:\n\n"
        "Officer Last Name\n"
        "Officer First Name\n"
        "Officer Rank/Title\n"
        "Officer Number\n"
        "DPS Username\n"
        "Abbott\n"
        "Kim\n"
        "Sergeant\n"
        "ST501\n"
        "kabbott\n"
        "Lavoie\n"
        "Marc\n"
        "Officer\n"
        "ST502\n"
        "mlavoie\n\n"
        "Thank you,\nPaul Russo\nChief of Police\n",
        attachments=(("stowe-logo.tif", "image/tiff", build.image("TIFF", 150, 150)),),
    ),
    expect(
        sender="prusso@stowevt.gov",
        name="Stowe Police Department",
        code="0405",
        address="350 South Main Street, Stowe, VT 05672",
        phone="(802) 253-7126",
        logo="stowe-logo.tif",
        poc=("Kim Abbott", "kabbott@stowevt.gov"),
        hod=("Paul Russo", "Chief of Police"),
        officers=[
            officer("Abbott", "Kim", "Sergeant", "ST501", "kabbott"),
            officer("Lavoie", "Marc", "Officer", "ST502", "mlavoie"),
        ],
    ),
)

# 6. format=flowed plain text (long lines wrapped with trailing spaces)
_flowed = (
    "Good morning,\r\n\r\n"
    "The Vergennes Police Department would like to start issuing Vermont Civil \r\n"
    "Violation Complaints electronically. I have designated Officer Nora Quinn as \r\n"
    "the e-ticket Point-of-Contact for this law enforcement agency.\r\n\r\n"
    "Judiciary Code: 0166\r\n"
    "Agency Name: Vergennes Police Department\r\n"
    "Address: 120 Main Street, Vergennes, \r\n"
    "VT 05491\r\n"
    "Phone: (802) 877-2201\r\n"
    "PoC Email: nquinn@vergennespd.org\r\n\r\n"
    "Officer Last Name\tOfficer First Name\tOfficer Rank/Title\tOfficer \r\n"
    "Number\tDPS Username\r\n"
    "Quinn\tNora\tOfficer\tVG601\tnquinn\r\n"
    "Tatro\tBen\tSergeant\tVG602\tbtatro\r\n\r\n"
    "Thank you,\r\nGeorge Merkel\r\nChief of Police\r\n"
)
_flowed_png = build.image("PNG", 220, 220)
add(
    "format-flowed",
    (
        "From: Chief George Merkel <gmerkel@vergennespd.org>\r\n"
        f"To: {DPS}\r\n"
        "Subject: e-ticket request\r\n"
        f"Date: {DATE}\r\n"
        "Message-ID: <format-flowed@corpus.example>\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/mixed; boundary="b1"\r\n\r\n'
        "--b1\r\n"
        "Content-Type: text/plain; charset=utf-8; format=flowed\r\n"
        "Content-Transfer-Encoding: 8bit\r\n\r\n" + _flowed + "\r\n--b1\r\n"
        "Content-Type: image/png\r\n"
        'Content-Disposition: attachment; filename="vpd-logo.png"\r\n'
        "Content-Transfer-Encoding: base64\r\n\r\n"
    ).encode()
    + __import__("base64").encodebytes(_flowed_png).replace(b"\n", b"\r\n")
    + b"\r\n--b1--\r\n",
    expect(
        sender="gmerkel@vergennespd.org",
        name="Vergennes Police Department",
        code="0166",
        address="120 Main Street, Vergennes, VT 05491",
        phone="(802) 877-2201",
        logo="vpd-logo.png",
        poc=("Nora Quinn", "nquinn@vergennespd.org"),
        hod=("George Merkel", "Chief of Police"),
        officers=[
            officer("Quinn", "Nora", "Officer", "VG601", "nquinn"),
            officer("Tatro", "Ben", "Sergeant", "VG602", "btatro"),
        ],
    ),
)

# 7. Officers described in prose, no table
add(
    "prose-officers",
    mail(
        sender="Chief Alan Brooks <abrooks@barretown.org>",
        subject="Barre Town PD e-ticket",
        mid="prose-officers",
        text="Hello,\n\n"
        "The Barre Town Police Department would like to participate in e-ticketing. "
        "I have designated Sgt. Jane Doe as the e-ticket Point-of-Contact; she can be "
        "reached at jdoe@barretown.org.\n\n"
        "Judiciary Code: 0221\n"
        "Agency Name: Barre Town Police Department\n"
        "Address: 149 Websterville Road, Websterville, VT 05678\n"
        "Phone: (802) 479-0508\n\n"
        "Please create records for these officers:\n"
        "Officer John Smith, LEO number 12345, username jsmith.\n"
        "Sgt. Jane Doe (badge HP204, DPS user jdoe)\n\n"
        "Thank you,\nAlan Brooks\nChief of Police\n",
        attachments=(PNG,),
    ),
    expect(
        sender="abrooks@barretown.org",
        name="Barre Town Police Department",
        code="0221",
        address="149 Websterville Road, Websterville, VT 05678",
        phone="(802) 479-0508",
        logo="logo.png",
        poc=("Jane Doe", "jdoe@barretown.org"),
        hod=("Alan Brooks", "Chief of Police"),
        officers=[
            officer("Smith", "John", "Officer", "12345", "jsmith"),
            officer("Doe", "Jane", "Sergeant", "HP204", "jdoe"),
        ],
    ),
)

# 8. Header synonyms in another column order
add(
    "header-synonyms-order",
    mail(
        sender="Chief Dominic Ferraro <dferraro@rutlandcitypd.org>",
        cc="Capt. Rachel Stone <rstone@rutlandcitypd.org>",
        subject="Agency record request",
        mid="header-synonyms-order",
        text="Good morning,\n\n"
        "The Rutland City Police Department would like to participate in e-ticketing. "
        "I have designated Capt. Rachel Stone as the e-ticket Point-of-Contact.\n\n"
        "Court code: 0301\n"
        "Proper name: Rutland City Police Department\n"
        "Address: 108 Wales Street, Rutland, VT 05701\n"
        "Phone No.: 802-773-1816\n\n"
        "Badge #\tSurname\tGiven\tDPS User\tJob Title\n"
        "RC701\tStone\tRachel\trstone\tCaptain\n"
        "RC702\tMacKenzie\tIan\timackenzie\tPatrolman\n"
        "RC703\tBriggs\tTodd\ttbriggs\tDetective\n\n"
        "Respectfully,\nDominic Ferraro\nChief of Police\n",
        attachments=(("rcpd.png", "image/png", build.image("PNG", 512, 512)),),
    ),
    expect(
        sender="dferraro@rutlandcitypd.org",
        name="Rutland City Police Department",
        code="0301",
        address="108 Wales Street, Rutland, VT 05701",
        phone="(802) 773-1816",
        logo="rcpd.png",
        poc=("Rachel Stone", "rstone@rutlandcitypd.org"),
        hod=("Dominic Ferraro", "Chief of Police"),
        officers=[
            officer("Stone", "Rachel", "Captain", "RC701", "rstone"),
            officer("MacKenzie", "Ian", "Patrolman", "RC702", "imackenzie"),
            officer("Briggs", "Todd", "Detective", "RC703", "tbriggs"),
        ],
    ),
)

# 9. A single "Legal Name" column written "Last, First M."
add(
    "legal-name-comma",
    mail(
        sender="Chief Helen Sawyer <hsawyer@shelburnevt.org>",
        cc="Lt. Aaron Moss <amoss@shelburnevt.org>",
        subject="e-Ticket enrollment - Shelburne PD",
        mid="legal-name-comma",
        text="Hello,\n\n"
        "The Shelburne Police Department would like to start issuing Vermont Civil "
        "Violation Complaints electronically. I have designated Lt. Aaron Moss as the "
        "e-ticket Point-of-Contact.\n\n"
        "Judiciary Code: 0133\n"
        "Agency Name: Shelburne Police Department\n"
        "Address: 5420 Shelburne Road, Shelburne, VT 05482\n"
        "Phone: (802) 985-8051\n\n"
        "Legal Name\tJustice System ID\tJob Title\tDomain username\n"
        "Moss, Aaron J.\tSH801\tLieutenant\tamoss\n"
        "Smith, John A.\tSH802\tOfficer\tjsmith2\n\n"
        "Thank you,\nHelen Sawyer\nChief of Police\n",
        attachments=(PNG,),
    ),
    expect(
        sender="hsawyer@shelburnevt.org",
        name="Shelburne Police Department",
        code="0133",
        address="5420 Shelburne Road, Shelburne, VT 05482",
        phone="(802) 985-8051",
        logo="logo.png",
        poc=("Aaron Moss", "amoss@shelburnevt.org"),
        hod=("Helen Sawyer", "Chief of Police"),
        officers=[
            officer("Moss", "Aaron J.", "Lieutenant", "SH801", "amoss"),
            officer("Smith", "John A.", "Officer", "SH802", "jsmith2"),
        ],
    ),
)

# 10. A single "Name" column written "First M. Last", pipes without outer bars
add(
    "legal-name-natural",
    mail(
        sender="Chief Carla Wheeler <cwheeler@hinesburgpd.org>",
        cc="Ofc. Luis Ortega <lortega@hinesburgpd.org>",
        subject="e-ticketing request",
        mid="legal-name-natural",
        text="Good morning,\n\n"
        "The Hinesburg Police Department would like to participate in e-ticketing. "
        "I have designated Ofc. Luis Ortega as the e-ticket Point-of-Contact.\n\n"
        "Judiciary Code: 0128\n"
        "Agency Name: Hinesburg Police Department\n"
        "Address: 10632 Route 116, Hinesburg, VT 05461\n"
        "Phone: (802) 482-2255\n\n"
        "Name | LEO # | Rank | Username\n"
        "Luis M. Ortega | HB901 | Officer | lortega\n"
        "Mary-Jo St. Pierre | HB902 | Sergeant | mstpierre\n\n"
        "Thanks,\nCarla Wheeler\nChief of Police\n",
        attachments=(PNG,),
    ),
    expect(
        sender="cwheeler@hinesburgpd.org",
        name="Hinesburg Police Department",
        code="0128",
        address="10632 Route 116, Hinesburg, VT 05461",
        phone="(802) 482-2255",
        logo="logo.png",
        poc=("Luis Ortega", "lortega@hinesburgpd.org"),
        hod=("Carla Wheeler", "Chief of Police"),
        officers=[
            officer("Ortega", "Luis M.", "Officer", "HB901", "lortega"),
            officer("St. Pierre", "Mary-Jo", "Sergeant", "HB902", "mstpierre"),
        ],
    ),
)

# 11. Reply to our checklist; our checklist is quoted below with ">" and looks like data
_CHECKLIST_QUOTE = (
    "> Thank you for your e-ticket enrolment request. We could not yet find:\n"
    "> Judiciary Code: (missing)\n"
    "> Phone: (missing)\n"
    "> Agency Name: Example Police Department\n"
    "> Example officer row:\n"
    "> Last Name\tFirst Name\tRank/Title\tOfficer Number\tDPS Username\n"
    "> Doe\tJane\tOfficer\tAB123\tjdoe\n"
    ">\n> Thank you,\n> DPS e-Ticket technical staff\n"
)
add(
    "reply-quoted-gt",
    mail(
        sender="Chief Joseph Swanson <jswanson@woodstockvt.gov>",
        subject="Re: [ETK-2026-0042] e-Ticket enrolment: information needed",
        mid="reply-quoted-gt",
        headers={"In-Reply-To": "<etk-2026-0042@mailbot.invalid>"},
        text="Here is the complete request again with the missing items.\n\n"
        "Judiciary Code: 0623\n"
        "Agency Name: Woodstock Police Department\n"
        "Address: 454 Woodstock Road, Woodstock, VT 05091\n"
        "Phone: (802) 457-1420\n"
        "Point of Contact: Lt. Dana Whitcomb, dwhitcomb@woodstockvt.gov\n\n"
        "Last Name\tFirst Name\tRank/Title\tOfficer Number\tDPS Username\n"
        "Whitcomb\tDana\tLieutenant\tWD101\tdwhitcomb\n\n"
        "Thank you,\nJoseph Swanson\nChief of Police\n\n"
        "On Mon, Nov 2, 2026 at 10:02 AM DPS eTicket <dps.eTicket@vermont.gov> wrote:\n"
        + _CHECKLIST_QUOTE,
        attachments=(("woodstock-pd-logo.png", "image/png", build.image("PNG", 300, 200)),),
    ),
    expect(
        sender="jswanson@woodstockvt.gov",
        name="Woodstock Police Department",
        code="0623",
        address="454 Woodstock Road, Woodstock, VT 05091",
        phone="(802) 457-1420",
        logo="woodstock-pd-logo.png",
        poc=("Dana Whitcomb", "dwhitcomb@woodstockvt.gov"),
        hod=("Joseph Swanson", "Chief of Police"),
        officers=[officer("Whitcomb", "Dana", "Lieutenant", "WD101", "dwhitcomb")],
    ),
)

# 12. Reply under an Outlook "From: / Sent:" block; only the phone is new
add(
    "reply-quoted-outlook",
    mail(
        sender="Chief Michael Fitzgerald <mfitzgerald@brattleboro.org>",
        subject="RE: [ETK-2026-0051] e-Ticket enrolment: information needed",
        mid="reply-quoted-outlook",
        headers={"In-Reply-To": "<etk-2026-0051@mailbot.invalid>"},
        text="Our agency phone is (802) 257-7946. The judiciary code is 0711.\n\n"
        "Mike\n\n"
        "________________________________\n"
        "From: DPS eTicket <dps.eTicket@vermont.gov>\n"
        "Sent: Monday, November 2, 2026 10:02 AM\n"
        "To: Fitzgerald, Michael <mfitzgerald@brattleboro.org>\n"
        "Subject: [ETK-2026-0051] e-Ticket enrolment: information needed\n\n"
        "We could not yet find:\n"
        "Judiciary Code: (missing)\n"
        "Agency Name: Example Police Department\n"
        "Address: 1 Example Street, Montpelier, VT 05602\n"
        "Last Name\tFirst Name\tRank/Title\tOfficer Number\tDPS Username\n"
        "Doe\tJane\tOfficer\tAB123\tjdoe\n\n"
        "Thank you,\nDPS e-Ticket technical staff\n",
    ),
    expect(
        sender="mfitzgerald@brattleboro.org",
        code="0711",
        phone="(802) 257-7946",
        missing=[
            "agency.name",
            "agency.address",
            "agency.logo",
            "point_of_contact.name",
            "point_of_contact.email",
            "head_of_department.name",
            "officers",
        ],
    ),
)

# 13. Gmail inline forward: the PoC forwards the chief's request
add(
    "forward-gmail",
    mail(
        sender="Lt. Dana Whitcomb <dwhitcomb@woodstockvt.gov>",
        subject="Fwd: Woodstock PD e-ticketing request",
        mid="forward-gmail",
        text="Forwarding the chief's request as discussed.\n\n"
        "---------- Forwarded message ---------\n"
        "From: Joseph Swanson <jswanson@woodstockvt.gov>\n"
        "Date: Fri, Oct 30, 2026 at 4:12 PM\n"
        "Subject: Woodstock PD e-ticketing request\n"
        "To: DPS eTicket <dps.eTicket@vermont.gov>\n"
        "Cc: Dana Whitcomb <dwhitcomb@woodstockvt.gov>\n\n"
        "Good afternoon,\n\n"
        "The Woodstock Police Department would like to participate in e-ticketing. "
        "I have designated Lt. Dana Whitcomb as the e-ticket Point-of-Contact.\n\n"
        "JB Code - 0623\n"
        "Dept. name: Woodstock Police Department\n"
        "Address: 454 Woodstock Road, Woodstock, VT 05091\n"
        "Tel. (802) 457-1420\n\n"
        "Last Name\tFirst Name\tRank/Title\tOfficer Number\tDPS Username\n"
        "Whitcomb\tDana\tLieutenant\tWD101\tdwhitcomb\n"
        "Perkins\tSamuel\tOfficer\tWD102\tsperkins\n\n"
        "Thank you,\nJoseph Swanson\nChief of Police\n",
        attachments=(("woodstock-pd-logo.png", "image/png", build.image("PNG", 300, 200)),),
    ),
    expect(
        sender="dwhitcomb@woodstockvt.gov",
        name="Woodstock Police Department",
        code="0623",
        address="454 Woodstock Road, Woodstock, VT 05091",
        phone="(802) 457-1420",
        logo="woodstock-pd-logo.png",
        poc=("Dana Whitcomb", "dwhitcomb@woodstockvt.gov"),
        hod=("Joseph Swanson", "Chief of Police"),
        officers=[
            officer("Whitcomb", "Dana", "Lieutenant", "WD101", "dwhitcomb"),
            officer("Perkins", "Samuel", "Officer", "WD102", "sperkins"),
        ],
    ),
)

# 14. Outlook inline forward (FW: subject, underscore line and header block)
add(
    "forward-outlook",
    mail(
        sender="Sgt. Erin Pacheco <epacheco@brattleboro.org>",
        subject="FW: Request to participate in e-ticketing",
        mid="forward-outlook",
        text="See below.\n\n"
        "________________________________\n"
        "From: Fitzgerald, Michael <mfitzgerald@brattleboro.org>\n"
        "Sent: Friday, October 30, 2026 3:55 PM\n"
        "To: DPS eTicket <dps.eTicket@vermont.gov>\n"
        "Subject: Request to participate in e-ticketing\n\n"
        "Hello,\n\n"
        "The Brattleboro Police Department would like to participate in e-ticketing.\n"
        "Point of Contact: Sgt. Erin Pacheco (epacheco@brattleboro.org)\n"
        "Judiciary Code: 0711\n"
        "Agency Name: Brattleboro Police Department\n"
        "Address: 62 Black Mountain Road, Brattleboro, VT 05301\n"
        "Phone: 802-257-7946\n\n"
        "Last Name\tFirst Name\tRank/Title\tOfficer Number\tDPS Username\n"
        "Pacheco\tErin\tSergeant\tBR201\tepacheco\n\n"
        "Regards,\nMichael Fitzgerald\nChief of Police\n",
        attachments=(("bpd_logo.jpg", "image/jpeg", build.image("JPEG", 400, 300)),),
    ),
    expect(
        sender="epacheco@brattleboro.org",
        name="Brattleboro Police Department",
        code="0711",
        address="62 Black Mountain Road, Brattleboro, VT 05301",
        phone="(802) 257-7946",
        logo="bpd_logo.jpg",
        poc=("Erin Pacheco", "epacheco@brattleboro.org"),
        hod=("Michael Fitzgerald", "Chief of Police"),
        officers=[officer("Pacheco", "Erin", "Sergeant", "BR201", "epacheco")],
    ),
)

# 15. Labels in other words and order; a mailing address on two lines
add(
    "labels-variants",
    mail(
        sender="Chief Nathan Greer <ngreer@windsorvt.org>",
        subject="TraCS agency record",
        mid="labels-variants",
        text="Good morning,\n\n"
        "We would like to establish an Agency record in TraCS.\n\n"
        "Tel. 802-674-2185\n"
        "Dept. name: Windsor Police Department\n"
        "Mailing address:\n"
        "29 Union Street\n"
        "Windsor, VT 05089\n"
        "JB Code - 0642\n"
        "PoC: Cpl. Hannah Ives <hives@windsorvt.org>\n\n"
        "Surname\tGiven\tRank\tVT LEO Number\tDomain username\n"
        "Ives\tHannah\tCorporal\tWN111\thives\n"
        "Garrow\tDevin\tOfficer\tWN112\tdgarrow\n\n"
        "Best regards,\nNathan Greer\nChief of Police\n",
        attachments=(("windsor_patch.png", "image/png", build.image("PNG", 180, 240)),),
    ),
    expect(
        sender="ngreer@windsorvt.org",
        name="Windsor Police Department",
        code="0642",
        address="29 Union Street, Windsor, VT 05089",
        phone="(802) 674-2185",
        logo="windsor_patch.png",
        poc=("Hannah Ives", "hives@windsorvt.org"),
        hod=("Nathan Greer", "Chief of Police"),
        officers=[
            officer("Ives", "Hannah", "Corporal", "WN111", "hives"),
            officer("Garrow", "Devin", "Officer", "WN112", "dgarrow"),
        ],
    ),
)

# 16. Distractors: ORI number, case number, dates, chief's cell phone, a street number
add(
    "distractors",
    mail(
        sender="Chief Victor Hale <vhale@stalbanspd.com>",
        cc="Det. Megan Rowe <mrowe@stalbanspd.com>",
        subject="e-ticket enrollment (ref case 24-CR-1187)",
        mid="distractors",
        text="Good morning,\n\n"
        "The St. Albans Police Department would like to start issuing Vermont Civil "
        "Violation Complaints electronically. I have designated Det. Megan Rowe as the "
        "e-ticket Point-of-Contact. Our ORI is VT0070100 and we completed the hardware "
        "install on 10/14/2026 (see case 24-CR-1187 for the grant paperwork).\n\n"
        "Judiciary Code: 0705\n"
        "Agency Name: St. Albans Police Department\n"
        "Address: 30 Lake Street, St. Albans, VT 05478\n"
        "Phone: (802) 524-2166\n\n"
        "Last Name\tFirst Name\tRank/Title\tOfficer Number\tDPS Username\n"
        "Rowe\tMegan\tDetective\tSA121\tmrowe\n"
        "Paquette\tLuc\tOfficer\tSA122\tlpaquette\n\n"
        "Thank you,\nVictor Hale\nChief of Police\nSt. Albans Police Department\n"
        "30 Lake Street, St. Albans, VT 05478\n"
        "Cell: (802) 370-4411\n",
        attachments=(PNG,),
    ),
    expect(
        sender="vhale@stalbanspd.com",
        name="St. Albans Police Department",
        code="0705",
        address="30 Lake Street, St. Albans, VT 05478",
        phone="(802) 524-2166",
        logo="logo.png",
        poc=("Megan Rowe", "mrowe@stalbanspd.com"),
        hod=("Victor Hale", "Chief of Police"),
        officers=[
            officer("Rowe", "Megan", "Detective", "SA121", "mrowe"),
            officer("Paquette", "Luc", "Officer", "SA122", "lpaquette"),
        ],
    ),
)

# 17. Distractor: no judiciary code given, but a street number and an ORI are
add(
    "no-code-street-number",
    mail(
        sender="Chief Ellen Marsh <emarsh@essexpolice.org>",
        cc="Sgt. Tom Ricci <tricci@essexpolice.org>",
        subject="e-ticketing",
        mid="no-code-street-number",
        text="Hello,\n\n"
        "The Essex Police Department would like to participate in e-ticketing. I have "
        "designated Sgt. Tom Ricci as the e-ticket Point-of-Contact. ORI: VT0040300.\n\n"
        "Agency Name: Essex Police Department\n"
        "Address: 2611 Perimeter Road, Essex Junction, VT 05452\n"
        "Phone: (802) 878-8331\n\n"
        "Last Name\tFirst Name\tRank/Title\tOfficer Number\tDPS Username\n"
        "Ricci\tTom\tSergeant\tEX131\ttricci\n\n"
        "Thank you,\nEllen Marsh\nChief of Police\n",
        attachments=(PNG,),
    ),
    expect(
        sender="emarsh@essexpolice.org",
        name="Essex Police Department",
        address="2611 Perimeter Road, Essex Junction, VT 05452",
        phone="(802) 878-8331",
        logo="logo.png",
        poc=("Tom Ricci", "tricci@essexpolice.org"),
        hod=("Ellen Marsh", "Chief of Police"),
        officers=[officer("Ricci", "Tom", "Sergeant", "EX131", "tricci")],
        missing=["agency.judiciary_code"],
    ),
)

# 18. Names with accents, apostrophes and hyphens (UTF-8)
add(
    "names-accents-utf8",
    mail(
        sender="Chief Amélie Thériault <atheriault@newportvt.org>",
        cc="Sgt. José Müller <jmuller@newportvt.org>",
        subject="Demande e-ticket / e-ticket request",
        mid="names-accents-utf8",
        text="Good morning,\n\n"
        "The Newport Police Department would like to participate in e-ticketing. "
        "I have designated Sgt. José Müller as the e-ticket Point-of-Contact.\n\n"
        "Judiciary Code: 0810\n"
        "Agency Name: Newport Police Department\n"
        "Address: 222 Main Street, Newport, VT 05855\n"
        "Phone: (802) 334-6733\n\n"
        "Last Name\tFirst Name\tRank/Title\tOfficer Number\tDPS Username\n"
        "Müller\tJosé\tSergeant\tNP141\tjmuller\n"
        "D'Amico\tRenée\tOfficer\tNP142\trdamico\n"
        "Lévesque-Roy\tÉmile\tCorporal\tNP143\televesqueroy\n\n"
        "Merci / Thank you,\n\n"
        "Thank you,\nAmélie Thériault\nChief of Police\n",
        attachments=(PNG,),
    ),
    expect(
        sender="atheriault@newportvt.org",
        name="Newport Police Department",
        code="0810",
        address="222 Main Street, Newport, VT 05855",
        phone="(802) 334-6733",
        logo="logo.png",
        poc=("José Müller", "jmuller@newportvt.org"),
        hod=("Amélie Thériault", "Chief of Police"),
        officers=[
            officer("Müller", "José", "Sergeant", "NP141", "jmuller"),
            officer("D'Amico", "Renée", "Officer", "NP142", "rdamico"),
            officer("Lévesque-Roy", "Émile", "Corporal", "NP143", "elevesqueroy"),
        ],
    ),
)

# 19. windows-1252 body (curly apostrophe, accented letters)
add(
    "charset-cp1252",
    mail(
        sender="Chief Sean O\u2019Brien <sobrien@springfieldvtpd.org>",
        cc="Lt. Ren\u00e9e Gagnon <rgagnon@springfieldvtpd.org>",
        subject="e-ticket enrollment",
        mid="charset-cp1252",
        charset="windows-1252",
        text="Good morning,\n\n"
        "The Springfield Police Department would like to participate in e-ticketing. "
        "I have designated Lt. Ren\u00e9e Gagnon as the e-ticket Point-of-Contact.\n\n"
        "Judiciary Code: 0651\n"
        "Agency Name: Springfield Police Department\n"
        "Address: 201 Clinton Street, Springfield, VT 05156\n"
        "Phone: (802) 885-2113\n\n"
        "Last Name\tFirst Name\tRank/Title\tOfficer Number\tDPS Username\n"
        "Gagnon\tRen\u00e9e\tLieutenant\tSP151\trgagnon\n"
        "O\u2019Connor\tFran\u00e7ois\tOfficer\tSP152\tfoconnor\n\n"
        "Thank you,\nSean O\u2019Brien\nChief of Police\n",
        attachments=(PNG,),
    ),
    expect(
        sender="sobrien@springfieldvtpd.org",
        name="Springfield Police Department",
        code="0651",
        address="201 Clinton Street, Springfield, VT 05156",
        phone="(802) 885-2113",
        logo="logo.png",
        poc=("Ren\u00e9e Gagnon", "rgagnon@springfieldvtpd.org"),
        hod=("Sean O\u2019Brien", "Chief of Police"),
        officers=[
            officer("Gagnon", "Ren\u00e9e", "Lieutenant", "SP151", "rgagnon"),
            officer("O\u2019Connor", "Fran\u00e7ois", "Officer", "SP152", "foconnor"),
        ],
    ),
)

# 20. iso-8859-1 body
add(
    "charset-latin1",
    mail(
        sender="Chief Marc B\u00e9langer <mbelanger@derbyvt.org>",
        cc="Cpl. No\u00ebl Gagn\u00e9 <ngagne@derbyvt.org>",
        subject="e-ticket enrollment",
        mid="charset-latin1",
        charset="iso-8859-1",
        text="Good morning,\n\n"
        "The Derby Police Department would like to participate in e-ticketing. "
        "I have designated Cpl. No\u00ebl Gagn\u00e9 as the e-ticket Point-of-Contact.\n\n"
        "Judiciary Code: 0822\n"
        "Agency Name: Derby Police Department\n"
        "Address: 124 Main Street, Derby, VT 05829\n"
        "Phone: (802) 766-4911\n\n"
        "Last Name\tFirst Name\tRank/Title\tOfficer Number\tDPS Username\n"
        "Gagn\u00e9\tNo\u00ebl\tCorporal\tDB161\tngagne\n\n"
        "Thank you,\nMarc B\u00e9langer\nChief of Police\n",
        attachments=(PNG,),
    ),
    expect(
        sender="mbelanger@derbyvt.org",
        name="Derby Police Department",
        code="0822",
        address="124 Main Street, Derby, VT 05829",
        phone="(802) 766-4911",
        logo="logo.png",
        poc=("No\u00ebl Gagn\u00e9", "ngagne@derbyvt.org"),
        hod=("Marc B\u00e9langer", "Chief of Police"),
        officers=[officer("Gagn\u00e9", "No\u00ebl", "Corporal", "DB161", "ngagne")],
    ),
)


# A compact complete request reused by the logo and checklist cases below.
def request_text(
    *,
    code: str = "0540",
    phone: str = "(802) 748-3111",
    rows: str = "Lacasse\tRita\tSergeant\tSJ171\trlacasse\nHebert\tPaul\tOfficer\tSJ172\tphebert\n",
    extra: str = "",
) -> str:
    return (
        "Good morning,\n\n"
        "The St. Johnsbury Police Department would like to participate in e-ticketing. "
        "I have designated Sgt. Rita Lacasse as the e-ticket Point-of-Contact.\n\n"
        f"Judiciary Code: {code}\n"
        "Agency Name: St. Johnsbury Police Department\n"
        "Address: 1187 Main Street, St. Johnsbury, VT 05819\n"
        f"Phone: {phone}\n{extra}\n"
        "Last Name\tFirst Name\tRank/Title\tOfficer Number\tDPS Username\n"
        f"{rows}\n"
        "Thank you,\nWarren Pike\nChief of Police\n"
    )


SJ_FROM = "Chief Warren Pike <wpike@stjpd.org>"
SJ_CC = "Sgt. Rita Lacasse <rlacasse@stjpd.org>"


def sj_expect(**kw: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "sender": "wpike@stjpd.org",
        "name": "St. Johnsbury Police Department",
        "code": "0540",
        "address": "1187 Main Street, St. Johnsbury, VT 05819",
        "phone": "(802) 748-3111",
        "logo": "sjpd-logo.png",
        "poc": ("Rita Lacasse", "rlacasse@stjpd.org"),
        "hod": ("Warren Pike", "Chief of Police"),
        "officers": [
            officer("Lacasse", "Rita", "Sergeant", "SJ171", "rlacasse"),
            officer("Hebert", "Paul", "Officer", "SJ172", "phebert"),
        ],
    }
    base.update(kw)
    return expect(**base)


SJ_LOGO = ("sjpd-logo.png", "image/png", build.image("PNG", 256, 256))

# 21. A file named logo.png that is not an image: no logo
add(
    "logo-not-an-image",
    mail(
        sender=SJ_FROM,
        cc=SJ_CC,
        subject="e-ticket request",
        mid="logo-not-an-image",
        text=request_text(),
        attachments=(("logo.png", "image/png", b"This is not a picture, just text.\n" * 40),),
    ),
    sj_expect(logo=None, missing=["agency.logo"]),
)

# 22. The only image is an inline signature image: no logo
_inline = mail(
    sender=SJ_FROM,
    cc=SJ_CC,
    subject="e-ticket request",
    mid="logo-inline-signature",
    text=request_text(),
    html=None,
)
_inline.add_alternative(
    "<html><body><pre>"
    + request_text().replace("&", "&amp;").replace("<", "&lt;")
    + '</pre><img src="cid:sig001@stjpd.org" alt="signature"></body></html>',
    subtype="html",
)
_inline.get_payload()[1].add_related(
    build.image("PNG", 180, 60),
    "image",
    "png",
    cid="<sig001@stjpd.org>",
    filename="sig.png",
    disposition="inline",
)
add("logo-inline-signature", _inline, sj_expect(logo=None, missing=["agency.logo"]))

# 23. A logo too thin to print (a banner 20 pixels high)
add(
    "logo-too-small",
    mail(
        sender=SJ_FROM,
        cc=SJ_CC,
        subject="e-ticket request",
        mid="logo-too-small",
        text=request_text(),
        attachments=(("sjpd-logo.bmp", "image/bmp", build.image("BMP", 300, 20)),),
    ),
    sj_expect(
        logo="sjpd-logo.bmp",
        invalid=[("agency.logo", "must be at least 32x32 pixels (got 300x20)")],
    ),
)

# 24. Officer number of 6 characters
add(
    "invalid-officer-number-length",
    mail(
        sender=SJ_FROM,
        cc=SJ_CC,
        subject="e-ticket request",
        mid="invalid-officer-number-length",
        text=request_text(
            rows="Lacasse\tRita\tSergeant\tSJ1710\trlacasse\nHebert\tPaul\tOfficer\tSJ172\tphebert\n"
        ),
        attachments=(SJ_LOGO,),
    ),
    sj_expect(
        officers=[
            officer("Lacasse", "Rita", "Sergeant", "SJ1710", "rlacasse"),
            officer("Hebert", "Paul", "Officer", "SJ172", "phebert"),
        ],
        invalid=[("officers[0].officer_number", "must be 5 characters (got 6)")],
    ),
)

# 25. Officer number with punctuation
add(
    "invalid-officer-number-chars",
    mail(
        sender=SJ_FROM,
        cc=SJ_CC,
        subject="e-ticket request",
        mid="invalid-officer-number-chars",
        text=request_text(
            rows="Lacasse\tRita\tSergeant\tSJ171\trlacasse\nHebert\tPaul\tOfficer\tSJ-72\tphebert\n"
        ),
        attachments=(SJ_LOGO,),
    ),
    sj_expect(
        officers=[
            officer("Lacasse", "Rita", "Sergeant", "SJ171", "rlacasse"),
            officer("Hebert", "Paul", "Officer", "SJ-72", "phebert"),
        ],
        invalid=[("officers[1].officer_number", "must be letters and digits only")],
    ),
)

# 26. A 3-digit judiciary code
add(
    "invalid-judiciary-code",
    mail(
        sender=SJ_FROM,
        cc=SJ_CC,
        subject="e-ticket request",
        mid="invalid-judiciary-code",
        text=request_text(code="540"),
        attachments=(SJ_LOGO,),
    ),
    sj_expect(code="540", invalid=[("agency.judiciary_code", "must be 4 digits")]),
)

# 27. A phone number that is too short
add(
    "invalid-phone",
    mail(
        sender=SJ_FROM,
        cc=SJ_CC,
        subject="e-ticket request",
        mid="invalid-phone",
        text=request_text(phone="802-748-311"),
        attachments=(SJ_LOGO,),
    ),
    sj_expect(phone="802-748-311", invalid=[("agency.phone", "must be a valid US phone number")]),
)

# 28. The username of row 2 left blank
add(
    "missing-username-row2",
    mail(
        sender=SJ_FROM,
        cc=SJ_CC,
        subject="e-ticket request",
        mid="missing-username-row2",
        text=request_text(
            rows="Lacasse\tRita\tSergeant\tSJ171\trlacasse\nHebert\tPaul\tOfficer\tSJ172\t\n"
            "Young\tKara\tOfficer\tSJ173\tkyoung\n"
        ),
        attachments=(SJ_LOGO,),
    ),
    sj_expect(
        officers=[
            officer("Lacasse", "Rita", "Sergeant", "SJ171", "rlacasse"),
            officer("Hebert", "Paul", "Officer", "SJ172", None),
            officer("Young", "Kara", "Officer", "SJ173", "kyoung"),
        ],
        missing=["officers[1].dps_username"],
    ),
)

# 29. The same officer number twice
add(
    "duplicate-officer-numbers",
    mail(
        sender=SJ_FROM,
        cc=SJ_CC,
        subject="e-ticket request",
        mid="duplicate-officer-numbers",
        text=request_text(
            rows="Lacasse\tRita\tSergeant\tSJ171\trlacasse\nHebert\tPaul\tOfficer\tSJ172\tphebert\n"
            "Young\tKara\tOfficer\tSJ171\tkyoung\n"
        ),
        attachments=(SJ_LOGO,),
    ),
    sj_expect(
        officers=[
            officer("Lacasse", "Rita", "Sergeant", "SJ171", "rlacasse"),
            officer("Hebert", "Paul", "Officer", "SJ172", "phebert"),
            officer("Young", "Kara", "Officer", "SJ171", "kyoung"),
        ],
        invalid=[("officers[2].officer_number", "duplicate of officers[0]")],
    ),
)

# 30. A first email with most things missing
add(
    "missing-most",
    mail(
        sender="Chief Gary Lund <glund@ludlowvt.org>",
        subject="e-ticketing",
        mid="missing-most",
        text="Hi,\n\n"
        "The Ludlow Police Department would like to start issuing Vermont Civil Violation "
        "Complaints electronically. What do you need from us?\n\n"
        "Thanks,\nGary Lund\nChief\n",
    ),
    expect(
        sender="glund@ludlowvt.org",
        name="Ludlow Police Department",
        hod=("Gary Lund", "Chief"),
        missing=[
            "agency.judiciary_code",
            "agency.address",
            "agency.phone",
            "agency.logo",
            "point_of_contact.name",
            "point_of_contact.email",
            "officers",
        ],
    ),
)

# ---------------------------------------------------------------------------------------
# Roster maintenance from the PoC of an enrolled agency

HA_POC = "Sgt. Amy Lussier <alussier@hartfordvt.gov>"


def change(action: str, number: str | None, **fields: str | None) -> dict[str, Any]:
    return {"action": action, "officer_number": number, **fields}


# 31. Add officers from a table
add(
    "maint-add-table",
    mail(
        sender=HA_POC,
        subject="New officers for TraCS",
        mid="maint-add-table",
        text="Hello,\n\n"
        "Please add the following officers to the Hartford Police Department in TraCS:\n\n"
        "Last Name\tFirst Name\tRank/Title\tOfficer Number\tDPS Username\n"
        "Cote\tJulien\tOfficer\tHA041\tjcote\n"
        "Brennan\tSiobhan\tOfficer\tHA042\tsbrennan\n\n"
        "Thanks,\nAmy Lussier\nSergeant\n",
    ),
    expect(
        sender="alussier@hartfordvt.gov",
        intent="officer_maintenance",
        name="Hartford Police Department",
        changes=[
            change(
                "add",
                "HA041",
                last_name="Cote",
                first_name="Julien",
                title="Officer",
                dps_username="jcote",
            ),
            change(
                "add",
                "HA042",
                last_name="Brennan",
                first_name="Siobhan",
                title="Officer",
                dps_username="sbrennan",
            ),
        ],
    ),
)

# 32. Add one officer described in a sentence
add(
    "maint-add-prose",
    mail(
        sender=HA_POC,
        subject="New hire",
        mid="maint-add-prose",
        text="Good morning,\n\n"
        "We have a new hire. Please create a record for Officer Liam Carter, LEO number HA043, "
        "username lcarter.\n\n"
        "Thank you,\nAmy Lussier\nSergeant\n",
    ),
    expect(
        sender="alussier@hartfordvt.gov",
        intent="officer_maintenance",
        changes=[
            change(
                "add",
                "HA043",
                last_name="Carter",
                first_name="Liam",
                title="Officer",
                dps_username="lcarter",
            ),
        ],
    ),
)

# 33. A promotion
add(
    "maint-promote",
    mail(
        sender=HA_POC,
        subject="Title change",
        mid="maint-promote",
        text="Hi,\n\n"
        "Officer Kevin Brown (HA022) has been promoted to Sergeant effective November 1. "
        "Please update his title in TraCS.\n\n"
        "Thanks,\nAmy Lussier\nSergeant\n",
    ),
    expect(
        sender="alussier@hartfordvt.gov",
        intent="officer_maintenance",
        changes=[
            change("update", "HA022", last_name="Brown", first_name="Kevin", title="Sergeant"),
        ],
    ),
)

# 34. A transfer to another agency
add(
    "maint-transfer",
    mail(
        sender="Lt. Dana Whitcomb <dwhitcomb@woodstockvt.gov>",
        subject="Officer transfer",
        mid="maint-transfer",
        text="Hello,\n\n"
        "Officer Samuel Perkins, LEO # WD102, has transferred to the Hartford Police "
        "Department as of this week. Please move his record.\n\n"
        "Regards,\nDana Whitcomb\nLieutenant\n",
    ),
    expect(
        sender="dwhitcomb@woodstockvt.gov",
        intent="officer_maintenance",
        changes=[
            change(
                "update",
                "WD102",
                last_name="Perkins",
                first_name="Samuel",
                agency="Hartford Police Department",
            ),
        ],
    ),
)

# 35. An officer who left
add(
    "maint-left",
    mail(
        sender=HA_POC,
        subject="Officer retired",
        mid="maint-left",
        text="Hi,\n\n"
        "Cpl. Marie-Claire O'Neil (badge HA031) retired on October 31. "
        "Please deactivate her TraCS record.\n\n"
        "Thanks,\nAmy Lussier\nSergeant\n",
    ),
    expect(
        sender="alussier@hartfordvt.gov",
        intent="officer_maintenance",
        changes=[
            change("deactivate", "HA031", last_name="O'Neil", first_name="Marie-Claire"),
        ],
    ),
)

# 36. Several changes in one message, from the chief
add(
    "maint-mixed",
    mail(
        sender="Chief Robert Tanner <rtanner@hartfordvt.gov>",
        subject="TraCS roster changes",
        mid="maint-mixed",
        text="Good morning,\n\n"
        "A few changes to our officer records:\n"
        "- Please add Officer Priya Shah, LEO number HA044, DPS username pshah.\n"
        "- Officer Kevin Brown (HA022) was promoted to Corporal.\n"
        "- Officer Dylan Roy, badge HA025, resigned and is no longer with the department.\n\n"
        "Thank you,\nRobert Tanner\nChief of Police\n",
    ),
    expect(
        sender="rtanner@hartfordvt.gov",
        intent="officer_maintenance",
        hod=("Robert Tanner", "Chief of Police"),
        changes=[
            change(
                "add",
                "HA044",
                last_name="Shah",
                first_name="Priya",
                title="Officer",
                dps_username="pshah",
            ),
            change("update", "HA022", last_name="Brown", first_name="Kevin", title="Corporal"),
            change("deactivate", "HA025", last_name="Roy", first_name="Dylan"),
        ],
    ),
)

# ---------------------------------------------------------------------------------------
# Not requests

# 37. Out-of-office auto-reply
add(
    "auto-out-of-office",
    mail(
        sender="Chief Robert Tanner <rtanner@hartfordvt.gov>",
        subject="Automatic reply: [ETK-2026-0042] e-Ticket enrolment",
        mid="auto-out-of-office",
        headers={"Auto-Submitted": "auto-replied", "X-Auto-Response-Suppress": "All"},
        text="I am out of the office until November 9 with limited access to email.\n"
        "Judiciary Code: 0614\n"
        "For urgent matters call (802) 295-9425.\n",
    ),
    expect(sender="rtanner@hartfordvt.gov", intent="other", automated=True),
)

# 38. A delivery status notification (bounce)
_dsn = (
    "From: Mail Delivery System <MAILER-DAEMON@mx.vermont.gov>\r\n"
    "To: dps.eTicket@vermont.gov\r\n"
    "Subject: Undelivered Mail Returned to Sender\r\n"
    f"Date: {DATE}\r\n"
    "Message-ID: <bounce-dsn@corpus.example>\r\n"
    "MIME-Version: 1.0\r\n"
    'Content-Type: multipart/report; report-type=delivery-status; boundary="r1"\r\n\r\n'
    "--r1\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n"
    "This is the mail system at host mx.vermont.gov.\r\n\r\n"
    "Your message could not be delivered.\r\n\r\n"
    "<nobody@oldtownpd.org>: host mail.oldtownpd.org said: 550 5.1.1 User unknown\r\n\r\n"
    "--r1\r\nContent-Type: message/delivery-status\r\n\r\n"
    "Reporting-MTA: dns; mx.vermont.gov\r\n\r\n"
    "Final-Recipient: rfc822; nobody@oldtownpd.org\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n"
    "--r1--\r\n"
).encode()
add(
    "auto-bounce-dsn",
    _dsn,
    expect(sender="mailer-daemon@mx.vermont.gov", intent="other", automated=True),
)

# 39. A newsletter sent through a mailing list
add(
    "auto-newsletter",
    mail(
        sender="VT Chiefs Association <news@vtchiefs.org>",
        subject="Chiefs' Bulletin - November",
        mid="auto-newsletter",
        headers={
            "List-Id": "VT Chiefs Bulletin <bulletin.vtchiefs.org>",
            "List-Unsubscribe": "<mailto:leave@vtchiefs.org>",
            "Precedence": "bulk",
        },
        text="This month: e-ticketing roll-out continues. Agencies that want to participate "
        "in e-ticketing should contact DPS.\n\nJudiciary Code: 9999\n",
    ),
    expect(sender="news@vtchiefs.org", intent="other", automated=True),
)

# 40. A question, not a request
add(
    "question-install",
    mail(
        sender="Tom Baker <tbaker@ludlowvt.org>",
        subject="How do I install TraCS?",
        mid="question-install",
        text="Hello,\n\n"
        "We received the new laptops last week. How do I install TraCS Mobile on them, and "
        "is there a user manual I can read first?\n\n"
        "Thanks,\nTom Baker\nIT Coordinator\n",
    ),
    expect(sender="tbaker@ludlowvt.org", intent="other"),
)

# ---------------------------------------------------------------------------------------
# Other shapes of an enrolment request

# 41. HTML-only mail with an HTML officer table
add(
    "html-only-table",
    mail(
        sender="Chief Laura Kent <lkent@benningtonpolice.com>",
        cc="Sgt. Ryan Dwyer <rdwyer@benningtonpolice.com>",
        subject="e-ticket enrollment",
        mid="html-only-table",
        text=None,
        html="<html><body><p>Good morning,</p>"
        "<p>The Bennington Police Department would like to participate in e-ticketing. "
        "I have designated Sgt. Ryan Dwyer as the e-ticket Point-of-Contact.</p>"
        "<p>Judiciary Code: 0205<br>Agency Name: Bennington Police Department<br>"
        "Address: 118 South Street, Bennington, VT 05201<br>Phone: (802) 442-1030</p>"
        "<table><tr><th>Last Name</th><th>First Name</th><th>Rank/Title</th>"
        "<th>Officer Number</th><th>DPS Username</th></tr>"
        "<tr><td>Dwyer</td><td>Ryan</td><td>Sergeant</td><td>BN181</td><td>rdwyer</td></tr>"
        "<tr><td>Akers</td><td>Molly</td><td>Officer</td><td>BN182</td><td>makers</td></tr>"
        "</table><p>Thank you,<br>Laura Kent<br>Chief of Police</p></body></html>",
        attachments=(("bpd-seal.png", "image/png", build.image("PNG", 300, 300)),),
    ),
    expect(
        sender="lkent@benningtonpolice.com",
        name="Bennington Police Department",
        code="0205",
        address="118 South Street, Bennington, VT 05201",
        phone="(802) 442-1030",
        logo="bpd-seal.png",
        poc=("Ryan Dwyer", "rdwyer@benningtonpolice.com"),
        hod=("Laura Kent", "Chief of Police"),
        officers=[
            officer("Dwyer", "Ryan", "Sergeant", "BN181", "rdwyer"),
            officer("Akers", "Molly", "Officer", "BN182", "makers"),
        ],
    ),
)

# 42. Officer list in an attached spreadsheet
add(
    "xlsx-officer-list",
    mail(
        sender="Sheriff Dale Hurd <dhurd@windsorsheriff.org>",
        cc="Deputy Chris Poirier <cpoirier@windsorsheriff.org>",
        subject="e-ticket enrollment - Windsor County Sheriff",
        mid="xlsx-officer-list",
        text="Good morning,\n\n"
        "The Windsor County Sheriff's Department would like to participate in e-ticketing. "
        "I have designated Deputy Chris Poirier as the e-ticket Point-of-Contact.\n\n"
        "Judiciary Code: 0660\n"
        "Agency Name: Windsor County Sheriff's Department\n"
        "Address: 62 Pleasant Street, Woodstock, VT 05091\n"
        "Phone: (802) 457-5211\n\n"
        "The officer list is in the attached spreadsheet.\n\n"
        "Thank you,\nDale Hurd\nSheriff\n",
        attachments=(
            ("wcsd-logo.png", "image/png", build.image("PNG", 400, 400)),
            (
                "officers.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                build.xlsx(
                    [
                        ["Last Name", "First Name", "Rank", "Badge #", "DPS Username"],
                        ["Poirier", "Chris", "Deputy", "WC191", "cpoirier"],
                        ["Lamb", "Heather", "Sergeant", "WC192", "hlamb"],
                    ]
                ),
            ),
        ),
    ),
    expect(
        sender="dhurd@windsorsheriff.org",
        name="Windsor County Sheriff's Department",
        code="0660",
        address="62 Pleasant Street, Woodstock, VT 05091",
        phone="(802) 457-5211",
        logo="wcsd-logo.png",
        poc=("Chris Poirier", "cpoirier@windsorsheriff.org"),
        hod=("Dale Hurd", "Sheriff"),
        officers=[
            officer("Poirier", "Chris", "Deputy", "WC191", "cpoirier"),
            officer("Lamb", "Heather", "Sergeant", "WC192", "hlamb"),
        ],
    ),
)

# 43. The chief is the Point-of-Contact; values written in sentences, no labels
add(
    "prose-fields-self-poc",
    mail(
        sender="Chief Ruth Ann Coe <rcoe@richmondvt.gov>",
        subject="Richmond PD would like to join e-ticketing",
        mid="prose-fields-self-poc",
        text="Hello,\n\n"
        "The Richmond Police Department would like to start issuing Vermont Civil Violation "
        "Complaints electronically. I will serve as the e-ticket Point-of-Contact myself. "
        "Our judiciary code is 0139 and our phone number is 802-434-2153. Our address is:\n\n"
        "203 Bridge Street\nRichmond, VT 05477\n\n"
        "Officer Tyler Shaw, LEO number RM201, DPS username tshaw.\n\n"
        "Thank you,\nRuth Ann Coe\nChief of Police\n",
        attachments=(("richmond-logo.jpeg", "image/jpeg", build.image("JPEG", 320, 240)),),
    ),
    expect(
        sender="rcoe@richmondvt.gov",
        name="Richmond Police Department",
        code="0139",
        address="203 Bridge Street, Richmond, VT 05477",
        phone="(802) 434-2153",
        logo="richmond-logo.jpeg",
        poc=("Ruth Ann Coe", "rcoe@richmondvt.gov"),
        hod=("Ruth Ann Coe", "Chief of Police"),
        officers=[officer("Shaw", "Tyler", "Officer", "RM201", "tshaw")],
    ),
)

# 44. Invalid username and an address outside Vermont
add(
    "invalid-username-address",
    mail(
        sender="Chief Owen Pratt <opratt@canaanvt.org>",
        cc="Ofc. Jill Moody <jmoody@canaanvt.org>",
        subject="e-ticketing request",
        mid="invalid-username-address",
        text="Hello,\n\n"
        "The Canaan Police Department would like to participate in e-ticketing. I have "
        "designated Ofc. Jill Moody as the e-ticket Point-of-Contact.\n\n"
        "Judiciary Code: 0830\n"
        "Agency Name: Canaan Police Department\n"
        "Address: 1 Main Street, Colebrook, NH 03576\n"
        "Phone: (802) 266-3343\n\n"
        "Last Name\tFirst Name\tRank/Title\tOfficer Number\tDPS Username\n"
        "Moody\tJill\tOfficer\tCN211\tjmoody@canaanvt.org\n\n"
        "Thank you,\nOwen Pratt\nChief of Police\n",
        attachments=(PNG,),
    ),
    expect(
        sender="opratt@canaanvt.org",
        name="Canaan Police Department",
        code="0830",
        address="1 Main Street, Colebrook, NH 03576",
        phone="(802) 266-3343",
        logo="logo.png",
        poc=("Jill Moody", "jmoody@canaanvt.org"),
        hod=("Owen Pratt", "Chief of Police"),
        officers=[officer("Moody", "Jill", "Officer", "CN211", "jmoody@canaanvt.org")],
        invalid=[
            ("agency.address", "must be in Vermont (VT)"),
            (
                "officers[0].dps_username",
                "must be a DPS domain username (letters, digits, dot, dash or underscore; "
                "no spaces or @)",
            ),
        ],
    ),
)


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for old in OUT.glob("*"):
        if not old.name.startswith("mime-"):
            old.unlink()
    for name, (raw, expected) in sorted(CORPUS.items()):
        (OUT / f"{name}.eml").write_bytes(raw)
        (OUT / f"{name}.json").write_text(
            json.dumps(expected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    print(f"wrote {len(CORPUS)} messages to {OUT}")


if __name__ == "__main__":
    main()
