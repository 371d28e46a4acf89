"""The SQL store: models, the transaction context manager, and repository functions.

Usage::

    from mailbot.store import db, ledger, casefiles, outbox, roster

    engine = db.make_engine(settings.database.url)
    db.check_schema(engine)                      # refuse an out-of-date schema
    with db.transaction(engine) as session:      # commit, or roll back on error
        msg = ledger.record_message(session, ...)  # DuplicateMessage: skip it
        case = casefiles.create_case(session, kind="enrollment", prefix="ETK", ...)
        outbox.enqueue(session, case_id=case.id, ...)

Modules: ``db`` (engines, transactions, migrations), ``models`` (tables),
``ledger`` (messages, folder cursors), ``casefiles`` (cases, revisions, audit),
``outbox`` (replies to send), ``roster`` (agencies, officers). Repository functions
take a Session, flush, and never commit. The read-only listings use ``listing`` (plain
DB-API driver, no SQLAlchemy), with ``urls`` (the database URL read without
SQLAlchemy) and ``statuses`` (record statuses without the models).
"""
