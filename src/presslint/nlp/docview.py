"""Per-doc derived data computed once and shared by the analyzers.

spaCy rebuilds ``doc.sents``, ``doc.ents`` and ``doc.text`` on every access (``Token.sent`` scans for the sentence
boundaries each time), which made them the analyzers' main cost when read in loops. These helpers compute each once
per Doc and keep it in ``doc.user_data`` under ``presslint.view``. Only valid once the parse is final: every
presslint component runs after the parser and NER, and none of them changes tokens, sentences or entities.
"""

from __future__ import annotations

import bisect
from functools import lru_cache
from typing import Any

from ..model.article import DOC_VIEW_KEY as _KEY


class DocView:
    __slots__ = (
        "_alpha",
        "_columns",
        "_ents",
        "_idx",
        "_sent_start_chars",
        "_sent_starts",
        "_sents",
        "_text",
        "_texts",
        "_words",
        "doc",
    )

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self._sents: list[Any] | None = None
        self._sent_starts: list[int] | None = None
        self._sent_start_chars: list[int] | None = None
        self._ents: tuple[Any, ...] | None = None
        self._text: str | None = None
        self._words: Any = None  # (lower-case form id -> token indices, lemma id -> token indices)
        self._texts: list[str] | None = None
        self._columns: dict[str, list[str]] = {}
        self._alpha: list[bool] | None = None
        self._idx: list[int] | None = None

    def where(self, lowers: frozenset[str] = frozenset(), lemmas: frozenset[str] = frozenset()) -> list[int]:
        """Indices of the tokens whose lower-case form is in ``lowers`` or whose lemma is in ``lemmas``: a cheap
        first pass for checks that look at a few words, instead of creating every Token."""
        import numpy as np

        if self._words is None:
            from spacy.attrs import LEMMA, LOWER

            # Lemmas as the lemmatizer gives them: lower case except for proper nouns, which the word lists of
            # these checks (verbs, adjectives, common nouns) never hold. Each column sorted once, with the token
            # indices in that order: a word's tokens are one slice, found by binary search (numpy), instead of a
            # dict entry per token built in Python (~0.5 ms an article less over the ~50 calls a doc gets).
            table = self.doc.to_array([LOWER, LEMMA]) if len(self.doc) else np.zeros((0, 2), dtype=np.uint64)
            columns = []
            for k in (0, 1):
                order = np.argsort(table[:, k], kind="stable")
                columns.append((table[order, k], order))
            self._words = tuple(columns)
        found: list[Any] = []
        for (values, order), words in zip(self._words, (lowers, lemmas)):
            if not words:
                continue
            ids = _id_array(words)
            starts = values.searchsorted(ids, "left").tolist()
            ends = values.searchsorted(ids, "right").tolist()
            found.extend(order[a:b] for a, b in zip(starts, ends) if a < b)
        if not found:
            return []
        return np.unique(np.concatenate(found)).tolist()

    @property
    def texts(self) -> list[str]:
        """Every token's text, by index: checks that scan the whole doc for a few words test these strings and make a
        Token only for the candidates (``doc[i]`` creates a new Token object on every access)."""
        if self._texts is None:
            self._texts = self.column("ORTH")  # Token.text is the ORTH string: one array read, no Token per word
        return self._texts

    @property
    def lowers(self) -> list[str]:
        """Every token's lower-case form (``Token.lower_``), by index."""
        return self.column("LOWER")

    def column(self, attr: str) -> list[str]:
        """Every token's string value of ``attr`` ("LOWER", "POS", "TAG", "DEP", "LEMMA": ``Token.pos_`` ...), by
        index, read from one ``Doc.to_array`` call and cached."""
        found = self._columns.get(attr)
        if found is None:
            import spacy.attrs

            strings = self.doc.vocab.strings
            ids = self.doc.to_array(getattr(spacy.attrs, attr)).tolist() if len(self.doc) else []
            found = self._columns[attr] = [strings[i] for i in ids]
        return found

    @property
    def alpha(self) -> list[bool]:
        """Every token's ``Token.is_alpha``, by index."""
        if self._alpha is None:
            from spacy.attrs import IS_ALPHA

            self._alpha = [bool(a) for a in self.doc.to_array(IS_ALPHA).tolist()] if len(self.doc) else []
        return self._alpha

    @property
    def idx(self) -> list[int]:
        """Every token's character offset (``Token.idx``), by index: ``text[idx[i] : idx[j] + len(texts[j])]`` is
        ``doc[i : j + 1].text`` without making the Span."""
        if self._idx is None:
            from spacy.attrs import IDX

            self._idx = self.doc.to_array(IDX).tolist() if len(self.doc) else []
        return self._idx

    @property
    def sents(self) -> list[Any]:
        if self._sents is None:
            self._sents = list(self.doc.sents)
        return self._sents

    @property
    def sent_starts(self) -> list[int]:
        """Token index where each sentence starts."""
        if self._sent_starts is None:
            self._sent_starts = [s.start for s in self.sents]
        return self._sent_starts

    @property
    def sent_start_chars(self) -> list[int]:
        if self._sent_start_chars is None:
            self._sent_start_chars = [s.start_char for s in self.sents]
        return self._sent_start_chars

    @property
    def ents(self) -> tuple[Any, ...]:
        if self._ents is None:
            self._ents = tuple(self.doc.ents)
        return self._ents

    @property
    def text(self) -> str:
        if self._text is None:
            article = getattr(self.doc._, "pl_article", None) if self.doc.has_extension("pl_article") else None
            # Article.text equals Doc.text for docs made by prepare_doc (DEVELOPERS.md); else join the tokens once.
            self._text = article.text if article is not None else self.doc.text
        return self._text

    def __reduce__(self) -> tuple:
        # Spans cannot be pickled: a pickled Doc carries an empty view, rebuilt on first use.
        return (DocView, (None,))

    def text_of(self, span: Any) -> str:
        """``span.text``, cut from the doc's text: ``Span.text`` joins a new Token per word on every access, which
        made reading each sentence's text in several checks a pass over the whole doc each."""
        return self.text[span.start_char : span.end_char]

    def sent_index(self, token_i: int) -> int:
        """Index (in ``sents``) of the sentence holding token ``token_i``."""
        return bisect.bisect_right(self.sent_starts, token_i) - 1

    def sent_index_at_char(self, char: int) -> int:
        return bisect.bisect_right(self.sent_start_chars, char) - 1

    def sent_of(self, token_i: int) -> Any:
        """The sentence Span of token ``token_i`` (a cheap replacement for ``doc[i].sent``)."""
        return self.sents[self.sent_index(token_i)]


@lru_cache(maxsize=256)
def _ids(words: frozenset[str]) -> tuple[int, ...]:
    """The string ids of a word set (the word lists are module constants: computed once each)."""
    from spacy.strings import get_string_id

    return tuple(get_string_id(w) for w in words)


@lru_cache(maxsize=256)
def _id_array(words: frozenset[str]) -> Any:
    """The string ids of a word set as a sorted uint64 array, for ``DocView.where``'s binary search."""
    import numpy as np

    return np.array(sorted(set(_ids(words))), dtype=np.uint64)


def view(doc: Any) -> DocView:
    """The doc's cached DocView (made on first use)."""
    cached = doc.user_data.get(_KEY)
    if cached is None or cached.doc is not doc:
        cached = DocView(doc)
        doc.user_data[_KEY] = cached
    return cached
