"""The attribute ruler and lemmatizer redone over arrays (nlp/array_components.py) give the stock components' output.

Each sentence below reaches a different kind of the model's rules: the tag map, words with their own POS and
morphology, the exceptions that read the parse ('it' as an object, 'do' as a main verb, 'that' as a pronoun, an
expletive 'there'), the two-token ones ('gonna', "ain't", "y'all", "let's", "c'mon"), the regex ones ("nothin'"),
whitespace tokens, and lemmas the rule lemmatizer finds from the word, its POS and its morphology.
"""

from __future__ import annotations

import pytest

from presslint.nlp.array_components import (
    FACTORY,
    LEMMA_FACTORY,
    AttributeArrays,
    LemmaArrays,
    compile_rules,
    use_array_components,
)

SENTENCES = [
    "The council approved the budget on Tuesday after a three-hour debate.",
    "Residents said they were gonna keep protesting until the mill reopens.",
    '"It ain\'t over," said Maria Lopes, 54, who has worked at the plant since 1998.',
    "Y'all know the ferry doesn't run on Sundays, the skipper told passengers.",
    "Let's be clear: nothin' in the contract says the town must pay for it.",
    "C'mon, the mayor asked, do you really think we did that on purpose?",
    "There are three candidates, and there is no runoff, officials said.",
    "She did her homework; they have done theirs, and I've seen it.",
    "That is what the inspectors found, though that report was never published.",
    "Prices rose 4.2%  in March,\n\nthe statistics office said in a statement.",
    "The striking nurses' union, whose members earn less, won't sign.",
    "He's been arrested twice and is being held, police confirmed.",
    "Gov. Ana Silva vetoed the bills, saying the costs had been understated.",
    "Who gave it to me? Nobody gave me anything, the witness insisted.",
    # One word, one POS, two lemmas by its morphology: an infinitive keeps its form, a past tense does not.
    "The activists plan to found a new party after they found little support in the old one.",
]


def _model():
    import spacy

    from presslint.nlp import MODEL_PACKAGE

    return spacy.load(MODEL_PACKAGE)


@pytest.fixture(scope="module")
def stock_nlp():
    """The model as it ships (no presslint sentence splitter: array_nlp has none either)."""
    return _model()


@pytest.fixture(scope="module")
def array_nlp():
    nlp = _model()
    use_array_components(nlp)
    return nlp


def _tokens(doc):
    return [(t.text, t.tag_, t.pos_, t.dep_, t.head.i, str(t.morph), t.lemma_) for t in doc]


@pytest.mark.model
def test_array_components_replace_the_stock_components_under_their_names(array_nlp, stock_nlp):
    assert array_nlp.pipe_names == stock_nlp.pipe_names
    assert isinstance(array_nlp.get_pipe("attribute_ruler"), AttributeArrays)
    assert isinstance(array_nlp.get_pipe("lemmatizer"), LemmaArrays)
    assert array_nlp.get_pipe_meta("attribute_ruler").factory == FACTORY
    assert array_nlp.get_pipe_meta("lemmatizer").factory == LEMMA_FACTORY


@pytest.mark.model
def test_array_components_run_in_presslint_pipeline_and_not_in_the_bare_baseline(nlp, bare_nlp):
    assert isinstance(nlp.get_pipe("attribute_ruler"), AttributeArrays)
    assert isinstance(nlp.get_pipe("lemmatizer"), LemmaArrays)
    assert not isinstance(bare_nlp.get_pipe("attribute_ruler"), AttributeArrays)


@pytest.mark.model
@pytest.mark.parametrize("sentence", SENTENCES)
def test_array_components_match_the_stock_components(array_nlp, stock_nlp, sentence):
    assert _tokens(array_nlp(sentence)) == _tokens(stock_nlp(sentence))


@pytest.mark.model
def test_array_components_match_over_a_batch_and_twice(array_nlp, stock_nlp):
    # The lemma answers are kept across docs: the second pass reads them, and must still agree with the stock one.
    for _ in range(2):
        ours = [_tokens(d) for d in array_nlp.pipe(SENTENCES, batch_size=4)]
        assert ours == [_tokens(d) for d in stock_nlp.pipe(SENTENCES, batch_size=4)]


