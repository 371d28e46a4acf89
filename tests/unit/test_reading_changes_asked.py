"""A message that asks for changes to officers' records is no enrolment, though no change
can be read from its words and it sends numbered officers and the agency's values."""

from __future__ import annotations

from mailbot.intake.model import Officer
from mailbot.intake.past_changes import enrols_after_all
from mailbot.intake.rules import load_rules


def test_a_request_for_changes_stays_a_roster_change() -> None:
    text = (
        "Officer record updates - Kettle County Sheriff's Office\n"
        "Hello,\n\nPlease make the following changes to our officer records for e-tickets:\n\n"
        "Officer\tVT LEO #\tCurrent in TraCS\tChange to\n"
        "Nell Ambrose\t31902\tDeputy\tSergeant (promoted 5/1)\n"
        "Ida Pell\t31980\tLast name Pell\tLast name Rourke (married) - username stays ipell\n\n"
        "Thanks!\nCapt. Wren Tully\n12 Court Street, Kettleton, VT 05999\n802-555-0190\n"
    )
    officers = [
        Officer(last_name="Ambrose", first_name="Nell", officer_number="31902"),
        Officer(last_name="Pell", first_name="Ida", officer_number="31980"),
    ]
    kind = enrols_after_all(
        "officer_maintenance", text, load_rules(), officers=officers, table_rows=[], is_reply=False
    )
    assert kind == "officer_maintenance"
