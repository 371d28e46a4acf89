"""Who sent a message, as far as our own mail server vouches for it (RFC 8601, DMARC).

Trust rules, written down once:

- Only Authentication-Results written by our server count: the topmost header(s)
  whose authserv-id is ``[bot] authserv_id`` (RFC 8601 §5, §7.1). A header under
  another id, or one of ours below a header of another id, may have been written by
  the sender and is ignored. Our server must remove A-R headers claiming its id from
  incoming mail (RFC 8601 §5); everything here relies on that.
- Headers are read with the ``authres`` parser: results and their properties as
  structure, so comments, ``smtp.mailfrom=dmarc=pass@...`` or a DKIM selector named
  ``dmarc=pass`` are never read as a result.
- A DMARC pass counts only when its ``header.from`` is the domain of the From
  address (alignment); every DMARC result of ours must agree.
- A From header that does not name exactly one plain address is ambiguous: no
  verification can be about it (:func:`from_problem`).
- Microsoft 365 (Exchange Online) writes its header without an authserv-id. Only when
  ``[trust] unnamed_results`` says the mailbox is hosted there does the topmost
  Authentication-Results header count as ours when it names no authserv-id (and then
  that one header alone: an unnamed header further down was written by someone else).
"""

from __future__ import annotations

import email.headerregistry
import email.policy
import email.utils
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, TypedDict

from mailbot.domain.values import Json
from mailbot.intake.parts import MessageParts

if TYPE_CHECKING:  # imported when a message is verified
    from authres import AuthenticationResultsHeader

_FOLD = re.compile(r"\r?\n(?=[ \t])")
_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"')


@dataclass(frozen=True)
class Verification:
    """What our mail server says about one message's sender."""

    configured: bool  # an authserv-id is set: verification is possible at all
    found: bool = False  # a header of ours was found
    spf: str | None = None
    spf_domain: str | None = None
    dkim: list[str] = field(default_factory=list)  # "pass:agency.gov", ...
    dmarc: str | None = None
    dmarc_domain: str | None = None  # header.from of the DMARC result
    from_domain: str | None = None
    aligned: bool = False
    verified: bool = False
    reason: str = ""

    def as_dict(self) -> dict[str, Json]:
        """As stored with the message (``messages.auth``)."""
        return asdict(self)


def _domain(address: str | None) -> str | None:
    if not address or "@" not in address:
        return None
    return address.rpartition("@")[2].strip().strip(".").lower() or None


def _unnamed(value: str) -> bool:
    """True when an Authentication-Results value starts with a result, not an
    authserv-id (``spf=pass ...; dmarc=...`` as Exchange Online writes it)."""
    head = value.split(";", 1)[0]
    return "=" in head.split("(", 1)[0]


class _Found(TypedDict):
    """What a :class:`Verification` from headers of ours holds before DMARC is read."""

    configured: bool
    found: bool
    spf: str | None
    spf_domain: str | None
    dkim: list[str]
    from_domain: str | None


def _topmost_unnamed(headers: Sequence[tuple[str, str]]) -> list[AuthenticationResultsHeader]:
    """The topmost Authentication-Results header, parsed, when it names no authserv-id."""
    import authres

    for name, value in headers:
        if name.strip().lower() != "authentication-results":
            continue
        if not _unnamed(value):
            return []
        try:
            return [authres.AuthenticationResultsHeader.parse_value("unnamed; " + value)]
        except Exception:  # authres raises its own SyntaxError family, or worse
            return []
    return []


def _ours(
    headers: Sequence[tuple[str, str]], authserv_id: str
) -> list[AuthenticationResultsHeader]:
    """The parsed headers of ours: from the topmost A-R header carrying our id, the
    A-R headers of ours that follow it, up to the first ``Received`` header (the hop
    before ours: anything below was written before our server saw the message) or
    an A-R header of another id."""
    import authres

    wanted = authserv_id.strip().lower()
    ours: list[AuthenticationResultsHeader] = []
    for name, value in headers:
        name = name.strip().lower()
        if name == "received" and ours:
            break
        if name != "authentication-results":
            continue
        try:
            header = authres.AuthenticationResultsHeader.parse_value(value)
        except Exception:  # authres raises its own SyntaxError family, or worse
            if ours:
                break  # an unreadable header ends our block
            continue
        mine = str(header.authserv_id or "").strip().lower() == wanted
        if mine:
            ours.append(header)
        elif ours:
            break
    return ours


