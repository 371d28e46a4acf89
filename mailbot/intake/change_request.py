"""A roster change request read into ``changes``: the rows and lines of the message, a
memo or order attached, the writer's own login, what completes the sender's own earlier
request, and the agency's values from the signature."""

from __future__ import annotations

from mailbot.intake import (
    change_asides,
    change_documents,
    change_sender,
    changes,
    desk_named,
    form_roles,
    held,
    labelled_blocks,
    own_resend,
    tables,
)
from mailbot.intake.agency_elsewhere import own_agency_elsewhere
from mailbot.intake.change_gather import gathered
from mailbot.intake.change_logins import writers_own_login
from mailbot.intake.change_readded import without_readded
from mailbot.intake.change_subject_add import added_by_subject
from mailbot.intake.change_typing import as_typed, filled, in_capitals, whole_values
from mailbot.intake.change_withdrawn import without_never_enrolled, without_withdrawn
from mailbot.intake.column_notes import declared_columns, with_declared
from mailbot.intake.earlier_numbers import numbered_from_own_thread
from mailbot.intake.fixed_listed import fixed_rows
from mailbot.intake.forwarded_writer import names_from_note, numbers_forwarded, writers_changes
from mailbot.intake.head_of_department import head_from_sender
from mailbot.intake.model import Change, Officer, ParseResult
from mailbot.intake.names import NAME_SUFFIXES
from mailbot.intake.own_rank import with_own_rank
from mailbot.intake.parts import MessageParts
from mailbot.intake.rules import Rules
from mailbot.intake.word_lists import has_any


