"""The head of department the writer speaks of in his own words: by title only ("The Chief
has signed off and asked me to be the point of contact"), or his own title ("I'm the chief
of the Village of Derby Line Police Department").
"""

from __future__ import annotations

import re

from mailbot.intake.rules import Rules, per_rules


@per_rules
def _head_unnamed_re(rules: Rules) -> re.Pattern[str]:
    titles = sorted(rules.language.people.head_titles, key=len, reverse=True)
    alt = "|".join(re.escape(t) for t in titles)
    acts = r"has|have|had|is|was|asked|signed|approved|authori[sz]ed|wants|would|gave|said"
    return re.compile(rf"(?<![\w-])(?:[Tt]he|[Oo]ur)\s+({alt})\s+(?:{acts})\b")


def head_unnamed(body: str, rules: Rules) -> str | None:
    """The title of a head the writer speaks of without naming ("The Chief has signed off
    and asked me to be the point of contact"), or None."""
    m = _head_unnamed_re(rules).search(body)
    return m.group(1) if m else None


@per_rules
def _writer_title_re(rules: Rules) -> re.Pattern[str]:
    titles = sorted(rules.language.people.head_titles, key=len, reverse=True)
    alt = "|".join(re.escape(t) for t in titles)
    return re.compile(
        rf"(?<![\w-])(?:I['’]m|I\s+am|[Aa]s)\s+(?:the\s+|our\s+)?"
        rf"(?:(?i:elected|acting|interim|current|new)\s+)?((?i:{alt}))(?![\w'’-])"
    )


def title_of_writer(body: str, rules: Rules) -> str | None:
    """The head title the writer gives himself ("I'm the chief of the Village of Derby
    Line Police Department", "I am the elected First Constable for the Town of ..."),
    as the rules write it, or None."""
    m = _writer_title_re(rules).search(body)
    if m is None:
        return None
    said = m.group(1).lower()
    return next((t for t in rules.language.people.head_titles if t.lower() == said), None)
