"""Propaganda techniques on PTC (SemEval-2020 Task 11): span identification (SI) and technique classification (TC).

Data: ``DATA/ptc-semeval2020/train-articles/article<ID>.txt`` (title, blank line, one sentence a line),
``train-labels-SI.tsv`` (id, start, end) and ``train-labels-TC.tsv`` (id, technique, start, end); character offsets
into the article file, end exclusive.

Scores
* **SI** (:func:`si_scores`), the task's character-overlap measure (Da San Martino et al. 2019/2020): a predicted span
  s earns precision credit |s ∩ G| / |s|, where G is the set of gold characters of the same article; a gold span t
  earns recall credit |t ∩ P| / |t|, P the predicted characters; P = mean credit over predicted spans, R = mean credit
  over gold spans (over the whole corpus), F1 their harmonic mean. Overlapping predictions of one article are merged
  first, as the official scorer requires non-overlapping spans. Using the union G (not a sum over gold spans) keeps
  each credit ≤ 1 where gold spans overlap (48 pairs in train); it equals the official sum elsewhere.
* **TC** (:func:`tc_micro_f1`): the gold spans are given, one technique is predicted per gold span; with exactly one
  prediction per gold span, micro-F1 equals accuracy over the 14 labels.

Methods (all in the same run)
* SI rules: the spans of presslint's LNG findings (``analyzers.language``), mapped to PTC labels through
  ``language.TECHNIQUE`` (LNG001 Name_Calling,Labeling · LNG002 Loaded_Language · LNG003 Exaggeration,Minimisation ·
  LNG004 Doubt · LNG005 Appeal_to_fear-prejudice · LNG006 Flag-Waving · LNG007 Repetition · LNG008 Slogans · LNG009
  Thought-terminating_Cliches · LNG010 Causal_Oversimplification · LNG011 Black-and-White_Fallacy; Appeal_to_Authority,
  Bandwagon and Whataboutism have no rule). SI learned: a clause classifier (logistic regression over TF-IDF of the
  clause + wordllama embeddings of the clause and its line) trained with article-level 5-fold CV; a clause (a line
  cut at commas, semicolons, colons, dashes and before a few conjunctions) it scores at or above the threshold is
  predicted as one span. SI baseline: every line with a word from a 12-word intensifier list.
* TC rules: the mapped code of an LNG finding overlapping the gold span, else the majority class. TC learned:
  logistic regression over TF-IDF of the span and of its line, wordllama embeddings of both, the span's length, how
  often the span's words recur in the article, and the rules' code, with article-level 5-fold CV
  (``folds/ptc-train-5fold.json``); scores are out-of-fold. TC baseline: majority class (Loaded_Language).

No weights are shipped: PTC's README states no licence for redistribution, so the command trains from the data path.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..learned.labels import TECHNIQUES
from .attribution import make_folds, parsed_docs
from .scoring import prf

LABELS = TECHNIQUES  # the 14 PTC techniques, as the technique head names them
MAJORITY = "Loaded_Language"
FOLDS_FILE = Path(__file__).resolve().parent / "folds" / "ptc-train-5fold.json"
ANCHOR_SI = "best SemEval-2020 T11 team, test: SI F1 0.51"
ANCHOR_TC = "best SemEval-2020 T11 team, test: TC micro-F1 0.62"
INTENSIFIERS = frozenset(
    [
        "very",
        "extremely",
        "totally",
        "utterly",
        "absolutely",
        "incredibly",
        "outrageous",
        "shocking",
        "disgusting",
        "terrible",
        "horrible",
        "disaster",
    ]
)
TRIM = " \t\n.,;:"

Spans = list[tuple[int, int]]


# ---------------------------------------------------------------------------------------------------------- reading
def load(root: str | Path) -> tuple[dict[str, str], dict[str, Spans], list[tuple[str, str, int, int]]]:
    """(article id -> text, article id -> SI gold spans, TC rows (id, label, start, end))."""
    root = Path(root)
    texts = {
        p.stem.removeprefix("article"): p.read_text("utf-8") for p in sorted((root / "train-articles").glob("*.txt"))
    }
    si: dict[str, Spans] = defaultdict(list)
    for line in (root / "train-labels-SI.tsv").read_text("utf-8").splitlines():
        if line.strip():
            art, start, end = line.split("\t")[:3]
            si[art].append((int(start), int(end)))
    tc = []
    for line in (root / "train-labels-TC.tsv").read_text("utf-8").splitlines():
        if line.strip():
            art, label, start, end = line.split("\t")[:4]
            tc.append((art, label, int(start), int(end)))
    return texts, dict(si), tc


def folds() -> dict[str, int]:
    raw = json.loads(FOLDS_FILE.read_text("utf-8"))
    return {name: int(fold) for fold, names in raw["folds"].items() for name in names}


# ---------------------------------------------------------------------------------------------------------- scoring
def merge(spans: Iterable[tuple[int, int]]) -> Spans:
    """Sorted, non-overlapping spans (overlapping or touching spans joined)."""
    out: Spans = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _covered(span: tuple[int, int], others: Spans) -> int:
    """Characters of ``span`` inside the union of ``others`` (``others`` merged)."""
    return sum(max(0, min(span[1], e) - max(span[0], s)) for s, e in others)


def si_scores(
    gold: Mapping[str, Sequence[tuple[int, int]]], pred: Mapping[str, Sequence[tuple[int, int]]]
) -> tuple[float, float, float]:
    """SemEval-2020 T11 SI precision, recall, F1 (character overlap, see the module docstring)."""
    p_sum = r_sum = 0.0
    n_pred = n_gold = 0
    for art in set(gold) | set(pred):
        g_spans = [s for s in gold.get(art, []) if s[1] > s[0]]
        p_spans = merge(pred.get(art, []))
        g_union = merge(g_spans)
        for s in p_spans:
            p_sum += _covered(s, g_union) / (s[1] - s[0])
        for t in g_spans:
            r_sum += _covered(t, p_spans) / (t[1] - t[0])
        n_pred += len(p_spans)
        n_gold += len(g_spans)
    p = p_sum / n_pred if n_pred else 0.0
    r = r_sum / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def tc_micro_f1(gold: Sequence[str], pred: Sequence[str | None]) -> float:
    """Micro-F1 over gold spans; a span without a prediction (None) is a miss. One prediction each = accuracy."""
    if len(gold) != len(pred):
        raise ValueError("gold and pred differ in length")
    tp = sum(1 for g, p in zip(gold, pred) if p is not None and g == p)
    fp = sum(1 for g, p in zip(gold, pred) if p is not None and g != p)
    fn = len(gold) - tp
    return prf(tp, fp, fn)[2]


# ------------------------------------------------------------------------------------------------ presslint's rules
def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return start, end


def rule_findings(
    texts: Mapping[str, str], *, cache_dir: str | Path | None = None
) -> dict[str, list[tuple[int, int, str]]]:
    """Article id -> (start, end, PTC label) of every LNG finding, from the presslint pipeline's components."""
    from ..analyzers.language import TECHNIQUE
    from ..model import Article
    from ..nlp import load_pipeline

    nlp = load_pipeline()
    steps = [
        (name, proc)
        for name, proc in nlp.pipeline
        if name.startswith("presslint_") and name != "presslint_newline_sents"
    ]
    upto = (
        [n for n, _ in steps].index("presslint_language") + 1 if any(n == "presslint_language" for n, _ in steps) else 0
    )
    out: dict[str, list[tuple[int, int, str]]] = {}
    for art, doc in parsed_docs(list(texts.items()), cache_dir=cache_dir, nlp=nlp):
        text = texts[art]
        first = text.find("\n")
        doc._.pl_article = Article(
            text=text, title=text[:first] if first > 0 else None, title_span=(0, first) if first > 0 else None
        )
        doc._.pl_pubdate = None
        for _, proc in steps[:upto]:  # the context pipe comes first and starts every record empty
            doc = proc(doc)
        out[art] = [
            (f.span.start, f.span.end, TECHNIQUE[f.code])
            for f in doc._.pl_findings
            if f.code.startswith("LNG") and f.code in TECHNIQUE
        ]
    return out


