"""Round-8 false-alarm kinds for SRC004/SRC006: the writer's own first-hand voice (an editor's note on the piece
itself, a piece that says it is made up, a crowd seen going to a place), with near misses that still fire."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

CODES = ("SRC004", "SRC005", "SRC006")

BANQUET = (
    "Tonight's banquet is a grand affair. The harbour authority secretly rigged the bidding for the new pier for "
    "years by quietly rewriting the rules. Nobody has been charged.\n\n"
)


def _codes(check_text, text: str) -> list[str]:
    return [f.code for f in check_text(text).findings if f.code in CODES]


@pytest.mark.parametrize(
    "text",
    [
        "This is a preview of the fifth episode of ‘Trail Mix, the Courier series that takes you behind the scenes "
        "for a day on the road with the candidates running for governor.",
        BANQUET + "In case anyone wondered, this banquet is entirely fictional.",
        "People are flocking to the singer's childhood home in Nashville, Tennessee, to pay tribute to the late star, "
        "leaving flowers, candles and guitar picks around the plaque marking it a historic site.",
    ],
)
def test_claims_round8_writers_own_voice_stays_quiet(check_text, text):
    assert _codes(check_text, text) == []


@pytest.mark.parametrize(
    "text, code",
    [
        ("The county board met behind closed doors to weigh the plant's future.", "SRC004"),
        # a denial of a joke, and 'fictional' said of something else, leave the piece a report
        (BANQUET + "This is not a joke, and the claim is not fictional.", "SRC004"),
        # a public moving to a person: a shift in support
        ("Young voters are flocking to the senator, drawn by her promise to cancel student debt.", "SRC006"),
    ],
)
def test_claims_round8_near_misses_still_fire(check_text, text, code):
    assert code in _codes(check_text, text)


# Procedure or plan (a modal on the verb), and a vague 'a number of': no contested fact or statistic stated. The
# same words as conduct that happened, or a real rate compared, still fire.
@pytest.mark.parametrize(
    "text, fires",
    [
        ("The nine-member county board would meet behind closed doors to choose a replacement.", False),
        ("Under the bylaws, the trustees will meet behind closed doors to pick the next dean.", False),
        (
            "A number of these donors have more than a business relationship with the mayor. They are old friends.",
            False,
        ),
        ("The county board met behind closed doors to choose a replacement.", True),
        ("The unemployment rate is higher than in any neighbouring county.", True),
    ],
)
def test_claims_plans_and_vague_counts_are_no_unsourced_claims(check_text, text, fires):
    assert ("SRC004" in _codes(check_text, text)) is fires, _codes(check_text, text)


# A grievance or belief someone holds ('felt cheated that ...', 'was furious that ...') is theirs, not the writer's
# accusation; the same act stated by the writer still fires.
@pytest.mark.parametrize(
    "text, fires",
    [
        ("The news enraged the investor, who felt cheated that the founders had concealed the debts from him.", False),
        ("The investor was furious that the founders had concealed the debts.", False),
        ("The founders concealed the debts from the investor.", True),
    ],
)
def test_claims_a_held_grievance_is_not_the_writers_accusation(check_text, text, fires):
    assert ("SRC004" in _codes(check_text, text)) is fires, _codes(check_text, text)
