"""Roster changes laid out as chiefs lay them out: one officer a line under a lead-in,
promotions under a numbered item ending in ':', "(NUMBER) to Rank", a title "changed to"
a rank, an action cell spanning two rows, and a phone extension that is no officer."""

from __future__ import annotations

from email.message import EmailMessage

from mailbot.intake.parse import parse_message
from tests.reading_mail import dumped, mail, roster_changes


def _changes(body: str, html: str | None = None) -> list[dict[str, object]]:
    sender = "Sgt. Ravi Lindahl <rlindahl@ludlowpd.test>"
    return dumped(roster_changes(mail(body, sender=sender, subject="Roster", html=html)))


def _brief(got: list[dict[str, object]]) -> list[tuple[object, ...]]:
    return [(c["action"], c.get("officer_number"), c.get("title")) for c in got]


def test_one_officer_a_line_under_a_lead_in_each_is_added() -> None:
    got = _changes(
        "Good afternoon,\n\nPlease ADD our two new part-time officers:\n"
        "Part-Time Officer Wes Calloway, LEO # LU8W4, DPS username wcalloway\n"
        "Part-Time Officer Ines Abara, LEO # LU3I7, DPS username iabara\n\n"
        "Please REMOVE Ofc. Hal Brisbois (LEO # LU5H2, hbrisbois). He transferred to the "
        "Windsor County Sheriff's Office.\n\nRavi\n"
    )
    assert _brief(got) == [
        ("add", "LU8W4", "Part-Time Officer"),
        ("add", "LU3I7", "Part-Time Officer"),
        ("deactivate", "LU5H2", "Officer"),
    ]
    assert got[1]["dps_username"] == "iabara"
    assert got[2]["dps_username"] == "hbrisbois"


def test_promotions_under_a_numbered_item_and_a_new_username() -> None:
    got = _changes(
        "A few updates for Ludlow PD:\n\n"
        "1. Promotions effective June 1st:\n"
        "   - Ofc. Omar Castile (LU2O6) to Corporal\n"
        "   - Cpl. Mei Ling Ashby (LU9M1) to Sergeant\n\n"
        "2. Ofc. Fred Tuttle (LU4F8) finally has his DPS domain account - username is "
        "ftuttle.\n\nRavi\n"
    )
    assert _brief(got) == [
        ("update", "LU2O6", "Corporal"),
        ("update", "LU9M1", "Sergeant"),
        ("update", "LU4F8", "Officer"),
    ]
    assert got[2]["dps_username"] == "ftuttle"


def test_titles_that_need_to_be_updated_with_arrows_are_updates() -> None:
    got = _changes(
        "Hello,\n\nThe Chief held a promotion ceremony and the following titles need to be "
        "updated:\n   * Officer Tara Voss (LU6T2) -> Sergeant\n"
        "   * Sgt. Abe Kingsley (LU7A5) -> Lieutenant\n\nThanks\n"
    )
    assert _brief(got) == [("update", "LU6T2", "Sergeant"), ("update", "LU7A5", "Lieutenant")]


def test_a_title_to_be_changed_to_an_acting_rank() -> None:
    got = _changes(
        "Good morning,\n\nWhile our sergeant is away, Officer Nell Fortier will be our Acting "
        "Sergeant. Could her title in TraCS be changed to Acting Sergeant? Her officer # is "
        "LU1N3.\n\nThank you\n"
    )
    assert _brief(got) == [("update", "LU1N3", "Acting Sergeant")]


_ROWSPAN = (
    "<html><body><p>A few roster changes for Ludlow PD.</p><table>"
    "<tr><td><b>Action</b></td><td></td><td><b>Last</b></td><td><b>First</b></td>"
    "<td><b>Title</b></td><td><b>VT LEO #</b></td><td><b>DPS Username</b></td>"
    "<td><b>Notes</b></td></tr>"
    "<tr><td rowspan=2>ADD</td><td rowspan=2></td><td>Quimby</td><td>Rosa</td>"
    "<td>Officer</td><td>LU5R8</td><td>rquimby</td><td>Lateral, starts 4/2</td></tr>"
    "<tr><td>Dunmore</td><td>Calvin</td><td>Officer</td><td>LU2C9</td><td>cdunmore</td>"
    "<td>Academy grad 4/9</td></tr>"
    "<tr><td>REMOVE</td><td></td><td>Pell</td><td>Agnes</td><td>Officer</td>"
    "<td>LU4A1</td><td>apell</td><td>Retiring 4/1</td></tr>"
    "</table><p>Thanks!<br>Ravi</p>"
    "<p>Sgt. Ravi Lindahl<br>Ludlow Police Department<br>(802) 555-0170 x4410</p>"
    "</body></html>"
)


def test_an_action_cell_spanning_two_rows_and_an_extension_read_right() -> None:
    got = _changes("See the table.\n\nRavi\n(802) 555-0170 x4410\n", _ROWSPAN)
    assert [(c["action"], c.get("officer_number"), c.get("last_name")) for c in got] == [
        ("add", "LU5R8", "Quimby"),
        ("add", "LU2C9", "Dunmore"),
        ("deactivate", "LU4A1", "Pell"),
    ]
    assert got[1]["dps_username"] == "cdunmore"


def test_a_phone_extension_is_no_officer_number() -> None:
    got = _changes(
        "Hi all,\n\nSome changes:\n\n\tRemove: Cpl. Joan Arsenault (LU8J2) resigned "
        "effective 2/27. Please deactivate her.\n\tNew: Officer Kai Brandt (LU3K5), DPS "
        "username kbrandt.\n\nRavi\n\nRavi Lindahl\nIT Coordinator | Ludlow Police "
        "Department\n(802) 555-0170 x4410\n"
    )
    assert all(c.get("officer_number") != "x4410" for c in got)
    assert [(c["action"], c.get("officer_number")) for c in got] == [
        ("deactivate", "LU8J2"),
        ("add", "LU3K5"),
    ]


def test_an_all_caps_enrolment_naming_its_agency_is_no_roster_change() -> None:
    msg = EmailMessage()
    msg["From"] = "Hollis Dube <hdube1957@mailbox.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "E TICKETS"
    msg.set_content(
        "HELLO I AM THE CONSTABLE FOR THE TOWN OF GRANBY AND I WOULD LIKE TO START DOING "
        "THE ELECTRONIC TICKETS. I WILL BE THE CONTACT PERSON. OUR JUDICIARY CODE IS 512. "
        "THE NAME SHOULD BE GRANBY TOWN CONSTABLE. ADDRESS IS 9 CEMETERY RD GRANBY VT 05840 "
        "AND THE PHONE IS 802 555 0144. THE ONLY OFFICER IS ME HOLLIS DUBE CONSTABLE NUMBER "
        "GR2D7. THANK YOU HOLLIS DUBE\n"
    )
    result = parse_message(msg.as_bytes())
    assert result.intent == "enrollment"
    assert result.changes == []


def test_a_title_given_for_the_agencys_tickets_is_the_new_officers_title() -> None:
    got = _changes(
        "Good morning,\n\nWe've hired Nora Quist as a part-time officer. She stays full-time "
        "with Weston PD. Please ADD her to Ludlow Police Department in TraCS.\n\n"
        "Officer Nora Quist\nOfficer # LU7N2\nDPS username: nquist\n"
        "Title for our tickets: Part-Time Officer\n\nThank you!\nRavi\n"
    )
    assert _brief(got) == [("add", "LU7N2", "Part-Time Officer")]
