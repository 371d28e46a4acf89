"""A printed form whose labels stand left of their values, each value at one column
("Judiciary code            0455"), its lines double-spaced, the first line of each
section pushed far right by the extraction: each line is a label and its value. The
line under a label is never that label's value, a section named for a person gives
that person's name on its "Name" line, and the address's "City / State / ZIP" line
is the address's own."""

from __future__ import annotations

from mailbot.intake.form_layout import form_text
from mailbot.intake.parse import parse_message
from mailbot.intake.rules import load_rules
from tests.reading_mail import mail

_PAD = " " * 110

_FORM = f"""\
              Agency Set-Up Sheet (e-Ticket)

Part 1 - Agency

{_PAD}Agency name (as printed)            Groton Village Police

Judiciary code                      0455

Street address                      6 Scott Highway

City / State / ZIP                  Groton, VT 05046

Agency phone                        802-555-0190

Part 2 - e-Ticket Point of Contact

{_PAD}Name                                Cpl. Rosalind Achterberg

Phone                               802-555-0191

Email                               rachterberg@grotonvt.test

Part 3 - Users

{_PAD}Last          First         Title         VT LEO #      DPS Username

Achterberg    Rosalind      Corporal      G0712         rachterberg

Ngata         Wiremu        Chief         G0701         wngata

Part 4 - Sign-off

{_PAD}Head of Department                  Wiremu Ngata, Chief of Police
"""


def _mail() -> bytes:
    return mail(
        "Hi, our set-up sheet is attached.\n\nWiremu\n",
        sender="Wiremu Ngata <wngata@grotonvt.test>",
        subject="e-ticket sheet",
        attachments=[("setup.txt", _FORM.encode(), "text/plain")],
    )


def test_a_label_and_its_value_side_by_side_are_written_as_a_pair() -> None:
    text = form_text(_FORM, load_rules())
    assert "Agency name (as printed): Groton Village Police" in text
    assert "Judiciary code: 0455\nStreet address: 6 Scott Highway\nCity / State / ZIP:" in text
    assert "e-Ticket Point of Contact: Cpl. Rosalind Achterberg" in text
    assert "Head of Department: Wiremu Ngata, Chief of Police" in text


def test_a_side_by_side_form_is_read_for_its_values() -> None:
    result = parse_message(_mail())
    assert result.agency.name == "Groton Village Police"
    assert result.agency.judiciary_code == "0455"
    assert result.agency.address == "6 Scott Highway, Groton, VT 05046"
    assert result.point_of_contact.name == "Rosalind Achterberg"
    assert result.point_of_contact.email == "rachterberg@grotonvt.test"
    assert result.head_of_department.name == "Wiremu Ngata"
    assert sorted(o.officer_number or "" for o in result.officers) == ["G0701", "G0712"]
    assert not {"agency.name", "agency.address", "point_of_contact.name"} & set(result.missing)
