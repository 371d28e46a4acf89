"""The words for people in ``[people]`` of ``rules/language.toml``: ranks and titles, the
head's titles and the words around them, introductions, pronouns and the short first
names people go by."""

from __future__ import annotations

from pydantic import Field

from mailbot.intake.rules_formats import RuleModel


class People(RuleModel):
    ranks: dict[str, str]
    rank_modifiers: list[str] = Field(default_factory=list)
    introductions: list[str] = Field(default_factory=list)
    name_lead_ins: list[str] = Field(default_factory=list)
    """Words that set down an agency's name before it ("the name should be ...")."""
    rank_roles: list[str] = Field(default_factory=list)
    unit_words: list[str] = Field(default_factory=list)
    """Words ending the name of a part of an agency ("Criminal Division") that a head's
    title may name after a comma ("Chief, Criminal Division")."""
    name_reflexives: list[str] = Field(default_factory=list)
    """Words after a name that add no name ("Chief Rowe himself (C1140, erowe)")."""
    """Words after a rank that make one title with it ("Investigator Supervisor")."""
    rank_plurals: dict[str, str] = Field(default_factory=dict)
    joined_as: list[str] = Field(default_factory=list)
    """Words before "as" and a rank that give a new officer's title ("sworn in as a Game
    Warden", "hired as a Patrol Officer")."""
    joined_verbs: list[str] = Field(default_factory=list)
    agency_units: list[str] = Field(default_factory=list)
    """Words ending the name of an agency's unit after a dash ("... - Police Division")."""
    """Words before the agency an officer goes to work for ("joined the X Sheriff's
    Department", "starts with the X Police Department on Monday")."""
    new_officer_words: list[str] = Field(default_factory=list)
    """Words naming the new officers a title is said for apart from their lines ("Title
    for the new deputies should be Deputy Sheriff")."""
    new_officer_kinds: list[str] = Field(default_factory=list)
    """Words for the kind of post between "new" and a rank ("new contract deputy")."""
    roster_headings: list[str] = Field(default_factory=list)
    instruction_words: list[str]
    aside_openers: list[str] = Field(default_factory=list)
    """Words opening a sentence that tells of an officer, never part of his name ("FYI
    Officer Jenna Lyford has left ...")."""
    job_words: list[str]
    head_titles: list[str]
    head_request_words: list[str] = Field(default_factory=list)
    """Words for the enrolment request a reply says was the head's ("Chief Hanley's
    original email")."""
    head_letter_words: list[str] = Field(default_factory=list)
    """Words a cover note calls the head's attached, signed letter by ("letter from ...")."""
    head_authority_verbs: list[str] = Field(default_factory=list)
    """Verbs by which a head named in full authorises a request ("Chief Ann Roy approved")."""
    head_sent_for_verbs: list[str] = Field(default_factory=list)
    """Verbs of a writer who sends a request for a head ("sending this for Chief Ann Roy")."""
    head_appointed_verbs: list[str] = Field(default_factory=list)
    """Verbs that make a person the head ("appointed Lt. Ann Roy as Chief of Police")."""
    head_involved_words: list[str] = Field(default_factory=list)
    """Words after "the Chief is" that give him a part in the request ("is aware")."""
    head_title_modifiers: list[str] = Field(default_factory=list)
    head_sent_for: list[str] = Field(default_factory=list)
    """Words before a head title that keep it the head's ("Interim Chief of Police")."""
    not_head_modifiers: list[str] = Field(default_factory=list)
    """Words before a head title that make it another's ("Assistant Chief", "former Chief")."""
    serving_words: list[str] = Field(default_factory=list)
    """Words in a title after which a head title is the head served, not the title's
    holder ("Administrative Assistant to the Chief")."""
    greetings: list[str] = Field(default_factory=list)
    """Words that open a message to its reader ("Hi Alan,"): the name after them is the
    addressee's, never a signer's."""
    sign_offs: list[str]
    agency_suffixes: list[str]
    weak_agency_suffixes: list[str] = Field(default_factory=list)
    agency_abbreviations: list[str] = Field(default_factory=list)
    """Short forms ending an agency's name ("Winooski PD (0519)": the code is the agency's)."""
    typed_abbreviations: list[str] = Field(default_factory=list)
    """Of those short forms, the ones still read as one when typed in lower case ("royalton
    pd"); "so" and "sd" are ordinary words there."""
    place_words: list[str] = Field(default_factory=list)
    agency_full_forms: dict[str, str] = Field(default_factory=dict)
    """Short forms ending an agency's name ("PD") and the words they stand for."""
    small_words: list[str] = Field(default_factory=list)
    """Lower-case words inside a name, for a message in capitals ("Town of Ludlow")."""
    surname_titles: list[str] = Field(default_factory=list)
    surname_abbreviations: list[str] = Field(default_factory=list)
    """Title words that are also surnames ("Harlan Constable", "Dana Marshal")."""
    name_shown_verbs: list[str] = Field(default_factory=list)
    name_shown_objects: list[str] = Field(default_factory=list)
    name_label_links: list[str] = Field(default_factory=list)
    """Words between a label of the agency's name and the name in running text ("Name on
    the ticket should be ...", "... 0773. Name on ticket: ...")."""
    """A sentence setting down the name to show ("display us on the ticket as: ...")."""
    desk_names: list[str] = Field(default_factory=list)
    """The desk's own department: a letter's addressee, never the sender's agency."""
    shared_mail_domains: list[str] = Field(default_factory=list)
    """Mail domains anyone can have an address on ("gmail.com"): no colleague's mark."""
    pronouns: list[str] = Field(default_factory=list)
    short_names: dict[str, list[str]] = Field(default_factory=dict)
    """First names people go by that do not begin the full one ("bill" for William)."""
