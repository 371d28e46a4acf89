"""A request written in two languages: a label after its translation ("Personne-ressource
/ Point of contact: ..."), a list line's rank with its translation in brackets ("—
Sergent (Sergeant) —"): read as the English label and the rank the ticket knows."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

_BODY = """Bonjour / Hello,

Le Service de police de Norton voudrait participer au programme e-ticket.

- Nom sur le billet / Name on ticket: Norton Police Department
- Code judiciaire / Judiciary code: 0633
- Adresse: 12 Main Street, Norton, VT 05907
- Telephone: 802-555-0190

Personne-ressource / Point of contact: moi-même, Cpl. Luc Ouellet, louellet@nortonvt.test

Agents / Officers:
1. Ouellet, Luc — Sergent (Sergeant) — NP014 — louellet
2. Gagnon, Sophie — Agente (Officer) — NP021 — sgagnon

Merci / Thank you,
Chief Paul Roy
"""


def test_a_label_after_its_translation_is_read() -> None:
    result = parse_message(
        mail(_BODY, sender="Luc Ouellet <louellet@nortonvt.test>", subject="e-ticket request")
    )
    assert (result.point_of_contact.name, result.point_of_contact.email) == (
        "Luc Ouellet",
        "louellet@nortonvt.test",
    )


def test_a_rank_with_its_translation_in_brackets_is_the_title() -> None:
    result = parse_message(
        mail(_BODY, sender="Luc Ouellet <louellet@nortonvt.test>", subject="e-ticket request")
    )
    assert [
        (o.last_name, o.first_name, o.title, o.officer_number, o.dps_username)
        for o in result.officers
    ] == [
        ("Ouellet", "Luc", "Sergeant", "NP014", "louellet"),
        ("Gagnon", "Sophie", "Officer", "NP021", "sgagnon"),
    ]
