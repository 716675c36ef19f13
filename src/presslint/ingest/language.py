"""Language identification: a cheap English check first, py3langid (BSD-3, model in the wheel) only when unsure.

Loading langid's model costs about half a second, more than ingesting an article, so the common case (English news)
never loads it: English prose is roughly a third function words that other languages written in Latin script do not
share, which a set lookup over the first couple of thousand characters measures in well under a millisecond.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from functools import lru_cache

from .text import word_count

_NAMES = {
    "af": "Afrikaans",
    "am": "Amharic",
    "ar": "Arabic",
    "az": "Azerbaijani",
    "be": "Belarusian",
    "bg": "Bulgarian",
    "bn": "Bengali",
    "bs": "Bosnian",
    "ca": "Catalan",
    "cs": "Czech",
    "cy": "Welsh",
    "da": "Danish",
    "de": "German",
    "el": "Greek",
    "en": "English",
    "eo": "Esperanto",
    "es": "Spanish",
    "et": "Estonian",
    "eu": "Basque",
    "fa": "Persian",
    "fi": "Finnish",
    "fr": "French",
    "ga": "Irish",
    "gl": "Galician",
    "gu": "Gujarati",
    "he": "Hebrew",
    "hi": "Hindi",
    "hr": "Croatian",
    "hu": "Hungarian",
    "hy": "Armenian",
    "id": "Indonesian",
    "is": "Icelandic",
    "it": "Italian",
    "ja": "Japanese",
    "ka": "Georgian",
    "kk": "Kazakh",
    "km": "Khmer",
    "kn": "Kannada",
    "ko": "Korean",
    "ku": "Kurdish",
    "ky": "Kyrgyz",
    "la": "Latin",
    "lo": "Lao",
    "lt": "Lithuanian",
    "lv": "Latvian",
    "mk": "Macedonian",
    "ml": "Malayalam",
    "mn": "Mongolian",
    "mr": "Marathi",
    "ms": "Malay",
    "mt": "Maltese",
    "my": "Burmese",
    "nb": "Norwegian Bokmål",
    "ne": "Nepali",
    "nl": "Dutch",
    "nn": "Norwegian Nynorsk",
    "no": "Norwegian",
    "pa": "Punjabi",
    "pl": "Polish",
    "ps": "Pashto",
    "pt": "Portuguese",
    "ro": "Romanian",
    "ru": "Russian",
    "si": "Sinhala",
    "sk": "Slovak",
    "sl": "Slovenian",
    "so": "Somali",
    "sq": "Albanian",
    "sr": "Serbian",
    "sv": "Swedish",
    "sw": "Swahili",
    "ta": "Tamil",
    "te": "Telugu",
    "th": "Thai",
    "tl": "Tagalog",
    "tr": "Turkish",
    "ug": "Uyghur",
    "uk": "Ukrainian",
    "ur": "Urdu",
    "uz": "Uzbek",
    "vi": "Vietnamese",
    "xh": "Xhosa",
    "yo": "Yoruba",
    "zh": "Chinese",
    "zu": "Zulu",
}

# Frequent English function words that are not also common words of French, German, Spanish, Italian, Dutch or
# Portuguese (so no "a", "in", "on", "die", "was", "is", "had", "also", "so").
_ENGLISH = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "that",
        "for",
        "with",
        "said",
        "says",
        "by",
        "from",
        "his",
        "her",
        "have",
        "has",
        "been",
        "were",
        "which",
        "would",
        "will",
        "this",
        "they",
        "their",
        "there",
        "it",
        "its",
        "be",
        "are",
        "who",
        "not",
        "but",
        "after",
        "about",
        "when",
        "more",
        "than",
        "or",
        "into",
        "over",
        "he",
        "she",
        "we",
        "you",
        "these",
        "those",
        "what",
        "could",
        "should",
        "can",
        "our",
        "them",
        "than",
        "did",
        "does",
        "do",
        "said",
        "while",
        "where",
        "how",
        "because",
        "before",
        "new",
        "year",
        "years",
        "told",
    ]
)
_WORDS = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
FAST_SAMPLE = 2000
FAST_RATIO = 0.18  # English news text sits around 0.3; other languages near 0
MIN_WORDS = 15  # below this neither check is worth trusting


def language_name(code: str | None) -> str:
    return _NAMES.get(code or "", code or "an unknown language")


def english_ratio(text: str) -> tuple[float, int]:
    """(share of English function words, number of words) over the first FAST_SAMPLE characters."""
    words = _WORDS.findall(text[:FAST_SAMPLE].lower())
    if not words:
        return 0.0, 0
    return sum(1 for w in words if w in _ENGLISH) / len(words), len(words)


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str, *, sample: int = 4000) -> tuple[str, float]:
    """(ISO 639-1 code, probability) from py3langid for the first ``sample`` characters (loads the model)."""
    code, prob = _identifier().classify(text[:sample])
    return code, float(prob)


MIN_SCRIPT_SHARE = 0.3  # English in Latin script making up this share of a mixed text's words: read as English


def script_of(word: str) -> str:
    """The Unicode script of a word's first letter, as a coarse name: LATIN, ARABIC, CJK, CYRILLIC ..."""
    return _script_of_char(word[0])


@lru_cache(maxsize=4096)
def _script_of_char(char: str) -> str:
    # Looked up once per character: identify() reads every word of an article's opening.
    name = unicodedata.name(char, "")
    head = name.split(" ", 1)[0]
    return "CJK" if head in ("CJK", "HIRAGANA", "KATAKANA") else head or "OTHER"


def script_parts(text: str) -> dict[str, list[str]]:
    """The words of ``text`` grouped by script, in order."""
    parts: dict[str, list[str]] = defaultdict(list)
    for word in _WORDS.findall(text):
        parts[script_of(word)].append(word)
    return parts


def identify(text: str, *, min_prob: float = 0.8) -> str | None:
    """The article's language, or None when it cannot be told (too short, or langid unsure).

    None means "analyse as English": a wrong "not English" would silently drop every finding.

    Text in several scripts (an English report quoting Arabic and Chinese) is read script by script, because langid
    on the whole mixture answers with whatever its character n-grams happen to favour (such a mixture came back as
    "ary", Moroccan Arabic). It returns "en" when English words in Latin script make up at least MIN_SCRIPT_SHARE of
    the words (presslint's analyzers can read those sentences, and W001 would hide every finding); otherwise the
    language langid finds in the words of the script that holds most of the text.
    """
    sample = text[: 2 * FAST_SAMPLE]
    parts = script_parts(sample)
    weights = {script: word_count(" ".join(words)) for script, words in parts.items()}
    total = sum(weights.values())
    latin = parts.get("LATIN", [])
    ratio, count = english_ratio(" ".join(latin))
    if ratio >= FAST_RATIO and count >= 8 and weights.get("LATIN", 0) >= MIN_SCRIPT_SHARE * total:
        return "en"
    if total < MIN_WORDS and len(text.strip()) < 60:
        return None
    dominant = max(weights, key=weights.__getitem__) if weights else None
    if dominant is None or weights[dominant] == total:
        code, prob = detect(text)
    else:
        code, prob = detect(" ".join(parts[dominant]))
    return code if prob >= min_prob else None
