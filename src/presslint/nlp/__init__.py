"""Shared NLP layers: the spaCy pipeline built from the registry (``pipeline``), the per-doc view the checks share
(``docview``), sentence semantics (``semantics``) and lexicon reading (``lexicons``). Importing this package does not
import spaCy; loading a pipeline does."""

from __future__ import annotations

from .pipeline import (
    MODEL_PACKAGE,
    extension,
    load_model,
    load_pipeline,
    model_identity,
    prepare_doc,
    register_components,
    register_extensions,
)

__all__ = [
    "MODEL_PACKAGE",
    "extension",
    "load_model",
    "load_pipeline",
    "model_identity",
    "prepare_doc",
    "register_components",
    "register_extensions",
]
