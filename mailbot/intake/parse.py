"""The whole intake: raw bytes -> :class:`ParseResult` with its checklist.

``parse_message`` reads the MIME layer; ``parse_parts`` does the rest and is pure:
find what the message asks for, read the fields, tables and prose, and check
them against ``rules/`` (what each intent keeps and checks: :mod:`request_checklist`).
"""

from __future__ import annotations

import structlog

from mailbot.intake import (
    change_documents,
    checks,
    desk_named,
    desk_recap,
    dictated,
    fields,
    forwards,
    held,
    inline_answers,
    intent,
    open_request,
    own_resend,
    past_changes,
    pasted_twice,
    pending_fixes,
    prose,
    records_made,
    reply_reading,
    self_fixed,
    shown_as,
    tables,
    typed_names,
)
from mailbot.intake.agency_name import name_of_agency
from mailbot.intake.attached_request import with_attached_request
from mailbot.intake.classify import LOOP_HEADER
from mailbot.intake.earlier_numbers import fixes_desk_list, named_by_desk
from mailbot.intake.enrol_values import enrols_by_values
from mailbot.intake.head_of_department import (
    drop_rank_and_file_head,
    head_from_sender,
    head_of_department,
    is_head_title,
)
from mailbot.intake.head_reading import read_head
from mailbot.intake.limits import Limits
from mailbot.intake.logo import find_logo, has_image, logo_named
from mailbot.intake.message import read_message
from mailbot.intake.model import Intent, ParseResult
from mailbot.intake.officer_reading import read_officers
from mailbot.intake.own_officer import not_the_writer_alone, own_row_named
from mailbot.intake.own_thread import Quoted
from mailbot.intake.paired_officers import writer_and_listed, writer_and_one
from mailbot.intake.parts import MessageParts
from mailbot.intake.point_of_contact import point_of_contact
from mailbot.intake.request_checklist import read_by_intent
from mailbot.intake.rules import Rules, load_rules
from mailbot.intake.subject_only import request_in_subject, with_subject_as_text
from mailbot.intake.wrapped_lines import laid_out
from mailbot.intake.writer_contact import writers_contact

log = structlog.get_logger()


def parse_message(
    raw: bytes,
    limits: Limits | None = None,
    rules: Rules | None = None,
    loop_header: str = LOOP_HEADER,
) -> ParseResult:
    """Read one message. Raises :class:`~mailbot.errors.MessageError` only when the
    input is not a readable email; an incomplete request is a result, not an error."""
    limits = limits or Limits()
    parts = read_message(raw, limits)
    return parse_parts(parts, rules, limits, loop_header)


