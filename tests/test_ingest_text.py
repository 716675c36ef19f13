"""Plain text to Article: normalisation, headline detection and language identification."""

from __future__ import annotations

import pytest

from presslint.ingest import from_text, language, normalise
from presslint.ingest.text import looks_like_title

ENGLISH = (
    "Flood defences hold as river peaks\n\n"
    "The river rose to its highest level in a decade on Sunday, but the new flood barriers held and no homes were "
    "flooded, the environment agency said. Engineers had worked through the night to close the last gaps in the wall, "
    "and residents who had been told to leave their homes were allowed to return by the evening."
)
FRENCH = (
    "Le gouvernement a annoncé mardi une hausse du salaire minimum de deux pour cent à partir du mois de janvier. "
    "Les syndicats estiment que cette mesure reste insuffisante face à l'inflation, tandis que le patronat dénonce "
    "une charge supplémentaire pour les petites entreprises."
)
GERMAN = (
    "Die Bundesregierung hat am Mittwoch ein neues Gesetz zum Ausbau der Windenergie beschlossen. Nach Angaben des "
    "Wirtschaftsministeriums sollen die Genehmigungsverfahren deutlich schneller werden, während Umweltverbände vor "
    "den Folgen für den Artenschutz warnen."
)
SPANISH = (
    "El ayuntamiento aprobó el jueves un plan para reducir el tráfico en el centro de la ciudad durante los fines de "
    "semana. Los comerciantes temen que la medida afecte a las ventas, mientras que las asociaciones de vecinos la "
    "consideran necesaria para mejorar la calidad del aire."
)
ARABIC = (
    "أعلنت وزارة الصحة يوم الأحد عن افتتاح مستشفى جديد في المدينة يضم أكثر من مئتي سرير، وقال مسؤولون إن المستشفى "
    "سيخدم سكان القرى المجاورة الذين كانوا يسافرون لساعات طويلة للحصول على العلاج."
)


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("Headline\r\n\r\n\r\n\r\nBody  text\there.", "Headline\n\nBody text here."),
        ("\ufeffA\u00a0B\u200b C", "A B C"),
        ("cafe\u0301 au lait", "caf\u00e9 au lait"),  # NFC
        ("line one\u2028line two", "line one\nline two"),
        ("soft\u00adhyphen and\x07 bell", "softhyphen and bell"),
        ("  trailing   \n\n\n   lead", "trailing\n\nlead"),
        ("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",) * 2,  # Persian ZWNJ is kept
    ],
)
def test_ingest_normalise_cleans_whitespace_and_invisibles(raw, expected):
    assert normalise(raw) == expected


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Minister resigns after expenses row", True),
        ("Will the bridge reopen before winter?", True),
        ("The minister resigned on Tuesday after a row over expenses.", False),
        ("", False),
        (" ".join(["word"] * 30), False),
        ("港口罢工十天后结束", True),
        (
            "该市主要集装箱港口的码头工人在持续十天的薪资罢工后于周四恢复工作，工会表示会员以压倒性多数投票接受了方案",
            False,
        ),
        ("港口罢工结束。", False),
    ],
)
def test_ingest_text_looks_like_title(line, expected):
    assert looks_like_title(line) is expected


def test_ingest_text_first_line_becomes_title_with_span():
    article = from_text("Bus fares frozen for another year\n\nThe transport authority said fares would not rise.")
    assert article.title == "Bus fares frozen for another year"
    assert article.text[slice(*article.title_span)] == article.title
    assert article.text[article.body_start :].startswith("The transport authority")


def test_ingest_text_no_title_when_first_line_is_a_sentence():
    article = from_text("The transport authority said on Monday that fares would not rise.\nMore follows.")
    assert article.title is None and article.title_span is None and article.body_start == 0


def test_ingest_text_given_title_is_prepended_once():
    article = from_text("Fares will not rise, the authority said.", title="Fares  frozen", date="2024-01-02", desk="x")
    assert article.text == "Fares frozen\n\nFares will not rise, the authority said."
    assert article.title_span == (0, 12) and article.date == "2024-01-02" and article.meta == {"desk": "x"}
    again = from_text(article.text, title="Fares frozen")
    assert again.text == article.text


BODY = "\n\nDock workers at the city's main container port returned to work on Thursday, the union said."


