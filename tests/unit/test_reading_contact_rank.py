"""The agency's address and phone among the several a message writes: the one a sentence
designates ("use our main office as the agency address: ..."), else the agency's own
business, main or desk line and street address over fax, dispatch, cell, direct, mailing,
satellite or town office ones; where the evidence ties, staff decide (the sender is not
asked). The weights are data in ``rules/language.toml``."""

from __future__ import annotations

import shutil
from email.message import EmailMessage
from pathlib import Path

from mailbot.intake.model import ParseResult
from mailbot.intake.parse import parse_message
from mailbot.intake.rules import Rules, load_rules
from mailbot.resources import rules_dir

_OPENING = (
    "Good morning,\n\nThe Quarry Brook Police Department would like to begin issuing tickets"
    " electronically. I have designated Sergeant Odile Pellerin as the e-ticket"
    " Point-of-Contact; she can be reached at opellerin@quarrybrookvt.org or"
    " (802) 244-7781.\n\nOur judiciary code is 0766. The name on the ticket should read"
    ' "Quarry Brook Police Department". Our logo is attached.\n\n'
    "Last Name\tFirst Name\tRank\tOfficer #\tDPS Username\n"
    "Pellerin\tOdile\tSergeant\tQB207\topellerin\n"
    "Marchetti\tLouis\tOfficer\tQB212\tlmarchetti\n\n"
)


def _parse(body: str, rules: Rules | None = None) -> ParseResult:
    msg = EmailMessage()
    msg["From"] = "Chief Alan Reed <areed@quarrybrookvt.org>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "e-ticket enrollment - Quarry Brook PD"
    msg.set_content(body)
    msg.add_attachment(_png(), maintype="image", subtype="png", filename="qbpd_logo.png")
    return parse_message(msg.as_bytes(), rules=rules)


def _png() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (64, 64), (10, 40, 90)).save(out, format="PNG")
    return out.getvalue()


def test_address_the_body_designates_over_the_signatures_main_and_satellite_offices() -> None:
    result = _parse(
        _OPENING.replace(
            "Our logo is attached.",
            "Please use our main office as the agency address: 18 Ledge Road, Quarry Brook,"
            " VT 05999, telephone (802) 244-4942. Our logo is attached.",
        )
        + "Thank you,\n\nAlan Reed\nChief of Police\nQuarry Brook Police Department\n"
        "Main Office: 18 Ledge Road, P.O. Box 266, Quarry Brook, VT 05999\n"
        "Office: (802) 244-4942 | Fax: (802) 244-4946\n"
        "Dispatch (24/7): (802) 244-4949\n"
        "Satellite Office: 230 Main Street, Suite 104, Brattleboro, VT 05301 | (802) 254-3816\n"
        "Cell: (802) 380-1123\n"
    )
    assert result.agency.address == "18 Ledge Road, Quarry Brook, VT 05999"
    assert result.agency.phone == "(802) 244-4942"


_SIGNED = (
    "Thank you,\n\nAlan Reed\nChief of Police\nQuarry Brook Police Department\n"
    "284 East Avenue, Quarry Brook, VT 05999\n"
    "Business: (802) 244-2027 | Fax: (802) 244-8090\n"
    "Emergency/Dispatch: (802) 244-3473 | Cell: (802) 557-1043\n"
    "Mailing: 284 East Ave, Box 63, Quarry Brook, VT 05999\n"
)


def test_business_line_and_street_address_of_a_signature_the_body_points_to() -> None:
    result = _parse(
        _OPENING.replace(
            "Our logo is attached.",
            "The agency address and business telephone number are shown in my signature"
            " block below. Our logo is attached.",
        )
        + _SIGNED
    )
    # not the PoC's own number in the body, nor the dispatch, fax or cell lines
    assert result.agency.phone == "(802) 244-2027"
    # the street address over the mailing one
    assert result.agency.address == "284 East Avenue, Quarry Brook, VT 05999"


def test_business_line_is_taken_without_a_pointing_sentence() -> None:
    result = _parse(_OPENING + _SIGNED)
    assert result.agency.phone == "(802) 244-2027"
    assert result.agency.address == "284 East Avenue, Quarry Brook, VT 05999"


_RICHMOND = (
    "Thank you,\n\nSgt. Odile Pellerin | Quarry Brook Police Department\n"
    "205 Bridge Street | P.O. Box 285 | Quarry Brook, VT 05999\n"
    "Desk (802) 434-2153 ext. 4 | Cell (802) 578-3320\n"
    "Non-emergency dispatch (Williston PD): (802) 878-6611\n"
)


def test_desk_line_without_its_extension_over_another_agencys_dispatch() -> None:
    result = _parse(_OPENING.replace(" or (802) 244-7781", "") + _RICHMOND)
    assert result.agency.phone == "(802) 434-2153"


_RANDOLPH = (
    "Thank you,\n\nMaureen Bissonnette\nAdministrative Assistant to the Chief of Police\n"
    "Quarry Brook Police Department\n"
    "Town Office Main Line: (802) 728-5433\n"
    "Telephone: (802) 728-3737\n"
)


def test_agency_line_over_the_town_offices_main_line() -> None:
    result = _parse(_OPENING.replace(" or (802) 244-7781", "") + _RANDOLPH)
    assert result.agency.phone == "(802) 728-3737"


def test_the_weights_are_the_rules(tmp_path: Path) -> None:
    """Without "town office" among the weighted words, the town office's main line is a
    main line like any other (the behaviour is data in rules/language.toml)."""
    folder = tmp_path / "rules"
    shutil.copytree(rules_dir(), folder)
    language = folder / "language.toml"
    text = language.read_text()
    assert '"town office" = -5, ' in text
    language.write_text(text.replace('"town office" = -5, ', ""))
    result = _parse(_OPENING.replace(" or (802) 244-7781", "") + _RANDOLPH, load_rules(folder))
    assert result.agency.phone == "(802) 728-5433"


def test_two_addresses_of_equal_evidence_go_to_staff_not_the_sender() -> None:
    result = _parse(
        _OPENING + "Thank you,\n\nAlan Reed\nChief of Police\nQuarry Brook Police Department\n"
        "12 Ledge Road, Quarry Brook, VT 05999\n"
        "40 Pleasant Street, Quarry Brook, VT 05999\n"
        "Office: (802) 244-2027\n"
    )
    assert result.agency.address is None
    assert "agency.address" not in result.missing
    assert "agency.address" in (result._questions or {})


_MOVED = "We moved out of 9 Mill Street, Quarry Brook, VT 05999 last year. "


def test_a_sentence_pointing_to_the_signature_gives_it_the_address() -> None:
    signed = (
        "Thank you,\n\nAlan Reed\nChief of Police\nQuarry Brook Police Department\n"
        "12 Ledge Road, Quarry Brook, VT 05999\nOffice: (802) 244-2027\n"
    )
    pointed = _OPENING.replace(
        "Our logo is attached.",
        _MOVED + "The agency address is in my signature below. Our logo is attached.",
    )
    assert _parse(pointed + signed).agency.address == "12 Ledge Road, Quarry Brook, VT 05999"
