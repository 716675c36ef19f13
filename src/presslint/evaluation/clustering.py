"""Story clustering measured on FNC-1 dev (``presslint.corpus.stories``).

1. Pair scoring: every headline–body pair, scored with the story-membership score (WordLlama cosine of the headline
   with the body's lead, plus shared named entities, exactly as an article is scored against a story). Related
   (agree/discuss/disagree) vs unrelated: ROC AUC; F1 at the best threshold on all pairs (optimistic); F1 with the
   threshold chosen on training folds (5-fold CV grouped by Body ID: no body in both); and F1 of the fixed rule
   ``stories.qualifies`` that the clustering actually applies (no tuning).
2. Clustering: the headlines related to a body, fed one by one (file order) through the real incremental clustering
   (an in-memory store, ``stories.place``), with Body ID as the story label: purity, inverse purity, B-cubed
   precision/recall/F1. Baseline: every headline its own story. FNC-1 pairs one headline with several bodies (2,411
   related pairs, 749 distinct headlines, 520 of them related to more than one body), so identical headlines carry
   different Body IDs and no clustering can be pure: the ceiling (each distinct headline alone) is printed too. A
   second gold standard, "claims", merges bodies that share a related headline (connected components) and scores
   the distinct headlines against it.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence
from pathlib import Path

import numpy as np

from .fnc1 import read
from .scoring import prf

STORY_LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART")


# -- clustering metrics ---------------------------------------------------------------------------------------------
def purity(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> float:
    """Share of items whose cluster's majority gold label is their own."""
    clusters: dict[Hashable, Counter] = defaultdict(Counter)
    for g, p in zip(gold, pred):
        clusters[p][g] += 1
    return sum(c.most_common(1)[0][1] for c in clusters.values()) / len(gold) if gold else 0.0


