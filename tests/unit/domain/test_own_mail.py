"""Our own mail coming back is never read, never answered."""

from __future__ import annotations

from mailbot.domain.decide import decide
from mailbot.domain.enums import MessageOutcome
from mailbot.domain.rules.own_mail import is_own
from tests.unit.domain.factories import case, facts, policy


def test_loop_header_or_our_message_id_is_own_mail() -> None:
    assert is_own(["mailbot"], None, "mailbot", "bot.example")
    assert is_own([], "<mailbot.abc@BOT.example>", "x", "bot.example")
    assert not is_own(["other"], "<abc@agency.gov>", "mailbot", "bot.example")


def test_own_mail_is_ignored_before_anything_else() -> None:
    decision = decide(facts(own=True, automated=True), case(), policy())
    assert decision.outcome == MessageOutcome.IGNORED
    assert decision.steps == ()
