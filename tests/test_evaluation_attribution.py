"""Attribution scorer and brat reader on tiny hand-made cases (no dataset, no model)."""

from __future__ import annotations

import pytest

from presslint.evaluation.attribution import (
    gold_spans,
    load_split,
    make_folds,
    match_counts,
    normalise,
    read_ann,
    span_scores,
)

ANN = (
    "T1\tSource 0 9\tThe mayor\n"
    "T2\tCue 10 14\tsaid\n"
    "T3\tContent 15 41\tthe bridge would reopen.\n"
    "T4\tAttribution 10 14\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tContent 43 52;66 74\t“We will … win it”\n"
    "#1\tAnnotatorNotes T5\tsplit quote\n"
    "wrapped text of a multi-line span\n"
)


def test_evaluation_attribution_reads_brat_ann():
    anns = read_ann(ANN)
    assert [(a.label, a.fragments) for a in anns] == [
        ("Source", ((0, 9),)),
        ("Cue", ((10, 14),)),
        ("Content", ((15, 41),)),
        ("Attribution", ((10, 14),)),
        ("Content", ((43, 52), (66, 74))),
    ]
    gold = gold_spans(anns)
    assert gold["source"] == [((0, 9),)] and gold["cue"] == [((10, 14),)]
    assert gold["content"] == [((15, 41),), ((43, 52), (66, 74))]


def test_evaluation_attribution_loads_first_annotator(tmp_path):
    for split in ("dev",):
        (tmp_path / split / "text").mkdir(parents=True)
        (tmp_path / split / "attributions").mkdir(parents=True)
        (tmp_path / split / "text" / "a.txt").write_text("The mayor said the bridge would reopen.")
        (tmp_path / split / "attributions" / "a_b2.ann").write_text("T1\tSource 0 9\tThe mayor\n")
        (tmp_path / split / "attributions" / "a_a1.ann").write_text("T1\tCue 10 14\tsaid\n")
        (tmp_path / split / "text" / "unannotated.txt").write_text("No file.")
    items = load_split(tmp_path, "dev")
    assert [name for name, _, _ in items] == ["a"]
    assert items[0][2]["cue"] == [((10, 14),)] and items[0][2]["source"] == []  # a_a1 sorts first


def test_evaluation_attribution_normalise_trims_punctuation_and_quotes():
    text = "He said: “We will win.” Then"
    assert normalise(text, ((9, 23),)) == ((10, 21),)  # “We will win.” -> We will win
    assert normalise(text, ((7, 9),)) == ((7, 8),)  # a punctuation-only cue keeps its mark: ": " -> ":"
    assert normalise(text, ((8, 9),)) == ()  # whitespace only


@pytest.mark.parametrize(
    "gold, pred, overlap, expected",
    [
        # exact: one of two predictions is identical to a gold span
        ([((0, 10),), ((20, 30),)], [((0, 10),), ((21, 30),)], False, (1, 1, 1)),
        # overlap: both predictions share characters with a gold span
        ([((0, 10),), ((20, 30),)], [((0, 10),), ((21, 30),)], True, (2, 0, 0)),
        # one-to-one: one long prediction covering two gold spans matches only one of them
        ([((0, 10),), ((20, 30),)], [((0, 30),)], True, (1, 0, 1)),
        # two predictions inside one gold span: one match, one false positive
        ([((0, 30),)], [((0, 5),), ((10, 15),)], True, (1, 1, 0)),
        # greedy by shared characters: the 8-character pair wins over the 2-character pair
        ([((0, 10),), ((10, 20),)], [((2, 12),)], True, (1, 0, 1)),
        # touching spans do not overlap; duplicates count once
        ([((0, 10),)], [((10, 20),), ((10, 20),)], True, (0, 1, 1)),
        # split (discontinuous) spans match exactly only fragment for fragment
        ([((0, 5), (9, 14))], [((0, 5), (9, 14))], False, (1, 0, 0)),
        ([((0, 5), (9, 14))], [((0, 14),)], False, (0, 1, 1)),
    ],
)
def test_evaluation_attribution_match_counts(gold, pred, overlap, expected):
    assert match_counts(gold, pred, overlap=overlap) == expected


def test_evaluation_attribution_span_scores_micro_average():
    text = "The mayor said the bridge would reopen. Officials said it was safe."
    gold = {
        "source": [((0, 9),), ((40, 49),)],
        "cue": [((10, 14),), ((50, 54),)],
        "content": [((15, 38),), ((55, 66),)],
    }
    pred = {"source": [((4, 9),)], "cue": [((10, 14),), ((50, 54),)], "content": [((15, 39),)]}
    scores = span_scores([(text, gold, pred)])
    assert scores["cue_exact"]["f1"] == 1.0
    # source: "mayor" vs "The mayor" -> no exact match (P 0/1, R 0/2); overlap 1 match: P 1, R 0.5, F1 2/3
    assert scores["source_exact"]["f1"] == 0.0
    assert scores["source_overlap"]["f1"] == pytest.approx(0.6667, abs=1e-4)
    # content: the trailing period is trimmed, so (15, 39) equals gold (15, 38): P 1, R 0.5
    assert scores["content_exact"] == {
        "p": 1.0,
        "r": 0.5,
        "f1": pytest.approx(0.6667, abs=1e-4),
        "tp": 1,
        "fp": 0,
        "fn": 1,
    }


