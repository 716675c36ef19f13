"""The genre check: news, opinion (op-ed, column, editorial, letter, review) or analysis, from structure only.

Articles written for the project: pieces headed by a label, signed with an author's bio, carrying a disclaimer,
readers' letters, columns in the writer's first person; and near misses that are news (a news story quoting an
op-ed, one first-person quotation, 'analysis' as a word, a reporter's bio, a source described in the last line, an
interview transcript).
"""

from __future__ import annotations

import pytest

from presslint.analyzers.genre import detect_genre

pytestmark = pytest.mark.model

OPED_BODY = (
    "The council wants to close two branches to save $2 million a year. I think that is a false economy.\n\n"
    "I have taken my children to the Elm Street branch every Saturday for a decade. I believe the town would be "
    "poorer without it, and so would you.\n\n"
    "The budget office says the savings would pay for road repair. My view is that roads and books are not rivals.\n\n"
    "I would rather pay a little more in tax than lose the one place where nobody asks us to buy anything."
)
BIO = "Jane Roe is a professor of history at Central State University and the author of a book on public libraries."

OPINION = [
    # a label heading the headline or the body
    ("Opinion: Keep the libraries open", "The council plans to close two branches.", "opinion", None),
    ("Op-Ed: Our roads need more than patches", "The state plans to resurface 40 miles.", "opinion", "op-ed"),
    (
        "Editorial: The mayor owes the city an answer",
        "The mayor has not said why the audit was shelved.",
        "opinion",
        "editorial",
    ),
    ("Letter: Parking fees hurt small shops", "The new fees drive shoppers to the mall.", "opinion", "letter"),
    ("Review: A tense, muddled thriller", "The film opens in a rain-soaked port.", "opinion", "review"),
    ("Analysis: Why the rate rise came late", "The central bank waited three months.", "analysis", None),
    ("Column: Notes from the school board", "The board met on Tuesday for four hours.", "opinion", "column"),
    (
        "Did the council get it wrong?",
        "LETTERS.\n\nThe council closed two branches. It got it wrong.\n\nDon Grath.",
        "opinion",
        "letter",
    ),
    ("The rate rise came late", "News analysis\n\nThe central bank waited three months to act.", "analysis", None),
    # satire labelled as such, on its own line or heading the headline
    (
        "Area man declares lawn 'basically a meadow'",
        "SATIRE\n\nSources close to the man confirmed he had not mowed since April.",
        "opinion",
        "satire",
    ),
    ("Satire: Council votes to rename Monday", "Experts said the move was overdue.", "opinion", "satire"),
    # a disclaimer
    (
        "Why the bridge must wait",
        "The state plans a new bridge.\n\nThe views expressed here are the author's own.",
        "opinion",
        None,
    ),
    # no label: an author's bio with the writer's first person; letters signed one after another
    ("Keep the libraries open", OPED_BODY + "\n\n" + BIO, "opinion", "op-ed"),
    (
        "Should the town pay for the new pool?",
        "The town has spent enough on the park. I say no.\n\nAnn Lee.\n\nA pool would keep my kids busy all "
        "summer. I say yes.\n\nTom Poe.\n\nThe council should ask us first.\n\nRita Gomez.",
        "opinion",
        "letter",
    ),
    # no label: sustained first person with opinion verbs and the reader addressed
    ("Keep the libraries open", OPED_BODY, "opinion", "column"),
    # no label, no first person: the contributors' bios closing the piece
    (
        "The port deal is flawed",
        "The port authority has agreed to lease its docks for 99 years. The deal is flawed and should be redone.\n\n"
        "Leases this long leave the city with no say over what the docks become.\n\nMr. Phillips is director of "
        "the Program on Urban Ports at Central State University.",
        "opinion",
        "op-ed",
    ),
    (
        "Cable news needs more women",
        "Women made up a fifth of the commentators on cable news last month.\n\nViewers deserve a better balance."
        "\n\nAnn Lee is founder of a media watchdog. Rita Gomez is president of the Women's Press Club.",
        "opinion",
        "op-ed",
    ),
]


@pytest.mark.parametrize("title, body, kind, form", OPINION)
def test_genre_reads_labelled_and_signed_opinion(parse, title, body, kind, form):
    genre = detect_genre(parse(body, title=title))
    assert (genre.kind, genre.form) == (kind, form)
    assert genre.cues and all(c.note for c in genre.cues)


