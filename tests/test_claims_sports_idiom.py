"""SRC004 on sports idiom (a round-5 false-alarm kind): an accusation verb whose object is what a side wins or
gives away in a game ('squandered three set points', 'stole the ball') is match reporting, not wrongdoing stated as
fact; the same verbs with money, funds or people still fire. Sentences written for the project."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _src004(check_text, text: str) -> list:
    return [f for f in check_text(text, select=["SRC004"]).findings if f.code == "SRC004"]


SPORTS = [
    "The Spanish pair squandered three set points while serving at 5-3, but recovered to take the tiebreak and the "
    "match.",
    "City squandered a two-goal lead in the last ten minutes and had to settle for a draw.",
    "The visitors' midfielder stole the ball from the captain and scored the winner in the 89th minute.",
    "The home side squandered several chances before the break and were punished with a late try.",
    "The Hawks stole a 3-2 win in extra innings.",
]


@pytest.mark.parametrize("text", SPORTS)
def test_claims_sports_stakes_are_not_wrongdoing(check_text, text):
    assert _src004(check_text, "Match report\n\n" + text) == []


WRONGDOING = [
    "The ministry squandered millions on consultants who never delivered a report.",
    "The club's treasurer embezzled the funds raised for the new stadium.",
    "The coach squandered the club's transfer budget on friends' agencies.",
    "The team doctor falsified the players' test results before the final.",
]


@pytest.mark.parametrize("text", WRONGDOING)
def test_claims_wrongdoing_in_sport_still_fires(check_text, text):
    assert _src004(check_text, "Club news\n\n" + text)
