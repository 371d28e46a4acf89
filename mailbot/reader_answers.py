"""Reading a reply against its case: what the reader is asked (an
:class:`AnswerRequest`) and how it answers in process (:func:`answer_in_process`).

The isolated reader (:mod:`mailbot.reader`) runs the same function in its child, under
its time limit; the caller fetches what the request needs from the database first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import structlog

from mailbot.domain.enums import CaseKind
from mailbot.domain.values import Json
from mailbot.intake.limits import Limits
from mailbot.intake.parts import MessageParts

log = structlog.get_logger()


@dataclass(frozen=True)
class AnswerRequest:
    """What reading a reply against its case needs, all of it picklable."""

    parts: MessageParts
    """The reply, as read (the first element of a :data:`Reading`)."""
    sent: tuple[bytes, ...]
    """The emails we sent on the case, as stored in the outbox (those whose body
    ``[retention]`` deleted are left out): lines repeating them are not read as data."""
    kind: CaseKind
    case_data: dict[str, Json]
    """The case's data (what it asked for, its roster)."""


Answer = tuple[dict[str, Json], list[str]] | str
"""What a reply adds to its case (data in the ``mailbot parse --json`` shape, notes
for staff), or the one-line reason it could not be read."""

AnswerFunction = Callable[[AnswerRequest, Limits, Path | None, str], Answer]
"""How a reply is read against its case: :func:`answer_in_process` (or another
function of the same signature, importable by name for the isolated reader's child)."""


def answer_in_process(
    request: AnswerRequest, limits: Limits, rules_dir: Path | None, loop_header: str
) -> Answer:
    """A reply read against its case, here and now: for an enrolment, the answer read
    against what we sent and what the case asked for
    (:func:`mailbot.intake.answers.read_answer`); else the message as read again
    without our own quoted text. Or the reason it cannot be."""
    from mailbot.domain.case_data import CaseData
    from mailbot.errors import MessageError
    from mailbot.intake.answers import Sent, read_answer, sent_texts, without_sent
    from mailbot.intake.parse import parse_parts
    from mailbot.intake.rules import load_rules

    try:
        rules = load_rules(rules_dir)
        sent = Sent.of(text for raw in request.sent for text in sent_texts(raw))
        if request.kind != CaseKind.ENROLLMENT:
            reread = parse_parts(without_sent(request.parts, sent), rules, limits, loop_header)
            return CaseData.from_result(reread).stored(), list(reread.notes)
        return read_answer(request.parts, sent, request.case_data, rules, limits, loop_header)
    except MessageError as e:
        return str(e)
    except Exception as e:  # a parser bug must not stop the desk
        log.exception("answer_reader_crashed")
        return f"internal error while reading the reply against its case: {type(e).__name__}"
