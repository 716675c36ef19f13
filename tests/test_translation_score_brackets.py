"""MTA002 on sports scores (a round-5 false-alarm kind): a tiebreak bracket after a set score ('7-6 (5), 6-3')
closes its own '(' and is no inline list label; a bracket really left open next to one still fires. Sentences
written for the project."""

from __future__ import annotations

import pytest

from presslint.analyzers.translation import find_unbalanced

SCORES = [
    "Ray Pollard edged Tom Vick 7-6 (5), 7-6 (7) and Ian Shaw beat Lee Park 7-6 (6), 6-3.",
    "She saved three match points before winning 6-7 (4), 7-6 (8), 6-4 on Sunday.",
    "The top seed needed two tiebreaks, 7-6 (3), 7-6 (4), to get past the qualifier.",
    "The doubles pair won 6-4, 6-7 (5), 7-6 (7), 7-6 (8) in just under four hours.",
    # the same shape outside sport: numbered sub-clauses written '(1)', '(2)'
    "Section 4 lists the duties (1), (2) and (3) of the board.",
]


@pytest.mark.parametrize("text", SCORES)
def test_translation_score_brackets_are_closed(text):
    assert [f.span.text for f in find_unbalanced(text)] == []


STILL_BROKEN = [
    ("She won 6-7 (4), 7-6 (8, 6-4 on Sunday.", "("),  # a tiebreak bracket really left open
    ("Ray Pollard edged Tom Vick 7-6 (5), 7-6 (7 and lost the final.", "("),
    ("The list has two parts: 1) the budget and 2) the audit), the mayor said.", ")"),  # a bracket closing nothing
]


@pytest.mark.parametrize("text, mark", STILL_BROKEN)
def test_translation_open_bracket_next_to_scores_still_fires(text, mark):
    assert [f.span.text for f in find_unbalanced(text)] == [mark]
