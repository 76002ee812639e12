"""Benchmark: validating a 10,000-cue WebVTT file must take well under a second.

Run from the checkout: ``.venv/bin/python bench/subtitles.py``. Baselines are measured in the
same run, so the ratios mean something on any machine: webvtt-py's (lenient) parse of the same
text, and a bare ``splitlines()`` pass, the floor for anything line-oriented in Python.
"""

import random
import sys
import time
from pathlib import Path

# Run as a script, so the checkout is not on sys.path yet; no Django settings are needed.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import webvtt  # noqa: E402

from cms.subtitles import parse_subtitles  # noqa: E402

CUES = 10_000
TARGET_SECONDS = 1.0
RUNS = 5
WORDS = (
    "you are not alone help is available call the number ask for protection at the centre "
    "every person has rights your safety matters we can listen and support you today"
).split()


def timestamp(ms: int) -> str:
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"


def generate(cue_count: int) -> str:
    """A realistic track: identifiers, two-line cues, speakers, italics and references."""
    rng = random.Random(42)
    parts = ["WEBVTT", "Kind: subtitles", "", "NOTE generated for the benchmark", ""]
    for number in range(cue_count):
        start = number * 3000
        first = " ".join(rng.choices(WORDS, k=5))
        second = " ".join(rng.choices(WORDS, k=4))
        if number % 3 == 0:
            first = f"<v Speaker {number % 7}>{first}"
        if number % 5 == 0:
            second = f"<i>{second}</i> &amp; more"
        parts += [str(number + 1), f"{timestamp(start)} --> {timestamp(start + 2800)}"]
        parts += [first, second, ""]
    return "\n".join(parts)


def best_of(runs: int, function) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - started)
    return best


def main() -> int:
    text = generate(CUES)
    data = text.encode()
    result = parse_subtitles(data, language="en", video_duration_ms=CUES * 3000)
    assert len(result.cues) == CUES, "the generated file must be accepted whole"
    assert len(webvtt.from_string(text).captions) == CUES

    ours = best_of(
        RUNS, lambda: parse_subtitles(data, language="en", video_duration_ms=CUES * 3000)
    )
    webvtt_py = best_of(RUNS, lambda: webvtt.from_string(text))
    splitlines = best_of(RUNS, text.splitlines)

    passed = ours < TARGET_SECONDS
    print(f"cues:                   {len(result.cues):,} ({len(data) / 1_000_000:.2f} MB)")
    print(f"parse_subtitles:        {ours:.4f} s (best of {RUNS})")
    print(f"webvtt-py from_string:  {webvtt_py:.4f} s  → ratio {ours / webvtt_py:.2f}×")
    print(f"str.splitlines:         {splitlines:.4f} s  → ratio {ours / splitlines:.0f}×")
    print(f"target under {TARGET_SECONDS:.1f} s:     {'PASS' if passed else 'FAIL'}")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
