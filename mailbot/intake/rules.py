"""The rules in ``rules/*.toml``: what each request needs and how values must look.

Everything the field readers and the checklist depend on (required paths, value formats,
label and column synonyms, intent words) is data here, so a change to a rule file
changes behaviour without a code change."""

from __future__ import annotations

import functools
import threading
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, Field, ValidationError

from mailbot.errors import RulesError
from mailbot.intake.officer_fields import OFFICER_FIELDS
from mailbot.intake.rules_columns import Columns
from mailbot.intake.rules_evidence import Corrections, Dictation, Evidence
from mailbot.intake.rules_formats import Formats, RuleModel
from mailbot.intake.rules_labels import Labels
from mailbot.intake.rules_people import People
from mailbot.intake.rules_rows import GatheredWords, MentionWords, RowWords


class EnrollmentRequirements(RuleModel):
    required: list[str]
    officer_fields: list[str]


class ChangeRequirements(RuleModel):
    add: list[str]
    update: list[str]
    deactivate: list[str]


class Requirements(RuleModel):
    enrollment: EnrollmentRequirements
    changes: ChangeRequirements


class IntentWords(RuleModel):
    enrollment: list[str]
    add: list[str]
    promote: list[str]
    transfer: list[str]
    deactivate: list[str]
    roster_later: list[str] = Field(default_factory=list)
    picture_words: list[str] = Field(default_factory=list)
    roster_words: list[str] = Field(default_factory=list)
    set_up: list[str] = Field(default_factory=list)
    set_up_subjects: list[str] = Field(default_factory=list)
    starts_writing: list[str] = Field(default_factory=list)
    agency_wishes: list[str] = Field(default_factory=list)
    """Words of the agency's wish ("we want to", "would like to"): before a verb of
    ``wish_verbs`` and e-tickets ("We want to do e tickets"), a request to enrol."""
    wish_verbs: list[str] = Field(default_factory=list)
    left_off: list[str] = Field(default_factory=list)
    held_back: list[str] = Field(default_factory=list)
    """Wordings that keep officers of the roster sent out of this enrolment for now ("leave
    Ofc. Hale off for now", "the rows marked HOLD", "can be ignored")."""
    held_back_verbs: list[str] = Field(default_factory=list)
    value_pieces: list[str] = Field(default_factory=list)
    """Verbs that keep an officer out only as their object or in the passive ("please
    hold Soto", "Soto is held"), never the subject's ("Sgt. Hale will hold the PoC role")."""
    now_titled: list[str] = Field(default_factory=list)
    """Words between an officer's name and his new rank in a change written in prose
    ("Demers, Kyle, now Sergeant", "Ana Roy is now a Corporal")."""
    civilian_titles: list[str] = Field(default_factory=list)
    """Titles of civilian staff on a roster (a records clerk, a dispatcher): not officers."""
    former_value: list[str] = Field(default_factory=list)
    """Words opening a bracketed note of the value a cell had before ("Sergeant (from
    Corporal)"): the cell's new value is the one before the bracket."""
    sheet_words: list[str] = Field(default_factory=list)
    """Words for a workbook's tabs: a sentence keeping one out speaks of them ("please
    skip that tab")."""
    """Wordings of a re-sent request that leave an officer of the earlier roster out
    ("please leave Lt. Dwyer off the officer list")."""
    """Wordings saying the officers will be sent in a later message ("roster to follow")."""
    asks_no_change: list[str] = Field(default_factory=list)
    """Wordings saying the message asks for no change yet ("we are not asking for any
    changes, just a question"): with a question, the message is an enquiry."""
    not_yet: list[str] = Field(default_factory=list)
    """Wordings of a message written ahead of a request that says nothing is to be done
    from it yet ("please don't set anything up off this email"): not a request."""
    other_systems: list[str] = Field(default_factory=list)
    """Names of other systems than TraCS ("the crash reporting system"): a sentence that
    asks for something there only asks the desk for no record."""
    enquiry: list[str] = Field(default_factory=list)
    asks_what_is: list[str] = Field(default_factory=list)
    """Questions asking what the desk's records say ("confirm which agency he is with")."""
    status_chase: list[str] = Field(default_factory=list)
    """Wordings asking where an earlier request stands ("where the request stands")."""
    own_ticket: list[str] = Field(default_factory=list)
    """Wordings of a driver writing about the ticket he got ("I got a ticket from officer
    ..."): no agency's request, whatever he asks to be fixed."""
    court_words: list[str] = Field(default_factory=list)
    """Words of tickets in court ("docket", "defendant"): a message with several of them
    and no word of adding, promoting or switching off a record is about tickets."""
    """Wordings of a message that asks about the process, follows one up, reports a
    problem or offers a product, rather than requesting anything."""
    asking: list[str] = Field(default_factory=list)
    """Words that make a message a request whatever else it says ("please")."""
    asking_fillers: list[str] = Field(default_factory=list)
    """Words put between "can you" and what it asks ("can you just deactivate her?")."""
    enrolled_before: list[str] = Field(default_factory=list)
    """Wordings telling of an enrolment done before ("when we enrolled"), not asked for."""
    had_before: list[str] = Field(default_factory=list)
    """Words before an enrolment word, a few words back, that say the agency has it
    already ("Brandon PD already has our TraCS agency record")."""
    record_joined: list[str] = Field(default_factory=list)
    """Words right before an agency's record (its name between) that put officers on one
    it has ("add the following inspectors to the DMV Enforcement agency record")."""
    tickets: list[str] = Field(default_factory=list)
    """Words naming e-tickets ("wants e-tickets"): enrolment evidence beside its values."""
    letter_counts: list[str] = Field(default_factory=list)
    deactivate_asked: list[str] = Field(default_factory=list)
    deactivate_declined: list[str] = Field(default_factory=list)
    employment_ended: list[str] = Field(default_factory=list)
    move_asked: list[str] = Field(default_factory=list)
    """An officer's employment ended ("separated - transferred to X"), and the words that
    ask his record moved: the one without the other closes the record here."""
    associate_asked: list[str] = Field(default_factory=list)
    """Words asking a leaving officer's record tied to the agency he goes to, beside the
    words removing him from the sender's: the record moves."""
    old_login: list[str] = Field(default_factory=list)
    """Words naming the login an officer had before ("the old one kmercer will be shut
    off"): a clause switching it off beside a new name or login closes no record."""
    doubts: list[str] = Field(default_factory=list)
    """Words of the writer's doubt of what he wrote, in brackets ("(sorry if thats wrong,
    copying from his card)"): no correction asked, the words inside count for nothing."""
    title_stated: list[str] = Field(default_factory=list)
    """Words stating the title a record shows ("title on the ticket should be Officer")."""
    deactivate_withdrawn: list[str] = Field(default_factory=list)
    """Words taking back a switch-off asked before ("so do NOT deactivate him")."""
    request_withdrawn: list[str] = Field(default_factory=list)
    """Words taking back a request asked before ("please disregard my request for it")."""
    never_enrolled: list[str] = Field(default_factory=list)
    """Words saying an officer never had a record ("never had a TraCS user record")."""
    self_leaving: list[str] = Field(default_factory=list)
    request_questions: list[str] = Field(default_factory=list)
    """Words that make a question a request ("Can we get ...?", "if you could")."""
    wonders: list[str] = Field(default_factory=list)
    """Words that put a request in a question told ("find out whether we need to enroll")."""
    told_before: list[str] = Field(default_factory=list)
    """Words telling of a request sent before ("We sent over a new officer on Monday")."""
    no_record_asked: list[str] = Field(default_factory=list)
    """What a request may ask for that is no officer's record and no enrolment."""
    wishes: list[str] = Field(default_factory=list)
    """Words of a wish ("would like to"), a request only when the writer's."""
    time_clauses: list[str] = Field(default_factory=list)
    """Words opening a clause of time ("before the new hires start")."""
    rank_left_before: list[str] = Field(default_factory=list)
    """Words before a rank that say an officer holds it no more ("is no longer constable")."""
    rank_left_after: list[str] = Field(default_factory=list)
    """Words after a rank denied ("is not constable anymore") that say he held it before."""
    deactivate_openers: list[str] = Field(default_factory=list)
    deactivate_around: list[str] = Field(default_factory=list)
    """Verbs that switch a record off with "off" after the name ("take Jo Roy off")."""
    request_openers: list[str] = Field(default_factory=list)
    """Words that open a request ("please", "pls", "can you")."""
    update_openers: list[str] = Field(default_factory=list)
    record_created: list[str] = Field(default_factory=list)
    """Words asking for the record of the officer an item names to be created ("go ahead
    and create his record"): an add, whatever else it tells of him ("has his DPS account
    now")."""
    item_labels: list[str] = Field(default_factory=list)
    """Action words that, as a line's label ("ADD: ...", "UPDATE: ...", "DEACTIVATE -"),
    open an item of a roster change of its own, as a bullet does."""
    sent_attached: list[str] = Field(default_factory=list)
    """Words of a message pointing at what it attaches ("Attached is the Sheriff's
    memo"): the changes an attached memo or roster asks for are the message's."""
    points_below: list[str] = Field(default_factory=list)
    """Words of a paragraph that points at the table under it ("the individuals listed
    below are no longer employed"): its action is the table's, as a lead-in's with ":"."""
    section_words: list[str] = Field(default_factory=list)
    """Words naming a part of an attached document ("the changes listed in Section 2"):
    when the message names one, only that part is read for changes."""
    reactivate: list[str] = Field(default_factory=list)
    """Words of an officer coming back ("reinstated", "back from leave"): his record is
    added again; ``reactivate_later``: a return foreseen, not asked ("may reinstate")."""
    reactivate_later: list[str] = Field(default_factory=list)
    moves_record: list[str] = Field(default_factory=list)
    """Words of a record that exists for an officer joining from another agency ("she
    already has a TraCS officer record", "change her affiliation"): it moves (update)."""
    ends_association: list[str] = Field(default_factory=list)
    """Words asking to end an officer's tie to the agency he comes from ("end his
    association with Essex PD"): a deactivation beside his add."""
    stays: list[str] = Field(default_factory=list)
    replaces: list[str] = Field(default_factory=list)
    renamed: list[str] = Field(default_factory=list)
    """Words telling that an officer's name changed ("got married", "changed her name"):
    the same first name written with another last name is the name she has now."""
    renamed_from: list[str] = Field(default_factory=list)
    """Words before the name a record had before ("was formerly Erin Mayo")."""
    """Words after a comma that go on to the officer a newcomer replaces ("Roy Lane was
    sworn in, replacing Ed Moss who retired"): another officer's clause."""
    """Words that keep an officer as he is ("is still with us", "please don't touch his
    record", "same agency, nothing has to change"): no change for him."""
    """Imperatives that switch a record off when they open an item ("Remove Smith VT233")."""
    """Words that ask for a record to be switched off ("please deactivate"), as against
    words that only tell of a departure ("has left"): an officer who left for another
    agency keeps his record, moved there, unless one of these is written."""
    answers_inline: list[str] = Field(default_factory=list)
    """Words of a reply whose answers are written into the desk's quoted checklist."""
    answers_in_caps: list[str] = Field(default_factory=list)
    """Words saying those answers are the lines written in capitals."""
    yes_words: list[str] = Field(default_factory=list)
    """An answer that agrees ("Yes, me"): to "Is the PoC still you?", the writer is it."""
    self_answer_leads: list[str] = Field(default_factory=list)
    """Words before "me" in an answer ("That will be me"): the writer names himself."""
    desk_waits: list[str] = Field(default_factory=list)
    desk_enrolment: list[str] = Field(default_factory=list)
    """Words of the desk's quoted question that speak of an agency's enrolment
    ("the judiciary code on your request", "several in your list had 4")."""
    desk_done: list[str] = Field(default_factory=list)
    """Words of the desk's quoted notice that the records were made ("have been created")."""
    desk_recaps: list[str] = Field(default_factory=list)
    """Words of the desk's quoted answer that open its recap of the request ("Here is
    what we have so far:"): the values under them are the sender's own."""
    desk_restates: list[str] = Field(default_factory=list)
    """Words of the desk's quoted answer that restate the request from their first word
    on ("To add Officer Jacob Keller ... we need his number")."""
    pending_sent: list[str] = Field(default_factory=list)
    earlier_mail: list[str] = Field(default_factory=list)
    """The writer's own enrolment request, or mail, told of as sent before."""
    username_words: list[str] = Field(default_factory=list)
    """Words of an answer that speak of usernames ("For the usernames, Amy's is alavoie"):
    a username in it made from one officer's name is his."""
    roster_order: list[str] = Field(default_factory=list)
    """Words saying an answer's usernames follow the roster's order ("in order: ...")."""
    """Words of the desk's quoted answer that wait on the sender: the request is still open."""
    leaving: list[str] = Field(default_factory=list)
    """Words of an officer leaving ("is leaving us", "lateral"): an agency named after
    them with "for"/"to" ("leaving us for the Vermont State Police") is where he goes."""


