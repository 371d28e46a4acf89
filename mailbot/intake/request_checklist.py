"""What a message's intent makes of what was read: the values kept and the checklist.

Once the intent, the agency's values, the head, the Point-of-Contact and the logo are
read: a message that asks for nothing keeps no values (a reply on a case only those it
labels); an enrolment settles its roster (the officers left off or closed elsewhere
dropped, the writer's own row added, titles and whole numbers given), takes what it
lacks from the sender's own earlier request, applies the writer's corrections and is
checked, what it still lacks looked for by its shape (values first, roles second: see
:mod:`roles`, :mod:`given_somewhere`); a roster change reads its changes.
"""

from __future__ import annotations

import functools

from mailbot.intake import (
    candidates,
    change_request,
    checks,
    enrol_closings,
    given_somewhere,
    held,
    own_resend,
    reply_reading,
    roles,
    self_fixed,
)
from mailbot.intake.agency_elsewhere import desk_wrote_of
from mailbot.intake.attached_request import form_sheets
from mailbot.intake.desk_outstanding import only_outstanding
from mailbot.intake.desk_roster import roster_desk_holds
from mailbot.intake.earlier_numbers import named_by_desk
from mailbot.intake.head_of_department import is_head_title
from mailbot.intake.model import (
    Agency,
    Change,
    HeadOfDepartment,
    Intent,
    Officer,
    ParseResult,
    PointOfContact,
)
from mailbot.intake.number_groups import read_whole
from mailbot.intake.own_officer import signer_as_officer
from mailbot.intake.parts import MessageParts
from mailbot.intake.placed_rows import with_loose_rows
from mailbot.intake.prose import Split
from mailbot.intake.ranked_mentions import (
    head_by_own_row,
    head_row_titled,
    titles_from_mentions,
)
from mailbot.intake.roster_usernames import with_usernames
from mailbot.intake.rules import Rules
from mailbot.intake.unread_roster import unread_roster
from mailbot.intake.wrapped_lines import as_typed


