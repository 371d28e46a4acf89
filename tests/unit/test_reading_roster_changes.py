"""Roster changes as chiefs write them: names with an apostrophe, a hyphen, a "St." or a
letter beyond ASCII read whole; adds marked as such; the username and title written
beside a deactivated officer kept with him."""

from __future__ import annotations

from email.message import EmailMessage

from mailbot.intake.model import Change
from mailbot.intake.parse import parse_message
from tests.reading_mail import by_number, mail, roster_changes


def _changes(body: str, subject: str = "Roster changes") -> list[Change]:
    sender = "Lt. Ines Varga <ivarga@dorsetvt.test>"
    return roster_changes(mail(body, sender=sender, subject=subject))


_by_number = by_number


def test_names_with_apostrophe_hyphen_st_and_accents_read_whole() -> None:
    got = _by_number(
        _changes(
            "Hello,\n\nFour changes for Dorset PD:\n\n"
            "- Officer Kieran D'Arcy (DO3K1) resigned, please deactivate.\n"
            "- Sergeant Paula Lindqvist-Ortega (DO4P2) was promoted to Lieutenant.\n"
            "- Officer Rémi Gauthier (DO5R3) retired last week, please deactivate.\n"
            "- Officer Colette St. Onge (DO6C4) was promoted to Corporal.\n\n"
            "Thanks,\nInes Varga\n"
        )
    )
    assert got["DO3K1"]["last_name"] == "D'Arcy"
    assert got["DO4P2"]["last_name"] == "Lindqvist-Ortega"
    assert got["DO5R3"]["first_name"] == "Rémi"
    assert got["DO6C4"]["last_name"] == "St. Onge"


def test_an_item_labelled_add_is_an_add_with_its_title() -> None:
    got = _by_number(
        _changes(
            "Good afternoon,\n\nPlease make the following changes to our officer records:\n\n"
            "1. ADD - Officer Noor Haddon, Officer # DO7N1, DPS username nhaddon. She "
            "finished training Tuesday.\n"
            "2. NEW HIRE: Sergeant Emil Brandt, DO8E2, DPS username ebrandt\n"
            "3. REMOVE - Officer Gus Tellier (DO2G9) resigned.\n\n"
            "Thank you,\nInes Varga\n"
        )
    )
    assert got["DO7N1"] == {
        "action": "add",
        "officer_number": "DO7N1",
        "last_name": "Haddon",
        "first_name": "Noor",
        "title": "Officer",
        "dps_username": "nhaddon",
    }
    assert got["DO8E2"]["action"] == "add"
    assert got["DO8E2"]["title"] == "Sergeant"
    assert got["DO2G9"]["action"] == "deactivate"


def test_labels_over_lists_give_each_officer_its_action() -> None:
    changes = _changes(
        "Hi,\n\nPlease make these changes to our TraCS records:\n\n"
        "ADD:\n"
        "- Officer Hana Lisowski, officer # DO1H5, DPS username hlisowski\n"
        "- Officer Bo Sandberg, officer # DO9B3, DPS username bsandberg\n\n"
        "DEACTIVATE:\n"
        "- Officer Carl Mott (DO4C8) - resigned 5/2\n\n"
        "Thanks,\nInes\n"
    )
    assert [(c.action, c.officer_number) for c in changes] == [
        ("add", "DO1H5"),
        ("add", "DO9B3"),
        ("deactivate", "DO4C8"),
    ]


def test_a_deactivation_keeps_the_title_and_username_written_beside_it() -> None:
    got = _by_number(
        _changes(
            "Hello,\n\nSergeant Lyle Fenwick (DO3L6, username lfenwick) retired on Friday. "
            "Please deactivate his record.\n\nThanks,\nInes Varga\n"
        )
    )
    assert got["DO3L6"]["title"] == "Sergeant"
    assert got["DO3L6"]["dps_username"] == "lfenwick"