class Language(RuleModel):
    intent: IntentWords
    people: People
    evidence: Evidence
    dictation: Dictation = Field(default_factory=Dictation)
    corrections: Corrections = Field(default_factory=Corrections)
    rows: RowWords = Field(default_factory=RowWords)
    mentions: MentionWords = Field(default_factory=MentionWords)
    gathered: GatheredWords = Field(default_factory=GatheredWords)


class Rules(RuleModel):
    """All rule files of one directory, typed."""

    requirements: Requirements
    formats: Formats
    labels: Labels
    columns: Columns
    language: Language


_FILES: dict[str, type[BaseModel]] = {
    "requirements": Requirements,
    "formats": Formats,
    "labels": Labels,
    "columns": Columns,
    "language": Language,
}
_COLUMN_KEYS = {*OFFICER_FIELDS, "full_name", "status"}
_LABEL_KEYS = {
    "agency.judiciary_code",
    "agency.name",
    "agency.address",
    "agency.phone",
    "point_of_contact.name",
    "point_of_contact.email",
    "head_of_department.name",
}

_cache: dict[Path, Rules] = {}
_default: list[Rules] = []  # the bundled rules, once loaded (skips resolving the path)
_lock = threading.Lock()


def _load_file(path: Path, model: type[BaseModel]) -> BaseModel:
    try:
        data: dict[str, object] = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RulesError(f"rules file {path} is missing") from None
    except (OSError, UnicodeDecodeError) as e:
        raise RulesError(f"rules file {path} cannot be read: {e}") from None
    except tomllib.TOMLDecodeError as e:
        raise RulesError(f"rules file {path} is not valid TOML: {e}") from None
    try:
        return model.model_validate(data)
    except ValidationError as e:
        first = e.errors()[0]
        key = ".".join(str(p) for p in first["loc"]) or "(top level)"
        if first["type"] == "extra_forbidden":
            what = "unknown key"
        elif first["type"] == "missing":
            what = "missing key"
        else:
            what = first["msg"]
        raise RulesError(f"rules file {path}: {key}: {what}") from None


