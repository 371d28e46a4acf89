"""Values inside officer rows: a cell holding only a mark or words saying the login is not
made yet gives no value, a status word before a rank stays out of the name, a number of
the wrong length between a ranked name and a login is kept and reported, and a judiciary
code written after its label without a colon is read and checked."""

from __future__ import annotations

from email.message import EmailMessage

from mailbot.intake.parse import parse_message

_REQUEST = """\
Good morning,

Quarry Falls Police Department asks to be set up for e-ticketing.

{code}
Agency name: Quarry Falls Police Department
Address: 40 Granite Way, Quarry Falls, VT 05998
Phone: 802-555-0177
Point of contact: Lt. Hollis Strand, hstrand@quarryfalls.test

{roster}
Sincerely,
Odette Vang
Chief of Police
"""


def _mail(roster: str, code: str = "Judiciary code: 0433") -> bytes:
    msg = EmailMessage()
    msg["From"] = "Odette Vang <ovang@quarryfalls.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "e-ticket setup"
    msg.set_content(_REQUEST.format(code=code, roster=roster))
    return msg.as_bytes()


def _invalid(result: object) -> list[str]:
    return [i.field for i in result.invalid]  # type: ignore[attr-defined]


def test_mark_or_no_account_words_in_the_login_cell_leave_the_login_missing() -> None:
    """A star (a footnote's mark) or "(no DPS acct yet)" in the login column is asked for
    as missing, never reported as a wrong username."""
    roster = (
        "| Last     | First  | Title   | Officer # | DPS login          |\n"
        "|----------|--------|---------|-----------|--------------------|\n"
        "| Strand   | Hollis | Lieutenant | QF101  | hstrand            |\n"
        "| Okafor   | Bea    | Officer | QF117     | *                  |\n"
        "| Lindgren | Tomas  | Officer | QF123     | (no DPS acct yet)  |\n"
        "* starts next month\n"
    )
    result = parse_message(_mail(roster))
    users = [o.dps_username for o in result.officers]
    assert users == ["hstrand", None, None]
    assert "officers[1].dps_username" in result.missing
    assert "officers[2].dps_username" in result.missing
    assert not any(f.startswith("officers") for f in _invalid(result))


def test_status_word_before_the_rank_stays_out_of_the_first_name() -> None:
    """ "PT Officer Nils Berg": the part-time mark goes with the rank, the name is Nils."""
    roster = (
        "Officers:\n"
        "Lt. Hollis Strand  QF101  hstrand\n"
        "PT Officer Nils Berg  QF131\n"
        "PT Officer Rosa Imre  QF132\n"
        "Nils and Rosa have no DPS logins yet.\n"
    )
    result = parse_message(_mail(roster))
    names = [(o.first_name, o.last_name) for o in result.officers]
    assert names == [("Hollis", "Strand"), ("Nils", "Berg"), ("Rosa", "Imre")]


def test_four_digit_number_between_ranked_name_and_login_is_reported_invalid() -> None:
    """A number one character short is the officer's number as written: reported wrong,
    not asked for as if it were not given."""
    roster = "Officers:\nLt. Hollis Strand 1017 hstrand\nOfc. Bea Okafor QF117 bokafor\n"
    result = parse_message(_mail(roster))
    assert result.officers[0].officer_number == "1017"
    assert "officers[0].officer_number" not in result.missing
    assert "officers[0].officer_number" in _invalid(result)


def test_judiciary_code_after_its_label_without_colon_is_checked() -> None:
    """ "Jud code 433" is the sender's code, too short: reported invalid, not asked."""
    roster = "Officers:\nLt. Hollis Strand, QF101, hstrand\n"
    result = parse_message(_mail(roster, code="Jud code 433"))
    assert result.agency.judiciary_code == "433"
    assert "agency.judiciary_code" in _invalid(result)
    assert "agency.judiciary_code" not in result.missing


def test_headings_written_in_two_languages_name_their_columns() -> None:
    """A sheet headed "Nom de famille / Last name", "Prénom / First name": its officers
    are read, not asked for."""
    roster = (
        "Nom de famille / Last name,Prénom / First name,Grade / Title,"
        "No. officier / Officer number,Nom d'utilisateur / DPS username\n"
        "Strand,Hollis,Lieutenant,QF101,hstrand\n"
        "Okafor,Bea,Officer,QF117,bokafor\n"
    )
    msg = EmailMessage()
    msg["From"] = "Odette Vang <ovang@quarryfalls.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "e-ticket setup"
    msg.set_content(_REQUEST.format(code="Judiciary code: 0433", roster="Officers attached."))
    msg.add_attachment(roster.encode(), maintype="text", subtype="csv", filename="officiers.csv")
    result = parse_message(msg.as_bytes())
    rows = [(o.last_name, o.first_name, o.officer_number, o.dps_username) for o in result.officers]
    assert rows == [("Strand", "Hollis", "QF101", "hstrand"), ("Okafor", "Bea", "QF117", "bokafor")]
    assert not any(p.startswith("officers") for p in result.missing)
