"""Two of the model's components redone over the doc's arrays, with exactly the stock components' output: the
attribute ruler (tag map, morph rules and exceptions: a token's POS, MORPH, LEMMA from its TAG, LOWER and DEP) and
the rule lemmatizer. Together they were ~25 ms of an article's ~150 ms in spaCy (CPU, one doc at a time, 200
PolNeAR articles); over arrays ~4 ms (README "Session 26", docs/speed.md).

Why not the stock ``AttributeRuler``: it runs its 179 rules through spaCy's ``Matcher``, whose Python-level
predicates and one Span plus one Token per match cost ~18 ms an article (cProfile, 100 PolNeAR articles), more than
the lemmatizer and the tagger together and half of what all of presslint's checks take. Here each rule is a few
numpy comparisons over the doc's TAG / LOWER / DEP / IS_SPACE columns and the results are written back in one
``Doc.from_array``: ~3 ms. The rules are the stock component's own patterns, read from the loaded model, so a model
update changes nothing here; a pattern this reader does not know (an operator, another attribute or predicate) makes
``compile_rules`` return ``None`` and the stock component stays in place.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from typing import Any

import numpy as np

ATTRIBUTE_RULER = "attribute_ruler"
FACTORY = "presslint_attribute_arrays"
LEMMATIZER = "lemmatizer"
LEMMA_FACTORY = "presslint_lemma_arrays"
LEMMA_CACHE = 200_000  # (word, POS, MORPH) -> lemma entries kept across docs; cleared when full

# The token attributes the model's patterns test, in the column order of the arrays read per doc.
COLUMNS = ("TAG", "LOWER", "DEP", "IS_SPACE")


@dataclass(frozen=True, eq=False)
class Test:
    """One condition on one column: equal to a value, in / not in a set of values, or a regex over the string.
    Compared by identity: ``compile_rules`` makes one object per distinct condition, so a doc computes each once."""

    column: int
    op: str  # "eq", "in", "not_in", "regex"
    values: Any  # an int, a numpy array of ints, or a compiled pattern


@dataclass(frozen=True)
class Rule:
    """A stock rule: token patterns (each a list of per-token tests), the token index that receives the
    attributes, and the attributes as (attribute id, value) in the stock component's normalised form."""

    patterns: tuple[tuple[tuple[Test, ...], ...], ...]
    index: int
    attrs: tuple[tuple[int, int], ...]


def _test(vocab: Any, key: str, spec: Any) -> Test | None:
    if key not in COLUMNS:
        return None
    column = COLUMNS.index(key)
    if isinstance(spec, bool):
        return Test(column, "eq", int(spec))
    if isinstance(spec, str):
        return Test(column, "eq", vocab.strings.add(spec))
    if isinstance(spec, dict) and len(spec) == 1:
        ((op, value),) = spec.items()
        if op in ("IN", "NOT_IN") and all(isinstance(v, str) for v in value):
            hashes = np.array(sorted({vocab.strings.add(v) for v in value}), dtype=np.uint64)
            return Test(column, op.lower(), hashes)
        if op == "REGEX" and isinstance(value, str):
            return Test(column, "regex", re.compile(value))
    return None


def compile_rules(ruler: Any) -> tuple[Rule, ...] | None:
    """The stock ruler's rules in its own order (later rules win), or None when a pattern uses anything else."""
    rules = []
    known: dict[str, Test] = {}
    for number, entry in enumerate(ruler.patterns):
        patterns = []
        for pattern in entry["patterns"]:
            tokens = []
            for spec in pattern:
                tests = []
                for key, value in spec.items():
                    test = known.get(text := repr((key, value))) or _test(ruler.vocab, key, value)
                    if test is None:
                        return None
                    tests.append(known.setdefault(text, test))
                if not tests:
                    return None
                tokens.append(tuple(tests))
            if not tokens:
                return None
            patterns.append(tuple(tokens))
        attrs = ruler.attrs[number]  # normalised by the stock ruler: attribute ids to ints, "_" for extensions
        if not all(isinstance(k, int) and isinstance(v, int) for k, v in attrs.items()):
            return None
        rules.append(Rule(tuple(patterns), int(entry["index"]), tuple(attrs.items())))
    return tuple(rules)


def _mask(test: Test, columns: np.ndarray, strings: Any) -> np.ndarray:
    values = columns[:, test.column]
    if test.op == "eq":
        return values == np.uint64(test.values)
    if test.op == "in":
        return np.isin(values, test.values)
    if test.op == "not_in":
        return ~np.isin(values, test.values)
    found = {h for h in np.unique(values).tolist() if test.values.search(strings[h])}
    return np.isin(values, np.array(sorted(found), dtype=np.uint64))