def verify_sender(
    parts: MessageParts,
    authserv_id: str,
    headers: Sequence[tuple[str, str]] | None = None,
    unnamed_results: bool = False,
) -> Verification:
    """Read our server's verdict on ``parts``' sender; never raises.

    ``headers`` are the message's header fields in order, (name, value); without
    them only the Authentication-Results values of ``parts`` are read (their order
    kept, but not where they stand among the ``Received`` headers).
    ``unnamed_results``: the topmost header without an authserv-id is our server's
    (Exchange Online); ``authserv_id`` may then be empty."""
    from_domain = _domain(parts.sender)
    if not authserv_id.strip() and not unnamed_results:
        return Verification(
            configured=False,
            from_domain=from_domain,
            reason="no [bot] authserv_id configured: senders cannot be verified",
        )
    if headers is None:
        name = "authentication-results"
        headers = [(name, v) for v in parts.headers.get(name, [])]
    ours = _topmost_unnamed(headers) if unnamed_results else []
    if ours:
        authserv_id = "the topmost unnamed header"
    elif authserv_id.strip():
        ours = _ours(headers, authserv_id)
    if not ours:
        source = authserv_id.strip() or "the topmost unnamed header"
        return Verification(
            configured=True,
            from_domain=from_domain,
            reason=f"no Authentication-Results from {source}",
        )
    spf = spf_domain = None
    dkim: list[str] = []
    dmarcs: list[tuple[str, str | None]] = []
    for header in ours:
        for result in header.results:
            method = str(result.method or "").lower()
            outcome = str(result.result or "").lower()
            props = {
                f"{p.type}.{p.name}".lower(): str(p.value or "") for p in result.properties or []
            }
            if method == "spf" and spf is None:
                spf = outcome
                spf_domain = _domain(props.get("smtp.mailfrom")) or props.get("smtp.helo")
            elif method == "dkim":
                dkim.append(f"{outcome}:{props.get('header.d', '').lower()}")
            elif method == "dmarc":
                header_from = (props.get("header.from") or "").strip(".").lower()
                dmarcs.append((outcome, header_from or None))
    base: _Found = {
        "configured": True,
        "found": True,
        "spf": spf,
        "spf_domain": spf_domain,
        "dkim": dkim,
        "from_domain": from_domain,
    }
    if not dmarcs:
        return Verification(**base, reason=f"no DMARC result from {authserv_id}")
    outcome, dmarc_domain = dmarcs[0]
    if any(o != outcome or d != dmarc_domain for o, d in dmarcs[1:]):
        return Verification(
            **base,
            dmarc="conflicting",
            dmarc_domain=dmarc_domain,
            reason=f"conflicting DMARC results from {authserv_id}",
        )
    aligned = bool(from_domain) and dmarc_domain == from_domain
    verified = outcome == "pass" and aligned
    if verified:
        reason = f"dmarc=pass for {from_domain}"
    elif outcome != "pass":
        reason = f"dmarc={outcome} for {dmarc_domain or 'an unnamed domain'}"
    else:
        reason = (
            f"dmarc=pass for {dmarc_domain or 'an unnamed domain'}, "
            f"not the From domain {from_domain or '(none)'}"
        )
    return Verification(
        **base,
        dmarc=outcome,
        dmarc_domain=dmarc_domain,
        aligned=aligned,
        verified=verified,
        reason=reason,
    )


def sender_verified(parts: MessageParts, authserv_id: str) -> bool:
    """True when our mail server vouches for the From domain (aligned ``dmarc=pass``)."""
    return verify_sender(parts, authserv_id).verified


def from_problem(values: list[str]) -> str | None:
    """Why the raw From header values do not name exactly one plain address, or None.

    Several From headers, several addresses, group syntax, an unbalanced ``<``/``>``
    or comment, a quoted local part hiding another address, or anything the strict
    RFC 5322 parser flags as a defect: all ambiguous (who would be verified?).
    """
    from mailbot.errors import InvalidRecipient
    from mailbot.intake.from_header import quote_last_first
    from mailbot.intake.mailbox_address import normalise_address

    if len(values) != 1:
        return f"{len(values)} From headers"
    value = _FOLD.sub(" ", values[0]).strip()  # unfold (RFC 5322 §2.2.3)
    value = quote_last_first(value)  # "Last, First <a@b>" names one mailbox
    bare = _QUOTED.sub('""', value)  # brackets inside a quoted display name are text
    if bare.count("<") != bare.count(">") or bare.count("(") != bare.count(")"):
        return "unbalanced brackets in From"
    try:
        header = email.policy.default.header_factory("from", value)
    except Exception:
        return "unreadable From"
    if header.defects:
        return "malformed From"
    if any(g.display_name is not None for g in getattr(header, "groups", ())):
        return "group syntax in From"
    addresses = list(getattr(header, "addresses", ()))
    if len(addresses) != 1:
        return f"{len(addresses)} addresses in From"
    loose = [a for _, a in email.utils.getaddresses([value]) if a]
    addr_spec = addresses[0].addr_spec
    if len(loose) != 1 or loose[0].lower() != addr_spec.lower():
        return "From reads differently to different parsers"
    try:
        normalise_address(addr_spec)
    except InvalidRecipient:
        return "From is not one plain address"
    return None
