"""Long texts in pieces: the split covers the text exactly between paragraphs, the merged report points at the
right characters, records stay consistent, whole-article judgements appear once, and over the limit is an item
error."""

from __future__ import annotations

import pytest

from presslint import Settings, pieces
from presslint.checker import Checker
from presslint.ingest import from_text
from presslint.model import Article, Failure, Report

PARAGRAPHS = [
    "Two officials at the harbour authority said on Monday that the dredging contract would be signed in June.",
    "The council approved 14 new berths, of which 9 will serve ferries, according to the planning report.",
    "Residents of Lowmouth told reporters they feared the works would close the beach for a whole summer.",
    "A spokesman for the contractor said the company had finished similar projects in 2019 and 2021.",
    "Critics called the plan a disaster, and one councillor described the vote as a betrayal of the town.",
]


def _long(paragraphs: int) -> str:
    body = [f"{PARAGRAPHS[i % len(PARAGRAPHS)]} (Item {i}.)" for i in range(paragraphs)]
    return "Harbour dredging plan approved\n\n" + "\n\n".join(body)


@pytest.mark.parametrize("size", [1000, 1500, 4000])
def test_pieces_split_covers_the_text_between_paragraphs(size):
    article = from_text(_long(60))
    parts = pieces.split(article, size)
    assert len(parts) > 1
    assert "".join(p.text for _, p in parts) == article.text
    for offset, piece in parts:
        assert article.text[offset : offset + len(piece.text)] == piece.text
        assert len(piece.text) <= size
        assert piece.text.endswith("\n") or offset + len(piece.text) == len(article.text)
    assert parts[0][1].title == article.title and all(p.title is None for _, p in parts[1:])


def test_pieces_split_cuts_a_giant_paragraph_after_a_sentence():
    text = "Title\n\n" + " ".join(f"Sentence number {i} ends here." for i in range(400))
    parts = pieces.split(Article(text=text), 1000)
    assert "".join(p.text for _, p in parts) == text
    assert all(p.text.rstrip().endswith(".") for _, p in parts[:-1])


def test_pieces_short_text_is_one_piece():
    article = from_text(_long(3))
    assert pieces.split(article, 50_000) == [(0, article)]


def test_pieces_long_article_report_is_consistent(nlp):
    text = _long(40)
    settings = Settings(store=False, piece_chars=1500, date="2024-05-01")
    report = Checker(settings, nlp=nlp).check(from_text(text))
    assert isinstance(report, Report)
    assert "W009" in [n.code for n in report.notices]
    for finding in report.findings:
        assert text[finding.span.start : finding.span.end] == finding.span.text
        for span in finding.related:
            assert text[span.start : span.end] == span.text
    ids = [s.id for s in report.sources]
    assert len(ids) == len(set(ids))
    for quote in report.quotes:
        assert text[quote.content.start : quote.content.end] == quote.content.text
        assert quote.source_id is None or quote.source_id in ids
    for claim in report.claims:
        assert all(0 <= i < len(report.quantities) for i in claim.quantities)
        assert all(0 <= i < len(report.dates) for i in claim.dates)
        for i in claim.quantities:
            assert claim.span.contains(report.quantities[i].span)
    assert [f.code for f in report.findings].count("HYG001") <= 1
    assert sum(1 for f in report.findings if f.code == "SRC001") >= 5  # anonymous sources in every piece


def test_pieces_text_over_the_limit_is_an_item_error(nlp):
    settings = Settings(store=False, max_chars=5000)
    items = list(Checker(settings, nlp=nlp).check_many([from_text(_long(80)), from_text(_long(2))]))
    assert isinstance(items[0], Failure) and items[0].code == "E112"
    assert isinstance(items[1], Report)
