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


def test_a_table_headed_deputy_names_its_rows_and_a_details_rank_titles_an_add() -> None:
    body = (
        "Hi,\n\nA few updates for our TraCS officer records:\n"
        "Deputy\tLEO #\tChange\tDetails\n"
        "Noor Haddad\tLC310\tRemove\tRetired 5/30\n"
        "Felix Amadi\tLC377\tNew\tDeputy, username felix.amadi\n"
        "Thanks,\nSgt. Ruth Oyelowo\nLamoille County Sheriff's Department\n"
    )
    sender = "Ruth Oyelowo <roy@lamoillesheriff.test>"
    got = by_number(roster_changes(mail(body, sender=sender, subject="Record updates")))
    assert got["LC310"]["last_name"] == "Haddad"
    assert got["LC310"]["action"] == "deactivate"
    assert got["LC377"]["first_name"] == "Felix"
    assert got["LC377"]["title"] == "Deputy"
    assert got["LC377"]["dps_username"] == "felix.amadi"



def test_a_record_moved_to_our_agency_takes_the_agency_he_joined() -> None:
    body = (
        "Good morning,\n\nTrooper Dana Okafor left the Vermont State Police last month and "
        "joined the Bennington County Sheriff's Department on March 3. Her LEO number "
        "stays B4471 and her DPS username is still dokafor.\n\n"
        "Can you move her TraCS record over to our agency? Her title should now read "
        "Deputy.\n\nThank you,\nCapt. Wes Harrow\n"
    )
    sender = "Wes Harrow <wharrow@benningtonsheriff.test>"
    got = by_number(roster_changes(mail(body, sender=sender, subject="Record transfer")))
    assert got["B4471"]["agency"] == "Bennington County Sheriff's Department"
    assert got["B4471"]["action"] == "update"
