"""The DPS side of the desk: what staff see, fix and decide.

Functions over an open Session with an injected ``now``; they never print and never
commit (the CLI in :mod:`mailbot.cli.review` owns the transaction). Modules are kept
apart so the fast read paths (``queue``, ``records``) import nothing heavy (SQLAlchemy
only once a Session is used):

- ``common``: looking cases up, field paths, flag names;
- ``conflicts``: values that already belong to existing records;
- ``maintenance``: who may change a roster, and the row-level diff of a change request;
- ``queue``: the review queue (also from the listings' plain driver connection,
  :mod:`mailbot.store.listing`, which ``mailbot queue`` uses);
- ``records``: agency and officer listings, and the export for TraCS, over a Session
  (the commands read the same rows with :mod:`mailbot.store.listing`);
- ``casework``: the full view of one case, its history, and staff edits;
- ``decisions``: approval (writes the records) and rejection, with their notices.
"""

from __future__ import annotations

from mailbot.review.maintenance import DiffRow, maintenance_authority, roster_diff

__all__ = ["DiffRow", "maintenance_authority", "roster_diff"]
