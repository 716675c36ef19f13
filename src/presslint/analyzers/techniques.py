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
    "LNG013": "Exaggeration,Minimisation",
    "LNG014": "Loaded_Language",
}
SOURCE_WORDING = " (the source's wording, in a quotation or attributed statement)"

# The PTC labels as a reader says them (learned findings name the model's technique in words).
READABLE = {
    "Appeal_to_Authority": "appeal to authority",
    "Appeal_to_fear-prejudice": "appeal to fear or prejudice",
    "Bandwagon,Reductio_ad_hitlerum": "bandwagon or reductio ad hitlerum",
    "Black-and-White_Fallacy": "black-and-white fallacy",
    "Causal_Oversimplification": "causal oversimplification",
    "Doubt": "doubt",
    "Exaggeration,Minimisation": "exaggeration or minimisation",
    "Flag-Waving": "flag-waving",
    "Loaded_Language": "loaded language",
    "Name_Calling,Labeling": "name-calling or labelling",
    "Repetition": "repetition",
    "Slogans": "a slogan",
    "Thought-terminating_Cliches": "a thought-terminating cliché",
    "Whataboutism,Straw_Men,Red_Herring": "whataboutism, a straw man or a red herring",
}
