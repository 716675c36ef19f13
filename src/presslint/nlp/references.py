"""Numbered references: how web pages cite their sources ("... linked to higher body weight (25).", "[3, 4]").

A sentence that ends a clause with one names its source in the page's own style, which the attribution parser does
not read; the unsourced-claim and vague-attribution rules (SRC004, SRC002) leave it alone."""

from __future__ import annotations

import re

from .docview import view

# A numbered reference closing a sentence or clause ("... linked to higher body weight (25).", "[3, 4]"): the page
# cites its source in its own style. Not "(25)" after a name, where British copy gives an age.
_CITATION = re.compile(r"[\(\[]\d{1,3}(?:\s*[,–-]\s*\d{1,3})*[\)\]](?=\s*[.,;:]?\s*$|\s*[.,;:])")


def cites_reference(sent) -> bool:
    """Whether a numbered reference closes the sentence or one of its clauses ('(25)', '[3, 4]')."""
    text = view(sent.doc).text  # built once per doc (Doc.text joins every token on each call)
    tail = text[sent.end_char : sent.end_char + 16].split("\n")[0]  # "[12]." may parse as its own sentence
    return _CITATION.search(sent.text.strip() + tail) is not None


# A page that cites this many numbered references keeps a reference list: its 'studies show' points to it.
REFERENCE_LIST_MIN = 3


def keeps_reference_list(doc) -> bool:
    """Whether the page cites its sources by number often enough to have a reference list ('... ghrelin (17).',
    '(10, 11)'): a 'studies show' in it points to that list even in a sentence with no number of its own."""
    text = view(doc).text
    return sum(1 for _ in _CITATION.finditer(text)) >= REFERENCE_LIST_MIN
