"""The desk's case logic with no side effects: names, field paths, merging, the status
machine, the roster checks and what a message means for a case (:mod:`.decide`).

Imports only the standard library, pydantic, the intake models and other domain
modules: no database, no mail server, no clock. The store persists what these
functions decide, and :mod:`mailbot.handling` applies a :class:`~.decision.Decision`.
"""
