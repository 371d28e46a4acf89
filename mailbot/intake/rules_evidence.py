"""The words by which the readers weigh which value plays which role (``[evidence]`` of
``rules/language.toml``), read a message typed as dictated (``[dictation]``) and the values
its writer corrects (``[corrections]``)."""

from __future__ import annotations

from pydantic import Field

from mailbot.intake.rules_formats import RuleModel


class Evidence(RuleModel):
    code_words: list[str]
    personal_phone_words: list[str]
    person_phone_owners: list[str] = Field(default_factory=list)
    """People's roles whose number a phone is said to be ("our PoC's cell is ...")."""
    person_phone_verbs: list[str] = Field(default_factory=list)
    """Words of reaching a named person at a number ("you can reach Sgt. Lyle at ...")."""
    person_phone_nouns: list[str] = Field(default_factory=list)
    """Words of a number between a person's possessive and it ("Rita's cell is ...")."""
    person_line_labels: list[str] = Field(default_factory=list)
    """Labels that open a line of a person's details ("PoC: Sgt. Rita Bone, phone ...")."""
    person_line_phone_words: list[str] = Field(default_factory=list)
    """Words between a person's name and a number on his line ("phone", "cell")."""
    not_person_owners: list[str] = Field(default_factory=list)
    """Capitalised words with "'s" that name no person ("Here's", "Department's")."""
    agency_phone_words: list[str] = Field(default_factory=list)
    """Words between the person and the number that make it the agency's ("office line")."""
    role_mailboxes: list[str]
    this_mailbox_words: list[str] = Field(default_factory=list)
    other_person_words: list[str] = Field(default_factory=list)
    other_place_words: list[str] = Field(default_factory=list)
    agency_place_words: list[str] = Field(default_factory=list)
    address_given_words: list[str] = Field(default_factory=list)
    own_address_words: list[str] = Field(default_factory=list)
    """Words right before an address by which the writer gives it as his own ("please use
    my office address, ...", "reach me at")."""
    contact_label_weights: dict[str, int] = Field(default_factory=dict)
    """What a label's words weigh for the agency's address or phone ("Business" for,
    "Fax", "Mailing", "Satellite Office" against): the value with the most is taken."""
    contact_designating_words: list[str] = Field(default_factory=list)
    """Words of a sentence that sets the agency's details down ("as the agency address")."""
    contact_designation_weight: int = 0
    """What a value in such a sentence gains (or a signature such a sentence points to)."""
    signature_pointer_words: list[str] = Field(default_factory=list)
    """Words after those that point to the signature ("shown in my signature block")."""
    other_party_words: list[str] = Field(default_factory=list)
    """Words of a block (a signature, a letterhead) that give it to a party other than the
    agency ("Town of Woodstock", "Town Administrator", "Computer Services LLC")."""
    party_weights: dict[str, int] = Field(default_factory=dict)
    """What a value gains in the agency's own block ("agency") or loses in another
    party's ("other")."""
    inside_address_words: list[str] = Field(default_factory=list)
    """Words above a letter's inside address ("Attn:"): the recipient's, never the agency's."""
    contact_words: list[str] = Field(default_factory=list)
    """Words that speak of the e-ticket Point-of-Contact in any wording ("person of contact")."""
    contact_handover: list[str] = Field(default_factory=list)
    """Words handing the contact's role from one person to another ("I've taken over as
    our e-ticket PoC from Sgt. Roy, who moved to the detective slot"): the one it passes
    from is named for the role, not for a change of his record."""
    contact_roles: list[str] = Field(default_factory=list)
    """The contact as a role a writer takes in his request ("I am the chief and the
    contact"): in the last look only, a sentence with one and an address gives staff it."""
    poc_spellings: list[str] = Field(default_factory=list)
    """The PoC words as a writer may put them otherwise ("the person of contact"): read as
    "point of contact"."""
    poc_programs: list[str] = Field(default_factory=list)
    """The program a PoC is for, named otherwise than "e-ticket" ("the TraCS PoC")."""
    poc_qualifiers: list[str] = Field(default_factory=list)
    """Words before the PoC words that say only when or for how long ("our new PoC", "the
    acting point of contact"): read as the plain role."""
    poc_duties: list[str] = Field(default_factory=list)
    """What the PoC is said to do for the request, after "will" ("Lt. Amy Roy will run this
    for us"): the person who will do it is the PoC, when no one is named so otherwise."""
    first_person_words: list[str] = Field(default_factory=list)
    """Words by which a writer speaks of himself ("I'll", "me", "myself")."""
    self_links: list[str] = Field(default_factory=list)
    """Words linking the writer to the contact role ("be", "as")."""
    self_objects: list[str] = Field(default_factory=list)
    """The writer after the role ("PoC is me")."""
    self_made_verbs: list[str] = Field(default_factory=list)
    """Verbs by which someone makes the writer the contact, "me" their object ("he made me
    (Ofc. Jordan Blake) the point of contact", "the Chief appointed me e-ticket contact")."""
    approval_verbs: list[str] = Field(default_factory=list)
    """What a writer says after "I" when he decides himself ("approve", "designate")."""
    approval_nouns: list[str] = Field(default_factory=list)
    """A decision as a noun ("approval", "authorization"): "has my approval", and "with
    the approval of our Director" naming the head by his title only."""


class Dictation(RuleModel):
    marks: dict[str, str] = Field(default_factory=dict)
    """Marks said as words by a writer who dictates ("period", "comma")."""
    min_marks: int = Field(default=3, ge=1)
    """How many such words a text holds before they are read as its marks."""
    digits: dict[str, str] = Field(default_factory=dict)
    """Digits said as words ("zero", "one"), read as digits three or more in a row."""
    self_fixes: list[str] = Field(default_factory=list)
    """Words a writer takes back the number he just typed with ("sorry", "I mean")."""
    meant_leads: list[str] = Field(default_factory=list)
    """Words after those, before the value meant ("scratch that, it's: ...")."""


class Corrections(RuleModel):
    instead: list[str] = Field(default_factory=list)
    """Words between the value meant and the one taken back ("S2P73, not S2P37")."""
    replaced_by: list[str] = Field(default_factory=list)
    """Words between the value taken back and the one meant ("0318 should be 0381")."""
    marks: list[str] = Field(default_factory=list)
    """Words that make a paragraph a correction ("sorry", "wrong", "should read")."""
    links: list[str] = Field(default_factory=list)
    """Words between a value's name and its corrected value ("number should read")."""
    on_record: list[str] = Field(default_factory=list)
    """Words right after a value that make it the one on record ("Colburne" in TraCS)."""
    old: list[str] = Field(default_factory=list)
    """Words before a value's name that make the value the old one ("old username")."""
    other_values: list[str] = Field(default_factory=list)
    """Words before a value's name that make it another value ("phone number")."""
    code: list[str] = Field(default_factory=list)
    number: list[str] = Field(default_factory=list)
    username: list[str] = Field(default_factory=list)
    phone: list[str] = Field(default_factory=list)
    """The agency phone's names ("phone number"): a reply saying the number it gave was
    wrong, and what it is."""
    use_for: list[str] = Field(default_factory=list)
    """Words that put a number in the place of the agency's phone ("Please use ... for
    the agency phone")."""
    phone_owners: list[str] = Field(default_factory=list)
    """Words of whose phone it is ("agency", "main") between "for the" and its name."""
