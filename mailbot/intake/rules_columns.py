"""The rules of ``columns.toml``: officer-table headings, how tables are told apart, and
a change table's action column."""

from __future__ import annotations

from pydantic import Field

from mailbot.intake.rules_formats import RuleModel


class Detection(RuleModel):
    min_columns: int = Field(ge=1)
    inactive_values: list[str] = Field(default_factory=list)
    preferred: dict[str, list[str]] = Field(default_factory=dict)
    """Words that make a heading the one to read when two name the same field (a "VT
    LEO #" column beside an internal "Badge" column)."""
    export_suffixes: list[str] = Field(default_factory=list)
    """Words a records-system export puts after a heading ("RANK_DESC"): the heading
    without them is tried too."""
    count_words: list[str] = Field(default_factory=list)
    """Words of a line under a table that counts its rows ("2 record(s) printed", "=== 12
    ROWS ===", "Total: 4 officers"): a row of only these words and one small number is
    no officer."""
    new_value_words: list[str] = Field(default_factory=list)
    """Words before a heading that make its column the value a record should take ("New
    Username", "Updated Rank"): each row of such a table is an update."""
    new_value_headings: list[str] = Field(default_factory=list)
    """Whole headings of a column of new values naming no field ("Change to", "New"):
    each cell names its field itself ("Sergeant", "Last name Brault")."""
    old_value_words: list[str] = Field(default_factory=list)
    """Words before a heading that make its column the value a record has now ("Old
    Username", "Current Rank"): not the officer's value to read."""
    former_value_words: list[str] = Field(default_factory=list)
    """Words opening a bracket after a cell's value that give the value before it
    ("Bergstrom (formerly Nye)", "Sergeant (was Cpl)"): the cell's value is the one
    before the bracket."""
    officer_word_headings: list[str] = Field(default_factory=list)
    """Headings of a change table's column of names when it has no other ("Deputy |
    LEO # | Change | Details"): read only beside an action column."""
    note_headings: list[str] = Field(default_factory=list)
    """Headings of a change table's column of remarks ("Notes"): each row's note."""
    sample_marks: list[str] = Field(default_factory=list)
    """Words marking a form's sample row ("EXAMPLE: Doe"): no officer to set up."""
    clause_joiners: list[str] = Field(default_factory=list)
    """Words that end what a sentence says a named column holds, before the next clause
    ("The VTLEO column is each deputy's VT LEO number and DPSUser is ...")."""
    qualified_headings: list[str] = Field(default_factory=list)
    """Headings that keep their field under one word of qualification before them
    ("Position Title", "Working Title"): the qualifier says which title, not another
    field (a word of :attr:`new_value_words` or :attr:`old_value_words` does)."""
    declaration_leads: list[str] = Field(default_factory=list)
    """Words that only lead up to the field a sentence says a named column holds ("the",
    "their", "each"): with nothing else before the field ("The LEO_CERT_NO column is the
    VT LEO number"), the column is that field even beside another heading naming it."""
    shown_verbs: list[str] = Field(default_factory=list)
    """Words after the field a named column holds that say how it prints ("The
    TICKET_TITLE column is how their title should print"): the field is named before."""


class ChangeActions(RuleModel):
    """A change table's action column: the headings that name it and, by action, the
    words of its cells (also a worksheet tab's name, for adds and deactivations)."""

    headings: list[str]
    add: list[str]
    update: list[str]
    deactivate: list[str]
    transfer: list[str] = Field(default_factory=list)
    """Words of a move to another agency: an update carrying the agency the row names as
    where the record goes, else a deactivation here."""
    none: list[str] = Field(default_factory=list)
    """Openings of a cell that asks for nothing ("No change", "Unchanged", "n/a"): the row
    of a full roster sent only to be checked, whatever word of an action follows."""


class Columns(RuleModel):
    columns: dict[str, list[str]]
    detection: Detection
    change_actions: ChangeActions
