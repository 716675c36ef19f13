"""The propaganda techniques the LNG rules name (SemEval-2020 Task 11 / PTC labels), shared by the lexicon checks
(``language``) and the structural ones (``framing``) so neither imports the other."""

from __future__ import annotations

TECHNIQUE = {
    "LNG001": "Name_Calling,Labeling",
    "LNG002": "Loaded_Language",
    "LNG003": "Exaggeration,Minimisation",
    "LNG004": "Doubt",
    "LNG005": "Appeal_to_fear-prejudice",
    "LNG006": "Flag-Waving",
    "LNG007": "Repetition",
    "LNG008": "Slogans",
    "LNG009": "Thought-terminating_Cliches",
    "LNG010": "Causal_Oversimplification",
    "LNG011": "Black-and-White_Fallacy",
}
SOURCE_WORDING = " (the source's wording, in a quotation or attributed statement)"
