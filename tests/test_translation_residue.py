"""MTA001/MTA002 on scraped copy: leftover script and acronyms are not the writer's slips, real slips beside them are."""

from __future__ import annotations

import pytest

from presslint.analyzers.translation import mask_code_lines

pytestmark = pytest.mark.model


def _findings(parse, text, code):
    return [f for f in parse(text)._.pl_findings if f.code == code]


AD_SCRIPT = '<!-- ad_client = "pub-1234"; ad_width = 300; ad_format = "300x250_as"; ad_channel = "99"; //-->'
SOCIAL_SCRIPT = '(function(d, s, id) { var js = d.createElement(s); js.src = "//cdn.example.net/sdk.js"; }(document));'
TRACKER = (
    'window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag("js", new Date());'
)


@pytest.mark.parametrize("script", [AD_SCRIPT, SOCIAL_SCRIPT, TRACKER])
def test_translation_residue_script_lines_are_not_broken_punctuation(parse, script):
    text = f"The council approved the budget on Tuesday.\n\n{script}\n\nThe vote was 7 to 2, the clerk said."
    assert not _findings(parse, text, "MTA002"), [f.message for f in _findings(parse, text, "MTA002")]


@pytest.mark.parametrize(
    "prose, words",
    [
        ('The mayor said "we will rebuild, and the budget (which passed on Monday covers it.', "("),
        ("Residents voted = yes; the turnout was high ; officials said.", " ;"),
        ('Officials said the ad "reads = wrong; twice = bad; and never closed.', '"'),
    ],
)
def test_translation_residue_prose_with_code_like_marks_still_fires(parse, prose, words):
    text = f"{prose}\n\n{AD_SCRIPT}"
    found = _findings(parse, text, "MTA002")
    assert any(words.strip() in f.span.text for f in found), [f.span.text for f in found]


def test_translation_residue_mask_keeps_offsets():
    text = f"Prose line.\n{AD_SCRIPT}\nMore prose."
    masked = mask_code_lines(text)
    assert len(masked) == len(text) and masked.startswith("Prose line.\n") and masked.endswith("\nMore prose.")
    assert not masked.split("\n")[1].strip()


@pytest.mark.parametrize(
    "text",
    [
        "IS is now in control of large parts of the province, the governor said.",
        "Officials at the WHO who spoke on Monday said the outbreak was slowing.",
        "The IT it hired last year has already replaced the servers.",
        "Everything the US us citizens were promised has been delayed, the senator said.",
    ],
)
def test_translation_residue_acronym_then_its_word_is_not_a_doubled_word(parse, text):
    assert not _findings(parse, text, "MTA001"), [f.span.text for f in _findings(parse, text, "MTA001")]


@pytest.mark.parametrize(
    "text, words",
    [
        ("IS IS now in control of large parts of the province.", "IS IS"),
        ("The WHO said the the outbreak was slowing.", "the the"),
        ("Officials from the the US said nothing.", "the the"),
    ],
)
def test_translation_residue_doubles_beside_acronyms_still_fire(parse, text, words):
    found = _findings(parse, text, "MTA001")
    assert any(f.span.text == words for f in found), [f.span.text for f in found]


@pytest.mark.parametrize(
    "text",
    [
        "Thousands staged a sit-in in the name of reform.",
        "The team held a weigh-in in the gym before the fight.",
        "Love from all of us, Ann x x",
        "The grid runs from A to F, with rows A B C marked in red.",
        # a contraction split by the tokenizer: the second word is longer than the first
        "What your team does doesn't change the result, the coach said.",
        "Whatever the board is isn't clear from the filing.",
    ],
)
def test_translation_residue_hyphen_ends_and_letters_are_not_doubled_words(parse, text):
    assert not _findings(parse, text, "MTA001"), [f.span.text for f in _findings(parse, text, "MTA001")]


@pytest.mark.parametrize(
    "text, words",
    [
        ("The judge paid a a fee before the hearing.", "a a"),
        ("Then i i said it again, the witness wrote.", "i i"),
        ("The protest turned into into a sit-in outside the hall.", "into into"),
        ("The council does does not meet in August.", "does does"),
        ("She said the the.", "the the"),
    ],
)
def test_translation_residue_real_doubles_near_hyphens_still_fire(parse, text, words):
    found = _findings(parse, text, "MTA001")
    assert any(f.span.text.lower() == words for f in found), [f.span.text for f in found]


@pytest.mark.parametrize(
    "text",
    [
        "\"What I see is what traders call 'a flight to safety,' \" he said on Monday.",
        "\"They treat it like, 'Oh, this matters,' \" the organiser said at the rally.",
        '"It is a disgrace that he is doing this, " the senator said.',
    ],
)
def test_translation_residue_closing_mark_after_a_space_closes(parse, text):
    assert not _findings(parse, text, "MTA002"), [f.message for f in _findings(parse, text, "MTA002")]


