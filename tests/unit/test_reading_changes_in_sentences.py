"""Roster changes written in sentences: a title to "read" a new rank, a constable's own
note typed in lower case with his number in lower case, and a town's newly elected
constable beside the one he replaces."""

from __future__ import annotations

from tests.reading_mail import by_number, mail, roster_changes


def test_a_title_asked_to_read_a_new_rank_is_an_update() -> None:
    body = (
        "Good afternoon,\n\n"
        "Deputy Marcus Ellery (LEO 7R404) joined our Investigations Unit this "
        'week. Could you have his title in the system read "Investigator" from now on?\n\n'
        "Everything else stays as it is.\n\n"
        "Thanks,\nCapt. Noreen Haskell\nGrafton County Sheriff's Office\n"
    )
    raw = mail(body, sender="nhaskell@graftonsheriff.example", subject="Ellery")
    assert by_number(roster_changes(raw)) == {
        "7R404": {
            "action": "update",
            "officer_number": "7R404",
            "last_name": "Ellery",
            "first_name": "Marcus",
            "title": "Investigator",
        }
    }


def test_a_lower_case_note_of_the_writers_own_record() -> None:
    body = (
        "hey its Dale Pettibone, constable up in wheelock. could you change my title "
        "on the tickets to first constable, they voted me in. my number is 4k118 and "
        "my login is dpettibone.\n\n"
        "also my last name has two t's, you had it as Petibone\n"
    )
    raw = mail(body, sender="dale pettibone <dpett77@fastmail.example>", subject="my title")
    changes = by_number(roster_changes(raw))
    assert list(changes) == ["4K118"]
    assert changes["4K118"]["action"] == "update"
    assert changes["4K118"]["last_name"] == "Pettibone"
    assert changes["4K118"]["first_name"].lower() == "dale"  # type: ignore[union-attr]


def test_an_elected_constable_and_the_one_he_replaces() -> None:
    body = (
        "Hello,\n\n"
        "At this year's town meeting Nadine Fortier was elected Second Constable for the "
        "Town of Orwell, replacing Gil Tremblay who did not run again. Nadine's LEO number "
        "is 5F309 and her DPS username is nfortier.\n\n"
        "Please also remove Gil (5T277) from the town's list.\n\n"
        "Regards,\nPatrice Wood\nOrwell Town Clerk\n"
    )
    raw = mail(body, sender="orwellclerk@townmail.example", subject="Orwell constable")
    assert by_number(roster_changes(raw)) == {
        "5F309": {
            "action": "add",
            "officer_number": "5F309",
            "last_name": "Fortier",
            "first_name": "Nadine",
            "title": "Second Constable",  # "was elected Second Constable"
            "dps_username": "nfortier",
        },
        "5T277": {
            "action": "deactivate",
            "officer_number": "5T277",
            "first_name": "Gil",
            "last_name": "Tremblay",
        },
    }


def test_a_transfer_under_a_new_name_takes_the_name_and_username_she_has_now() -> None:
    body = (
        "Hello,\n\n"
        "Rosalind Thayer joined Vergennes PD as a patrol officer on 5/2. She comes from "
        "Bristol PD, where she was Rosalind Bouchard (LEO 3B447) - she changed her name "
        "over the winter.\n\n"
        "Her new DPS username is rthayer; the old rbouchard login was turned off.\n\n"
        "Please move her record over to Vergennes Police Department.\n\n"
        "Sgt. Corey Lamphere\nVergennes Police Department\n"
    )
    raw = mail(body, sender="clamphere@vergennespd.example", subject="transfer")
    change = by_number(roster_changes(raw))["3B447"]
    assert change["action"] == "update"
    assert (change["last_name"], change["first_name"]) == ("Thayer", "Rosalind")
    assert change["dps_username"] == "rthayer"