# ------------------------------------------------------------------------------------------------------- baselines
def lines(text: str) -> list[tuple[int, int]]:
    """Character spans of the non-empty lines (sentences) of an article, edges trimmed."""
    out, pos = [], 0
    for line in text.split("\n"):
        start, end = _trimmed(text, pos, pos + len(line))
        if end > start:
            out.append((start, end))
        pos += len(line) + 1
    return out


def baseline_si(text: str) -> Spans:
    """Every line holding a word of the tiny intensifier/emotive list, as one span."""
    return [(s, e) for s, e in lines(text) if INTENSIFIERS & set(re.findall(r"[a-z]+", text[s:e].lower()))]


# ------------------------------------------------------------------------------------------------- learned methods
def _embedder():
    from pathlib import Path as _P

    import wordllama
    from wordllama import WordLlama

    return WordLlama.load(cache_dir=_P(wordllama.__file__).parent, disable_download=True)


def _fold_splits(ids: Sequence[str], assignment: Mapping[str, int]) -> list[tuple[np.ndarray, np.ndarray]]:
    fold_of = np.array([assignment[a] for a in ids])
    return [(np.where(fold_of != k)[0], np.where(fold_of == k)[0]) for k in sorted(set(fold_of))]


CLAUSE_BREAK = re.compile(r"[,;:—–]\s+|\s+[—–]\s+|\s+(?=(?:but|and|because|while|which|who)\b)")