NEWS = [
    # a news story quoting an op-ed
    (
        "Columnist's attack on mayor draws reply",
        'In an op-ed published on Sunday, Jane Roe wrote: "I think the mayor has failed us. I believe you deserve '
        'better." The mayor\'s office said on Monday that the column was "full of errors."\n\nThe city council '
        "meets on Thursday.",
    ),
    # one first-person quotation in a news story
    (
        "Council closes two branches",
        'The council voted 5-2 on Tuesday to close two library branches. "I think this is a mistake," said council '
        "member Tom Poe.\n\nThe branches will close in March, officials said.",
    ),
    # 'analysis' as a word in news
    (
        "Lawsuits are a negotiating tool, records show",
        "Analysis of court records shows the company has been party to 3,500 lawsuits in 30 years.\n\nAn analysis "
        "by the newspaper found that most were settled.\n\nThe company did not respond to a request for comment.",
    ),
    # a reporter's bio at the end
    (
        "Storm closes roads",
        "Heavy rain closed 12 roads on Tuesday, the county said.\n\nCrews expect to reopen them by Friday.\n\n"
        "Jane Roe is a reporter for the Daily Courier who covers county government.",
    ),
    # a source described again in the last line
    (
        "Hospital wait times grow",
        "Wait times rose 20 percent this year, said Ann Lee, who studies health policy.\n\nThe hospital said it "
        "was hiring.\n\nLee is a professor of public health at Central State University.",
    ),
    # an interview transcript: the first person is the speaker's
    (
        "Five questions for the new fire chief",
        "The city's new fire chief, Ann Lee, started on Monday.\n\nQ: Why did you take the job?\n\nLee: I think "
        "the department needs a reset. I believe we can cut response times.\n\nQ: What comes first?\n\nLee: I want "
        "new trucks. I think you will see them by spring. My priority is staffing.",
    ),
    # a newsletter digest: section heads in capitals are no letters' signatures
    (
        "Tuesday's briefing: the budget vote",
        "TOP STORIES.\n\nThe council votes on the budget today, and you can watch it live.\n\nWHAT'S BREWING.\n\n"
        "The port deal goes to the state board on Friday.\n\nBEFORE YOU GO.\n\nA python was found in a mailbox.",
    ),
    # a news story quoting a first-person note at length, as a block after a colon, with no quotation marks
    (
        "Teen's note prompts calls for reform",
        "A 17-year-old was struck and killed on a highway near Dayton early on Sunday, police said.\n\nShe left a "
        "note online that her family has since confirmed. It read in part:\n\nIf you are reading this, I am gone. "
        "I think my parents never accepted me. I believe nothing will change unless you speak up.\n\nI want "
        "someone to read this and fix it. I hope you will.\n\nMy life should not be in vain. I ask you to "
        "remember me.\n\nA vigil is planned for Friday at the high school.",
    ),
    # an explainer with title-case subheads, which are no letters' signatures
    (
        "What saturated fat does to your heart",
        "You have been told that saturated fat is unhealthy.\n\nBottom Line\n\nStudies since 2010 give a more "
        "mixed picture, and you should read them with care.\n\nHeart Health\n\nA review of 21 studies found no "
        "clear link with heart disease.\n\nFinal Thoughts\n\nAsk your doctor before you change your diet.",
    ),
    # a feature's kicker about someone new: no bio
    (
        "Convention city gets ready",
        "The city expects 50,000 visitors next month, the tourism board said.\n\nHotels are nearly full.\n\nBut "
        "Carol Sanders, who works for a local brewery, is getting into the spirit with a special beer.",
    ),
    (
        "Old bakery turns 100",
        "The bakery on Main Street opened in 1924, city records show.\n\nIt still uses the original oven.\n\nTom "
        "Poe, who owns it now, is the third generation of his family to run it.",
    ),
    # short one-line sentences with a name in them are no letters' signatures
    (
        "Group may drop its endorsement",
        "The group said on Tuesday that it may drop its endorsement of the congressman. You can read its statement "
        "online.\n\nSeriously Kapos.\n\nThe group did not say when it would decide.\n\nSeriously Kapo.\n\nThe "
        "congressman's office did not respond.",
    ),
    # a wire story's last line of credits
    (
        "Flood closes bridge",
        "The river rose two metres overnight and closed the Main Street bridge, the county said.\n\nCrews were "
        "sandbagging the banks on Tuesday.\n\nContributing: Ann Lee and Tom Poe, the Daily Courier.",
    ),
    # satire as a subject of news is no label
    (
        "Comedian defends satire after complaints",
        "Satire has a long history in the country, the comedian told the tribunal on Tuesday.\n\nThe regulator "
        "will rule next month.",
    ),
    # the word 'review' and 'letter' in news
    (
        "Agency orders review of bridge contract",
        "The transport agency ordered a review of the bridge contract on Tuesday, according to a letter seen by "
        "the Courier.\n\nThe contractor said it welcomed the review.",
    ),
]