@pytest.mark.model
def test_array_components_exceptions_are_applied(array_nlp):
    # The rules that make these words differ from their tag map entry are the ones a naive port would miss.
    doc = array_nlp("They were gonna say it ain't true, but there is proof and y'all saw it.")
    by_text = {t.text: t for t in doc}
    assert by_text["gon"].lemma_ == "go" and by_text["na"].lemma_ == "to"
    assert by_text["ai"].lemma_ == "be"
    assert by_text["n't"].pos_ == "PART" and by_text["n't"].lemma_ == "not"
    assert by_text["y'"].lemma_ == "you"
    assert [t.pos_ for t in doc if t.lower_ == "is"] == ["VERB"]  # expletive 'there' + 'is'
    assert [str(t.morph) for t in doc if t.lower_ == "it"][-1].startswith("Case=Acc")  # "saw it": an object


@pytest.mark.model
def test_array_components_lemma_reads_the_morphology(array_nlp):
    doc = array_nlp("Crews will saw the fallen trees into logs after residents saw the damage.")
    assert [(t.pos_, t.lemma_) for t in doc if t.text == "saw"] == [("VERB", "saw"), ("VERB", "see")]


@pytest.mark.model
def test_array_components_keep_the_lemmatizer_tables_readable(array_nlp, stock_nlp):
    # The language checks build their English word list from the lemmatizer's index: an empty list silences them.
    from presslint.analyzers.language import english_words

    ours, stock = english_words(array_nlp), english_words(stock_nlp)
    assert stock.words and stock.adjectives
    assert (ours.words, ours.adjectives) == (stock.words, stock.adjectives)
    # the index the rule lemmatizer asks 'form in index' of is a set: the first sight of a word no longer scans a list
    index = array_nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert index and all(isinstance(words, frozenset) for words in index.values())


class _Ruler:
    """A stand-in with the stock ruler's ``patterns`` / ``attrs`` / ``vocab`` interface."""

    def __init__(self, vocab, patterns):
        from spacy.pipeline import AttributeRuler

        stock = AttributeRuler(vocab, "attribute_ruler")
        stock.add_patterns(patterns)
        self.patterns, self.attrs, self.vocab = stock.patterns, stock.attrs, vocab


@pytest.mark.model
@pytest.mark.parametrize(
    "pattern",
    [
        [{"TAG": "NN", "OP": "+"}],  # an operator
        [{"SHAPE": "Xxxx"}],  # an attribute the array reader does not read
        [{"LOWER": {"FUZZY": "colour"}}],  # a predicate it does not know
        [{"TAG": {"IN": ["NN", 3]}}],  # a set that is not all strings
    ],
)
def test_array_components_refuse_patterns_they_cannot_reproduce(bare_nlp, pattern):
    ruler = _Ruler(bare_nlp.vocab, [{"patterns": [pattern], "attrs": {"POS": "NOUN"}}])
    assert compile_rules(ruler) is None


@pytest.mark.model
def test_array_components_refuse_extension_attributes(bare_nlp):
    from spacy.tokens import Token

    if not Token.has_extension("presslint_test_flag"):
        Token.set_extension("presslint_test_flag", default=False)
    ruler = _Ruler(bare_nlp.vocab, [{"patterns": [[{"TAG": "NN"}]], "attrs": {"_": {"presslint_test_flag": True}}}])
    assert compile_rules(ruler) is None


@pytest.mark.model
def test_array_components_a_later_rule_wins_and_index_is_honoured(bare_nlp):
    import spacy

    nlp = spacy.blank("en", vocab=bare_nlp.vocab)
    patterns = [
        {"patterns": [[{"LOWER": "tax"}]], "attrs": {"POS": "VERB", "LEMMA": "levy"}},
        {"patterns": [[{"LOWER": "tax"}]], "attrs": {"POS": "NOUN"}},
        {"patterns": [[{"LOWER": "new"}, {"LOWER": "tax"}]], "attrs": {"LEMMA": "duty"}, "index": -1},
    ]
    ruler = _Ruler(bare_nlp.vocab, patterns)
    arrays = AttributeArrays(bare_nlp.vocab, compile_rules(ruler))
    doc = arrays(nlp.make_doc("A tax and a new tax"))
    assert [(t.pos_, t.lemma_) for t in doc if t.text == "tax"] == [("NOUN", "levy"), ("NOUN", "duty")]


@pytest.mark.model
def test_array_components_leave_the_stock_ruler_when_a_pattern_is_unknown():
    nlp = _model()
    nlp.get_pipe("attribute_ruler").add([[{"TAG": "NN", "OP": "+"}]], {"POS": "NOUN"})
    use_array_components(nlp)
    assert not isinstance(nlp.get_pipe("attribute_ruler"), AttributeArrays)
    assert isinstance(nlp.get_pipe("lemmatizer"), LemmaArrays)