@pytest.mark.parametrize(
    "text",
    ['The mayor said, "We will rebuild the bridge.', 'He told them, "Yes and no, and nothing else on Monday.'],
)
def test_translation_residue_unclosed_quotes_after_a_comma_still_fire(parse, text):
    assert any("never closed" in f.message for f in _findings(parse, text, "MTA002"))


# A mark wedged before a word with no quote open opens one (the space is missing: reported once, as that); a hashtag
# ending in digits closes a quote like any word; a tag whose attribute runs over a line is markup, not prose.
@pytest.mark.parametrize(
    "text, messages",
    [
        (
            'A shop owner who declined to be named for fear of the police."We were deceived into coming here."',
            ["no space before the opening quotation mark"],
        ),
        (
            'The impostor praised the "common interest" and waxed poetic about"joint operations between our '
            'countries."',
            ["no space before the opening quotation mark"],
        ),
        ('The senator tweeted, "Thank you Ohio! #Vote2024" on Friday afternoon.', []),
        ("The guard is 6'2\" tall and the striker is 5'10\" tall, the club said.", []),
        # a quotation ending in a number is closed by the mark after it; an inch mark inside a quote is not
        ('He said he would "consider 69" if a request was made "after the holidays."', []),
        ('The mayor called it "Proposition 12" and urged voters to "read it twice."', []),
        ('The fans chanted "we want 10" until the end, then sang "one more."', []),
        ('"I bought a 12" record on Saturday," she said, "and it was warped."', []),
        ('He said he would "consider 69 if asked, and the board "might agree."', ["'\"' is never closed"]),
        (
            'Reporters noted the empty seats:\n\n<tweet tweet-author="@reporter" tweet-date="March 9, 2024\n">Stands '
            "empty at the rally. pic.twitter.com/abc<tweet/>.\n\nThe campaign did not comment.",
            [],
        ),
    ],
)
def test_translation_residue_wedged_marks_hashtags_and_tags(parse, text, messages):
    assert [f.message for f in _findings(parse, text, "MTA002")] == messages


# Mojibake: UTF-8 read as cp1252 is one fault of the copy, told once with every place and its repaired form;
# accented words, a capital 'Ã' in an upper-case Portuguese name and curly quotes are not mojibake.
@pytest.mark.parametrize(
    "text, first, fixed, places",
    [
        ("French President FranÃ§ois Hollande met the delegates.", "FranÃ§ois", "François", 1),
        ("The minister said she wonâ€™t resign and didnâ€™t apologise.", "wonâ€™t", "won’t", 2),
        ("Tickets cost Â£40 at the door, organisers said.", "Â£40", "£40", 1),
    ],
)
def test_translation_residue_mojibake_fires_once(parse, text, first, fixed, places):
    found = [f for f in _findings(parse, text, "MTA002") if f.evidence["kind"] == "mojibake"]
    assert len(found) == 1
    assert found[0].span.text == first and found[0].evidence["fixed"] == fixed
    assert 1 + len(found[0].related) == places


@pytest.mark.parametrize(
    "text",
    [
        "The SÃO PAULO office of the café chain said the “naïve” plan was dropped.",
        "Señora Núñez said the Zürich déjà vu was over — it’s “fine”.",
    ],
)
def test_translation_residue_accents_are_not_mojibake(parse, text):
    assert not [f for f in _findings(parse, text, "MTA002") if f.evidence["kind"] == "mojibake"]


# A quoted sentence running into its attribution with no comma inside the closing mark.
@pytest.mark.parametrize(
    "text, fires",
    [
        ("Farmers met on Monday. “The caucus is a battle of small groups” Grubbs said.", True),
        ('"We will win this fight in the courts" she said on Monday.', True),
        ("The vote is close.\n“Nobody here trusts the count” Mayor Ana Ruiz told reporters.", True),
        ("Farmers met on Monday. “The caucus is a battle of small groups,” Grubbs said.", False),
        ("“Are we done with this yet?” Ruiz asked the panel.", False),
        ("He called the plan “a betrayal of every voter” Ruiz said.", False),  # a phrase inside a sentence
        ("“The Big Short” Director Adam McKay said the film was finished.", False),  # no reporting verb next
    ],
)
def test_translation_residue_quote_runs_into_attribution(parse, text, fires):
    found = [f for f in _findings(parse, text, "MTA002") if f.evidence["kind"] == "no-comma-before-attribution"]
    assert bool(found) is fires, text


def test_translation_residue_mojibake_past_repair_is_named_not_repaired(parse):
    text = "Executives showed some surprise, or perhaps just naÃ \u0304vetÃ©, at the new rules."
    found = [f for f in _findings(parse, text, "MTA002") if f.evidence["kind"] == "mojibake"]
    assert len(found) == 1 and found[0].span.text.startswith("naÃ")
    assert found[0].evidence["fixed"] is None and "should read" not in found[0].message
