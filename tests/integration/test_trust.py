"""Trust nothing a message says about itself: every message verified on its own
through a real Dovecot and aiosmtpd, with Authentication-Results as an MTA writes
them; held changes, approval refusals and safe output, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
from email.message import EmailMessage
from email.parser import BytesParser
from email.policy import default as default_policy
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine

from mailbot.errors import CaseError
from mailbot.intake.rules import load_rules
from mailbot.review.decisions import approve_case
from mailbot.store import casefiles, db
from mailbot.store.models import Case, Message, ProposalStatus
from tests.fakes import FakeClock
from tests.integration.desk_helpers import DESK, SAMPLE, make_desk, make_settings
from tests.review_seed import CHIEF, POC, enrolment_data, seed_agency, seed_case

pytestmark = pytest.mark.integration

MX = "mx.dps.vt"
DOMAIN = "hartfordvt.gov"
OUTSIDER = "eve@evil.example"
RULES = load_rules()

OUR_RECEIVED = (
    "Received: from mail.hartfordvt.gov (mail.hartfordvt.gov [192.0.2.10])\r\n"
    "\tby mx.dps.vt (Postfix) with ESMTPS id 4Q1XYZ\r\n"
    "\tfor <dps.eTicket@vermont.gov>; Mon, 02 Nov 2026 09:14:01 -0500 (EST)\r\n"
)


def ar(body: str, server: str = MX) -> str:
    return f"Authentication-Results: {server};\r\n\t{body}\r\n"


# What our MX writes on top (A-R, then its Received line), and what the sender wrote
# below it. Every variant but "verified" must leave the sender unverified.
VARIANTS: dict[str, tuple[str, str]] = {
    "no_ar": (OUR_RECEIVED, ""),
    "fail": (
        ar(
            f"spf=fail smtp.mailfrom={DOMAIN};\r\n\tdkim=none;\r\n"
            f"\tdmarc=fail (p=reject dis=none) header.from={DOMAIN}"
        )
        + OUR_RECEIVED,
        "",
    ),
    "forged_below": (
        ar(f"spf=softfail smtp.mailfrom={DOMAIN};\r\n\tdkim=none") + OUR_RECEIVED,
        ar(f"dmarc=pass header.from={DOMAIN}"),
    ),
    "other_authserv_id": (
        OUR_RECEIVED,
        ar(f"dmarc=pass header.from={DOMAIN}", server="mx.evil.example"),
    ),
    "pass_for_other_domain": (
        ar("spf=pass smtp.mailfrom=evil.example;\r\n\tdmarc=pass header.from=evil.example")
        + OUR_RECEIVED,
        "",
    ),
    "comment_tricks": (
        ar(
            "spf=fail smtp.mailfrom=dmarc=pass@evil.example;\r\n"
            "\tdkim=fail header.d=evil.example header.s=dmarc=pass;\r\n"
            "\tarc=none (i=1 dmarc=pass);\r\n"
            f"\tdmarc=fail (dmarc=pass) header.from={DOMAIN}"
        )
        + OUR_RECEIVED,
        "",
    ),
}
VERIFIED = (
    ar(
        f"spf=pass smtp.mailfrom={DOMAIN};\r\n\tdkim=pass header.d={DOMAIN} header.s=s1;\r\n"
        f"\tdmarc=pass (p=reject dis=none) header.from={DOMAIN}"
    )
    + OUR_RECEIVED,
    "",
)


def delivered(raw: bytes, variant: tuple[str, str]) -> bytes:
    """``raw`` as our MX hands it to Dovecot: its header block on top, the sender's
    own (possibly forged) headers right below our Received line."""
    top, below = variant
    return (top + below).encode() + raw


def email(sender: str, subject: str, body: str, message_id: str) -> bytes:
    m = EmailMessage()
    m["From"] = sender
    m["To"] = DESK
    m["Subject"] = subject
    m["Message-ID"] = message_id
    m["Date"] = "Mon, 02 Nov 2026 09:14:00 -0500"
    m.set_content(body)
    return bytes(m)


def sample(message_id: str, sender: str | None = None) -> bytes:
    raw = SAMPLE.read_bytes().replace(
        b"<sample-enrolment-0001@hartfordvt.gov>", message_id.encode()
    )
    if sender is not None:
        raw = raw.replace(
            b"From: Chief Robert Tanner <rtanner@hartfordvt.gov>", f"From: {sender}".encode()
        )
    return raw


def recipients(sink: Any) -> set[str]:
    return {r.lower() for m in sink.messages for r in m.rcpt_tos}


def trusted_settings(imap_account: Any, smtp_sink: Any, **bot: Any) -> Any:
    return make_settings(imap_account, smtp_sink, authserv_id=MX, **bot)


def case_row(engine: Engine, reference: str) -> dict[str, Any]:
    with db.transaction(engine) as s:
        c = casefiles.get_case(s, reference)
        assert c is not None
        pending = casefiles.proposals_of(s, c.id, ProposalStatus.PENDING)
        return {
            "status": str(c.status),
            "data": dict(c.data),
            "flags": list(c.flags),
            "poc_email": c.poc_email,
            "pending": [(p.id, p.kind) for p in pending],
        }


def approve(engine: Engine, settings: Any, reference: str, **kw: Any) -> dict[str, Any]:
    with db.transaction(engine) as s:
        return approve_case(
            s, settings, reference, actor="K. Staff", now=FakeClock().now(), rules=RULES, **kw
        )


def refused(engine: Engine, settings: Any, reference: str) -> str:
    with pytest.raises(CaseError) as e:
        approve(engine, settings, reference)
    return str(e.value)


def seed(engine: Engine, count: int, **kw: Any) -> list[str]:
    with db.transaction(engine) as s:
        return [str(seed_case(s, enrolment_data(), **kw).reference) for _ in range(count)]


# --- the spoof matrix ------------------------------------------------------------------

MATRIX = [*VARIANTS.items(), ("verified", VERIFIED)]


@pytest.fixture
def lite(sqlite_url: str) -> Any:
    """A migrated SQLite database (the matrix runs many cases; the store parts run on
    both backends in the numbered tests below)."""
    db.upgrade(sqlite_url)
    engine = db.make_engine(sqlite_url)
    yield engine
    engine.dispose()


def test_spoof_matrix_enrolment(imap_account: Any, smtp_sink: Any, lite: Engine) -> None:
    """An enrolment whose sender is not verified, whichever way the header lies, is
    flagged and cannot be approved without a staff reason; a verified one can."""
    settings = trusted_settings(imap_account, smtp_sink, max_replies_per_address_per_day=50)
    for i, (_, variant) in enumerate(MATRIX):
        imap_account.append(delivered(sample(f"<enrol-{i}@hartfordvt.gov>"), variant))
    make_desk(settings, lite).cycle()
    for i, (name, _) in enumerate(MATRIX):
        ref = f"ETK-{i + 1:04d}"
        row = case_row(lite, ref)
        if name == "verified":
            assert "unverified_sender" not in row["flags"]
            continue
        assert "unverified_sender" in row["flags"], name
        assert "flagged" in refused(lite, settings, ref), name
    assert recipients(smtp_sink) <= {"rtanner@hartfordvt.gov"}


def test_spoof_matrix_roster_change(imap_account: Any, smtp_sink: Any, lite: Engine) -> None:
    """A roster change from the PoC's address that our server does not vouch for is
    held for staff: nothing answered, nothing applied, approval refused; a verified
    one goes to the queue as usual."""
    settings = trusted_settings(imap_account, smtp_sink)
    with db.transaction(lite) as s:
        seed_agency(s, "0614", "Hartford Police Department", [], poc=f"poc@{DOMAIN}")
    body = "Please add Officer Casey Lee, LEO number HA040, DPS username clee.\n"
    for i, (_, variant) in enumerate(MATRIX):
        raw = email(f"PoC <poc@{DOMAIN}>", "Roster changes for Hartford PD", body, f"<r{i}@x>")
        imap_account.append(delivered(raw, variant))
    make_desk(settings, lite).cycle()
    for i, (name, _) in enumerate(MATRIX):
        ref = f"ETK-{i + 1:04d}"
        row = case_row(lite, ref)
        if name == "verified":
            assert row["status"] == "in_review" and "unverified_sender" not in row["flags"]
            continue
        assert "unverified_sender" in row["flags"], name
        assert "flagged" in refused(lite, settings, ref), name
    # Only the verified one was answered.
    assert len(smtp_sink.messages) == 1
    assert len(imap_account.uids("Needs-Review")) == len(VARIANTS)


def test_spoof_matrix_follow_up(imap_account: Any, smtp_sink: Any, lite: Engine) -> None:
    """A reply in a case's thread from the case's own address, not verified, changes
    no value: its change is held for staff; a verified reply is merged."""
    settings = trusted_settings(imap_account, smtp_sink)
    refs = seed(lite, len(MATRIX))
    for i, (_, variant) in enumerate(MATRIX):
        raw = email(
            f"Chief <{CHIEF}>", f"RE: [{refs[i]}] request", "Phone: (802) 555-0199\n", f"<f{i}@x>"
        )
        imap_account.append(delivered(raw, variant))
    make_desk(settings, lite).cycle()
    for i, (name, _) in enumerate(MATRIX):
        row = case_row(lite, refs[i])
        if name == "verified":
            assert row["data"]["agency"]["phone"] == "(802) 555-0199"
            assert row["pending"] == []
            continue
        assert row["data"]["agency"]["phone"] == "(802) 295-9425", name
        assert [k for _, k in row["pending"]] == ["follow_up"], name
        assert "held for staff" in refused(lite, settings, refs[i]), name


def test_spoof_matrix_contact_change(imap_account: Any, smtp_sink: Any, lite: Engine) -> None:
    """A reply that gives a new PoC address never changes it, verified or not, and
    nothing is sent to the new address without staff."""
    settings = trusted_settings(imap_account, smtp_sink)
    refs = seed(lite, len(MATRIX))
    body = "Point of Contact: Eve Outsider\nPoC Email: eve@evil.example\nPhone: (802) 555-0199\n"
    for i, (_, variant) in enumerate(MATRIX):
        raw = email(f"Chief <{CHIEF}>", f"RE: [{refs[i]}] request", body, f"<c{i}@x>")
        imap_account.append(delivered(raw, variant))
    make_desk(settings, lite).cycle()
    for i, (name, _) in enumerate(MATRIX):
        row = case_row(lite, refs[i])
        assert row["data"]["point_of_contact"]["email"] == POC, name
        assert row["poc_email"] == POC, name
        assert [k for _, k in row["pending"]] == ["contact_change"], name
        with pytest.raises(CaseError):
            approve(lite, settings, refs[i])
        if name == "verified":  # the rest of a verified reply is applied
            assert row["data"]["agency"]["phone"] == "(802) 555-0199"
    assert OUTSIDER not in recipients(smtp_sink)


@pytest.mark.parametrize(
    ("policy", "flagged", "answered", "folder"),
    [
        ("require", True, False, "Needs-Review"),
        ("flag", True, True, "Processed"),
        ("off", False, True, "Processed"),
    ],
)
def test_trust_policy_decides_what_an_unverified_enrolment_does(
    policy: str,
    flagged: bool,
    answered: bool,
    folder: str,
    imap_account: Any,
    smtp_sink: Any,
    lite: Engine,
) -> None:
    """`[trust] enrollment`: "require" holds an unverified request unanswered, "flag"
    answers it with the case flagged, "off" does not check."""
    from mailbot.config import TrustSettings

    settings = trusted_settings(imap_account, smtp_sink).model_copy(
        update={"trust": TrustSettings(enrollment=policy)}  # type: ignore[arg-type]
    )
    imap_account.append(delivered(sample("<p1@hartfordvt.gov>"), VARIANTS["fail"]))
    make_desk(settings, lite).cycle()
    assert ("unverified_sender" in case_row(lite, "ETK-0001")["flags"]) is flagged
    assert bool(smtp_sink.messages) is answered
    assert len(imap_account.uids(folder)) == 1


# --- 1. spoofed follow-ups -------------------------------------------------------------


def test_spoofed_follow_up_cannot_add_an_officer_to_a_verified_roster_change(
    imap_account: Any, smtp_sink: Any, engine: Engine
) -> None:
    """A `RE: [ETK-nnnn]` mail from the PoC's address with dmarc=fail adds nothing to a
    verified roster change: the change is held, the case flagged, approval refused."""
    settings = trusted_settings(imap_account, smtp_sink)
    with db.transaction(engine) as s:
        seed_agency(s, "0614", "Hartford Police Department", [], poc=POC)
    desk = make_desk(settings, engine)
    first = email(
        f"Amy <{POC}>",
        "Roster changes",
        "Please add Officer Casey Lee, LEO number HA040, DPS username clee.\n",
        "<maint-1@x>",
    )
    imap_account.append(delivered(first, VERIFIED))
    desk.cycle()
    assert case_row(engine, "ETK-0001")["status"] == "in_review"
    spoof = email(
        f"Amy <{POC}>",
        "RE: [ETK-0001] Roster changes",
        "Also add Officer Mallory Moe, LEO number HA666, DPS username mmoe.\n",
        "<spoof-1@x>",
    )
    imap_account.append(delivered(spoof, VARIANTS["fail"]))
    desk.cycle()
    row = case_row(engine, "ETK-0001")
    assert [c["officer_number"] for c in row["data"]["changes"]] == ["HA040"]
    assert "unverified_sender" in row["flags"] and row["pending"]
    assert "held for staff" in refused(engine, settings, "ETK-0001")


def test_spoofed_reply_cannot_redirect_the_poc_and_staff_acceptance_tells_both(
    imap_account: Any, smtp_sink: Any, engine: Engine, tmp_path: Path, capsys: Any
) -> None:
    """A spoofed reply from the sheriff's address changing the PoC address changes
    nothing and `case show` shows it held (old -> new, with its failed check). Accepted
    by staff with `case accept`, both the old and the new address are told."""
    from mailbot.ports import SystemClock

    settings = trusted_settings(imap_account, smtp_sink)
    [ref] = seed(engine, 1)
    desk = make_desk(settings, engine, SystemClock())  # the staff CLI stamps real time
    spoof = email(f"Sheriff <{CHIEF}>", f"RE: [{ref}]", f"PoC Email: {OUTSIDER}\n", "<s@x>")
    imap_account.append(delivered(spoof, VARIANTS["fail"]))
    desk.cycle()
    row = case_row(engine, ref)
    assert row["data"]["point_of_contact"]["email"] == POC
    [(proposal_id, kind)] = row["pending"]
    assert kind == "contact_change"
    assert smtp_sink.messages == []
    shown = run_cli(tmp_path, engine, capsys, "case", "show", ref)
    assert f"Held change {proposal_id}" in shown and "contact address" in shown
    assert POC in shown and OUTSIDER in shown and "NOT verified" in shown
    # Staff accept it (after a phone call, say): both addresses are told.
    out = run_cli(
        tmp_path, engine, capsys, "case", "accept", ref, str(proposal_id), "--by", "K. Staff"
    )
    assert "contact_changed" in out
    desk.cycle()
    [notice] = [m for m in smtp_sink.messages if OUTSIDER in m.rcpt_tos]
    assert set(notice.rcpt_tos) == {POC, OUTSIDER}
    row = case_row(engine, ref)
    assert row["poc_email"] == OUTSIDER and row["pending"] == []
    assert "changes_held" not in row["flags"]


def test_staff_can_drop_held_changes_and_then_approve(
    imap_account: Any, smtp_sink: Any, engine: Engine, tmp_path: Path, capsys: Any
) -> None:
    """`case drop` sets held changes aside (audited), and approval is possible again."""
    settings = trusted_settings(imap_account, smtp_sink)
    [ref] = seed(engine, 1)
    raw = email(f"Chief <{CHIEF}>", f"RE: [{ref}]", "Phone: (802) 555-0199\n", "<d@x>")
    imap_account.append(delivered(raw, VARIANTS["fail"]))
    make_desk(settings, engine).cycle()
    [(proposal_id, _)] = case_row(engine, ref)["pending"]
    run_cli(tmp_path, engine, capsys, "case", "drop", ref, str(proposal_id), "--by", "K. Staff")
    row = case_row(engine, ref)
    assert row["pending"] == [] and row["data"]["agency"]["phone"] == "(802) 295-9425"
    result = approve(engine, settings, ref, accept_unverified="called the chief")
    assert result["status"] == "approved"


def test_reply_from_another_address_is_held_as_a_proposal(
    imap_account: Any, smtp_sink: Any, engine: Engine
) -> None:
    """A reply from an address that is not the case's changes nothing and waits for
    staff; nothing is sent to that address."""
    settings = make_settings(imap_account, smtp_sink)  # no authserv-id: identity only
    [ref] = seed(engine, 1)
    raw = email(f"Eve <{OUTSIDER}>", f"RE: [{ref}]", "Phone: (802) 555-0199\n", "<o@x>")
    imap_account.append(raw)
    make_desk(settings, engine).cycle()
    row = case_row(engine, ref)
    assert row["data"]["agency"]["phone"] == "(802) 295-9425"
    assert "unexpected_follow_up" in row["flags"] and row["pending"]
    assert smtp_sink.messages == []


# --- 2 and 3. structured Authentication-Results, alignment -----------------------------


def test_verification_is_recorded_on_the_ledger_and_shown_in_case_show(
    imap_account: Any, smtp_sink: Any, engine: Engine, tmp_path: Path, capsys: Any
) -> None:
    """The ledger row keeps SPF, DKIM, DMARC and alignment; `case show` prints them."""
    settings = trusted_settings(imap_account, smtp_sink)
    imap_account.append(delivered(sample("<v1@hartfordvt.gov>"), VARIANTS["pass_for_other_domain"]))
    make_desk(settings, engine).cycle()
    with db.transaction(engine) as s:
        [auth] = [m.auth for m in s.scalars(select(Message))]
    assert auth is not None
    assert (auth["dmarc"], auth["dmarc_domain"], auth["aligned"], auth["verified"]) == (
        "pass",
        "evil.example",
        False,
        False,
    )
    out = run_cli(tmp_path, engine, capsys, "case", "show", "ETK-0001")
    assert "NOT verified" in out and "evil.example" in out


@pytest.mark.parametrize(
    "sender",
    [
        "chief@hartfordvt.gov(<bob@evil.example>",
        "rtanner@hartfordvt.gov, Mallory <mallory@evil.example>",
        "rtanner@hartfordvt.gov>",
        "Friends: rtanner@hartfordvt.gov, mallory@evil.example;",
    ],
)
def test_ambiguous_from_with_a_pass_for_another_domain_is_held(
    sender: str, imap_account: Any, smtp_sink: Any, lite: Engine
) -> None:
    """From values hiding a second address, with a DMARC pass for that other domain,
    are held for staff and answered to nobody."""
    settings = trusted_settings(imap_account, smtp_sink)
    variant = (ar("dmarc=pass header.from=evil.example") + OUR_RECEIVED, "")
    imap_account.append(delivered(sample("<amb@x>", sender), variant))
    make_desk(settings, lite).cycle()
    row = case_row(lite, "ETK-0001")
    assert "ambiguous_sender" in row["flags"]
    assert smtp_sink.messages == []
    with pytest.raises(CaseError):
        approve(lite, settings, "ETK-0001")


# --- 4. ambiguous From on roster changes ------------------------------------------------


@pytest.mark.parametrize(
    "from_lines",
    [
        [f"From: Amy <{POC}>, Mallory <mallory@evil.example>"],
        [f"From: Amy <{POC}>", "From: mallory@evil.example"],
        [f"From: {POC}>"],
        [f"From: Staff: {POC}, mallory@evil.example;"],
    ],
)
def test_ambiguous_from_on_a_roster_change_is_held_and_not_answered(
    from_lines: list[str], imap_account: Any, smtp_sink: Any, engine: Engine
) -> None:
    """A roster change whose From is ambiguous is held before the maintenance path:
    no "changes received" reply, and approval is refused."""
    settings = make_settings(imap_account, smtp_sink)
    with db.transaction(engine) as s:
        seed_agency(s, "0614", "Hartford Police Department", [], poc=POC)
    raw = email(
        f"Amy <{POC}>",
        "Roster changes",
        "Please add Officer Casey Lee, LEO number HA040, DPS username clee.\n",
        "<amb-r@x>",
    )
    raw = raw.replace(f"From: Amy <{POC}>".encode(), "\r\n".join(from_lines).encode(), 1)
    raw = raw.replace(b"\n", b"\r\n").replace(b"\r\r\n", b"\r\n")
    imap_account.append(raw)
    make_desk(settings, engine).cycle()
    row = case_row(engine, "ETK-0001")
    assert "ambiguous_sender" in row["flags"]
    assert smtp_sink.messages == []
    assert "flagged" in refused(engine, settings, "ETK-0001")


# --- 5. unverified is not advisory -----------------------------------------------------


def test_approve_refuses_an_unverified_case_unless_staff_give_a_reason(
    imap_account: Any, smtp_sink: Any, engine: Engine, tmp_path: Path, capsys: Any
) -> None:
    """`approve` refuses a flagged case with one line; `--accept-unverified REASON`
    approves it and the reason is in the audit log."""
    settings = trusted_settings(imap_account, smtp_sink)
    imap_account.append(delivered(sample("<u1@hartfordvt.gov>"), VARIANTS["fail"]))
    make_desk(settings, engine).cycle()
    code, _, err = run_cli_code(tmp_path, engine, capsys, "approve", "ETK-0001", "--by", "K. Staff")
    assert code == 1 and err.count("\n") == 1 and "--accept-unverified" in err
    code, _out, err = run_cli_code(
        tmp_path,
        engine,
        capsys,
        "approve",
        "ETK-0001",
        "--by",
        "K. Staff",
        "--accept-unverified",
        "Chief confirmed by phone",
    )
    assert code == 0, err
    with db.transaction(engine) as s:
        case = casefiles.get_case(s, "ETK-0001")
        assert case is not None and str(case.status) == "approved"
        [event] = [
            e for e in casefiles.audit_trail(s, case.id) if e.action == "accepted_unverified"
        ]
        assert event.actor == "K. Staff"
        assert event.detail["reason"] == "Chief confirmed by phone"


# --- 6, 7, 8. output safety --------------------------------------------------------------

HOSTILE_TABLE = (
    "Judiciary Code: 0614\n"
    "Agency Name: Hartford \x1b]0;pwned\x07Police\x1b[2J Department\u202e\n"
    "Address: 812 VA Cutoff Road, White River Junction, VT 05001\n"
    "Phone: (802) 295-9425\n\n"
)


def hostile_enrolment() -> bytes:
    """An enrolment whose officer list (a CSV attachment) holds formulas, escape
    sequences and a NUL."""
    from tests.review_seed import png

    m = EmailMessage()
    m["From"] = "Chief Robert Tanner <rtanner@hartfordvt.gov>"
    m["To"] = DESK
    m["Subject"] = "Hartford Police Department enrolment"
    m["Message-ID"] = "<hostile-1@hartfordvt.gov>"
    m.set_content(
        "Good morning,\n\nPlease enrol us. I have designated Sgt. Amy Lussier as the e-ticket\n"
        "Point-of-Contact (alussier@hartfordvt.gov).\n\n"
        + HOSTILE_TABLE
        + "Officers attached.\n\nRobert Tanner\nChief of Police\n"
    )
    rows = [
        ["Last Name", "First Name", "Rank/Title", "Officer Number", "DPS Username"],
        ['=HYPERLINK("http://evil.example","x")', "Amy", "Sergeant", "HA014", "alussier"],
        ["Brown\x00", "+Kevin\x1b[8m", "-Officer", "HA022", "kbrown"],
        ["@SUM(A1)", "Marie", "=cmd|' /C calc'!A0", "HA031", "moneil"],
    ]
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    m.add_attachment(buffer.getvalue().encode(), maintype="text", subtype="csv", filename="o.csv")
    m.add_attachment(png(), maintype="image", subtype="png", filename="logo.png")
    return bytes(m)


def test_hostile_values_are_cleaned_at_intake_and_safe_in_every_output(
    imap_account: Any, smtp_sink: Any, engine: Engine, tmp_path: Path, capsys: Any
) -> None:
    """Escape sequences and NUL in an emailed agency name and officer list are removed
    at intake (noted on the case); approval works on both backends; `queue`, `case
    show`, `officers`, `agencies` and the JSON output show no control character, and
    the CSV export holds no formula."""
    settings = make_settings(imap_account, smtp_sink)
    imap_account.append(hostile_enrolment())
    make_desk(settings, engine).cycle()
    row = case_row(engine, "ETK-0001")
    assert "control_characters_removed" in row["flags"]
    # No authserv-id configured: nothing can be verified, so nothing is flagged as such.
    assert "unverified_sender" not in row["flags"]
    assert row["data"]["agency"]["name"] == "Hartford ]0;pwnedPolice[2J Department"
    names = [o["last_name"] for o in row["data"]["officers"]]
    assert "Brown" in names
    approve(engine, settings, "ETK-0001")
    outputs = [
        run_cli(tmp_path, engine, capsys, *args)
        for args in (
            ("queue",),
            ("case", "show", "ETK-0001"),
            ("case", "show", "ETK-0001", "--json"),
            ("officers",),
            ("agencies",),
            ("officers", "--json"),
        )
    ]
    for out in outputs:
        assert not any(ch in out for ch in "\x00\x1b\x07\x9b\u202e"), out[:200]
    exported = run_cli(tmp_path, engine, capsys, "export", "--format", "csv")
    cells = [cell for r in csv.reader(io.StringIO(exported)) for cell in r]
    assert cells and not any(c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in cells)
    assert '\'=HYPERLINK("http://evil.example","x")' in cells
    assert "'=cmd|' /C calc'!A0" in cells and "'+Kevin[8m" in cells


def test_values_stored_before_cleaning_are_escaped_on_the_terminal(
    engine: Engine, tmp_path: Path, capsys: Any
) -> None:
    """Records holding escape sequences (written before intake cleaned them) are shown
    with visible escapes, never sent raw to the staff terminal."""
    with db.transaction(engine) as s:
        seed_agency(
            s,
            "0614",
            "Evil\x1b]0;title\x07 PD",
            [
                {
                    "officer_number": "HA001",
                    "last_name": "Doe\x1b[2J",
                    "first_name": "\x9b31mJo",
                    "dps_username": "jdoe",
                }
            ],
        )
    for args in (("agencies",), ("officers",), ("officers", "--json"), ("agencies", "--json")):
        out = run_cli(tmp_path, engine, capsys, *args)
        assert "\x1b" not in out and "\x9b" not in out and "\x07" not in out
        assert "x1b" in out or "u001b" in out


# --- 9. Message-IDs, ledger reasons, logs ------------------------------------------------


def test_reply_message_ids_are_keyed_and_the_deciding_header_is_named(
    imap_account: Any, smtp_sink: Any, engine: Engine
) -> None:
    """Outgoing Message-IDs depend on the configured secret; an automated message's
    ledger reason names the header that decided it."""
    settings = make_settings(imap_account, smtp_sink, message_id_secret="first-secret")
    imap_account.append(sample("<k1@hartfordvt.gov>"))
    auto = email(f"Chief <{CHIEF}>", "Out of office", "Away.\n", "<auto@x>").replace(
        b"Subject:", b"Auto-Submitted: auto-replied\r\nSubject:", 1
    )
    imap_account.append(auto)
    make_desk(settings, engine).cycle()
    [sent] = smtp_sink.messages
    ours = str(BytesParser(policy=default_policy).parsebytes(sent.data)["Message-ID"])
    from mailbot.outbound import make_message_id

    with db.transaction(engine) as s:
        reasons = {m.message_id: m.reason for m in s.scalars(select(Message))}
        case = s.scalars(select(Case)).one()
        key = f"{case.reference}/acknowledgement/"
        ledger_id = next(m.id for m in s.scalars(select(Message)) if m.case_id == case.id)
    assert ours == make_message_id(key + str(ledger_id), "desk.test", "first-secret")
    assert ours != make_message_id(key + str(ledger_id), "desk.test", "")
    assert "Auto-Submitted: auto-replied" in str(reasons["<auto@x>"])


def test_warning_logs_name_no_recipient_address(
    imap_account: Any, smtp_sink: Any, engine: Engine
) -> None:
    """Warnings about replies (refused by the SMTP server, a daily cap reached) and
    about held follow-ups carry no recipient's email address."""
    from structlog.testing import capture_logs

    settings = make_settings(imap_account, smtp_sink, max_replies_per_address_per_day=1)
    [ref] = seed(engine, 1)
    imap_account.append(sample("<w1@hartfordvt.gov>"))
    imap_account.append(sample("<w2@hartfordvt.gov>"))
    imap_account.append(email(f"Eve <{OUTSIDER}>", f"RE: [{ref}]", "Phone: 1\n", "<w3@x>"))
    smtp_sink.fail_next(550, count=1, stage="rcpt")
    with capture_logs() as logs:
        make_desk(settings, engine).cycle()
    warnings = [e for e in logs if e.get("log_level") in ("warning", "error")]
    events = {e["event"] for e in warnings}
    assert {"reply_cap_reached", "reply_failed"} <= events, events
    text = repr(warnings)
    assert "rtanner@hartfordvt.gov" not in text and OUTSIDER not in text and CHIEF not in text


