"""Roster changes told in a writer's own words: a username corrected in a clause after
the wrong one ("...; the correct one is X") or "should now be" X, a title of several
words after "title", a rank the officer keeps ("She stays a Corporal"), a lead-in that
runs to its colon before two officers, a lower-case list line with what is asked after
its number, and a record asked to be created for an officer who has his login now."""

from __future__ import annotations

from mailbot.intake.model import ParseResult
from mailbot.intake.parse import parse_message
from tests.reading_mail import by_number, mail


def _parse(body: str, sender: str, subject: str) -> ParseResult:
    return parse_message(mail(body, sender=sender, subject=subject))


def _by_number(result: ParseResult) -> dict[str | None, dict[str, object]]:
    return by_number(result.changes)


def test_a_username_corrected_in_the_clause_after_the_wrong_one() -> None:
    result = _parse(
        "Hello,\n\n1. Deputy Aaron Delacroix (4T071) - his last name printed as "
        '"Delacrox". It should be\n   DELACROIX. His DPS username was also entered as '
        "adelacrox; the correct one is adelacroix.\n\n2. Sgt. Lena Orcutt (4T052) - her title "
        "should be Sergeant.\n\nThanks,\nLt. Mark Pell\n",
        "Mark Pell <mpell@tunbridgesheriff.test>",
        "Corrections",
    )
    assert _by_number(result)["4T071"]["dps_username"] == "adelacroix"


def test_a_username_that_should_now_be_another_said_of_her() -> None:
    result = _parse(
        "Hello,\n\nOfficer Dana Pruitt got married and has changed her last name to Hale "
        "(Dana Hale). Her officer number stays the same, 30412.\n\nAlso, our IT folks "
        "changed her network login, so her DPS username should now be dhale instead of "
        "dpruitt.\n\nThank you,\nAnn Roe\n",
        "Ann Roe <aroe@ludlowvt.test>",
        "Name change",
    )
    got = _by_number(result)["30412"]
    assert got["last_name"] == "Hale"
    assert got["dps_username"] == "dhale"


def test_a_transfer_with_a_title_of_several_words() -> None:
    result = _parse(
        "Hi,\n\n- Kim Varney (VT LEO # V3301) has transferred to us from Barre Police "
        "Department. Please re-associate her existing TraCS officer record to Green "
        "Mountain College Public Safety, title Campus Safety Officer. Her DPS username "
        "(kvarney) doesn't change.\n\nThanks,\nSean Orr\n",
        "Sean Orr <sorr@gmc.test>",
        "Roster changes",
    )
    assert _by_number(result)["V3301"]["title"] == "Campus Safety Officer"


def test_a_forwarded_officers_rank_she_keeps() -> None:
    result = _parse(
        "See below. Liz just came over to us from Fair Haven PD, can you move her record "
        "to Benson PD? She stays a Sergeant.\n\nThanks,\nChief Al Dunn\nBenson Police "
        "Department\n\n---------- Forwarded message ---------\nFrom: Liz Crane "
        "<lcrane.vt@gmail.test>\nDate: Mon, Apr 14, 2025 at 9:47 PM\nSubject: tracs\n"
        "To: Al Dunn <adunn@bensonvt.test>\n\n\nChief here's my info\nLEO 7LC31\n"
        "DPS user lcrane\n",
        "Al Dunn <adunn@bensonvt.test>",
        "Fwd: tracs",
    )
    got = _by_number(result)["7LC31"]
    assert got["action"] == "update"
    assert got["title"] == "Sergeant"


def test_a_lead_in_to_its_colon_is_each_officers() -> None:
    result = _parse(
        "Please deactivate the two officers below from TraCS for Milton PD: Ofc. Rory "
        "Baird (M4410) and Ofc. Tess Collier (M4421). The notice is below.\n\nLt. Kay\n",
        "Lt. Joan Kay <jkay@miltonvt.test>",
        "Separations",
    )
    got = _by_number(result)
    assert got["M4421"]["action"] == "deactivate"
    assert got["M4421"]["last_name"] == "Collier"


def test_a_lower_case_list_line_with_its_ask_after_the_number() -> None:
    result = _parse(
        "hey,\n\ncouple changes in tracs:\n\n- ned fogg (WL451) got promoted to sergeant\n"
        "- rosa vidal (WL458) username is wrong, it should be rvidal2 not rvidal. she "
        "couldnt log in\n\nthx\nmo\n",
        "Mo Plante <mplante@westlakevt.test>",
        "tracs updates",
    )
    got = _by_number(result)["WL458"]
    assert got["dps_username"] == "rvidal2"
    assert (str(got["last_name"]).lower(), str(got["first_name"]).lower()) == ("vidal", "rosa")