@pytest.mark.parametrize("title, body", NEWS)
def test_genre_news_near_misses_stay_news(parse, title, body):
    genre = detect_genre(parse(body, title=title))
    assert genre.kind == "news", genre.cues


def test_genre_page_metadata_says_opinion(nlp):
    from presslint.ingest import from_text
    from presslint.nlp import prepare_doc

    for meta, kind in (
        ({"page_types": ["OpinionNewsArticle"]}, "opinion"),
        ({"page_types": ["NewsArticle", "AnalysisNewsArticle"]}, "analysis"),
        ({"section": "Letters to the Editor"}, "opinion"),
        ({"section": "World"}, "news"),
    ):
        article = from_text("The council closed two branches on Tuesday.", title="Branches close", **meta)
        assert detect_genre(nlp(prepare_doc(nlp, article, None))).kind == kind, meta


# ------------------------------------------------------------------------------ what the report does with it
def _finding(code: str, text: str, word: str, **kw):
    from presslint.model import Finding, Span

    at = text.index(word)
    return Finding(code, "info", code, Span(at, at + len(word), word), **kw)


@pytest.mark.parametrize(
    ("code", "evidence", "learned", "hidden_in_opinion"),
    [
        ("SRC003", {}, False, True),  # one source: a column's source is its writer
        ("SRC005", {}, False, True),  # a guess written as reporting: the writer's argument
        ("HED002", {}, False, True),  # a question headline the column argues about
        ("HED005", {}, False, True),  # the headline quotes the columnist's own words
        ("LNG002", {"in_quote": False}, False, True),
        ("LNG013", {"in_quote": False}, False, True),
        ("LNG014", {"in_quote": False}, False, True),  # the writer's verdict is the column's point
        ("SRC006", {}, False, False),  # a figure with no source needs checking in any genre
        ("LNG012", {"technique": "Loaded_Language", "show_at": 0.7}, True, True),
        # what matters in any genre stays
        ("LNG001", {"in_quote": False}, False, False),  # name-calling
        ("LNG002", {"in_quote": False, "pattern": "insult-evaluation"}, False, False),  # an insult at a person
        ("LNG012", {"technique": "Name_Calling,Labeling", "show_at": 0.7}, True, False),
        ("SRC001", {}, False, False),
        ("SRC004", {}, False, False),
        ("NUM002", {}, False, False),
        ("CON001", {}, False, False),
        ("MTA002", {}, False, False),
        ("HYG003", {}, False, False),
    ],
)
def test_genre_opinion_hides_news_convention_findings(code, evidence, learned, hidden_in_opinion):
    from presslint.summary import hidden_note, mark_shown

    text = "The plan is the worst idea in years, and I think you know it."
    f = _finding(code, text, "worst", evidence=evidence, learned=learned, confidence=0.9)
    mark_shown([f], opinion=True)
    assert f.shown is not hidden_in_opinion
    if hidden_in_opinion:
        assert hidden_note([f]) == (
            "1 finding on news conventions in a piece that reads as opinion not shown (--all shows them; the JSON "
            "has them)"
        )
    mark_shown([f], opinion=False)
    assert f.shown