def _check_names(directory: Path, rules: Rules) -> None:
    for key in rules.columns.columns:
        if key not in _COLUMN_KEYS:
            raise RulesError(f"rules file {directory / 'columns.toml'}: columns.{key}: unknown key")
    for key in rules.labels.labels:
        if key not in _LABEL_KEYS:
            raise RulesError(f"rules file {directory / 'labels.toml'}: labels.{key}: unknown key")


def load_rules(directory: Path | None = None) -> Rules:
    """Load and validate every rule file of ``directory`` (default: the bundled ``rules/``).

    Results are cached per directory. Raises :class:`RulesError` naming the file and key.
    """
    if directory is None:
        if _default:
            return _default[0]
        from mailbot.resources import rules_dir

        rules = load_rules(rules_dir())
        with _lock:
            _default[:] = [rules]
        return rules
    directory = Path(directory).resolve()
    with _lock:
        cached = _cache.get(directory)
        if cached is not None:
            return cached
    parts = {name: _load_file(directory / f"{name}.toml", model) for name, model in _FILES.items()}
    rules = Rules.model_validate({k: v.model_dump() for k, v in parts.items()})
    _check_names(directory, rules)
    with _lock:
        _cache[directory] = rules
    return rules


def clear_cache() -> None:
    """Forget loaded rules (for tests and a reload after editing rule files)."""
    with _lock:
        _cache.clear()
        _default.clear()


