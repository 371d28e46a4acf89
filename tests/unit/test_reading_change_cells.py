"""Roster changes in tables and attachments, each change's fields: a cell's bracket giving
the value a record had ("Nadeau (formerly Roy)"), a table headed with the agency's word
for its officers, a title said once for the new officers, the agency a moved record
joins, a memo's reassignment."""

from __future__ import annotations

from tests.data import build
from tests.reading_mail import by_number, mail, roster_changes

_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


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


def test_a_new_officer_sworn_in_as_a_two_word_rank_takes_that_title() -> None:
    body = (
        "Hello,\n\nPlease update titles in TraCS for these promotions:\n\n"
        "Name\tLEO #\tCurrent Title\tNew Title\n"
        "Tomas Rielly\tW2210\tGame Warden\tSergeant Game Warden\n\n"
        "Also, Priya Desrochers finished the academy and was sworn in as a Game Warden "
        "last week. Please create her record: LEO # W2298, DPS username pdesrochers.\n\n"
        "Thanks,\nMarta Quill\n"
    )
    sender = "Marta Quill <marta.quill@wardens.vt.test>"
    got = by_number(roster_changes(mail(body, sender=sender, subject="Title updates")))
    assert got["W2298"]["action"] == "add"
    assert got["W2298"]["title"] == "Game Warden"


def test_a_title_said_once_for_the_new_officers_goes_to_each_add() -> None:
    body = (
        "Hi,\n\nPlease make the following changes to our officer records:\n\n"
        "Promotion\n\n"
        "  *   Ofc. Lena Brandt (7B404) - promoted to Corporal\n\n"
        "New reserve officers\n\n"
        "  *   Ivo Castellanos - 7C512 - icastellanos\n"
        "  *   June Halloran - 7H518 - jhalloran\n\n"
        'The title for both new officers should be "Reserve Officer."\n\n'
        "Thanks,\nSgt. Hal Mercer\nNewfane Police Department\n"
    )
    sender = "Hal Mercer <hmercer@newfanevt.test>"
    got = by_number(roster_changes(mail(body, sender=sender, subject="Officer changes")))
    assert got["7C512"]["action"] == "add"
    assert got["7C512"]["title"] == "Reserve Officer"
    assert got["7H518"]["title"] == "Reserve Officer"
    assert got["7B404"]["title"] == "Corporal"


def test_a_memo_saying_how_an_officer_should_appear_changes_his_title() -> None:
    memo = build.docx(
        paragraphs=[
            "MEMORANDUM",
            "RE: Assignments effective June 2",
            "Sergeant Hollis Vance (VT LEO 6V101) is promoted to the rank of Lieutenant.",
            "Officer Tamsin Orr (VT LEO 6R221) is assigned to the Investigations Bureau and "
            "should appear as \u201cDetective\u201d on tickets.",
        ]
    )
    body = (
        "Hello,\n\nPlease see the attached memo from the Chief. Kindly update the titles "
        "in TraCS.\n\nThank you,\nLt. Cora Hamm\nBrandon Police Department\n"
    )
    raw = mail(
        body,
        sender="Cora Hamm <chamm@brandonvt.test>",
        subject="Assignments memo",
        attachments=[("Memo.docx", memo, _DOCX)],
    )
    got = by_number(roster_changes(raw))
    assert got["6R221"]["action"] == "update"
    assert got["6R221"]["title"] == "Detective"
    assert got["6V101"]["title"] == "Lieutenant"
