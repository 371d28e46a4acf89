"""The fields of an officer record, in the procedure's order: the order of an officer
table's columns, of the ``officers`` rows of ``mailbot parse --json``
(:class:`mailbot.intake.model.Officer`) and of the officer line the checklist asks for.
No imports, so the light CLI listings can use it too."""

OFFICER_FIELDS = ("last_name", "first_name", "title", "officer_number", "dps_username")

# What names an officer when rows are matched or a roster change is told apart.
OFFICER_IDENTITY = ("officer_number", "last_name", "first_name")
