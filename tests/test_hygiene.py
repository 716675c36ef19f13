"""Hygiene: missing byline/date (HYG001/HYG002) and one name spelled two ways (HYG003)."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from presslint.analyzers.hygiene import RULES, find_inconsistent_spellings, find_missing_metadata

pytestmark = pytest.mark.model

BODY = "Officials met in the capital on Monday to discuss the budget. The talks ended without agreement."


def _codes(doc, prefix: str = "HYG") -> list[str]:
    return [f.code for f in doc._.pl_findings if f.code.startswith(prefix)]


def _doc(nlp, text: str, **meta):
    from presslint.ingest import from_text
    from presslint.nlp import prepare_doc

    article = from_text(text, **meta)
    return nlp(prepare_doc(nlp, article, None))


def test_hygiene_rules_catalogued():
    assert [r.code for r in RULES] == ["HYG001", "HYG002", "HYG003", "HYG004"]
    assert all(r.explanation and r.example for r in RULES)


def test_hygiene_missing_byline_and_date_on_headline(nlp):
    doc = _doc(nlp, "Budget talks stall\n\n" + BODY)
    findings = {f.code: f for f in doc._.pl_findings if f.code in ("HYG001", "HYG002")}
    assert set(findings) == {"HYG001", "HYG002"}
    assert findings["HYG001"].span.text == "Budget talks stall"
    assert findings["HYG001"].severity == "info"


def test_hygiene_metadata_present_is_quiet(nlp):
    doc = _doc(nlp, "Budget talks stall\n\n" + BODY, byline="Jane Doe", date="2021-03-01")
    assert not [c for c in _codes(doc) if c in ("HYG001", "HYG002")]


def test_hygiene_byline_line_in_text_counts(nlp):
    doc = _doc(nlp, "Budget talks stall\n\nBy Jane Doe\n\n" + BODY, date="2021-03-01")
    assert "HYG001" not in _codes(doc)


def test_hygiene_empty_article_is_quiet(nlp):
    from presslint.model import Article
    from presslint.nlp import prepare_doc

    doc = nlp(prepare_doc(nlp, Article(text=""), None))
    assert list(find_missing_metadata(doc)) == []


def test_hygiene_no_title_anchors_first_sentence(nlp):
    doc = _doc(nlp, BODY)
    finding = next(f for f in doc._.pl_findings if f.code == "HYG002")
    assert finding.span.text.startswith("Officials met")


SHOULD_FIRE = [
    # (text, first spelling, second spelling)
    (
        "Muammar Gaddafi ruled Libya for four decades. Qaddafi was killed in 2011 near his home town.",
        "Muammar Gaddafi",
        "Qaddafi",
    ),
    (
        "Rockets struck the Ayn al-Asad air base on Wednesday. Troops at Ain al-Asad were unharmed, the Pentagon said.",
        "Ayn al-Asad",
        "Ain al-Asad",
    ),
    (
        "President Volodymyr Zelensky spoke in Kyiv on Monday. Zelenskyy later met European leaders.",
        "Volodymyr Zelensky",
        "Zelenskyy",
    ),
    (
        "Crown Prince Mohammed bin Salman met the envoy. Aides to Muhammad bin Salman said the talks went well.",
        "Mohammed bin Salman",
        "Muhammad bin Salman",
    ),
    (
        "Recep Tayyip Erdoğan met reporters in Ankara. Erdogan said Turkey would respond.",
        "Recep Tayyip Erdoğan",
        "Erdogan",
    ),
    (
        "Hezbollah fired rockets into northern Israel. Israel struck Hizballah positions in southern Lebanon.",
        "Hezbollah",
        "Hizballah",
    ),
    ("Shelling continued near Kyiv overnight. Residents of Kiev spent the night in metro stations.", "Kyiv", "Kiev"),
    # a correction note does not vouch for a spelling the body itself varies
    (
        "Lorraine Whitaker runs the water department. Lorraine Whittaker said the pipe was old.\n\n"
        "Correction: An earlier version gave the wrong date of the break.",
        "Lorraine Whitaker",
        "Lorraine Whittaker",
    ),
    (
        "Forces loyal to Khalifa Haftar advanced. Khalifa Hifter later denied the reports.",
        "Khalifa Haftar",
        "Khalifa Hifter",
    ),
]


@pytest.mark.parametrize("text, first, second", SHOULD_FIRE)
def test_hygiene_inconsistent_spelling_fires(parse, text, first, second):
    doc = parse(text)
    findings = [f for f in doc._.pl_findings if f.code == "HYG003"]
    assert findings, [(e.span.text, e.label) for e in doc._.pl_entities]
    f = findings[0]
    assert f.evidence["first"] == first and f.evidence["second"] == second
    assert f.span.text.endswith(second) and f.related and f.related[0].start < f.span.start
    assert f.severity == "warning" and f.evidence["similarity"] > 0


MUST_NOT_FIRE = [
    "President Joe Biden spoke on Monday. Biden said the plan would pass.",
    "The United States and the US Navy held exercises; American officials said the US would stay.",
    "John Smith and Jane Smith were injured in the crash, police said.",
    "Officials in Iraq and Iran met in Oman. Iraqi and Iranian officials agreed to meet again.",
    "The Kurds live mainly in Kurdistan. A Kurdish official said Kurds would vote.",
    "Guinea and Guyana signed a trade deal with Niger and Nigeria.",
    "Saddam Hussein was captured in 2003. Hassan Rouhani was elected in 2013.",
    "Mahmoud Abbas met Mohammed Shtayyeh in Ramallah on Sunday.",
    "Austria and Australia voted against the resolution, as did Slovakia and Slovenia.",
    "Germany's chancellor met Germans living abroad. Berlin and Bern agreed.",
    "Hamas fighters entered Hama province, according to the report.",
    "Bashar al-Assad spoke in Damascus. Al-Assad's government denied the report.",
    # a country and its demonym with the final vowel dropped
    "Ukrainian troops held the line. Ukraine asked for more air defence on Tuesday.",
    # a stance word built on a name, and a combining form before a hyphen
    "Most voters in the county seem more anti-Sanders than pro-Warren. Warren will visit the county on Friday.",
    "Officials in France and Italy backed a Franco-Italian plan for a joint naval command.",
    # a quotation mark swept into the name in copy that quotes with two apostrophes
    "The senator said Donald Trump ''should apologize'' for the remark. Trump declined to comment.",
    # names written as items of one list are different things, however alike they look
    "Road closures were announced in Marion, Merrion, Dalton and Van Wert counties after the storm. Marion officials said the roads would reopen.",
    "The rally drew crowds in Marion, Merrion and Dalton on Saturday.",
    "The virus has been reported in Barry, Berrien, Calhoun, Cass, Kalamazoo and Van Buren counties.",
    # every word of a title-case headline is capitalised: 'Past' is no name for the 'Post' of the body
    "Trump Meets With Author Of Book On Clinton's Past\n\nThe Washington Post noted that the author rode with Trump. "
    "The Post reported that he was gathering material.",
    "Mayor Vows To Fix Every Road Before Winter Sets In\n\nThe Winterset council said the roads would be fixed.",
    # a gendered ending makes two words, not one spelled two ways
    "The singer spoke about the Latino vote in an interview featured in Moda Latina’s winter 2015 issue.",
    "Ana Ruiz told Vida Latina’s spring issue that the Latino community is growing.",
    "Mario Rossi founded the bakery. Maria Rossi ran it for thirty years.",
    # the surname of a person named in full is that person, not a place spelled another way
    "The tablet will be sold in other countries, including Germany, when it launches in June, according to "
    "GadgetWire's Paul Gurman. Staff at the flagship store in Munich were trained last week, according to Gurman. "
    "It is trying to market the tablet overseas as well, as Gurman also noted.",
    # a common word capitalised (the article also writes it in lower case) is no name to spell
    "It is not the integrity of the Faith that matters to them. Their faith is shaken. He took the Fifth when asked "
    "about the files.",
    "Bishops must defend the Faith. Rome ruled by fiat in the end, and faith suffered.",
    # the outlet's correction names the misspelling it corrects
    "Lorraine Whitaker runs the water department.\n\nCorrection: An earlier version of this article misspelled the "
    "name of the director. She is Lorraine Whitaker, not Lorraine Whittaker.",
    "Board\n\nThe fund is run by Margaret Ellison, a former banker.\n\nClarification: Margaret Ellison was named as "
    "Margaret Allison in an earlier version of this story.",
    "Board\n\nThe hearing was led by Thomas Brennan of the county board.\n\nEditor's note: An earlier version of this "
    "article referred to Thomas Brennan as Thomas Brenan.",
    "Board\n\nThe new chair, Samuel Okonkwo, took office on Monday. Okonkwo said he would review the budget.\n\n"
    "Correction: An earlier version of this story called him Samuel Okonkow.",
    # a photo credit joins two names with a slash
    "A giant fish was seen off the pier on Sunday. [Photos: Ron Vining/Twitter via local news] The picture spread "
    "fast on Twitter.",
]


@pytest.mark.parametrize("text", MUST_NOT_FIRE)
def test_hygiene_inconsistent_spelling_quiet(parse, text):
    doc = parse(text)
    assert not [(f.evidence) for f in doc._.pl_findings if f.code == "HYG003"]


def test_hygiene_check_text_report_has_hyg003(check_text):
    report = check_text(
        "Gaddafi's son speaks\n\nMuammar Gaddafi ruled Libya for four decades before the uprising began. "
        "Qaddafi was killed in October 2011 near Sirte, and his son now seeks office, officials said."
    )
    assert "HYG003" in [f.code for f in report.findings]
    assert all(f.name == "inconsistent-spelling" for f in report.findings if f.code == "HYG003")


ARTICLE = "Iraqi forces retake district near Mosul\n\n" + " ".join(
    [
        "Iraqi troops backed by the Popular Mobilization Forces (PMF) pushed into a district east of Mosul on "
        "Tuesday, the Joint Operations Command said in a statement. Brig. Gen. Yahya Rasool, a spokesman for "
        "the command, told reporters that fighting had been heavy. Residents of Erbil and Kirkuk reported "
        "convoys moving north overnight, and the governor of Nineveh said aid would follow. Prime Minister "
        "Mustafa al-Kadhimi visited troops in Baghdad and praised the PMF. The United Nations said thousands "
        "had fled toward Duhok and Zakho, while the International Committee of the Red Cross (ICRC) asked for "
        "safe corridors. Turkish officials in Ankara called for restraint."
    ]
    * 4
)


def test_hygiene_and_entities_speed(nlp):
    """Entities + hygiene cost per ~400-word article (one-time loads excluded); reported, loosely bounded."""
    from presslint.analyzers.entities import find_entities
    from presslint.ingest import from_text
    from presslint.nlp import prepare_doc

    article = from_text(ARTICLE, date="2021-03-01")
    doc = nlp(prepare_doc(nlp, article, dt.date(2021, 3, 1)))
    assert 350 <= len(ARTICLE.split()) <= 500
    runs = 20
    started = time.perf_counter()
    for _ in range(runs):
        entities, _roles = find_entities(doc)
        doc._.pl_entities = entities
        list(find_missing_metadata(doc))
        list(find_inconsistent_spellings(doc))
    per_doc = (time.perf_counter() - started) / runs
    print(f"\nentities+hygiene: {per_doc * 1000:.2f} ms per {len(ARTICLE.split())}-word article")
    assert per_doc < 0.05  # target ~5 ms; generous bound for a shared CI machine


@pytest.mark.parametrize(
    "text, second",
    [
        # a surname standing alone, which the model often tags as an organisation, spelled another way
        (
            "Judge Marguerite Abernathy told jurors the trial would last three weeks. Abernethy also rejected a defence "
            "request to exclude the recordings.",
            "Abernethy",
        ),
        (
            "Coach Stefan Lindqvist praised the squad on Sunday. Lindkvist said the team would travel on Tuesday.",
            "Lindkvist",
        ),
    ],
)
def test_hygiene_inconsistent_spelling_lone_surname_fires(parse, text, second):
    findings = [f for f in parse(text)._.pl_findings if f.code == "HYG003"]
    assert findings and findings[0].evidence["second"] == second, [
        (e.span.text, e.label) for e in parse(text)._.pl_entities
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Judge Marguerite Abernathy told jurors the trial would last three weeks. Abernathy also rejected a request.",
        "Coach Stefan Lindqvist praised the squad. Lindt, the chocolate maker, sponsors the club.",
    ],
)
def test_hygiene_inconsistent_spelling_lone_surname_quiet(parse, text):
    assert not [f for f in parse(text)._.pl_findings if f.code == "HYG003"], text


# A byline that closes the text instead of opening it.
END_BYLINES = [
    "Written by Jane Roe",
    "By Jane Roe; editing by Tom Poe",
    "(Reporting by Ana Souza in Lisbon; Editing by Mark Hale)",
    "Words by Kwame Mensah. Photographs by Lena Ito.",
    "Additional reporting by Sofia Rossi",
    # the writer named as web pages end a story: a staff bio, a sign-off, a contact line
    "Ines Duarte is a staff reporter for the Harbour Gazette.",
    "Tomas Berg covers city hall for the Gazette. Follow him on X.",
    "— Priya Nair, Associated Press",
    "Contact Lena Ito at lito@gazette.example.",
]


@pytest.mark.parametrize("closing", END_BYLINES)
def test_hygiene_byline_at_the_end_counts(nlp, closing):
    doc = _doc(nlp, "Budget talks stall\n\n" + BODY + "\n\n" + closing, date="2021-03-01")
    assert "HYG001" not in _codes(doc)


@pytest.mark.parametrize(
    "closing",
    [
        "The water was pumped out by the fire brigade.",  # 'by' mid-sentence, not a byline
        "Edited by the news desk",  # no person
        "Contact the newsroom at news@example.org",
        # a source's last words or description, not the writer's
        "Ines Duarte is a nurse at the county hospital.",
        '"We will rebuild," said Ines Duarte.',
    ],
)
def test_hygiene_no_byline_at_the_end_still_fires(nlp, closing):
    doc = _doc(nlp, "Budget talks stall\n\n" + BODY + "\n\n" + closing, date="2021-03-01")
    assert "HYG001" in _codes(doc)


# One spelling pair, however many times each spelling occurs, is one finding with every place in ``related``.
def test_hygiene_inconsistent_spelling_once_per_pair(parse):
    text = (
        "Muammar Gaddafi ruled Libya for decades. Qaddafi was killed in 2011. Gaddafi's son fled abroad. "
        "Qaddafi's body was shown on television. Gaddafi had ruled since 1969."
    )
    doc = parse(text)
    findings = [f for f in doc._.pl_findings if f.code == "HYG003"]
    assert len(findings) == 1
    places = sorted([findings[0].span, *findings[0].related], key=lambda s: s.start)
    assert [p.text.removesuffix("'s") for p in places] == [
        "Muammar Gaddafi",
        "Qaddafi",
        "Gaddafi",
        "Qaddafi",
        "Gaddafi",
    ] or len(places) == 5


def test_hygiene_same_variation_in_full_name_and_surname_is_one_finding(parse):
    text = (
        "President Volodymyr Zelensky met troops near the front. Zelenskyy said the line held. Zelensky later left "
        "for Kyiv. Zelenskyy's office confirmed the visit."
    )
    findings = [f for f in parse(text)._.pl_findings if f.code == "HYG003"]
    assert len(findings) == 1
    assert len([findings[0].span, *findings[0].related]) == 4


def test_hygiene_two_different_variations_are_two_findings(parse):
    text = (
        "Muammar Gaddafi ruled Libya for decades. Qaddafi was killed in 2011. Forces loyal to Khalifa Haftar "
        "advanced on Tripoli. Khalifa Hifter later denied the reports."
    )
    findings = [f for f in parse(text)._.pl_findings if f.code == "HYG003"]
    assert {(f.evidence["first"], f.evidence["second"]) for f in findings} == {
        ("Muammar Gaddafi", "Qaddafi"),
        ("Khalifa Haftar", "Khalifa Hifter"),
    }


def test_hygiene_inconsistent_spelling_fires_across_a_clause_not_a_list(parse):
    doc = parse("Forces loyal to Khalifa Haftar advanced on Tripoli, and Khalifa Hifter later denied it.")
    assert [f.evidence["second"] for f in doc._.pl_findings if f.code == "HYG003"] == ["Khalifa Hifter"]


@pytest.mark.parametrize(
    ("first", "second", "variant"),
    [
        ("Swift", "T-Swift", False),  # a nickname built on the surname
        ("Rodriguez", "A-Rod", False),
        ("Erdogan", "Recep Tayyip Erdoğan", True),  # the surname spelled with its diacritic: a variant
        ("Zelensky", "Volodymyr Zelenskyy", True),
    ],
)
def test_hygiene_spelling_variant_hyphenated_nickname(first, second, variant):
    from presslint.analyzers.entities import match_key
    from presslint.analyzers.hygiene import _Form, spelling_variant
    from presslint.model import Entity, Span

    def form(name: str) -> _Form:
        return _Form(name, match_key(name).split(), "PERSON", Entity(Span(0, len(name), name), "PERSON", name, "ner"))

    assert (spelling_variant(form(first), form(second)) is not None) is variant
