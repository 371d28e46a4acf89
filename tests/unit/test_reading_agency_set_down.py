"""The agency's name as the sender sets it down for the ticket, whatever its words: a
state unit's name that ends in no police word ("Please show us on the ticket as: ..."),
one with an ampersand or a dash in it, one written on the line under "... set us up
as:"; and a name that lost its place where a line was wrapped ("Addison" / "County
Sheriff's Office") is the one the signature writes with its place."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

_VALUES = (
    "Judiciary code: 0944\n"
    "Address: 9 Depot Square, Waterbury, VT 05676\n"
    "Phone: 802-555-0123\n\n"
    "Logo attached.\n\n"
    "Users:\n"
    "Okonkwo, Adaeze - Inspector - 9K101 - adaeze.okonkwo\n"
    "Tessier, Luc - Inspector - 9K114 - luc.tessier\n\n"
    "Regards,\nAdaeze Okonkwo\nChief Inspector\n"
)


def _read(opening: str) -> tuple[str | None, list[str]]:
    result = parse_message(
        mail(
            "Hello,\n\nOur inspectors would like to start writing civil violations "
            "electronically. Inspector Adaeze Okonkwo (adaeze.okonkwo@vermont.gov) will "
            "be the point of contact.\n\n" + opening + "\n" + _VALUES,
            sender="Adaeze Okonkwo <adaeze.okonkwo@vermont.gov>",
            subject="e-ticket set up",
            attachments=[("unit.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png")],
        )
    )
    return result.agency.name, result.missing


def test_a_name_after_show_us_as_is_taken_whole() -> None:
    name, missing = _read("Please show us on the ticket as: Vermont Agency of Weights & Scales")
    assert name == "Vermont Agency of Weights & Scales"
    assert "agency.name" not in missing


def test_a_name_without_its_object_after_please_display_as() -> None:
    name, _ = _read("Please display as: Vermont Weights & Measures - Field Unit")
    assert name == "Vermont Weights & Measures - Field Unit"


def test_a_name_on_the_line_under_set_the_agency_up_as() -> None:
    name, missing = _read(
        "Please set the agency up as:\nVermont Agency of Agriculture - Consumer Protection"
    )
    assert name == "Vermont Agency of Agriculture - Consumer Protection"
    assert "agency.name" not in missing


def test_a_name_wrapped_before_its_county_is_the_signatures() -> None:
    result = parse_message(
        mail(
            "Hello e-Ticket desk,\n\nDeputy Ingrid Solberg, LEO number 7S402, has retired "
            "from the Addison\nCounty Sheriff's Office as of 3/2/2025. Please deactivate "
            "her.\n\nSheriff Tomas Ruelle\nAddison County Sheriff's Office\n",
            sender="Tomas Ruelle <truelle@addisonsheriff.test>",
            subject="Retirement",
        )
    )
    assert result.intent == "officer_maintenance"
    assert result.agency.name == "Addison County Sheriff's Office"


def test_a_quoted_name_the_ticket_is_to_print_is_taken_whole() -> None:
    """'Please have the ticket print as "..."': the quoted name, though it ends in no
    police word the reader knows, and the sender is not asked for it."""
    name, missing = _read('Please have the ticket print as "Vermont Scales Inspection Unit".')
    assert name == "Vermont Scales Inspection Unit"
    assert "agency.name" not in missing