@pytest.mark.parametrize(
    "head, title, meta",
    [
        # a kicker above the headline is a label, not the headline
        (
            "Hamas\n\u201cThe truce is over,\u201d spokesman says as strikes resume",
            "\u201cThe truce is over,\u201d spokesman says as strikes resume",
            {"kicker": "Hamas"},
        ),
        ("EXCLUSIVE\nPort workers end ten-day strike", "Port workers end ten-day strike", {"kicker": "EXCLUSIVE"}),
        (
            "Analysis:\nWhy the port strike ended so suddenly",
            "Why the port strike ended so suddenly",
            {"kicker": "Analysis"},
        ),
        # a headline wrapped over two lines is one headline
        (
            "Port workers end ten-day strike after union\nand employers agree on a new pay deal",
            "Port workers end ten-day strike after union and employers agree on a new pay deal",
            {},
        ),
        (
            "Ministers to cut fuel duty by five pence as prices hit a\nrecord high for the third month running",
            "Ministers to cut fuel duty by five pence as prices hit a record high for the third month running",
            {},
        ),
        (
            "Flood barriers hold on the Severn,\nbut villages downstream brace for more rain",
            "Flood barriers hold on the Severn, but villages downstream brace for more rain",
            {},
        ),
        # title + standfirst: the title is the whole first line, the standfirst is recorded and opens the body
        (
            "Strike over: \u2018We got what we asked for\u2019\nDock workers accept a deal after ten days on the picket line",
            "Strike over: \u2018We got what we asked for\u2019",
            {"standfirst": "Dock workers accept a deal after ten days on the picket line"},
        ),
        (
            "Port strike ends after ten days\nUnion says the deal gives workers 9 percent more over two years.",
            "Port strike ends after ten days",
            {"standfirst": "Union says the deal gives workers 9 percent more over two years."},
        ),
        (
            "World\nWill the bridge reopen before winter?\nEngineers say repairs could take until March.",
            "Will the bridge reopen before winter?",
            {"kicker": "World", "standfirst": "Engineers say repairs could take until March."},
        ),
    ],
)
def test_ingest_text_two_line_headline_is_one_headline(head, title, meta):
    article = from_text(head + BODY)
    assert article.title == title
    assert article.text[slice(*article.title_span)] == title
    assert article.meta == meta
    body = article.text[article.body_start :]
    assert body.endswith("returned to work on Thursday, the union said.")
    if "standfirst" in meta:
        assert body.startswith(meta["standfirst"])
    else:
        assert body.startswith("Dock workers at the city's")


@pytest.mark.parametrize(
    "text, title",
    [
        # a one-line headline and single-newline texts keep today's reading
        ("Port strike ends after ten days" + BODY, "Port strike ends after ten days"),
        (
            "Port strike ends\nDock workers returned to work on Thursday.\nThe union said the deal was fair.",
            "Port strike ends",
        ),
        # a first paragraph of two sentences is not a headline block
        ("The port reopened on Thursday.\nShips queued outside the harbour." + BODY, None),
    ],
)
def test_ingest_text_other_first_lines_keep_their_reading(text, title):
    article = from_text(text)
    assert article.title == title and "kicker" not in article.meta and "standfirst" not in article.meta


LEAD = "The council voted on Tuesday to close the old library.\n\nThe building will be sold next year."


@pytest.mark.parametrize(
    "head, date",
    [
        # a line of the head that is only a date, in the forms newsrooms print
        ("Library to close\n\nBy Marcus Hale\n\nMarch 4, 2025\n\n", "2025-03-04"),
        ("Library to close\nTuesday, 4 March 2025\n\n", "2025-03-04"),
        ("Library to close\n\nPublished: Mar. 4, 2025 at 10:32 a.m. ET\n\n", "2025-03-04"),
        ("Library to close\n\nBy Ann Lee | Sept. 30th, 2024\n\n", "2024-09-30"),
        ("Library to close\n\n2025-03-04\n\n", "2025-03-04"),
        # a dateline: the place the story was filed from, then the date
        ("Library to close\n\nIstanbul, Oct. 3, 2025\n\n", "2025-10-03"),
        ("Library to close\n\nBy Marcus Hale\nNEW YORK, 4 March 2025\n\n", "2025-03-04"),
        ("Library to close\n\nSt. Louis, Tuesday, March 4, 2025\n\n", "2025-03-04"),
        # a city with its country, region or state before the date
        ("Library to close\n\nBy Ana Ruiz and Omar Haddad\nValencia, Spain, Oct. 19, 2025\n\n", "2025-10-19"),
        ("Library to close\n\nWashington, D.C., March 4, 2025\n\n", "2025-03-04"),
        ("Library to close\n\nKYIV, Ukraine, 4 March 2025\n\n", "2025-03-04"),
        # the first publication wins over a later update, whatever the order
        ("Library to close\n\nUpdated 9:15 AM EST, Wed March 5, 2025\nPublished March 4, 2025\n\n", "2025-03-04"),
    ],
)
def test_ingest_text_date_line_in_the_head_is_the_publication_date(head, date):
    article = from_text(head + LEAD)
    assert article.date == date and article.meta["date_from"] == "text"
    assert article.title == "Library to close" and "standfirst" not in article.meta