def test_a_record_asked_to_be_created_once_his_login_has_come() -> None:
    result = _parse(
        "Thanks! And Paul Roux has his DPS account now, username is proux. Can you go "
        "ahead and create his record? Same info as before, Officer, R3340.\n\nNina\n",
        "Nina Hale <nhale@enosburgvt.test>",
        "Re: TraCS Agency Record",
    )
    assert _by_number(result)["R3340"]["action"] == "add"


def test_a_new_officer_with_a_trainee_rank() -> None:
    result = _parse(
        "Good morning,\n\nWe have one new inspector starting 12/15 who needs a record:\n"
        'Walter "Walt" Pike, Inspector Trainee, 8D511, DPS username wpike\n\nThanks,\nAnn\n',
        "Ann Cole <ann.cole@vermont.test>",
        "TraCS officer updates",
    )
    got = _by_number(result)["8D511"]
    assert (got["last_name"], got["first_name"]) == ("Pike", "Walter")
    assert got["title"] == "Inspector Trainee"


def test_a_column_the_note_says_is_how_their_title_prints() -> None:
    sheet = (
        b"EMP_NO,LAST,FIRST,HR_POSITION,PRINT_TITLE,VT_LEO,DPS_USERNAME\n"
        b"5501,ROWE,ANNA,HOSPITAL SECURITY OFFICER,Officer,HK711,arowe\n"
        b"5502,LINDQUIST,OMAR,HOSPITAL SECURITY LEAD,Sergeant,HK702,olindquist\n"
    )
    raw = mail(
        "Good afternoon,\n\nPlease add the two officers in the attached file to our "
        "e-ticket roster. The PRINT_TITLE column is how their title should print; please "
        "ignore the other HR columns.\n\nBest,\nMia Stone\n",
        sender="Mia Stone <mstone@hospital.test>",
        subject="Add officers to TraCS",
        attachments=[("hires.csv", sheet, "text/csv")],
    )
    got = by_number(parse_message(raw).changes)
    assert got["HK711"]["title"] == "Officer"
    assert got["HK702"]["title"] == "Sergeant"


def test_a_forwarded_letter_gives_the_number_the_note_points_at() -> None:
    result = _parse(
        "Good morning,\n\nOfficer Noah Birch lateraled to us from Orange County Sheriff's. "
        "His welcome letter from our HR is below, it has his LEO number. Please move his "
        "TraCS record over to Randolph Police Department, title should now be Officer.\n\n"
        "Thanks,\nJo\n\nFrom: Human Resources <hr@randolph.test>\nSent: Tuesday, March 25, "
        "2025 8:15 AM\nTo: Noah Birch <nbirch@randolphpd.test>\nSubject: Welcome\n\nDear "
        "Noah,\n\nWelcome to the Town of Randolph!\n\nFor your records: Employee ID 55123, "
        "VT LEO number 14G02, DPS username nbirch.\n\nHuman Resources\n",
        "Jo Platt <jplatt@randolphpd.test>",
        "FW: Welcome to the Town of Randolph",
    )
    got = _by_number(result)["14G02"]
    assert (got["action"], got["last_name"]) == ("update", "Birch")


def test_a_constable_elected_to_a_new_rank_writes_of_his_own_record() -> None:
    result = _parse(
        "Hi,\nTown meeting results. I was elected First Constable (was Second Constable "
        "before) so my title on tickets should change. My number is still K7712.\n\n"
        "Abe Nolan\nTown Constable\n",
        "Abe Nolan <abe.nolan.constable@gmail.test>",
        "constables",
    )
    got = _by_number(result)["K7712"]
    assert (got["action"], got["title"]) == ("update", "First Constable")
    assert (got["first_name"], got["last_name"]) == ("Abe", "Nolan")


def test_an_officer_number_typed_wrong_then_said_as_it_is() -> None:
    result = _parse(
        "Hi there,\n\nLast week I sent a request for Officer Tara Wills and I typed her "
        "LEO number as 5521C. It is actually 5512C - I swapped the digits, sorry. "
        "Everything else I sent was correct.\n\nThanks,\nHolly\n",
        "Holly Reed <hreed@stowe.test>",
        "Correction",
    )
    got = _by_number(result)
    assert got["5512C"]["action"] == "update"
    assert got["5512C"]["last_name"] == "Wills"
    assert "5521C" not in got


