"""HED003 across two moments (a round-5 false-alarm kind): a body's earlier plan or state is no contradiction of the
headline's event ('Mendez ends bid' / 'Mendez had planned to continue his bid'); the same antonym about now or the
future still is. Sentences written for the project."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _hed003(check_text, text: str) -> list:
    return [f for f in check_text(text, select=["HED003"]).findings if f.code == "HED003"]


EARLIER_MOMENTS = [
    # a plan in the past perfect or with a verb of intention
    "Mendez ends presidential bid\n\nGovernor Luis Mendez stopped campaigning on Wednesday. Mendez had planned to "
    "continue his bid until the convention in July.",
    "Mendez ends presidential bid\n\nMendez intended to continue his presidential bid until the convention, aides "
    "said, but the money ran out.",
    "Dock union ends strike at port\n\nDockworkers returned to work on Monday. Only last week the dock union had vowed "
    "to continue the strike at the port until its demands were met.",
    # the state before the event, in the past perfect
    "Dock union ends strike at port\n\nThe dock union's members had continued the strike at the port for eleven weeks "
    "before the vote.",
]


@pytest.mark.parametrize("text", EARLIER_MOMENTS)
def test_headline_earlier_plan_or_state_is_no_contradiction(check_text, text):
    assert _hed003(check_text, text) == []


SAME_MOMENT = [
    "Mendez ends presidential bid\n\nGovernor Luis Mendez said on Wednesday that Mendez would continue his "
    "presidential bid until the convention in July.",
    "Dock union ends strike at port\n\nThe dock union will continue the strike at the port until its demands are "
    "met, its leader said on Monday.",
    "Harwick mill closes after 90 years\n\nThe Harwick paper mill will stay open, the owners said on Friday.",
    # a vow made now, in the simple past of the report, is the body's own account of the present
    "Dock union ends strike at port\n\nThe dock union vowed on Monday to continue the strike at the port until its "
    "demands are met.",
]


@pytest.mark.parametrize("text", SAME_MOMENT)
def test_headline_opposite_now_or_later_still_fires(check_text, text):
    found = _hed003(check_text, text)
    assert found and "antonyms" in found[0].message