class AttributeArrays:
    """The stock attribute ruler's rules applied over arrays (see the module docstring)."""

    def __init__(self, vocab: Any, rules: tuple[Rule, ...]) -> None:
        from spacy.attrs import IDS

        self.vocab, self.rules = vocab, rules
        self.read = [IDS[name] for name in COLUMNS]
        self.targets = sorted({attr for rule in rules for attr, _ in rule.attrs})

    def __call__(self, doc: Any) -> Any:
        n = len(doc)
        if not n or not self.rules:
            return doc
        columns = doc.to_array(self.read)
        out = doc.to_array(self.targets)
        where = {attr: j for j, attr in enumerate(self.targets)}
        cache: dict[Test, np.ndarray] = {}
        strings = self.vocab.strings
        # Most rules ask for one tag or word the doc does not have: a set look-up skips them before any array work.
        present = [set(np.unique(columns[:, j]).tolist()) for j in range(len(COLUMNS))]
        # Every match is taken from the doc as it came in (the stock Matcher matches before it writes), and rules
        # are written in their order, so a later rule's value wins on the same token and attribute.
        for rule in self.rules:
            hits = None
            for pattern in rule.patterns:
                width = len(pattern)
                if width > n or any(t.op == "eq" and t.values not in present[t.column] for ts in pattern for t in ts):
                    continue
                starts = None
                for offset, tests in enumerate(pattern):
                    for test in tests:
                        if test not in cache:
                            cache[test] = _mask(test, columns, strings)
                        part = cache[test][offset : offset + n - width + 1]
                        starts = part if starts is None else starts & part
                if starts is None or not starts.any():
                    continue
                if width == 1:
                    found = starts
                else:
                    found = np.zeros(n, dtype=bool)
                    found[np.flatnonzero(starts) + (rule.index if rule.index >= 0 else width + rule.index)] = True
                hits = found if hits is None else hits | found
            if hits is not None:
                for attr, value in rule.attrs:
                    out[hits, where[attr]] = value
        doc.from_array(self.targets, out)
        return doc


class UnreadablePatterns(ValueError):
    """The model's attribute ruler has a pattern kind ``compile_rules`` does not reproduce: the stock one stays."""


def make_attribute_arrays(nlp: Any, name: str) -> AttributeArrays:
    rules = compile_rules(nlp.get_pipe(ATTRIBUTE_RULER))
    if rules is None:
        raise UnreadablePatterns("attribute ruler patterns outside what presslint's array reader knows")
    return AttributeArrays(nlp.vocab, rules)


class LemmaArrays:
    """The stock rule lemmatizer, asked once per distinct (word, POS, MORPH): its answer is a function of those
    three (its own cache is keyed on them), so every other token with the same three gets the same lemma through
    the arrays instead of a Token and a string assignment each (~6 ms an article). Tokens that already have a lemma
    (the attribute ruler's exceptions) keep it, as with the stock component (``overwrite`` false)."""

    def __init__(self, stock: Any) -> None:
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        self.stock = stock
        # The stock component's tables stay reachable where code reads them (the language checks' word list).
        self.lookups, self.mode, self.overwrite = stock.lookups, stock.mode, stock.overwrite
        self.read = [ORTH, POS, MORPH, LEMMA]
        self.lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Any) -> Any:
        if not len(doc):
            return doc
        columns = doc.to_array(self.read)
        lemmas = columns[:, 3]
        todo = np.flatnonzero(lemmas == 0)
        if not len(todo):
            return doc
        if len(self.lemmas) > LEMMA_CACHE:
            self.lemmas.clear()
        strings = self.stock.vocab.strings
        rows = columns[todo, :3].tolist()
        for i, (orth, pos, morph) in zip(todo.tolist(), rows, strict=True):
            key = (orth, pos, morph)
            lemma = self.lemmas.get(key)
            if lemma is None:
                lemma = self.lemmas[key] = strings.add(self.stock.lemmatize(doc[i])[0])
            lemmas[i] = lemma
        doc.from_array(self.read[3:], columns[:, 3:])
        return doc


def make_lemma_arrays(nlp: Any, name: str) -> LemmaArrays:
    from spacy.errors import Errors

    stock = nlp.get_pipe(LEMMATIZER)
    if not stock._validated:  # the check the stock component makes on its first doc: its tables are loaded
        stock._validate_tables(Errors.E1004)
    # The rule lemmatizer asks only whether a candidate form is in its index of known words ('form in index'), and
    # the index is a list (57,528 nouns): ~0.4 ms a word the first time it is met, ~0.1 s for a one-article
    # `presslint check`. The same words as a set give the same answers at once.
    index = stock.lookups.get_table("lemma_index", None)
    for pos in list(index or ()):
        index[pos] = frozenset(index[pos])
    return LemmaArrays(stock)


def _rule_lemmatizer(nlp: Any) -> bool:
    """The stock rule lemmatizer that does not overwrite: the one whose answers ``LemmaArrays`` may reuse."""
    if LEMMATIZER not in nlp.pipe_names:
        return False
    stock = nlp.get_pipe(LEMMATIZER)
    return getattr(stock, "mode", None) == "rule" and getattr(stock, "overwrite", True) is False


def _replace(nlp: Any, stock: str, factory: str, make: Any) -> None:
    """The new component is made while the stock one is still in the pipeline (it reads the stock one's rules or
    tables: nothing goes through the config, whose validation of 179 patterns alone took ~0.2 s), then takes its
    place and name."""
    from spacy.language import Language

    if not Language.has_factory(factory):
        meta = nlp.get_pipe_meta(stock)  # the stock factory's declarations, for spaCy's analysis of the pipeline
        Language.factory(factory, assigns=meta.assigns, requires=meta.requires, func=make)
    nlp.add_pipe(factory, name=factory, after=stock)
    nlp.remove_pipe(stock)
    nlp.rename_pipe(factory, stock)


def use_array_components(nlp: Any) -> None:
    """Put the array versions in the place (and under the names) of the model's attribute ruler and lemmatizer,
    each only where the stock one is of the kind it reproduces; otherwise the stock component stays."""
    if ATTRIBUTE_RULER in nlp.pipe_names:
        # The rules are compiled once, by the factory: spaCy adds nothing when a factory raises.
        with contextlib.suppress(UnreadablePatterns):
            _replace(nlp, ATTRIBUTE_RULER, FACTORY, make_attribute_arrays)
    if _rule_lemmatizer(nlp):
        _replace(nlp, LEMMATIZER, LEMMA_FACTORY, make_lemma_arrays)