def test_the_username_in_the_sentence_after_the_named_officer() -> None:
    """A nickname in quotes after the first name is left out of the first name."""
    got = _by_number(
        _changes(
            'Hello,\n\nSadly, Deputy Harold "Hal" Benning passed away on Sunday.\n\n'
            "Please deactivate his TraCS record (officer # DO6H2, username hbenning).\n\n"
            "Respectfully,\nInes Varga\n"
        )
    )
    assert got["DO6H2"]["first_name"] == "Harold"
    assert got["DO6H2"]["last_name"] == "Benning"
    assert got["DO6H2"]["dps_username"] == "hbenning"


def test_an_attached_csv_with_an_action_column_gives_each_row_its_action() -> None:
    msg = EmailMessage()
    msg["From"] = "Lt. Ines Varga <ivarga@dorsetvt.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "April roster changes (file attached)"
    msg.set_content(
        "Hello,\n\nAttached is this month's roster change file: one hire, one promotion "
        "and one retirement.\n\nThanks,\nInes Varga\n"
    )
    msg.add_attachment(
        b"Action,Last Name,First Name,Rank,LEO Number,DPS Username\n"
        b"ADD,Okafor,Tobi,Officer,DO2T8,tokafor\n"
        b"UPDATE,Lindgren,Mara,Sergeant,DO5M1,mlindgren\n"
        b"REMOVE,Pratt,Owen,Officer,DO3O7,opratt\n",
        maintype="text",
        subtype="csv",
        filename="dorset_changes.csv",
    )
    result = parse_message(msg.as_bytes())
    assert result.intent == "officer_maintenance"
    got = {c.officer_number: c.model_dump(exclude_none=True) for c in result.changes}
    assert [(c.action, c.officer_number) for c in result.changes] == [
        ("add", "DO2T8"),
        ("update", "DO5M1"),
        ("deactivate", "DO3O7"),
    ]
    assert got["DO5M1"]["title"] == "Sergeant"
    assert got["DO3O7"]["dps_username"] == "opratt"


def test_a_username_cut_short_and_corrected_is_an_update_of_it() -> None:
    changes = _changes(
        "Hello,\n\nOn the roster we sent in May, the DPS username for Officer Petra "
        'Vandermolen (DO8P4) was listed as "pvandermolen". That is not right - the state '
        'account cut it at ten letters, so her actual DPS domain username is "pvandermol".'
        "\n\nCould you correct her record?\n\nThanks,\nInes Varga\n"
    )
    assert [c.model_dump(exclude_none=True) for c in changes] == [
        {
            "action": "update",
            "officer_number": "DO8P4",
            "last_name": "Vandermolen",
            "first_name": "Petra",
            "title": "Officer",
            "dps_username": "pvandermol",
        }
    ]


def test_a_question_that_says_it_asks_no_change_yet_is_other() -> None:
    msg = EmailMessage()
    msg["From"] = "Chief Ada Quill <aquill@dorsetvt.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "Question about part-time officers"
    msg.set_content(
        "Good morning,\n\nWe are not asking for any changes yet. Sgt. Omar Lind (DO9O2) "
        "goes to part-time in June. Does his TraCS record need anything, or does part-time "
        "status not matter?\n\nThanks,\nAda Quill\nChief of Police\n"
    )
    result = parse_message(msg.as_bytes())
    assert result.intent == "other"
    assert result.changes == []


def test_a_first_group_of_officers_in_spaced_columns_are_adds() -> None:
    changes = _changes(
        "Hi,\n\nAs our chief wrote last week, here is our first group of officers for "
        "TraCS. All have finished training.\n\n"
        "Cpl Wade Ostrom  DO1W4  wostrom\n"
        "Ofc Lena Marchand  GF7L2  lmarchand  (came over from Georgia PD with her number)\n"
        "Ofc Ravi Sethi  DO2R8  rsethi\n\n"
        "Thanks\nLt. Ines Varga\n"
    )
    got = _by_number(changes)
    assert [(c.action, c.officer_number) for c in changes] == [
        ("add", "DO1W4"),
        ("add", "GF7L2"),
        ("add", "DO2R8"),
    ]
    assert got["GF7L2"]["dps_username"] == "lmarchand"
    assert got["DO1W4"]["title"] == "Corporal"


