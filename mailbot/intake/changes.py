"""Roster changes as people write them: numbered or bulleted items, and paragraphs where
one officer is described over several sentences ("In his place we hired Officer Alexis
Rondeau. Her VT LEO number is BC045 and her DPS username is arondeau. Please add her.");
the message is cut into items by :mod:`change_items`, an item into its officers by
:mod:`change_groups`, a change table with an action column is read by
:mod:`change_tables`, an item's action by :mod:`change_actions`, what a change makes new
by :mod:`change_values`. An item opening with a label ("ADD –", "REMOVE:") takes that
action; a deactivation keeps the title and username written beside its officer.

Each item names one officer (by officer number, else by rank and name); its action
comes from the words in it (``[intent]`` in ``rules/language.toml``), else from the
message as a whole. An update carries what changes: the new title, last or first
name, or username.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from mailbot.intake.asking_fillers import has_asked
from mailbot.intake.change_actions import _action, association_ended, title_as_named
from mailbot.intake.change_asides import (
    asked_about_only,
    his_record_asked,
    merely_mentioned,
    named_in_its_words,
    same_person_again,
    told_apart,
    usernames_by_name,
)
from mailbot.intake.change_columns import (
    labels_across,
    marked_lines_read,
    marked_row_changes,
    new_value_changes,
    printed_rows,
    text_rows,
)
from mailbot.intake.change_corrections import corrections_in_rows, number_fix, rank_changes_in_rows
from mailbot.intake.change_groups import officer_groups
from mailbot.intake.change_items import _NUMBER, is_row, marked_items
from mailbot.intake.change_leads import (
    lead_title,
    moved_row,
    on_sheets,
    ranked_first,
    row_lead_of,
    sheet_lead,
    spaced_runs,
    table_lead,
)
from mailbot.intake.change_listed_numbers import numbers_by_name
from mailbot.intake.change_number_text import joined_numbers
from mailbot.intake.change_officer import login_owed, officer_named, user_said
from mailbot.intake.change_paragraphs import about, told_on
from mailbot.intake.change_replaced import full_names_told
from mailbot.intake.change_shared_title import with_shared_title
from mailbot.intake.change_tables import changes_in_rows, changes_in_table, row_cells
from mailbot.intake.change_usernames import _beside
from mailbot.intake.change_values import _details, _has, change_of, labelled_values
from mailbot.intake.lists import officer_on_line
from mailbot.intake.model import Action, Change, Officer
from mailbot.intake.prose import sentences
from mailbot.intake.rules import Rules

_PRONOUN = re.compile(r"\b(?i:his|her|their|he|she)\b")


def _add_details(changes: list[Change], text: str, rules: Rules) -> None:
    """Values ``text`` gives that the last change does not have yet (an update's new
    title, name or username)."""
    last = changes[-1]
    if not last.officer_number:
        # "Please close out his record - officer number 2PG07": the number of the officer
        # the change before named without one
        from mailbot.intake.prose import number_mentions

        numbers = {m.group(1).upper() for m in number_mentions(text)}
        if len(numbers) == 1:
            last = changes[-1] = Change.model_validate(
                {**last.model_dump(exclude_none=True), "officer_number": numbers.pop()}
            )
    if last.action == "deactivate":
        # "Please deactivate his record (officer # RC3R8, username rcostello)"
        beside = _beside(Officer(), text, rules)
        have = last.model_dump(exclude_none=True)
        if "dps_username" in beside and "dps_username" not in have:
            changes[-1] = Change.model_validate({**have, "dps_username": beside["dps_username"]})
        return
    if last.action == "add":
        # "She should still be in TraCS -- officer number SO5B1, DPS username sorourke."
        told = officer_named(text, rules)
        have = last.model_dump(exclude_none=True)
        # "... his DPS username stays the same: emarsh": said of him, no name beside it
        user = (told.dps_username if told else None) or user_said(text, rules)
        if user and "dps_username" not in have:
            changes[-1] = Change.model_validate({**have, "dps_username": user})
        return
    if last.action != "update":
        return
    found = _details(text, rules)
    have = last.model_dump(exclude_none=True)
    more = {k: v for k, v in found.items() if k not in have}
    if more:
        changes[-1] = Change.model_validate({**have, **more})


def read_changes(
    text: str,
    rules: Rules,
    table_officers: list[Officer],
    own_agency: str | None = None,
    grids: Sequence[list[list[str]]] = (),
) -> list[Change]:
    """Every roster change in ``text`` and in attached ``grids`` with an action column;
    officers of a plain table under "please add" are adds."""
    text = joined_numbers(text)  # "LEO FW-322": the number read whole
    changes: list[Change] = []
    seen: set[tuple[str, str | None]] = set()
    said_unnamed: dict[int, str] = {}  # the words of each change read without a name
    # the words of each change whose action is only the message's ("Mike Osgood is
    # 2F6G1"), by index: perhaps the number of an officer a change asks of elsewhere
    apart: dict[int, str] = {}

    def push(change: Change, words: str = "") -> None:
        if not change.officer_number and same_person_again(changes, change, rules):
            return
        if named_in_its_words(changes, change, said_unnamed, rules):
            return
        if words and his_record_asked(changes, change, words, rules):
            seen.add((change.action, change.officer_number))
            return
        who = change.officer_number or getattr(change, "last_name", None)
        key = (change.action, (who or "").upper() or None)
        if key in seen and change.action == "update" and change.officer_number:
            # "Can you please update her record: ... Title stays Officer" after the
            # paragraph telling of her new name: what the second says that the first not
            _fill_update(changes, change)
        if key in seen or not who:
            return
        twin = _told_before(changes, change)
        if twin is not None:
            # "Lt. Gary Boisvert ... retired" then "Please deactivate Lt. Boisvert's
            # record (GB7L1)": one officer, his names from the first, his number after
            changes[twin] = Change.model_validate(
                {
                    **change.model_dump(exclude_none=True),
                    **changes[twin].model_dump(exclude_none=True),
                    "officer_number": change.officer_number,
                }
            )
            seen.add(key)
            return
        seen.add(key)
        if words and not (
            getattr(change, "last_name", None) or getattr(change, "first_name", None)
        ):
            said_unnamed[len(changes)] = words
        changes.append(change)

    in_table = changes_in_table(text.split("\n"), rules, own_agency)
    in_table = in_table or changes_in_rows(printed_rows(text), rules, own_agency)  # by spaces
    for change in in_table:
        push(change)
    corrected, in_corrections = corrections_in_rows(
        [row_cells(line) for line in text.split("\n")], rules
    )
    for change in corrected:
        push(change)
    # "Current Rank | New Rank" columns: promotions, whatever the rest of the message asks
    promoted = rank_changes_in_rows([row_cells(line) for line in text.split("\n")], rules)
    promoted += [c for grid in grids for c in rank_changes_in_rows(grid, rules)]
    # "Old username | New username" (any field): updates to the values in the new column
    # (its rows a blank line apart too, as a PDF's text prints them)
    promoted += new_value_changes(printed_rows(text), rules)
    promoted += [c for grid in grids for c in new_value_changes(grid, rules)]
    # "Name | Roy, Ann" over "Officer # | X101" and "New title | Sergeant": one officer's
    lines = [cells or [line] for cells, line in zip(text_rows(text), text.split("\n"), strict=True)]
    across = labels_across(lines, rules) + [t for grid in grids for t in labels_across(grid, rules)]
    promoted += [c for grid in across for c in new_value_changes(grid, rules)]
    # "OLD | Roy | Ann ..." over "NEW | Lane | Ann ...": updates to the new row's values
    in_rows = marked_row_changes(text_rows(text), rules)
    if not in_rows:  # "OLD: ..." over "NEW: ...": their lines tell no other change
        in_rows, text = marked_lines_read(text, rules)
    promoted += in_rows
    promoted += [c for grid in grids for c in marked_row_changes(grid, rules)]
    for change in promoted:
        push(change)
    in_corrections |= {c.officer_number or "" for c in promoted}
    # a table with an action column was read with it: its rows are no plain table's adds
    action_table = bool(in_table)
    for grid in grids:
        for change in changes_in_rows(grid, rules, own_agency):
            action_table = True
            push(change)
    # "Can you guys set him up?": the words put between "can you" and the verb left out
    default: Action | None = "add" if has_asked(text, rules.language.intent.add, rules) else None
    numbers_in_tables = {(o.officer_number or "").upper() for o in table_officers}
    if action_table:  # the rows of a table with an action column, read above
        numbers_in_tables |= {(c.officer_number or "").upper() for c in changes}
    lead: Action | None = None
    before = ""  # the paragraph above a list
    asked_new = False  # the paragraph right above, no officer's, asks for a new record
    items = list(
        told_on(
            marked_items(
                text, rules.language.intent.item_labels, rules.language.rows.number_labels
            ),
            rules,
        )
    )
    runs = spaced_runs(items, rules)
    for at, (item, listed) in enumerate(items):
        # "Please add our new officer:" then his lines, number still pending: the
        # lead-in right above a paragraph says what to do with it
        above = lead if not listed else None
        # "these three have left:" then "Ofc. Ann Roy (CO162)" a paragraph each (a list
        # spaced by blank lines): each bare officer line is an item of the lead-in's list
        spaced = bool(above) and at in runs
        if not listed:
            # "... are no longer with us. Please deactivate their records:" then a list:
            # the lead-in's action is each item's that names none of its own
            closes = item.rstrip().endswith(":")
            # (what the sentence ending in ":" asks first: "We hired a lateral from
            # Montpelier. Please add:")
            if closes:
                told = sentences(item) or [item]
                lead = _action(told[-1], rules, None) or _action(item, rules, None)
            else:
                lead = lead if spaced else None
            before = item if not (_NUMBER.search(item) or is_row(item)) else ""
        elif item.rstrip().endswith(":") and not _NUMBER.search(item):
            # "1. We have two new deputies ... Please create TraCS records for:" then its
            # own list: the item's action is its sub-items'
            lead = _action(item, rules, None) or lead
        row_lead = row_lead_of(item, before, rules) if listed and lead is None else None
        new_above, asked_new = asked_new, not listed and not _NUMBER.search(item)
        asked_new = asked_new and _has(item, rules.language.intent.add)
        # "please update the titles for the two officers below. Roy's LEO # is 8S431 and
        # Lane's is 8S502.": what the item asks, for each officer it names after
        asked: Action | None = None
        if not listed and asked_about_only(item, rules):
            continue  # "Just checking in on my request for Ofc. Roy (SH118) ...?": asked about
        # "Gagnon and Provost resigned ... 5G021 and 5P300": each number by its name
        for group in officer_groups(numbers_by_name(item, rules), rules):
            # a row's cells are read in the roster form's order (last name first)
            # (a note in brackets after its cells is no cell: "(came over from Richford PD)")
            row = _ROW_NOTE.sub("", group) if is_row(group) else None
            officer = (officer_on_line(row, rules) if row else None) or officer_named(group, rules)
            nameless = officer is not None and not officer.last_name and not officer.first_name
            if officer is not None and nameless and listed and "\n" not in group.strip():
                # "Okonkwo, Tariq - Officer - ML618 - tokonkwo": a list line, last name first
                lined = officer_on_line(group, rules)
                head = _NAME_NUMBER.match(group.strip())
                if lined is None and head:
                    # "tomas reyes (SB458) username is wrong, ...": the name before it
                    lined = officer_on_line(head.group(0), rules)
                if lined and lined.last_name and lined.officer_number == officer.officer_number:
                    officer, nameless = lined, False
            if (
                changes
                and _PRONOUN.search(group)
                and (officer is None or (nameless and not changes[-1].officer_number))
            ):
                # "Please move his record ... His title there will be Officer.": more
                # about the officer of the change before
                _add_details(changes, group, rules)
                continue
            if officer is None or not (officer.officer_number or officer.last_name):
                continue
            if merely_mentioned(group, officer, rules):  # "my old number was ...", "FROM:"
                continue
            if (officer.officer_number or "").upper() in numbers_in_tables:
                continue
            if officer.officer_number in in_corrections:
                continue  # a row of a correction table, read above
            # without an officer number, the item itself must say what to do (a list
            # line of its own, "- Bree Thibault, officer, LEO number pending", follows
            # the message's)
            fallback = (
                (lead if listed or spaced else None)
                or (row_lead[0] if row_lead else None)
                or default
                or asked
            )
            own_line = listed and officer_on_line(group, rules) is not None
            if above and not own_line and (labelled_values(group) or ranked_first(group, rules)):
                fallback, own_line = above, True
            action = _action(
                about(group, officer, rules),
                rules,
                fallback if officer.officer_number or own_line else None,
            )
            if action is None and login_owed(officer, group, rules):
                action = "update"
            if action == "update" and new_above and title_as_named(group, rules):
                # "Please create a TraCS officer record for our newest officer." over
                # "Officer Kaitlyn Desrochers ... Her title on the ticket should just be
                # "Officer"": the title of the new officer the paragraph above asks for
                action = "add"
            if action is None:
                continue
            # no word of its own nor of a lead-in asks it: only the message's action
            by_default = action == default and not (lead if listed or spaced else None)
            by_default = by_default and not row_lead and not (above and own_line)
            by_default = by_default and _action(about(group, officer, rules), rules, None) is None
            asked = asked or action
            change = change_of(officer, action, group, rules, own_agency)
            fixed = number_fix(group) if action == "update" else None
            if fixed:  # the record's number corrected: the number it should have
                change = Change.model_validate({**change.model_dump(), "officer_number": fixed})
            # "update titles for these 2 ... title should just be Officer" then the rows
            said = lead_title(row_lead, before if lead == "update" and listed else "", rules)
            if said and action == "update" and not getattr(change, "title", None):
                change = Change.model_validate({**change.model_dump(), "title": said})
            ended = association_ended(group, change, rules)
            if ended:  # "end his association with Essex PD ... and add him under ..."
                push(ended)
            count = len(changes)
            push(change, group)
            if by_default and len(changes) > count:
                apart[count] = group
    named = {(c.officer_number or "").upper() for c in changes if c.officer_number}
    sheet = sheet_lead(text, grids, rules)  # "the attached list are deputies who left"
    for officer in [] if action_table else table_officers:
        # each table under its own lead-in ("Promotions effective May 1:" over one, "New
        # officer to add:" over the next)
        table_action = table_lead(text, [officer], rules)
        if not table_action and sheet and on_sheets(officer, grids, rules):
            table_action = sheet
        table_action = table_action or default
        if (officer.officer_number or "").upper() in named:
            continue
        if table_action == "add":
            added = Change(action="add", **officer.model_dump())
            if not his_record_asked(changes, added, text, rules):  # "create his record:"
                count = len(changes)
                push(added)
                if len(changes) > count and not table_lead(text, [officer], rules):
                    apart[count] = ""  # no lead-in over it: added by the message's words
        elif table_action == "deactivate":
            push(change_of(officer, "deactivate", "", rules))
        elif moved := moved_row(officer, table_action, text, rules, own_agency):
            push(moved)  # "associate the following deputy with us ... keeps his number"
    # "Mike Osgood is 2F6G1" over "- Sgt. Mike Osgood is retiring": one officer's change
    changes = told_apart(changes, apart, rules)
    changes = with_shared_title(changes, text, rules)  # "Title for the new deputies: ..."
    # "Please also remove Wayne (9C488)" after "replacing Wayne Colvin"
    changes = full_names_told(usernames_by_name(text, changes, rules), text, rules)
    return without_kept(changes, text, rules)


def without_kept(changes: list[Change], text: str, rules: Rules) -> list[Change]:
    """``changes`` less those, named without a number, of an officer a sentence keeps as
    he is ("Eric Lund is still with us and should stay active!!")."""
    words = rules.language.intent
    kept: set[str] = set()
    for sentence in sentences(text):
        if _has(sentence, words.stays) and not _has(sentence, words.deactivate_asked):
            kept.update(w.lower() for w in re.findall(r"[\w'’-]+", sentence))
    return [
        c
        for c in changes
        if c.officer_number or (getattr(c, "last_name", None) or "").lower() not in kept
    ]


def _fill_update(changes: list[Change], change: Change) -> None:
    """The update of ``change``'s officer number in ``changes`` given the values only
    ``change`` has."""
    for i, before in enumerate(changes):
        if before.action == "update" and before.officer_number == change.officer_number:
            have = before.model_dump(exclude_none=True)
            more = {k: v for k, v in change.model_dump(exclude_none=True).items() if k not in have}
            if more:
                changes[i] = Change.model_validate({**have, **more})
            return


def _told_before(changes: list[Change], change: Change) -> int | None:
    """The index of a change of the same action, named without a number, of the officer
    ``change`` gives a number for (the same last name), or None."""
    last = (getattr(change, "last_name", None) or "").lower()
    if not change.officer_number or not last:
        return None
    for i, before in enumerate(changes):
        if (
            before.action == change.action
            and not before.officer_number
            and (getattr(before, "last_name", None) or "").lower() == last
        ):
            return i
    return None


# a list line's name, then its officer number in brackets, before what is asked of him
_NAME_NUMBER = re.compile(r"[^()\n]{3,60}?\([ \t]*[A-Za-z0-9-]{3,12}[ \t]*\)")
_ROW_NOTE = re.compile(r"[ \t]*\([^()\n]{0,160}\)[ \t]*$")