@pytest.mark.parametrize(
    "head",
    [
        # a sentence that mentions a date is not a date line
        "Library to close\n\nThe vote was held on March 4, 2025.\n\n",
        "Library to close\n\nThe board met in Paris, March 4, 2025\n\n",
        "Library to close\n\nThe board met in Paris, France, March 4, 2025\n\n",
        "Library to close\n\nLee, Park and Cho met on Friday, Oct. 3, 2025\n\n",
        "Library to close\n\nMayor Ann Lee said on Friday, March 4, 2025, that it would close\n\n",
        # a place and a month, no day
        "Library to close\n\nIstanbul, October 2025\n\n",
        # a month and year, or a numeric date whose order depends on the country, name no day for certain
        "Library to close\n\nMarch 2025\n\n",
        "Library to close\n\n03/04/2025\n\n",
        # no such day
        "Library to close\n\nFebruary 30, 2025\n\n",
        # a date line far down the article is no part of its head
        "Library to close\n\n" + "A paragraph of the story.\n\n" * 8 + "March 4, 2025\n\n",
    ],
)
def test_ingest_text_no_date_line_no_date(head):
    article = from_text(head + LEAD)
    assert article.date is None and "date_from" not in article.meta


def test_ingest_text_given_date_wins_over_the_date_line():
    article = from_text("Library to close\n\nMarch 4, 2025\n\n" + LEAD, date="2025-03-05")
    assert article.date == "2025-03-05" and "date_from" not in article.meta


@pytest.mark.parametrize(
    "text, code",
    [(ENGLISH, "en"), (FRENCH, "fr"), (GERMAN, "de"), (SPANISH, "es"), (ARABIC, "ar")],
)
def test_ingest_language_identifies_common_languages(text, code):
    assert language.identify(text) == code


def test_ingest_language_english_fast_path_does_not_load_langid():
    language._identifier.cache_clear()
    assert language.identify(ENGLISH) == "en"
    assert language._identifier.cache_info().currsize == 0


def test_ingest_language_short_text_is_left_unknown():
    assert language.identify("Breaking") is None


@pytest.mark.parametrize(
    "code, name", [("fr", "French"), ("ar", "Arabic"), ("fa", "Persian"), ("zz", "zz"), (None, "an unknown language")]
)
def test_ingest_language_names(code, name):
    assert language.language_name(code) == name


EN_PART = (
    "The health ministry said on Sunday that the new hospital would open next month. Officials told reporters that "
    "the building had cost 40 million dollars and would have more than two hundred beds."
)
AR_PART = "قالت وزارة الصحة يوم الأحد إن المستشفى الجديد سيفتتح الشهر المقبل وإن تكلفة المبنى بلغت أربعين مليون دولار."
ONE_EN = "Officials told reporters that the hospital would open next month."
ZH_PART = "卫生部周日表示，新医院将于下个月开业，官员告诉记者，这座建筑耗资四千万美元，将设有两百多张病床。"


@pytest.mark.parametrize(
    "text, code",
    [
        # English with Arabic and Chinese passages: the English sentences are what the analyzers read
        (f"{EN_PART} {AR_PART} {ZH_PART}", "en"),
        (f"{AR_PART}\n{EN_PART}\n{ZH_PART}", "en"),
        (f"{ZH_PART}\n{AR_PART}\n{AR_PART}\n{EN_PART}", "en"),
        # an Arabic or Chinese article quoting a line of English is that language, never a dialect guess
        (f"{ONE_EN}\n{AR_PART}\n{AR_PART}\n{ZH_PART}", "ar"),  # the whole mixture reads as 'ary' to langid
        (f"{AR_PART} {AR_PART} {AR_PART} {AR_PART} Officials said the hospital would open.", "ar"),
        (f"{ZH_PART}{ZH_PART}{ZH_PART}{ZH_PART} {AR_PART}", "zh"),  # the mixture reads as 'wuu' (Wu Chinese)
        # no script holds most of the text and none is English enough: unknown (analysed as English), not 'ary'
        (f"{ONE_EN} {AR_PART} {ZH_PART}", None),
    ],
)
def test_ingest_language_mixed_scripts_are_read_script_by_script(text, code):
    assert language.identify(text) == code


def test_ingest_language_script_parts_group_words():
    parts = language.script_parts(f"Officials said {AR_PART[:20]} 卫生部")
    assert parts["LATIN"] == ["Officials", "said"] and parts["CJK"] == ["卫生部"] and parts["ARABIC"]