T = TypeVar("T")
_MAX_DERIVED = 32  # Rules objects remembered per derived lookup (tests load many rule dirs)


def per_rules(build: Callable[[Rules], T]) -> Callable[[Rules], T]:
    """Compute ``build(rules)`` once per :class:`Rules` object (they are immutable).

    For lookups derived from the rules (compiled label patterns, synonym tables) that
    the field readers would otherwise rebuild for every message.
    """
    cache: dict[int, tuple[Rules, T]] = {}
    last: list[tuple[Rules, T]] = []  # the rules asked for last: nearly always the same

    @functools.wraps(build)
    def derived(rules: Rules) -> T:
        if last and last[0][0] is rules:
            return last[0][1]
        hit = cache.get(id(rules))
        if hit is None or hit[0] is not rules:
            if len(cache) >= _MAX_DERIVED:
                cache.clear()
            hit = cache[id(rules)] = (rules, build(rules))  # ``rules`` alive: its id unique
        last[:] = [hit]
        return hit[1]

    return derived


def per_rules_text(read: Callable[[str, Rules], T], size: int = 1024) -> Callable[[str, Rules], T]:
    """``read(text, rules)`` remembered for the last texts read under each :class:`Rules`:
    for pure readers of short strings (a sender's name, a line) that several readers of
    one message ask about again. What ``read`` returns must not be changed by callers."""

    @per_rules
    def remembered(rules: Rules) -> Callable[[str], T]:
        return functools.lru_cache(maxsize=size)(lambda text: read(text, rules))

    @functools.wraps(read)
    def cached(text: str, rules: Rules) -> T:
        return remembered(rules)(text)

    return cached


def per_message_text(read: Callable[[str, Rules], T]) -> Callable[[str, Rules], T]:
    """:func:`per_rules_text` with room for the pieces of about one message only (what
    several of its readers ask of the same sentence, not what recurs across messages)."""
    return per_rules_text(read, size=128)
