"""Reading accuracy on directories of NAME.eml + NAME.json, scored per PARSE-CONTRACT.md.

Run: ``python bench/accuracy.py DIR [DIR ...] [--verbose] [--no-rate]``.

Per directory: messages, field accuracy, "perfect" messages (right intent, no wrong
field, missing or invalid path) and messages parsed without an exception, needless
asks (count and paths), intent accuracy, missing/invalid precision and recall, and
the parse rate against bare ``mailparser.parse_from_bytes`` in the same run.
Targets: accuracy >= 0.97, perfect >= 85 %, needless asks 0, intent 100 %, rate >= 0.3.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from scoring import Score, Totals, ratio, score  # noqa: E402


def _quiet() -> None:
    import structlog

    logging.getLogger("mailparser").setLevel(logging.CRITICAL)
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))


def score_dir(directory: Path, verbose: bool = False) -> tuple[Totals, list[bytes]]:
    from mailbot.intake.parse import parse_message

    totals = Totals()
    corpus: list[bytes] = []
    for eml in sorted(directory.glob("*.eml")):
        want_path = eml.with_suffix(".json")
        if not want_path.exists():
            continue
        expected = json.loads(want_path.read_text(encoding="utf-8"))
        raw = eml.read_bytes()
        corpus.append(raw)
        result: Score | None
        try:
            actual = parse_message(raw).to_json_dict()
        except Exception as e:
            result = None
            if verbose:
                print(f"  {eml.stem}: raised {type(e).__name__}: {e}")
        else:
            result = score(actual, expected)
            if verbose and not result.perfect:
                _explain(eml.stem, result, actual, expected)
        totals.add(eml.stem, result)
    return totals, corpus


def _explain(name: str, s: Score, actual: dict[str, object], expected: dict[str, object]) -> None:
    print(f"  {name}:")
    if not s.intent_ok:
        print(f"    intent: expected {expected.get('intent')}, read {actual.get('intent')}")
    for w in s.wrong:
        print(f"    {w}")
    for label, paths in (
        ("missing, not expected", s.missing_extra),
        ("missing expected, not said", s.missing_lacking),
        ("invalid, not expected", s.invalid_extra),
        ("invalid expected, not said", s.invalid_lacking),
    ):
        if paths:
            print(f"    {label}: {', '.join(paths)}")


def parse_rate(corpus: list[bytes]) -> tuple[float, float, float]:
    import mailparser
    from parse import rates  # bench/parse.py

    from mailbot.intake.parse import parse_message

    def full(raw: bytes) -> object:
        try:
            return parse_message(raw)
        except Exception:
            return None

    return rates(full, mailparser.parse_from_bytes, corpus)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dirs", nargs="+", type=Path, help="directories of NAME.eml + NAME.json")
    ap.add_argument("--verbose", action="store_true", help="list each message's wrong fields")
    ap.add_argument("--no-rate", action="store_true", help="skip the parse-rate measurement")
    args = ap.parse_args(argv)
    _quiet()
    for d in args.dirs:
        if not d.is_dir():
            print(f"error: {d} is not a directory", file=sys.stderr)
            return 2
    for d in args.dirs:
        print(f"== {d}")
        t, corpus = score_dir(d, args.verbose)
        if not t.messages:
            print("  no NAME.eml with NAME.json")
            continue
        print(f"  messages:                  {t.messages}")
        print(f"  field accuracy:            {t.accuracy:.3f} ({t.right}/{t.fields})")
        print(
            f"  perfect (read w/o error):  {t.perfect}/{t.messages} "
            f"({100 * ratio(t.perfect, t.messages):.0f} %)"
        )
        print(f"  parsed without exception:  {t.parsed}/{t.messages}")
        print(f"  needless asks:             {t.needless_messages}")
        for p in t.needless_paths:
            print(f"    {p}")
        print(
            f"  intent accuracy:           {ratio(t.intent_ok, t.messages):.3f} "
            f"({t.intent_ok}/{t.messages})"
        )
        print(
            f"  missing precision/recall:  {ratio(t.missing_tp, t.missing_got):.3f} / "
            f"{ratio(t.missing_tp, t.missing_want):.3f}"
        )
        print(
            f"  invalid precision/recall:  {ratio(t.invalid_tp, t.invalid_got):.3f} / "
            f"{ratio(t.invalid_tp, t.invalid_want):.3f}"
        )
        if not args.no_rate and corpus:
            full, plain, median = parse_rate(corpus)
            print(
                f"  parse rate: {full:.1f} msg/s vs bare mail-parser {plain:.1f} msg/s: "
                f"ratio {full / plain:.2f} (median per round {median:.2f})"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
