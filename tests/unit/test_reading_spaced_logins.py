"""A list row whose login place holds the officer's own name, or a login made from it with
a blank in it ("- QF118 - Dara Holm", "- QF125 - jst clair"): his username as written,
so the check finds it invalid and the sender is told why, not asked for it again; a
label before a login ("DPS jholm") is no such value."""

from __future__ import annotations

from mailbot.intake.lists import officer_on_line
from mailbot.intake.parse import parse_message
from mailbot.intake.rules import load_rules
from tests.reading_mail import mail


def _enrolment(rows: str) -> bytes:
    body = (
        "Hello,\n\nQuillfield Police Department would like to join the e-ticket program.\n\n"
        "Judiciary code: 0733\nAddress: 12 Mill Lane, Quillfield, VT 05999\n"
        "Phone: 802-555-0190\nOur PoC is Sgt. Dara Holm, dholm@quillfieldvt.org.\n\n"
        f"Officers:\n{rows}\n\nThank you,\nChief Hollis Trask\nQuillfield Police Department\n"
    )
    return mail(body, sender="Hollis Trask <htrask@quillfieldvt.org>", subject="e-ticket")


def test_a_full_name_in_the_login_place_is_an_invalid_username() -> None:
    result = parse_message(
        _enrolment(
            "Holm, Dara - Sergeant - QF118 - Dara Holm\n"
            "Trask, Hollis - Chief - QF100 - htrask\n"
            "Lind, Ola - Officer - QF121 - olind"
        )
    )
    assert [o.officer_number for o in result.officers] == ["QF118", "QF100", "QF121"]
    assert result.officers[0].dps_username == "Dara Holm"
    assert "officers[0].dps_username" in {i.field for i in result.invalid}
    assert "officers[0].dps_username" not in result.missing


def test_a_login_typed_with_a_blank_is_an_invalid_username() -> None:
    result = parse_message(
        _enrolment(
            "Sgt. Dara Holm - QF118 - dholm\nOfficer Jean St. Clair - QF125 - jst clair\n"
            "Chief Hollis Trask - QF100 - htrask"
        )
    )
    assert result.officers[1].dps_username == "jst clair"
    assert "officers[1].dps_username" in {i.field for i in result.invalid}
    assert "officers[1].dps_username" not in result.missing


def test_a_label_before_a_login_is_not_a_spaced_login() -> None:
    officer = officer_on_line("2) Holm, Dara - Sergeant - LEO QF118 - DPS dholm", load_rules())
    assert officer is None or officer.dps_username != "DPS dholm"