def parse_parts(
    parts: MessageParts,
    rules: Rules | None = None,
    limits: Limits | None = None,
    loop_header: str = LOOP_HEADER,
) -> ParseResult:
    """Everything after the MIME layer: intent, fields, officers, changes and checklist."""
    from mailbot.intake.classify import automated_reason, is_invitation

    rules = rules or load_rules()
    limits = limits or Limits()
    result = ParseResult(sender=parts.sender.lower() if parts.sender else None)
    reason = automated_reason(parts, loop_header=loop_header)
    if reason is not None:
        log.debug("message_automated", reason=reason)
        result.automated = True
        return result

    parts = forwards.with_signed_note(parts, rules)  # a forward's note, long by its signature
    # "Attached is our completed request form": the attached letter or form is read
    parts = with_attached_request(parts, rules, limits)
    # "Answers below in CAPS": the desk's quoted checklist, answered line by line
    parts = inline_answers.with_inline_answers(parts, rules)
    # "code is 1 4 0 6", "jdoe at townvt dot org": a message dictated or typed as said
    parts = dictated.with_written_forms(parts, rules)
    parts = self_fixed.with_numbers_meant(parts, rules)  # "VT448 - sorry, VT484"
    parts = typed_names.with_sender_named(parts, rules)  # "mike lanoue <mlanoue@...>"
    parts = pasted_twice.with_text_once(parts)  # the whole text pasted in twice
    parts = with_subject_as_text(parts)  # "Please deactivate Dep. Ron Roe" and no body
    typed = prose.new_text(parts.text, parts.subject, quotes_cut=parts.quotes_cut)
    text = laid_out(typed, rules)  # lines a client wrapped joined, labels it ran together apart
    plain = split = prose.split_signature(text, rules)
    note = prose.new_text(parts.forward_note, quotes_cut=True).strip("\n") or None
    if note is not None:  # a request forwarded under a note with its own sign-off
        split = forwards.split_forwarded(text, note, plain, rules, parts.inner_notes)
    if note is not None and split == plain:
        # the note's "Thanks," above a forwarded request that ends with its own sign-off
        split = prose.split_forward(text, parts.forward_note, rules)
    if reply_reading.is_reply(parts):
        split = reply_reading.cut_at_signer(split, parts.sender_name)
    written = split  # as typed, for the readers of a note typed all in lower case
    # "i am making sgt dana pelkey the point of contact ... dpelkey@...": typed in lower case
    split = typed_names.typed_split(split, parts.sender, rules)
    # "Myself - Chief, BN001, aduquette": the writer's own row, named by the From header
    body = own_row_named(split.body, head_from_sender(parts.sender_name, rules)[0], rules)
    table_rows = tables.officers_from_text(body, rules)
    officers = read_officers(
        body, parts.tables, rules, table_rows, parts.documents, typed_from=written.body
    )
    if note is not None and officers:
        officers += forwards.note_officers(note, officers, rules)
    is_reply = reply_reading.is_reply(parts)
    if not officers and not is_reply and reply_reading.quotes_someone_else(parts.quoted_text):
        # a new request sending on a roster someone else wrote ("Det. Sinclair put together
        # the officer list below"): the quoted list is part of what is sent
        officers = read_officers(reply_reading.unquote(parts.quoted_text), [], rules)
    if not officers and split.signature.strip():
        # the roster written after the sign-off ("Thanks, Chief X" then "Officers: ...")
        officers = read_officers(split.signature, [], rules, typed_from=written.signature)
        # "Ofc. Ryan Roy #4T220" signing his own note is his sign-off, not a roster
        officers = not_the_writer_alone(officers, head_from_sender(parts.sender_name, rules)[0])
    if not officers:  # "its me and my deputy Ann Roy. my number is .. hers is ..."
        writer = head_from_sender(parts.sender_name, rules)[0]
        officers = writer_and_one(body, writer, rules) or writer_and_listed(body, writer, rules)
    # the chief's "leave Ofc. Hale off for now", rows marked HOLD, civilian staff
    officers = held.without_held(officers, f"{text}\n{note or ''}", body, parts.tables, rules)
    officers = shown_as.with_default_title(officers, body, rules)
    if len(officers) > limits.max_officers:
        result.notes.append(
            f"only the first {limits.max_officers:,} of {len(officers):,} officers were read"
        )
        officers = officers[: limits.max_officers]
    values, labels = fields.read_fields(body, rules)
    if not is_reply and reply_reading.quotes_someone_else(parts.quoted_text):
        # "Everything you need should be in the thread below": the values it sends on
        values = reply_reading.with_quoted_values(values, parts.quoted_text, rules)
    agency_values = [
        values.get(p) for p in ("agency.judiciary_code", "agency.phone", "agency.address")
    ]

    def kind_of(text: str, named: int) -> Intent:
        return intent.classify(
            text,
            rules,
            has_agency_fields=bool(values.get("agency.judiciary_code") or "agency.name" in labels),
            agency_values=reply_reading.values_above_signer(
                body, split, parts, rules, agency_values
            ),
            officers=named,
            is_reply=is_reply,
            has_logo=is_reply and has_image(parts.attachments),
            subject=parts.subject,
            typed_from=written.body if text == body else None,
        )

    # "Deactivate Tom Roe #03318" in the subject over "see subject - he retired friday"
    kind = kind_of(body, len(officers))
    kind = forwards.note_decides(kind, note, sum(map(bool, agency_values)), kind_of, rules)
    kind, body = request_in_subject(kind, body, parts, is_reply, rules, kind_of, len(officers))
    if kind in ("other", "enrollment") and is_reply and not officers:
        # an answer to our checklist, officer by officer ("Jordan Hale's username is jhale")
        from mailbot.intake.answer_details import reply_officers

        officers = reply_officers(body, rules)[: limits.max_officers]
        if not officers and open_request.desk_waits(parts, rules):
            # "Tyler's is tgreaves, Mia's is msanterre" of the officers the desk asks about
            officers = named_by_desk([], parts, rules, body)[: limits.max_officers]
        if officers:
            kind = "enrollment"
    if kind == "other" and is_reply and reply_reading.answers_checklist(body, rules, labels, parts):
        kind = "enrollment"
    if kind == "other" and is_reply and fixes_desk_list(body, parts, rules):
        kind = "officer_maintenance"  # "One fix to the list below: Luca's username ..."
    if kind == "other" and self_fixed.corrects_officer(body, rules):
        kind = "officer_maintenance"  # "Rowe's first name is Jaclyn, not Jacqueline"
    if kind == "other" and is_reply and desk_named.switch_offs(body, parts, rules):
        kind = "officer_maintenance"  # "Yes please deactivate both." of the desk's two
    titled = f"{parts.subject or ''}\n{body}"
    if not is_reply and enrols_by_values(kind, titled, body, officers, rules, own=note):
        kind = "enrollment"  # "Hardwick PD wants to get on e-tickets. ... Jud code 0952. ..."
    given = sum(1 for v in agency_values if v)
    sends = not is_reply and change_documents.changes_attached(body, parts, rules, kind, given)
    kind = "officer_maintenance" if sends else kind  # "Attached is the memo with our changes"
    kind = past_changes.enrols_after_all(  # "after Chief Lyman retired" with a roster
        kind,
        titled,
        rules,
        officers=officers,
        table_rows=table_rows,
        is_reply=is_reply or sends,
        grids=parts.tables,
    )
    kind = "other" if is_invitation(parts) else kind  # a meeting's agenda asks for no record
    earlier = None
    asked_roster = False
    adds_rows = False  # the officer rows are records to add (not a roster the desk asked for)
    recapped: list[Quoted] = []  # the desk's recap of the request ("what we have so far")
    if is_reply:  # the sender's own request quoted under the reply ("everything else below")
        recapped = desk_recap.recaps(parts, rules)
        earlier = own_resend.earlier_request(
            parts,
            lambda p: parse_parts(p, rules, limits, loop_header),
            open_request.colleague_messages(parts, rules),  # a colleague's request
            recapped,
            rules,
        )
        # what the desk waits on, or the roster the request said would follow
        waits = open_request.desk_waits(parts, rules) or open_request.owed(earlier, officers)
        kind = own_resend.intent_of_reply(kind, earlier, parts, waits)
        if (
            kind == "officer_maintenance"
            and earlier is None
            and open_request.desk_enrols(parts, rules)
        ):
            # "Corrected list: ..." under "several in your list had 4 ... Please resend",
            # "It should be 4C208 (not 4C280)" under "Can you double-check the code?"
            kind = "enrollment"
            officers = officers or pending_fixes.officers_fixed(body, rules)
        asked_roster = (
            kind == "enrollment"
            and (earlier is None or earlier.intent != "enrollment")
            and sum(map(bool, agency_values)) <= 1
            and open_request.roster_change_asked(parts, rules)
        )
        kind = "officer_maintenance" if asked_roster else kind  # the new hires asked for
        # "following up on my email below: is it still in your queue?"
        kind = "other" if open_request.chases(body, earlier, rules) else kind
        # "Thanks! Could you add one more: ..." under "... have been established": the
        # officer rows of a reply to the desk's notice that the records are made are adds
        made = records_made.after_records_made(kind, officers, parts, rules)
        adds_rows = made != kind and made == "officer_maintenance"
        kind = made
    # "I sent our enrollment yesterday and typed Officer Roy's number wrong": still it
    kind, officers = pending_fixes.read_as_pending(kind, officers, body, parts, rules, earlier)
    result.intent = kind

    phone = values.get("agency.phone")
    national = checks.normalize_phone(phone, rules) if phone else None
    phone = national or phone
    result.agency.name = name_of_agency(
        values, labels, split.signature, parts, rules, request=kind != "other"
    )
    result.agency.judiciary_code = values.get("agency.judiciary_code")
    result.agency.address = values.get("agency.address")
    result.agency.phone = phone

    addresses = [
        *parts.to,
        *parts.cc,
        *parts.reply_to,
        *prose.header_addresses(parts.text + "\n" + parts.quoted_text),
        *parts.mailto,
    ]
    signer = head_of_department(split.signature, rules)  # who signs, with his title
    # "Chief Pelkey asked me to answer": the roster of the request a reply completes
    known = earlier.officers if earlier is not None and earlier.intent == "enrollment" else []
    hod_name, hod_title = read_head(
        body,
        split,
        parts,
        rules,
        addresses=addresses,
        officers=officers or known,
        labels=labels,
        note=note,
        kind=kind,
        is_reply=is_reply,
        agency_name=values.get("agency.name"),
        agency_values=agency_values,
        signed=signer,
    )
    if kind == "enrollment" or (hod_title and is_head_title(hod_title, rules)):
        result.head_of_department.name = hod_name
        result.head_of_department.title = hod_title

    roster = [f"{o.first_name} {o.last_name}" for o in officers if o.first_name and o.last_name]
    sender = (parts.sender_name, parts.sender)
    speaker = forwards.request_writer(parts, note, sender)  # whose "I" the request's is
    # "I'm designating you as our e-ticket PoC" in a note forwarded on: "you" is its addressee
    addressed = forwards.request_addressees(parts)
    contact = point_of_contact(
        body,
        rules,
        labels,
        addresses,
        speaker,
        hod_name,
        roster,
        addressed=addressed,
        writer=signer[0],
        ranked=[
            (o.title, f"{o.first_name} {o.last_name}")
            for o in officers
            if o.title and o.first_name and o.last_name
        ],
    )
    if note is not None:  # "Correction to my request below: our PoC will be Sgt. Ann Roy"
        contact = forwards.note_contact(
            contact,
            note,
            lambda t: point_of_contact(t, rules, {}, addresses, sender, hod_name, roster),
            rules,
        )
    if contact.name is None and kind == "enrollment" and not is_reply and parts.subject:
        # "E ticket sign up ... POC Sgt Amy Roy aroy@... roster attached": said in the subject
        said = point_of_contact(parts.subject, rules, {}, addresses, sender, hod_name, roster)
        contact = said if said.name else contact
    # "e-Ticket contact: Renee Gagnon" under the sign-off, the signer's title ("e-Ticket
    # PoC"), on any mail; else his own quoted request's, else the memo attached
    contact = writers_contact(contact, split, parts, rules, addresses, earlier)
    result.point_of_contact.name = contact.name
    result.point_of_contact.email = contact.email
    drop_rank_and_file_head(result, rules)  # "Cpl. Ryan Hale", PoC himself, is not the head

    logo_reason = None
    logo = find_logo(
        parts.attachments,
        limits,
        result.notes,
        said_inline=logo_named(body),
        text=body,
        rules=rules,
    )
    if logo is not None:
        result.agency.logo = logo.filename
        logo_reason = checks.check_logo(logo, rules)
        result._logo_details = logo.details(logo_reason)

    read_by_intent(
        kind,
        result,
        parts,
        rules,
        typed=typed,
        text=text,
        body=body,
        split=split,
        typed_from=written.body,
        labels=labels,
        officers=officers,
        table_rows=table_rows,
        earlier=earlier,
        recapped=bool(recapped),
        note=note,
        is_reply=is_reply,
        asked_roster=asked_roster,
        adds_rows=adds_rows,
        sender=sender,
        writer=signer[0],
        head=(hod_name, hod_title),
        logo_reason=logo_reason,
        national=national,
    )
    log.debug(
        "message_parsed",
        intent=kind,
        officers=len(result.officers),
        changes=len(result.changes),
        missing=len(result.missing),
        invalid=len(result.invalid),
    )
    return result
