"""Automated mail is recorded and never answered; a bounce of our reply flags its case."""

from __future__ import annotations

from mailbot.domain.decide import decide
from mailbot.domain.decision import Audit, Flag, RecordHardBounce, Reply
from mailbot.domain.enums import AuditAction, CaseFlag, MessageOutcome
from mailbot.domain.facts import BouncedReply
from mailbot.domain.rules.bounce import is_report, quoted_reply_ids
from tests.unit.domain.factories import case, facts, policy


def test_auto_reply_is_never_answered() -> None:
    decision = decide(facts(automated=True, automated_reason="auto-submitted"), None, policy())
    assert decision.outcome == MessageOutcome.AUTOMATED
    assert decision.reason == "automated mail (auto-submitted): never answered"
    assert not decision.of(Reply)


def test_report_quoting_our_reply_is_found() -> None:
    raw = b"Status: 5.1.1\n\nIn-Reply-To: <mailbot." + b"a" * 32 + b"@Bot.Example>\n"
    assert is_report("multipart/report", "x@y") and is_report("text/plain", "MAILER-DAEMON@y")
    assert quoted_reply_ids(raw, "bot.example") == [f"<mailbot.{'a' * 32}@bot.example>"]


def _bounce(hard: bool, count: int = 0, suppressed: bool = False) -> BouncedReply:
    return BouncedReply(case(), 11, "poc@agency.gov", hard, count, suppressed)


def test_soft_bounce_flags_the_case_only() -> None:
    decision = decide(facts(automated=True, bounce=_bounce(False)), None, policy())
    assert decision.outcome == MessageOutcome.AUTOMATED
    assert decision.case_id == 3 and decision.reason == "bounce of a reply of ETK-0003"
    assert decision.of(Flag) == [Flag(CaseFlag.REPLY_BOUNCED)]
    assert [a.action for a in decision.of(Audit)] == [AuditAction.BOUNCED]
    assert not decision.of(RecordHardBounce)


def test_third_hard_bounce_suppresses_the_address() -> None:
    decision = decide(facts(automated=True, bounce=_bounce(True, count=2)), None, policy())
    assert decision.of(RecordHardBounce) == [RecordHardBounce("poc@agency.gov")]
    assert Flag(CaseFlag.CONTACT_SUPPRESSED) in decision.of(Flag)
    assert AuditAction.ADDRESS_SUPPRESSED in [a.action for a in decision.of(Audit)]


def test_hard_bounce_of_a_suppressed_address_only_flags() -> None:
    decision = decide(facts(automated=True, bounce=_bounce(True, 5, True)), None, policy())
    assert Flag(CaseFlag.CONTACT_SUPPRESSED) in decision.of(Flag)
    assert AuditAction.ADDRESS_SUPPRESSED not in [a.action for a in decision.of(Audit)]


def test_first_hard_bounce_does_not_suppress() -> None:
    decision = decide(facts(automated=True, bounce=_bounce(True, 0)), None, policy())
    assert Flag(CaseFlag.CONTACT_SUPPRESSED) not in decision.of(Flag)
