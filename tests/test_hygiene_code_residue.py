"""HYG004 on code a page left in the text (style-sheet rules, script lines), a network's name where an embedded post
was, and a 'via' photo credit; MTA002 does not read the code's punctuation as the writer's."""

from __future__ import annotations

import pytest

from presslint.analyzers.hygiene import find_extraction_residue
from presslint.analyzers.translation import mask_code_lines

BODY = "The council voted on Tuesday to close the old bridge.\n\n"
AFTER = "\n\nRepairs will take two years, the engineer said."

STYLE_SHEET = (
    ".author-card {\n   width:100%;\n   border-top:1px solid #dddddd;\n   }\n"
    "   .author-card img {\n   -webkit-border-radius: 40px;\n   }\n\n"
    "@media screen and (max-width: 480px) {\n.author-name, .author-links, .author-mail {\n"
    "text-align: center;\n}.\n}."
)
ONE_LINE_RULE = "#promo-box > p.lede { font-size: 14px; color: #333333; }"
SCRIPT = 'var tracker = window.tracker || []; tracker.push({ "page": "news" }); tracker.load = true;'

CODE = [STYLE_SHEET, ONE_LINE_RULE, SCRIPT]

NOT_CODE = [
    "The mayor's note read: text-align the budget; then vote.",  # a colon and semicolon in prose
    "Residents voted = yes; the turnout was high; officials said.",
    "Sources {inside the campaign} said the plan had changed.",  # braces in prose, no selector or declaration
    "The .com boom, .net names and .org sites all grew that year.",
    "He did not return; she stayed; they left before dawn.",
]


def _kinds(text):
    return {f.evidence["kind"]: f for f in find_extraction_residue(text)}


@pytest.mark.parametrize("code", CODE)
def test_hygiene_code_residue_is_reported(code):
    kinds = _kinds(BODY + code + AFTER)
    assert "code" in kinds, kinds
    assert kinds["code"].span.text.strip().startswith(code.split("\n")[0].strip())


@pytest.mark.parametrize("prose", NOT_CODE)
def test_hygiene_code_residue_prose_is_not_code(prose):
    assert "code" not in _kinds(BODY + prose + AFTER)


def test_hygiene_code_residue_once_with_all_places():
    text = BODY + STYLE_SHEET + "\n\nThe bridge opened in 1931.\n\n" + SCRIPT + AFTER
    found = [f for f in find_extraction_residue(text) if f.evidence["kind"] == "code"]
    assert len(found) == 1 and len(found[0].related) == 1
    assert found[0].related[0].text == SCRIPT


@pytest.mark.parametrize("line", ["Twitter.", "Instagram", "YouTube."])
def test_hygiene_code_residue_network_name_alone_is_embed_residue(line):
    assert "embed" in _kinds(BODY + line + AFTER)


@pytest.mark.parametrize(
    "line, empty",
    [
        ('<tweet tweet-id="669350861383049216"><tweet/>.', True),
        ('<tweet id="1"></tweet>', True),
        ('<tweet id="1" author="@dailynews">Doors open at six</tweet>', False),  # the post is there
        ("The tweet was deleted within an hour of being posted.", False),
    ],
)
def test_hygiene_code_residue_empty_post_markup_is_residue(line, empty):
    assert ("post" in _kinds(BODY + line + AFTER)) is empty


@pytest.mark.parametrize(
    "prose",
    [
        "Twitter said on Monday that it had suspended the account.",
        "On Twitter, the senator called the bill a disgrace.",
        "Twitter and Facebook.",
    ],
)
def test_hygiene_code_residue_network_in_a_sentence_is_not_embed_residue(prose):
    assert "embed" not in _kinds(BODY + prose + AFTER)


@pytest.mark.parametrize(
    "line, credit",
    [
        ("Jane Roe via Getty Images.", True),
        ("John Doe via AP Photo", True),
        ("The picture came to us via Getty Images, the editor said on Monday.", False),
        ("Reporting by Jane Roe via Reuters", False),  # a wire byline
        ("Jane Roe via AFP", False),
    ],
)
def test_hygiene_code_residue_via_credit(line, credit):
    assert ("credit" in _kinds(BODY + line + AFTER)) is credit


@pytest.mark.parametrize("code", [STYLE_SHEET, ONE_LINE_RULE])
def test_hygiene_code_residue_mask_blanks_style_sheets(code):
    text = BODY + code + AFTER
    masked = mask_code_lines(text)
    assert len(masked) == len(text)
    assert masked.startswith(BODY) and masked.endswith(AFTER) and not masked[len(BODY) : -len(AFTER)].strip()


@pytest.mark.model
def test_hygiene_code_residue_selector_commas_are_not_broken_punctuation(parse):
    text = BODY + STYLE_SHEET + AFTER
    found = [f.span.text for f in parse(text)._.pl_findings if f.code == "MTA002"]
    assert not found, found


@pytest.mark.model
def test_hygiene_code_residue_prose_orphan_beside_code_still_fires(parse):
    text = "The council voted , . on Tuesday to close the old bridge.\n\n" + STYLE_SHEET + AFTER
    found = [f.span.text for f in parse(text)._.pl_findings if f.code == "MTA002"]
    assert found, found
