"""The logo image is kept when its email is read: approval writes it to the agency
record even after the email's raw bytes are gone."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from sqlalchemy import update
from sqlalchemy.engine import Engine

from mailbot.intake.rules import load_rules
from mailbot.ports import SystemClock
from mailbot.review.decisions import approve_case, find_case_logo
from mailbot.store import casefiles, db, roster
from mailbot.store.models import Message
from tests.data.build import png
from tests.integration.desk_helpers import answer, incomplete_request, make_desk, make_settings

pytestmark = pytest.mark.integration


def test_logo_read_with_the_reply_is_written_at_approval_without_the_email(
    imap_account: Any, smtp_sink: Any, engine: Engine
) -> None:
    settings = make_settings(imap_account, smtp_sink, str(engine.url))
    desk = make_desk(settings, engine, SystemClock())
    imap_account.append(incomplete_request())
    desk.cycle()
    imap_account.append(
        answer(
            smtp_sink.messages[0].data,
            "Phone: (802) 649-1460\n\n"
            "Last Name | First Name | Rank/Title | Officer Number | DPS Username\n"
            "Hale | Jordan | Officer | NW002 | jhale\n",
            attach_logo=True,
        )
    )
    desk.cycle()
    with db.transaction(engine) as session:
        session.execute(update(Message).values(raw=None))  # as after the retention purge
    with db.transaction(engine) as session:
        case = casefiles.get_case(session, "ETK-0001")
        assert case is not None and case.status == "in_review"
        logo = find_case_logo(session, case)
        assert logo is not None
        assert logo.sha256 == hashlib.sha256(png(120, 80)).hexdigest()
        assert (logo.format, logo.width, logo.height) == ("PNG", 120, 80)
        approve_case(
            session, settings, "ETK-0001", actor="K. Staff", now=SystemClock().now(),
            rules=load_rules(),
        )  # fmt: skip
    with db.transaction(engine) as session:
        agency = roster.get_agency(session, "0871")
        assert agency is not None and agency.logo == png(120, 80)