def test_a_new_officer_s_title_as_written_after_the_word_title() -> None:
    got = _by_number(
        _changes(
            "Couple of changes:\n\n"
            "- Sgt. Mona Fitch (DO4M7) retired on Friday - please deactivate.\n"
            "- New deputy: Basil Crane, DO6B1, DPS username bcrane, title Deputy Sheriff.\n\n"
            "Ines\n"
        )
    )
    assert got["DO6B1"]["action"] == "add"
    assert got["DO6B1"]["title"] == "Deputy Sheriff"


def test_a_terse_lower_case_deactivation_names_rank_and_last_name() -> None:
    got = _by_number(_changes("pls deactivate sgt ludwig DO5L3, retired today. thx\nVarga\n"))
    assert got["DO5L3"] == {
        "action": "deactivate",
        "officer_number": "DO5L3",
        "last_name": "Ludwig",
        "title": "Sergeant",
    }


def test_a_correction_table_updates_each_row_with_its_should_be_value() -> None:
    changes = _changes(
        "Good morning,\n\nA few of our officers were entered wrong. Could you please "
        "correct these?\n\n"
        "Officer\tBadge #\tField\tCurrently\tCorrect value\n"
        "Sgt. Ivo Brandl\tDO1I1\tBadge number\tDO1I1\tDO1I7\n"
        "Ofc. Maeve Corrigan\tDO2M3\tRank\tOfficer\tCorporal\n"
        "Ofc. Tariq Nasser\tDO3T5\tDPS username\ttnass\ttnasser\n\n"
        "Thanks,\nInes Varga\n",
        subject="Corrections to our officer records",
    )
    got = _by_number(changes)
    assert [(c.action, c.officer_number) for c in changes] == [
        ("update", "DO1I7"),
        ("update", "DO2M3"),
        ("update", "DO3T5"),
    ]
    assert got["DO1I7"]["last_name"] == "Brandl"
    assert got["DO2M3"]["title"] == "Corporal"
    assert got["DO3T5"]["dps_username"] == "tnasser"


def test_an_officer_number_corrected_in_the_next_sentence_is_the_record_s_new_number() -> None:
    changes = _changes(
        "Hello,\n\nCorporal Yusuf Demir's officer number was keyed in TraCS as DO4Y8. The "
        "correct number is DO4Y3. His tickets are being rejected. Could you please fix his "
        "record?\n\nThis is not Officer Aylin Demir (DO6A2) - her record is fine.\n\n"
        "Thanks,\nInes Varga\n"
    )
    assert [c.model_dump(exclude_none=True) for c in changes] == [
        {
            "action": "update",
            "officer_number": "DO4Y3",
            "last_name": "Demir",
            "first_name": "Yusuf",
            "title": "Corporal",
        }
    ]


def test_a_bare_username_beside_the_number_in_brackets_goes_with_the_deactivation() -> None:
    got = _by_number(
        _changes(
            "Morning - one change:\n\nDeputy Owen McCrae (DO7O5, omccrae) resigned, last "
            "day was Friday, please deactivate.\n\nThanks\nInes\n"
        )
    )
    assert got["DO7O5"]["dps_username"] == "omccrae"
    assert got["DO7O5"]["last_name"] == "McCrae"


def test_one_officer_a_line_without_bullets_adds_each() -> None:
    """Two new officers written one a line under "please add them:", no bullets: both
    are added, each with his own number and username."""
    got = _by_number(
        _changes(
            "Hi - we swore in two officers, please add them to TraCS:\n\n"
            "Sgt. Teodor Halvorsen, DO2T8, username thalvorsen\n"
            "Officer Mirela Dunne, DO9M4, username mdunne\n\nInes\n"
        )
    )
    assert set(got) == {"DO2T8", "DO9M4"}
    assert got["DO9M4"] == {
        "action": "add",
        "officer_number": "DO9M4",
        "last_name": "Dunne",
        "first_name": "Mirela",
        "title": "Officer",
        "dps_username": "mdunne",
    }
    assert got["DO2T8"]["dps_username"] == "thalvorsen"


