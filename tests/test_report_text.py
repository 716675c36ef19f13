"""The terminal report (presslint.report.text): header and notes, summary, findings by severity then position, who is
quoted, colour."""

from __future__ import annotations

import pytest

from presslint.model import Article, Finding, Notice, Provenance, Report, Source, Span
from presslint.report import render
from presslint.report.text import render_text
from presslint.summary import finding_order, summarise

TEXT = "Bus fares rise\n\nTwo officials said fares would rise. The mayor called critics “thugs”.\nFares rise in May."


def _span(needle: str, *, line: bool = True) -> Span:
    start = TEXT.index(needle)
    if not line:
        return Span.between(TEXT, start, start + len(needle))
    row = TEXT.count("\n", 0, start) + 1
    return Span(start, start + len(needle), needle, row, start - (TEXT.rfind("\n", 0, start) + 1) + 1)


def _report(findings=(), sources=(), notices=(), **article) -> Report:
    prov = Provenance("0.1.0", "en_test", "3.8.0", "0" * 64, "cfg", "2024-03-01", "option", "1" * 64, "now")
    return Report(
        article=Article(text=TEXT, **article),
        provenance=prov,
        findings=list(findings),
        sources=list(sources),
        notices=list(notices),
    )


def _finished(report: Report) -> Report:
    """What the Checker does when it finishes a report: findings in their order, the summary."""
    report.findings = sorted(report.findings, key=finding_order)
    report.summary = summarise(report)
    return report


FINDINGS = [
    Finding(
        "SRC001",
        "warning",
        "Anonymous source: 'Two officials' is not named",
        _span("Two officials said"),
        related=[_span("fares would rise"), _span("Fares rise in May.", line=False)],
        category="sources",
    ),
    Finding("LNG001", "error", "labels critics as 'thugs'", _span("“thugs”", line=False), category="language"),
    Finding("SRC002", "info", "Vague attribution", _span("The mayor"), category="sources"),
    Finding("HYG001", "info", "The article names no author (no byline)", _span("Bus fares rise")),  # no category
]


def test_report_text_in_full():
    report = _report(
        FINDINGS,
        sources=[
            Source(0, "Two officials", "anonymous", [_span("Two officials")]),
            Source(1, "The mayor", "role_only", [_span("The mayor"), _span("The mayor")]),
        ],
        notices=[Notice("W003", "W003: Knowledge checks skipped")],
        title="Bus fares rise",
        origin="fares.txt",
        byline="Ana Ruiz",
        outlet="Riverside Gazette",
    )
    thugs = TEXT.index("“thugs”")
    may = TEXT.index("Fares rise in May.")
    assert render_text(_finished(report)) == (
        "fares.txt  “Bus fares rise”\n"
        "  date 2024-03-01 (option) · by Ana Ruiz · Riverside Gazette\n"
        "  notes: W003 knowledge checks skipped (no store: `presslint kb build`)\n"
        "\n"
        "summary\n"
        "  findings        4: 1 error, 1 warning, 2 info\n"
        "  claims          no check-worthy claim found\n"
        "  sources         2 sources quoted, 1 anonymous (50%)\n"
        "  loaded language 55.6 per 1,000 words (1 LNG finding in 18 words)\n"
        f"  most serious  {'@' + str(thugs):>7} error   LNG001 labels critics as 'thugs'\n"
        "                    3:1 warning SRC001 Anonymous source: 'Two officials' is not named\n"
        "                   3:38 info    SRC002 Vague attribution\n"
        "\n"
        "findings (4)\n"
        f"  {'@' + str(thugs):>7} error   LNG001 labels critics as 'thugs'\n"
        "          ““thugs””\n"
        "      3:1 warning SRC001 Anonymous source: 'Two officials' is not named\n"
        "          “Two officials said”\n"
        "          ↔ 3:20 “fares would rise”\n"
        f"          ↔ @{may} “Fares rise in May.”\n"
        "      1:1 info    HYG001 The article names no author (no byline)\n"
        "          “Bus fares rise”\n"
        "     3:38 info    SRC002 Vague attribution\n"
        "          “The mayor”\n"
        "\n"
        "who is quoted (2 sources, 1 anonymous)\n"
        "  role, no name  The mayor  (2 mentions)\n"
        "  anonymous      Two officials  (1 mention)\n"
    )


@pytest.mark.parametrize(
    "article, first_lines",
    [
        ({}, ["<text>", "  date 2024-03-01 (option)"]),
        ({"url": "https://x.example/a"}, ["https://x.example/a", "  date 2024-03-01 (option)"]),
        ({"origin": "a.txt", "url": "https://x.example/a"}, ["a.txt", "  date 2024-03-01 (option)"]),
        ({"title": "T" * 100}, [f"<text>  “{'T' * 79}…”", "  date 2024-03-01 (option)"]),
        ({"outlet": "Riverside Gazette"}, ["<text>", "  date 2024-03-01 (option) · Riverside Gazette"]),
    ],
)
def test_report_text_header(article, first_lines):
    assert render_text(_report(**article)).split("\n")[:2] == first_lines


def test_report_text_no_findings_and_no_sources():
    assert render_text(_report()) == "<text>\n  date 2024-03-01 (option)\n\nno findings\n"


def test_report_text_sources_can_be_left_out():
    report = _finished(_report(sources=[Source(0, "Two officials", "anonymous", [_span("Two officials")])]))
    assert "who is quoted" in render_text(report)
    assert "who is quoted" not in render_text(report, show_sources=False)