def test_an_officer_appointed_to_a_rank_before_his_number() -> None:
    result = _parse(
        "Hello,\n\nPlease update our records:\n\n1. HIRE - Dale Corliss is appointed Patrol "
        "Officer effective 11/18/2024. VT LEO # 07112. DPS network username: dcorliss.\n\n"
        "2. SEPARATION - Officer Gus Fenn (VT LEO # 07054) separated effective 11/15/2024.\n\n"
        "Chief Mara Lowe\n",
        "Mara Lowe <mlowe@barretown.test>",
        "Personnel order",
    )
    got = _by_number(result)["07112"]
    assert (got["action"], got["last_name"], got["first_name"]) == ("add", "Corliss", "Dale")


def test_a_reply_corrects_the_login_of_the_one_officer_the_desk_set_up() -> None:
    result = _parse(
        "Thank you! One correction though - his username should be tmarchand (with a d). "
        "That was our typo, sorry about that.\n\nLisa Ode\nLamoille County Sheriff's "
        "Department\n\n________________________________\nFrom: DPS - eTicket "
        "<dps.eTicket@vermont.gov>\nSent: Tuesday, May 13, 2025 2:18 PM\nTo: Lisa Ode "
        "<lode@lamoillesheriff.test>\nSubject: RE: New deputy - TraCS\n\nGood afternoon "
        "Lisa,\n\nThe following officer record has been created in TraCS:\n\nDeputy Tom "
        "Marchand   LEO 5D3X1   username: tmarchan\n\nRegards,\nDPS e-Ticket Technical "
        "Staff\n",
        "Lisa Ode <lode@lamoillesheriff.test>",
        "RE: New deputy - TraCS",
    )
    got = _by_number(result)["5D3X1"]
    assert (got["action"], got["dps_username"]) == ("update", "tmarchand")


def test_a_rank_taken_by_no_full_name_before_the_number_names_no_one() -> None:
    result = _parse(
        "Hello,\n\nTwo changes. The selectboard appointed Rita Sousa (DB7A2) as First "
        "Constable last night. So Rita is First Constable and I am Second Constable "
        "(DB5P1).\n\nThanks,\nHal\n",
        "Hal Perk <hperk@aol.test>",
        "constables changes",
    )
    assert _by_number(result).get("DB5P1", {}).get("last_name") != "Rita"


def test_the_title_a_writer_states_for_his_own_row_over_the_one_he_introduces() -> None:
    raw = mail(
        "Hi there,\n\nMy name is Walt Hebert, I'm the elected First Constable for the Town "
        "of Elmore. Selectboard voted last month to let us do the e-ticket thing. We bought "
        "the printer and the laptop has TraCS on it now.\n\nI will be the contact person "
        "and right now Im the only one who would be writing tickets. My LEO number is 15K31 "
        "and my DPS login is whebert. Title on the ticket should just be Constable.\n\n"
        "Should show up as Elmore Town Constable on the ticket. Mailing address is the town "
        "office, 5 Main St, Elmore VT 05657. Phone 802-888-2637 (town office).\n\nI don't "
        "know what our judiciary code is, who would I ask? Also the town clerk has the town "
        "seal we want to use for the logo, I'll send it.\n\nThanks\nWalt\n\nSent from my "
        "iPhone\n",
        sender="Walt Hebert <walt.hebert.constable@gmail.test>",
        subject="eticket for Elmore constable",
    )
    officers = parse_message(raw).officers
    assert [(o.last_name, o.title) for o in officers] == [("Hebert", "Constable")]


def test_a_first_name_corrected_to_the_legal_name_it_is_short_for() -> None:
    result = _parse(
        "Morning,\n\nA few things:\n\n   - NEW: Deputy Sheriff Ana Pike, LEO 15602, username "
        'apike\n   - FIX: Rob Tessier (15570) - tickets print "Rob", his legal name is '
        "Robert. Please correct.\n\nThanks,\nLeo\n",
        "Leo Gray <lgray@addisonsheriff.test>",
        "ACSO roster updates",
    )
    got = _by_number(result)["15570"]
    assert (got["action"], got["first_name"]) == ("update", "Robert")
