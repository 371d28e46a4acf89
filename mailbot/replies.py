"""Render reply templates: ``templates/<name>/{subject.txt,body.txt,body.html}``.

Pure apart from reading the template files. Plain text is not escaped; HTML is
autoescaped, so a name such as ``O'Brien <b>`` is shown literally in both. Every
variable a template uses must be passed (``StrictUndefined``); pass ``None`` for an
unknown value.

Templates and their variables (``reference`` is the case reference, e.g. ``ETK-0042``,
or ``None`` when there is no case; officers are mappings or objects with
``last_name``, ``first_name``, ``title``, ``officer_number``, ``dps_username``):

- ``acknowledgement``: reference, agency_name
- ``checklist``: reference, agency_name, checklist (:class:`mailbot.checklist.Checklist`)
- ``complete``: reference, agency_name
- ``unreadable``: reference, reason (plain words)
- ``too_large``: reference, limit_bytes
- ``ready_for_use``: reference, agency_name, judiciary_code, poc_name, officers
- ``judicial_bureau_notice``: reference, agency_name, judiciary_code, officers
- ``rejected``: reference, agency_name, reason (the staff's words)
- ``maintenance_received`` / ``maintenance_applied``: reference, agency_name, changes
  (lines from :func:`mailbot.checklist.describe_changes`)
- ``maintenance_refused``: reference, agency_name
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jinja2
import markupsafe
import structlog

from mailbot.checklist import clean
from mailbot.errors import ReplyError
from mailbot.resources import templates_dir

log = structlog.get_logger()

TEMPLATE_NAMES = (
    "acknowledgement",
    "checklist",
    "complete",
    "unreadable",
    "too_large",
    "ready_for_use",
    "judicial_bureau_notice",
    "rejected",
    "maintenance_received",
    "maintenance_applied",
    "maintenance_refused",
    "contact_changed",
)
MAX_SUBJECT = 200
_NAME = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
_KEEP = frozenset("\n\t")
_ASCII_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
"""The ASCII characters of categories Cc, Cf and Cs, less newline and tab."""


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str


def _strip_controls(value: object) -> object:
    """Print ``None`` as nothing and drop control characters (NUL, CR, escape codes,
    bidi overrides) from every printed value."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return value
    if value.isascii():  # the common case: the only controls are C0 and DEL
        cleaned = _ASCII_CONTROLS.sub("", value)
    else:
        cleaned = "".join(
            ch for ch in value if ch in _KEEP or unicodedata.category(ch) not in ("Cc", "Cf", "Cs")
        )
    return markupsafe.Markup(cleaned) if isinstance(value, markupsafe.Markup) else cleaned


def _megabytes(size: int | float) -> str:
    """20971520 -> "20 MB"; 1572864 -> "1.5 MB"."""
    mb = float(size) / (1024 * 1024)
    return f"{mb:.0f} MB" if mb == int(mb) or mb >= 10 else f"{mb:.1f} MB"


def _oneline(value: object) -> str:
    """Inbound text on one line, never cut (names in officer tables)."""
    return clean(value, limit=10_000)


def _root(templates: Path | None) -> Path:
    if templates is None:
        if not _default_root:
            _default_root.append(templates_dir().resolve())
        return _default_root[0]
    return templates.resolve()


_default_root: list[Path] = []


@lru_cache(maxsize=4)
def _environments(root: Path) -> tuple[jinja2.Environment, jinja2.Environment]:
    def make(autoescape: bool) -> jinja2.Environment:
        env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(root)),
            undefined=jinja2.StrictUndefined,
            autoescape=autoescape,
            finalize=_strip_controls,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            auto_reload=False,  # templates are read once per process (see _templates)
        )
        env.filters["megabytes"] = _megabytes
        env.filters["oneline"] = _oneline
        return env

    return make(False), make(True)


@lru_cache(maxsize=64)
def _templates(root: Path, name: str) -> tuple[jinja2.Template, jinja2.Template, jinja2.Template]:
    """The subject, text and HTML templates of reply ``name``, loaded and compiled once
    per process (a changed template takes effect when the bot restarts)."""
    if not _NAME.match(name) or not (root / name).is_dir():
        raise ReplyError(f"unknown reply template {name!r} (looked in {root})")
    text_env, html_env = _environments(root)
    try:
        return (
            text_env.get_template(f"{name}/subject.txt"),
            text_env.get_template(f"{name}/body.txt"),
            html_env.get_template(f"{name}/body.html"),
        )
    except jinja2.TemplateNotFound as e:
        raise ReplyError(f"reply template {name!r} is incomplete: {e.name} is missing") from e
    except jinja2.TemplateError as e:
        raise ReplyError(f"reply template {name!r} cannot be rendered: {e}") from e


def render(name: str, *, templates: Path | None = None, **context: object) -> Rendered:
    """Render the reply ``name`` with ``context``.

    Raises :class:`ReplyError` for an unknown template or a variable the template
    needs but was not given. The subject is one line of at most 200 characters.
    """
    subject_t, text_t, html_t = _templates(_root(templates), name)
    try:
        subject = subject_t.render(context)
        text = text_t.render(context)
        html = html_t.render(context)
    except jinja2.UndefinedError as e:
        raise ReplyError(f"reply template {name!r} needs a value: {e.message}") from e
    except jinja2.TemplateNotFound as e:
        raise ReplyError(f"reply template {name!r} is incomplete: {e.name} is missing") from e
    except jinja2.TemplateError as e:
        raise ReplyError(f"reply template {name!r} cannot be rendered: {e}") from e
    rendered = Rendered(subject=clean(subject, MAX_SUBJECT), text=text, html=html)
    log.debug("reply_rendered", template=name, text_chars=len(text), html_chars=len(html))
    return rendered