def test_report_text_long_spans_are_shortened_on_one_line():
    long = Span(0, 300, "word\n" * 60, 1, 1)
    out = render_text(_report([Finding("HYG002", "info", "m", long, category="hygiene")]))
    quoted = next(line for line in out.split("\n") if line.startswith("          “"))
    assert quoted == "          “" + ("word " * 20)[:99] + "…”"


def test_report_text_colour():
    report = _report([FINDINGS[1]], title="Bus fares rise")
    plain, coloured = render_text(report), render_text(report, colour=True)
    assert "\033[" not in plain
    assert coloured.startswith("\033[1m<text>\033[0m  “Bus fares rise”\n\033[2m  date 2024-03-01 (option)\033[0m\n")
    assert "\033[1mfindings (1)\033[0m" in coloured
    assert "\033[31merror  \033[0m LNG001" in coloured
    assert "\033[2m          ““thugs””\033[0m" in coloured


@pytest.mark.parametrize("severity, code", [("error", "\033[31m"), ("warning", "\033[33m"), ("info", "\033[36m")])
def test_report_text_severity_colours(severity, code):
    finding = Finding("SRC001", severity, "m", _span("Two officials"), category="sources")
    assert f"{code}{severity:<7}\033[0m" in render_text(_report([finding]), colour=True)


def test_report_text_is_the_text_format():
    report = _report(FINDINGS)
    assert render(report, "text") == render_text(report)
    assert render(report, "text", colour=True) == render_text(report, colour=True)


def test_report_text_quote_of_exactly_the_limit_is_whole():
    exact = Span(0, 100, "x" * 100, 1, 1)
    out = render_text(_report([Finding("HYG002", "info", "m", exact, category="hygiene")]))
    assert "          “" + "x" * 100 + "”" in out


def test_report_text_colour_of_notes_related_and_sources():
    report = _report(
        [FINDINGS[0]],
        sources=[Source(0, "Two officials", "anonymous", [_span("Two officials")])],
        notices=[Notice("W003", "W003: Knowledge checks skipped")],
    )
    coloured = render_text(report, colour=True)
    assert "\033[2m  notes: W003 Knowledge checks skipped\033[0m" in coloured
    assert "\033[2m          ↔ 3:20 “fares would rise”\033[0m" in coloured
    assert "\033[1mwho is quoted (1 source, 1 anonymous)\033[0m" in render_text(_finished(report), colour=True)


def _with_claims(count: int = 3) -> Report:
    from presslint.model import Claim

    report = _report(
        FINDINGS, sources=[Source(0, "Two officials", "anonymous", [_span("Two officials")])], origin="fares.txt"
    )
    claims = [
        Claim(_span("Two officials said fares would rise."), source_id=0, checkworthiness=0.62),
        Claim(_span("Fares rise in May.", line=False), checkworthiness=0.81),
        Claim(_span("The mayor called critics “thugs”."), checkworthiness=0.1),
    ]
    report.claims = (claims * count)[: max(count, 3)] if count > 3 else claims
    return _finished(report)


def test_report_text_claims_most_check_worthy_first_with_who_said_them():
    out = render_text(_with_claims())
    may = TEXT.index("Fares rise in May.")
    assert "  claims          3 check-worthy claims, 1 attributed to a source, 2 unsourced\n" in out
    assert (
        "\ncheck-worthy claims (3, 1 attributed)\n"
        f"  0.81 {'@' + str(may):>7}  unsourced\n"
        "          “Fares rise in May.”\n"
        "  0.62     3:1  Two officials (anonymous)\n"
        "          “Two officials said fares would rise.”\n"
        "  0.10    3:38  unsourced\n"
        "          “The mayor called critics “thugs”.”\n"
        "\nwho is quoted (1 source, 1 anonymous)\n"
    ) in out


def test_report_text_claims_list_is_cut_at_the_limit_and_says_how_many_more():
    from presslint.report.text import CLAIMS_SHOWN

    out = render_text(_with_claims(CLAIMS_SHOWN + 2))
    total = CLAIMS_SHOWN + 2
    assert f"\ncheck-worthy claims ({total}, " in out and f"; the {CLAIMS_SHOWN} most check-worthy)\n" in out
    assert out.count("\n          “") - 4 == CLAIMS_SHOWN  # four finding quotes, then one quote per claim shown
    assert "  … 2 more (--format html or json lists them all)\n" in out


def test_report_text_quiet_is_one_line_a_shown_finding():
    report = _with_claims()
    hidden = Finding("LNG012", "info", "learned span", _span("critics"), learned=True)
    hidden.shown = False
    report.findings.append(hidden)
    may = TEXT.index("“thugs”")
    assert render_text(report, quiet=True) == (
        f"fares.txt:@{may}: error LNG001 labels critics as 'thugs'\n"
        "fares.txt:3:1: warning SRC001 Anonymous source: 'Two officials' is not named\n"
        "fares.txt:1:1: info HYG001 The article names no author (no byline)\n"
        "fares.txt:3:38: info SRC002 Vague attribution\n"
    )
    assert render_text(_report(url="https://x.example/a"), quiet=True) == ""
    coloured = render_text(report, quiet=True, colour=True)
    assert "\x1b[" in coloured and "LNG012" not in coloured
