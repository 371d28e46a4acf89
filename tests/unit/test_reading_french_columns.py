"""A roster headed in French ("Nom, Prénom, Grade, No. d'agent, Utilisateur DPS"): each
column is read as its English heading would be."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

_BODY = """\
Bonjour / Hello,

Le Service de police de Lorraine souhaite participer au programme. The Lorraine Police
Department would like to join e-ticketing. Our PoC is Sgt. Aline Roy, aroy@lorrainevt.test.

Code judiciaire / Judiciary code : 0344
Adresse / Address : 5 Rue Principale, Lorraine, VT 05999
Téléphone / Phone : 802-555-0119

Nom, Prénom, Grade, No. d'agent, Utilisateur DPS
Roy, Aline, Sergent, 07711, aroy
Caron, Hugo, Agent, 07725, hcaron

Merci,
Chef Paul Dion
"""


def test_french_column_headings_name_their_fields() -> None:
    raw = mail(_BODY, sender="Paul Dion <pdion@lorrainevt.test>", subject="e-ticket")
    result = parse_message(raw)
    assert [
        (o.last_name, o.first_name, o.officer_number, o.dps_username) for o in result.officers
    ] == [("Roy", "Aline", "07711", "aroy"), ("Caron", "Hugo", "07725", "hcaron")]
