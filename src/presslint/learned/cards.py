"""Model cards, written from the model folder's manifest (what was trained, how, measured how well).

``write_cards(folder, dev_scores=..., thresholds=..., speed=...)`` records the measured numbers in the manifest and
renders one Markdown card per head plus one for the shared encoder into ``folder/cards/``. The numbers come from
``presslint eval TASK DATA --path learned --out FILE`` runs and ``benchmarks/learned_speed.py`` (see docs/models.md).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

TERMS = {
    "attribution": (
        "PolNeAR v1.0 (github networkdynamics/PolNeAR): political news articles with attribution annotations. The "
        "corpus states no licence or terms of use; it is a research corpus distributed openly, the case in which "
        "presslint's brief allows shipping weights (as spaCy ships models trained on research corpora). The texts "
        "are not shipped."
    ),
    "propaganda": (
        "PTC, the Propaganda Techniques Corpus of SemEval-2020 Task 11 (Da San Martino et al. 2019, 2020). Its README "
        "states no licence; research corpus distributed openly (same reasoning as PolNeAR). The texts are not shipped."
    ),
    "checkworthiness": (
        "CLEF CheckThat! 2019 Task 1 training files (github telsayed/clef2019-factchecking-task1): debate and speech "
        "transcripts. Its README says: 'These datasets are free for general research use.' That grants research use "
        "and says nothing of other uses: the lead should confirm that shipping weights trained on it fits the "
        "project's rule before a release; `[tool.presslint.learned] checkworthiness = false` turns the head off."
    ),
}
LIMITS = {
    "attribution": (
        "Trained on US political news of 2015-16 (PolNeAR): other beats and non-US styles are less well covered. "
        "PolNeAR annotates beliefs and intentions ('he wants', 'they fear') as attributions, so the head marks them "
        'too. Spans are decoded per token run; a discontinuous content (\'"...," he said, "..."\') comes out as two '
        "contents. Source/cue/content spans are not yet linked into triples (phase 2)."
    ),
    "propaganda": (
        "PTC articles come from propaganda-prone outlets; span boundaries in PTC are loose, so the span F1 is low "
        "for every system (best published 0.51). Rare techniques (Bandwagon, Whataboutism, Slogans, Thought-"
        "terminating clichés) have few examples and are mostly labelled as the frequent ones (Loaded_Language, "
        "Name_Calling). A span is evidence of a technique, not a verdict on the article."
    ),
    "checkworthiness": (
        "Trained on US political debates and speeches (transcripts, one sentence a line): news prose and other "
        "countries' politics differ. The score ranks sentences; its absolute value is not calibrated."
    ),
}
HEAD_ARRAYS = {
    "attribution": ("attribution",),
    "propaganda": ("propaganda", "technique"),
    "checkworthiness": ("checkworthiness",),
}


def write_cards(
    folder: str | Path,
    *,
    dev_scores: dict[str, dict[str, Any]] | None = None,
    thresholds: dict[str, Any] | None = None,
    speed: dict[str, Any] | None = None,
    notes: dict[str, str] | None = None,
) -> list[Path]:
    folder = Path(folder)
    manifest_file = folder / "manifest.json"
    manifest = json.loads(manifest_file.read_text("utf-8"))
    for key, value in (("dev_scores", dev_scores), ("thresholds", thresholds), ("speed", speed), ("notes", notes)):
        if value is not None:
            manifest[key] = value
    manifest_file.write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    cards = folder / "cards"
    cards.mkdir(exist_ok=True)
    files = manifest.get("files", {})
    size = {k: v["bytes"] for k, v in files.items()}
    cfg = manifest.get("config", {})
    out = []
    encoder = [
        f"# {manifest.get('name')}: shared encoder",
        "",
        f"Base: {manifest['base']['model']} ({manifest['base']['licence']}; weights sha256 {manifest['base']['sha256']}).",
        f"Fine-tuned: the top {cfg.get('top')} of 6 layers, multi-task (attribution, propaganda, check-worthiness "
        f"batches alternating in a seeded random order), {cfg.get('epochs')} epoch(s); the lower layers are frozen."
        if cfg.get("top")
        else "Not fine-tuned: the heads were trained on the frozen all-MiniLM-L6-v2 (see notes for why).",
        f"Exported to ONNX and quantised to int8 (onnxruntime dynamic quantisation): encoder.int8.onnx "
        f"{size.get('encoder.int8.onnx', 0) / 1e6:.1f} MB, tokenizer.json {size.get('tokenizer.json', 0) / 1e6:.1f} MB, "
        f"heads.npz {size.get('heads.npz', 0) / 1e6:.2f} MB.",
        "",
        f"Rebuild: `{manifest.get('command')}` (run from a checkout with the train extra; `nice -n 19` on a shared "
        f"machine); training took {manifest.get('train_seconds', '?')} s here.",
        "",
        "Speed (benchmarks/learned_speed.py): " + json.dumps(manifest.get("speed", {})),
        "",
        "Notes: " + (manifest.get("notes", {}).get("encoder") or "none."),
        "",
    ]
    path = cards / "encoder.md"
    path.write_text("\n".join(encoder), encoding="utf-8")
    out.append(path)
    for head in ("attribution", "propaganda", "checkworthiness"):
        scores = manifest.get("dev_scores", {}).get(head, {})
        points = manifest.get("thresholds", {}).get(head, {})
        lines = [
            f"# {manifest.get('name')}: {head} head",
            "",
            f"Trained on: {manifest.get('trained_on', {}).get(head, '?')}.",
            "",
            f"Data terms: {TERMS[head]}",
            "",
            f"Rebuild: `{manifest.get('command')}` (the whole model; `presslint train {head} DATA` retrains this head "
            "alone on the shipped encoder).",
            "",
            "Dev scores (data the model never trained on; `presslint eval ... --path learned`, int8 encoder):",
            "",
            *[f"- {k}: {v}" for k, v in scores.items()],
            "",
            "Operating point (precision >= 0.8 on dev where reachable): " + json.dumps(points),
            "",
            f"Size: its arrays ({', '.join(HEAD_ARRAYS[head])}) in heads.npz; the shared encoder is in encoder.md.",
            "",
            f"Known limits: {LIMITS[head]}",
            "",
            "Notes: " + (manifest.get("notes", {}).get(head) or "none."),
            "",
        ]
        path = cards / f"{head}.md"
        path.write_text("\n".join(lines), encoding="utf-8")
        out.append(path)
    return out
