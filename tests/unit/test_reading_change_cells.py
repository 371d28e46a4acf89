"""Roster changes in tables and attachments, each change's fields: a cell's bracket giving
the value a record had ("Nadeau (formerly Roy)"), a table headed with the agency's word
for its officers, a title said once for the new officers, the agency a moved record
joins, a memo's reassignment."""

from __future__ import annotations

from tests.reading_mail import by_number, mail, roster_changes


def test_a_cell_naming_its_former_value_in_a_bracket_gives_the_new_value() -> None:
    body = (
        "Hi,\n\nPlease make the following changes to our officer records:\n\n"
        "Action\tLast Name\tFirst Name\tRank\tLEO #\tDPS Login\n"
        "Add\tQuimby\tLeon\tOfficer\tR7T55\tlquimby\n"
        "Update\tNadeau (previously Roy)\tAnnick\tOfficer\tR2M40\tanadeau (was aroy)\n\n"
        "Thanks,\nLt. Oriana Fess\nRoyalton Police\n"
    )
    sender = "Lt. Oriana Fess <ofess@royaltonvt.test>"
    got = by_number(roster_changes(mail(body, sender=sender, subject="Officer record changes")))
    assert got["R2M40"]["last_name"] == "Nadeau"
    assert got["R2M40"]["dps_username"] == "anadeau"
    assert got["R2M40"]["action"] == "update"
    assert got["R7T55"]["last_name"] == "Quimby"