def test_check_warns_loudly_while_no_sender_can_be_verified(
    tmp_path: Path, imap_account: Any, smtp_sink: Any, sqlite_url: str
) -> None:
    """`mailbot check` says in capitals that no sender is verified while
    `[bot] authserv_id` is empty (and that Message-IDs are guessable without a
    secret); with both set it says nothing about them. Never a failure."""
    from tests.integration.test_desk_process import mailbot, write_config

    db.upgrade(sqlite_url)
    config = write_config(tmp_path / "mailbot.toml", imap_account, smtp_sink, sqlite_url)
    bare = mailbot(config, "check", password=imap_account.password)
    assert bare.returncode == 0, bare.stdout + bare.stderr
    warned = [line for line in bare.stdout.splitlines() if line.startswith("trust")]
    assert len(warned) == 2 and "NO SENDER IS VERIFIED" in warned[0] and "WARN" in warned[0]
    env = {"MAILBOT_BOT_AUTHSERV_ID": MX, "MAILBOT_BOT_MESSAGE_ID_SECRET": "s3cret"}
    configured = mailbot(config, "check", password=imap_account.password, env=env)
    assert configured.returncode == 0
    assert not [line for line in configured.stdout.splitlines() if line.startswith("trust")]
    assert "s3cret" not in configured.stdout


# --- the CLI in process --------------------------------------------------------------------


def _config(tmp_path: Path, engine: Engine) -> Path:
    path = tmp_path / "desk.toml"
    url = engine.url.render_as_string(hide_password=False)
    path.write_text(f'[database]\nurl = "{url}"\n\n[logging]\nformat = "json"\n')
    return path


def run_cli_code(tmp_path: Path, engine: Engine, capsys: Any, *args: str) -> tuple[int, str, str]:
    from mailbot.cli import main

    capsys.readouterr()
    code = 0
    try:
        main(["--config", str(_config(tmp_path, engine)), *args])
    except SystemExit as e:
        code = int(e.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def run_cli(tmp_path: Path, engine: Engine, capsys: Any, *args: str) -> str:
    code, out, err = run_cli_code(tmp_path, engine, capsys, *args)
    assert code == 0, err
    return out