def test_lateral_hires_from_another_agency_are_named_not_their_old_agency() -> None:
    """ "Noor Akhtar - coming to us from Pownal PD. Officer number ...": the officer is
    Noor Akhtar (not "Pownal" or "Pownal PD"), and the rank she "will be" with us is her
    title, not the one she had there."""
    got = _by_number(
        _changes(
            "Morning,\n\nTwo lateral hires start today, both with numbers and accounts from"
            " their old departments, so please add them to our agency:\n\n"
            "1. Noor Akhtar - coming to us from Pownal PD. Officer number PW3N7, username"
            " nakhtar. Title: Officer.\n"
            "2. Gideon Ames - coming from Essex Police, where he was a Sergeant. He will be"
            " an Officer with us. Officer number EX5G2, username games.\n\nThanks,\nInes\n"
        )
    )
    assert (got["PW3N7"]["first_name"], got["PW3N7"]["last_name"]) == ("Noor", "Akhtar")
    assert (got["EX5G2"]["first_name"], got["EX5G2"]["last_name"]) == ("Gideon", "Ames")
    assert got["EX5G2"]["title"] == "Officer"
    assert got["EX5G2"]["action"] == "add"


def test_username_said_by_first_name_above_a_forward_goes_to_that_add() -> None:
    """ "Mara's DPS username is mokonkwo" in the note above a forwarded request that
    swears her in: her add carries that username (the other change does not)."""
    got = _by_number(
        _changes(
            "Hi, see below from the chief. Mara's DPS username is mokonkwo. Thanks!\n\n"
            "Ines Varga\n\n---------- Forwarded message ---------\n"
            "From: Chief Otto Brandvold <obrandvold@dorsetvt.test>\n"
            "Date: Mon, Mar 2, 2026 at 9:14 AM\nSubject: roster\n"
            "To: Ines Varga <ivarga@dorsetvt.test>\n\n"
            "Ines,\n\nOfficer Luc Ferrand (DO3L5) resigned today. We also swore in Mara"
            " Okonkwo this morning as a deputy, her LEO number is DO8M2. Please have DPS"
            " update TraCS.\n\nOtto\n"
        )
    )
    assert got["DO8M2"]["action"] == "add"
    assert got["DO8M2"]["dps_username"] == "mokonkwo"
    assert "dps_username" not in got["DO3L5"]


def test_table_with_a_new_rank_column_gives_promotions_beside_an_add_table() -> None:
    """ "Promotions:" over "Name | LEO # | Current Rank | New Rank", then "New officer to
    add:" over a roster table: the first table's rows are updates to the new rank, only
    the second's are adds."""
    got = _by_number(
        _changes(
            "Hello,\n\nA few changes for Dorset PD.\n\nPromotions effective June 1:\n"
            "Name\tLEO #\tCurrent Rank\tNew Rank\n"
            "Tessa Worley\tDO1T4\tCorporal\tSergeant\n"
            "Amos Pike\tDO2A6\tOfficer\tCorporal\n\n"
            "New officer to add:\nLast\tFirst\tRank\tLEO #\tLogin\n"
            "Quill\tHarriet\tOfficer\tDO3H8\thquill\n\nThanks,\nInes\n"
        )
    )
    assert got["DO1T4"] == {
        "action": "update",
        "officer_number": "DO1T4",
        "last_name": "Worley",
        "first_name": "Tessa",
        "title": "Sergeant",
    }
    assert (got["DO2A6"]["action"], got["DO2A6"]["title"]) == ("update", "Corporal")
    assert got["DO3H8"]["action"] == "add"
    assert got["DO3H8"]["dps_username"] == "hquill"


