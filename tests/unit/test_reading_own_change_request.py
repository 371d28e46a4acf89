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
