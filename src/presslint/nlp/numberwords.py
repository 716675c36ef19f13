"""English number words and magnitude words, written once for the analyzers that read figures spelled out (dates,
quantities, headline figures, contradictions, counted sources). Each takes the range it needs with
:func:`cardinals`."""

from __future__ import annotations

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
]
_TENS = ("thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")

# zero to twenty, then the tens: in ascending order, the order a regular expression built from them relies on
CARDINALS: dict[str, int] = {**{w: i for i, w in enumerate(_UNITS)}, **{w: 30 + 10 * i for i, w in enumerate(_TENS)}}

# Magnitude words and the suffixes copy writes after a figure ('1.5bn', '$33M', '40k').
SCALES: dict[str, float] = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}


def cardinals(first: int, last: int) -> dict[str, int]:
    """The number words whose value lies in [first, last], in ascending order."""
    return {w: n for w, n in CARDINALS.items() if first <= n <= last}