def inverse_purity(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> float:
    return purity(pred, gold)


def bcubed(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 (Bagga & Baldwin), averaged over items."""
    both = Counter(zip(gold, pred))
    g_size, p_size = Counter(gold), Counter(pred)
    n = len(gold)
    if not n:
        return 0.0, 0.0, 0.0
    precision = sum(both[(g, p)] / p_size[p] for g, p in zip(gold, pred)) / n
    recall = sum(both[(g, p)] / g_size[g] for g, p in zip(gold, pred)) / n
    f = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f


# -- features ---------------------------------------------------------------------------------------------------
def _entities(texts: list[str]) -> list[list[str]]:
    from . import spacy_model

    nlp = spacy_model()
    out = []
    for doc in nlp.pipe(texts, batch_size=64):
        keys = {" ".join(e.text.lower().split()) for e in doc.ents if e.label_ in STORY_LABELS}
        out.append(sorted(k.removeprefix("the ") for k in keys if len(k) > 1))
    return out


def _best_f1_threshold(scores: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    best_f, best_t = -1.0, 0.5
    for t in np.unique(np.round(scores, 3)):
        pred = scores >= t
        tp = int(np.sum(pred & labels))
        fp = int(np.sum(pred & ~labels))
        fn = int(np.sum(~pred & labels))
        f = prf(tp, fp, fn)[2]
        if f > best_f:
            best_f, best_t = f, float(t)
    return best_f, best_t


def _f1(pred: np.ndarray, labels: np.ndarray) -> float:
    return prf(int(np.sum(pred & labels)), int(np.sum(pred & ~labels)), int(np.sum(~pred & labels)))[2]


def evaluate(path: str | Path, *, folds: int = 5, progress=lambda msg: None) -> dict:
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import GroupKFold

    from ..corpus import embed, stories

    pairs, bodies = read(path)
    body_ids = sorted(bodies)
    headlines = sorted({p["headline"] for p in pairs})
    progress(f"embedding and NER: {len(body_ids)} bodies, {len(headlines)} headlines")
    body_vec = dict(zip(body_ids, embed.embed([embed.headline_lead(None, bodies[b]) for b in body_ids])))
    head_vec = dict(zip(headlines, embed.embed(headlines)))
    body_ents = dict(zip(body_ids, (set(e) for e in _entities([bodies[b] for b in body_ids]))))
    head_ents = dict(zip(headlines, _entities(headlines)))

    t = stories.Thresholds()
    scores, labels, rule, groups = [], [], [], []
    for p in pairs:
        cosine = float(head_vec[p["headline"]] @ body_vec[p["body_id"]])
        ents = head_ents[p["headline"]]
        shared = sum(1 for e in ents if e in body_ents[p["body_id"]])
        scores.append(stories.membership_score(cosine, shared, t))
        rule.append(stories.qualifies(cosine, shared, bool(ents), t))
        labels.append(p["gold"] != "unrelated")
        groups.append(p["body_id"])
    scores_a, labels_a, rule_a = np.asarray(scores), np.asarray(labels), np.asarray(rule)
    auc = float(roc_auc_score(labels_a, scores_a))
    best_f1, best_t = _best_f1_threshold(scores_a, labels_a)
    cv_pred = np.zeros(len(pairs), dtype=bool)
    cv_thresholds = []
    for train, test in GroupKFold(n_splits=folds).split(scores_a, labels_a, np.asarray(groups)):
        _, thr = _best_f1_threshold(scores_a[train], labels_a[train])
        cv_thresholds.append(thr)
        cv_pred[test] = scores_a[test] >= thr
    pair_result = {
        "pairs": len(pairs),
        "related": int(labels_a.sum()),
        "auc": auc,
        "best_f1": best_f1,
        "best_threshold": best_t,
        "cv_f1": _f1(cv_pred, labels_a),
        "cv_thresholds": cv_thresholds,
        "rule_f1": _f1(rule_a, labels_a),
    }

    progress("incremental clustering of related headlines")
    related = [p for p in pairs if p["gold"] != "unrelated"]
    predicted = cluster_headlines([p["headline"] for p in related], head_vec, head_ents, t)
    gold = [p["body_id"] for p in related]
    b_p, b_r, b_f = bcubed(gold, predicted)
    _s_p, _s_r, s_f = bcubed(gold, list(range(len(gold))))
    cluster_result = {
        "headlines": len(related),
        "gold_stories": len(set(gold)),
        "stories": len(set(predicted)),
        "purity": purity(gold, predicted),
        "inverse_purity": inverse_purity(gold, predicted),
        "bcubed_precision": b_p,
        "bcubed_recall": b_r,
        "bcubed_f1": b_f,
        "singleton_bcubed_f1": s_f,
        "singleton_inverse_purity": inverse_purity(gold, list(range(len(gold)))),
    }
    cluster_result["ceiling_purity"] = purity(gold, [p["headline"] for p in related])
    cluster_result["ceiling_bcubed_f1"] = bcubed(gold, [p["headline"] for p in related])[2]
    claims = claim_labels(related)
    distinct = sorted({p["headline"] for p in related})
    claim_gold = [claims[h] for h in distinct]
    claim_pred = cluster_headlines(distinct, head_vec, head_ents, t)
    cp, cr, cf = bcubed(claim_gold, claim_pred)
    claim_result = {
        "headlines": len(distinct),
        "gold_claims": len(set(claim_gold)),
        "stories": len(set(claim_pred)),
        "purity": purity(claim_gold, claim_pred),
        "inverse_purity": inverse_purity(claim_gold, claim_pred),
        "bcubed_precision": cp,
        "bcubed_recall": cr,
        "bcubed_f1": cf,
        "singleton_bcubed_f1": bcubed(claim_gold, list(range(len(distinct))))[2],
    }
    return {
        "task": "fnc1-clustering",
        "folds": folds,
        "pairs": pair_result,
        "clustering": cluster_result,
        "claims": claim_result,
    }


def claim_labels(related: list[dict]) -> dict[str, str]:
    """Headline -> claim id: bodies that share a related headline belong to one claim (union-find)."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    by_headline: dict[str, list[str]] = defaultdict(list)
    for p in related:
        by_headline[p["headline"]].append(p["body_id"])
    for ids in by_headline.values():
        for other in ids[1:]:
            parent[root(other)] = root(ids[0])
    return {h: root(ids[0]) for h, ids in by_headline.items()}


def cluster_headlines(headlines: list[str], vectors: dict, entities: dict, t) -> list[int]:
    """Story id per headline, through the store-backed incremental clustering (same code as ``presslint ingest``)."""
    from ..corpus import dedup, embed, stories
    from ..store import Store
    from ..store import corpus as db
    from ..store.schema import now

    empty_sig = dedup.to_blob(np.zeros(dedup.NUM_PERM, dtype=np.uint64))
    out = []
    with Store(":memory:") as store:
        for i, headline in enumerate(headlines):
            with db.transaction(store):
                digest = hashlib.sha256(f"{i}:{headline}".encode()).hexdigest()
                article_id = db.inserted_id(
                    store.conn.execute(
                        "INSERT INTO articles (content_hash, title, text, first_seen) VALUES (?, ?, ?, ?)",
                        (digest, headline, headline, now()),
                    )
                )
                group = db.create_group(store, article_id, f"outlet-{i}")
                vec = vectors[headline]
                db.insert_corpus_article(
                    store,
                    article_id=article_id,
                    report_id=None,
                    outlet=f"outlet-{i}",
                    published="2017-01-01",
                    date_known=False,
                    headline=headline,
                    group_id=group,
                    similarity=1.0,
                    minhash=empty_sig,
                    embedding=embed.to_blob(vec),
                    entities=entities[headline],
                    bands=[],
                )
                placement = stories.place(
                    store,
                    article_id=article_id,
                    group_id=group,
                    vector=vec,
                    entities=entities[headline],
                    date="2017-01-01",
                    headline=headline,
                    t=t,
                )
            out.append(placement.story_id)
    return out


def summary(result: dict) -> list[str]:
    p, c, k = result["pairs"], result["clustering"], result["claims"]
    return [
        f"fnc1 related-vs-unrelated AUC (story-membership score, {p['pairs']} pairs): {p['auc']:.3f}",
        f"fnc1 related-vs-unrelated F1, threshold chosen by {result['folds']}-fold CV grouped by Body ID: "
        f"{p['cv_f1']:.3f} (best threshold on all pairs {p['best_threshold']:.3f}: F1 {p['best_f1']:.3f}, optimistic)",
        f"fnc1 related-vs-unrelated F1 of the fixed joining rule (no tuning): {p['rule_f1']:.3f}",
        f"fnc1 clustering purity ({c['headlines']} related headlines, {c['gold_stories']} bodies -> "
        f"{c['stories']} stories): {c['purity']:.3f}",
        f"fnc1 clustering inverse purity: {c['inverse_purity']:.3f} (singletons {c['singleton_inverse_purity']:.3f})",
        f"fnc1 clustering B-cubed F1: {c['bcubed_f1']:.3f} (P {c['bcubed_precision']:.3f} R {c['bcubed_recall']:.3f}; "
        f"singletons {c['singleton_bcubed_f1']:.3f}; ceiling with identical headlines together: purity "
        f"{c['ceiling_purity']:.3f}, B-cubed F1 {c['ceiling_bcubed_f1']:.3f})",
        f"fnc1 claim clustering purity ({k['headlines']} distinct related headlines, {k['gold_claims']} claims -> "
        f"{k['stories']} stories): {k['purity']:.3f}",
        f"fnc1 claim clustering inverse purity: {k['inverse_purity']:.3f}",
        f"fnc1 claim clustering B-cubed F1: {k['bcubed_f1']:.3f} (P {k['bcubed_precision']:.3f} "
        f"R {k['bcubed_recall']:.3f}; singletons {k['singleton_bcubed_f1']:.3f})",
    ]