def clauses(text: str) -> Spans:
    """Lines cut at commas, semicolons, colons, dashes and before 'but/and/because/while/which/who', edges trimmed."""
    out: Spans = []
    for start, end in lines(text):
        pos = start
        for m in CLAUSE_BREAK.finditer(text, start, end):
            a, b = _trimmed(text, pos, m.start())
            if b > a:
                out.append((a, b))
            pos = m.end()
        a, b = _trimmed(text, pos, end)
        if b > a:
            out.append((a, b))
    return out


def learned_si(
    texts: Mapping[str, str], gold: Mapping[str, Spans], assignment: Mapping[str, int], *, threshold: float = 0.55
) -> dict[str, Spans]:
    """Out-of-fold clause classifier: clauses scored at or above ``threshold`` become predicted spans.

    Clause segments, class weighting, C and the threshold were chosen by 4-fold CV inside folds 1-4 (clause 0.344 vs
    whole line 0.325 vs a token tagger 0.315 span F1 there); fold 5 was not used for the choice.
    """
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = [(art, s, e) for art, text in texts.items() for s, e in clauses(text)]
    sent = [texts[a][s:e] for a, s, e in rows]
    y = np.array([int(any(gs < e and s < ge for gs, ge in gold.get(a, []))) for a, s, e in rows])
    wl = _embedder()
    emb = np.hstack([wl.embed(sent), wl.embed([_context(texts[a], s, e) for a, s, e in rows])])
    ids = [a for a, _, _ in rows]
    scores = np.zeros(len(rows))
    for train, test in _fold_splits(ids, assignment):
        vec = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2)
        xtr = hstack([vec.fit_transform([sent[i] for i in train]), csr_matrix(emb[train])]).tocsr()
        xte = hstack([vec.transform([sent[i] for i in test]), csr_matrix(emb[test])]).tocsr()
        model = LogisticRegression(max_iter=2000, C=2.0, class_weight="balanced")
        model.fit(xtr, y[train])
        scores[test] = model.predict_proba(xte)[:, 1]
    out: dict[str, Spans] = defaultdict(list)
    for (art, s, e), score in zip(rows, scores):
        if score >= threshold:
            out[art].append((s, e))
    return dict(out)