def test_a_married_name_takes_the_new_username_not_the_old_one() -> None:
    body = (
        "Hi,\n\nDeputy Lena Farwell (8F120) was married in June and is now Lena Ostrander. "
        "IT gave her a new login, lostrander (the old one was lfarwell).\n\n"
        "Please update her record.\n\nThanks,\nMaj. Hal Rivard\n"
    )
    raw = mail(body, sender="hrivard@orangesheriff.example", subject="Name change")
    change = by_number(roster_changes(raw))["8F120"]
    assert change["last_name"] == "Ostrander"
    assert change["dps_username"] == "lostrander"


def test_a_reply_correcting_its_own_number_names_the_officer_sent_before() -> None:
    body = (
        "Oops - Gauthier's number is 5G318, not 5G31. And his username should be "
        "pgauthier3.\n\nKen\n\n"
        "On Mon, Apr 7, 2025 at 9:02 AM Ken Royce <kroyce.bpd@gmail.example> wrote:\n"
        "> Hi,\n>\n> Please add our new officer for Barre PD:\n>\n"
        "> Officer Paul Gauthier, 5G31, pgauthier\n>\n> Thanks,\n> Ken Royce\n"
    )
    raw = mail(
        body,
        sender="Ken Royce <kroyce.bpd@gmail.example>",
        subject="Re: New officer Barre PD",
        in_reply_to="<abc123@mail.gmail.example>",
    )
    change = by_number(roster_changes(raw))["5G318"]
    assert (change["last_name"], change["first_name"]) == ("Gauthier", "Paul")


def test_a_username_said_of_an_officer_by_first_name_after_a_table() -> None:
    body = (
        "Hello,\n\nTwo of our officers have new ranks, please update their records.\n\n"
        "Name\tLEO #\tOld Rank\tNew Rank\n"
        "Priya Sandoval\t1S404\tOfficer\tCorporal\n"
        "Dean Whitcomb\t1W212\tCorporal\tSergeant\n\n"
        "Also, Priya's DPS username was keyed in wrong back then. It is psandoval2 "
        "(not psandovl).\n\nThanks,\nMona Greer\n"
    )
    raw = mail(body, sender="mgreer@castletonpd.example", subject="Rank updates")
    assert by_number(roster_changes(raw))["1S404"]["dps_username"] == "psandoval2"


def test_an_officer_added_in_a_sentence_keeps_the_username_and_title_in_his_line() -> None:
    body = (
        "Thanks! Forgot one - Wes Kinney, deputy, 7K431, wkinney. Can you add him too\n\n"
        "Also please add Cpl. Ada Frost, 7F220, afrost. She was left off the list.\n"
    )
    raw = mail(body, sender="dmoss@essexsheriff.example", subject="one more")
    changes = by_number(roster_changes(raw))
    assert changes["7K431"]["dps_username"] == "wkinney"
    assert changes["7K431"]["title"] == "Deputy"
    assert changes["7F220"]["dps_username"] == "afrost"


def test_a_new_officer_takes_the_title_his_tickets_should_show() -> None:
    body = (
        "Hello,\n\nWe have taken on a new part-time officer, Rene Gagnon. His LEO number is "
        "G4471 and his DPS username is rgagnon. He should appear as Corporal on his "
        "tickets.\n\nThank you,\nChief Alma Trudeau\nGreensboro Police Department\n"
    )
    raw = mail(body, sender="atrudeau@greensboro.test", subject="New officer")
    got = by_number(roster_changes(raw))
    assert got["G4471"]["action"] == "add"
    assert got["G4471"]["title"] == "Corporal"


def test_a_first_name_in_brackets_after_the_surname_is_his() -> None:
    body = (
        "morning, Sgt Pelletier (Marc) retired last week, 7H204, please turn his "
        "account off.\n\nthanks\nLt Dubois\nHardwick PD\n"
    )
    raw = mail(body, sender="ldubois@hardwick.test", subject="retirement")
    got = by_number(roster_changes(raw))
    assert got["7H204"]["action"] == "deactivate"
    assert got["7H204"]["last_name"] == "Pelletier"
    assert got["7H204"]["first_name"] == "Marc"
