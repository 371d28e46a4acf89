"""The Point-of-Contact labelled under the sign-off of a request ("Regards, William
Cota, Chief of Police" and then "e-Ticket contact: Renee Gagnon, Administrative
Assistant" with her address): the body names no PoC, the signature does."""

from __future__ import annotations

from mailbot.intake.fields import labelled
from mailbot.intake.point_of_contact import Contact, point_of_contact
from mailbot.intake.rules import Rules


def contact_in_signature(
    signature: str,
    rules: Rules,
    addresses: list[tuple[str, str]],
    sender: tuple[str | None, str | None],
) -> Contact:
    """The PoC labelled under the sign-off ("e-Ticket contact:" then "Renee Gagnon,
    Administrative Assistant" and her address), read as a labelled PoC in the body is."""
    found = labelled(signature, rules)
    poc = {k: v for k, v in found.items() if k.startswith("point_of_contact.")}
    if "point_of_contact.name" not in poc:
        return Contact()
    return point_of_contact(signature, rules, poc, addresses, sender)