def test_evaluation_attribution_folds_are_deterministic_and_disjoint():
    names = [f"text-{i}" for i in range(23)]
    folds = make_folds(names, k=5)
    assert folds == make_folds(list(reversed(names)), k=5)
    flat = [n for f in folds.values() for n in f]
    assert sorted(flat) == sorted(names) and len(set(flat)) == len(names)
    assert {len(f) for f in folds.values()} <= {4, 5}


# ----------------------------------------------------------------------- presslint's extraction through the adapter
def _spans(parse, text):
    from presslint.evaluation.attribution import presslint_attributions

    doc = parse(text)
    got = presslint_attributions(doc)
    return {t: [" … ".join(text[s:e] for s, e in f) for f in got[t]] for t in got}


@pytest.mark.parametrize(
    "text, source, cue, content",
    [
        ("The senator denied the allegations.", "The senator", "denied", "the allegations"),
        ("The governor has also called for calm.", "The governor", "has also called for", "calm"),
        ("Opposition leaders spoke out against the new tax.", "Opposition leaders", "spoke out against", "the new tax"),
        (
            "Senator Maria Lopez: The bill will pass before the summer recess",
            "Senator Maria Lopez",
            ":",
            "The bill will pass before the summer recess",
        ),
        (
            "“We will rebuild,” the mayor said, “and we will do it quickly.”",
            "the mayor",
            "said",
            "“We will rebuild,” … “and we will do it quickly.”",
        ),
    ],
)
def test_evaluation_attribution_adapter_reads_new_cue_kinds(parse, text, source, cue, content):
    got = _spans(parse, text)
    assert got["source"] == [source] and got["cue"] == [cue] and got["content"] == [content]


@pytest.mark.parametrize(
    "text",
    [
        "The company reported a loss of $3 million for the quarter.",
        "Prices continued to rise through the winter.",
        "Brexit: what happens to the border next year",
        "The lawyer spoke on behalf of the family.",
    ],
)
def test_evaluation_attribution_adapter_stays_quiet(parse, text):
    assert _spans(parse, text)["cue"] == []


def test_evaluation_attribution_adapter_drops_nested_attribution(parse):
    text = "“He told me the plan would fail,” the former aide said."
    got = _spans(parse, text)
    assert got["cue"] == ["said"]


# ------------------------------------------------------------------------------------- product spans -> fragments
def _quote(text: str, speaker: str, cue: str, content: str, rest: str | None = None):
    from presslint.model import Quote, Span

    def span(part: str) -> Span:
        start = text.index(part)
        return Span.between(text, start, start + len(part))

    return Quote("indirect", span(cue), span(content), speaker=span(speaker), continuation=span(rest) if rest else None)


@pytest.mark.parametrize(
    "text, speaker, cue, content, source",
    [
        # PolNeAR marks the relative pronoun; the product's speaker is whom it stands for
        (
            "Maria Lopez, who said the plant would close, left early.",
            "Maria Lopez",
            "said",
            "the plant would close",
            "who",
        ),
        (
            "The 30 percent of voters who said taxes matter most backed him.",
            "The 30 percent",
            "said",
            "taxes matter most",
            "who",
        ),
        (
            "The union, which has long argued wages are too low, struck.",
            "The union",
            "has long argued",
            "wages are too low",
            "which",
        ),
        # no relative clause: the speaker as the product gives it
        ("Maria Lopez said the plant would close.", "Maria Lopez", "said", "the plant would close", "Maria Lopez"),
        ("Smith, the mayor. Who said the plant would close?", "Smith", "said", "the plant would close", "Smith"),
    ],
)
def test_evaluation_attribution_relative_clause_source_is_the_pronoun(text, speaker, cue, content, source):
    from presslint.evaluation.product import quote_fragments

    ((frag,),) = quote_fragments([_quote(text, speaker, cue, content)], text)["source"]
    assert text[frag[0] : frag[1]] == source


def test_evaluation_attribution_split_quotation_is_one_discontinuous_content():
    from presslint.evaluation.product import quote_fragments

    text = "“Prices will rise,” the minister said, “and wages will follow.”"
    quote = _quote(text, "the minister", "said", "“Prices will rise,”", "“and wages will follow.”")
    (content,) = quote_fragments([quote], text)["content"]
    assert [text[s:e] for s, e in content] == ["“Prices will rise,”", "“and wages will follow.”"]


def test_evaluation_attribution_product_scores_only_the_fold_asked_for(tmp_path, monkeypatch):
    from presslint.evaluation import attribution as A
    from presslint.evaluation import product

    for name in ("a", "b"):
        (tmp_path / "train" / "text").mkdir(parents=True, exist_ok=True)
        (tmp_path / "train" / "attributions").mkdir(parents=True, exist_ok=True)
        (tmp_path / "train" / "text" / f"{name}.txt").write_text("The mayor said the bridge would reopen.")
        (tmp_path / "train" / "attributions" / f"{name}_a1.ann").write_text("T1\tSource 0 9\tThe mayor\n")
    monkeypatch.setattr(A, "folds", lambda: {"a": 5, "b": 2})
    seen: list[list[str]] = []
    monkeypatch.setattr(product, "check_texts", lambda texts, progress=None: seen.append(list(texts)) or texts)
    monkeypatch.setattr(product, "report_attributions", lambda report: {"source": [], "cue": [], "content": []})
    result = product.attribution(tmp_path, split="train", fold=5)
    assert result["texts"] == 1 and len(seen[0]) == 1
    assert result["data"].endswith("train fold 5")
    assert product.attribution(tmp_path, split="train")["texts"] == 2  # no fold: the whole split
