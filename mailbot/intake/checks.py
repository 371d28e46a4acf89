"""The checklist: which required items are missing and which values are invalid.

Results are data (paths and reasons), never exceptions. Formats and requirements
come from ``rules/formats.toml`` and ``rules/requirements.toml``.
"""

from __future__ import annotations

import re
from typing import Protocol

from mailbot.intake.model import Change, Invalid, Officer, ParseResult
from mailbot.intake.rules import Rules, per_rules_text


class LogoLike(Protocol):
    @property
    def format(self) -> str: ...
    @property
    def width(self) -> int: ...
    @property
    def height(self) -> int: ...
    @property
    def size_bytes(self) -> int: ...


@per_rules_text  # a message's phone is checked as read, as found, and as settled
def normalize_phone(value: str, rules: Rules) -> str | None:
    """The national format of a valid phone number ("(802) 295-9425"), else None."""
    import phonenumbers

    try:
        number = phonenumbers.parse(value, rules.formats.phone.region)
    except phonenumbers.NumberParseException:
        return None
    # valid AND in the expected region (one lookup; a valid number always has a region)
    if not phonenumbers.is_valid_number_for_region(number, rules.formats.phone.region):
        return None
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return str(national)


def check_judiciary_code(value: str, rules: Rules) -> str | None:
    fmt = rules.formats.judiciary_code
    return None if re.fullmatch(rf"\d{{{fmt.digits}}}", value) else fmt.reason


def check_officer_number(value: str, rules: Rules) -> str | None:
    fmt = rules.formats.officer_number
    if not re.fullmatch(fmt.pattern, value):
        return fmt.pattern_reason
    if len(value) != fmt.length:
        return fmt.length_reason.format(length=fmt.length, got=len(value))
    return None


def check_username(value: str, rules: Rules) -> str | None:
    fmt = rules.formats.dps_username
    return None if re.fullmatch(fmt.pattern, value) else fmt.reason


def check_email(value: str, rules: Rules) -> str | None:
    fmt = rules.formats.email
    return None if re.fullmatch(fmt.pattern, value) else fmt.reason


def check_address(value: str, rules: Rules) -> str | None:
    fmt = rules.formats.address
    if fmt.require_zip and not re.search(r"\b\d{5}(?:-\d{4})?\b", value):
        return fmt.zip_reason
    state = re.escape(fmt.state)
    if fmt.state and not re.search(rf"\b(?:{state}|Vermont)\b\.?,?\s*\d{{5}}", value, re.I):
        # no state written before the ZIP: one of the state's own ZIPs, with no other
        # state's code before it, is the state's
        m = re.search(r"(?:\b([A-Z]{2})\.?,?\s*)?\b(\d{5})(?:-\d{4})?\s*$", value)
        ours = m is not None and m.group(1) is None
        if not (ours and m and m.group(2).startswith(tuple(fmt.state_zip_prefixes or ["-"]))):
            return fmt.state_reason
    return None


def check_logo(logo: LogoLike, rules: Rules) -> str | None:
    fmt = rules.formats.logo
    allowed = [f.upper() for f in fmt.formats]
    if logo.format.upper() not in allowed:
        return f"must be an image of type {', '.join(allowed)} (got {logo.format})"
    if logo.size_bytes > fmt.max_bytes:
        return f"must be at most {fmt.max_bytes:,} bytes (got {logo.size_bytes:,})"
    if logo.width < fmt.min_width or logo.height < fmt.min_height:
        return (
            f"must be at least {fmt.min_width}x{fmt.min_height} pixels "
            f"(got {logo.width}x{logo.height})"
        )
    if logo.width > fmt.max_width or logo.height > fmt.max_height:
        return (
            f"must be at most {fmt.max_width}x{fmt.max_height} pixels "
            f"(got {logo.width}x{logo.height})"
        )
    return None


def _value(result: ParseResult, path: str) -> str | None:
    """The text at ``path`` of a reading ("agency.phone", "sender"); None when not
    given (the paths of the checklist name text fields)."""
    obj: object = result
    for part in path.split("."):
        obj = getattr(obj, part, None)
    return obj if isinstance(obj, str) else None


def check_officers(officers: list[Officer], rules: Rules) -> tuple[list[str], list[Invalid]]:
    """Missing and invalid officer fields, ``officers[i].<field>``; repeats are invalid."""
    missing: list[str] = []
    invalid: list[Invalid] = []
    seen: dict[str, int] = {}
    for i, officer in enumerate(officers):
        for name in rules.requirements.enrollment.officer_fields:
            value = getattr(officer, name)
            path = f"officers[{i}].{name}"
            if value is None:
                missing.append(path)
                continue
            reason = None
            if name == "officer_number":
                reason = check_officer_number(value, rules)
                key = value.upper()
                if reason is None and key in seen:
                    reason = f"duplicate of officers[{seen[key]}]"
                seen.setdefault(key, i)
            elif name == "dps_username":
                reason = check_username(value, rules)
            if reason:
                invalid.append(Invalid(field=path, reason=reason))
    return missing, invalid


def check_enrollment(
    result: ParseResult,
    rules: Rules,
    logo_reason: str | None = None,
    *,
    phone_valid: bool | None = None,
) -> tuple[list[str], list[Invalid]]:
    """The checklist of an enrolment request, in the order of ``requirements.toml``.

    ``phone_valid`` is what :func:`normalize_phone` already said of the phone (saves
    parsing it twice); ``None`` checks it here."""
    missing: list[str] = []
    invalid: list[Invalid] = []
    checkers = {
        "agency.judiciary_code": check_judiciary_code,
        "agency.address": check_address,
        "point_of_contact.email": check_email,
    }
    for path in rules.requirements.enrollment.required:
        if path == "officers":
            if not result.officers:
                missing.append("officers")
            continue
        value = _value(result, path)
        if value is None:
            missing.append(path)
            continue
        reason = None
        if path == "agency.phone":
            if phone_valid is None:
                phone_valid = normalize_phone(value, rules) is not None
            reason = None if phone_valid else rules.formats.phone.reason
        elif path == "agency.logo":
            reason = logo_reason
        elif path in checkers:
            reason = checkers[path](value, rules)
        if reason:
            invalid.append(Invalid(field=path, reason=reason))
    officer_missing, officer_invalid = check_officers(result.officers, rules)
    return missing + officer_missing, invalid + officer_invalid


def check_change(change: Change, rules: Rules) -> list[str]:
    """Fields a roster change lacks, per ``[changes]`` in ``requirements.toml``."""
    needed: list[str] = getattr(rules.requirements.changes, change.action)
    data = change.model_dump()
    return [name for name in needed if data.get(name) is None]
