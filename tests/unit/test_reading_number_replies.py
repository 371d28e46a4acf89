"""A reply that gives the number the desk asked for, of the officer the writer's own
quoted request adds: "her number is 07730", or the number alone."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail


def reply(body: str, quoted: str) -> bytes:
    return mail(
        body + "\n\n" + "\n".join(f"> {line}" for line in quoted.split("\n")),
        sender="Nora Keane <nkeane@elmridge.test>",
        subject="Re: new officer",
        in_reply_to="<desk-1@vermont.gov>",
    )


def test_number_given_as_his_number() -> None:
    """ "her number is 07730" under the desk's question on the writer's own request:
    the number of the officer that request adds."""
    result = parse_message(
        reply(
            "Apologies, her number is 07730.\n\nNora",
            "On Tue, Dec 1, 2026 at 9:00 AM DPS eTicket <dps.eTicket@vermont.gov> wrote:\n"
            "We need her VT LEO number before we can create the record.\n\n"
            "On Mon, Nov 30, 2026 at 8:00 AM Nora Keane <nkeane@elmridge.test> wrote:\n"
            "> Please add our new officer Lena Marsh, title Officer, DPS username lmarsh, "
            "to Elmridge Police Department.\n>\n> Sgt. Nora Keane",
        )
    )
    assert result.intent == "officer_maintenance"
    changes = [c.model_dump(exclude_none=True) for c in result.changes]
    assert changes == [
        {
            "action": "add",
            "officer_number": "07730",
            "last_name": "Marsh",
            "first_name": "Lena",
            "title": "Officer",
            "dps_username": "lmarsh",
        }
    ]


def test_lone_number_under_the_desks_question() -> None:
    """ "04471" and nothing else, under the desk's "what is Officer Hale's LEO number?"
    over the writer's "Please add new officer to Elmridge PD:" and the officer's line
    (no number on it yet): the number of that officer's add."""
    result = parse_message(
        reply(
            "04471",
            "On Tue, Dec 1, 2026 at 9:00 AM DPS eTicket <dps.eTicket@vermont.gov> wrote:\n"
            "Hi Sgt. Keane, what is Officer Hale's 5-character VT LEO number?\n\n"
            "On Mon, Nov 30, 2026 at 8:00 AM Nora Keane <nkeane@elmridge.test> wrote:\n"
            "> Please add new officer to Elmridge PD:\n"
            "> Officer Rowan Hale, DPS username rhale\n> Thanks\n> Sgt. Nora Keane",
        )
    )
    assert result.intent == "officer_maintenance"
    changes = [c.model_dump(exclude_none=True) for c in result.changes]
    assert changes == [
        {
            "action": "add",
            "officer_number": "04471",
            "last_name": "Hale",
            "first_name": "Rowan",
            "title": "Officer",
            "dps_username": "rhale",
        }
    ]