def read_by_intent(
    kind: Intent,
    result: ParseResult,
    parts: MessageParts,
    rules: Rules,
    *,
    typed: str,
    text: str,
    body: str,
    split: Split,
    typed_from: str,
    labels: dict[str, tuple[int, str | None]],
    officers: list[Officer],
    table_rows: list[Officer],
    earlier: ParseResult | None,
    note: str | None,
    recapped: bool = False,
    is_reply: bool,
    asked_roster: bool,
    adds_rows: bool = False,
    sender: tuple[str | None, str | None],
    writer: str | None,
    head: tuple[str | None, str | None],
    logo_reason: str | None,
    national: str | None,
) -> None:
    """Fill ``result`` for its intent ``kind``: ``text`` is the message laid out from the
    ``typed`` one, ``body`` and ``split`` what is read of it, ``typed_from`` the body as
    typed; ``writer`` signs, ``head`` is the head read, ``national`` the agency's phone
    in its national form (``None`` when it is no valid phone); ``recapped`` says a reply
    quotes the desk's recap of the request; the officers are records to add when the desk
    asked for them (``asked_roster``, kept as the roster) or ``adds_rows``."""
    hod_name, hod_title = head
    if kind == "other" and not is_reply:
        # a question, a thank-you, a login problem or a pitch opens no case: the agency
        # and people it mentions in passing (or signs with) are not a request's values
        result.agency = Agency()
        result.head_of_department = HeadOfDepartment()
        result.point_of_contact = PointOfContact()
    elif kind == "other":
        # a reply on a case: what it labels ("PoC Email: ...") is sent for the case
        # (and a logo attached); what it only signs with is who wrote it
        reply_reading.keep_labelled(result, labels)
    sources = [("text", body), ("signature", split.signature)]
    if kind == "enrollment":
        # "Kevin Perreault is out on leave so leave him off for now": not on the roster
        dropped = own_resend.left_off(body, officers, rules, phrases_only=True)
        # "Please deactivate those:" over the records they hold at their former agency
        officers, result.changes = enrol_closings.split_closings(body, officers, rules)
        # "My officer number is ...": a one-man office's signer
        officers = officers or signer_as_officer(body, hod_name, hod_title, rules)
        # "... I am 14K01 and my username is hbrigham.": the writer's own row
        officers = with_loose_rows(body, officers, rules, writer=(hod_name, hod_title))
        kept = read_whole([o for o in officers if o not in dropped], rules)
        # "Sgt. Tyler Desabrais" signs for a row that gives no title
        result.officers = titles_from_mentions(kept, [body, split.signature], rules)
        # "mike rand here, elected constable" over his own row "rand mike ... W5R21"
        result.officers = head_row_titled(result.officers, (hod_name, hod_title), rules)
        # "I forgot the code; everything else is below" (own request quoted)
        filled = is_reply and own_resend.fill_from_earlier(result, earlier, body, rules, parts)
        if is_reply and result.agency.name is None and recapped:
            # "Thanks for your request for the Orleans County Sheriff's Department ... We
            # have: PoC ...": the agency the desk's recap of the request is of
            result.agency.name = desk_wrote_of(parts, rules)
        if is_reply and not filled:
            # "Ballard - jballard" forwarded under the desk's list of the officers
            result.officers = with_usernames(result.officers, body, rules)
        if is_reply:  # "Ann's username is ..." of the desk's "Officer Ann Roy"
            result.officers = named_by_desk(result.officers, parts, rules, body)
            # "still waiting on the usernames" for the desk's "Officer Ann Roy (AR014)"
            result.officers = roster_desk_holds(result.officers, parts, rules)
            # "Raymond hasn't got one yet ... so leave him off for now": one the desk named
            result.officers = held.without_held(result.officers, text, body, parts.tables, rules)
        # "Chief Sanville," as the desk greets him, "Sanville, Greg, Sheriff" his row
        head_by_own_row(result.head_of_department, result.officers, rules)
        if filled and result.agency.phone:
            national = checks.normalize_phone(result.agency.phone, rules)
            result.agency.phone = national or result.agency.phone
        # "P.S. the code above is wrong, it's 0381", "Lyons' username is klyons2, not klyons"
        self_fixed.corrected(result, text, rules, parts.sender_name)
        result.missing, result.invalid = checks.check_enrollment(
            result, rules, logo_reason, phone_valid=national is not None
        )
        settled = roles.Settled()
        # values first, roles second: look for what is missing by its shape (in a reply, in
        # what was written only: a signature's phone is not the case's unless the head signs)
        if result.missing:
            own = is_head_title(result.head_of_department.title or "", rules)
            looked = [s for s in sources if own or not (is_reply and s[0] == "signature")]
            documents = [(f"attachment {d.filename}", d.text) for d in parts.documents]
            documents += form_sheets(parts)  # "Judiciary Code | 0283"
            looked += documents
            sources += documents
            if parts.subject and not is_reply:  # "Enrollment - Orange County SD (JC 0723)"
                looked.append(("subject", parts.subject))
                sources.append(("subject", parts.subject))
            # "0611." over the desk's "we still need the 4-digit judiciary code"
            asked = candidates.desk_asked(parts, rules) if is_reply else frozenset()
            found = candidates.find(
                [candidates.Source(n, t, asked if n == "text" else frozenset()) for n, t in looked],
                rules,
                roles.kinds_for(result.missing),
            )
            sent = (parts.sender_name, parts.sender)
            settled = roles.settle(result, found, rules, sender=sent, writer=writer, body=body)
            settled.questions.update(
                given_somewhere.staff_instead(result, looked, rules, sent, note)
            )
            # "Roster is in the picture": officers sent in a file no text was read from
            if "officers" in result.missing and "officers" not in settled.questions:
                pictured = unread_roster(parts, result.agency.logo, rules)
                if pictured:
                    settled.questions["officers"] = pictured
            if result.agency.phone is not None and "agency.phone" in settled.evidence:
                national = checks.normalize_phone(result.agency.phone, rules)
                result.agency.phone = national or result.agency.phone
            result._questions = settled.questions
            result.missing, result.invalid = checks.check_enrollment(
                result, rules, logo_reason, phone_valid=national is not None
            )
            # a value of that shape is in the message: staff decide, the sender is not asked
            result.missing = [p for p in result.missing if p not in settled.questions]
        if is_reply:  # "we have everything for Elm PD except the logo": that alone is asked
            result.missing = only_outstanding(result.missing, parts, rules)
        shown = [("text", as_typed(typed, text, body, split.signature)), *sources[1:]]
        result._evidence_of = functools.partial(roles.record_sources, result, settled, shown)
    elif kind == "officer_maintenance":
        change_request.read(
            result,
            parts,
            body,
            split.signature,
            sender,
            table_rows,
            officers,
            earlier,
            is_reply,
            rules,
            typed_from=typed_from,
        )
        if (asked_roster or adds_rows) and not result.changes:  # the rows the desk asked for
            result.officers = officers if asked_roster else []
            result.changes = [Change(action="add", **o.model_dump()) for o in officers]
        # "Correction to the below - Hale's number is S2P73, not S2P37"
        self_fixed.corrected(result, text, rules, parts.sender_name)
        if change_request.only_a_question(result, body, is_reply, rules):
            result.intent = "other"  # "Can you confirm which agency he is with?"
            result.agency, result.point_of_contact = Agency(), PointOfContact()
            result.head_of_department = HeadOfDepartment()
