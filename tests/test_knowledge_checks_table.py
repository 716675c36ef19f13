"""Knowledge checks (KB002-KB007) as tables of sentences written for the project, against a small world of its own:
events found through the people they involve, a mission placed through its location (P276) or a dated country,
'<X>-led' and '<X>-based' before a mission, an office given to someone Wikidata never records in it, places and
their countries. Each row says what must fire (code, span, message, evidence) or that nothing may, so a changed
comparison, property or date fails a row. Fake QIDs are above Q900000200; the facts are general knowledge."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from kb_factory import (
    CITY,
    ENGLISH,
    LATIN,
    POSITION,
    US,
    build_store,
    city,
    claim,
    countries,
    country,
    item,
    languages,
    person,
)

LEBANON, SYRIA, ISRAEL, GERMANY, CYPRUS = "Q900000201", "Q900000202", "Q900000203", "Q900000206", "Q900000209"
UN, UNIFIL, NAQOURA = "Q900000212", "Q900000210", "Q900000211"
RABIN, RABIN_KILLED, KING, KING_KILLED = "Q900000221", "Q900000220", "Q900000226", "Q900000227"
CHANCELLOR, MERKEL, SCHOLZ, MERZ = "Q900000230", "Q900000231", "Q900000232", "Q900000234"
BORDER_MISSION, MISSING_COUNTRY, GERMAN, SUEZ = "Q900000240", "Q900000299", "Q900000250", "Q900000267"


def world(*, rabin_event_participants: bool = True) -> list[dict]:
    rabin_claims = [claim("P585", "1995-11-04")] + ([claim("P710", RABIN)] if rabin_event_participants else [])
    return [
        *countries(),
        *languages(),
        country(LEBANON, "Lebanon"),
        country(SYRIA, "Syria"),
        country(ISRAEL, "Israel"),
        item(GERMANY, "Germany", claims=[claim("P31", "Q6256"), claim("P37", GERMAN)], sitelinks=200),
        item(GERMAN, "German", claims=[claim("P282", LATIN)]),
        country(CYPRUS, "Cyprus"),
        city(NAQOURA, "Naqoura", LEBANON),
        item(UN, "United Nations", aliases=("UN",), claims=[claim("P1813", "UN"), claim("P571", "1945-10-24")]),
        item(
            UNIFIL,
            "United Nations Interim Force in Lebanon",
            aliases=("UNIFIL",),
            description="UN peacekeeping mission",
            claims=[
                claim("P1813", "UNIFIL"),
                claim("P276", NAQOURA),
                claim("P749", UN),
                # an organisation: its start is an inception (P571), whatever else Wikidata dates
                claim("P571", "1978-03-19"),
                claim("P580", "1978-03-19"),
            ],
            sitelinks=40,
        ),
        # A mission that moved: its country (P17) is dated, and the article's date decides which one counts.
        item(
            BORDER_MISSION,
            "Joint Border Monitoring Mission",
            aliases=("JBMM",),
            description="monitoring mission",
            claims=[
                claim("P1813", "JBMM"),
                claim("P17", SYRIA, P580="2005-01-01", P582="2012-06-30"),
                claim("P17", LEBANON, P580="2012-06-30"),
            ],
        ),
        # A mission in two countries, one of which the store has no record of: that one is named by its QID.
        item(
            "Q900000241",
            "Coastal Observer Mission",
            aliases=("COM",),
            description="observer mission",
            claims=[claim("P1813", "COM"), claim("P17", MISSING_COUNTRY), claim("P17", LEBANON)],
        ),
        person(RABIN, "Yitzhak Rabin", died="1995-11-04", sitelinks=120),
        item(RABIN_KILLED, "Assassination of Yitzhak Rabin", claims=rabin_claims, sitelinks=40),
        person(KING, "Martin Luther King Jr.", died="1968-04-04", citizenship=US, sitelinks=150),
        item(
            KING_KILLED,
            "Assassination of Martin Luther King",
            claims=[claim("P585", "1968-04-04"), claim("P710", KING)],
            sitelinks=40,
        ),
        item(CHANCELLOR, "Chancellor of Germany", claims=[claim("P31", POSITION), claim("P1001", GERMANY)]),
        person(
            MERKEL,
            "Angela Merkel",
            claim("P39", CHANCELLOR, P580="2005-11-22", P582="2021-12-08"),
            citizenship=GERMANY,
            sitelinks=150,
        ),
        person(SCHOLZ, "Olaf Scholz", claim("P39", CHANCELLOR, P580="2021-12-08"), sitelinks=120),
        person(MERZ, "Friedrich Merz", citizenship=GERMANY, sitelinks=90),
        # an event the parser tags by its own name, and a person whose alias is also an acronym
        item(SUEZ, "Suez Crisis", claims=[claim("P580", "1956-10-29"), claim("P582", "1956-11-07")], sitelinks=100),
        person("Q900000266", "Alexandria Ocasio-Cortez", aliases=("AOC",), citizenship=US, sitelinks=150),
        item("Q900000251", "Beirut", claims=[claim("P31", CITY), claim("P17", LEBANON)], sitelinks=90),
    ]


@pytest.fixture(scope="module")
def checker():
    from presslint.knowledge.checks import KnowledgeChecker

    return KnowledgeChecker(build_store(world()))


def _found(checker, parse, text: str, date: str = "2021-06-01") -> list[tuple]:
    return [
        (f.code, f.span.text, f.message, [r.text for r in f.related], f.confidence, f.evidence)
        for f in checker.check(parse(text, date=date))
    ]


# --------------------------------------------------------------------------- KB003: events through their people

RABIN_AFTER = "which Wikidata dates 1995-11-04 (P585, Q900000220)"


@pytest.mark.parametrize(
    ("text", "span", "connector"),
    [
        ("Parliament passed the law in March 1994, after the assassination of Yitzhak Rabin.", "March 1994", "after"),
        ("Elections were held in 1994 following the assassination of Yitzhak Rabin.", "1994", "following"),
        ("The treaty was signed in 1979, in response to the assassination of Yitzhak Rabin.", "1979", "in"),
        ("The coalition collapsed in 1991, in the wake of the assassination of Yitzhak Rabin.", "1991", "in"),
    ],
)
def test_knowledge_checks_table_event_followed_before_it_happened(checker, parse, text, span, connector):
    ((code, got_span, message, related, confidence, evidence),) = _found(checker, parse, text)
    assert (code, got_span, related, confidence) == ("KB003", span, ["assassination"], 0.85)
    assert message == f"'{span}' is given for something that followed Assassination of Yitzhak Rabin, {RABIN_AFTER}"
    assert evidence["event"] == RABIN_KILLED and evidence["event_label"] == "Assassination of Yitzhak Rabin"
    assert (evidence["property"], evidence["event_date"], evidence["connector"]) == ("P585", "1995-11-04", connector)


@pytest.mark.parametrize(
    "text",
    [
        # the same year, or after the event: nothing wrong
        "Parliament passed the law in 1995, after the assassination of Yitzhak Rabin.",
        "Parliament passed the law in 1996, after the assassination of Yitzhak Rabin.",
        "The assassination of Yitzhak Rabin in 1995 shocked the country.",
        "The assassination of Yitzhak Rabin on 4 November 1995 shocked the country.",
        # an event of another kind: the assassination is not an election
        "The election of Yitzhak Rabin in 1992 surprised the pollsters.",
        # the followed event carries its own (right) date: the main date is for the date checks, not KB003
        "The law was passed in 1994, after the 1995 assassination of Yitzhak Rabin.",
    ],
)
def test_knowledge_checks_table_event_dates_that_fit(checker, parse, text):
    assert [f for f in _found(checker, parse, text) if f[0] == "KB003"] == []


@pytest.mark.parametrize(
    ("text", "span", "event", "label", "date"),
    [
        ("The assassination of Yitzhak Rabin in 1996 shocked the country.", "1996", RABIN_KILLED, "Yitzhak Rabin", ""),
        ("The assassination of Yitzhak Rabin in 1994 shocked the country.", "1994", RABIN_KILLED, "Yitzhak Rabin", ""),
        # 'the <date> <event>': the date the event carries is checked, the main clause's date is not
        (
            "The law was passed in 1996, after the 1993 assassination of Yitzhak Rabin.",
            "1993",
            RABIN_KILLED,
            "Yitzhak Rabin",
            "",
        ),
        (
            "The assassination of Martin Luther King Jr. in 1969 shocked the country.",
            "1969",
            KING_KILLED,
            "Martin Luther King",
            "1968-04-04",
        ),
    ],
)
def test_knowledge_checks_table_event_given_another_date(checker, parse, text, span, event, label, date):
    ((code, got_span, message, related, confidence, evidence),) = _found(checker, parse, text)
    date = date or "1995-11-04"
    assert (code, got_span, related, confidence) == ("KB003", span, ["assassination"], 0.8)
    assert message == (
        f"'{span}' does not match the date Wikidata gives for Assassination of {label}: {date} (P585, {event})"
    )
    assert (evidence["event"], evidence["property"], evidence["event_date"], evidence["text_date"]) == (
        event,
        "P585",
        date,
        span,
    )
    assert "connector" not in evidence


@pytest.mark.parametrize("participants", [True, False])
def test_knowledge_checks_table_event_found_by_participant_or_by_name(parse, participants):
    """An event is the person's when Wikidata lists them among its participants (P710), or when its name carries
    their surname ('Assassination of Yitzhak Rabin' with no P710)."""
    from presslint.knowledge.checks import KnowledgeChecker

    checker = KnowledgeChecker(build_store(world(rabin_event_participants=participants)))
    found = _found(checker, parse, "Parliament passed the law in March 1994, after the assassination of Yitzhak Rabin.")
    assert [(c, s, e["event"]) for c, s, _m, _r, _c, e in found] == [("KB003", "March 1994", RABIN_KILLED)]


def test_knowledge_checks_table_event_of_a_participant_not_in_its_name(checker, parse):
    """Wikidata's 'Assassination of Martin Luther King' lists him (P710); his label's last word ('Jr.') is not in
    its name, so only the participant statement ties the event to him."""
    found = _found(
        checker, parse, "Congress passed the housing bill in 1967, after the assassination of Martin Luther King Jr."
    )
    assert [(c, s, e["event"], e["event_date"]) for c, s, _m, _r, _c, e in found] == [
        ("KB003", "1967", KING_KILLED, "1968-04-04")
    ]


# --------------------------------------------------------------------------- KB004: where a mission is


@pytest.mark.parametrize(
    ("text", "date", "stated", "wikidata", "named"),
    [
        # located (P276) in a town, whose country (P17) is the mission's country
        ("UNIFIL troops patrol in Syria.", "2021-06-01", (SYRIA, "Syria"), [LEBANON], "Lebanon"),
        ("UNIFIL, Syria, said its patrols would continue.", "2021-06-01", (SYRIA, "Syria"), [LEBANON], "Lebanon"),
        ("UNIFIL troops patrol in northern Israel.", "2021-06-01", (ISRAEL, "Israel"), [LEBANON], "Lebanon"),
        ("UNIFIL troops crossed into Syria on Monday.", "2021-06-01", (SYRIA, "Syria"), [LEBANON], "Lebanon"),
        ("UNIFIL said it had no troops inside Israel.", "2021-06-01", (ISRAEL, "Israel"), [LEBANON], "Lebanon"),
        ("UNIFIL troops patrol in southern Syria.", "2021-06-01", (SYRIA, "Syria"), [LEBANON], "Lebanon"),
        ("UNIFIL troops patrol in eastern Syria.", "2021-06-01", (SYRIA, "Syria"), [LEBANON], "Lebanon"),
        ("UNIFIL troops patrol in western Syria.", "2021-06-01", (SYRIA, "Syria"), [LEBANON], "Lebanon"),
        ("UNIFIL troops patrol in central Syria.", "2021-06-01", (SYRIA, "Syria"), [LEBANON], "Lebanon"),
        # a dated country: the one at the article's date counts
        ("The JBMM said its teams patrol in Syria.", "2021-06-01", (SYRIA, "Syria"), [LEBANON], "Lebanon"),
        ("The JBMM said its teams patrol in Lebanon.", "2010-06-01", (LEBANON, "Lebanon"), [SYRIA], "Syria"),
        # a country the store has no record of is named by its QID
        (
            "The COM said its ships patrol in Cyprus.",
            "2021-06-01",
            (CYPRUS, "Cyprus"),
            [LEBANON, MISSING_COUNTRY],
            None,
        ),
    ],
)
def test_knowledge_checks_table_mission_placed_elsewhere(checker, parse, text, date, stated, wikidata, named):
    found = [f for f in _found(checker, parse, text, date) if f[0] == "KB004"]
    ((_code, _span, message, related, confidence, evidence),) = found
    assert message.endswith(
        f"is placed in {stated[1]}, but Wikidata gives {named or 'Lebanon, ' + wikidata[1]} (P17/P276)"
    )
    assert related == [stated[1]] and confidence == 0.8
    assert evidence["stated_country"] == stated[0] and evidence["wikidata_countries"] == wikidata


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("UNIFIL troops patrol in southern Lebanon.", "2021-06-01"),
        ("UNIFIL, Lebanon, said its patrols would continue.", "2021-06-01"),
        ("The JBMM said its teams patrol in Lebanon.", "2021-06-01"),
        ("The JBMM said its teams patrol in Syria.", "2010-06-01"),
        ("The COM said its ships patrol in Lebanon.", "2021-06-01"),
        ("UN-led UNIFIL said its patrols would continue.", "2021-06-01"),
        # '-based' is not '-led'
        ("The Germany-based UNIFIL said its patrols would continue.", "2021-06-01"),
    ],
)
def test_knowledge_checks_table_mission_where_it_is(checker, parse, text, date):
    assert [f for f in _found(checker, parse, text, date) if f[0] == "KB004"] == []


@pytest.mark.parametrize(
    "text",
    [
        "US-led UNIFIL said its patrols would continue.",  # at the very start of the text
        "The US-led UNIFIL said its patrols would continue.",
        "Soldiers of the Germany-led UNIFIL said their patrols would continue.",
    ],
)
def test_knowledge_checks_table_mission_called_led_by_another(checker, parse, text):
    found = [f for f in _found(checker, parse, text) if f[0] == "KB004"]
    ((_code, span, message, related, _confidence, evidence),) = found
    leader = related[0]
    assert span == "UNIFIL"
    assert message == (
        f"United Nations Interim Force in Lebanon ({UNIFIL}) is called {leader}-led, but its parent organisation is "
        "United Nations (P749)"
    )
    assert evidence["parent_organisation"] == [UN] and evidence["stated_leader"] in (US, GERMANY)


# --------------------------------------------------------------------------- KB002: an office never held


@pytest.mark.parametrize(
    ("text", "date", "holder", "holder_qid"),
    [
        (
            "Friedrich Merz, the chancellor of Germany, said the budget would pass.",
            "2021-06-01",
            "Angela Merkel",
            MERKEL,
        ),
        ("Friedrich Merz, the chancellor of Germany, said the budget would pass.", "2023-03-15", "Olaf Scholz", SCHOLZ),
    ],
)
def test_knowledge_checks_table_office_never_held(checker, parse, text, date, holder, holder_qid):
    ((code, span, message, related, confidence, evidence),) = _found(checker, parse, text, date)
    assert (code, span, related, confidence) == ("KB002", "the chancellor of Germany", ["Friedrich Merz"], 0.7)
    assert message == (
        f"Wikidata has no record of Friedrich Merz as Chancellor of Germany; on {date} the post was held by {holder}"
    )
    assert (evidence["qid"], evidence["position"], evidence["position_label"], evidence["property"]) == (
        MERZ,
        CHANCELLOR,
        "Chancellor of Germany",
        "P39",
    )
    assert evidence["label"] == "Friedrich Merz" and 0.7 <= evidence["link_score"] <= 1
    assert evidence["link_reasons"] and evidence["link_reasons"][0].startswith("name")
    assert (evidence["holder_then"], evidence["holder_then_label"], evidence["article_date"]) == (
        holder_qid,
        holder,
        date,
    )


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Olaf Scholz, the chancellor of Germany, said the budget would pass.", "2023-03-15"),
        ("Angela Merkel, the chancellor of Germany, said the budget would pass.", "2021-06-01"),
        # a sentence dated before the article: a historical account
        ("In 2020, Friedrich Merz, the chancellor of Germany, said the budget would pass.", "2023-03-15"),
    ],
)
def test_knowledge_checks_table_office_held_or_not_claimed_now(checker, parse, text, date):
    assert [f for f in _found(checker, parse, text, date) if f[0] == "KB002"] == []


# --------------------------------------------------------------------------- KB007: places


@pytest.mark.parametrize(
    "text",
    ["Naqoura, Syria, hosted the talks.", "Naqoura in Syria hosted the talks.", "The talks in Naqoura, Syria, ended."],
)
def test_knowledge_checks_table_place_in_another_country(checker, parse, text):
    ((code, span, message, related, confidence, evidence),) = [
        f for f in _found(checker, parse, text) if f[0] == "KB007"
    ]
    assert (code, span, related, confidence) == ("KB007", "Naqoura", ["Syria"], 0.8)
    assert message == f"Naqoura ({NAQOURA}) is in Lebanon according to Wikidata (P17), not Syria"
    assert evidence["wikidata_countries"] == [LEBANON] and evidence["wikidata_country_labels"] == ["Lebanon"]
    assert (evidence["stated_country"], evidence["stated_country_label"]) == (SYRIA, "Syria")


@pytest.mark.parametrize(
    "text",
    [
        "Naqoura, Lebanon, hosted the talks.",
        "Naqoura in Lebanon hosted the talks.",
        "Beirut, Lebanon, voted.",
        # a country named next to the place, but not as where it is
        "Naqoura and Syria signed a border deal.",
        "Officials from Naqoura met Syria's envoy.",
        # the place ends the text: nothing after it to read
        "The talks were held in Naqoura",
    ],
)
def test_knowledge_checks_table_place_in_its_country(checker, parse, text):
    assert [f for f in _found(checker, parse, text) if f[0] == "KB007"] == []


# --------------------------------------------------------------------------- KB001: a misspelt name, token by token


@pytest.mark.parametrize(
    ("text", "span", "differing", "confidence"),
    [
        ("Chancellor Angela Merkle said the budget would pass.", "Angela Merkle", [("merkle", "merkel")], 0.9),
        ("Chancellor Angela Markel said the budget would pass.", "Angela Markel", [("markel", "merkel")], 0.9),
        # a first name cut short, or a middle initial, is no misspelling: only the surname differs
        ("Chancellor Angel Merkle said the budget would pass.", "Angel Merkle", [("merkle", "merkel")], 0.9),
        ("Chancellor Angela D. Merkle said the budget would pass.", "Angela D. Merkle", [("merkle", "merkel")], 0.814),
        # no context (no office, no country): linked on a close full name alone, and trusted less
        ("Angela Merkle said the budget would pass.", "Angela Merkle", [("merkle", "merkel")], 0.7),
    ],
)
def test_knowledge_checks_table_name_misspelt(checker, parse, text, span, differing, confidence):
    ((code, got_span, message, _related, got_confidence, evidence),) = _found(checker, parse, text)
    assert (code, got_span, got_confidence) == ("KB001", span, confidence)
    assert message == (
        f"'{span}' looks like a misspelling of Angela Merkel ({MERKEL}); Wikidata knows no such spelling"
    )
    assert evidence["differing"] == [{"written": a, "expected": b} for a, b in differing]
    assert (evidence["latin_script"], evidence["matched_through"], evidence["names"]) == (
        True,
        "context" if text.startswith("Chancellor") else "name",
        ["Angela Merkel"],
    )


@pytest.mark.parametrize(
    "text",
    [
        "Chancellor Angela Merkel said the budget would pass.",
        # a different first name: maybe another person, so no finding
        "Chancellor Angie Merkle said the budget would pass.",
    ],
)
def test_knowledge_checks_table_name_left_alone(checker, parse, text):
    assert [f for f in _found(checker, parse, text) if f[0] == "KB001"] == []


def test_knowledge_checks_table_latin_script_needs_every_known_language(checker):
    """A country with a Latin-script language and one whose script Wikidata does not give: the unknown one is left
    out, not counted against the other."""
    from presslint.knowledge.checks import Context, writes_latin
    from presslint.knowledge.linker import Linker

    items = [
        *languages(),
        item("Q900000270", "Romansh", claims=[]),
        item(
            "Q900000271", "Alpinia", claims=[claim("P31", "Q6256"), claim("P37", ENGLISH), claim("P37", "Q900000270")]
        ),
        item("Q900000272", "Nolangia", claims=[claim("P31", "Q6256"), claim("P37", "Q900000270")]),
    ]
    ctx = Context(None, None, None, Linker(build_store(items)))
    assert writes_latin(ctx, "Q900000271") is True
    assert writes_latin(ctx, "Q900000272") is None and writes_latin(ctx, "Q900000299") is None


# --------------------------------------------------------------------------- KB003: events linked by name


def test_knowledge_checks_table_event_linked_by_its_own_name(checker, parse):
    found = _found(checker, parse, "Egypt nationalised the canal company in 1955, after the Suez Crisis.")
    ((code, span, message, _related, confidence, evidence),) = found
    assert (code, span, confidence) == ("KB003", "1955", 0.85)
    assert (
        message
        == "'1955' is given for something that followed Suez Crisis, which Wikidata dates 1956-10-29 (P580, Q900000267)"
    )
    assert (evidence["event"], evidence["property"], evidence["event_date"]) == (SUEZ, "P580", "1956-10-29")


@pytest.mark.parametrize(
    "text",
    [
        # an organisation has an inception, not an event date, whatever else Wikidata dates on it
        "Shelling across the border eased in 1975, following the arrival of UNIFIL.",
        # the person is not part of the event phrase: someone else's assassination
        "Yitzhak Rabin condemned the assassination in 1994.",
    ],
)
def test_knowledge_checks_table_event_not_compared(checker, parse, text):
    assert [f for f in _found(checker, parse, text) if f[0] == "KB003"] == []


# --------------------------------------------------------------------------- KB005: acronyms


@pytest.mark.parametrize(
    "text",
    [
        # close spellings of each word are the same name (Nation/Nations, Forces/Force)
        "The United Nation Interim Forces in Lebanon (UNIFIL) said its patrols would continue.",
        # an acronym that is a person's alias names no organisation
        "The AOC (American Orthodontic Council) issued new guidance on braces.",
    ],
)
def test_knowledge_checks_table_acronym_long_forms_left_alone(checker, parse, text):
    assert [f for f in _found(checker, parse, text) if f[0] == "KB005"] == []


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("The United Nations Interim Force in Libya (UNIFIL) said its patrols would continue.", None),
        ("UNIFIL (United Northern Infantry Force) said its patrols would continue.", "United Northern Infantry Force"),
    ],
)
def test_knowledge_checks_table_acronym_long_form_of_another(checker, parse, text, written):
    found = [f for f in _found(checker, parse, text) if f[0] == "KB005"]
    if written is None:
        assert found == []  # five of six words: a close variant of the name
        return
    ((_code, span, message, related, confidence, evidence),) = found
    assert (span, related, confidence) == (written, ["UNIFIL"], 0.8)
    assert (
        message
        == f"'{written}' is not a name of UNIFIL: Wikidata's {UNIFIL} is United Nations Interim Force in Lebanon"
    )
    assert (evidence["acronym"], evidence["written"], evidence["property"]) == ("UNIFIL", written, "P1813")


# --------------------------------------------------------------------------- opening a store


def test_knowledge_checks_table_online_client_missing_is_coded(monkeypatch):
    from presslint.errors import PresslintError
    from presslint.knowledge.checks import KnowledgeChecker

    monkeypatch.setitem(sys.modules, "presslint.knowledge.online", None)  # import fails as if not installed
    with pytest.raises(PresslintError) as err:
        KnowledgeChecker.open("online")
    assert err.value.code == "E402"
    assert "online" in str(err.value) and "the online Wikidata client is not available" in str(err.value)


def test_knowledge_checks_table_stage_passes_its_settings(tmp_path):
    """The registry's knowledge stage opens the store with the run's settings (the online cache's path)."""
    from presslint.config import Settings
    from presslint.knowledge.checks import make_knowledge_check

    make_knowledge_check("online", settings=Settings(kb_cache=str(tmp_path / "cache.sqlite")))
    assert (tmp_path / "cache.sqlite").exists()


def test_knowledge_checks_table_online_cache_defaults_to_the_home_folder(tmp_path, monkeypatch):
    from presslint.knowledge.checks import KnowledgeChecker

    monkeypatch.setenv("PRESSLINT_HOME", str(tmp_path))
    KnowledgeChecker.open("online")
    assert (tmp_path / "kb-cache.sqlite").exists()


def test_knowledge_checks_table_checker_keeps_its_store_settings_and_linker_options():
    from presslint.config import Settings
    from presslint.knowledge.checks import KnowledgeChecker

    kb, settings = build_store(world()), Settings()
    checker = KnowledgeChecker(kb, settings=settings, max_candidates=2)
    assert checker.kb is kb and checker.settings is settings
    assert checker.linker.kb is kb and checker.linker.max_candidates == 2


# --------------------------------------------------------------------------- KB002: a past office


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Chancellor Angela Merkel said the budget would pass.", "Chancellor"),
        ("Angela Merkel, the chancellor of Germany, said the budget would pass.", "the chancellor of Germany"),
        # the sentence is dated the day after the term ended
        ("On 9 December 2021, Chancellor Angela Merkel opened the session.", "Chancellor"),
    ],
)
def test_knowledge_checks_table_office_no_longer_held(checker, parse, text, span):
    ((code, got_span, message, related, confidence, evidence),) = _found(checker, parse, text, "2023-03-15")
    assert (code, got_span, related, confidence) == ("KB002", span, ["Angela Merkel"], 0.8)
    assert message == (
        "Angela Merkel left the post of Chancellor of Germany on 2021-12-08, before this article's date 2023-03-15; "
        "Olaf Scholz held it then"
    )
    assert (evidence["position"], evidence["start"], evidence["end"], evidence["holder_then"]) == (
        CHANCELLOR,
        "2005-11-22",
        "2021-12-08",
        SCHOLZ,
    )


@pytest.mark.parametrize(
    "text",
    [
        "Former Chancellor Angela Merkel said the budget would pass.",
        "The former chancellor, Angela Merkel, said the budget would pass.",
        "Ex-chancellor Angela Merkel said the budget would pass.",
        "Then-chancellor Angela Merkel said in 2019 that the budget would pass.",
        # the sentence is dated on the last day of the term: a historical account
        "On 8 December 2021, Chancellor Angela Merkel handed over the office.",
    ],
)
def test_knowledge_checks_table_office_held_then(checker, parse, text):
    assert [f for f in _found(checker, parse, text, "2023-03-15") if f[0] == "KB002"] == []