def test_writers_own_name_change_and_a_username_said_later_by_first_name() -> None:
    """ "My last name is now Varga (was Horvath) ... my DPS username is staying ihorvath":
    the writer's own record gets her new last name and her first name from the From
    header, and no username ("staying" is none); "Luc's DPS username came through:
    lmercier" gives the promoted officer's update its username."""
    got = _by_number(
        _changes(
            "Hi,\n\nTwo updates:\n\n"
            "1) I got married, so my last name is now Varga (was Horvath). Officer # DO4I7 -"
            " please update my officer record. My DPS username is staying ihorvath for now.\n"
            "2) Luc Mercier (DO5L2) was promoted to Sergeant. Please change his title.\n"
            "3) Also, Luc's DPS username finally came through: lmercier\n\nInes\n"
        )
    )
    assert got["DO4I7"] == {
        "action": "update",
        "officer_number": "DO4I7",
        "last_name": "Varga",
        "first_name": "Ines",
    }
    assert got["DO5L2"]["title"] == "Sergeant"
    assert got["DO5L2"]["dps_username"] == "lmercier"


def test_change_table_details_give_a_new_hyphenated_name_and_adds_usernames() -> None:
    """A change table whose details cell says "Now Rosalind Pike-Morrow (married)" and
    "DPS username ..." for each add: the update gets the whole new last name, each add
    its username."""
    got = _by_number(
        _changes(
            "Hi,\n\nUpdates for Dorset PD:\n\nChange\tOfficer\tLEO #\tDetails\n"
            "Name change\tSgt. Rosalind Pike\tDO6R1\tNow Rosalind Pike-Morrow (married 2/2)."
            " New DPS username: rpikemorrow\n"
            "Add\tOfficer Tobias Grell\tDO7T3\tDPS username tgrell\n"
            "Add\tOfficer Wen Ashby\tDO8W5\tDPS username washby\n\nThanks,\nInes\n"
        )
    )
    assert got["DO6R1"]["last_name"] == "Pike-Morrow"
    assert got["DO6R1"]["dps_username"] == "rpikemorrow"
    assert got["DO7T3"]["dps_username"] == "tgrell"
    assert got["DO8W5"]["dps_username"] == "washby"


def test_forwarded_farewell_notice_adds_no_second_deactivation() -> None:
    """ "Please deactivate Tom Brandt (DO9T2)" above a forwarded HR notice congratulating
    Officer Thomas "Tom" Brandt on his retirement: one deactivation, under his full first
    name, not a second one without a number."""
    changes = _changes(
        "Sending this directly. Please deactivate Tom Brandt (DO9T2) in TraCS - he retired"
        " 4/2.\n\n---------- Forwarded message ---------\nFrom: HR <hr@dorsetvt.test>\n"
        "Date: Thu, Apr 2, 2026 at 8:00 AM\nSubject: Retirement\nTo: All Staff"
        " <all@dorsetvt.test>\n\nGood morning all,\n\nPlease join us in congratulating"
        " Officer Thomas \u201cTom\u201d Brandt on his retirement after 30 years of service."
        " Cake in the break room at 2.\n\nHuman Resources\n"
    )
    assert [(c.action, c.officer_number) for c in changes] == [("deactivate", "DO9T2")]
    assert changes[0].model_dump(exclude_none=True)["first_name"] == "Thomas"


def test_a_deactivation_by_first_name_over_a_forwarded_notice_takes_its_full_name() -> None:
    """ "Please deactivate Paula in TraCS ... Her # is WR012." above a forwarded notice of
    Lt. Paula Brandt's retirement: one deactivation, her number with the notice's names,
    not a second one without a number."""
    changes = _changes(
        "Please deactivate Paula in TraCS as of 5/15. Her # is WR012.\n\nDee\n\n"
        "-------- Original message --------\nFrom: Town of Westford HR <hr@westfordvt.test>\n"
        "Date: 5/1/26 9:00 AM (GMT-05:00)\nTo: All Staff <all@westfordvt.test>\n"
        "Subject: Retirement\n\nPlease join us in congratulating Lt. Paula Brandt on her"
        " retirement after 22 years with the Westford Police Department. Paula's last day"
        " is May 15.\n\nWestford Human Resources\n",
        subject="Fwd: Retirement - Lt. Paula Brandt",
    )
    assert [c.model_dump(exclude_none=True) for c in changes] == [
        {
            "action": "deactivate",
            "officer_number": "WR012",
            "last_name": "Brandt",
            "first_name": "Paula",
            "title": "Lieutenant",
        }
    ]


