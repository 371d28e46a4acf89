"""A reply on the sender's own quoted roster-change request ("It should be 40912, not
40921", "Her new username is kmartel"): the quoted request is the sender's, so the agency
its signature names is the writer's, and the officer it asks about is the one the reply
speaks of without naming him."""

from __future__ import annotations

from email.message import EmailMessage

from mailbot.intake.parse import parse_message

_SENDER = "Chris Poirier <cpoirier@miltonvt.test>"


def _quoted(text: str) -> str:
    return "\n".join(("> " + line).rstrip() for line in text.splitlines())


def _mail(body: str, subject: str = "Re: Two new officers") -> bytes:
    msg = EmailMessage()
    msg["From"] = _SENDER
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = subject
    msg["In-Reply-To"] = "<earlier@miltonvt.test>"
    msg.set_content(body)
    return msg.as_bytes()


_ADDS = """\
Good morning,

Please add the following two officers to our agency in TraCS:

Ofc. Samuel Perkins - 40921 - sperkins
Ofc. Mia Grant - 40933 - mgrant

Thanks,
Sgt. Chris Poirier
Milton Police Department
43 Bombardier Road, Milton, VT 05468
"""


def test_a_correction_over_the_own_request_keeps_the_agency_it_signs_for() -> None:
    """The reply corrects a number of the request below and signs with a first name
    only: the agency is the one the quoted request's signature names."""
    body = (
        "Sorry, I fat-fingered Sam's officer number in the email below. It should be "
        "40912, not 40921. Everything else is correct.\n\nChris\n\n"
        f"On Tue, Apr 2, 2024 at 9:14 AM {_SENDER} wrote:\n\n{_quoted(_ADDS)}\n"
    )
    result = parse_message(_mail(body))
    assert result.intent == "officer_maintenance"
    assert result.agency.name == "Milton Police Department"


_RENAMED = """\
Hello,

Officer Kelly Brennan got married and is now Kelly Martel. Please update her TraCS
record for our department so her new name prints on the tickets.

Cpl. Chris Poirier
Milton Police Department
"""


def test_the_change_a_reply_names_no_one_in_is_the_own_requests_officer() -> None:
    """ "Her new username is kmartel ... Also Ray Dion (E3290) was promoted": the
    change without a name is the quoted request's one officer, the named one his own."""
    body = (
        "Her new username is kmartel. Officer number stays the same, E3308.\n\n"
        "Also while I have you -- Ray Dion (E3290) was promoted from Sergeant to "
        "Lieutenant last week, can you update his title too?\n\nThanks,\nChris\n\n"
        f"On Tue, May 7, 2024 at 11:05 AM {_SENDER} wrote:\n\n{_quoted(_RENAMED)}\n"
    )
    result = parse_message(_mail(body, "Re: Officer name change"))
    found = {c.officer_number: c for c in result.changes}
    assert set(found) == {"E3308", "E3290"}
    renamed = found["E3308"]
    assert (renamed.last_name, renamed.first_name) == ("Martel", "Kelly")
    assert renamed.dps_username == "kmartel"
    assert getattr(found["E3290"], "last_name", None) == "Dion"


_UNNUMBERED = """\
Hi,

Please deactivate Officer Ray Dufour in TraCS, he retired last week.

Thanks,
Sgt. Chris Poirier
Milton Police Department
"""


def test_a_bare_number_for_the_request_below_beside_a_new_change() -> None:
    """The desk asked for the officer's number: the reply gives it bare ("it's M0877")
    and asks a change of another officer too; both are read."""
    desk = (
        "Hi Sgt. Poirier,\n\nCan you provide Officer Dufour's officer number so we "
        "deactivate the right record?\n\nDPS eTicket Support\n\n"
        f"On Mon, Apr 1, 2024 at 8:02 AM {_SENDER} wrote:\n{_quoted(_UNNUMBERED)}\n"
    )
    body = (
        "Sorry about that - it's M0877.\n\nAlso, Ofc. Lena Viau got promoted to Corporal, "
        "her number is M1033. Can you update her title?\n\nThanks,\nChris\n\n"
        "On Tue, Apr 2, 2024 at 1:55 PM DPS eTicket <dps.eTicket@vermont.gov> wrote:\n"
        f"{_quoted(desk)}\n"
    )
    result = parse_message(_mail(body, "Re: TraCS - deactivate officer"))
    got = sorted((c.action, c.officer_number, c.last_name) for c in result.changes)
    assert got == [("deactivate", "M0877", "Dufour"), ("update", "M1033", "Viau")]