def read(
    result: ParseResult,
    parts: MessageParts,
    body: str,
    signature: str,
    sender: tuple[str | None, str | None],
    table_rows: list[Officer],
    officers: list[Officer],
    earlier: ParseResult | None,
    is_reply: bool,
    rules: Rules,
    typed_from: str | None = None,
) -> None:
    """Fill ``result.changes`` (and the agency's values) from a roster change request
    (``body`` with the capitals its addresses vouch for, ``typed_from`` before them)."""
    # "officer tom reilly number R 0 6 2 2"
    written, body = body, as_typed(body, rules, typed_from)
    # new officers in an attached spreadsheet or CSV are adds like a table's rows
    # ("The TICKET_TITLE column is how their title should print": the column named so)
    declared = declared_columns(body, rules)
    grids = [with_declared(grid, declared, rules) for grid in parts.tables]
    # a form of labels beside values ("Last Name | Roy", "VT LEO Number | QT401"): one
    # officer, read as his labelled lines, not as rows
    forms = labelled_blocks.form_grids(grids, rules)
    grid_rows = [
        o
        for at, grid in enumerate(grids)
        if at not in forms
        for o in tables.officers_from_grid(grid, rules)
    ]
    grid_rows += labelled_blocks.officers_in_forms(grids, rules)
    listed = table_rows + [o for o in grid_rows if o not in table_rows]
    # "Last name: Hutchins" / "VT LEO #: 3H718" lines: a new hire's labelled block
    listed += [o for o in labelled_blocks.officers_in_blocks(body, rules) if o not in listed]
    result.changes = changes.read_changes(
        body, rules, listed, result.agency.name, grids=parts.tables
    )
    if result.changes and in_capitals(written, rules):  # what the capitals as written say
        text = whole_values(written, rules)
        as_written = changes.read_changes(
            text, rules, listed, result.agency.name, grids=parts.tables
        )
        result.changes = filled(result.changes, as_written)
    pointed = has_any(body, rules.language.intent.sent_attached)
    if not result.changes or pointed:
        # the memo or order attached says what changes ("Chief's memo is attached -
        # please create a record for our new hire", beside a deactivation in the body)
        told = {c.officer_number for c in result.changes if c.officer_number}
        for paper in change_documents.change_texts(parts, rules, body):
            more = change_documents.changes_in_document(paper, rules, result.agency.name)
            # "Brault's title changes to Detective" of the order's items: what the note picks
            more = change_documents.picked_by_note(body, paper, more, rules)
            result.changes += [c for c in more if c.officer_number not in told]
            named = result.agency.name or change_documents.signed_agency(parts, rules)
            form_name, form_code = change_documents.form_agency(paper, rules)
            result.agency.name = form_name or named
            result.agency.judiciary_code = result.agency.judiciary_code or form_code
    # a change form's labelled fields ("Judiciary Code: 0190", "Submitted by (Agency
    # e-Ticket PoC): ...", "Authorized by:" over the chief's signature)
    form_roles.fill_from_forms(result, parts, rules)
    if not result.agency.name:  # the letterhead of the paper attached, a sheet's title
        result.agency.name = change_documents.heading_agency(parts, rules)
    if not result.changes:  # "My DPS username is actually ..." over his own LEO line
        result.changes = writers_own_login(body, signature, parts.sender_name, rules)
    # "Jen ... can you move her record?" over Jen Moss's own "LEO 9JM04 / DPS user jmoss"
    result.changes = writers_changes(result.changes, parts, rules)
    # "His welcome letter from our HR is below, it has his LEO number": the letter's number
    result.changes = numbers_forwarded(result.changes, parts, rules)
    # "can you deactivate Officer Kelley's TraCS record?" over "His LEO # is 39M14"
    result.changes = names_from_note(result.changes, parts, rules)
    # "Chief Lacy retired ... never had a TraCS user record": no record of his to close
    result.changes = without_never_enrolled(result.changes, body, rules)
    # "re-issued LEO number 00417 to our new hire ... Please add: Officer Kayla Dunn, 00417"
    result.changes = without_readded(result.changes, body, rules)
    if own_resend.complete_changes(result, earlier, officers, body, rules):
        # "Eric Lund is still with us": the earlier change of an officer kept as he is
        result.changes = changes.without_kept(result.changes, body, rules)
        # "do NOT deactivate him" of one officer of the earlier request: his change is off
        result.changes = without_withdrawn(result.changes, body, rules)
    if earlier is not None:
        # the agency the sender's own quoted request named (its signature), whether the
        # reply completes that request or corrects or adds to it ("It should be 40912")
        result.agency.name = result.agency.name or earlier.agency.name
    if not result.agency.name:  # signed "RCSD"; under the desk's notice of work done for it
        result.agency.name = own_agency_elsewhere(signature, parts, rules)
    writer = head_from_sender(parts.sender_name, rules)[0]
    result.changes = change_asides.writers_first_name(result.changes, body, writer)
    # "I have resigned as Constable ... Please remove my e-ticket access": his title
    result.changes = with_own_rank(result.changes, body, writer, rules)
    if is_reply and not result.changes:  # "Yes please deactivate both." of the desk's two
        result.changes = desk_named.switch_offs(body, parts, rules)
    if is_reply and not result.changes:  # "his username should be jroy" of the desk's one
        result.changes = desk_named.the_ones_login(body, parts, rules)
    if is_reply and not result.changes:  # "Rowe's first name is Jaclyn, not Jacqueline"
        result.changes = fixed_rows(body, parts, earlier, rules)
    if is_reply:  # "Officer Morrow's username is ...": his number in the request below
        result.changes = numbered_from_own_thread(result.changes, parts, rules, body)
        # "Jenkins made corporal" under the desk's roster check: by the numbers it lists
        result.changes = desk_named.by_listed(result.changes, body, parts, rules)
    # "Add Ofc Kirby HB219" in the subject: what the message says of each change's officer
    result.changes = gathered(result.changes, body, parts.subject, rules, signature)
    if not is_reply:  # "Add Deputy Quinn to CCSO" over her transfer to us: an add
        result.changes = added_by_subject(result.changes, parts.subject, body, rules)
    # "Ray, Kim  Dispatcher  --": civilian staff on an HR list, no officer's record
    result.changes = held.without_civilians(result.changes, rules)
    # "my number is 9s207": an officer number typed in lower case, written as issued
    result.changes = [_number_upper(c) for c in result.changes]
    # "we hired a new ofc, Sofia Reyes. officer number 35640": the sentence's period
    result.changes = [_without_period(c) for c in result.changes]
    # the agency's address, phone and code, mostly in the sender's signature
    # (a new request's subject too: "TraCS roster changes - OCSD - Jud Code 0873")
    subject = None if is_reply else parts.subject
    papers = [(f"attachment {d.filename}", d.text) for d in parts.documents]
    change_sender.complete(result, body, signature, sender, rules, subject, papers)


def _number_upper(change: Change) -> Change:
    number = change.officer_number
    if not number or number == number.upper():
        return change
    return change.model_copy(update={"officer_number": number.upper()})


def _without_period(change: Change) -> Change:
    """``change`` with the period that ends a sentence off its names ("Reyes."), not the
    one of an initial ("Owen R.") or of a suffix ("Jr.")."""
    more = {}
    for key in ("last_name", "first_name"):
        value = getattr(change, key, None)
        if not isinstance(value, str) or not value.endswith("."):
            continue
        word = value.split()[-1].rstrip(".")
        if len(word) > 1 and word.casefold() not in NAME_SUFFIXES:
            more[key] = value.rstrip(".")
    return change.model_copy(update=more) if more else change


def only_a_question(result: ParseResult, body: str, is_reply: bool, rules: Rules) -> bool:
    """True when a new message read as a roster change gives no change at all and only
    asks what the desk's records say ("Can you confirm which agency Officer X is with in
    TraCS?"), telling of no officer coming, leaving or moving: an enquiry about an
    officer, not a request."""
    from mailbot.intake.intent import only_asks

    words = rules.language.intent
    if is_reply or result.changes or not has_any(body, words.asks_what_is):
        return False
    # "Officer X (HL305) retired. Do you need a form?": a departure told is a request
    told = words.add + words.deactivate + words.transfer + words.reactivate
    return only_asks(body, rules) and not has_any(body, told)
