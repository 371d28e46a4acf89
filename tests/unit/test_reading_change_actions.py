"""The action of a roster change, from the words that state it in prose, in a list or in
a change form's action cell alike: a suspension switches a record off, an officer who
joins from another agency or moves to one keeps his record (an update carrying the agency
it moves to), a new hire is added, a demotion is an update; the one for whom the mail is
sent is no change."""

from __future__ import annotations

from tests.data import build
from tests.reading_mail import by_number, mail, roster_changes

_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_SENDER = "Lt. Nadia Ferreira <nferreira@quechee-pd.test>"
_SIGNATURE = "\n\nLt. Nadia Ferreira\nQuechee Police Department\n14 Mill Road, Quechee, VT 05059\n"


def _changes(
    body: str, subject: str = "TraCS", attachments: tuple[tuple[str, bytes, str], ...] = ()
) -> dict[str | None, dict[str, object]]:
    raw = mail(body + _SIGNATURE, sender=_SENDER, subject=subject, attachments=attachments)
    return by_number(roster_changes(raw))


def test_an_officer_suspended_pending_a_reinstatement_is_switched_off() -> None:
    got = _changes(
        "Hello,\n\nAs of this morning Officer Bram Oduya (LEO# Q7731, DPS username "
        "boduya) is suspended without pay while the matter is reviewed.\n\nPlease disable "
        "his TraCS access now. Keep his record though - we may ask you to reinstate him "
        "later.\n\nThank you,",
        subject="Disable access - Ofc. Oduya",
    )
    assert set(got) == {"Q7731"}
    assert got["Q7731"]["action"] == "deactivate"
    assert got["Q7731"]["last_name"] == "Oduya"


def test_an_officer_who_left_another_agency_and_joined_us_keeps_his_record() -> None:
    got = _changes(
        "Hi,\n\nPriya Castellanos has left Norwich PD and joined us as an officer as of "
        "6/2.\n\nHer LEO number is unchanged (Q5520). Could you move her TraCS officer "
        "record from Norwich Police Department over to Quechee Police Department?\n\nThanks,",
        subject="Officer transfer - Castellanos",
    )
    assert set(got) == {"Q5520"}
    assert got["Q5520"]["action"] == "update"
    assert got["Q5520"]["agency"] == "Quechee Police Department"


def test_a_terse_note_asking_for_a_new_one_added_adds_the_officer() -> None:
    got = _changes(
        "Need a new one added - Ofc Tam Lindqvist Q6610, username tlindqvist. Legal first "
        "name is Tamsin.\n\nThx"
    )
    assert set(got) == {"Q6610"}
    assert got["Q6610"]["action"] == "add"
    assert got["Q6610"]["dps_username"] == "tlindqvist"


def test_a_forwarded_order_demoting_and_promoting_updates_both_titles() -> None:
    got = _changes(
        "Good morning,\n\nPlease update the TraCS titles for the two officers in the order "
        "below. Arlo Penney's LEO # is Q4402 and Wren Holloway's is Q4415.\n\n"
        "From: Chief Saul Brandt\nSubject: Personnel Order 9\n\n"
        "PERSONNEL ORDER 9\n\n"
        "1. Sergeant Arlo Penney is reassigned to the rank of Patrol Officer.\n"
        "2. Corporal Wren Holloway is promoted to the rank of Sergeant.\n",
        subject="FW: Personnel Order 9",
    )
    assert set(got) == {"Q4402", "Q4415"}
    assert got["Q4402"]["action"] == "update"
    assert got["Q4402"]["title"] == "Patrol Officer"
    assert got["Q4415"]["action"] == "update"
    assert got["Q4415"]["title"] == "Sergeant"


def test_the_chief_for_whom_a_change_table_is_sent_is_no_change() -> None:
    got = _changes(
        "Good afternoon,\n\nChief Odile Marchetti asked me to send the following roster "
        "changes for the Quechee Police Department.\n\n"
        "Action\tName\tLEO #\tTitle\tNotes\n"
        "Deactivate\tGus Whitlock\tQ3301\tOfficer\tRetired 5/1\n"
        "Add\tIngrid Salo\tQ3390\tOfficer\tStarts 5/20\n"
    )
    assert set(got) == {"Q3301", "Q3390"}
    assert got["Q3301"]["action"] == "deactivate"
    assert got["Q3390"]["action"] == "add"


def test_a_word_change_form_gives_each_row_the_action_its_type_cell_names() -> None:
    form = build.docx(
        paragraphs=["Quechee Police Department", "TraCS Officer Record Change Request"],
        rows=[
            ["Type of Change", "Last Name", "First Name", "Rank", "LEO Number", "Username"],
            ["New Officer", "Salo", "Ingrid", "Officer", "Q3390", "isalo"],
            ["Title change", "Brandt", "Ezra", "Sergeant", "Q3312", ""],
            ["Separation", "Whitlock", "Gus", "Officer", "Q3301", "gwhitlock"],
        ],
    )
    got = _changes(
        "Good morning,\n\nAttached is our signed change form for three officers.\n\nThanks,",
        subject="TraCS change form",
        attachments=(("Change Form.docx", form, _DOCX),),
    )
    assert {n: c["action"] for n, c in got.items()} == {
        "Q3390": "add",
        "Q3312": "update",
        "Q3301": "deactivate",
    }
    assert got["Q3312"]["title"] == "Sergeant"


def test_a_transfer_row_that_names_where_the_record_goes_moves_it_there() -> None:
    sheet = build.xlsx(
        [
            ["Action", "VT LEO #", "Last", "First", "Rank", "Comments"],
            ["ADD", "Q2201", "Vance", "Orla", "Officer", "Academy graduate"],
            [
                "TRANSFER",
                "Q2150",
                "Kettering",
                "Joel",
                "Officer",
                "Transferring to Hartland Police Department - please move his record",
            ],
            ["TRANSFER", "Q2166", "Amsel", "Rhea", "Officer", "Last day 7/31"],
        ],
        sheet="Changes",
    )
    got = _changes(
        "Hello,\n\nAttached are this month's officer record changes.\n\nThanks,",
        subject="TraCS changes - July",
        attachments=(("changes.xlsx", sheet, _XLSX),),
    )
    assert got["Q2201"]["action"] == "add"
    assert got["Q2150"]["action"] == "update"
    assert got["Q2150"]["agency"] == "Hartland Police Department"
    assert got["Q2166"]["action"] == "deactivate"


def test_a_status_cell_written_as_a_sentence_is_read_as_prose_is() -> None:
    got = _changes(
        "Hello,\n\nHere is our roster as of today; the last column says what changed.\n\n"
        "LEO #\tLast Name\tFirst Name\tTitle\tStatus\n"
        "Q1101\tHalloran\tPia\tSergeant\tActive\n"
        "Q1107\tDrummond\tAbel\tOfficer\tPlaced on administrative leave\n"
        "Q1112\tYoshida\tKei\tOfficer\tActive\n"
    )
    assert set(got) == {"Q1107"}
    assert got["Q1107"]["action"] == "deactivate"