def _context(text: str, start: int, end: int) -> str:
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    return text[a : b if b >= 0 else len(text)]


def tc_features(
    texts: Mapping[str, str], rows: Sequence[tuple[str, str, int, int]], rules: Mapping[str, list[tuple[int, int, str]]]
) -> tuple[list[str], list[str], np.ndarray]:
    """Span texts, context lines and dense features (embeddings, length, recurrence, rule code) per gold span."""
    wl = _embedder()
    spans = [texts[a][s:e] for a, _, s, e in rows]
    ctx = [_context(texts[a], s, e) for a, _, s, e in rows]
    dense = []
    lowered = {a: t.lower() for a, t in texts.items()}
    for (art, _, s, e), span in zip(rows, spans):
        words = span.lower().strip()
        recur = lowered[art].count(words) if words else 0
        codes = {lab for rs, re_, lab in rules.get(art, []) if rs < e and s < re_}
        dense.append(
            [
                np.log1p(len(span.split())),
                np.log1p(recur),
                float(recur >= 2),
                float(span.strip().endswith("?")),
                float(span[:1].isupper()),
            ]
            + [float(lab in codes) for lab in LABELS]
        )
    emb = np.hstack([wl.embed(spans), wl.embed(ctx)])
    return spans, ctx, np.hstack([np.array(dense), emb])


def learned_tc(
    texts: Mapping[str, str],
    rows: Sequence[tuple[str, str, int, int]],
    rules: Mapping[str, list[tuple[int, int, str]]],
    assignment: Mapping[str, int],
) -> list[str]:
    """Out-of-fold technique predictions for the gold spans ``rows``."""
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    spans, ctx, dense = tc_features(texts, rows, rules)
    y = np.array([label for _, label, _, _ in rows])
    pred = np.empty(len(rows), dtype=object)
    for train, test in _fold_splits([a for a, _, _, _ in rows], assignment):
        v_span = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1)
        v_char = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True, min_df=2)
        v_ctx = TfidfVectorizer(ngram_range=(1, 1), sublinear_tf=True, min_df=2)

        def feats(idx, fit, v_span=v_span, v_char=v_char, v_ctx=v_ctx):
            sp = [spans[i] for i in idx]
            cx = [ctx[i] for i in idx]
            parts = [
                v.fit_transform(d) if fit else v.transform(d) for v, d in ((v_span, sp), (v_char, sp), (v_ctx, cx))
            ]
            return hstack([*parts, csr_matrix(dense[idx])]).tocsr()

        model = LogisticRegression(max_iter=3000, C=1.0)
        model.fit(feats(train, True), y[train])
        pred[test] = model.predict(feats(test, False))
    return list(pred)


