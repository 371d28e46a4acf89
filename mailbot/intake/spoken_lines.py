"""Officers' own words pasted as chat lines, each prefixed by the name of who wrote it
("Josh Pelkey: my leo # is 8JP31 and my dps login is jpelkey2" over "Josh Pelkey: title
is just officer"): the lines one person wrote in a row are one record about him."""

from __future__ import annotations

import re

# "Josh Pelkey: ...": a person's name of two or three capitalised words, then a colon
_SPEAKER = re.compile(
    r"^[ \t]*([A-Z][a-z'\u2019-]+(?:[ \t]+[A-Z][a-z'\u2019-]+){1,2})[ \t]*:[ \t]+(\S.*)$"
)


def spoken_lines(lines: list[str]) -> list[str]:
    """``lines`` with each run of lines written by one person joined into its first line
    as one sentence naming him ("Josh Pelkey, my leo # is ..., title is just officer"),
    the run's other lines left empty (each line keeps its place)."""
    out = list(lines)
    speakers = [_SPEAKER.match(line) for line in lines]
    i = 0
    while i < len(lines):
        m = speakers[i]
        if m is None:
            i += 1
            continue
        j = i + 1
        while j < len(lines) and (n := speakers[j]) is not None and n.group(1) == m.group(1):
            j += 1
        said = ", ".join(s.group(2).rstrip(" ,.;") for s in speakers[i:j] if s is not None)
        out[i] = f"{m.group(1)}, {said}"
        for k in range(i + 1, j):
            out[k] = ""
        i = j
    return out
