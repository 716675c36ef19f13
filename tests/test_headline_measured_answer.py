"""HED002 on a question headline the body answers with figures (a round-5 false-alarm kind, fixed conservatively):
a lede sentence that reports by how much the thing asked about has moved ('support among rural voters has climbed
from 28 to 41 percent') answers the question, though in words the predicate lexicon does not pair with the
headline's. Hedged changes, changes of something else and figure-free ledes still leave it open. Sentences written
for the project."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _hed002(check_text, text: str) -> list:
    return [f for f in check_text(text, select=["HED002"]).findings if f.code == "HED002"]


ANSWERED = [
    "Is the governor finally connecting with rural voters?\n\nAt long last, the governor's town halls in farm "
    "country are packed. Her support among rural voters has climbed from 28 percent to 41 percent since January, "
    "according to a Ledger poll, and her opponent's lead outside the cities is down to four points.",
    "Is the bakery chain winning back customers?\n\nThe chain's weekly customers climbed to 90,000 in June from "
    "60,000 in January, and its shops now open on Sundays.",
    "Are commuters finally returning to the trains?\n\nWeekday trips on the trains climbed 30 percent in May, the "
    "operator said, though they remain below their 2019 level.",
]


@pytest.mark.parametrize("text", ANSWERED)
def test_headline_question_answered_with_figures_is_not_left_open(check_text, text):
    assert _hed002(check_text, text) == []


LEFT_OPEN = [
    # the change is of something the question does not ask about
    "Is the new vaccine safe?\n\nCases of side effects rose 20 percent last month, the regulator said.",
    # a hedged change, or one under a condition
    "Is the governor finally connecting with rural voters?\n\nThe governor toured four farm counties on Monday. Her "
    "aides said support could climb by 10 points by autumn.",
    "Is the bakery chain winning back customers?\n\nThe chain opened two shops in June. Customers could return if "
    "prices fall 10 percent, its owner said.",
    # no figures at all
    "Is the governor finally connecting with rural voters?\n\nThe governor toured four farm counties on Monday and "
    "spoke about water rights.",
    "Will the strike end this week?\n\nUnion leaders met on Monday. Talks will resume on Thursday.",
]


@pytest.mark.parametrize("text", LEFT_OPEN)
def test_headline_question_without_a_measured_answer_still_fires(check_text, text):
    assert _hed002(check_text, text)