# ------------------------------------------------------------------------------------------------------- the command
def evaluate(
    root: str | Path, *, cache_dir: str | Path | None = None, learned: bool = True
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Summary of SI and TC scores (presslint rules, learned CV, baselines) and per-article records."""
    texts, si_gold, tc_rows = load(root)
    assignment = folds() if FOLDS_FILE.exists() else {}
    missing = [a for a in texts if a not in assignment]
    if missing:  # a data copy with other ids: deal them the same deterministic way
        assignment = {a: int(k) for k, names in make_folds(sorted(texts)).items() for a in names}
    rules = rule_findings(texts, cache_dir=cache_dir)
    si_rules = {a: [(s, e) for s, e, _ in found] for a, found in rules.items()}
    si_base = {a: baseline_si(t) for a, t in texts.items()}
    gold_labels = [label for _, label, _, _ in tc_rows]
    tc_rule = []
    for art, _, s, e in tc_rows:
        hits = Counter(lab for rs, re_, lab in rules.get(art, []) if rs < e and s < re_)
        tc_rule.append(hits.most_common(1)[0][0] if hits else MAJORITY)
    summary: dict[str, Any] = {
        "task": "propaganda",
        "data": "ptc-semeval2020/train",
        "articles": len(texts),
        "si_gold_spans": sum(len(v) for v in si_gold.values()),
        "tc_gold_spans": len(tc_rows),
        "si_rules": si_scores(si_gold, si_rules),
        "si_baseline": si_scores(si_gold, si_base),
        "tc_rules": tc_micro_f1(gold_labels, tc_rule),
        "tc_baseline": tc_micro_f1(gold_labels, [MAJORITY] * len(gold_labels)),
        "anchor_si": ANCHOR_SI,
        "anchor_tc": ANCHOR_TC,
    }
    si_learned: dict[str, Spans] = {}
    tc_learn: list[str] = []
    if learned:
        si_learned = learned_si(texts, si_gold, assignment)
        summary["si_learned_cv"] = si_scores(si_gold, si_learned)
        tc_learn = learned_tc(texts, tc_rows, rules, assignment)
        summary["tc_learned_cv"] = tc_micro_f1(gold_labels, tc_learn)
    records = []
    by_art: dict[str, list[int]] = defaultdict(list)
    for i, (art, *_rest) in enumerate(tc_rows):
        by_art[art].append(i)
    for art in texts:
        records.append(
            {
                "article": art,
                "si_gold": si_gold.get(art, []),
                "si_rules": rules.get(art, []),
                "si_learned": si_learned.get(art, []),
                "si_baseline": si_base.get(art, []),
                "tc": [
                    {
                        "span": tc_rows[i][2:],
                        "gold": tc_rows[i][1],
                        "rules": tc_rule[i],
                        "learned": tc_learn[i] if tc_learn else None,
                    }
                    for i in by_art.get(art, [])
                ],
            }
        )
    return summary, records


def summary_lines(summary: Mapping[str, Any]) -> list[str]:
    """Baseline lines, then one summary line per subtask ending with presslint's value."""

    def f(x):
        return f"{x[2]:.3f} (P {x[0]:.3f} R {x[1]:.3f})"

    out = [
        f"baseline SI (intensifier lines, same run): span F1 {f(summary['si_baseline'])}",
        f"baseline TC (majority class {MAJORITY}, same run): micro-F1 {summary['tc_baseline']:.3f}",
    ]
    si = f"rules {f(summary['si_rules'])}"
    tc = f"rules {summary['tc_rules']:.3f}"
    if "si_learned_cv" in summary:
        si += f"; learned clause classifier, article 5-fold CV, span F1 {summary['si_learned_cv'][2]:.3f}"
        tc += f"; learned classifier, article 5-fold CV, micro-F1 {summary['tc_learned_cv']:.3f}"
    out.append(
        f"propaganda SI on {summary['data']} ({summary['articles']} articles, {summary['si_gold_spans']} "
        f"spans; anchor {summary['anchor_si']}): presslint {si}"
    )
    out.append(
        f"propaganda TC on {summary['data']} ({summary['tc_gold_spans']} gold spans; anchor "
        f"{summary['anchor_tc']}): presslint {tc}"
    )
    return out


def run(
    root: str | Path, *, cache_dir: str | Path | None = None, learned: bool = True, progress: Any = None
) -> dict[str, Any]:
    """What ``presslint eval propaganda`` runs: {"summary": ..., "items": [...]}."""
    if progress:
        progress("PTC: parsing (cached), rules, then the learned classifiers (5-fold CV)")
    summary_, items = evaluate(root, cache_dir=cache_dir, learned=learned)
    return {"summary": summary_, "items": items}


def summary(result: Mapping[str, Any]) -> list[str]:
    return summary_lines(result["summary"])