def test_a_promotion_written_as_name_then_now_and_the_rank_is_an_update() -> None:
    changes = _changes(
        "Good afternoon,\n\n"
        "Please add our new hire: Officer Wren Takacs - LEO# 62D17 - DPS username wtakacs\n\n"
        "Separately, I asked back in January for a rank change for Odette Marchand and her"
        " tickets still print the old one. If that request got lost, consider this it -"
        " Marchand, Odette, now Lieutenant.\n\nThanks,\nInes\n",
        subject="New hire and a rank change",
    )
    got = [c.model_dump(exclude_none=True) for c in changes]
    assert {"action": "update", "last_name": "Marchand", "first_name": "Odette"}.items() <= (
        next(c for c in got if c.get("last_name") == "Marchand").items()
    )
    assert next(c for c in got if c.get("last_name") == "Marchand")["title"] == "Lieutenant"


def test_old_rank_to_new_rank_after_the_number_is_the_new_title() -> None:
    got = _by_number(
        _changes(
            "Hi Kim,\n\nThe Chief asked me to send along two promotions:\n\n"
            "Dmitri Haas (D3301) - Sergeant to Lieutenant\n"
            "Wren Albee (D3317) - Officer to Corporal\n\n"
            "Could you update their titles?\n\nThanks,\nInes\n"
        )
    )
    assert got["D3301"]["title"] == "Lieutenant"
    assert got["D3317"]["title"] == "Corporal"
    assert got["D3317"]["last_name"] == "Albee"


def test_a_nickname_in_brackets_before_a_space_aligned_title_column() -> None:
    got = _by_number(
        _changes(
            "Hi,\n\nTwo new officers need TraCS records under Dorset PD:\n\n"
            "Quimby, Anselm (Sam)   Officer   DO7A1   anselm.quimby\n"
            "Farrow, Lena   Corporal   DO7L2   lena.farrow\n\nThanks,\nInes\n"
        )
    )
    assert got["DO7A1"]["first_name"] == "Anselm"
    assert got["DO7A1"]["title"] == "Officer"
    assert got["DO7A1"]["action"] == "add"


def test_a_lower_case_departure_names_the_officer_whose_number_follows() -> None:
    got = _by_number(
        _changes(
            "hey\nmarla voss quit last week to go work for the state so pls take her off "
            "the e tickets. her number is DO8M5 if you need it\nines\n"
        )
    )
    assert got["DO8M5"]["action"] == "deactivate"
    assert got["DO8M5"]["last_name"] == "Voss"
    assert got["DO8M5"]["first_name"] == "Marla"


def test_a_name_in_capitals_after_a_sentence_ending_in_a_short_word() -> None:
    got = _by_number(
        _changes(
            "GOOD MORNING\n\nPLEASE ADD OUR NEW RESERVE OFFICER TO TRACS FOR DORSET PD. "
            "MILO HART, OFFICER, NUMBER DO9M1, USERNAME MHART. HE STARTS MONDAY.\n\n"
            "THANK YOU\nINES VARGA\n"
        )
    )
    assert got["DO9M1"]["first_name"].lower() == "milo"
    assert got["DO9M1"]["last_name"].lower() == "hart"


def test_a_title_of_two_modifiers_and_a_rank_is_read_whole() -> None:
    got = _by_number(
        _changes(
            "Hi,\n\nTwo updates:\n\n"
            "- Officer Lise Amory (DO7L1): title should now read Master Police Officer.\n"
            "- Ofc. Bram Tully (DO8B2) was promoted to Senior Patrol Officer last week.\n\n"
            "Thanks,\nInes\n"
        )
    )
    assert got["DO7L1"]["title"] == "Master Police Officer"
    assert got["DO8B2"]["title"] == "Senior Patrol Officer"
