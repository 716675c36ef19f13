"""The array-based rewrites of hot paths give what the per-Token versions gave (sentence starts at line breaks,
line:column of every span, token texts), on news-style texts written for these tests."""

from __future__ import annotations

import dataclasses

import pytest
import spacy

from presslint.checker import _Locator
from presslint.model import Span, map_spans
from presslint.model.article import viewed_text
from presslint.nlp.docview import view
from presslint.nlp.pipeline import _newline_sentences

TEXTS = [
    "Council approves budget\n\nThe city council voted 7-2 on Tuesday to approve the budget.\nIt takes effect in July.",
    "Storm cuts power to thousands\n\n\nCrews worked overnight.  \n\nOfficials said repairs would take days.",
    "Headline only",
    "\nLeading newline, then a body.\n",
    "Minister resigns\r\n\r\nThe minister resigned on Friday, her office said.\r\nShe gave no reason.",
    "Quote stands alone\n\n“We will rebuild,” the mayor said.\n \n— Staff report",
    "Two lines\nno blank between them\n\n\n\nand a gap of three.",
    "x",
    "",
    " \n ",
]


def _reference_sentences(doc):
    """The per-Token version the pipeline used before."""
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if (token.is_space and "\n" in token.text) or (prev.is_space and "\n" in prev.text) or "\n" in prev.whitespace_:
            token.is_sent_start = True
    return doc


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


@pytest.mark.parametrize("text", TEXTS)
def test_speed_equivalence_newline_sentence_starts(blank, text: str) -> None:
    fast, slow = _newline_sentences(blank.make_doc(text)), _reference_sentences(blank.make_doc(text))
    assert [t.is_sent_start for t in fast] == [t.is_sent_start for t in slow]
    for token in fast:  # every line break starts a sentence, and so does the token after it
        if token.i and "\n" in token.text:
            assert token.is_sent_start
            if token.i + 1 < len(fast):
                assert fast[token.i + 1].is_sent_start


@pytest.mark.parametrize("text", TEXTS)
def test_speed_equivalence_token_texts(blank, text: str) -> None:
    doc = blank.make_doc(text)
    assert view(doc).texts == [t.text for t in doc]


def _line_column(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


@dataclasses.dataclass
class _Record:
    span: Span
    related: list[Span]
    label: str


@dataclasses.dataclass
class _Outer:
    inner: _Record
    spans: list[Span]
    note: str | None = None


@pytest.mark.parametrize("text", [t for t in TEXTS if t.strip()])
def test_speed_equivalence_locate_every_span(text: str) -> None:
    spans = [Span(i, min(len(text), i + 3), text[i : i + 3]) for i in range(0, len(text), 2)]
    record = _Outer(_Record(spans[0], spans[1:3], "x"), spans[3:], None)
    out = map_spans([record, "not a record", 7], _Locator(text))
    assert out[1:] == ["not a record", 7]
    located = [out[0].inner.span, *out[0].inner.related, *out[0].spans]
    assert [(s.start, s.end, s.text) for s in located] == [(s.start, s.end, s.text) for s in spans]
    for span in located:
        assert type(span) is Span
        assert (span.line, span.column) == _line_column(text, span.start)


@pytest.mark.parametrize(
    "word,script",
    [
        ("Mosul", "LATIN"),
        ("Éire", "LATIN"),
        ("الموصل", "ARABIC"),
        ("北京", "CJK"),
        ("ひらがな", "CJK"),
        ("カタカナ", "CJK"),
        ("Москва", "CYRILLIC"),
        ("Ελλάδα", "GREEK"),
        ("ירושלים", "HEBREW"),
        ("2024", "DIGIT"),
    ],
)
def test_speed_equivalence_script_of_word(word: str, script: str) -> None:
    from presslint.ingest.language import script_of

    assert script_of(word) == script
    assert script_of(word) == script  # the second answer comes from the per-character cache


@pytest.mark.parametrize("text", [t for t in TEXTS if t.strip()])
def test_speed_equivalence_span_of_viewed_doc(blank, text: str) -> None:
    doc = blank.make_doc(text)
    before = [Span.of(doc[i:j]) for i in range(len(doc)) for j in range(i, min(len(doc), i + 6) + 1)]
    assert viewed_text(doc) is None
    assert view(doc).texts  # a check has read the doc: Span.of now cuts from the doc's text
    assert viewed_text(doc) == text
    after = [Span.of(doc[i:j]) for i in range(len(doc)) for j in range(i, min(len(doc), i + 6) + 1)]
    assert after == before
    assert all(s.text == text[s.start : s.end] for s in after)


WHERE_TEXTS = [
    "Officials said the bridge would reopen on Monday, but engineers warned that repairs could take weeks.",
    "The senator says she was told by aides that the report had been leaked. She denies it.",
    "Prices rose. Prices rise. The price of bread is rising faster than wages, economists say.",
    "Nobody was hurt.",
    "",
]
WHERE_WORDS = [
    (frozenset({"said", "says"}), frozenset({"say", "tell"})),
    (frozenset({"prices", "bread", "nothing-here"}), frozenset()),
    (frozenset(), frozenset({"rise", "warn", "deny"})),
    (frozenset({"the"}), frozenset({"be"})),
    (frozenset(), frozenset()),
]


@pytest.fixture(scope="module")
def parsed():
    from presslint.nlp.pipeline import load_model

    return load_model()


@pytest.mark.parametrize("text", WHERE_TEXTS)
@pytest.mark.parametrize(("lowers", "lemmas"), WHERE_WORDS)
def test_speed_equivalence_where_words(parsed, text: str, lowers: frozenset[str], lemmas: frozenset[str]) -> None:
    """DocView.where (sorted columns, binary search) finds exactly the tokens a per-Token scan finds."""
    doc = parsed(text)
    expected = [t.i for t in doc if t.lower_ in lowers or t.lemma_ in lemmas]
    assert view(doc).where(lowers=lowers, lemmas=lemmas) == expected


@pytest.mark.parametrize(
    ("sentence", "compared"),
    [
        ("Poverty rates in the region are higher than in Europe.", True),
        ("Shares of the company lost more than 2 percent on Tuesday.", False),
        ("Rents in the capital are twice as high as they were in 2010.", True),
        ("The mayor said the plan was as good as any.", False),
        ("Crime fell faster than the police had expected.", True),
    ],
)
def test_speed_equivalence_compared_statistic(parsed, sentence: str, compared: bool) -> None:
    """The claims' comparison test, read from the token strings, agrees with the per-Token reading it replaced."""
    from presslint.analyzers.claims import _compared_statistic

    sent = next(iter(parsed(sentence).sents))
    thans = [t for t in sent if t.lower_ == "than" and not (t.i + 1 < sent.end and t.nbor().like_num)]
    lowers = [t.lower_ for t in sent]
    reference = bool(thans and any(t.tag_ in ("JJR", "RBR") for t in sent)) or (
        lowers.count("as") >= 2 and any(w in ("twice", "thrice", "times", "half") for w in lowers)
    )
    assert _compared_statistic(sent) == reference == compared


def test_speed_equivalence_pipeline_frozen_for_the_collector() -> None:
    """Loading the pipeline moves its long-lived objects out of the cyclic collector's full passes."""
    import gc

    from presslint.checker import pipeline_options
    from presslint.config import Settings
    from presslint.nlp import load_pipeline

    load_pipeline(pipeline_options(Settings(store=False, kb="off")))
    assert gc.get_freeze_count() > 10_000