@pytest.mark.parametrize(
    ("code", "hidden_in_satire"),
    [
        ("SRC001", True),  # 'sources close to the nation's dads': invented
        ("SRC002", True),  # 'experts said': invented
        ("SRC004", True),
        ("SRC006", True),
        ("NUM001", False),  # numbers, broken text and name-calling are told as anywhere
        ("MTA002", False),
        ("LNG001", False),
        ("HYG001", False),
    ],
)
def test_genre_satire_hides_its_invented_sources(code, hidden_in_satire):
    from presslint.summary import hidden_note, mark_shown

    text = "Sources close to the nation's dads confirmed the thermostat would stay at 68."
    f = _finding(code, text, "Sources", evidence={"in_quote": False}, confidence=0.9)
    mark_shown([f], satire=True)
    assert f.shown is not hidden_in_satire
    if hidden_in_satire:
        assert hidden_note([f]).startswith("1 finding on the invented sources and claims of a piece labelled satire")
    mark_shown([f], satire=False)
    assert f.shown


OPED = "Keep the libraries open\n\n" + OPED_BODY + "\n\n" + BIO


def test_genre_report_says_opinion_in_one_line(check_text):
    from presslint.report.html import render_html
    from presslint.report.text import render_text

    report = check_text(OPED)
    assert report.genre[0].kind == "opinion"
    line = report.summary.genre
    assert line.startswith("opinion (op-ed): ") and "bio" in line and "\n" not in line
    assert f"reads as        {line}" in render_text(report)
    assert "<dt>Reads as</dt><dd>opinion (op-ed): " in render_html(report)
    data = report.to_dict()
    assert data["genre"][0]["kind"] == "opinion" and data["summary"]["genre"] == line
    assert not any(f.code == "HYG001" for f in report.findings)  # signed by its bio


def test_genre_news_report_has_no_genre_line(check_text):
    from presslint.report.text import render_text

    report = check_text(
        "Council closes two branches\n\nThe council voted 5-2 on Tuesday to close two library branches. "
        '"I think this is a mistake," said council member Tom Poe.'
    )
    assert report.genre[0].kind == "news" and report.summary.genre is None
    assert "reads as" not in render_text(report)


def test_genre_html_page_type_read_from_markup():
    from presslint.ingest.html import page_genre

    page = (
        '<html><head><meta property="article:section" content="Opinion">'
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "OpinionNewsArticle"}'
        "</script></head><body></body></html>"
    )
    assert page_genre(page) == {"page_types": ["OpinionNewsArticle"], "section": "Opinion"}
    listed = '<script type="application/ld+json">{"@type": ["NewsArticle", "AnalysisNewsArticle"]}</script>'
    assert page_genre(listed) == {"page_types": ["NewsArticle", "AnalysisNewsArticle"]}
    assert page_genre("<html><head><title>Budget passes</title></head></html>") == {}


LETTER_BODY = (
    "I read with dismay your report that the county will close two library branches.\n\n"
    "I have used the Westfield branch every week for thirty years, and so have my neighbours.\n\n"
    "I would ask the commissioners to look at other savings before they vote."
)


@pytest.mark.parametrize(
    "title, closing",
    [
        # one letter or column, labelled, signed at its end: a name, maybe a place on the next line or after a comma
        ("Letters to the Editor: The library cuts are a false economy", "Margaret Ochieng-Walsh\nWestfield"),
        ("Letter: Keep the branches open", "Ann Lee, Tulsa"),
        ("Letter: Keep the branches open", "— Priya Raman, Leeds"),
        ("Opinion: The county can find the money elsewhere", "Rafael Ibarra-Soto, Tucson"),
        ("Column: Notes from the library", "Kwame Asante-Boateng\nBrookfield"),
    ],
)
def test_genre_labelled_piece_signed_at_its_end_has_an_author(check_text, title, closing):
    report = check_text(title + "\n\n" + LETTER_BODY + "\n\n" + closing)
    assert report.genre[0].kind == "opinion"
    assert any(c.cue == "signatures" for c in report.genre[0].cues)
    assert not any(f.code == "HYG001" for f in report.findings)


@pytest.mark.parametrize(
    "title, closing",
    [
        # the label alone, with no name at the end, names no author
        ("Letters to the Editor: The library cuts are a false economy", "Thank you for printing this."),
        ("Letter: Keep the branches open", "The vote is on March 4."),
        # a news story ending with a name line is not signed: no label says whose words they are
        ("County to close two library branches", "Margaret Ochieng-Walsh\nWestfield"),
    ],
)
def test_genre_unsigned_or_unlabelled_piece_still_has_no_author(check_text, title, closing):
    report = check_text(title + "\n\n" + LETTER_BODY.replace("I ", "Residents ") + "\n\n" + closing)
    assert any(f.code == "HYG001" for f in report.findings)
