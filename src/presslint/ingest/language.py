"""Language identification with py3langid (BSD-3, model shipped in the wheel)."""
from __future__ import annotations

from functools import lru_cache

_NAMES = {
    "ar": "Arabic", "de": "German", "en": "English", "es": "Spanish", "fa": "Persian", "fr": "French",
    "it": "Italian", "ja": "Japanese", "ku": "Kurdish", "nl": "Dutch", "pl": "Polish", "pt": "Portuguese",
    "ru": "Russian", "sv": "Swedish", "tr": "Turkish", "uk": "Ukrainian", "zh": "Chinese",
}


def language_name(code: str | None) -> str:
    return _NAMES.get(code or "", code or "an unknown language")


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str, *, sample: int = 4000) -> tuple[str, float]:
    """(ISO 639-1 code, probability) for the first ``sample`` characters."""
    code, prob = _identifier().classify(text[:sample])
    return code, float(prob)
