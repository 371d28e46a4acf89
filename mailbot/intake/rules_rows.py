"""The words of an officer's row typed as an ordinary line (``[rows]`` of
``rules/language.toml``)."""

from __future__ import annotations

from pydantic import Field

from mailbot.intake.rules_formats import RuleModel


class RowWords(RuleModel):
    """Words of an officer's row typed as an ordinary line, read by the tolerant line
    reader (:mod:`mailbot.intake.loose_rows`)."""

    number_labels: list[str] = Field(default_factory=list)
    """Words an officer number is written after ("#", "badge", "LEO")."""
    user_labels: list[str] = Field(default_factory=list)
    """Words a username is written after ("user", "login", "DPS\\")."""
    fillers: list[str] = Field(default_factory=list)
    """Words between a label and its value, or around a row's values ("his", "is")."""
    title_labels: list[str] = Field(default_factory=list)
    """Words a rank is written after, in any case ("title is just officer")."""
    own_block_labels: list[str] = Field(default_factory=list)
    """Labels over the writer's own lines ("My info:"): a number there is his own."""
    own_user_leads: list[str] = Field(default_factory=list)
    """Words by which the writer says a username was given to him, before its label ("i
    was given username jdoe"): the login is his own, as after "my username is"."""
    writer_words: list[str] = Field(default_factory=list)
    """Words by which the writer speaks of himself on his own row ("me", "I am")."""
    not_names: list[str] = Field(default_factory=list)
    """Capitalised words that name no person on a row ("Only", "Also")."""
    running_words: list[str] = Field(default_factory=list)
    """Words of running text never in a name, lowered in a roster typed in capitals."""
    negations: list[str] = Field(default_factory=list)
    """Words that, shortly before a username's label, say the login is not given ("dont
    have his dps login yet"): the word after the label is no username."""


class MentionWords(RuleModel):
    """Words by which a message names an officer or a number without asking anything of
    it (``[mentions]`` of ``rules/language.toml``)."""

    earlier_number: list[str] = Field(default_factory=list)
    """Words before a number's label that make it one the officer had before ("my old
    number from Berlin PD was ..."): no officer of its own."""
    writer_labels: list[str] = Field(default_factory=list)
    """Labels of a memo's header line that names its writer ("FROM: Lt. Ann Roy"): the
    officer named there only signs the memo."""
    requester_before: list[str] = Field(default_factory=list)
    """Words after the name of the one for whom the mail is sent ("Chief Roy asked me to
    send ..."): he is named, nothing asked of his record."""
    requester_after: list[str] = Field(default_factory=list)
    """Words before such a name ("On behalf of Chief Roy, please ...")."""


class GatheredWords(RuleModel):
    """Words by which a message tells more of an officer beside the item that asks his
    change (``[gathered]`` of ``rules/language.toml``)."""

    full_first_name: list[str] = Field(default_factory=list)
    """Words before the first name he is legally given ("Legal first name is Rebecca"):
    it stands over the short one he goes by."""
    user_words: list[str] = Field(default_factory=list)
    """Words for a login, before the username said of him."""
    user_links: list[str] = Field(default_factory=list)
    """Words (or a bracket) right before that username ("log in was changed over to")."""
    wrong_user: list[str] = Field(default_factory=list)
    """Words shortly before a username that make it the one his record wrongly has."""
    third_person: list[str] = Field(default_factory=list)
    """Words by which a paragraph naming no officer goes on of the one spoken of before."""
    set_up_as: list[str] = Field(default_factory=list)
    """Words telling how his account was made, before its username ("set him up as")."""
