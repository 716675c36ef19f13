"""Sources and attribution: who said what, how the speaker is identified, and claims with no source at all.

``find_attributions(doc)`` reads the dependency parse: a speech verb from our lexicon (``data/sources/lexicon.json``)
with a clausal complement is a cue, its subject the speaker, the complement the content; "according to X" is a cue
too; quotation marks decide direct / indirect / mixed. ``find_sources`` groups speakers into ``Source`` records
(full name then surname, "the official" after "a senior official", pronouns to the most recent compatible source)
and classifies each one. ``find_source_findings`` turns that into SRC001-SRC003; ``find_unattributed`` catches vague
attributions (SRC002). SRC004 (unsourced claim), SRC005 (speculation as reporting) and SRC006 (unsourced checkable claim) need the claims as well, so the
claims component emits them (``claims.find_unsourced``); their catalogue entries are here with the SRC family. When the parse does not support a decision (passives such as "it was reported", negated cues,
speakers inside a quotation) the code bails out rather than guess.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..model import Finding, Quote, QuoteKind, Source, SourceKind, Span
from ..nlp.blockquotes import embedded_posts, paragraph_at
from ..nlp.docview import view
from ..nlp.lexicons import read_json
from ..nlp.numberwords import cardinals
from ..nlp.references import cites_reference, keeps_reference_list
from ..rules import Rule
from .entities import gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Token

RULES = [
    Rule(
        "SRC001",
        "anonymous-source",
        "warning",
        "sources",
        "A claim is attributed to a source the reader cannot identify.",
        "Fires once per attribution whose speaker is unnamed or vague: 'officials', 'three health officials', 'a senior "
        "diplomat', 'sources familiar with the matter', 'an official who asked not to be named', or any speaker quoted "
        "'on condition of anonymity'; one insider of a party, campaign or movement singled out by 'a', 'one' or "
        "'another' or a counted group of them ('said one county party chairman', 'two delegate candidates said'); "
        "the speaker of a relative clause ('a deadline that several insiders said went unnoticed'); and an account resting on interviews with people it does not name ('according "
        "to interviews with a dozen party leaders'). Anonymous sourcing is sometimes necessary, but the reader "
        "should know how much of the story rests on it. Named people ('Prime Minister Jacinda Ardern said'), organisations ('the Pentagon "
        "said') and specific roles ('a police spokesperson said', 'the party chairman said') do not fire, nor a "
        "public group speaking on the record ('party leaders say', 'Republican leaders said').",
        "Two people familiar with the negotiations said the deal could be signed next week.",
    ),
    Rule(
        "SRC002",
        "unattributed-claim",
        "info",
        "sources",
        "A claim is presented through a vague attribution with no identifiable source.",
        "Fires on weasel attributions that name nobody: 'it is believed', 'it was reported', 'he is said to', "
        "'reportedly', 'critics say', 'experts warn', 'observers say', 'some argue', 'many people think', 'some "
        "Republicans said', a trailing '..., say critics'; an indefinite group of party or campaign insiders "
        "('several delegate candidates said', 'other party leaders said', 'local party leaders say'); a poll, "
        "survey or study that nothing names cited as the source ('studies show', 'a new survey found', and plural "
        "polls as a figure's source: 'according to recent polls, the senator holds 29 percent'; not 'a Marist "
        "poll', 'a survey by the county', nor one named in the sentence before or the next three); reports that "
        "nobody is said to have written cited as the source ('according to media reports', 'reports say', 'a new "
        "report found', 'reports from the scene': where a report comes from is not who wrote it; not 'police reports', "
        "'a report by the auditor', 'the report'); a verdict in the passive held "
        "by a crowd or by nobody ('is widely seen as', 'is often described as', 'was seen by some as a demotion', 'was "
        "described by critics as'; not a named or definite holder, a modal, a condition or a bare 'is described as'); "
        "on a vague group holding a belief or expectation ('analysts "
        "expect the bank to raise rates', 'many in the party believe', 'few experts believe'); on a verdict or reaction held by an unnamed, indefinite group ('drew the ire of some "
        "senior Democrats', 'sparked outrage among many residents', 'won praise from critics'); and on a claim noun "
        "that nobody is said to hold, set by the writer as the backdrop ('amid reports that the chief executive would "
        "step down', 'despite predictions to the contrary', 'there is speculation that ...'). It stays silent when the "
        "group is named, definite or counted ('critics, including Senator Jane Doe, say', 'experts at the WHO say', "
        "'the ire of the unions', 'three senators'), when an agent follows ('it was reported by the BBC'), when the "
        "claim noun has a holder ('his claims that', 'reports by the BBC that') or is what a named person answers ('the "
        "mayor dismissed reports that'), when the sentence ends with an inverted attribution to a particular source "
        "('..., fear local health authorities') or the next sentence of the paragraph names the source (an outlet "
        "opening it: 'The Financial Times reported ...'), and for a hedge that relays no report: a tale retold in a "
        "passage of legend or lore ('according to legend, the well was said to ...'), or 'supposedly' doubting a "
        "professed belief ('everything these bishops supposedly believe').",
        "The minister is believed to have offered his resignation last week.",
    ),
    Rule(
        "SRC003",
        "single-source-story",
        "info",
        "sources",
        "Everything attributed in the article comes from one source.",
        "Fires when the article has at least two attributions and every one of them resolves to the same source. "
        "A story that relays one party's account without a second voice may be accurate, but the reader should know "
        "it is one-sided. The finding points at the first mention of the source.",
        "The company said profits rose. It added that it would hire 500 staff. Its chief executive said demand was strong.",
        scope="article",
    ),
    Rule(
        "SRC004",
        "unsourced-claim",
        "warning",
        "sources",
        "A contested or checkable statement of fact is made in the writer's own voice with no attribution in reach.",
        "Fires on a check-worthy sentence (claims score at least 0.4) that asserts what a fact-checker wants a source "
        "for: wrongdoing stated as fact ('the agency covered up the report', 'officials embezzled the funds'), blame "
        "in a passive with no agent ('the flood was blamed for dozens of crashes'), that a step was never taken ('the "
        "suspect was never questioned', 'no one has ever been charged'), covert conduct ('secretly met'), or a "
        "checkable statistic (evidence 'statistic'): a record about a society ('the country has some of the harshest "
        "sentencing laws in the developed world'; not a description such as 'one of the largest banks', nor a fact of "
        "record about a named thing, 'Everest is the highest mountain in the world'), a rate compared ('poverty rates "
        "are higher than in Europe'), a population compared with another ('immigrants commit fewer crimes than "
        "native-born citizens'), a share of a population holding a view, a poll's finding with no poll ('majorities "
        "in both parties support the bill'), what a group of people thinks or feels (evidence 'view': 'many minority "
        "voters find the rhetoric repulsive', 'young voters overwhelmingly reject the platform', 'the governor, who "
        "has strong support among rural voters'; not a political camp's position, 'many Republicans oppose the bill', "
        "nor a past feeling about an event), or a class of people's legal status ('legal residents are barred from "
        "most federal benefits'). It also fires on a policy, decision or intervention claimed to have caused a harm "
        "or a social statistic (kind 'cause': 'the budget cuts led to a surge in homelessness', 'the tariffs caused "
        "a sharp rise in food prices'; not 'the storm caused flooding', not 'the decision led to protests'). A "
        "statistic or a cause must be in the present tense with no hedge, modal or condition, with "
        "no poll, survey or data named in the sentence and no source in the sentence before or after (a speech or "
        "belief verb there counts when its subject can be a source: not the writer's 'I believe', not 'those who "
        "believe'), and is not "
        "reported in a piece the page labels as opinion. Any kind fires only when "
        "nothing attributes it: no quotation or speech verb in the sentence, no 'according to', no attribution "
        "anywhere in its paragraph (news style attributes a paragraph once) and no introducing colon just before. "
        "Routine background ('the bridge opened in 1932', 'the storm killed three people'), a thing or event that "
        "destroys or buries the records ('a fire destroyed the files'), legal outcomes ('jailed "
        "for embezzling'), denials ('did not cover up'), a numbered reference or a 'Source:' credit, advice to the "
        "reader ('you') and a columnist's first person do not fire. Emitted by the "
        "claims component, which has both the claims and the attributions.",
        "The agency covered up the report. Majorities in both parties support the bill.",
    ),
    Rule(
        "SRC005",
        "speculation-as-reporting",
        "info",
        "sources",
        "A guess about what someone is doing or did is written as reporting, with no source.",
        "Fires when a sentence with no attribution in reach speculates about a person's or organisation's present "
        "activity or past conduct in the grammar of a report: 'is likely to be negotiating', 'is certain to have "
        "known', 'appears to have hidden', 'must have known', 'probably knew'. Forecasts ('the bill is likely to "
        "pass', 'will probably vote') and weasel attributions already caught by SRC002 ('is believed to be "
        "planning') do not fire; nor do concessions ('may not have delivered'), counterfactuals ('any crimes they "
        "might have committed'), public states and failures to grasp ('appeared to be heading for confirmation', "
        "'seems not to have understood'): an ongoing act needs to be covert or wrongful ('appears to be concealing'). "
        "Nor do hedged assessments: a state or harmless fact ('seems to have had a part-time job') or a consequence "
        "('may have unlocked a new era of ...'), unless the clause holds something wrongful or covert. It also fires "
        "on a supposition under 'presumably' or 'doubtless' about the present or past, whatever the subject "
        "('Presumably, older consoles also suffer from the fault'); on a motive asserted as fact ('the attacks are "
        "motivated by a desire to drive the families out', 'was driven by hatred of', 'the charges are politically "
        "motivated', 'the real reason for the curfew is ...'); and on a wrongful or covert aim ascribed as fact ('the "
        "ministry is trying to silence the radio station', 'sought to discredit the auditors'). Causes that are no "
        "motive ('driven by strong demand'), public aims ('seeks to cut taxes'), forecasts of consequences ('could "
        "pave the way for'), denials and attributed or quoted guesses do not fire. It fires on mind-reading (kind "
        "'mind'): a private calculation stated as fact ('the senator is betting that voters will forget', not "
        "traders or investors betting on prices) and knowledge under a certainty adverb ('clearly knew', 'was "
        "obviously aware of the allegations'); and on a prediction of someone's conduct stated as a certainty (kind "
        "'certain-forecast': 'the bishop will not, of course, resign', 'will surely run again'; not 'will probably', "
        "not a thing's future, 'the storm will certainly bring rain'). It fires on three kinds marked by explicit "
        "words, never by a bare 'expected' or 'likely': the writer's presumption (kind 'presumption': 'it is safe to "
        "say he was referring to the port deal', 'it is reasonable to assume', 'would presumably let auditors trace', "
        "'presumably meaning'; not 'will presumably vote', not 'it is not safe to assume'); an unknown outcome stated "
        "as settled (kind 'certain-outcome': 'is virtually guaranteed to lose', 'are all but certain to be shut out', "
        "'is assured to be wiped out'; not a bare 'is certain to face a veto', a legal guarantee, a condition, or "
        "'it'); an aim the writer infers (kind 'aim': 'in an apparent attempt to pack the board', 'an obvious bid to "
        "bury the findings', 'the speech was calculated to inflame'; not 'calculated to be 3 per cent'); and, as "
        "mind-reading, what a person (a name, 'he', 'she') privately took for granted ('he assumed that any charity with ... was a "
        "front'; not an organisation's working assumption, not the present tense). It reads the writer's reading of "
        "a person's mind (kind 'purpose'): a private wish or effort under a covert or certainty adverb ('he secretly "
        "hopes', 'clearly wants', 'is desperately trying to'), a wish to steer other people's minds ('wants voters to "
        "forget', 'hopes voters will overlook'), 'desperate to' said of one person, and a purpose of manipulation or "
        "wrongdoing ('in a bid to distract from', 'in an effort to deflect attention', 'appear to be aimed at "
        "stoking fear', 'designed to scare older voters', a bare purpose 'to distract from'); and a hedged guess at "
        "why someone acted (kind 'reason': 'probably because she feared', 'perhaps to avoid a fight', 'likely "
        "because of the polls'). Not announced plans or the aims of bills, policies and organisations ('the bill "
        "aims to cut taxes', 'the campaign wants voters to think about jobs', 'in a bid to win Ohio'), not a "
        "group's state ('families are desperate to find shelter'), not an event's cause ('turnout fell, perhaps "
        "because of the rain'), not the person's own account in the sentence or the next one ('she has said she "
        "hopes ...'). It fires on a present or past statement the writer hedges or vouches for with a marker "
        "instead of a source (kind 'hedged': 'apparently the plan was shelved', 'it seems the envoy has already "
        "agreed', 'in all likelihood the owners have decided', 'there can be little doubt that she knew', 'by all "
        "appearances'); not inside someone's words ('she said it seems ...'), not a forecast, duty or condition "
        "('will in all likelihood close', 'apparently has to win'), not an assessment under a copula ('is undoubtedly "
        "the best player'), not a marker on no clause ('a seemingly endless war') or on an inner clause, not a "
        "thing's course ('it is almost certainly entering a period of change'). The message says what is guessed "
        "and what would source it (the person's own words, a document, a named forecaster or the rules that decide "
        "an outcome). In a piece that reads as opinion the finding is not shown (a column argues).",
        "The minister is likely to be negotiating in secret with the rebels.",
    ),
    Rule(
        "SRC006",
        "unsourced-checkable-claim",
        "info",
        "sources",
        "A figure, poll standing, public opinion or effect is stated in the writer's own voice with no source named.",
        "Fires on a sentence of the claims list that states, in the writer's own asserted clause (present or past, no "
        "hedge, modal, condition or negation), one of four checkable kinds, and says what would source it: a specific "
        "figure (kind 'figure': a percentage, a share of a group, a sum of money, a count: 'the campaign had raised "
        "$3.2 million by June'; 'no source is given for the figure'); a standing told from polls no one names (kind "
        "'poll': 'is running third in Iowa polling', 'his poll numbers have slipped'; 'no poll is named'); public "
        "opinion (kind 'opinion': 'the levy is wildly popular in rural counties', 'suburban voters are lining up "
        "behind her'; 'no poll or survey is named'); an effect on someone's fortunes with a thing as its cause (kind "
        "'effect': 'those positions have helped shore up her support'). It uses SRC004's tests of reach: no quotation "
        "or speech verb in the sentence, no 'according to', no attribution in its paragraph, no introducing colon, and "
        "no poll, report or data named in it or in the sentence before or after (nor a speaker there, for a figure or "
        "an effect), none telling in the four sentences before, and no headline naming a poll or study. Not on: "
        "quotations, the headline, durations, ages, dates and numbers inside names, ranks ('third'), a count of "
        "people at a past event (the article's own account: 'she spoke to 2,300 people', 'the fire killed three "
        "people'), a named poll ('a Marist poll'), a political camp's stance ('Republicans are rallying behind him') "
        "or a definite group ('his supporters'), a person's or organisation's own act ('the senator boosted "
        "spending'), and pieces the page labels as opinion or that speak in the first person (a column argues). Info, "
        "not a warning: mainstream copy states such facts routinely and most are right; the finding is a "
        "fact-checker's list of what to source, at most three per article, the highest claim scores first (SRC004 "
        "keeps contested claims, a warning).",
        "Voters in the state are lining up behind the governor. The campaign had raised $3.2 million by June.",
    ),
]


# ---------------------------------------------------------------------------------------------------------- lexicon
@dataclass(frozen=True)
class Lexicon:
    speech_verbs: frozenset[str]
    xcomp_verbs: frozenset[str]
    channel_verbs: frozenset[str]
    platforms: frozenset[str]
    channel_nouns: frozenset[str]
    anonymous_heads: frozenset[str]
    always_anonymous_heads: frozenset[str]
    role_nouns: frozenset[str]
    org_nouns: frozenset[str]
    document_nouns: frozenset[str]
    weasel_subjects: frozenset[str]
    weasel_verbs: frozenset[str]
    weasel_passive_verbs: frozenset[str]
    weasel_judgement_verbs: frozenset[str]  # 'is widely seen as', 'is considered': a verdict held by nobody named
    weasel_adverbs: frozenset[str]
    object_verbs: frozenset[str]  # the direct object is the content: "denied the report"
    quote_only_verbs: frozenset[str]  # a cue only next to a quotation: 'he continued: "..."'
    call_for_verbs: frozenset[str]  # the object of "for" is the content: "called for a ceasefire"
    prep_verbs: frozenset[str]  # the object of about/on/against ... is the content: "spoke about the deal"
    scene_verbs: frozenset[str]  # 'a deputy yelled: "Get down!"': an utterance in a scene, not a source's information
    reaction_nouns: frozenset[str]  # 'drew the ire of some lawmakers': a verdict held by a group
    report_nouns: frozenset[str]  # 'amid reports that ...': a claim as a noun, its holder unsaid
    vague_determiners: frozenset[str]  # 'some', 'many': a group left unnamed
    insider_roles: frozenset[str]  # 'one county party chairman', 'several delegate candidates': unnamed insiders
    unnamed_study_heads: frozenset[str]  # 'according to recent polls', 'studies show': a study nobody names
    anonymous_re: re.Pattern[str]
    cue_verbs: frozenset[str] = frozenset()  # union of the verb lists above and speech_verbs


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw = read_json("sources/lexicon.json")
    phrases = sorted(raw.pop("anonymous_phrases"), key=len, reverse=True)
    raw.pop("_about", None)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b")
    lex = {k: frozenset(v) for k, v in raw.items()}
    cue_verbs = (
        lex["speech_verbs"] | lex["object_verbs"] | lex["quote_only_verbs"] | lex["call_for_verbs"] | lex["prep_verbs"]
    )
    return Lexicon(**lex, anonymous_re=pattern, cue_verbs=cue_verbs)


def _belief_verbs(lex: Lexicon) -> frozenset[str]:
    """Verbs of belief and expectation ('expect', 'doubt') that are no speech cue of their own."""
    return lex.weasel_verbs - lex.cue_verbs


@lru_cache(maxsize=1)
def _belief_lexicon() -> Lexicon:
    """The lexicon with the verbs of belief and expectation that only a vague group's attribution takes ('analysts
    expect the bank to raise rates', 'few experts doubt that'): as speech verbs, and with a to-infinitive content."""
    lex = lexicon()
    extra = _belief_verbs(lex)
    return replace(lex, speech_verbs=lex.speech_verbs | extra, xcomp_verbs=lex.xcomp_verbs | extra)


HONORIFICS = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "professor",
        "sir",
        "dame",
        "lord",
        "lady",
        "rev",
        "president",
        "minister",
        "senator",
        "judge",
        "gen",
        "col",
        "capt",
        "sgt",
        "lt",
        "gov",
        "rep",
        "sen",
        "mx",
    }
)
PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "you"})
RELATIVE = frozenset({"who", "that", "which"})
ORG_LABELS = frozenset({"ORG", "NORP", "GPE", "FAC"})
QUOTE_MARK_RE = re.compile(r"''|[\"“”„«»]")
NUMBER_WORDS = cardinals(0, 20)
EDGE_PUNCT = frozenset(",;:-–—()[]")
# Cues whose negation or embedding means nobody said anything ("declined to say", "refused to confirm").
BLOCKING_HEADS = frozenset({"decline", "refuse", "fail", "not"})


# ------------------------------------------------------------------------------------------------ internal records
@dataclass(slots=True)
class Attribution:
    """One quote plus what the source grouping needs to know about its speaker."""

    quote: Quote
    sentence: int
    speaker_head: Token | None = None  # the head of the speaker phrase
    kind: SourceKind = "unknown"
    name: str | None = None
    description: str | None = None
    count: int | None = None
    anonymity: list[str] = field(default_factory=list)  # words that make the speaker anonymous
    weasel: bool = False  # a vague group ("critics say"): SRC002, not SRC001
    pronoun: str | None = None  # he/she/they/it when the speaker is a pronoun
    plural: bool = False
    definite: bool = False
    continuation: Span | None = None  # the second half of a split quotation: '"A," she said, "B."' -> "B."
    scene: bool = False  # words shouted or chanted in a scene ('a deputy yells "Get down!"'): the speaker is no source
    act: bool = False  # a commitment, threat or demand ('officers threatened to use live fire', 'members rejected the
    # budget'): the speaker is the actor of a reported act, not the source of a claim
    named_ahead: Span | None = None  # the named person a description turns out to be ('The county official ... Maria
    # Lopez, the county's emergency manager, ...'): the description was not anonymous
    learned: dict[str, float] | None = None  # found by the attribution head: each span's probability (speaker, cue,
    # content), None for the rules' attributions


# ------------------------------------------------------------------------------------------------------ quotations
def _opens_here(line: str, at: int, width: int) -> bool:
    """A mark at the start of a word, after a space, a colon or the line's start: where a quotation opens."""
    before = line[at - 1] if at > 0 else " "
    after = line[at + width] if at + width < len(line) else " "
    # (an invisible format character, a U+202A direction mark pasted before the mark, counts as a space)
    return (before.isspace() or before in ":(—–" or unicodedata.category(before) == "Cf") and after.isalnum()


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of quotations (marks included), paired per line; an unclosed quote runs to the line end."""
    spans: list[tuple[int, int]] = []
    line_start = 0
    for line in text.split("\n"):
        open_at: int | None = None
        for mark in QUOTE_MARK_RE.finditer(line):
            ch, pos, width = mark.group(), line_start + mark.start(), len(mark.group())
            if ch == "''":  # two apostrophes used as a double quotation mark
                ch = '"'
            if ch in "“„«" and open_at is None:
                open_at = pos
            elif ch in "”»" and open_at is None and _opens_here(line, mark.start(), width):
                open_at = pos  # a closing mark typed where a quotation opens (': ”Bird flu ...”'): it still opens
            elif ch in "”»" and open_at is not None:
                spans.append((open_at, pos + 1))
                open_at = None
            elif ch == '"':
                if open_at is None:
                    open_at = pos
                else:
                    spans.append((open_at, pos + width))
                    open_at = None
        if open_at is not None and line_start + len(line) - open_at > 1:
            spans.append((open_at, line_start + len(line)))
        line_start += len(line) + 1
    return spans


class _Quotes:
    """Per-doc index built once: quotation spans ('is this offset quoted?') and each token's sentence.

    ``Token.sent`` walks the doc's sentences on every call, which dominated the run time; this looks them up.
    """

    def __init__(self, doc) -> None:
        self.view = view(doc)  # text and sentences computed once per doc, shared with the other analyzers
        self.text = self.view.text
        self.spans = quote_spans(self.text)
        self.starts = [s for s, _ in self.spans]
        self.sents = self.view.sents

    def sent_index(self, tok) -> int:
        return self.view.sent_index(tok.i)

    def sentence(self, tok):
        return self.view.sent_of(tok.i)

    def containing(self, pos: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0 and self.spans[i][0] < pos < self.spans[i][1] - 1:
            return self.spans[i]
        return None

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        i = max(bisect.bisect_right(self.starts, start) - 1, 0)
        out = []
        for s, e in self.spans[i:]:
            if s >= end:
                break
            if e > start:
                out.append((s, e))
        return out


# ----------------------------------------------------------------------------------------------------- extraction
def _trim(doc, start: int, end: int) -> tuple[int, int] | None:
    """Token range [start, end) without edge punctuation (quotation marks kept: they belong to the content)."""
    while start < end and (doc[start].text in EDGE_PUNCT or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].text in EDGE_PUNCT or doc[end - 1].text == "." or doc[end - 1].is_space):
        end -= 1
    return (start, end) if end > start else None


def _char_span(doc, start: int, end: int) -> Span:
    return Span.of(doc[start:end])


# The dashes that end a dateline ('PARIS, May 2 (Reuters) —', 'WASHINGTON --'); a hyphen only when spaced.
DASHES = frozenset({"—", "–", "--"})


def _skip_lead(doc, start: int, end: int) -> int:
    """Where the reported words begin: after a dateline ('PARIS, May 2 (Reuters) —'), which is the writer's."""
    for i in range(start, min(end, start + 12)):
        if doc[i].text in DASHES and any(t.text == ")" for t in doc[start:i]):
            return i + 1
    return start


def _content(doc, quotes: _Quotes, start: int, end: int) -> tuple[QuoteKind, Span] | None:
    """Kind and span of reported content covering tokens [start, end), widened to whole quotations it touches."""
    rng = _trim(doc, start, end)
    if rng is None:
        return None
    rng = _trim(doc, _skip_lead(doc, *rng), rng[1]) or rng
    span = _char_span(doc, *rng)
    touched = quotes.overlapping(span.start, span.end)
    # A stray closing mark at the edge must not turn an indirect clause into a quote.
    touched = [q for q in touched if q[1] - q[0] > 2]
    if not touched:
        return "indirect", span
    if len(touched) == 1 and touched[0][0] <= span.start + 1 and span.end <= touched[0][1] + 1:
        s, e = touched[0]
        return "direct", Span.between(quotes.text, s, e)
    s = min(span.start, *(q[0] for q in touched))
    e = max(span.end, *(q[1] for q in touched))
    stripped = quotes.text[s:e].strip("“”\"' ,.")
    inside = sum(q[1] - q[0] for q in touched)
    kind: QuoteKind = "direct" if inside >= len(stripped) else "mixed"
    return kind, Span.between(quotes.text, s, e)


def _speaker_token(cue):
    """The subject that does the saying: the cue's own subject, or its governing verb's ("..., adding that")."""
    tok = cue
    for _ in range(3):
        for child in sorted(tok.children, key=_dateline_last):
            if child.dep_ == "nsubj" or (child.dep_ == "nsubjpass" and tok.lemma_ in ("quote", "cite")):
                if all(unicodedata.category(c) == "Pd" for c in child.text):
                    continue  # 'made public ― Trump boasted': the tagger took the dash for a noun and a subject
                if child.lemma_.lower() in RELATIVE and tok.dep_ == "relcl":
                    return tok.head
                later = [c for c in tok.children if c.dep_ == "nsubj" and c.i > child.i]
                named = next((c for c in later if getattr(_title_subject(c), "i", None) == child.i), None)
                return named if named is not None else child
        if tok.dep_ in ("conj", "advcl", "xcomp"):
            if tok.dep_ == "xcomp" and tok.head.lemma_ in BLOCKING_HEADS:
                return None
            if tok.dep_ == "conj" and _other_subject_between(tok):
                return None
            tok = tok.head
            continue
        if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN"):  # "issued a statement saying ..."
            noun = tok.head
            tok = noun.head.head if noun.dep_ == "pobj" else noun.head
            continue
        return _fronted_appositive(cue) if tok is cue else None
    return None


def _title_subject(subject):
    """The title the parse made a second subject of the verb, right before a person's name ("Supporters' trust chair
    | Dave Nicholls said"): a common noun whose phrase ends where the name begins. None otherwise."""
    if subject.dep_ != "nsubj" or subject.ent_type_ != "PERSON":
        return None
    before = next((c for c in subject.head.children if c.dep_ == "nsubj" and c.i < subject.i), None)
    if before is None or before.pos_ != "NOUN" or before.right_edge.i + 1 != subject.left_edge.i:
        return None
    # the title's last word touches the name ('trust chair Dave', 'of the coalition Raymond'), no dash between
    touching = subject.doc[subject.left_edge.i - 1]
    return before if touching.pos_ in ("NOUN", "PROPN") and touching.is_alpha else None


def _fronted_appositive(cue):
    """'As part of his plea, Marcel Lazar, 44, said ...', 'In a statement to the Observer, her adviser, Jake Sullivan,
    said: ...': the parser hangs the speaker on the fronted phrase as an appositive, set off by commas and ending
    right before the cue, and leaves the cue no subject."""
    doc = cue.doc
    for prep in cue.children:
        if prep.dep_ != "prep" or prep.right_edge.i >= cue.i or prep.left_edge.i != cue.sent.start:
            continue
        for tok in prep.subtree:
            if (
                tok.dep_ == "appos"
                and tok.pos_ in ("PROPN", "NOUN")
                and doc[tok.left_edge.i - 1].text == ","
                and all(t.is_punct for t in doc[tok.right_edge.i + 1 : cue.i])
                and (tok.right_edge.i + 1 == cue.i or doc[cue.i - 1].text == ",")
            ):
                return tok
    return None


def _dateline_last(child) -> bool:
    """Sort key: a dateline the parser took for a subject ('WASHINGTON -- President Obama said') after the real one."""
    doc = child.doc
    return child.i + 1 < len(doc) and doc[child.i + 1].text in (*DASHES, "-") and child.text.isupper()


def _other_subject_between(conj) -> bool:
    """A conjunct with a subject of its own stands between the verb and the head it shares a subject with ('some
    people were dozing and others checking their phones as he ... and described the plans'): the subject is not
    the verb's, the parse joined clauses about different people."""
    return any(
        c.dep_ == "conj" and c.i < conj.i and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
        for c in conj.head.children
    )


# Words for when, in a modifier the parser hung on the speaker ('Trump at the time said').
TIME_NOUNS = frozenset(
    {"time", "moment", "day", "week", "month", "year", "night", "morning", "afternoon", "evening", "weekend"}
)
# Prepositions of a setting ('Trump, in Kentucky, said'): after a comma they say where or when, not who.
SETTING_PREPS = frozenset({"in", "at", "on", "during", "after", "before", "from", "while", "outside", "inside"})


def _not_of_speaker(child) -> bool:
    """A modifier after the speaker's head word that tells when, where or how the words were said, not who said
    them: ', speaking on condition of anonymity,', 'on Tuesday', 'at the time', ', in Kentucky,', 'when asked
    about ...'. Relative clauses ('Smith, who asked not to be named,') and 'of ...' ('Stephen Vladeck of the
    University of Texas') stay part of the speaker: they say who it is."""
    doc = child.doc
    comma = child.left_edge.i > 0 and doc[child.left_edge.i - 1].text == ","
    if child.dep_ in ("acl", "advcl") and child.tag_ in ("VBG", "VBN") and comma:
        return True
    if child.dep_ == "advcl":
        return True
    if child.dep_ in ("prep", "npadvmod"):
        words = [t for t in child.subtree if t.i != child.i and t.dep_ != "det"] if child.dep_ == "prep" else [child]
        if words and all(t.ent_type_ in ("DATE", "TIME") for t in words):
            return True  # 'on Tuesday', 'Tuesday'; not 'officials from the 2012 campaign'
        pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
        if pobj is not None and pobj.lemma_.lower() in TIME_NOUNS:
            return True
        if comma and child.lower_ in SETTING_PREPS:
            return True
    return False


def _without_aside(doc, speaker, rng: tuple[int, int], lex: Lexicon) -> tuple[int, int]:
    """The speaker as shown: without a relative clause set off by a comma that holds an attribution of its own ('Mr.
    Obama, who understood that a push would fail, said ...': what he understood is another claim, not who he is). A
    clause that says who the person is stays ('Derek Mitchell, who served as ambassador to Burma'), and the whole range
    still decides who it is ('an official, who spoke on condition of anonymity,' stays anonymous)."""
    for child in speaker.children:
        start = child.left_edge.i
        if (
            child.dep_ == "relcl"
            and rng[0] < start - 1 < rng[1]
            and doc[start - 1].text == ","
            and any(c.dep_ == "ccomp" for c in child.children)
            and (child.lemma_.lower() in lex.speech_verbs or child.lemma_.lower() in _belief_verbs(lex))
        ):
            return _trim(doc, rng[0], start - 1) or rng
    return rng


def _speaker_range(doc, speaker, cue) -> tuple[int, int] | None:
    if speaker.dep_ not in ("nsubj", "nsubjpass", "pobj") and speaker.head.i == cue.i:
        return None
    if cue.dep_ == "relcl" and speaker.i == cue.head.i:  # "Smith, who said ..." -> "Smith"
        start, end = speaker.left_edge.i, speaker.i + 1
    else:
        title = _title_subject(speaker)
        start, end = (speaker.left_edge.i if title is None else title.left_edge.i), speaker.right_edge.i + 1
        name = _entity(speaker) if title is not None else None
        end = max(end, name.end) if name is not None else end  # 'Raymond | Toliver': the parse split the name too
        for child in speaker.children:
            if child.i > speaker.i and _not_of_speaker(child):
                end = min(end, child.left_edge.i)
        if doc[start].lower_ == "even" and doc[start].dep_ == "advmod" and start < speaker.i:
            start += 1  # 'Even the organizer of the rally said': the focus word is the writer's
        elif doc[start].lower_ == "both" and doc[start].dep_ in ("preconj", "det") and start < speaker.i:
            start += 1  # 'Both Mr. King and Mr. Schultz said': the two people, not 'both'
    # '"...nonsense," Khizr Khan, 66, said': the closing mark the parse hung on the speaker is the quotation's, and so
    # is the comma before it when the parse hung that on the speaker too ('... we know of," Dr. Ann Lowe, the ...')
    while start < speaker.i and (
        (doc[start].is_quote and start and doc[start - 1].text in (",", "!", "?"))
        or (doc[start].text in (",", "!", "?") and doc[start + 1].is_quote)
    ):
        start += 1
    for i in range(min(speaker.i, end) - 1, start - 1, -1):  # a dateline glued on by the parse: "RENO (AP) — X"
        if doc[i].text in DASHES or doc[i].is_space or (doc[i].text == "-" and i and doc[i - 1].whitespace_):
            start = i + 1
            break
    if start <= cue.i < end:  # an inverted or odd parse: keep the part before the cue
        end = cue.i if cue.i > speaker.i else end
        start = max(start, cue.i + 1) if cue.i < speaker.i else start
    return _trim(doc, start, end)


def _channel(doc, cue, lex: Lexicon) -> Span | None:
    """A named outlet or platform the words were given to: 'told Radio Norte', 'in an interview with CNN'."""

    def named(tok) -> bool:
        return any(
            t.pos_ == "PROPN" or (t.ent_type_ and t.ent_type_ not in ("DATE", "TIME", "CARDINAL")) for t in tok.subtree
        )

    def phrase(tok) -> Span | None:
        rng = _trim(doc, tok.left_edge.i, tok.right_edge.i + 1)
        return _char_span(doc, *rng) if rng else None

    heads = [cue] + [c for c in cue.children if c.dep_ == "advcl" and c.lemma_ in ("speak", "talk", "write")]
    for head in heads:
        if cue.lemma_ in lex.channel_verbs and head is cue:
            for child in cue.children:
                if child.dep_ in ("dobj", "dative") and child.pos_ != "PRON" and named(child):
                    return phrase(child)
        for prep in head.children:
            if prep.dep_ != "prep":
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                word = prep.lower_
                if word == "on" and (
                    pobj.lower_ in lex.platforms or doc[pobj.left_edge.i : pobj.i + 1].text.lower() in lex.platforms
                ):
                    return phrase(pobj)
                if word == "to" and pobj.pos_ != "PRON" and named(pobj):
                    return phrase(pobj)
                if word == "in" and pobj.lemma_.lower() in lex.channel_nouns:
                    for inner in pobj.children:
                        if inner.dep_ == "prep" and inner.lower_ in ("with", "to", "on"):
                            for target in inner.children:
                                if target.dep_ == "pobj" and named(target):
                                    return phrase(target)
    return None


def _adjacent_quote(doc, quotes: _Quotes, cue, speaker_rng) -> Span | None:
    """A quotation right before the cue clause ('"...," she said') or right after it ('she said: "..."')."""
    first = min(cue.i, speaker_rng[0]) if speaker_rng else cue.i
    last = max(cue.i + 1, speaker_rng[1]) if speaker_rng else cue.i + 1
    clause_start, clause_end = doc[first].idx, doc[last - 1].idx + len(doc[last - 1].text)
    before = after = None
    i = bisect.bisect_right(quotes.starts, clause_start) - 1
    if i >= 0:
        s, e = quotes.spans[i]
        gap = quotes.text[e:clause_start]
        if e <= clause_start and "\n" not in gap and not gap.strip(" ,.;:—–-"):
            before = Span.between(quotes.text, s, e)
    j = bisect.bisect_left(quotes.starts, clause_end)
    if j < len(quotes.spans):
        s, e = quotes.spans[j]
        gap = quotes.text[clause_end:s]
        same_line = "\n" not in gap and gap.strip() in (":", ",")
        # 'She said:' closing a paragraph, the quotation opening the next one (a block quote)
        block = (
            gap.strip() == ":"
            and gap.lstrip().startswith(":\n")
            and gap.count("\n") <= 2
            and quotes.text.rfind("\n", 0, s) == s - 1
        )
        if same_line or block:
            after = Span.between(quotes.text, s, e)
    if before is not None and after is not None:
        # '... "Drop it!" Another officer yelled, "Back up!"': a quotation ending the previous sentence belongs to
        # it; the one this clause introduces is its own.
        if quotes.view.sent_index_at_char(before.end - 1) < quotes.view.sent_index_at_char(clause_start):
            return after
    return before or after


def _cue_span(doc, cue, speaker_rng, lex: Lexicon, content: Span) -> Span:
    """The cue verb with its adjacent auxiliaries and adverbs ('has also said') and particle ('pointed out',
    'called for')."""
    first = cue.i
    while (
        first - 1 > speaker_rng[1] - 1
        and doc[first - 1].head.i == cue.i
        and doc[first - 1].dep_ in ("aux", "advmod")
        and not doc[first - 1].is_punct
    ):
        first -= 1
    last = cue.i
    nxt = doc[cue.i + 1] if cue.i + 1 < len(doc) else None
    if nxt is not None and nxt.head.i == cue.i and nxt.dep_ == "prt":
        last = nxt.i
    prep = _cue_prep(cue, lex)
    if prep is not None and 0 <= content.start - (prep.idx + len(prep.text)) <= 1:
        last = max(last, prep.i)  # the content is the preposition's object: 'called for', 'spoke out against'
    return Span.of(doc[first : last + 1])


CUE_PREPS = frozenset({"about", "on", "against", "of", "over", "for"})


def _cue_prep(cue, lex: Lexicon):
    """The preposition that introduces the content: 'spoke (out) about X', 'called for X'."""
    lemma = cue.lemma_.lower()
    if lemma in lex.prep_verbs:
        allowed = CUE_PREPS
    elif lemma in lex.call_for_verbs:
        allowed = frozenset({"for"})
    else:
        return None
    for child in cue.children:
        if (
            child.dep_ == "prep"
            and child.lower_ in allowed
            and cue.i < child.i <= cue.i + 2
            and all(t.dep_ == "prt" for t in cue.doc[cue.i + 1 : child.i])
        ):
            return child
    return None


def _object_content(doc, quotes: _Quotes, cue, lex: Lexicon) -> tuple[QuoteKind, Span] | None:
    """'denied the report', 'praised the deal', 'called for a ceasefire': the object phrase is the content.

    Pronoun objects ('denied it') and objects that only name a person ('thanked Smith') are real attributions in
    annotated corpora but say nothing checkable; object verbs also need the whole object to follow the cue.
    """
    target = None
    prep = _cue_prep(cue, lex)
    if prep is not None:
        target = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if target is None or target.pos_ == "PRON" or target.lower_ in ("behalf", "condition", "record", "air"):
            return None  # 'spoke on behalf of', 'on condition of anonymity', 'on the record
        if target.ent_type_ in ("DATE", "TIME"):
            return None  # 'said on Friday': when it was said, not what
        return _content(doc, quotes, target.left_edge.i, target.right_edge.i + 1)
    if cue.lemma_.lower() not in lex.object_verbs and cue.lemma_.lower() not in lex.call_for_verbs:
        return None
    if cue.lemma_.lower() in lex.call_for_verbs:
        for prep in cue.children:
            if prep.dep_ == "prep" and prep.lower_ == "for" and prep.i == cue.i + 1:
                target = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if target is None:  # "called the plan a disgrace": object plus predicate
            obj = next((c for c in cue.children if c.dep_ == "dobj"), None)
            pred = next(
                (c for c in cue.children if c.dep_ in ("oprd", "ccomp") and obj is not None and c.i > obj.i), None
            )
            if obj is None or pred is None or obj.i < cue.i:
                return None
            return _content(doc, quotes, obj.left_edge.i, pred.right_edge.i + 1)
    else:
        target = next((c for c in cue.children if c.dep_ == "dobj"), None)
    if target is not None and target.pos_ == "PRON" and target.i > cue.i:
        # 'described it as nearly impossible', 'dismissed them as a stunt': a verdict on what the pronoun stands for
        pred = next((c for c in cue.children if c.i > target.i and _is_predicate(c)), None)
        return None if pred is None else _content(doc, quotes, target.i, pred.right_edge.i + 1)
    if target is None or target.i < cue.i or target.pos_ == "PRON":
        return None
    start, end = target.left_edge.i, target.right_edge.i + 1
    if start <= cue.i:
        return None
    # what the object is said to be or to have done ('described the dinner as a disaster', 'accused Clinton of
    # dragging her feet', 'blamed the storm for the outage') is part of what was said about it
    pred = next((c for c in cue.children if c.i == end and _predicate_on_object(c)), None)
    if pred is not None:
        end = pred.right_edge.i + 1
    return _content(doc, quotes, start, end)


def _predicate_on_object(tok) -> bool:
    return _is_predicate(tok) or (
        tok.dep_ == "prep" and tok.lower_ in ("of", "for") and any(c.dep_ in ("pobj", "pcomp") for c in tok.children)
    )


def _is_predicate(tok) -> bool:
    """A predicate on a verb's object: 'as' with what it is said to be ('as a stunt', 'as nearly impossible'), or
    an object predicate ('called it a disgrace')."""
    if tok.dep_ == "oprd":
        return True
    return tok.dep_ == "prep" and tok.lower_ == "as" and any(c.dep_ in ("pobj", "amod", "acomp") for c in tok.children)


def _parenthetical(doc, quotes: _Quotes, cue, lex: Lexicon) -> tuple[tuple[QuoteKind, Span] | None, Span | None]:
    """'The plant, he said, will close.': content is the governing clause around the cue, in two parts when the
    cue clause sits inside it: (kind and the longer part, the other part or None)."""
    head = cue.head
    if head.dep_ in ("aux", "auxpass") and head.head.i > head.i:
        head = head.head  # 'Even then, he said, he's learned ...': the parse hangs the cue on the auxiliary
    if cue.dep_ not in ("parataxis", "ccomp") or head.i == cue.i or head.pos_ not in ("VERB", "AUX"):
        return None, None
    subject = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < cue.i), None)
    words = [c for c in cue.children if c.dep_ != "punct" and not _opens_reported_sentence(doc, c, subject)]
    sub_start, sub_end = _clause_range(cue, words)
    if sub_start < 1 or doc[sub_start - 1].text not in (",", "—", "–"):
        return None, None
    first = head.left_edge.i
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in head.children)
    if first < sub_start - 1 and has_subject and _setting_of_the_saying(doc, (first, sub_start - 1), lex):
        first = sub_start  # (without a subject of its own, the fronted words are the clause's: 'Pivoting too soon')
    return _parts_around(doc, quotes, first, (sub_start, sub_end), head.right_edge.i + 1)


def _fronted_part(doc, quotes: _Quotes, cue, speaker_rng, content: Span, lex: Lexicon) -> Span | None:
    """'Instead, Trump told CNN, his policy would be ...', 'An economic downturn, he said, "could be a good time
    ..."', 'Whether the issue is the pipeline or health care, Mr. Garin added, "it becomes harder ..."': a reporting
    clause set off by commas inside the sentence it reports, its content after it; the words before the clause are
    the content's other part. Not the writer's framing of the saying ('Asked about the plan, she said, "..."', 'In a
    statement, the company said, ...') nor a quotation of its own (a split quotation, read elsewhere)."""
    sent = quotes.sentence(cue)
    first = min(cue.i, speaker_rng[0])
    if first >= 1 and doc[first - 1].is_quote and content.start in quotes.starts and content.start > doc[cue.i].idx:
        if any(t.pos_ == "VERB" for t in doc[first : cue.i]):
            return None  # '"A," Trump said before adding: "B."': the first quotation is the other verb's
        return _split_first_part(quotes, doc[first - 1])
    if first - 1 <= sent.start or doc[first - 1].text != ",":
        return None
    # what stands between the clause and the content: the cue's own words ('told CNN', 'said on Friday') and a comma
    k = cue.i + 1
    while k < len(doc) and doc[k].idx < content.start:
        k += 1
    between = [t for t in doc[max(cue.i, speaker_rng[1] - 1) + 1 : k] if not (t.is_quote or t.is_space)]
    if not between or between[-1].text != "," or content.start < doc[cue.i].idx:
        return None
    subtree = {t.i for t in cue.subtree}
    if any(not t.is_punct and t.i not in subtree for t in between):
        return None
    left = _trim(doc, sent.start, first - 1)
    if left is None:
        return None
    span = _char_span(doc, *left)
    if quotes.overlapping(span.start, span.end) or quotes.containing(span.start):
        return None
    # a quotation that opens a sentence of its own ('On the subject of Israel, Trump added, "Sheldon knows ..."',
    # 'Hours later, she said, "We won."'): what stands before the clause is the writer's setting of it; one that
    # opens in lower case continues the words before ('An economic downturn, he said, "could be a good time"')
    opening = quotes.text[content.start : content.start + 3].lstrip("\"“”'‘’ ")
    if content.start in quotes.starts and opening[:1].isupper():
        return None
    if left[1] - left[0] == 1 and doc[left[0]].dep_ == "cc":
        return None  # 'But, he added, ...': the writer's link to the sentence before
    if doc[left[1] - 1].pos_ in ("ADP", "DET", "CCONJ", "SCONJ") or doc[left[1] - 1].lower_ == "including":
        return None  # the words before run on past the clause ('critics, including, ...'): a parse of something else
    if _time_phrase(doc[left[0] : left[1]]):
        return None  # 'In June 2009, she wrote, "..."', 'Minutes later, he replied, "..."': when it was said
    return None if _setting_of_the_saying(doc, left, lex) else span


def _split_first_part(quotes: _Quotes, mark) -> Span | None:
    """'"Judge," Brafman said, "I have never seen that."': the parse reads the second quotation as the cue's clause;
    the first, ending in a comma right before the reporting clause, is the content's other part."""
    end = mark.idx + len(mark.text)
    i = bisect.bisect_right(quotes.starts, mark.idx) - 1
    if i < 0 or quotes.spans[i][1] != end:
        return None
    start = quotes.spans[i][0]
    if not quotes.text[start:end].rstrip("\"“”'’ ").endswith(","):
        return None
    return Span.between(quotes.text, start, end)


def _time_phrase(words) -> bool:
    """Words that open with when ('In June 2009, after ...', 'Minutes later', 'Last week'): a date or a time word,
    alone or as the object of the opening preposition."""
    first = words[0]
    if first.pos_ == "ADP":
        first = next((c for c in first.children if c.dep_ == "pobj"), first)
    return first.ent_type_ in ("DATE", "TIME") or first.lemma_.lower() in TIME_NOUNS | {"minute", "hour"}


def _setting_of_the_saying(doc, rng: tuple[int, int], lex: Lexicon) -> bool:
    """Words before a reporting clause that are the writer's setting of the saying, not what was said: a participle
    ('Asked about the plan,', 'Speaking to reporters,') or the channel ('In a statement,', 'In an interview with
    CNN,')."""
    words = doc[rng[0] : rng[1]]
    root = words.root
    if (
        root.tag_ in ("VBN", "VBG")
        and root.dep_ not in ("csubj", "csubjpass", "nsubj", "nsubjpass")  # 'Freeing her husband was ...'
        and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in root.children)  # 'If the demands are not met'
    ):
        return True
    return any(t.dep_ == "pobj" and t.lemma_.lower() in lex.channel_nouns for t in words)


def _clause_range(cue, words) -> tuple[int, int]:
    """Token range [start, end) of the cue's own clause: the cue and its dependents ``words``."""
    return min([cue.i] + [c.left_edge.i for c in words]), max([cue.i] + [c.right_edge.i for c in words]) + 1


def _parts_around(
    doc, quotes: _Quotes, first: int, clause: tuple[int, int], last: int
) -> tuple[tuple[QuoteKind, Span] | None, Span | None]:
    """The content in tokens [first, last) around the cue clause ``clause``. 'The plant, he said, will close.': the
    words on both sides are one content in two parts; the longer part is the quote's content (what the claims and
    language checks read), the other its continuation: (kind and the longer part, the other part or None)."""
    left = _content(doc, quotes, first, clause[0]) if first < clause[0] else None
    right = _content(doc, quotes, clause[1], last) if clause[1] < last else None
    if left is None or right is None:
        return left or right, None
    if left[1].end - left[1].start >= right[1].end - right[1].start:
        return left, right[1]
    return right, left[1]


# Reporting verbs whose 'as' clause credits the sentence it is set in ('As the Post reported, ...', 'as Clyburn
# noted'), besides 'put it'. Not 'speak', 'talk', 'announce' or 'testify': 'As he spoke, ...' tells a time.
AS_CREDIT_VERBS = frozenset(
    {"say", "note", "report", "write", "observe", "point", "explain", "argue", "tell", "remark", "acknowledge"}
    | {"admit", "concede", "suggest", "warn", "predict", "recall", "mention", "claim", "insist", "state", "reveal"}
)
# Words that open the sentence before the 'as' clause and are the writer's: 'But as Clyburn noted, ...'
AS_OPENER_DEPS = frozenset({"cc", "advmod", "intj", "punct", "prep"})


def _as_attribution(doc, quotes: _Quotes, cue, lex: Lexicon) -> Attribution | None:
    """'As The Washington Post reported, the inspector general issued subpoenas', 'Those voters, as Clyburn noted,
    will give him a second look', 'as one aide put it': an 'as' clause on a reporting verb that reports nothing of
    its own credits the clause it is set in (two parts when it sits inside). Not 'as he said he would' (a clause of
    its own), 'as she was leaving' or 'As he spoke, ...' (a time)."""
    lemma = cue.lemma_.lower()
    head = cue.head
    if cue.dep_ == "relcl" and head.dep_ in ("nsubj", "nsubjpass"):
        head = head.head  # 'The levy, as one aide put it, is a tax': the parse hangs the clause on the subject
    elif cue.dep_ != "advcl":
        return None
    if cue.tag_ == "VBG" or not any(c.dep_ == "mark" and c.lower_ == "as" and c.i < cue.i for c in cue.children):
        return None
    deps = {c.dep_ for c in cue.children}
    if lemma == "put":
        if not any(c.dep_ == "dobj" and c.lower_ == "it" for c in cue.children):
            return None
    # an object is the addressee after 'tell' ('as she told reporters'), else a topic of its own ('as he noted the rise')
    elif (
        lemma not in AS_CREDIT_VERBS
        or deps & {"ccomp", "xcomp", "attr", "acomp", "neg", "auxpass", "nsubjpass"}
        or ("dobj" in deps and lemma != "tell")
    ):
        return None
    if head.pos_ not in ("VERB", "AUX") or not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in head.children):
        return None
    speaker = next((c for c in cue.children if c.dep_ == "nsubj" and c.i < cue.i), None)
    if speaker is None or speaker.lower_ in RELATIVE or quotes.containing(speaker.idx):
        return None
    speaker_rng = _speaker_range(doc, speaker, cue)
    if speaker_rng is None:
        return None
    clause = _clause_range(cue, [c for c in cue.children if c.dep_ != "punct"])
    first = head.left_edge.i
    while first < clause[0] and doc[first].head.i == head.i and doc[first].dep_ in AS_OPENER_DEPS:
        first = doc[first].right_edge.i + 1  # 'But', 'Of course,', 'So': the writer's own openers
    content, rest = _parts_around(doc, quotes, first, clause, head.right_edge.i + 1)
    if content is None:
        return None
    kind, content_span = content
    speaker_span = _char_span(doc, *speaker_rng)
    cue_span = (
        Span.of(doc[cue.i : cue.i + 2]) if lemma == "put" else _cue_span(doc, cue, speaker_rng, lex, content_span)
    )
    att = Attribution(Quote(kind, cue_span, content_span, speaker=speaker_span), quotes.sent_index(cue))
    att.continuation = rest
    _classify(doc, att, speaker, speaker_rng, quotes.sentence(cue), lex)
    return att


def _opens_reported_sentence(doc, child, subject) -> bool:
    """'If the talks fail, the minister said, the strike will go ahead', 'Instead, Trump told CNN, his policy would
    be ...': the parser may hang the condition or the adverb on the cue, but it opens the reported sentence (words
    before the cue's subject, with a comma after them)."""
    if subject is None or child.right_edge.i >= subject.left_edge.i or doc[subject.left_edge.i - 1].text != ",":
        return False
    if child.dep_ == "advcl":
        return any(m.dep_ == "mark" for m in child.children)
    # an adverb or phrase right before the subject's comma, when the parse sets the cue apart (parataxis)
    return (
        child.head.dep_ == "parataxis"
        and child.dep_ in ("advmod", "prep", "npadvmod")
        and child.right_edge.i + 2 == subject.left_edge.i
    )


def _trailing_clause(doc, quotes: _Quotes, cue, speaker_rng) -> tuple[QuoteKind, Span] | None:
    """'The plant will close in June, the manager said.' / '..., said Ana Ruiz, the union's lawyer.': a speaker-and-
    cue clause that ends the sentence after a comma reports everything before the comma (the parser often hangs
    that clause on the cue as something other than its complement)."""
    sent = quotes.sentence(cue)
    first = min(cue.i, speaker_rng[0])
    while first - 1 > sent.start and doc[first - 1].head.i == cue.i and doc[first - 1].dep_ in ("aux", "advmod"):
        first -= 1  # 'he has said', 'she later said'
    last = max(cue.i + 1, speaker_rng[1])
    if first - 1 <= sent.start or doc[first - 1].text not in (",", "—", "–"):
        return None
    if speaker_rng[0] < first or speaker_rng[1] > last:
        return None  # the subject was found outside the clause (a governing verb's): not this shape
    if any(not (t.is_punct or t.is_space) for t in doc[last : sent.end]):
        return None  # the clause must end the sentence
    words = [t for t in doc[sent.start : first - 1] if not (t.is_punct or t.is_space)]
    # What it reports is a clause of its own ('The plant will close'), not a fronted adverbial of the cue ('In the
    # Democratic race, ...', 'As for the campaign, ...', 'If he wins, ...')
    if len(words) < 3 or words[0].pos_ in ("ADP", "SCONJ") or words[0].lower_ in ("as", "but", "and", "so"):
        return None
    if not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in words):
        return None
    return _content(doc, quotes, sent.start, first - 1)


def _according_to(
    doc, quotes: _Quotes, tok
) -> tuple[Span, tuple[int, int], tuple[QuoteKind, Span], Span | None] | None:
    """Cue, speaker range, content and the content's other part: 'According to the police, the driver fled', 'The
    driver fled, according to the police', and set inside the clause it credits, the words on both sides ('The
    governor, according to aides, plans to veto the bill')."""
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if to is None or pobj is None:
        return None
    sent = quotes.sentence(tok)
    end = pobj.right_edge.i + 1
    for i in range(pobj.i + 1, end - 1):  # 'people familiar with the matter, which was first reported by Reuters':
        # a relative clause on a thing after a comma says nothing of who the people are
        if doc[i].text == "," and doc[i + 1].lower_ == "which":
            end = i
            break
    speaker = _trim(doc, pobj.left_edge.i, end)
    if speaker is None:
        return None
    cue = Span.between(quotes.text, tok.idx, to.idx + len(to.text))
    inside = _credited_clause(doc, sent, tok, pobj.right_edge.i + 1)
    if inside is not None:
        content, rest = _parts_around(doc, quotes, inside[0], (tok.i, pobj.right_edge.i + 1), inside[1])
        if content is not None and rest is not None:
            return cue, speaker, content, rest
    left, right = (sent.start, tok.i), (pobj.right_edge.i + 1, sent.end)
    best = max((left, right), key=lambda r: r[1] - r[0])
    content = _content(doc, quotes, *best)
    if content is None:
        return None
    return cue, speaker, content, None


def _credited_clause(doc, sent, tok, phrase_end: int) -> tuple[int, int] | None:
    """Token range [start, end) of the clause an 'according to' phrase is set inside, between commas, before the
    clause's verb ('At the centre of the dispute, according to two officials, was a clause on water rights'); None
    when the phrase opens or ends its clause ('Prices rose, according to the bureau, and wages fell')."""
    head = tok.head
    if head.pos_ not in ("VERB", "AUX") or head.i < phrase_end or phrase_end >= sent.end:
        return None
    if doc[tok.i - 1].text != "," or doc[phrase_end].text != ",":
        return None
    first = max(sent.start, head.left_edge.i)
    # 'But, according to ...', 'that, according to ...': the clause starts after the conjunction
    while first < tok.i and (
        doc[first].is_punct or (doc[first].dep_ in ("cc", "mark") and doc[first].head.i == head.i)
    ):
        first += 1
    if first >= tok.i - 1:
        return None
    # a clause that opens the sentence runs to its end (the parse may hang it on a quotation after a colon)
    return first, sent.end if head.left_edge.i <= sent.start else head.right_edge.i + 1


def find_attributions(doc, *, lex: Lexicon | None = None, index: _Quotes | None = None) -> list[Attribution]:
    """Every attribution in the doc, in text order, with its speaker classified (sources not yet grouped)."""
    lex = lex or lexicon()
    quotes = index or _Quotes(doc)
    found: list[Attribution] = []
    # The doc's token strings, read once (docview): a Token only for 'according' and the cue verbs.
    lowers, pos, lemmas = quotes.view.lowers, quotes.view.column("POS"), quotes.view.column("LEMMA")
    belief = _belief_verbs(lex)
    for i, low in enumerate(lowers):
        is_according = low == "according"
        if not is_according and pos[i] == "VERB" and lemmas[i].lower() in belief:
            held = _belief_attribution(doc, quotes, doc[i])
            if held is not None:
                found.append(held)
            continue
        if not is_according and (pos[i] != "VERB" or lemmas[i].lower() not in lex.cue_verbs):
            if pos[i] == "VERB" and lemmas[i] == "put":  # 'as one aide put it'
                credit = _as_attribution(doc, quotes, doc[i], lex)
                if credit is not None:
                    found.append(credit)
            continue
        tok = doc[i]
        if quotes.containing(tok.idx):
            continue
        if is_according and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            got = _according_to(doc, quotes, tok)
            if got is None:
                continue
            cue, speaker_rng, (kind, content), rest = got
            quote = Quote(kind, cue, content, speaker=_char_span(doc, *speaker_rng))
            att = Attribution(quote, quotes.sent_index(tok))
            att.continuation = rest
            _classify(doc, att, doc[speaker_rng[0] : speaker_rng[1]].root, speaker_rng, quotes.sentence(tok), lex)
            found.append(att)
            continue
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in lex.cue_verbs:
            continue
        credit = _as_attribution(doc, quotes, tok, lex)
        if credit is not None:
            found.append(credit)
            continue
        by_verb = _verb_attribution(doc, quotes, tok, lex) or _inverted_attribution(doc, quotes, tok, lex)
        if by_verb is not None and not _hypothetical(tok):
            found.append(by_verb)
    found.extend(_colon_attributions(doc, quotes, lex))
    found.extend(_record_frames(doc, quotes, found, lex))
    found.sort(key=lambda a: a.quote.cue.start)
    # A cue inside another attribution's speaker phrase ("an official who asked not to be named") is part of the name.
    speakers = [a.quote.speaker for a in found if a.quote.speaker is not None]
    found = [a for a in found if not any(s.contains(a.quote.cue) for s in speakers)]
    found = [a for a in found if not _told_by_named(a, found) and not _label_as_speaker(quotes.text, a)]
    for att in found:
        _after_opening_attribution(doc, quotes, att, found)
    for att in found:  # a quotation that is another attribution's content does not continue this one
        rest = att.continuation
        if rest is not None and any(b is not att and b.quote.content.overlaps(rest) for b in found):
            att.continuation = None
    for att in found:
        _name_description_ahead(doc, quotes, att, lex)
        _agency_statement(att)
        _body_report(quotes, att)
    _group_named_ahead(found, quotes)
    _officials_of_named_source(found)
    _counted_named_before(found, quotes)
    _survey_panel(found, quotes)
    return found


def _label_as_speaker(text: str, att: Attribution) -> bool:
    """A paragraph's label the parse made the subject ('Correction: An earlier version of this article said ...'):
    a genre or note label before a colon speaks for nobody."""
    speaker = att.quote.speaker
    return (
        speaker is not None
        and speaker.text.lower() in COLON_LABELS
        and text[speaker.end : speaker.end + 2].lstrip().startswith(":")
    )


# The later reporting clause names the same speaker again ('..., they said'); a new name reports the whole sentence.
REPEATING_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})


def _after_opening_attribution(doc, quotes: _Quotes, att: Attribution, found: list[Attribution]) -> None:
    """'Others said they back vouchers, but the choice is the states', they said.' / 'He said he had not seen it,
    and asked whether ..., he said, "I hope not."': a later reporting clause by a pronoun whose content, as the parse
    or the trailing-clause rule reads it, opens with another attribution. That one keeps its words; the later one
    reports the quotation on its other side, else what follows the first one's content (PolNeAR's reading)."""
    if att.quote.speaker is None or att.quote.speaker.text.lower() not in REPEATING_PRONOUNS:
        return  # 'X said A, attorneys for the family said': another source reports the whole of it
    content = att.quote.content
    inner = next(
        (
            a
            for a in found
            if a is not att
            and a.quote.speaker is not None
            and content.start <= min(a.quote.speaker.start, a.quote.cue.start) <= content.start + 1
            and a.quote.cue.start < att.quote.cue.start
        ),
        None,
    )
    if inner is None:
        return
    rest = att.continuation or _continuation(quotes, max(att.quote.cue.end, att.quote.speaker.end))
    if rest is not None and rest.start >= att.quote.cue.end and not rest.overlaps(inner.quote.content):
        span = doc.char_span(rest.start, rest.end, alignment_mode="expand")
        att.continuation = None
    elif inner.quote.content.end < content.end:
        span = doc.char_span(inner.quote.content.end, content.end, alignment_mode="expand")
    else:
        return
    got = _content(doc, quotes, span.start, span.end) if span is not None else None
    if got is not None:
        att.quote.kind, att.quote.content = got


# A clause set in a named record: 'In the latest Washington Post-ABC News poll, Clinton led Trump 47 percent to 39
# percent', 'Per FEC filings, the PAC raised $12 million', '... in a Gallup survey released Tuesday'. The record is the
# clause's source, as with 'according to'.
FRAME_PREPS = frozenset({"in", "per"})
RECORD_MAKER_PREPS = frozenset({"by", "from", "of"})
NOT_RECORD_NAMES = frozenset({"GPE", "NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "LOC"})


def _named_record(doc, rng: tuple[int, int], head) -> bool:
    """The record phrase names who made it: a proper noun other than a place, a group or a date ('the latest
    Washington Post-ABC News poll', 'FEC filings', 'a survey by the Pew Research Center'); 'a recent poll', 'an Iowa
    poll' and 'the 2010 census' name nobody who stands behind them."""
    return any(t.pos_ == "PROPN" and t.ent_type_ not in NOT_RECORD_NAMES for t in doc[rng[0] : rng[1]] if t.i != head.i)


def _frames_the_clause(doc, sent, prep) -> bool:
    """The record phrase is set off as the clause's frame: it opens the sentence before a comma ('In the latest
    Gallup poll, ...') or closes it ('... 7.4 percent in March in a report by the Labor Department.'), not a place
    inside the clause ('a new line of inquiry was opened in the FBI investigation of X, and ...')."""
    words = [t for t in doc[sent.start : prep.i] if not (t.is_punct or t.is_space or t.dep_ == "cc")]
    after = prep.right_edge.i + 1
    if not words:
        return after < sent.end and doc[after].text == ","
    return all(t.is_punct or t.is_space for t in doc[after : sent.end])


def _record_frames(doc, quotes: _Quotes, found: list[Attribution], lex: Lexicon) -> Iterator[Attribution]:
    """Attributions to a named record a clause is set in (``FRAME_PREPS``): the preposition is the cue, the record
    the speaker, the clause the content. A sentence whose statement another attribution already sources ('In a
    Gallup survey, 52 percent said ...') gets none."""
    taken = {a.sentence for a in found if not a.quote.act}
    lowers, deps = quotes.view.lowers, quotes.view.column("DEP")
    for i, low in enumerate(lowers):
        if low not in FRAME_PREPS or deps[i] != "prep":
            continue
        tok = doc[i]
        verb = tok.head
        if verb.dep_ != "ROOT" or verb.pos_ not in ("VERB", "AUX") or quotes.containing(tok.idx):
            continue
        record = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if record is None or record.pos_ != "NOUN" or record.lemma_.lower() not in lex.document_nouns:
            continue
        sent_i = quotes.sent_index(tok)
        if sent_i in taken:
            continue
        end = record.i + 1
        for child in record.children:  # 'a survey by the Pew Research Center': who made it belongs to the name
            if child.dep_ == "prep" and child.i > record.i and child.lower_ in RECORD_MAKER_PREPS:
                end = max(end, child.right_edge.i + 1)
        speaker_rng = _trim(doc, record.left_edge.i, end)
        if speaker_rng is None or not _named_record(doc, speaker_rng, record):
            continue
        sent = quotes.sentence(tok)
        if not _frames_the_clause(doc, sent, tok):
            continue
        left, right = (sent.start, tok.i), (tok.right_edge.i + 1, sent.end)
        content = _content(doc, quotes, *max((left, right), key=lambda r: r[1] - r[0]))
        if content is None:
            continue
        kind, content_span = content
        quote = Quote(kind, _char_span(doc, tok.i, tok.i + 1), content_span, speaker=_char_span(doc, *speaker_rng))
        att = Attribution(quote, sent_i)
        _classify(doc, att, record, speaker_rng, sent, lex)
        taken.add(sent_i)
        yield att


# Marks that make a clause a supposition: 'if the sources lied to the reporters', 'unless officials confirm it'.
HYPOTHETICAL_MARKS = frozenset({"if", "unless", "whether", "suppose", "supposing"})


def _hypothetical(cue) -> bool:
    """The cue sits in a supposition ('if the sources lied ... and thus thought ...'): nobody is cited."""
    node = cue
    while True:
        if any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS for c in node.children):
            return True
        if node.dep_ not in ("conj", "advcl", "ccomp", "xcomp") or node.head.i == node.i:
            return False
        node = node.head


def _told_by_named(att: Attribution, found: list[Attribution]) -> bool:
    """An unnamed agent inside what a named or documentary source reports ('investigators found the passport near
    the room, the court papers said'): the information comes from that source, the agent is part of its account."""
    if att.kind != "anonymous" or att.weasel:
        return False
    head: Any = att.speaker_head
    lex = lexicon()
    if head is not None and head.lemma_.lower() in lex.always_anonymous_heads and _speech_cue(att, lex):
        return False  # 'officials say ..., the Herald reported': the other outlet's anonymous sources stay anonymous
    speaker = att.quote.speaker
    return speaker is not None and any(
        other is not att
        and other.kind != "anonymous"
        and other.pronoun is None
        and other.quote.content.contains(att.quote.cue)
        and other.quote.content.contains(speaker)
        for other in found
    )


# A subordinate clause that sets a telling at a time of the story ('while he was in jail', 'when she applied').
_STORY_TIME_MARKS = frozenset({"while", "when", "after", "before", "until", "once", "as"})
_STORY_DATE = re.compile(r"\b(?:1[89]\d\d|20\d\d)s?\b|\b(?:years|decades)\s+(?:later|earlier|ago|before)\b", re.I)


def _narrated_telling(att: Attribution) -> bool:
    """Unnamed people telling the story's subject something at a past time of the story: 'While he was in a county
    jail, immigration officials told him he had never been a citizen', 'In 2004, doctors told Ms. Diaz she would not
    walk again'. They are people in the narrated events, not the article's source for a claim. Still a source:
    anyone telling the paper, reporters, 'me'/'us' or an organisation ('officials told the Post'), and any telling
    not set at a time of the story ('two officials told him the talks had collapsed')."""
    head: Any = att.speaker_head
    cue = head.head if head is not None and head.dep_ == "nsubj" else None
    if (
        cue is None
        or cue.lemma_.lower() != "tell"
        or cue.tag_ != "VBD"
        or not (att.quote.cue.start <= cue.idx < att.quote.cue.end)
    ):
        return False
    told = next((c for c in cue.children if c.dep_ in ("dative", "dobj")), None)
    if told is None:
        return False
    if told.lower_ not in ("him", "her") and not (told.ent_type_ == "PERSON" and told.pos_ == "PROPN"):
        return False  # 'told the Post', 'told reporters', 'told me', 'told CNN'
    sent = view(cue.doc).sent_of(cue.i)
    clause = any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _STORY_TIME_MARKS for m in c.children)
        for c in cue.children
    )
    return clause or bool(_STORY_DATE.search(sent.text[: cue.idx - sent.start_char]))


def _speech_cue(att: Attribution, lex: Lexicon) -> bool:
    head: Any = att.speaker_head
    cue = head.head if head is not None and head.dep_ in ("nsubj", "nsubjpass") else None
    return cue is not None and cue.lemma_.lower() in lex.speech_verbs and cue.lemma_.lower() not in ("find", "show")


# Verbs of a public act: what a body announces or publishes is on the record in its name, not an anonymous tip.
PUBLIC_CUES = frozenset({"announce", "publish", "release", "unveil", "post", "issue"})


def _agency_statement(att: Attribution) -> None:
    """'Border agency officials announced the figures': the officials of a named body making a public
    announcement speak for that body on the record; only the head word made them anonymous."""
    head: Any = att.speaker_head
    if att.kind != "anonymous" or att.weasel or head is None or att.quote.cue.text.split()[0].lower() == "according":
        return
    if any(a.lower() != head.text.lower() for a in att.anonymity):
        return  # 'officials who asked not to be named announced': anonymity is asked for
    cue = head.head if head.dep_ in ("nsubj", "nsubjpass") else None
    if cue is None or cue.lemma_.lower() not in PUBLIC_CUES:
        return
    body = next(
        (t for t in head.subtree if t.i != head.i and t.ent_type_ in ("ORG", "GPE", "NORP") and t.i < head.i), None
    )
    if body is None:
        return
    ent = next((e for e in view(head.doc).ents if e.start <= body.i < e.end), None)
    name = ent.text if ent is not None else body.text
    if body.ent_type_ == "NORP" and att.quote.speaker is not None:
        name = att.quote.speaker.text  # 'Iraqi officials announced': the nation's officials, not the word 'Iraqi'
    att.kind, att.name, att.anonymity = "named_organisation", name, []


# People whose findings a body publishes as a report: 'Senate investigators' speak through their committee's report.
REPORTING_HEADS = frozenset({"investigator", "auditor", "inspector", "examiner", "researcher", "analyst", "staff"})
# The documents such people write (not the lexicon's report_nouns: claims nobody holds, 'amid reports that').
BODY_REPORT_NOUNS = frozenset({"report", "investigation", "inquiry", "audit", "review", "study", "probe", "findings"})


def _body_report(quotes: _Quotes, att: Attribution) -> None:
    """'according to Senate investigators' in an article that names the body's report ('a report by the Senate
    Permanent Subcommittee on Investigations'): the investigators are the named body's report, cited on the record,
    not anonymous people. Needs the body's name on the investigators ('Senate', 'FBI', 'EU') and a report noun whose
    phrase holds that name elsewhere in the article; a count or words asking for anonymity keep the finding."""
    head: Any = att.speaker_head
    if att.kind != "anonymous" or att.weasel or head is None or att.count is not None:
        return
    if head.lemma_.lower() not in REPORTING_HEADS or any(a.lower() != head.text.lower() for a in att.anonymity):
        return
    bodies = {
        t.text
        for c in head.children
        if c.dep_ in ("compound", "amod", "nmod", "poss") and c.i < head.i
        for t in c.subtree
        if t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "NORP", "GPE")
    }
    speaker = att.quote.speaker
    if not bodies or speaker is None:
        return
    for tok in head.doc:
        if tok.lemma_.lower() not in BODY_REPORT_NOUNS or tok.pos_ != "NOUN" or speaker.start <= tok.idx < speaker.end:
            continue
        words = list(tok.subtree)
        if tok.dep_ == "dobj":  # 'the FBI released its report': the body is the subject of the verb that issues it
            words += [t for c in tok.head.children if c.dep_ == "nsubj" for t in c.subtree]
        named = [t for t in words if t.text in bodies]
        if named:
            ent = _entity(named[0])
            att.kind, att.anonymity = "named_organisation", []
            att.name = ent.text if ent is not None else named[0].text
            att.description = speaker.text
            return


def _named_together(sent) -> int:
    """How many people the sentence names together as the subject of one verb ('Chairwoman Maria Alvarez and
    Chairman Tom Hale wrote ...': 2); 0 when it names no such group. Every member a proper name, one at least a
    person."""
    best = 0
    for tok in sent:
        if tok.dep_ not in ("nsubj", "nsubjpass") or tok.pos_ != "PROPN":
            continue
        members = [tok]
        while True:
            nxt = next((c for c in members[-1].children if c.dep_ == "conj"), None)
            if nxt is None:
                break
            members.append(nxt)
        if len(members) >= 2 and all(m.pos_ == "PROPN" for m in members):
            if any(m.ent_type_ == "PERSON" for m in members):
                best = max(best, len(members))
    return best


def _counted_named_before(found: list[Attribution], quotes: _Quotes) -> None:
    """A definite counted group ('the two lawmakers argue ...') after a sentence that named that many people acting
    together ('Chairwoman Maria Alvarez and Chairman Tom Hale wrote ...'): a back-reference to people already named,
    not anonymous sources. The nearest such sentence decides; an indefinite count ('two lawmakers said'), a count
    that differs from it, or words asking for anonymity keep the finding."""
    for att in found:
        head: Any = att.speaker_head
        speaker = att.quote.speaker
        if att.kind != "anonymous" or att.weasel or head is None or speaker is None or (att.count or 0) < 2:
            continue
        if not speaker.text.lower().startswith("the ") or _anonymity_asked(att) or _informant(att):
            continue
        for sent in reversed(quotes.sents[: att.sentence]):
            together = _named_together(sent)
            if together:
                if together == att.count:
                    att.kind, att.anonymity = "role_only", []
                    att.description = att.description or speaker.text
                break


def _surname_only(att: Attribution) -> bool:
    """A speaker given by a bare capitalised name the NER left untagged ('..., Whitlock tweeted')."""
    head: Any = att.speaker_head
    speaker = att.quote.speaker
    return (
        att.kind == "unknown"
        and head is not None
        and head.pos_ == "PROPN"
        and speaker is not None
        and " " not in speaker.text.strip()
    )


def _described_before(quotes: _Quotes, att: Attribution, since: int) -> bool:
    """The named speaker was introduced with a description between sentence ``since`` and their quote ('Guy Roe,
    the former head of the party's campaign committee, said on Twitter ...' then '..., Roe tweeted')."""
    surname = (att.name or "").split()[-1:] or [""]
    for sent in quotes.sents[since + 1 : att.sentence + 1]:
        for ent in sent.ents:
            if ent.label_ == "PERSON" and surname[0] and surname[0] in ent.text.split():
                if _person_description(ent.doc, ent):
                    return True
    return False


def _group_named_ahead(found: list[Attribution], quotes: _Quotes) -> None:
    """A group that the next sentences put a name to ('Federal investigators said ...' then the agent in charge,
    named and described, speaking; 'some members of his party said ...' then one of them named and quoted;
    'Analysts said ...' then one analyst named; 'Local officials said ...' then 'Mayor Jane Roe and council member
    Tom Poe said ...'; 'Facebook officials say ...' then 'Richard Allan, the company's vice president, said'): the
    group's account is backed by a named source. Never a counted group ('two officials'), nor one with a word asking
    for anonymity; officials (anonymous in themselves) only as a public group of a body the named one is of."""
    nonblank = [i for i, s in enumerate(quotes.sents) if quotes.view.text_of(s).strip()]
    rank = {i: n for n, i in enumerate(nonblank)}
    lex = lexicon()
    for att in found:
        head: Any = att.speaker_head
        if att.kind != "anonymous" or head is None or not (att.plural or not att.definite):
            continue
        if any(a.lower() != head.text.lower() for a in att.anonymity):
            continue
        body = officials = None
        if att.weasel:  # 'Analysts said ...' then 'Tom Poe, an analyst at Acme Capital': only the same role noun
            if not att.plural:
                continue
            if head.lemma_.lower() not in lex.role_nouns | lex.insider_roles and not _member_next(quotes, att, found):
                continue  # ('Several delegate candidates said ...' then 'Jane Roe, a delegate candidate, said')
        elif head.lemma_.lower() in lex.always_anonymous_heads:
            body = _public_officials(att, lex)
            officials = _officials_of_body(att, lex) if body is None else None
            if body is None and officials is None:
                continue
        here = rank.get(att.sentence)
        if here is None:
            continue
        named = next(
            (
                b
                for b in found
                if b.pronoun is None
                and 0 < rank.get(b.sentence, -1) - here <= NAMED_AHEAD_SENTENCES
                and (
                    (
                        b.kind == "named_person"
                        and (b.description or officials or _described_before(quotes, b, att.sentence))
                    )
                    or (_surname_only(b) and _described_before(quotes, b, att.sentence))
                )
                and (body is None or _one_of(body, b))
                and (officials is None or _official_of(officials, b, lex))
                and (
                    not att.weasel
                    or head.lemma_.lower() in _words_of(b)
                    or _same_camp(head, b, lex)
                    or _one_of_them(quotes, b)
                )
            ),
            None,
        )
        if named is not None:
            att.kind, att.anonymity, att.weasel = "role_only", [], False
            speaker = att.quote.speaker
            att.description = att.description or (speaker.text if speaker is not None else None)
            att.named_ahead = named.quote.speaker


def _one_of_them(quotes: _Quotes, named: Attribution) -> bool:
    """The named speaker's sentence says the person is one of a group just told of: 'Among them is Senator Ana
    Ruiz, who said ...', 'One of them, Tom Reed, said ...'."""
    opening = [t.lower_ for t in quotes.sents[named.sentence] if not (t.is_punct or t.is_space)][:3]
    return opening[:2] == ["among", "them"] or opening == ["one", "of", "them"]  # where the sentence starts


def _member_next(quotes: _Quotes, att: Attribution, found: list[Attribution]) -> bool:
    """A named person in one of the next sentences is said to be one of the group (``_one_of_them``)."""
    return any(
        b.kind == "named_person" and 0 < b.sentence - att.sentence <= NAMED_AHEAD_SENTENCES and _one_of_them(quotes, b)
        for b in found
    )


# Names a party goes by: 'some GOP leaders' and 'the Republican National Committeeman' are of one camp.
CAMP_NAMES = {"gop": "republican", "republicans": "republican", "democrats": "democratic", "democrat": "democratic"}


def _same_camp(head, named: Attribution, lex: Lexicon) -> bool:
    """A group of insiders ('some GOP leaders') and a named person described by a word of the group's own modifiers
    ('Bruce Hough, the Republican National Committeeman from Utah'): one of them, quoted by name."""
    if head.lemma_.lower() not in lex.insider_roles:
        return False
    mods = {
        CAMP_NAMES.get(t.lower_, t.lower_)
        for c in head.children
        if c.dep_ in ("compound", "amod", "nmod")
        for t in c.subtree
        if not t.is_stop and t.lower_ not in lex.vague_determiners | VAGUE_GROUP_WORDS
    }
    return bool(mods & {CAMP_NAMES.get(w, w) for w in _words_of(named)})


# Public bodies whose officials speak on the record as a matter of course: 'local officials', 'county officials'.
PUBLIC_BODIES = frozenset(
    {
        "local",
        "city",
        "county",
        "town",
        "village",
        "state",
        "school",
        "district",
        "municipal",
        "provincial",
        "regional",
        "township",
        "borough",
        "election",
        "council",
        "police",
        "fire",
        "health",
        "park",
        "transit",
    }
)


_OFF_RECORD = re.compile(r"\b(?:privately|in private|off the record|on background|anonymously|not authori[sz]ed)\b")


def _outside_content(att: Attribution, sent) -> str:
    """The attribution's sentence without its content, lower case: where the terms of the saying are."""
    text, start = sent.text.lower(), sent.start_char
    content = att.quote.content
    return text[: max(0, content.start - start)] + " " + text[max(0, content.end - start) :]


def _officials_of_named_source(found: list[Attribution]) -> None:
    """Officials of a body the article has already quoted by name ('the county health department said ...' and later
    'health officials said ...'; 'police said ...' then 'police officials said ...'): the body speaks through them,
    so they are its spokespeople, no anonymous source. Only an uncounted plural 'officials' whose every modifier is
    a word of that body's name, with no word asking for anonymity; 'senior officials', 'officials' alone, or
    officials of a body not quoted before stay anonymous."""
    for att in found:
        head: Any = att.speaker_head
        if att.kind != "anonymous" or head is None or head.lemma_.lower() != "official" or not att.plural:
            continue
        if att.count is not None or any(a.lower() != head.text.lower() for a in att.anonymity):
            continue
        if _OFF_RECORD.search(_outside_content(att, view(head.doc).sents[att.sentence])):
            continue  # 'administration officials acknowledge privately': not the body speaking on the record
        mods = {
            t.lower_.removesuffix("'s").removesuffix("’s")
            for c in head.children
            if c.dep_ in ("compound", "amod", "nmod")
            for t in c.subtree
            if not t.is_stop and not t.is_punct
        }
        if not mods:
            continue
        body = next(
            (
                b
                for b in found
                if b.kind == "named_organisation"
                and b.sentence < att.sentence
                and mods <= set(re.findall(r"[\w’']+", (b.name or "").lower()))
            ),
            None,
        )
        if body is not None:
            att.kind, att.anonymity, att.weasel = "role_only", [], False
            att.description = body.name


def _officials_of_body(att: Attribution, lex: Lexicon) -> tuple[frozenset[str], bool] | None:
    """(the words that narrow the group, whether one is an organisation's name) of an uncounted plural group of
    officials of a public body or a named organisation ('local officials', 'county officials', 'Facebook
    officials') that says something; None for any other group ('senior officials', 'two officials', 'officials')."""
    head: Any = att.speaker_head
    if head is None or not att.plural or att.count is not None:
        return None
    mods = {
        t.lemma_.lower().removesuffix("'s")
        for c in head.children
        if c.dep_ in ("compound", "poss", "nmod", "amod")
        for t in c.subtree
        if t.pos_ in ("NOUN", "PROPN", "ADJ") and not t.is_stop
    }
    named_org = any(  # 'Facebook officials': a name (tagged or capitalised), not a body's common noun ('County')
        (t.ent_type_ in ("ORG", "GPE") or t.pos_ == "PROPN" or t.is_title)
        and t.lemma_.lower() not in lex.org_nouns
        and t.lemma_.lower() not in PUBLIC_BODIES
        for c in head.children
        if c.dep_ in ("compound", "poss", "nmod")
        for t in c.subtree
    )
    if not mods or not (named_org or mods <= PUBLIC_BODIES):
        return None
    return frozenset(mods), named_org


def _words_of(named: Attribution) -> set[str]:
    """The lower-case words of a named speaker's description, plurals also singular ('the company's vice president'
    -> company, vice, president)."""
    speaker = named.quote.speaker  # 'Superintendent Carla Diaz': the title inside the name the NER took
    words = set(re.findall(r"[a-z]+", (named.description or (speaker.text if speaker else "")).lower()))
    return words | {w[:-1] for w in words if w.endswith("s") and len(w) > 3}


def _official_of(officials: tuple[frozenset[str], bool], named: Attribution, lex: Lexicon) -> bool:
    """The named speaker is one of the officials: described by the group's own body word ('county' in 'the county's
    emergency manager'), by an organisation noun standing for the named organisation ('the company's vice
    president' for 'Facebook officials'), or, for a public body, by an office ('Mayor Jane Roe')."""
    mods, named_org = officials
    words = _words_of(named)
    if mods & words:
        return True
    if named_org:  # "the company's vice president", 'chief executive of the firm'
        said = (named.description or "").lower()
        return any(
            re.search(rf"\b(?:the|its) {re.escape(noun)}['’]s\b|\b(?:of|at|for) (?:the|its) {re.escape(noun)}\b", said)
            for noun in words & lex.org_nouns
        )
    return bool(words & lex.role_nouns) or "member" in words


# Words that make a group a disclosed survey or poll panel ('the 40 voters in our panel', 'those surveyed').
_SURVEY = re.compile(
    r"\b(?:panel(?:ist|list)?s?|survey(?:s|ed)?|poll(?:s|ed)?|respondents?|focus groups?|questionnaires?)\b", re.I
)
# A share of a group, as a survey reports its answers: 'three-in-five insiders', 'two-thirds of the voters'.
_PROPORTION = re.compile(
    r"\b(?:\w+[- ]in[- ]\w+|\w+[- ](?:thirds|quarters|fifths|tenths)|half|majority|minority|percent|per cent)\b|%",
    re.I,
)


def _survey_panel(found: list[Attribution], quotes: _Quotes) -> None:
    """A group that is a disclosed survey or poll panel answers a survey; it is no anonymous source: the panel is
    the source and the article says how it was drawn ('the 40 voters in our panel said', 'members of The Metro
    Caucus, who are surveyed every month', and a named group a sentence elsewhere calls a survey). Once a panel is
    disclosed, the shares it is reported in ('three-in-five insiders said') and the groups of its members' kind
    ('insiders said') are its answers too."""
    text = quotes.text
    disclosed: list[Attribution] = []
    for att in found:
        speaker = att.quote.speaker
        if speaker is None or att.kind not in ("anonymous", "unknown") or att.pronoun is not None:
            continue
        if _SURVEY.search(speaker.text) or _named_survey(speaker.text, text):
            disclosed.append(att)
    if not disclosed:
        return
    heads = {a.speaker_head.lemma_.lower() for a in disclosed if a.speaker_head is not None}
    for att in found:  # the shares a survey reports: their heads are the panel's members
        speaker, head = att.quote.speaker, att.speaker_head
        if speaker is not None and head is not None and att.plural and _PROPORTION.search(speaker.text):
            heads.add(head.lemma_.lower())
            # 'two-thirds of the insiders': the members are the noun after 'of'
            heads.update(
                t.lemma_.lower() for c in head.children if c.lower_ == "of" for t in c.children if t.dep_ == "pobj"
            )
            disclosed.append(att)
    for att in found:
        head = att.speaker_head
        member = head is not None and att.plural and head.lemma_.lower() in heads and att.count is None
        if att in disclosed or (member and att.kind == "anonymous" and not _anonymity_asked(att)):
            att.kind, att.anonymity, att.weasel = "unknown", [], False
            att.description = att.quote.speaker.text if att.quote.speaker is not None else None


def _named_survey(phrase: str, text: str) -> bool:
    """A named group in the speaker phrase ('members of The Metro Caucus') that a sentence of the article calls a
    survey or panel ('The Metro Caucus is a monthly survey of ...')."""
    for name in re.findall(r"(?<![.!?]\s)\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+", phrase):
        for m in re.finditer(rf"\b{re.escape(name)}\b", text):
            # the stretch between sentence marks around the name (found from the name out: a pattern that scanned
            # every position of the text for it cost ~6 ms an article)
            start = max(text.rfind(mark, 0, m.start()) for mark in ".!?\n") + 1
            ends = [e for e in (text.find(mark, m.end()) for mark in ".!?\n") if e >= 0]
            if _SURVEY.search(text[start : min(ends, default=len(text))]):
                return True
    return False


# Cues that pass on information: officials who 'said' or 'told' something are sources, whoever speaks next.
INFORMING_CUES = frozenset(
    {"say", "tell", "report", "reveal", "disclose", "confirm", "add", "according", "inform", "brief", "indicate"}
)


def _public_officials(att: Attribution, lex: Lexicon) -> tuple[str, frozenset[str]] | None:
    """(head lemma, body words) of a plural group of officials of a named body making public statements, uncounted
    and not asking for anonymity ('top defense officials stressing that ... and vowing ...'): a summary of speeches
    whose speaker the next sentences name and quote. None for a count ('two defense officials'), a cue that passes on
    information ('defense officials said', 'told'), or a group with no body word ('senior officials')."""
    head: Any = att.speaker_head
    if head is None or not att.plural or att.count is not None:
        return None
    cue = head.head if head.dep_ in ("nsubj", "nsubjpass") else None
    if cue is None or cue.lemma_.lower() in INFORMING_CUES or att.quote.cue.text.lower().startswith("according"):
        return None
    lemma, mods = _speaker_words(head)
    return (lemma, mods) if mods else None


def _one_of(body: tuple[str, frozenset[str]], named: Attribution) -> bool:
    """The named speaker belongs to the group's body: 'Defense Secretary John Roe' for 'top defense officials'."""
    words = set(re.findall(r"[a-z]+", (named.description or "").lower()))
    return bool(body[1] & words)


# How far ahead a description may be named: 'The county official said ... Maria Lopez, the county's emergency
# manager, added ...' (the next two sentences, blank lines between paragraphs not counted).
NAMED_AHEAD_SENTENCES = 2


def _speaker_words(head) -> tuple[str, frozenset[str]]:
    """(head lemma, the nouns that narrow it) of a speaker phrase: 'the county official' -> ('official', {county})."""
    mods = {
        t.lemma_.lower().removesuffix("'s")
        for c in head.children
        if c.dep_ in ("compound", "poss", "nmod")
        for t in c.subtree
        if t.pos_ in ("NOUN", "PROPN") and not t.is_stop
    }
    return head.lemma_.lower(), frozenset(mods)


# Roles on a politician's or an organisation's own staff: 'his chief aide' is the person the next sentences name as
# 'campaign manager Jeff Weaver'.
STAFF_ROLES = frozenset(
    {"aide", "adviser", "advisor", "manager", "strategist", "staffer", "spokesman", "spokeswoman", "spokesperson"}
)


def _describes(head_lemma: str, mods: frozenset[str], words: set[str]) -> bool:
    """A named person's description fits an unnamed speaker's: the same role noun ('official'), the same body
    ('county' in 'the county official' and 'the county's emergency manager'), or two roles on one staff ('aide' and
    'campaign manager')."""
    return head_lemma in words or bool(mods & words) or (head_lemma in STAFF_ROLES and bool(words & STAFF_ROLES))


def _person_description(doc, ent) -> set[str]:
    """Nouns that describe a named person in its own sentence: an apposition ('Maria Lopez, the county's emergency
    manager,') or relative clause ('who heads the embassy's visa section'), the noun it is in apposition to ('the
    county's emergency manager, Maria Lopez') or a title in front ('County emergency manager Maria Lopez')."""
    root = ent.root
    parts = [c for c in root.children if c.dep_ in ("appos", "relcl")]  # ', the ...,' / ', who heads the ...,'
    parts += [c for c in root.children if c.dep_ == "compound" and c.i < ent.start]
    subtrees = [list(part.subtree) for part in parts]
    if root.dep_ == "appos":  # only the words before the name: the head noun's subtree may hold the whole clause
        subtrees.append([t for t in root.head.subtree if t.i < ent.start])
    words: set[str] = set()
    for subtree in subtrees:
        words |= {
            t.lemma_.lower().removesuffix("'s")
            for t in subtree
            if t.pos_ in ("NOUN", "PROPN") and not (ent.start <= t.i < ent.end)
        }
    return words


def _name_description_ahead(doc, quotes: _Quotes, att: Attribution, lex: Lexicon) -> None:
    """A definite description that the next sentences name ('The county official said ... Maria Lopez, the county's
    emergency manager, added ...') is that named person, not an anonymous source. Only a singular, definite
    description with nothing marking it anonymous ('who asked not to be named', 'familiar with') qualifies."""
    head: Any = att.speaker_head
    if (
        att.kind != "anonymous"
        or att.weasel
        or att.pronoun is not None
        or head is None
        or att.plural
        or (att.count or 1) != 1
        or any(a.lower() != head.text.lower() for a in att.anonymity)
    ):
        return
    head_lemma, mods = _speaker_words(head)
    # An indefinite one ('A top adviser says ...') only in the wire-service lede that names the person at the start
    # of the very next sentence ('Ed Brookover spoke to reporters ...'); never a source or an official, who may
    # well stay unnamed while someone else speaks next.
    delayed = not att.definite and head_lemma not in lex.always_anonymous_heads and head_lemma not in INFORMANT_HEADS
    sents = quotes.sents
    taken = 0
    for index in range(att.sentence + 1, len(sents)):
        sent = sents[index]
        if not quotes.view.text_of(sent).strip():
            continue
        taken += 1
        if taken > NAMED_AHEAD_SENTENCES:
            return
        for ent in sent.ents:
            if ent.label_ != "PERSON":
                continue
            if att.definite:
                fits = _describes(head_lemma, mods, _person_description(doc, ent))
            else:  # and a name new to the article: 'Manafort was in the office when a member of the family ...'
                fits = (
                    delayed
                    and taken == 1
                    and ent.start == sent.start
                    and ent.text.split()[-1] not in quotes.view.text[: ent.start_char]
                )
            if fits:
                att.kind, att.name, att.anonymity = "named_person", ent.text, []
                att.description = att.description or (att.quote.speaker.text if att.quote.speaker else None)
                att.named_ahead = Span.of(ent)
                return


COLON_SOURCE_NOUNS = frozenset({"poll", "survey", "study", "report"})
_OTHER_ACCORDING = re.compile(r"according to [^,.;:]*")
CREDIT_NOUNS = frozenset({"source", "credit", "courtesy"})  # before a colon, a credit line when no statement follows
WH_WORDS = frozenset(
    {
        "what",
        "why",
        "how",
        "who",
        "where",
        "when",
        "which",
        "will",
        "is",
        "are",
        "can",
        "should",
        "does",
        "do",
        "inside",
        "everything",
    }
)
# Capitalised labels that open paragraphs of notes or listings, not turns of speech.
TURN_NOT_SPEAKERS = frozenset(
    {"note", "correction", "editor's", "editor’s", "related", "read", "more", "source", "pros", "cons"}
    | {"where", "when", "what", "who", "why", "how", "price", "cost", "date", "time"}
)
COLON_LABELS = frozenset(
    {
        "analysis",
        "review",
        "opinion",
        "explainer",
        "editorial",
        "update",
        "live",
        "watch",
        "exclusive",
        "breaking",
        "factbox",
        "timeline",
        "comment",
        "video",
        "photos",
        "podcast",
        "interview",
        "q&a",
        "fact",
        "check",
        "fact-check",
        "transcript",
        # the outlet's notes on its own article ('Correction: An earlier version ...')
        "correction",
        "corrections",
        "clarification",
        "note",
    }
)


# A transcript's speaker label opening a paragraph: 'TAPPER:', 'JAKE TAPPER:', 'SEN. WARREN:' (one to three words in
# capitals; single letters such as the 'Q:' / 'A:' of an interview name nobody). Capitalised labels ('Matthews:') need
# the name elsewhere in the article (``_named_in_article``): 'Pros:' / 'Cons:' lists repeat too.
_TURN = re.compile(r"^([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}):[ \t]+\S", re.MULTILINE)


def _paragraph_end(doc, i: int) -> int:
    """The token index that ends the paragraph holding token ``i`` (exclusive)."""
    for tok in doc[i:]:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            return tok.i + (0 if tok.is_space else 1)
    return len(doc)


_NOT_TURN_WORDS = COLON_LABELS | TURN_NOT_SPEAKERS


def transcript_labels(text: str) -> frozenset[str]:
    """The speaker labels of a transcript: when at least two labels each open two or more paragraphs, every label
    of that shape is a speaker. An article with one 'WATCH:' line, or 'UPDATE:' and 'NOTE:' lines, is no transcript:
    genre and topic labels stay out."""
    found = [m.group(1) for m in _TURN.finditer(text)]
    found = [f for f in found if not any(w.lower().strip(".") in _NOT_TURN_WORDS for w in f.split())]
    if sum(1 for f in set(found) if found.count(f) >= 2) < 2:
        return frozenset()
    return frozenset(found)


# An interview printed as questions and answers: paragraphs opening 'Q:' and 'A:' (two of each at least).
_QA_TURN = re.compile(r"^([QA]):[ \t]+\S", re.MULTILINE)


def _qa_turns(text: str) -> list[tuple[str, int]]:
    """('Q' or 'A', offset) of each turn of a Q&A interview; empty when the text has fewer than two of each."""
    turns = [(m.group(1), m.start()) for m in _QA_TURN.finditer(text)]
    if sum(1 for label, _ in turns if label == "Q") < 2 or sum(1 for label, _ in turns if label == "A") < 2:
        return []
    return turns


def question_turns(text: str) -> list[tuple[int, int]]:
    """The character ranges of a Q&A interview's questions (each 'Q:' paragraph up to its line's end)."""
    starts = [at for label, at in _qa_turns(text) if label == "Q"]
    return [(start, len(text) if (end := text.find("\n", start)) < 0 else end) for start in starts]


def interviewee(doc, quotes: _Quotes, lex: Lexicon) -> str | None:
    """The person whose answers an article's 'A:' paragraphs print: the one person the headline and the paragraphs
    before the first question name (a byline's writer aside). None when the article is no Q&A, or when those lines
    name nobody or several people: then the answers stay unattributed rather than credited to a guess."""
    turns = _qa_turns(quotes.text)
    if not turns:
        return None
    first_q = min(at for label, at in turns if label == "Q")
    end = next((t.i for t in doc if t.idx >= first_q), len(doc))
    people: dict[str, str] = {}  # surname -> the longest name it closes
    for start, stop in _people(doc, 0, end, lex):
        line_start = quotes.text.rfind("\n", 0, doc[start].idx) + 1
        if re.match(r"\s*(?:by|written by)\b", quotes.text[line_start:], re.IGNORECASE):
            continue  # the byline's writer asks the questions
        words = _name_words(doc[start:stop].text)
        people[words[-1]] = max(people.get(words[-1], ""), " ".join(words), key=len)
    return next(iter(people.values())) if len(people) == 1 else None


def _people(doc, start: int, end: int, lex: Lexicon) -> list[tuple[int, int]]:
    """Token ranges of the people named in ``doc[start:end]``, titles left out ('Mayor Ana Ruiz' -> Ana Ruiz): the
    NER's people, and runs of two to four capitalised proper nouns it left untagged, so that a second person the
    NER missed makes a one-person reading fail instead of picking the one it found."""
    dv = view(doc)
    runs = [(e.start, e.end) for e in dv.ents if e.label_ == "PERSON" and start <= e.start and e.end <= end]
    i = start
    while i < end:
        j = i
        while j < end and doc[j].pos_ == "PROPN" and doc[j].is_title and not doc[j].ent_type_:
            j += 1
        if 2 <= j - i <= 4:
            runs.append((i, j))
        i = j + 1
    out = []
    for lo, hi in sorted(runs):
        while lo < hi - 1 and (doc[lo].lower_ in lex.role_nouns or doc[lo].lower_.rstrip(".") in HONORIFICS):
            lo += 1  # 'Mayor Ana Ruiz' is Ana Ruiz
        out.append((lo, hi))
    return out


def _named_in_article(quotes: _Quotes, phrase) -> bool:
    """A bare capitalised name the NER left untagged in a headline ('Lynch: No outside influence on FBI probe')
    that the article names as a person or organisation elsewhere ('Attorney General Loretta Lynch')."""
    if not 0 < len(phrase) <= 4 or not all(t.pos_ in ("PROPN", "NOUN") and t.text[:1].isupper() for t in phrase):
        return False
    # a capitalised word the tagger took for a noun ('Trump:') must be a person's name elsewhere
    labels = ("PERSON", "ORG") if all(t.pos_ == "PROPN" for t in phrase) else ("PERSON",)
    last = phrase[-1].text
    return any(e.label_ in labels and e.start != phrase.start and e[-1].text == last for e in quotes.view.ents)


def _closes_article(doc, i: int) -> bool:
    """Token ``i`` is in the article's last paragraph, and that paragraph is not its first."""
    start, end = paragraph_at(doc.text, doc[i].idx)
    return start > 0 and not doc.text[end:].strip()


def _outside_brackets(span) -> list[Any]:
    """The tokens of a span outside its parentheses: an aside ('(see text)', '(pictured)') states nothing."""
    depth, kept = 0, []
    for tok in span:
        if tok.text in ("(", "["):
            depth += 1
        elif tok.text in (")", "]"):
            depth = max(0, depth - 1)
        elif not depth:
            kept.append(tok)
    return kept


def _colon_attributions(doc, quotes: _Quotes, lex: Lexicon) -> Iterator[Attribution]:
    """'Senator Smith: The bill will pass' -- a headline or line that opens with a named speaker and a colon.

    Only when everything before the colon is one speaker: a person or organisation named by the NER, or a role,
    organisation or survey noun ('Officials:', 'Poll:'); topic and genre labels ('Brexit:', 'Analysis:') stay out.
    """
    turns: frozenset[str] | None = None  # the transcript's speaker labels, read once when a line opens with a colon
    answers: str | None = None  # the interviewee of a Q&A, whose words the 'A:' paragraphs are
    for sent in quotes.sents:
        if ":" not in quotes.text[sent.start_char : sent.start_char + 80]:
            continue  # cheap test first: most lines have no early colon
        if not quotes.view.text_of(sent).strip() or (
            sent.start > 0 and "\n" not in doc[sent.start - 1].text and "\n" not in doc[sent.start - 1].whitespace_
        ):
            continue
        start = sent.start
        while start < sent.end and doc[start].is_space:
            start += 1
        colon = next((t for t in doc[start : min(sent.end, start + 6)] if t.text == ":"), None)
        if colon is None or colon.i == start or quotes.containing(colon.idx):
            continue
        phrase = doc[start : colon.i]
        if turns is None:
            turns = transcript_labels(quotes.text)
            answers = interviewee(doc, quotes, lex)
        # a transcript's turn runs to the end of its paragraph (the parser often ends a sentence at 'FALLIN:')
        answer = answers is not None and phrase.text == "A"
        turn = phrase.text in turns or answer
        end = _paragraph_end(doc, colon.i) if turn else sent.end
        if end - colon.i < 4:
            continue
        if any(t.is_punct and t.text not in (".", "'", "’") for t in phrase) or any(
            t.lower_ in COLON_LABELS for t in phrase
        ):
            continue
        head = phrase.root
        lemma = head.lemma_.lower()
        ent = _entity(head)
        named = ent is not None and ent.label_ in ("PERSON", "ORG") and ent.start >= start and ent.end == colon.i
        named = named or _named_in_article(quotes, phrase)
        if not (
            turn
            or named
            or lemma in lex.role_nouns
            or lemma in lex.org_nouns
            or lemma in lex.anonymous_heads
            or lemma in COLON_SOURCE_NOUNS
        ):
            continue
        if lemma in CREDIT_NOUNS and (
            _closes_article(doc, colon.i)
            or not any(t.pos_ in ("VERB", "AUX") for t in _outside_brackets(doc[colon.i + 1 : end]))
        ):
            # 'Source: Wall Street Journal (see chart)' credits an outlet, and so does a last line 'SOURCE: The full
            # study ... is published in ...'; a headline 'Sources: the minister will quit' speaks
            continue
        after = next((t for t in doc[colon.i + 1 : end] if not t.is_space), None)
        if after is None or after.lower_ in WH_WORDS or doc[colon.i + 1 : end].text.rstrip().endswith("?"):
            continue  # 'Brexit: what happens next', 'X: Will it last?' are explainer headlines, not statements
        if not turn and _reports_on_its_own(doc[colon.i + 1 : end], lex):
            continue  # 'Missing person: Police said Tom Reed ... was last seen': a label over a reporting sentence
        content = _content(doc, quotes, colon.i + 1, end)
        if content is None:
            continue
        kind, content_span = content
        speaker_span = _char_span(doc, start, colon.i)
        att = Attribution(Quote(kind, Span.of(colon), content_span, speaker=speaker_span), quotes.sent_index(colon))
        _classify(doc, att, head, (start, colon.i), sent, lex)
        if (
            turn
            and att.kind in ("unknown", "named_organisation")
            and not any(
                t.lower_ in lex.role_nouns or t.lower_ in lex.anonymous_heads or t.lower_ in lex.org_nouns
                for t in phrase
            )
        ):
            att.kind, att.name, att.anonymity = "named_person", phrase.text, []  # the NER reads 'TAPPER' as anything
        if answer:
            att.kind, att.name, att.anonymity, att.description = "named_person", answers, [], None
        yield att


def _reports_on_its_own(words, lex: Lexicon) -> bool:
    """The words after a line's colon are a reporting sentence with a speaker of its own ('Police said ...'); a
    pronoun's ('We said from the start', 'You find me an aberration') is still the colon's speaker talking."""
    root = words.root
    return root.lemma_.lower() in lex.speech_verbs and any(
        c.dep_ == "nsubj" and c.i < root.i and c.pos_ != "PRON" for c in root.children
    )


def _verb_attribution(doc, quotes: _Quotes, cue, lex: Lexicon) -> Attribution | None:
    deps = {c.dep_ for c in cue.children}
    if "neg" in deps or "auxpass" in deps or ("nsubjpass" in deps and cue.lemma_ not in ("quote", "cite")):
        return None  # "did not say", "it was reported that": nobody identifiable said it
    if cue.lemma_ == "point" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in cue.children):
        return None
    speaker = _speaker_token(cue)
    if speaker is None or speaker.dep_ == "expl" or quotes.containing(speaker.idx):
        return None
    if speaker.lower_ in ("'s", "’s", "us") and cue.head.lemma_.lower() == "let":
        return None  # "let's say you buy a house": a supposition, nobody's words
    speaker_rng = _speaker_range(doc, speaker, cue)
    if speaker_rng is None:
        return None
    lemma = cue.lemma_.lower()
    content = None
    infinitive = False  # the content is the cue's to-infinitive ('threatened to use live fire')
    for child in cue.children:
        if lemma not in lex.speech_verbs:
            break  # object and quote-only cues take no clausal content ("continued to rise")
        if child.dep_ == "ccomp" or (
            child.dep_ == "xcomp" and (cue.lemma_ in lex.xcomp_verbs or _gerund_subject(child))
        ):
            # a to-infinitive ('threatened to use'), not a clause the parser took for one ('Warn: X Could Explode')
            infinitive = child.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
            start, end = child.left_edge.i, child.right_edge.i + 1
            if child.dep_ == "ccomp" and start < cue.i < end and _relative_subject(cue, doc[start]):
                start = cue.i + 1  # 'a deadline that several insiders said went unnoticed': the clause after the cue
            if child.dep_ == "ccomp" and start < cue.i < end:
                continue
            for lead in child.children:  # "said on Monday it would ...": the date belongs to the saying
                if (
                    lead.dep_ in ("prep", "npadvmod")
                    and lead.left_edge.i == cue.i + 1
                    and lead.i < child.i
                    and any(t.ent_type_ in ("DATE", "TIME") for t in lead.subtree)
                ):
                    start = lead.right_edge.i + 1
            content = _content(doc, quotes, start, _before_trailing_aside(doc, quotes, start, end))
            break
    if content is None and lemma in lex.speech_verbs:
        displaced = _displaced_clause(cue)
        if displaced is not None:
            content = _content(doc, quotes, *displaced)
    rest: Span | None = None
    by_object = False
    if content is None:
        infinitive = False
        adjacent = _adjacent_quote(doc, quotes, cue, speaker_rng)
        if adjacent:
            content = ("direct", adjacent)
        elif lemma in lex.speech_verbs:
            content, rest = _parenthetical(doc, quotes, cue, lex)
            if content is None:
                content = _trailing_clause(doc, quotes, cue, speaker_rng)
    if content is None and (lemma in lex.object_verbs or lemma in lex.call_for_verbs or lemma in lex.prep_verbs):
        content = _object_content(doc, quotes, cue, lex)
        by_object = content is not None
    if content is None:
        return None
    kind, content_span = content
    if content_span.overlaps(_char_span(doc, *speaker_rng)):
        return None
    speaker_span = _char_span(doc, *_without_aside(doc, speaker, speaker_rng, lex))
    cue_span = _cue_span(doc, cue, speaker_rng, lex, content_span)
    if rest is None and lemma in lex.speech_verbs and not by_object:
        rest = _fronted_part(doc, quotes, cue, speaker_rng, content_span, lex)
    quote = Quote(kind, cue_span, content_span, speaker=speaker_span, channel=_channel(doc, cue, lex))
    att = Attribution(quote, quotes.sent_index(cue))
    if rest is not None and not rest.overlaps(speaker_span) and not rest.overlaps(cue_span):
        att.continuation = rest
    elif _ends_quoted(quotes, kind, content_span) and content_span.end <= min(cue_span.start, speaker_span.start):
        att.continuation = _continuation(
            quotes, _reporting_clause_end(doc, quotes, cue, max(cue_span.end, speaker_span.end), lex)
        )
    _classify(doc, att, speaker, speaker_rng, quotes.sentence(cue), lex)
    att.scene = _is_scene(lemma, kind, content_span, lex)
    att.act = kind == "indirect" and (
        (infinitive and lemma not in INFORMING_INFINITIVES)
        or (
            by_object
            and (
                lemma in ACT_OBJECT_CUES or (lemma not in lex.speech_verbs and _names_a_person(doc, content_span, lex))
            )
        )
    )
    # for the claims list, only an act on a thing: a commitment or a demand in words ('vowed to stay', 'urged the
    # city to act') is the speaker's statement of it, and the speaker its source (``att.act`` is for SRC001)
    att.quote.act = kind == "indirect" and by_object and _acts_on_object(cue, lex)
    return att


def _ends_quoted(quotes: _Quotes, kind: QuoteKind, content: Span) -> bool:
    """The content is a quotation or ends with one: 'In his home town, "baseball is the national sport," he says.
    "So ..."': a quotation resuming after the reporting clause goes on with it."""
    if kind == "direct":
        return True
    return any(s > content.start and e == content.end for s, e in quotes.overlapping(content.start, content.end))


def _names_members(phrase) -> bool:
    """A group whose members the phrase names ('Intelligence officials — including NSA Director Adm. Michael Rogers
    and James Clapper —', 'aides such as Huma Abedin'): the reader knows who speaks."""
    words = [t.lower_ for t in phrase]
    at = next((i for i, w in enumerate(words) if w in ("including", "such")), None)
    return at is not None and any(t.ent_type_ == "PERSON" for t in phrase[at + 1 :])


def _apposed_to_name(head) -> bool:
    """'Harold Doley, a banker and former official who has suggested ...': the description stands in apposition to
    a named person; the speaker is that person."""
    return head.dep_ == "appos" and (head.head.ent_type_ == "PERSON" or head.head.pos_ == "PROPN")


_AGE = re.compile(r"\b\d{1,3}-year-old\b")


def _aged_epithet(phrase) -> bool:
    return phrase[0].lower_ == "the" and _AGE.search(phrase.text.lower()) is not None


# A person's run for office, as the object of backing or opposing it.
RUN_NOUNS = frozenset({"bid", "candidacy", "campaign", "nomination", "run", "reelection", "re-election"})


def _names_a_person(doc, content: Span, lex: Lexicon) -> bool:
    """An object that only names a person ('had favored Clinton over her rival', 'backed the senator'): a stance
    toward someone, not a statement anyone could check."""
    span = doc.char_span(content.start, content.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    if root.lemma_.lower() in RUN_NOUNS and any(
        c.dep_ == "poss" and (c.ent_type_ == "PERSON" or c.lemma_.lower() in lex.role_nouns) for c in root.children
    ):
        return True  # 'supported Sanders's bid for the nomination': a stance toward the person running
    return (
        root.ent_type_ == "PERSON"
        or (root.pos_ == "PROPN" and not root.ent_type_)
        or root.lemma_.lower() in lex.role_nouns
    )


def _relative_subject(cue, first) -> bool:
    """The cue's clause is a relative clause and its complement opens with the relative pronoun, the complement's
    own subject ('a deadline that several insiders said went unnoticed', 'the man who police say fired')."""
    return cue.dep_ == "relcl" and first.tag_ in ("WDT", "WP") and first.i < cue.i and first.dep_ == "nsubj"


def _belief_attribution(doc, quotes: _Quotes, cue) -> Attribution | None:
    """'Analysts expect the central bank to raise rates', 'many in the party doubt that ...': a verb of belief or
    expectation is an attribution only when a vague group holds it (SRC002's kind); with a named or particular
    subject ('the company expects sales to rise') it is the subject's own outlook, left as it was."""
    if quotes.containing(cue.idx) or _hypothetical(cue):
        return None
    att = _verb_attribution(doc, quotes, cue, _belief_lexicon())
    if att is None or not att.weasel or att.act:
        return None
    first = quotes.text[att.quote.content.start :].split(maxsplit=1)[:1]
    if first and first[0].lower() in WH_WORDS | {"whether", "if"}:
        return None  # 'many commentators wondered how the word would be applied': a question, no claim held
    return att


INVERTED_TAGS = frozenset({"VBD", "VBP", "VBZ"})
CLOSING_MARKS = frozenset({'"', "”", "''", "’"})
MAX_INVERTED_WORDS = 12


def _inverted_speaker(doc, quotes: _Quotes, cue, lex: Lexicon) -> tuple[int, int] | None:
    """The speaker of an inverted attribution that ends the sentence: '..., fear local health authorities', '...,
    say critics', '"...," warned economists at the bank': a finite speech verb right after a comma (or a quotation
    closed by one) with no subject of its own before it, then a noun phrase to the end of the sentence. The parser
    often reads that phrase as the verb's object; its token range, or None when the verb is not so placed."""
    if cue.lemma_.lower() not in lex.speech_verbs or cue.tag_ not in INVERTED_TAGS or cue.i < 2:
        return None
    before = doc[cue.i - 1]
    if not (before.text == "," or (before.text in CLOSING_MARKS and doc[cue.i - 2].text in (",", "!", "?"))):
        return None
    if any(c.dep_ == "nsubj" or (c.dep_ in ("neg", "aux", "auxpass") and c.i < cue.i) for c in cue.children):
        return None
    if doc[cue.i - 2].dep_ == "appos" or doc[cue.i - 2].ent_type_ in ("PERSON", "ORG"):
        return None  # '..., Flynn, a top Trump surrogate, said Thursday': the subject stands before the verb
    sent = quotes.sentence(cue)
    end = sent.end
    for tok in doc[cue.i + 1 : sent.end - 1]:  # '"A," said Ana Ruiz, an economist, "B."': the quotation resumes
        span = quotes.containing(doc[tok.i + 1].idx + 1)
        if tok.text == "," and span is not None and span[0] == doc[tok.i + 1].idx:
            end = tok.i
            break
    while end > cue.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    words = doc[cue.i + 1 : end]
    if words and words[0].ent_type_ in ("DATE", "TIME"):
        return None  # 'said Thursday morning on Fox News': when, not who
    # a relative clause says who the speaker is ('said Oleg Voloshyn, who also ran for parliament', 'said Edward
    # Leamer, an economist who directs the forecast'): its verbs and words do not count against the noun phrase
    rel = next(
        (
            t.i
            for t in words
            if t.lower_ in RELATIVE and t.i > cue.i + 1 and (doc[t.i - 1].text == "," or t.head.dep_ == "relcl")
        ),
        words.end,
    )
    head_words = doc[cue.i + 1 : rel]
    if not 0 < len(head_words) <= MAX_INVERTED_WORDS or words[0].pos_ in ("ADP", "SCONJ", "PART", "ADV", "PRON"):
        return None  # 'said in a statement', 'said that ...', 'said it would': not a subject after the verb
    if any(t.tag_ in ("VBD", "VBP", "VBZ", "MD") or t.text in (";", ":", "—") for t in head_words):
        return None  # a clause of its own follows, not a noun phrase
    if any(t.pos_ == "CCONJ" and t.i + 1 < end and doc[t.i + 1].pos_ in ("VERB", "AUX") for t in words):
        return None  # 'arrived late, said a few words and left': a verb phrase shared with the subject before
    if quotes.containing(words[0].idx) or _inverted_head(words) is None:
        return None
    return cue.i + 1, end


def _inverted_head(words):
    """The head noun of an inverted speaker phrase: the last word of its first run of nouns ('local health
    authorities', 'economists at the bank', 'people close to him'); the parser's own root is unreliable there."""
    head = None
    for tok in words:
        if tok.pos_ in ("NOUN", "PROPN"):
            head = tok
        elif tok.tag_ == "POS":
            head = None  # "the union's president": the possessor is not the head
        elif head is None and tok.lower_ == "of":
            continue  # 'two of his former aides', 'some of the residents'
        elif head is not None or (tok.pos_ not in ("DET", "ADJ", "NUM") and tok.tag_ != "PRP$"):
            break
    return head


def _inverted_attribution(doc, quotes: _Quotes, cue, lex: Lexicon) -> Attribution | None:
    """An attribution whose speaker follows its verb at the end of the sentence (``_inverted_speaker``); it reports
    the clause or quotation before the comma."""
    speaker_rng = _inverted_speaker(doc, quotes, cue, lex)
    if speaker_rng is None:
        return None
    sent = quotes.sentence(cue)
    if doc[cue.i - 1].text in CLOSING_MARKS:
        content = _content(doc, quotes, sent.start, cue.i)
    else:
        content = _trailing_clause(doc, quotes, cue, speaker_rng)
    if content is None:
        return None
    kind, content_span = content
    speaker_span = _char_span(doc, *speaker_rng)
    quote = Quote(kind, _char_span(doc, cue.i, cue.i + 1), content_span, speaker=speaker_span)
    att = Attribution(quote, quotes.sent_index(cue))
    if kind == "direct":  # '"A," said Ana Ruiz, an economist, "B."'
        att.continuation = _continuation(quotes, speaker_span.end)
    head = _inverted_head(doc[speaker_rng[0] : speaker_rng[1]])
    _classify(doc, att, head, speaker_rng, sent, lex)
    if att.weasel and any(t.i > head.i and t.lower_ in ("at", "from", "with", "in") for t in doc[slice(*speaker_rng)]):
        # 'warn economists at the central bank': an affiliation (the parser hung it on the verb, not on the noun)
        att.kind, att.weasel, att.anonymity, att.description = "role_only", False, [], speaker_span.text
    return att


# Cues whose to-infinitive reports what the speaker claims ('claimed to have found the files'), not a commitment or a
# demand ('vowed to stay', 'urged drivers to avoid the area', 'agreed to pay').
INFORMING_INFINITIVES = frozenset({"claim", "deny"})
# Cues whose object is what the speaker does, not something it tells: 'demanded an apology', 'promised an inquiry',
# 'rejected the budget', 'thanked the volunteers'.
ACT_OBJECT_CUES = frozenset({"demand", "promise", "reject", "seek", "thank", "want"})

# What turns an act on a thing into a statement about it: a predicate on the object ('praised the package as the
# largest in a generation', 'blamed the storm for the outage', 'called the plan a disgrace').
PREDICATE_PREPS = frozenset({"as", "for"})
PREDICATE_DEPS = frozenset({"oprd", "ccomp", "xcomp"})
# Object cues that say something about their object rather than act on it: what is described, discussed or cited
# is what the speaker said ('described the dinner as ...', 'discussed his opposition to ...', 'cited a poll ...').
SUBJECT_MATTER_CUES = frozenset({"cite", "quote", "describe", "discuss"})


def _acts_on_object(cue, lex: Lexicon) -> bool:
    """An object cue that is no verb of saying, whose content is only the thing acted on: 'endorsed Donald Trump',
    'backed the tax law', 'rejected the budget', 'called for a ban'. The attribution stands (the speaker took a
    stance), but the speaker is not the source of a claim: what the sentence asserts is the act itself. A verb of
    saying ('denied the report', 'announced his candidacy'), of speaking about a topic ('spoke of the violence',
    'discussed his opposition'), a predicate on the object ('praised the deal as the largest', 'blamed the storm for
    the outage') or an object that is itself information ('disputed the claim that ...') keeps the speaker the
    source."""
    lemma = cue.lemma_.lower()
    if lemma in lex.speech_verbs or lemma in SUBJECT_MATTER_CUES or _cue_prep(cue, lex) is not None:
        return lemma in lex.call_for_verbs and lemma not in lex.speech_verbs  # 'called for a ban': a demand
    target = next((c for c in cue.children if c.dep_ == "dobj"), None)
    if target is None or target.lemma_.lower() in lex.report_nouns:
        return False
    if any(c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" for m in c.children) for c in target.children):
        return False  # 'disputed the idea that crime rose': the object carries a proposition
    for tok in cue.subtree:  # on the cue, on its object, or opening a clause of the cue ('as Washington celebrating')
        near = tok.head.i in (cue.i, target.i) or (tok.dep_ == "mark" and tok.head.head.i == cue.i)
        if tok.i <= target.i or not near:
            continue
        if tok.dep_ in PREDICATE_DEPS or (tok.dep_ in ("prep", "mark") and tok.lower_ in PREDICATE_PREPS):
            return False
    return True


SCENE_MAX_WORDS = 6


def _is_scene(cue_lemma: str, kind: str, content: Span, lex: Lexicon) -> bool:
    """Speech that is reported action, not attribution: words shouted, yelled or chanted ('a deputy yells "Get
    down!"'), or a short exclamation in quotation marks ('an officer said: "Hands up!"'). Whoever utters them is a
    person in the scene, not a source the story's information rests on."""
    if kind != "direct":
        return False  # 'a deputy shouted that the driver had a gun' passes on information
    if cue_lemma in lex.scene_verbs:
        return True
    words = content.text.strip("“”\"'«» ,")
    return words.endswith("!") and len(words.split()) <= SCENE_MAX_WORDS


_ADVERBIAL_DEPS = frozenset({"prep", "npadvmod", "advcl"})


def _before_trailing_aside(doc, quotes: _Quotes, start: int, end: int) -> int:
    """Where a reported clause ends before the writer's own aside set off at its end by a comma or a dash: a
    participle ('..., conceding the race'), a relative clause on a name ('..., which he called a disaster'), an
    appositive ('..., a former nominee born in Panama') or a dashed remark ('... — about six hours away'). Words in
    quotation marks are the speaker's and stay."""
    last = end - 1
    while last > start and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    for tok in doc[start + 2 : last]:
        mark = doc[tok.i - 1]
        if (mark.text != "," and mark.text not in DASHES) or quotes.containing(tok.idx):
            continue
        if tok.lower_ in ("which", "who", "whom", "whose") and tok.head.dep_ == "relcl" and mark.text == ",":
            aside = tok.head
        elif (tok.dep_ == "advcl" and tok.tag_ == "VBG") or tok.dep_ == "appos":
            aside = tok
        elif tok.head.dep_ == "appos" and tok.head.left_edge.i == tok.i:
            aside = tok.head
        elif mark.text != "," and tok.head.i < mark.i:
            aside = tok
        else:
            continue
        if aside.left_edge.i >= tok.i and aside.right_edge.i >= last and not any(t.is_quote for t in doc[tok.i : end]):
            return mark.i
    return end


def _gerund_subject(xcomp) -> bool:
    """'He said legalizing it could create jobs', 'Gomez said seeing so many officers was a relief': the parser takes
    the gerund that is the reported clause's subject for the cue's xcomp and hangs the clause's verb under it."""
    return xcomp.tag_ == "VBG" and xcomp.i > xcomp.head.i and any(c.dep_ == "ccomp" for c in xcomp.children)


def _displaced_clause(cue):
    """(start, end) token range of a content clause the parser hung on an adverbial of the speech verb instead of
    the verb: "told X without naming them that ..." (a ccomp of the participle, or an acl of its object: "said without
    revealing their identities that ...") or "told X the same day that ..." (read as a relative clause of a bare time
    noun). The clause must open with "that" as a complementiser (dep ``mark``) and
    have its own subject; "on the day that he arrived" (a relative clause under a preposition) is left alone."""
    for adverbial in cue.children:
        if adverbial.dep_ not in _ADVERBIAL_DEPS or adverbial.i < cue.i:
            continue
        wanted = ("relcl",) if adverbial.dep_ == "npadvmod" else ("ccomp", "acl")
        for tok in adverbial.subtree:
            if tok.dep_ not in wanted or tok.i == adverbial.i:
                continue
            mark = tok.doc[tok.left_edge.i]
            # In a ccomp the small model sometimes labels the complementiser "that" as the verb's object.
            marks = ("mark", "dobj") if tok.dep_ == "ccomp" else ("mark",)
            subject = any(c.dep_ in ("nsubj", "nsubjpass") and c.i > mark.i for c in tok.children)
            if mark.lower_ == "that" and mark.dep_ in marks and mark.head.i == tok.i and subject:
                return mark.i, tok.right_edge.i + 1
    return None


def _reporting_clause_end(doc, quotes: _Quotes, cue, clause_end: int, lex: Lexicon) -> int:
    """Where the reporting clause after a quotation ends: its sentence's last word when only the addressee, the
    place, the time or the manner of the saying follow ('"A," she told the panel. "B."', '"A," he said at a news
    conference on Monday. "B."', '"A," she said, pointing to the crowd. "B."'), so a quotation resuming there
    continues the content; else ``clause_end``."""
    sent = quotes.sentence(cue)
    last = sent.end - 1
    while last > cue.i and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    end = doc[last].idx + len(doc[last].text)
    if end <= clause_end or len(quotes.text[clause_end:end].split()) > MAX_CLAUSE_TAIL:
        return clause_end
    if quotes.overlapping(clause_end, end):
        return clause_end
    if any(t.pos_ in ("VERB", "AUX") and not _aside_of_the_saying(t, cue, lex) for t in doc[cue.i + 1 : last + 1]):
        return clause_end  # a clause of its own ('she said, and then she left') ends it
    return end


def _aside_of_the_saying(verb, cue, lex: Lexicon) -> bool:
    """A verb after the cue that tells how or when the saying happened, inside the reporting clause: a participle
    ('pointing to the crowd', 'when asked about the vote'), a relative clause ('the union, which he leads'), a time
    clause ('as the crowd cheered'). Not a clause coordinated with the cue ('and then she left') nor another
    subject's saying ('after the mayor told reporters ...'): the quotation after it may be someone else's."""
    node = verb
    while node.i != cue.i:
        if node.dep_ == "conj" and node.head.i == cue.i:
            return False
        if node.head.i == node.i:
            return False  # not under the cue: a sentence of its own
        node = node.head
    return verb.lemma_.lower() not in lex.cue_verbs or not any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in RELATIVE for c in verb.children
    )


# Words after the cue and speaker: 'at a news conference at Trump Tower on Monday, two hours after the polls closed'
MAX_CLAUSE_TAIL = 40


def _continuation(quotes: _Quotes, clause_end: int) -> Span | None:
    """A quotation resuming right after the speaker-and-cue clause, with only a comma (or the sentence's full stop:
    '"A," said Smith, a spokesman. "B."') between; ``find_attributions`` drops it when it is another's content."""
    j = bisect.bisect_left(quotes.starts, clause_end)
    if j < len(quotes.spans):
        s, e = quotes.spans[j]
        # '"A," she said, "B."' and, across the sentence end, '"A," said Smith, a spokesman. "B."'
        if quotes.text[clause_end:s].strip() in (",", ":", ".") and "\n" not in quotes.text[clause_end:s]:
            return Span.between(quotes.text, s, e)
    return None


# --------------------------------------------------------------------------------------------------- classification
def _number(tok) -> int | None:
    for child in tok.children:
        if child.dep_ == "nummod":
            text = child.lower_.replace(",", "")
            if text.isdigit():
                return int(text)
            if text in NUMBER_WORDS:
                return NUMBER_WORDS[text]
    return None


def _entity(tok):
    if not tok.ent_type_:
        return None
    for ent in view(tok.doc).ents:  # cached: Doc.ents rebuilds its spans on every access
        if ent.start <= tok.i < ent.end:
            return ent
    return None


COURTESY_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "rev"})  # part of a name


def _description(doc, speaker_rng, name_ent) -> str | None:
    """The speaker phrase without the name: the role words ('Prime Minister', "the company's chief executive")."""
    text = doc[speaker_rng[0] : speaker_rng[1]].text
    if name_ent is not None:
        # a courtesy title goes with the name: 'Dr. Amelia Stone, a researcher' -> 'a researcher'; 'President' stays
        start = name_ent.start
        while start > speaker_rng[0] and doc[start - 1].lower_.rstrip(".") in COURTESY_TITLES:
            start -= 1
        text = text.replace(doc[start : name_ent.end].text, " ")
    text = re.sub(r"\s+,", ",", re.sub(r"\s+", " ", text)).strip(" ,;:-–—")  # 'Senator, the chairman of ...'
    return text or None


def _classify(doc, att: Attribution, head, speaker_rng, sent, lex: Lexicon) -> None:
    """Fill the attribution's kind/name/description/count from its speaker phrase."""
    att.speaker_head = head
    phrase = doc[speaker_rng[0] : speaker_rng[1]]
    lemma = _head_lemma(head, lex)
    lower = head.lower_
    att.plural = head.tag_ in ("NNS", "NNPS") or lower in ("they", "we")
    att.definite = any(
        c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "some", "many", "several") for c in head.children
    )
    att.count = _number(head)
    if lower in PRONOUNS:
        att.pronoun = lower
        return
    ent = _entity(head)
    if ent is not None and len(ent) == 1 and _first_word(head) and (head.pos_ == "NOUN" or _common_head(lemma, lex)):
        ent = None  # 'Insiders said', 'Critics said': a capitalised common noun opening a sentence is no name
    cue_at = att.quote.cue.end - 1  # the cue's verb
    swallowed = ent is not None and ent.start_char <= cue_at < ent.end_char
    if swallowed:
        ent = None  # 'Obama Says Climate Change Is Real': the NER swallowed a headline's verb; no name to take
    person = ent if ent is not None and ent.label_ == "PERSON" else None
    if person is not None and _described_by_which(doc, person):
        att.kind, att.name = "named_organisation", person.text  # 'an activist investor, Tarn Capital, which ...'
        return
    if person is not None:
        person = _without_title(person, lex)  # 'Spokeswoman Tina Alvarez': the NER took the title into the name
    if person is None and ent is not None and ent.label_ in ORG_LABELS:
        person = _titled_name(doc, ent, lex)  # 'Board chair Wendell Price': the NER's ORG, but a person's title
        person = person if person is not None else _name_with_who(doc, ent, lex)
    if person is None and ent is None and head.tag_ == "NNP" and not swallowed:
        person = _name_with_who(doc, _proper_run(doc, head), lex)  # 'Siobhán Ní Bhriain, who ...': no entity at all
    if person is None:
        # 'Jane Roe's lawyer, John Doe', and 'a spokesman for the ministry, Oleg Voloshyn' (the parser hangs the name
        # on the nearest noun): a person's name set off after the head names the speaker
        for tok in phrase:
            if tok.dep_ == "appos" and (tok.head.i == head.i or head.is_ancestor(tok.head)):
                appos_ent = _entity(tok)
                set_off = tok.head.i == head.i or doc[tok.left_edge.i - 1].text == ","
                if appos_ent is not None and appos_ent.label_ == "PERSON" and set_off:
                    person = appos_ent
                    break
    if person is None and not att.plural and att.count is None:
        person = _name_ending_phrase(doc, head, speaker_rng)
    names = _appositive_names(doc, head) if person is None and head.pos_ == "NOUN" else None
    body = _apposed_body(head, lex) if person is None and names is None and head.pos_ == "NOUN" else None
    if body is not None:  # 'The operator, Central Rail, said': a body's description, its name set off after it
        att.kind, att.name = "named_organisation", body.text
        att.description = doc[speaker_rng[0] : head.i + 1].text
        return
    if names is not None:  # the people a count is spelled out as: "two members of X, Jane Roe and John Doe,"
        att.kind, att.name = "named_person", names.text
        att.description = doc[speaker_rng[0] : head.i + 1].text
        return
    if person is not None:
        start = person.start
        while (
            start > speaker_rng[0]
            and doc[start - 1].pos_ == "PROPN"
            and doc[start - 1].is_title
            and not (start - 2 >= 0 and doc[start - 2].lower_ == "of")  # 'Secretary of State John Kerry'
            and not doc[start - 1].is_stop  # 'Neither Cruz'
            and (
                doc[start - 1].lower_.rstrip(".") not in HONORIFICS
                and doc[start - 1].lemma_.lower() not in lex.role_nouns
            )
        ):
            start -= 1  # "Lionel Messi" when the NER only tagged "Messi"
        if _hyphenated_first_part(doc, start) and start - 2 >= speaker_rng[0]:
            start -= 2  # "Jan-Willem van der Berg": the NER tagged "van der Berg", the hyphen stopped the walk
        person = doc[start : person.end]
        if _not_a_person(doc, person, lex):
            att.kind, att.name = "named_organisation", person.text
            return
        att.kind, att.name = "named_person", person.text
        att.description = _description(doc, speaker_rng, person)
        return
    # Words that make the speaker anonymous, in the phrase or in the cue's clause ("speaking on condition of ...").
    anonymity = lex.anonymous_re.findall(phrase.text.lower())
    outside = _outside_content(att, sent)
    if "according" not in att.quote.cue.text.lower():
        # 'According to unnamed employees, Apple's CEO says ...': that phrase names another source, not this one
        outside = _OTHER_ACCORDING.sub(" ", outside)
    anonymity += [
        m
        for m in lex.anonymous_re.findall(outside)
        if m not in anonymity
        and m not in ("familiar with", "close to", "with knowledge of", "with direct knowledge", "briefed on")
    ]
    att.name = phrase.text
    if _ranked_member(head):  # 'a senior Republican said': one member of the party, unnamed
        att.kind, att.anonymity, att.description = "anonymous", [head.text], phrase.text
        return
    if ent is not None and ent.label_ in ORG_LABELS and not anonymity and not _vague_party(head, lex):
        att.kind, att.name = "named_organisation", ent.text
        apposed = next((c for c in head.children if c.dep_ == "appos" and c.lemma_.lower() in lex.org_nouns), None)
        if apposed is not None:  # 'Freshway, the country's third-largest grocery chain': what kind of body it is
            att.description = doc[apposed.left_edge.i : apposed.right_edge.i + 1].text
        return
    if _is_document(head, att, lex):
        att.kind, att.description = "unknown", phrase.text  # a document speaks for its author, not a hidden person
        return
    if _names_members(phrase) or _aged_epithet(phrase) or _apposed_to_name(head):
        # 'officials — including NSA Director Mike Rogers —'; 'the bespectacled, 71-year-old diplomat said': an
        # age with 'the' is an epithet for someone the article has introduced, no hidden source
        att.kind, att.description = "role_only", phrase.text
        return
    group = _partitioned_group(head, lex)
    if group is not None:  # 'candidates face questions, since most have proposed tax cuts': most of those candidates
        att.kind, att.description = "role_only", f"{phrase.text} ({group.text})"
        return
    if _is_weasel(head, lex):
        att.kind, att.weasel = "anonymous", True
        att.anonymity = [head.text]
        return
    if (
        lemma in lex.always_anonymous_heads
        or (
            lemma in lex.anonymous_heads
            and (anonymity or att.plural or not att.definite)
            and lemma not in ("person", "people")
        )
        or ((lemma in ("person", "people") or head.lower_ == "those") and anonymity)  # 'Those close to the mayor'
        or (lemma in ("person", "people") and _few_described(head, att))
    ):
        att.kind = "anonymous"
        att.anonymity = [head.text, *anonymity] if not anonymity or lemma in lex.always_anonymous_heads else anonymity
        att.description = phrase.text
        return
    if anonymity and (lemma in lex.role_nouns or head.pos_ == "NOUN"):  # "colleagues, speaking on condition of ..."
        att.kind, att.anonymity, att.description = "anonymous", anonymity, phrase.text
        return
    if _interviews_with_unnamed(head, lex):  # 'according to interviews with a dozen party leaders and officials'
        att.kind, att.anonymity, att.description = "anonymous", [head.text], phrase.text
        return
    insider = _unnamed_insider(head, att, lex)
    if insider is not None:  # 'said one county party chairman' (SRC001), 'several delegate candidates said' (SRC002)
        att.kind, att.anonymity, att.description = "anonymous", [head.text], phrase.text
        att.weasel = insider == "vague"
        return
    if lemma in lex.role_nouns and _of_an_unnamed_body(head, lex):
        att.kind, att.anonymity, att.description = "anonymous", [phrase.text], phrase.text
        return
    if lemma in lex.role_nouns:
        att.kind, att.description = "role_only", phrase.text
        return
    if lemma in lex.org_nouns:
        att.kind = "named_organisation"
        return
    names = [t for t in phrase if t.pos_ == "PROPN"]
    if not swallowed and ent is None and len(names) >= 2 and names == list(phrase) and all(t.is_title for t in names):
        # a full name the NER missed: "Keir Starmer said"; a firm's name ends with what it is ("Greenleaf Farms")
        att.kind, att.name = ("named_organisation" if _firm_name(phrase) else "named_person"), phrase.text
        return
    att.kind = "unknown"


def _of_an_unnamed_body(head, lex: Lexicon) -> bool:
    """A role at a body the article leaves unnamed: 'analysts at a large investment bank', 'an executive at one
    carmaker'. The indefinite body with no name in it hides who speaks as 'a source' does; 'the company' points back
    to a body already named and 'a Tokyo brokerage' says at least where."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("at", "of", "for", "from", "with"):
            continue
        body = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if body is None or body.lemma_.lower() not in lex.org_nouns:
            continue
        words = list(body.subtree)
        indefinite = any(c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "one") for c in body.children)
        if indefinite and not any(t.pos_ == "PROPN" or t.ent_type_ for t in words):
            return True
    return False


def _first_word(tok) -> bool:
    """The sentence's first word (past opening punctuation)."""
    sent_start = view(tok.doc).sent_of(tok.i).start
    first = next((t for t in tok.doc[sent_start : tok.i + 1] if not (t.is_space or t.is_punct)), None)
    return first is not None and first.i == tok.i


def _head_lemma(head, lex: Lexicon) -> str:
    """The speaker's lemma, lower case; a sentence's capitalised first word the tagger took for a name ('Insiders'
    as NNPS, lemma 'Insiders') gets the lexicon's singular ('insider')."""
    lemma = head.lemma_.lower()
    if head.tag_ in ("NNPS", "NNP") and lemma.endswith("s") and _common_head(lemma, lex) and _first_word(head):
        return lemma.removesuffix("s")  # 'Skeptics argue ...' even tagged as a singular name
    return lemma


def _common_head(lemma: str, lex: Lexicon) -> bool:
    """A speaker noun of the lexicon ('insider', 'critic', 'analyst'), also in a plural the lemmatiser kept."""
    heads = lex.anonymous_heads | lex.weasel_subjects | lex.role_nouns
    return lemma in heads or lemma.removesuffix("s") in heads


# Role nouns that also stand before a firm's or a body's name ('its partner Goldman Sachs', 'the board', 'major').
_ROLES_NOT_TITLES = frozenset({"board", "partner", "owner", "general", "major", "head", "justice", "defender"})


def _person_title(tok, lex: Lexicon) -> bool:
    """A word that stands before a person's name as their title ('chair', 'Superintendent', 'Dr.')."""
    lemma = tok.lemma_.lower()
    return (lemma in lex.role_nouns and lemma not in _ROLES_NOT_TITLES) or tok.lower_.rstrip(".") in HONORIFICS


def _without_title(ent, lex: Lexicon):
    """A name of three words or more without the person's title the NER took into it ('Superintendent Marcus Bell'
    -> 'Marcus Bell'); the entity itself otherwise."""
    return ent[1:] if len(ent) > 2 and ent[0].is_title and _person_title(ent[0], lex) else ent


def _titled_name(doc, ent, lex: Lexicon):
    """A name of two or three capitalised words right after a person's title ('chair Wendell Price', 'Dr. Amara
    Osei'), or with the title inside the entity ('Superintendent Marcus Bell'): whatever label the NER gave it,
    titles belong to people. Returns the name without the title, or None."""
    before = doc[ent.start - 1] if ent.start > 0 else None
    name = _without_title(ent, lex)
    if (
        (name is not ent or (before is not None and _person_title(before, lex)))
        and 2 <= len(name) <= 3
        and all(t.pos_ == "PROPN" and t.is_title for t in name)
    ):
        return name
    return None


PLACE_NAME_POPULATION = 100_000  # a first word naming a city this large names a team or a firm ('Austin FC')


def _name_with_who(doc, ent, lex: Lexicon):
    """'Funmilayo Ajayi, who sells grain at the market, said': two or three capitalised words the NER called an
    organisation, set off by a comma and described by a 'who' clause, are a person's name (bodies take 'which').
    Not with 'the' before it, a body's noun in it ('Ports Authority') or a big city's name first ('Manchester
    United, who ...': British copy gives teams 'who')."""
    words = [t for t in ent if t.text != "-"]  # 'Owusu-Ansah' is one surname of two words
    if not 2 <= len(words) <= 3 or not all(t.tag_ == "NNP" and t.is_title for t in words):
        return None  # a plural word names a firm ('Acme Holdings', 'Boston Dynamics'), never one person
    if ent.start > 0 and doc[ent.start - 1].pos_ in ("DET", "ADP"):
        return None  # 'the Lakers, who', 'lawmakers on Capitol Hill, who': the 'who' is not the name's
    if any(t.lemma_.lower() in lex.org_nouns for t in ent):
        return None
    place = gazetteer().get(ent[0].text)
    if place is not None and place.population >= PLACE_NAME_POPULATION:
        return None
    first = _relative_word(doc, ent)
    return ent if first is not None and first.lower_ == "who" and first.dep_ in SUBJECTS else None


def _proper_run(doc, head):
    """The capitalised proper nouns compounded onto ``head`` and ending with it ('Siobhán Ní Bhriain')."""
    start = head.i
    while True:
        if start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == head.i:
            start -= 1
        elif _hyphenated_first_part(doc, start):
            start -= 2  # 'Owusu-Ansah'
        else:
            return doc[start : head.i + 1]


def _described_by_which(doc, ent) -> bool:
    """A name set off by a comma and described by a 'which' clause names a body, whatever the NER called it
    ('Tarn Capital, which disclosed a 3 percent stake')."""
    first = _relative_word(doc, ent)
    return first is not None and first.lower_ == "which"


def _relative_word(doc, ent):
    """The first word ('who', 'which', ...) of a relative clause on the name, set off by a comma after it; or None."""
    if ent.end >= len(doc) or doc[ent.end].text != ",":
        return None
    clause = next((c for c in ent.root.children if c.dep_ == "relcl" and c.i > ent.end), None)
    return clause.left_edge if clause is not None else None


def _hyphenated_first_part(doc, i: int) -> bool:
    """Token i is the second half of a hyphenated given name ('Jan-Willem', 'Mary-Kate'): a hyphen with no space on
    either side and a capitalised name word before it."""
    if i < 2:
        return False
    hyphen, first = doc[i - 1], doc[i - 2]
    return hyphen.text == "-" and not first.whitespace_ and not hyphen.whitespace_ and _name_word(first)


def _not_a_person(doc, name, lex: Lexicon) -> bool:
    """A name the NER took for a person that is a body or a platform: one word after 'the' with no title between
    ('The Synod said', 'the Politburo said': people's names take no article), or a platform's name ('Twitter
    said')."""
    if name.text.lower() in lex.platforms or (len(name) > 1 and _firm_name(name)):
        return True  # 'Twitter said'; 'Hillside Dairies said' the NER took for a person
    before = doc[name.start - 1] if name.start > 0 else None
    return len(name) == 1 and before is not None and before.lower_ == "the"


NICKNAME_OPEN = frozenset({'"', "“", "‘", "'", "``"})
NICKNAME_CLOSE = frozenset({'"', "”", "’", "'", "''"})
MAX_NICKNAME_WORDS = 3


def _nicknamed_name(doc, start: int, end: int):
    """'Dan “Red” Keller', 'Marvin "Marvelous" Hagler': a first name, a nickname of one to three words in quotation
    marks and a surname closing tokens [start, end), as a span; else None. The quotation marks split the name for
    the tagger and the NER (often a conjunct of the title, or a surname tagged alone), but a capitalised word on
    each side of a short quoted word is one person's name."""
    last = end - 1
    if last - start < 3 or not _name_word(doc[last]) or doc[last - 1].text not in NICKNAME_CLOSE:
        return None
    for opening in range(last - 2, max(start, last - 2 - MAX_NICKNAME_WORDS) - 1, -1):
        tok = doc[opening]
        if tok.text in NICKNAME_OPEN:
            inner = doc[opening + 1 : last - 1]
            if opening - 1 >= start and _name_word(doc[opening - 1]) and inner and inner[0].text[:1].isupper():
                return doc[opening - 1 : end] if all(t.is_alpha or t.text in ".-" for t in inner) else None
            return None
    return None


def _name_word(tok) -> bool:
    return (tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.is_alpha) or tok.ent_type_ == "PERSON"


def _name_ending_phrase(doc, head, speaker_rng):
    """The named person a singular speaker phrase ends with when the parser hung the name off its title: a title
    coordinated with the name ('former CIA operative and Marine Dan Keller': the name a conjunct of 'operative') or
    a name with a nickname in quotation marks ('boxer Marvin "Marvelous" Hagler'). None when the phrase does not
    end with a name."""
    nicknamed = _nicknamed_name(doc, *speaker_rng)
    if nicknamed is not None and not _under_preposition(nicknamed[-1], head):
        return nicknamed
    for child in head.children:
        if child.dep_ == "conj" and child.i > head.i:
            ent = _entity(child)
            if ent is not None and ent.label_ == "PERSON" and ent.end == speaker_rng[1]:
                return ent
    return None


def _under_preposition(tok, head) -> bool:
    """Whether ``tok`` hangs on the speaker's head through a preposition or a possessive ('an aide to Senator Jim
    "Big Jim" Folsom', 'a friend of ...', "Hagler's trainer"): then the name is someone else, not the speaker."""
    node = tok
    for _ in range(12):
        if node.i == head.i:
            return False
        if node.dep_ in ("pobj", "prep", "poss") or node.head.i == node.i:
            return True
        node = node.head
    return True


# The last word of a firm's name that says what the firm is ('Greenleaf Farms', 'Northern Rail', 'Apex Holdings'):
# a person's surname is none of these. General words of company names (not the lexicon's org_nouns: 'White', 'Church').
FIRM_NAME_ENDINGS = frozenset(
    {"farms", "foods", "dairies", "rail", "railways", "airlines", "airways", "motors", "industries", "holdings"}
    | {"partners", "capital", "systems", "technologies", "labs", "laboratories", "pharmaceuticals", "energy"}
    | {"logistics", "mining", "studios", "brands", "ventures", "networks", "solutions", "services", "properties"}
    | {"bank", "group", "company", "corporation", "inc", "inc.", "ltd", "ltd.", "llc", "corp", "corp.", "plc", "gmbh"}
)


def _firm_name(name) -> bool:
    """A run of capitalised words that ends with what a firm is ('Greenleaf Farms', 'Harbor Bank'), not a person."""
    return name[-1].lower_ in FIRM_NAME_ENDINGS


def _apposed_body(head, lex: Lexicon):
    """The organisation's name set off by commas after a common noun that is no person's role ('The operator,
    Central Rail, said'), as the NER's entity; else None."""
    if head.lemma_.lower() in lex.role_nouns | lex.anonymous_heads:
        return None
    for child in head.children:
        if child.dep_ == "appos" and child.i > head.i and head.doc[child.left_edge.i - 1].text == ",":
            ent = _entity(child)
            if ent is not None and ent.label_ in ORG_LABELS:
                return ent
    return None


def _appositive_names(doc, head):
    """The people a count or group noun is spelled out as, after a comma: 'two members of X, Jane Roe and John
    Doe,' (the parser reads the names as an apposition or as conjuncts of the noun), as one span; else None."""
    for child in head.children:
        if child.dep_ not in ("appos", "conj") or child.i < head.i or doc[child.left_edge.i - 1].text != ",":
            continue
        first = _entity(child)
        if first is None or first.label_ != "PERSON":
            continue
        end, node = first.end, child
        while True:  # "A, B and C": each conjunct must be a person too
            nxt = next((c for c in node.children if c.dep_ == "conj"), None)
            ent = _entity(nxt) if nxt is not None else None
            if ent is None or ent.label_ != "PERSON":
                break
            end, node = ent.end, nxt
        start = first.start
        return doc[start:end]
    return _listed_names(doc, head)


def _listed_names(doc, head):
    """'two members of X, Jane Roe and John Doe,' when the parser hangs the names elsewhere (on X): the last
    comma-delimited part of the noun's phrase is a list of full names (two or more title-case words each), as
    many as the count says when it says one."""
    stop = head.right_edge.i
    if doc[stop].text != ",":
        return None
    comma = next((i for i in range(stop - 1, head.i, -1) if doc[i].text == ","), None)
    if comma is None or comma + 1 >= stop:
        return None
    names, current = [], []
    for tok in doc[comma + 1 : stop]:
        if tok.lower_ == "and" or tok.text == ",":
            names.append(current)
            current = []
        elif tok.pos_ == "PROPN" and tok.is_title and tok.ent_type_ in ("", "PERSON"):
            current.append(tok)  # not a name the NER calls a body or a place ('The operator, Central Rail,')
        else:
            return None
    names.append(current)
    count = _number(head)
    if any(len(n) < 2 for n in names) or len(names) < (count or 1) or (count and len(names) != count):
        return None
    return doc[comma + 1 : stop]


# Cues that documents and data take ("figures show"), and modifiers that make "figures" numbers, not people.
DOCUMENT_CUES = frozenset({"show", "suggest", "indicate", "reveal", "find", "according to"})
DATA_MODIFIERS = frozenset(
    {
        "weekly",
        "monthly",
        "daily",
        "annual",
        "quarterly",
        "yearly",
        "latest",
        "new",
        "own",
        "provisional",
        "preliminary",
        "official",
        "its",
        "their",
        "sales",
        "trading",
        "census",
    }
)


def _is_document(head, att: Attribution, lex: Lexicon) -> bool:
    """'the company's weekly figures', 'its own figures show', 'the report said': the source is a document or data
    set. Ambiguous nouns ('figures' are also people: 'senior opposition figures said') need a data modifier or a
    document cue."""
    if head.lemma_.lower() not in lex.document_nouns:
        return False
    if head.lemma_.lower() not in lex.anonymous_heads:
        return True
    cue = att.quote.cue.text.lower()
    cue_lemma = head.doc[head.i].head.lemma_.lower() if head.dep_ in ("nsubj", "nsubjpass") else cue
    modifiers = {c.lower_ for c in head.children if c.dep_ in ("amod", "poss", "compound", "nmod")}
    return cue in DOCUMENT_CUES or cue_lemma in DOCUMENT_CUES or bool(modifiers & DATA_MODIFIERS)


# Groups that write studies: after the article tells of a study or of research, 'researchers' are its authors.
RESEARCH_GROUPS = frozenset({"researcher", "scientist"})


def _study_told_before(head, lex: Lexicon) -> bool:
    """An earlier sentence of the article tells of a study, a survey or research (lex.unnamed_study_heads), or of
    researchers ('Scientists at the Pasteur Institute found ... Researchers said': the same team)."""
    told = lex.unnamed_study_heads | RESEARCH_GROUPS
    return any(t.lemma_.lower() in told and t.pos_ == "NOUN" for t in head.doc[: head.sent.start])


def _group_described(att: Attribution) -> bool:
    """The cue is a restrictive relative clause on a group that is another verb's object ('the law shields some
    groups that oppose same-sex marriage', 'it protects critics who say ...'): the clause says which people, the
    sentence tells what happens to them. 'There are many who say ...', 'Critics, who say ..., have sued' and 'a
    concern among experts who predict ...' still tell a view through the group."""
    head: Any = att.speaker_head
    if head is None:
        return False
    cue = next((t for t in head.children if t.dep_ == "relcl"), None)
    if cue is None or not (cue.idx <= att.quote.cue.start < cue.idx + len(cue.text)):
        return False
    comma = any(t.text == "," for t in head.doc[head.i : cue.left_edge.i + 1])
    return not comma and head.dep_ in ("dobj", "dative", "nsubjpass")


def _as_written(speaker: Span, cue: Span) -> str:
    """Speaker and cue in the article's order: 'critics said', 'according to experts', 'Critics … saying' when
    words stand between them."""
    first, second = (cue, speaker) if cue.start < speaker.start else (speaker, cue)
    return f"{first.text} {second.text}" if second.start - first.end <= 1 else f"{first.text} … {second.text}"


def _is_weasel(head, lex: Lexicon) -> bool:
    """A vague group standing in for a source: 'critics', 'experts', 'some', 'many people', 'observers'."""
    lemma = _head_lemma(head, lex)
    if lemma == "other" and head.lower_ == "others":
        lemma = "others"  # the lemmatizer's 'other' for the pronoun 'Others said ...'
    if lemma in GROUP_QUANTITIES:
        group = _counted_group(head)
        return group is not None and _is_weasel(group, lex)
    if lemma not in lex.weasel_subjects:
        return _vague_party(head, lex)
    if (
        lemma in RESEARCH_GROUPS
        and _study_told_before(head, lex)
        and not any(c.lower_ == "other" for c in head.children)
    ):
        return False  # 'A study published Monday ... Researchers say ...': the study's own authors (not 'other researchers')
    misread = _misread_plural(head)
    if any(
        (
            (t.pos_ == "PROPN" and not _capitalised_first_word(t))
            or t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
            or t.lower_ in ("including", "such", "like")
        )
        and not (misread and t.i == head.i)
        for t in head.subtree
    ):
        return False
    if lemma in ("some", "many", "most", "others"):
        # 'many in the party', 'some within the administration': an unnamed part of a body ('some of the
        # senators', 'many of whom' are left to the other tests)
        return head.pos_ in ("PRON", "DET", "ADJ", "NOUN") and all(
            c.lower_ in GROUP_PREPS for c in head.children if c.dep_ == "prep"
        )
    if any(c.dep_ == "prep" and c.lower_ in ("at", "from", "with", "in") for c in head.children):
        return False  # "scientists at the university": an affiliation, not a vague crowd
    dets = {c.lower_ for c in head.children if c.dep_ in ("det", "poss", "amod", "nummod")}
    if lemma == "people":
        return bool(dets & {"some", "many", "most"})
    if lemma in ("someone", "somebody"):
        # 'someone said the vote was rigged': a speaker nobody can identify; 'someone told Trump that ...' is a
        # guess at what a named person heard, no source of the writer's; 'I want someone to say', '"someone told
        # reception ...," a spokesman said': no speaker of the article's, or one inside another speaker's words
        verb = head.head
        if head.dep_ != "nsubj" or verb.lemma_.lower() not in lex.cue_verbs or verb.dep_ not in ("ROOT", "conj"):
            return False  # 'the fact that someone claims ...', 'if someone says ...': anyone at all, no source
        if any(t.pos_ == "VERB" and t.lemma_.lower() in lex.speech_verbs for t in verb.ancestors):
            return False
        told = [c for c in verb.children if c.dep_ in ("dative", "dobj") and c.i > head.i]
        return not any(c.pos_ == "PROPN" or c.ent_type_ == "PERSON" for c in told)
    if head.tag_ != "NNS" and not misread and lemma not in ("rumour", "rumor", "speculation"):
        return False
    kinds = {c.lower_ for c in head.children if c.dep_ == "amod" and _field_adjective(c)}
    return not (dets - kinds - {"some", "many", "most", "other", "several", "independent", "leading", "few"})


# Nouns that count a group without saying who is in it: 'a growing number of economists', 'a handful of analysts'.
GROUP_QUANTITIES = frozenset({"number", "handful", "chorus", "host", "couple", "score", "dozen", "majority", "lot"})


def _counted_group(head):
    """The plural group after a quantity noun's 'of' ('a number of experts' -> experts), or None."""
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    group = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return group if group is not None and group.tag_ == "NNS" else None


def _misread_plural(head) -> bool:
    """A lexicon group word opening its sentence, which the tagger or the NER took for a name for its capital alone
    ('Commentators said' as an organisation, 'Skeptics argue' as a singular name): a plural standing alone as its
    own entity, if any."""
    alone = not head.ent_type_ or (
        head.ent_iob_ == "B" and (head.i + 1 >= len(head.doc) or head.nbor().ent_iob_ != "I")
    )
    return head.tag_ in ("NNS", "NNP", "NNPS") and head.lower_.endswith("s") and alone and _first_word(head)


def _field_adjective(tok) -> bool:
    """An adjective of a field, which says what kind of experts, not which ones ('legal scholars', 'medical
    experts', 'political scientists'): a relational form in -al or -ic."""
    return tok.pos_ == "ADJ" and tok.lower_.endswith(("al", "ic")) and tok.lower_ not in ("several", "individual")


# Determiners that single out one unnamed member of a group ('one county party chairman', 'a party leader').
ONE_OF = frozenset({"a", "an", "one", "another"})
# Words that leave a group of insiders unnamed besides the lexicon's vague determiners ('other party leaders').
VAGUE_GROUP_WORDS = frozenset({"other", "few", "numerous", "multiple", "local"})


INTERVIEW_NOUNS = frozenset({"interview", "conversation"})


def _interviews_with_unnamed(head, lex: Lexicon) -> bool:
    """'interviews with a dozen party leaders and officials', 'conversations with more than 20 aides': an account
    resting on interviews with a group of people the phrase does not name (a plural person noun with no determiner
    but an indefinite one, no possessive, no name in the phrase)."""
    if head.lemma_.lower() not in INTERVIEW_NOUNS or head.tag_ != "NNS":
        return False
    prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "with"), None)
    people = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if people is None or people.tag_ != "NNS":
        return False
    nouns = lex.anonymous_heads | lex.role_nouns | lex.insider_roles | lex.weasel_subjects
    if people.lemma_.lower() not in nouns and people.lemma_.lower() != "people":
        return False
    if any(c.dep_ == "poss" or c.lower_ in ("the", "these", "those", "both") for c in people.children):
        return False
    return not any(t.ent_type_ == "PERSON" or t.lower_ in ("including", "such") for t in head.subtree)


MAX_UNNAMED_COUNT = 12  # 'a dozen party leaders' at most: more is a tally of public positions


def _telling_cue(att: Attribution, head, lex: Lexicon) -> bool:
    """The insider tells something: 'according to', or a speech verb ('said', 'told') with the insider as its
    subject, not an infinitive ('a candidate rely on a TV doctor to discuss ...') nor an act with an object ('other
    leaders have proposed ...')."""
    if att.quote.cue.text.lower().startswith("according"):
        return True
    verb = head.head if head.dep_ in ("nsubj", "nsubjpass") else None
    return (
        verb is not None
        and verb.lemma_.lower() in lex.speech_verbs
        and verb.tag_ != "VBG"  # 'with other candidates suggesting that ...': a summary of public stances
        and not any(
            (c.dep_ == "aux" and c.lower_ == "to")
            or (c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "whenever"))  # 'when a leader says': anyone
            or (c.dep_ == "advmod" and c.lower_ in ("publicly", "openly"))  # on the record
            for c in verb.children
        )
    )


def _unnamed_insider(head, att: Attribution, lex: Lexicon) -> str | None:
    """How an insider of a party, campaign or movement (the lexicon's insider_roles) is left unnamed: 'one' for one
    person introduced with 'a', 'one' or 'another' ('said one county party chairman') and 'count' for a counted
    group ('two party leaders said'), both SRC001; 'vague' for an indefinite group ('several delegate candidates',
    'other party leaders', 'some donors'), SRC002. None when the phrase names anyone or a group it includes
    ('several candidates, including Jane Roe'), or is definite, possessive or a bare plural ('party leaders say',
    'Republican leaders say': a public group speaking on the record, as 'Republicans say' is)."""
    lemma = _head_lemma(head, lex)
    if lemma == "candidate" and not any(c.dep_ == "compound" and c.lower_ == "delegate" for c in head.children):
        return None  # candidates for office take positions in public; a party's delegate candidates are insiders
    if lemma not in lex.insider_roles or head.pos_ != "NOUN" or not _telling_cue(att, head, lex):
        return None
    if any(
        t.ent_type_ in ("PERSON", "GPE") or t.lower_ in ("including", "such", "like", "among") for t in head.subtree
    ):
        return None  # named, or a nation's or state's leaders ('other E.U. leaders'): public figures
    mods = {c.lower_ for c in head.children if c.dep_ in ("det", "nummod", "amod", "predet", "poss")}
    if any(c.dep_ == "poss" for c in head.children) or mods & {"the", "this", "that", "these", "those", "each"}:
        return None
    if head.tag_ == "NN":  # the phrase's first word: the parser may hang 'one' on a modifier ('one county chairman')
        return "one" if mods & ONE_OF or head.doc[head.left_edge.i].lower_ in ONE_OF else None
    if head.tag_ != "NNS":
        return None
    if att.count is not None:  # a small counted group; '520 superdelegates have said ...' is a tally
        return "count" if 2 <= att.count <= MAX_UNNAMED_COUNT else None
    return "vague" if mods & (lex.vague_determiners | VAGUE_GROUP_WORDS) else None


# Quantifiers that can stand alone for part of a group just named ('most have proposed tax cuts').
PARTITIVES = frozenset({"most", "many", "some", "several", "all", "both", "few"})


def _partitioned_group(head, lex: Lexicon):
    """The group a bare quantifier subject counts out of, when the sentence (before it) or the one before has that
    group as a subject: 'Republican candidates face questions, since most have proposed tax cuts' is most of the
    candidates, not a vague crowd. The group must itself be no vague one ('Critics are divided; many say ...'
    stays vague), and the quantifier has nothing of its own after it ('many in the party')."""
    if head.lower_ not in PARTITIVES or head.pos_ not in ("PRON", "DET", "ADJ", "NOUN") or list(head.children):
        return None
    doc_view = view(head.doc)
    sent = doc_view.sent_of(head.i)
    start = sent.start
    if head.i - start < 3:  # opening the sentence: the group is the previous sentence's
        prev = doc_view.sent_of(start - 1) if start > 0 else None
        if prev is None or "\n" in head.doc.text[prev.end_char : sent.start_char] or not prev.text.strip():
            return None  # another paragraph
        start = prev.start
    for tok in reversed(head.doc[start : head.i]):
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.tag_ in ("NNS", "NNPS") and tok.lower_ not in PARTITIVES:
            return None if _is_weasel(tok, lex) else head.doc[tok.left_edge.i : tok.i + 1]
    return None


GROUP_PREPS = frozenset({"in", "within", "among", "inside", "across"})


def _vague_party(head, lex: Lexicon) -> bool:
    """'Some Republicans', 'many Democrats': an indefinite part of a party, faith or nation (a plural NORP with an
    indefinite determiner and nothing narrowing it) speaks as a vague group, not as the named body."""
    if head.tag_ != "NNPS" or head.ent_type_ != "NORP":
        return False
    dets = [c for c in head.children if c.dep_ in ("det", "poss", "nummod") or c.lower_ in lex.vague_determiners]
    if len(dets) != 1 or dets[0].lower_ not in lex.vague_determiners:
        return False
    return not any(c.dep_ in ("prep", "relcl", "acl", "appos", "conj") for c in head.children)


def _few_described(head, att: Attribution) -> bool:
    """'A person who has spoken with the president', 'two people who were present': one or a few people, told by
    what they saw or know and never named."""
    one = any(c.dep_ in ("det", "nummod") and c.lower_ in ONE_OF for c in head.children)
    few = att.count is not None and 2 <= att.count <= MAX_UNNAMED_COUNT
    return (one or few) and any(c.dep_ in ("relcl", "acl") for c in head.children)


# Ranks that make one member of a party or movement an insider ('a senior Republican', 'one prominent Democrat').
MEMBER_RANKS = frozenset(
    {"senior", "prominent", "leading", "veteran", "top", "longtime", "influential", "high-ranking"}
)


def _ranked_member(head) -> bool:
    """One member of a party, faith or nation given a rank and no name ('a senior Republican', 'one prominent
    Democrat'): an unnamed insider, not the named body 'Republicans' a plural would be."""
    if head.ent_type_ != "NORP" or head.tag_ != "NNP":
        return False
    kids = {c.lower_ for c in head.children if c.dep_ in ("det", "nummod", "amod")}
    return bool(kids & ONE_OF) and bool(kids & MEMBER_RANKS)


def _capitalised_first_word(tok) -> bool:
    """A sentence's first word that the tagger took for a name only because it is capitalised ('Aviation analysts
    said'): no entity type, and the next word is a common noun it modifies."""
    return not tok.ent_type_ and _opens_sentence_as_modifier(tok)


def _opens_sentence_as_modifier(tok) -> bool:
    """The sentence's first word, modifying the noun after it ('Aviation analysts', 'Media reports')."""
    sent_start = view(tok.doc).sent_of(tok.i).start
    first = next((t for t in tok.doc[sent_start : tok.i + 1] if not (t.is_space or t.is_punct)), None)
    return first is not None and first.i == tok.i and tok.dep_ in ("compound", "amod")


# -------------------------------------------------------------------------------------------------------- sources
def find_sources(doc, attributions: list[Attribution]) -> list[Source]:
    """Group attributions into Source records and set each quote's ``source_id`` (pronouns resolved backwards)."""
    sources: list[Source] = []
    meta: list[Attribution] = []  # the attribution that opened each source (its head lemma, number, kind)
    last_seen: list[int] = []  # sentence index of each source's latest mention

    def add(att: Attribution, speaker: Span) -> int:
        sid = len(sources)
        sources.append(
            Source(
                sid,
                att.name or speaker.text,
                att.kind,
                [speaker],
                description=att.description,
                count=att.count,
            )
        )
        meta.append(att)
        last_seen.append(att.sentence)
        return sid

    def attach(sid: int, att: Attribution, speaker: Span) -> None:
        sources[sid].mentions.append(speaker)
        last_seen[sid] = att.sentence

    said = [part for att in attributions for part in (att.quote.content, att.quote.continuation) if part is not None]
    full: dict[str, str] | None = None  # the article's full names by surname, read at the first he/she speaker
    for att in attributions:
        speaker = att.quote.speaker
        if att.scene or speaker is None:
            continue  # a shout in a scene is nobody's account: no source (nor a learned quote with no speaker)
        if att.pronoun is None and _no_speaker(att):
            continue  # 'which said', 'many of whom said', 'him': the parse left no speaker to name
        # a he/she: the person just named as a subject, else the last fitting source, else the one person just named
        name = None
        if att.pronoun in ("he", "she"):
            full = _full_names(doc) if full is None else full
            name = _antecedent(doc, att, said, full, subjects=True)
        sid = _match(att, sources, meta, last_seen) if name is None else None
        if sid is None and att.pronoun is None and (body := _body_named_before(doc, att, said)) is not None:
            att.name = body.text  # 'Northwind Energy unveiled plans ... The company said': the company is Northwind
            key = _norm(body.text)
            sid = next((i for i, x in enumerate(sources) if x.kind == att.kind and _norm(x.name) == key), None)
        if sid is None and att.pronoun is None and att.kind in ("unknown", "role_only"):
            name = _person_titled_before(doc, att, said)  # 'the winger said' after 'winger Kwabena Owusu-Ansah'
        if sid is None and full is not None and att.pronoun in ("he", "she"):
            name = name or _antecedent(doc, att, said, full)
        if name is not None:
            att.kind, att.name = "named_person", name  # '"...," she said' after a sentence naming only Elena Reyes
            sid = _match(replace(att, pronoun=None), sources, meta, last_seen)
            if sid is None:
                sid = add(att, speaker)
            else:
                attach(sid, att, speaker)
        elif sid is None and att.pronoun is None:
            sid = add(att, speaker)
        elif sid is not None:
            attach(sid, att, speaker)
            if (
                att.pronoun is None
                and sources[sid].kind in ("anonymous", "role_only")
                and att.kind == sources[sid].kind
            ):
                sources[sid].count = sources[sid].count or att.count
        att.quote.source_id = sid
        if sid is not None and att.pronoun is None and att.kind != sources[sid].kind:
            att.kind = sources[sid].kind  # "the official" merged into a named official is not anonymous
    return sources


ANTECEDENT_SENTENCES = 2  # sentences before a pronoun's own where the person it stands for is looked for


def _person_titled_before(doc, att: Attribution, said: list[Span]) -> str | None:
    """The person 'the winger', 'the novelist' or 'the spokesman' stands for: the one person the text named earlier
    with that noun right before the name ('winger Kwabena Owusu-Ansah', 'novelist Ann Patchett'), outside reported
    words. None for two such people, for a noun with its own modifiers ('the other winger') or a plural."""
    head, speaker = att.speaker_head, att.quote.speaker
    if head is None or speaker is None or head.pos_ != "NOUN" or att.plural:
        return None
    if [c.lower_ for c in head.children] != ["the"]:
        return None
    lemma = head.lemma_.lower()
    names = set()
    for ent in _named_before(doc, "PERSON", speaker, said):
        if ent.start == 0:
            continue
        if doc[ent.start - 1].lemma_.lower() == lemma and doc[ent.start - 1].pos_ == "NOUN":
            names.add(re.sub(r"['’]s$", "", ent.text))  # "candidate Donald Trump's plan": the man, not his plan
    return names.pop() if len(names) == 1 else None


def _in_reported_words(at: int, said: list[Span]) -> bool:
    """Whether the character offset lies inside someone's reported words (an attribution's content)."""
    return any(part.start <= at < part.end for part in said)


def _named_before(doc, label: str, speaker: Span, said: list[Span], *, since: int = 0) -> Iterator[Any]:
    """The NER's ``label`` entities from character ``since`` up to the speaker, outside anyone's reported words."""
    for ent in view(doc).ents:
        if ent.end_char > speaker.start:
            return
        if ent.label_ == label and ent.start_char >= since and not _in_reported_words(ent.start_char, said):
            yield ent


def _person_surnames(doc) -> frozenset[str]:
    """The last words, lower case, of the names the NER calls people."""
    return frozenset(e[-1].lower_ for e in view(doc).ents if e.label_ == "PERSON")


# The nouns a firm whose name says nothing of its kind goes by ('Northwind Energy ... the company said'). A public
# body's noun ('the administration', 'the agency') must be in its name to stand for it.
BUSINESS_NOUNS = frozenset(
    {"company", "firm", "group", "business", "automaker", "carmaker", "airline", "retailer", "grocer", "chain"}
    | {"conglomerate", "startup", "utility", "insurer", "lender", "manufacturer", "maker", "supermarket"}
)


def _body_named_before(doc, att: Attribution, said: list[Span]):
    """The organisation a definite common noun speaker stands for ('The company said', 'the agency said'): the one
    organisation the NER names in its sentence (before it) and the two sentences before, outside anyone's reported
    words, whose name holds the speaker's noun ('the Environmental Protection Agency' ... 'the agency'), or, for a
    firm's noun, no body's noun at all. None for two candidates, for a body named by whose it is ('the city's water
    department') and for a speaker that is not a plain 'the' + noun."""
    head, speaker = att.speaker_head, att.quote.speaker
    if (
        att.kind != "named_organisation"
        or head is None
        or speaker is None
        or head.pos_ != "NOUN"
        or att.plural
        or not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in head.children)
        or any(c.dep_ in ("poss", "compound", "amod") or c.ent_type_ for c in head.children)
    ):
        return None
    first = view(doc).sents[max(0, att.sentence - ANTECEDENT_SENTENCES)].start_char
    surnames = _person_surnames(doc)
    found: dict[str, Any] = {}
    for ent in _named_before(doc, "ORG", speaker, said, since=first):
        if (len(ent) == 1 and ent[0].lower_ in surnames) or "/" in ent.text:
            continue  # 'Trump' tagged ORG once is still the man; 'Facebook/Jane Doe' is a picture's credit
        found.setdefault(_norm(ent.text), ent)
    if len(found) != 1:
        return None
    body = next(iter(found.values()))
    lemma = head.lemma_.lower()
    if any(t.lemma_.lower() == lemma for t in body):
        return body  # 'the Environmental Protection Agency' ... 'the agency'
    plain = not any(t.lemma_.lower() in lexicon().org_nouns for t in body)
    return body if plain and lemma in BUSINESS_NOUNS else None  # 'Northwind Energy' ... 'the company


SUBJECTS = ("nsubj", "nsubjpass")


def _antecedent(doc, att: Attribution, said: list[Span], full: dict[str, str], subjects: bool = False) -> str | None:
    """The person a 'he' or 'she' speaker stands for: the one person named in the pronoun's sentence (before it)
    and the two sentences before, outside anyone's quoted words ('Reyes declared victory at a hotel. "...," she
    said'); with ``subjects``, only a person who is a clause's subject in the pronoun's sentence or the one before
    ('Pratt conceded an hour later. In a statement, he said ...' is Pratt, though an earlier speaker fits too).
    None when those lines name nobody or more than one person: then the pronoun is left to the sources before it,
    or unresolved, rather than guessed."""
    pronoun = att.speaker_head
    if pronoun is None:
        return None
    dv = view(doc)
    first = dv.sents[max(0, att.sentence - (1 if subjects else ANTECEDENT_SENTENCES))].start
    # (a name inside someone's quoted words is whom they spoke of, not the speaker)
    people: dict[str, str] = {}  # surname -> the longest name it closes
    taken: set[int] = set()
    for lo, hi in _people(doc, first, pronoun.i, lexicon()):
        taken.update(range(lo, hi))
        if (subjects and doc[lo:hi].root.dep_ not in SUBJECTS) or _in_reported_words(doc[lo].idx, said):
            continue
        words = _name_words(doc[lo:hi].text)
        name = full.get(words[-1], " ".join(words)) if len(words) == 1 else " ".join(words)
        people[words[-1]] = max(people.get(words[-1], ""), name, key=len)
    for tok in doc[first : pronoun.i]:  # a bare surname the NER left untagged or took for an organisation
        if tok.i in taken or tok.text not in full or (subjects and tok.dep_ not in SUBJECTS):
            continue
        if _in_reported_words(tok.idx, said):
            continue
        people[tok.text] = max(people.get(tok.text, ""), full[tok.text], key=len)
    return next(iter(people.values())) if len(people) == 1 else None


def _full_names(doc) -> dict[str, str]:
    """Surname -> full name of the people an article names in full: the NER's people of two words or more, and two
    or three capitalised proper nouns after a person's title ('Mayor Elena Reyes') whatever the NER made of them."""
    lex, dv = lexicon(), view(doc)
    out = {n[-1]: " ".join(n) for e in dv.ents if e.label_ == "PERSON" and len(n := _name_words(e.text)) > 1}
    titles = lex.role_nouns | HONORIFICS | {f"{h}." for h in HONORIFICS}
    for i in dv.where(lowers=titles, lemmas=lex.role_nouns):  # (a cheap first pass over the doc's columns)
        tok = doc[i]
        if tok.is_title and _person_title(tok, lex):
            run = list(doc[tok.i + 1 : tok.i + 4])
            length = next((k for k, t in enumerate(run) if not (t.pos_ == "PROPN" and t.is_title)), len(run))
            if 2 <= length <= 3:
                words = _name_words(" ".join(t.text for t in run[:length]))
                out.setdefault(words[-1], " ".join(words))
    return out


def _name_words(text: str) -> list[str]:
    return text.replace("’s", "").replace("'s", "").split()


# Pronouns that cannot stand for a speaker a reader could count (object, reflexive, demonstrative, relative).
NO_SPEAKER_PRONOUNS = frozenset(
    {"him", "her", "us", "them", "me", "himself", "herself", "themselves", "itself", "myself", "ourselves",
     "yourself", "something", "anything", "nothing", "this", "which", "whom", "whose", "what", "whatever",
     "that"}
)  # fmt: skip


def _no_speaker(att: Attribution) -> bool:
    """The speaker phrase names nobody a reader could count as a source: a relative or other non-personal pronoun
    ('which', 'that', 'whom', 'herself', 'him', 'something'), a phrase ending in one ('most of whom'), or a bare
    function word or possessive mark the parse left ('’s'). The personal pronouns are resolved, not dropped."""
    head = att.speaker_head
    if head is None or (head.text.isupper() and len(head.text) > 2):
        return False  # 'WHO concluded': an acronym, whatever the tagger made of it
    speaker = att.quote.speaker
    if speaker is not None and speaker.text.lower().startswith(("neither ", "no one", "nobody", "none ")):
        return True  # 'Neither Cruz nor Rubio said': nobody said it
    if head.pos_ in ("DET", "PART", "PUNCT", "ADP", "SCONJ", "CCONJ", "AUX") or head.tag_ in (
        "WDT",
        "WP",
        "WP$",
        "POS",
    ):
        return True
    if (head.pos_ == "PRON" and head.lower_ in NO_SPEAKER_PRONOUNS) or head.lower_ in FOLKLORE_WORDS:
        return True  # ... or 'according to legend': a tale, nobody's account
    return any(t.tag_ in ("WDT", "WP") for t in head.subtree if t.i > head.i and t.dep_ == "pobj")


def _norm(name: str) -> str:
    return re.sub(r"^(the|a|an)\s+", "", name.lower().replace("’", "'").removesuffix("'s")).strip()


def _match(att: Attribution, sources: list[Source], meta: list[Attribution], last_seen: list[int]) -> int | None:
    if att.pronoun is not None:
        return _resolve_pronoun(att, sources, meta, last_seen)
    key = _norm(att.name or "")
    head = att.speaker_head
    if att.kind in ("named_organisation", "unknown") and head is not None and head.pos_ == "PROPN" and key:
        words = key.split()
        for sid in range(len(sources) - 1, -1, -1):  # "Fauci added" after "Dr Anthony Fauci said": NER missed it
            theirs = _norm(sources[sid].name).split()
            if sources[sid].kind == "named_person" and len(words) <= len(theirs) and theirs[-len(words) :] == words:
                return sid  # also a family name of two words ('Ní Bhriain told' after 'Siobhán Ní Bhriain')
    for sid in range(len(sources) - 1, -1, -1):
        source = sources[sid]
        if att.kind == "named_person" and source.kind == "named_person":
            theirs, ours = _norm(source.name).split(), key.split()
            if key == _norm(source.name) or (
                ours and theirs and ours[-1] == theirs[-1] and (len(ours) == 1 or len(theirs) == 1)
            ):
                return sid
        elif att.kind == source.kind and att.kind != "named_person" and key == _norm(source.name):
            return sid
    if not att.definite or head is None:
        return None
    lemma = head.lemma_.lower()
    # "the official" after "a senior official" / after "John Smith, a state official": the same speaker.
    for sid in range(len(sources) - 1, -1, -1):
        if att.sentence - last_seen[sid] > 6:
            break
        other = meta[sid]
        desc = _spelled_out(" ".join([sources[sid].description or "", *_titles_before(sources[sid])]).lower())
        if att.kind in ("anonymous", "role_only") and (
            (
                other.speaker_head is not None
                and other.speaker_head.lemma_.lower() == lemma
                and other.kind in ("anonymous", "role_only")
                and other.plural == att.plural
            )
            or (
                sources[sid].kind == "named_person"
                and (
                    re.search(rf"\b{re.escape(head.lower_)}\b", desc)
                    or (not att.plural and _describes(*_speaker_words(head), set(re.findall(r"[a-z]+", desc))))
                )
            )
        ):
            return sid
    if (
        att.kind == "named_organisation"
        and head.pos_ == "NOUN"
        and not any(c.dep_ == "poss" for c in head.children)  # 'the sheriff's office' is the sheriff's, another body
    ):  # "the company said" after "Microsoft said"
        if not any(c.dep_ in ("compound", "amod", "nmod") for c in head.children):
            lemma = head.lemma_.lower()  # 'the ministry said' after 'the interior ministry said': the same body
            for sid in range(len(sources) - 1, -1, -1):
                other_head = meta[sid].speaker_head
                if sources[sid].kind == "named_organisation" and other_head is not None:
                    if other_head.pos_ in ("NOUN", "PROPN") and other_head.lemma_.lower() == lemma:
                        return sid
        surnames = _person_surnames(head.doc)  # 'Trump promised' with Trump tagged ORG: no body to be 'the group'
        orgs = [
            sid
            for sid, s in enumerate(sources)
            if s.kind == "named_organisation"
            and (other_head := meta[sid].speaker_head) is not None
            and other_head.pos_ == "PROPN"
            and _norm(s.name) not in surnames
            and not _other_of_a_kind(head, other_head)
        ]
        if len(orgs) == 1:
            return orgs[0]
    return None


def _other_of_a_kind(head, other) -> bool:
    """'The interior ministry' after 'the defense ministry' (the tagger's PROPN): two bodies of one kind, told apart
    by their modifiers."""

    def modifiers(tok) -> set[str]:
        return {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}

    return head.lemma_.lower() == other.lemma_.lower() and modifiers(head) != modifiers(other)


# Titles as news copy abbreviates them before a name ('Sen. Elizabeth Warren'), and the role a later 'the senator'
# names them by.
TITLE_ABBREVIATIONS = {
    "sen": "senator", "rep": "representative", "gov": "governor", "gen": "general", "lt": "lieutenant",
    "col": "colonel", "sgt": "sergeant", "capt": "captain", "adm": "admiral", "atty": "attorney", "dr": "doctor",
    "prof": "professor", "supt": "superintendent", "insp": "inspector", "det": "detective", "cmdr": "commander",
    "amb": "ambassador", "sec": "secretary", "pres": "president", "rev": "reverend",
}  # fmt: skip
_ABBREVIATION_RE = re.compile(r"\b(" + "|".join(TITLE_ABBREVIATIONS) + r")\.?(?=\s|$)")


def _titles_before(source: Source) -> list[str]:
    """What a named source's mentions put before the name ('Dr.' of 'Dr. Aisha Rahman', 'Health Minister' of
    'Health Minister Declan O'Brien'), so that 'the doctor' and 'the minister' find them."""
    return [m.text[: m.text.find(source.name)] for m in source.mentions if m.text.find(source.name) > 0]


def _spelled_out(description: str) -> str:
    """A lower-case description with its title abbreviations spelled out: 'sen.' -> 'senator'."""
    return _ABBREVIATION_RE.sub(lambda m: TITLE_ABBREVIATIONS[m.group(1)], description)


def _resolve_pronoun(att: Attribution, sources, meta, last_seen) -> int | None:
    if att.pronoun not in ("he", "she", "they", "it"):
        return None
    for sid in range(len(sources) - 1, -1, -1):
        if att.sentence - last_seen[sid] > 3:
            continue
        source, other = sources[sid], meta[sid]
        many = other.plural or (source.count or 1) > 1
        if att.pronoun in ("he", "she") and source.kind in ("named_person", "role_only", "anonymous") and not many:
            return sid
        if att.pronoun == "they" and (many or source.kind == "named_organisation"):
            return sid
        if att.pronoun == "it" and source.kind in ("named_organisation", "unknown") and not many:
            return sid
    return None


# Verbs of a public stance: a group that praises, opposes or urges something is reported doing so; it passes on no
# information a reader would need its name to weigh, so an unnamed group taking a stance is no anonymous source.
STANCE_CUES = frozenset(
    {
        "applaud", "back", "blast", "cheer", "condemn", "congratulate", "criticise", "criticize", "decry", "defend",
        "denounce", "endorse", "favor", "favour", "hail", "lament", "mock", "oppose", "praise", "protest", "question",
        "slam", "support", "urge", "welcome",
    }
)  # fmt: skip


# Verbs that take a topic ('talking about the slogan') as readily as a claim ('talking about how the vote was rigged').
TOPIC_CUES = frozenset({"talk", "speak", "chat", "joke", "comment", "write", "tweet", "post", "ask", "wonder"})


def _cue_verbs(doc, cue: Span) -> list[Any]:
    """The verbs of an attribution's cue ('were talking about' -> talking)."""
    tokens = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    return [t for t in tokens if t.pos_ == "VERB"] if tokens is not None else []


def _inside_named_work(att: Attribution) -> bool:
    """A vague group speaking inside a work that a named person or outlet made: the cue is a relative clause ('in
    which', 'where') of a noun that a named subject ran, published or wrote ('the Post ran a piece in which several
    Muslims explained ...', 'Gallup published a poll in which many voters said ...'). The work is the source, and it
    is named."""
    head: Any = att.speaker_head
    cue = head.head if head is not None and head.dep_ in ("nsubj", "nsubjpass") else None
    if cue is None or cue.dep_ != "relcl" or cue.head.pos_ != "NOUN":
        return False
    work = cue.head
    maker = work.head if work.dep_ in ("dobj", "nsubjpass") else None
    if maker is None or maker.pos_ != "VERB":
        return False
    subject = next((c for c in maker.children if c.dep_ in ("nsubj", "agent")), None)
    if subject is not None and subject.dep_ == "agent":
        subject = next((c for c in subject.children if c.dep_ == "pobj"), None)
    return subject is not None and (subject.ent_type_ in ("ORG", "PERSON") or subject.pos_ == "PROPN")


def _topic_only(doc, quote) -> bool:
    """Whether a vague group's 'content' is only what it talks about: a noun phrase (its head a noun, whatever hangs
    on it: 'the slogan so odd that it trended') after a topic cue."""
    verbs = _cue_verbs(doc, quote.cue)
    if not verbs or verbs[0].lemma_.lower() not in TOPIC_CUES:
        return False
    content = doc.char_span(quote.content.start, quote.content.end, alignment_mode="expand")
    return content is not None and content.root.pos_ in ("NOUN", "PROPN", "PRON")


def _stance_cue(doc, cue: Span) -> bool:
    """Whether the attribution's cue is a verb of public stance ('defending', 'criticised', 'urging')."""
    verbs = _cue_verbs(doc, cue)
    return bool(verbs) and all(t.lemma_.lower() in STANCE_CUES for t in verbs)


_END_OF_SENTENCE = (".", "!", "?", '"', "”", "’", "'", "…")
MAX_STANDFIRST_WORDS = 40


def _anonymity_asked(att: Attribution) -> bool:
    """Words beyond the speaker's own that make it anonymous ('who asked not to be named', 'familiar with the
    talks'), not only its head word ('officials')."""
    speaker = att.quote.speaker
    return speaker is not None and any(a.lower() != speaker.text.lower() and " " in a for a in att.anonymity)


def _anonymity_of_the_reporter(att: Attribution, attributions: list[Attribution]) -> bool:
    """An attribution inside another's reported words whose anonymity terms are all the reporter's ('Two aides, who
    requested anonymity, said at least eight senators had threatened to vote no': the senators asked nothing)."""
    speaker = att.quote.speaker
    if speaker is None:
        return False
    for other in attributions:
        content = other.quote.content
        if other is not att and content.start <= speaker.start and speaker.end <= content.end:
            inside = content.text.lower()
            return not any(a.lower() in inside for a in att.anonymity if " " in a)
    return False


SUPPOSING_MODALS = frozenset({"might", "may", "could", "would"})


def _supposed_or_aside(doc, cue: Span) -> bool:
    """A vague group's saying that nobody reports: under a modal of possibility ('Some might argue that ...', 'others
    could say'), or a participle with no subject and no clause of its own in an adverbial clause of another verb
    ('Others have applied for charters while touting their technology')."""
    verbs = _cue_verbs(doc, cue)
    if not verbs:
        return False
    main = verbs[-1]
    if any(c.dep_ == "aux" and c.lower_ in SUPPOSING_MODALS for c in main.children):
        return True
    # ('with several Democrats saying ...' has its own subject, '..., saying mass immigration was ...' a clause: both
    # report what was said)
    return (
        main.tag_ == "VBG"
        and main.dep_ in ("advcl", "acl")
        and not any(c.dep_ in ("nsubj", "ccomp") for c in main.children)
    )


def _describes_named_just_before(att: Attribution, attributions: list[Attribution]) -> bool:
    """A singular definite description as the speaker ('the former top aide to the president') right after a named
    person spoke (the same or the two sentences before), with no words asking for anonymity: news style describes
    the person it has just named; an unnamed source is introduced with 'a' or a count, not with 'the'."""
    speaker = att.quote.speaker
    if speaker is None or not att.definite or att.plural or att.count is not None:
        return False
    if not speaker.text.lower().startswith("the "):
        return False
    if _anonymity_asked(att):
        return False  # 'the official, who asked not to be named': anonymity asked for
    head = att.speaker_head.lemma_.lower() if att.speaker_head is not None else None
    if any(
        b.kind == "anonymous" and b.speaker_head is not None and b.speaker_head.lemma_.lower() == head
        for b in attributions
        if b.quote.cue.start < att.quote.cue.start
    ):
        return False  # 'a source said ...', later 'the source added': the unnamed source met before
    return any(
        b.kind == "named_person"
        and b.quote.speaker is not None
        and b.quote.speaker.start < speaker.start
        and att.sentence - 2 <= b.sentence <= att.sentence
        for b in attributions
    )


# Heads whose only part in a story is to pass on information: whatever they are reported doing, they are sources.
INFORMANT_HEADS = frozenset({"source", "insider", "confidant"})


def _asks_anonymity(doc, att: Attribution) -> bool:
    """Words asking for anonymity anywhere in the attribution's sentence ('officials who asked not to be named'),
    whatever the parse made of them (it may take that request for the act itself)."""
    return bool(lexicon().anonymous_re.search(view(doc).sents[att.sentence].text.lower()))


def _informant(att: Attribution) -> bool:
    return att.speaker_head is not None and att.speaker_head.lemma_.lower() in INFORMANT_HEADS


def _back_reference(speaker: str) -> bool:
    """'the source', 'the insider', 'our source': a definite back-reference to an unnamed source met before."""
    words = speaker.split(",")[0].lower().split()  # 'the source, who asked not to be named,' is still 'the source'
    return 0 < len(words) <= 3 and words[0] in ("the", "this", "that", "our")  # 'our source added': the outlet's one


def standfirst(doc) -> tuple[int, int] | None:
    """Where the standfirst is: the paragraph under the headline that the ingest read as one (a text file's second
    head line), or a first body paragraph of at most MAX_STANDFIRST_WORDS words with no closing punctuation (a web
    page's dek), when more paragraphs follow."""
    article = doc._.pl_article
    if article is None or article.title_span is None:
        return None
    text = view(doc).text
    start = article.body_start
    while start < len(text) and text[start] in "\n ":
        start += 1
    end = text.find("\n", start)
    if end == -1 or not text[end:].strip():
        return None  # a one-paragraph body has no standfirst
    first = text[start:end].strip()
    told = article.meta.get("standfirst")
    if (told and first == told) or (
        len(first.split()) <= MAX_STANDFIRST_WORDS and not first.endswith(_END_OF_SENTENCE)
    ):
        return start, end
    return None


# ------------------------------------------------------------------------------------------------------- findings
def find_source_findings(
    doc, attributions: list[Attribution], sources: list[Source], *, single_source_min_quotes: int = 2
) -> Iterator[Finding]:
    """SRC001 per anonymous attribution, SRC002 per vague group, SRC003 when one source carries the whole story. Not
    in the standfirst: it teases what the body tells ('One member of the defense didn't hold back'), and the body's
    own attribution is the one to check."""
    dek = standfirst(doc)
    article = doc._.pl_article
    title = article.title_span if article is not None else None
    named_in_body = title is not None and any(
        a.kind == "named_person" and a.quote.speaker is not None and a.quote.speaker.start >= title[1]
        for a in attributions
    )
    told: dict[int, Finding] = {}  # source id -> its SRC001, for later back-references to the same unnamed source
    questions = question_turns(view(doc).text)
    for att in attributions:
        quote = att.quote
        if quote.speaker is not None and not (dek is not None and dek[0] <= quote.speaker.start < dek[1]):
            study = _unnamed_study(doc, att, attributions)
            if study is not None:
                yield study
                continue
        if att.pronoun is not None or att.kind != "anonymous" or att.scene or quote.speaker is None:
            continue
        if dek is not None and dek[0] <= quote.speaker.start < dek[1]:
            continue
        if att.weasel and any(start <= quote.speaker.start < end for start, end in questions):
            continue  # 'Q: Critics argue the fee is a tax. How do you answer them?': a view put to the interviewee
        if title is not None and title[0] <= quote.speaker.start < title[1] and named_in_body:
            # 'Atlantic City officials welcome ...' over a body that names them: the headline sums up what the body
            # attributes. 'Sources: the minister will resign' over a body naming nobody still fires.
            continue
        evidence: dict[str, Any] = {
            "speaker": quote.speaker.text,
            "cue": quote.cue.text,
            "content": quote.content.text,
            "anonymous_because": att.anonymity,
        }
        if att.count is not None:
            evidence["count"] = att.count
        kind = _unnamed_kind(att)
        if kind is not None:  # the kinds an opinion piece's conventions excuse (summary.OPINION_SOURCE_PATTERNS)
            evidence["pattern"] = kind
        if att.weasel and _topic_only(doc, quote):
            continue  # 'many people were talking about the new slogan': a topic, not a claim anyone vouches for
        if att.weasel and _inside_named_work(att):
            continue  # 'the Post ran a piece in which several Muslims explained ...': the named outlet's account
        if att.weasel and _supposed_or_aside(doc, quote.cue):
            continue  # 'Others might argue that ...': the writer's supposition; '... while touting X': an aside
        if att.weasel and att.act:
            continue  # 'Others supported Sanders's bid', 'critics vowed to fight on': an act or a stance, no claim
        if att.weasel and _group_described(att):
            continue  # 'the bill shields some groups that oppose it': which groups, not a claim told through them
        if att.weasel:
            yield _learned_mark(
                Finding(
                    "SRC002",
                    "info",
                    f"Vague attribution: '{_as_written(quote.speaker, quote.cue)}' names no identifiable source",
                    quote.speaker,
                    related=[quote.cue, quote.content],
                    confidence=0.75,
                    evidence={"pattern": "vague-group", **evidence},
                ),
                [att],
            )
            continue
        strong = _anonymity_asked(att) or (
            att.speaker_head is not None and att.speaker_head.lemma_.lower() in lexicon().always_anonymous_heads
        )
        if not strong and _stance_cue(doc, quote.cue):
            continue  # 'lawmakers defending the budget', 'members criticised the plan': a public stance, not a tip
        reporters = _anonymity_of_the_reporter(att, attributions)
        asked = not reporters and (_anonymity_asked(att) or _asks_anonymity(doc, att))
        if att.act and not asked and not _informant(att):
            continue  # 'officers had threatened to use live fire', 'officials pledged to rebuild': an act, no claim
        if _describes_named_just_before(att, attributions):
            continue  # '"...," said Ari Fleischer. "...," said the former top aide': the person just named
        if not _anonymity_asked(att) and _narrated_telling(att):
            continue  # 'while he was in jail, immigration officials told him he was no citizen': an event of his story
        sid = quote.source_id
        if sid is not None and sid in told and _back_reference(quote.speaker.text):
            # 'an insider told the paper ...', then 'the insider added ...': one unnamed source, told once with all
            # its places (the finding was already handed on; its related spans grow in place)
            told[sid].related.append(quote.speaker)
            continue
        finding = _learned_mark(
            Finding(
                "SRC001",
                "warning",
                f"Anonymous sources: '{quote.speaker.text}' names none of the people interviewed"
                if kind == "unnamed-interviews"
                else f"Anonymous source: '{quote.speaker.text}' is not named (attribution cue '{quote.cue.text}')",
                quote.speaker,
                related=[quote.content],
                confidence=0.9 if strong else 0.7,
                evidence=evidence,
            ),
            [att],
        )
        if sid is not None:
            told.setdefault(sid, finding)
        yield finding
    attributed = [a for a in attributions if a.quote.source_id is not None and not a.weasel]
    unresolved = [a for a in attributions if a.quote.source_id is None and not a.scene]
    distinct = {a.quote.source_id for a in attributed if a.quote.source_id is not None}
    if len(attributed) >= single_source_min_quotes and len(distinct) == 1 and not unresolved:
        source = sources[distinct.pop()]
        headline = view(doc).text[title[0] : title[1]] if title is not None else ""
        surname = source.name.split()[-1] if source.name.split() else ""
        about_them = source.kind == "named_person" and len(surname) > 2 and surname in headline
        # 'Paul Ryan: FBI decision defies explanation', 'Blackwell endorses Cruz': a story about what one person said
        # or did has one source by nature.
        if source.kind != "unknown" and not about_them:
            yield _learned_mark(
                Finding(
                    "SRC003",
                    "info",
                    f"All {len(attributed)} attributions in the article come from one source: {source.name}",
                    source.mentions[0],
                    related=[a.quote.content for a in attributed][:5],
                    confidence=0.7,
                    evidence={"source": source.name, "kind": source.kind, "attributions": len(attributed)},
                ),
                attributed,
            )


# Determiners an unnamed study takes ('a new poll', 'several surveys', 'recent polls' has none).
STUDY_DETERMINERS = frozenset({"a", "an", "some", "several", "many", "numerous", "various", "multiple", "other"})
# Words that say whose or which study it is ('a poll by ...', 'a survey conducted for ...', 'a study of 2,000 ...').
STUDY_OWNERS = frozenset({"by", "for", "from", "of", "in", "at", "conducted", "commissioned", "published", "released"})
# Where a report comes from, not who made it: places and gatherings ('reports from the scene', 'reports from the
# convention') name no author. A named place is told by its entity type ('reports from Kabul').
PLACE_NOT_OWNER = frozenset(
    {"scene", "ground", "region", "area", "field", "front", "frontline", "border", "zone", "streets"}
    | {"convention", "conference", "summit", "rally", "festival", "meeting", "protest", "march"}
)
PLACE_ENTITIES = frozenset({"GPE", "LOC"})  # not FAC: "a report from the White House" has an author


STUDY_NAMED_AHEAD = 3  # sentences: a lede's 'A new poll shows ...' names the poll in the paragraphs that follow
POLL_HEADS = frozenset({"poll", "survey"})
# Reports cited as a source with nobody behind them ('according to media reports', 'reports say', 'a new report
# found'). Only these words may stand before 'reports': 'police reports', 'court reports' or 'intelligence reports'
# say which body wrote them, as an owner does.
REPORT_HEADS = frozenset({"report"})
VAGUE_REPORT_COMPOUNDS = frozenset({"media", "news", "press"})


def _has_figure(content: Span) -> bool:
    """The content states a figure: a percentage, a count, a sum or a margin ('holds only 29 percent', 'a
    ten-point lead')."""
    return bool(
        re.search(
            r"\d|%|\bper ?cent\b|\b(?:ten|twenty|thirty|forty|fifty|hundred|thousand|million)\b", content.text, re.I
        )
    )


def _unnamed_study(doc, att: Attribution, attributions: list[Attribution]) -> Finding | None:
    """SRC002 for a poll, survey or study cited as the source of what follows with nothing that names it: no
    pollster, author, journal or owner in its phrase ('according to recent polls', 'studies show', 'a new survey
    found'; plural polls and surveys only as the source of a figure: 'according to recent polls, the senator holds
    29 percent'). Silent for a named or owned one ('a Marist poll', 'a survey by the county', 'the poll', 'its own study'),
    in the headline, and when the sentence before or one of the next three names a poll or study ('The survey, by
    the Pew Research Center, ...'): the reader is told whose it is."""
    head: Any = att.speaker_head
    speaker = att.quote.speaker
    lex = lexicon()
    if head is None or speaker is None or att.pronoun is not None or att.kind != "unknown":
        return None
    report = head.lemma_.lower() in REPORT_HEADS
    if (head.lemma_.lower() not in lex.unnamed_study_heads and not report) or head.pos_ != "NOUN":
        return None
    if report and any(c.dep_ == "compound" and c.lower_ not in VAGUE_REPORT_COMPOUNDS for c in head.children):
        return None
    if report and head.tag_ == "NN" and not any(c.dep_ == "det" for c in head.children):
        return None  # 'Report: the minister resigns': a label, not a citation
    if any(c.dep_ in ("det", "poss") and c.lower_ not in STUDY_DETERMINERS for c in head.children):
        return None
    if any(_a_name(t) or t.lower_ in STUDY_OWNERS for t in _owner_words(head)):
        return None
    article = doc._.pl_article
    title = article.title_span if article is not None else None
    if title is not None and title[0] <= speaker.start < title[1]:
        return None  # 'Poll: Voters abandon ...': the headline sums up what the body attributes
    if head.lemma_.lower() in POLL_HEADS and head.tag_ != "NN" and not _has_figure(att.quote.content):
        return None  # 'polls show a tight race': a summary of the polls, not a figure resting on one nobody names
    if any(c.lower_ == "exit" for c in head.children):
        return None  # 'according to exit polls': an election's one exit poll, a known source
    if keeps_reference_list(doc):
        return None  # 'studies show that ... (10, 11)': the page names its studies in its numbered references
    sents = view(doc).sents
    text_of = view(doc).text_of
    before = next(([i] for i in range(att.sentence - 1, -1, -1) if text_of(sents[i]).strip()), [])
    after = [i for i in range(att.sentence + 1, len(sents)) if text_of(sents[i]).strip()][:STUDY_NAMED_AHEAD]
    heads = lex.unnamed_study_heads | REPORT_HEADS if report else lex.unnamed_study_heads
    for index in [*before, att.sentence, *after]:
        if _names_a_study(sents[index], heads, nearby=index != att.sentence):
            return None
    if report and _outlet_credited(att, attributions, after[:1]):
        return None
    message = (
        f"Unnamed report: '{speaker.text}' is cited as the source but no outlet, author or publisher is named"
        if report
        else f"Unnamed study: '{speaker.text}' is cited as the source but no poll, pollster, author or date is named"
    )
    return _learned_mark(
        Finding(
            "SRC002",
            "info",
            message,
            speaker,
            related=[att.quote.cue, att.quote.content],
            confidence=0.7,
            evidence={
                "speaker": speaker.text,
                "cue": att.quote.cue.text,
                "content": att.quote.content.text,
                "pattern": "unnamed-report" if report else "unnamed-study",
            },
        ),
        [att],
    )


def _outlet_credited(att: Attribution, attributions: list[Attribution], following: list[int]) -> bool:
    """A report whose outlet the same sentence or the next one credits by name ('Earlier reports, according to
    MacRumors, support ...'; '... according to a new report. According to the Wall Street Journal, the deal ...'):
    the lede withholds the name for a sentence, the reader still gets it. Only a named organisation told as the
    reporter ('according to', 'reported'): 'the coast guard said' is another source, not the report's author."""
    for other in attributions:
        if other is att or other.sentence not in (att.sentence, *following) or other.kind != "named_organisation":
            continue
        head, cue = other.speaker_head, other.quote.cue.text.split()
        if head is None or not cue or not (head.pos_ == "PROPN" or head.ent_type_ == "ORG"):
            continue
        if cue[0].lower() == "according" or cue[-1].lower() in REPORT_CUE_FORMS:
            return True
    return False


REPORT_CUE_FORMS = frozenset({"report", "reports", "reported", "reporting"})


def _names_a_study(sent, heads: frozenset[str], *, nearby: bool) -> bool:
    """A poll, survey or study in the sentence with a proper name in its phrase ('a Quinnipiac poll', 'The survey,
    by the Pew Research Center', 'Gallup's poll'); in a sentence next to the citation (``nearby``) also an
    organisation named anywhere in it ('The Pew Research Center published its survey on Monday')."""
    studies = [t for t in sent if t.lemma_.lower() in heads and t.pos_ == "NOUN"]
    if nearby and studies and any(e.label_ == "ORG" for e in sent.ents):
        return True
    return any(_a_name(t) for tok in studies for t in _owner_words(tok) if t.i != tok.i)


def _owner_words(head) -> list[Any]:
    """The words of a study's or report's phrase that could say whose it is: all but where it comes from ('reports
    from Kabul', 'from the scene')."""
    place: set[int] = set()
    for f in head.subtree:
        if _from_a_place(f):  # the place's own words: 'from the scene filed by our correspondent' keeps its 'by'
            place.add(f.i)
            for where in (c for c in f.children if c.dep_ == "pobj"):
                place.update(t.i for t in where.subtree)
                place.difference_update(
                    t.i for c in where.children if c.dep_ in ("acl", "relcl", "prep", "appos") for t in c.subtree
                )
    return [t for t in head.subtree if t.i not in place]


def _a_name(tok) -> bool:
    """A proper name or a named organisation or person ('Media' opening 'Media reports said' is none)."""
    return (tok.pos_ == "PROPN" or tok.ent_type_ in ("ORG", "PERSON")) and not _vague_report_word(tok)


def _from_a_place(tok) -> bool:
    """'from' with a place or an event where an owner would stand: 'reports from the scene', 'a study from Sweden'.
    A place is not its government: 'reports from the ministry' and 'from Reuters' stay owners."""
    if tok.lower_ != "from":
        return False
    where = [c for c in tok.children if c.dep_ == "pobj"]
    return bool(where) and all(
        w.ent_type_ in PLACE_ENTITIES or (w.lemma_.lower() in PLACE_NOT_OWNER and not w.ent_type_) for w in where
    )


def _vague_report_word(tok) -> bool:
    """'News reports said', 'Media reports say': a sentence's capitalised first word, no name (the NER may still
    take a capitalised 'Media' for an organisation)."""
    return tok.lower_ in VAGUE_REPORT_COMPOUNDS and _opens_sentence_as_modifier(tok)


def _unnamed_kind(att: Attribution) -> str | None:
    """'unnamed-interviews' or 'unnamed-insider' for the attributions that ``_interviews_with_unnamed`` and
    ``_unnamed_insider`` made anonymous; None for the others."""
    head: Any = att.speaker_head
    if head is None:
        return None
    lex = lexicon()
    if _interviews_with_unnamed(head, lex):
        return "unnamed-interviews"
    return "unnamed-insider" if _unnamed_insider(head, att, lex) is not None else None


def _learned_mark(finding: Finding, resting_on: list[Attribution]) -> Finding:
    """A finding that rests on learned attributions says so: learned, the lowest probability of the speaker and cue
    spans it rests on as its confidence, the model and each span's probability in its evidence. Learned
    attributions are only added at their operating points, so the finding is shown (show_at 0)."""
    learned = [a.learned for a in resting_on if a.learned]
    if not learned:
        return finding
    probability = min(p for probs in learned for kind, p in probs.items() if kind in ("speaker", "cue"))
    finding.learned = True
    finding.confidence = round(min(finding.confidence, probability), 4)
    finding.evidence.update(
        model=MODEL,
        probabilities=learned[0] if len(learned) == 1 else learned,
        learned_attributions=len(learned),
        show_at=0.0,
    )
    return finding


def find_unattributed(doc, *, lex: Lexicon | None = None, index: _Quotes | None = None) -> Iterator[Finding]:
    """SRC002 for impersonal attributions: 'it is believed that', 'he is said to', 'reportedly'. Not in a sentence
    that cites a numbered reference ('is thought to reduce stress (32, 33)'): the page names its source."""
    lex = lex or lexicon()
    quotes = index or _Quotes(doc)
    lowers, pos, lemmas = quotes.view.lowers, quotes.view.column("POS"), quotes.view.column("LEMMA")
    for i, low in enumerate(lowers):
        # strings first (docview): a Token only for the words either test below can take
        if low not in lex.weasel_adverbs and (pos[i] != "VERB" or lemmas[i].lower() not in lex.weasel_passive_verbs):
            if pos[i] == "VERB" and lemmas[i].lower() in lex.weasel_judgement_verbs:
                yield from _held_by_nobody(doc[i], quotes, lex)
            continue
        tok = doc[i]
        if any(a <= tok.idx < b for a, b in embedded_posts(quotes.text)):
            continue  # '<tweet author="@outlet">Trump reportedly has ...</tweet>': a post's words are its author's
        if low in lex.weasel_adverbs and not quotes.containing(tok.idx) and not _hedges_a_modifier(tok):
            if _hedge_sourced(quotes, tok) or _sourced_next(quotes, tok):
                continue  # 'X reportedly fled. According to Reuters, ...': the next sentence names who reported it
            if _professed(tok) or (low != "reportedly" and _folklore(quotes, tok)):
                continue  # 'everything these bishops supposedly believe': irony about a stance, not a report ('the
                # legend reportedly began in Russia' still relays a report about the tale)
            yield _unattributed(
                Span.of(tok), f"Unattributed claim: '{tok.text}' does not say who reported it", "adverb"
            )
            continue
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in lex.weasel_passive_verbs or quotes.containing(tok.idx):
            continue
        deps = {c.dep_ for c in tok.children}
        if "auxpass" not in deps or "agent" in deps or "neg" in deps or not deps & {"ccomp", "xcomp"}:
            continue
        subj = next((c for c in tok.children if c.dep_ in ("nsubjpass", "expl")), None)
        if (subj is None and tok.dep_ == "relcl") or _hedge_sourced(quotes, tok) or _sourced_next(quotes, tok):
            continue  # 'it was feared to have been lost, according to doctors': the source is in the sentence
        if _folklore(quotes, tok):
            continue  # 'according to legend, the creature was said to ...': a tale retold, not a sourcing claim
        aux = [c for c in tok.children if c.dep_ in ("auxpass", "aux")]
        first = min([tok.i] + [c.i for c in aux] + ([subj.i] if subj is not None and subj.lower_ == "it" else []))
        span = _char_span(doc, first, tok.i + 1)
        yield _unattributed(
            span, f"Unattributed claim: '{span.text}' does not say who holds or reported it", "impersonal-passive"
        )


# Adverbs that make a passive verdict a crowd's ('is widely seen as'): the classic weasel.
WIDELY = frozenset({"widely", "increasingly", "generally", "largely", "commonly", "broadly", "universally", "often"})


def _in_title(tok) -> bool:
    article = getattr(tok.doc._, "pl_article", None)
    span = article.title_span if article is not None else None
    return span is not None and span[0] <= tok.idx < span[1]


def _held_by_nobody(verb, quotes: _Quotes, lex: Lexicon) -> Iterator[Finding]:
    """SRC002 for a crowd's verdict in the passive with no holder: 'the raid was widely seen as an intelligence
    failure', 'she is generally regarded as the front-runner', 'what is seen as a snub'; or with a holder that is a
    vague crowd: 'is seen by many as', 'was described by critics as'. Not a sight ('was seen leaving'), a
    deliberation ('will be considered by the Senate'), a negation, a first person, or a verdict whose holder is named
    anywhere in the clause ('by most analysts', 'according to a poll')."""
    children = list(verb.children)
    deps = {c.dep_ for c in children}
    if "auxpass" not in deps or "neg" in deps or quotes.containing(verb.idx):
        return
    subj = next((c for c in children if c.dep_ == "nsubjpass"), None)
    if subj is None or subj.lower_ in ("i", "we", "you") or _in_title(verb):
        return
    if "agent" in deps:
        yield from _held_by_a_crowd(verb, children, lex)
        return
    verdict = any(c.dep_ == "prep" and c.lower_ == "as" and any(g.dep_ == "pobj" for g in c.children) for c in children)
    if verb.lemma_.lower() == "consider":
        verdict = verdict or bool(deps & {"oprd", "attr", "acomp"})
    if not verdict:
        return
    if deps & {"mark", "aux"} or not (subj.lower_ == "what" or any(c.lower_ in WIDELY for c in children)):
        return  # 'if it is seen as', 'can be seen as' (the writer's own reading); a bare 'is seen as' is left alone
    holders = [g for t in verb.subtree if t.lower_ == "by" for g in t.children if g.dep_ == "pobj"]
    if (
        any(g.ent_type_ not in ("DATE", "TIME") for g in holders)
        or _hedge_sourced(quotes, verb)
        or _sourced_next(quotes, verb)
    ):
        return  # the holder is named: a vague one ('by some critics') is the vague-holder check's to judge
    span = _char_span(verb.doc, _verdict_start(verb, children), verb.i + 1)
    yield _unattributed(
        span, f"Unattributed verdict: '{span.text}' does not say who holds this view", "passive-verdict"
    )


def _held_by_a_crowd(verb, children: list, lex: Lexicon) -> Iterator[Finding]:
    """The passive verdict's holder, after 'by', is a vague crowd ('is seen by many as', 'was described by critics
    as', 'by some lawmakers'): the active 'critics say' in other words. Not after a modal or in a condition ('could be
    seen by some as', 'if it is seen by many as'): the writer's reading of how it may look."""
    if any(c.dep_ == "mark" or c.tag_ == "MD" for c in children):
        return
    # what it is held to be: 'as' with a noun or an adjective, hung on the verb or (a misparse) on 'many'
    if not any(
        t.dep_ == "prep" and t.lower_ == "as" and any(g.dep_ in ("pobj", "amod", "acomp") for g in t.children)
        for t in verb.subtree
        if t.i > verb.i
    ):
        return
    agent = next(c for c in children if c.dep_ == "agent")
    group = next((c for c in agent.children if c.dep_ == "pobj"), None)
    if group is None:
        return
    # 'by many as a victory': the parser hangs the 'as' on 'many', which the weasel test takes for a narrowing
    crowd = group.lower_ in ("many", "some", "others", "most") and all(
        c.lower_ in GROUP_PREPS or c.lower_ == "as" for c in group.children if c.dep_ == "prep"
    )
    if not (crowd or _is_weasel(group, lex) or _vague_group(group, lex)):
        return
    end = group.i + 1 if crowd else group.right_edge.i + 1
    span = _char_span(verb.doc, _verdict_start(verb, children), end)
    yield _unattributed(
        span, f"Vague attribution: '{span.text}' does not say who holds this view", "vague-passive-holder"
    )


def _verdict_start(verb, children: list) -> int:
    """Where a passive verdict's words start: its auxiliaries and adverbs before the verb ('is widely seen')."""
    return min([verb.i] + [c.i for c in children if c.dep_ in ("auxpass", "aux", "advmod") and c.i < verb.i])


def _unattributed(span: Span, message: str, pattern: str) -> Finding:
    """An SRC002 finding on words that hedge or hold a claim for nobody named."""
    return Finding("SRC002", "info", message, span, confidence=0.8, evidence={"matched": span.text, "pattern": pattern})


def find_vague_holders(doc, *, lex: Lexicon | None = None, index: _Quotes | None = None) -> Iterator[Finding]:
    """SRC002 where a noun carries the attribution and its holder is nobody identifiable: a verdict or reaction held
    by an unnamed, indefinite group ('drew the ire of some prominent Republicans', 'won praise from critics'), and a
    claim or prediction with no holder at all ('amid reports that the firm is for sale', 'despite predictions to the
    contrary'). Not inside quotation marks, not where the sentence or the next one names the source (as for
    'reportedly')."""
    lex = lex or lexicon()
    quotes = index or _Quotes(doc)
    nouns = lex.reaction_nouns | lex.report_nouns | RAISED_NOUNS
    for i in view(doc).where(lemmas=nouns):
        tok = doc[i]
        if tok.pos_ != "NOUN" or quotes.containing(tok.idx):
            continue
        lemma = tok.lemma_.lower()
        if lemma in lex.reaction_nouns:
            group = _vague_group_of(tok, lex)
            pattern, what = "vague-reaction", group
        elif lemma in RAISED_NOUNS:
            group = None
            pattern, what = "holderless-report", _raised_by_nobody(tok)
        else:
            group = None
            pattern, what = "holderless-report", _holderless_content(tok, lex)
        if what is None:
            continue
        sent = quotes.sentence(tok)
        if "according to" in sent.text.lower() or cites_reference(sent) or _sourced_next(quotes, tok):
            continue
        if group is None and _inside_reported_speech(tok):
            continue  # 'police said rumors that officers fired rubber bullets were untrue': the police tell of them
        span = Span.of(doc[tok.left_edge.i : group.right_edge.i + 1]) if group is not None else Span.of(tok)
        if group is not None:
            message = f"Vague attribution: '{span.text}' does not say who holds this reaction"
        else:
            message = f"Unattributed claim: '{tok.text}' does not say whose {tok.lower_} these are"
        yield Finding(
            "SRC002",
            "info",
            message,
            span,
            related=[Span.of(what)] if group is None else [],
            confidence=0.7,
            evidence={"matched": span.text, "pattern": pattern},
        )


def _vague_group_of(noun, lex: Lexicon):
    """The unnamed group that holds a reaction noun ('the ire of some prominent Republicans', 'criticism from
    critics', 'outrage among many residents'), or None when the group is named ('criticism from Senator Roe', 'from
    members of the Senate committee'), definite ('from the unions') or not a group of people."""
    preps = list(noun.children)
    if noun.dep_ == "dobj":  # 'drew criticism from critics' with 'from' hung on the verb
        preps += [c for c in noun.head.children if c.i == noun.right_edge.i + 1]
    for prep in preps:
        if prep.dep_ != "prep" or prep.lower_ not in ("of", "from", "among"):
            continue
        group = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if group is None or group.tag_ not in ("NNS", "NNPS"):
            continue
        if group.lemma_.lower() in lex.weasel_subjects and _is_weasel(group, lex):
            return group  # 'criticism from critics', 'praise from many observers'
        if _vague_group(group, lex):
            return group  # 'some prominent Republicans', 'many residents'
    return None


def _vague_group(group, lex: Lexicon) -> bool:
    """A plural group left unnamed by one vague determiner: 'some prominent Republicans', 'many residents'; not 'the
    unions', 'residents' (a whole population), 'three senators', one narrowed ('some members of the committee') or
    named."""
    if group.tag_ not in ("NNS", "NNPS"):
        return False
    dets = [c for c in group.children if c.dep_ in ("det", "poss", "nummod") or c.lower_ in lex.vague_determiners]
    if len(dets) != 1 or dets[0].lower_ not in lex.vague_determiners:
        return False
    if any(c.dep_ in ("prep", "relcl", "acl", "appos") for c in group.children):
        return False  # 'some who were there': narrowed or named
    named = [t for t in group.subtree if t.ent_type_ in ("PERSON", "ORG", "GPE", "FAC") or t.pos_ == "PROPN"]
    if any(t.i != group.i for t in named) or group.ent_type_ in ("PERSON", "ORG", "GPE", "FAC"):
        return False
    return not (group.pos_ == "PROPN" and group.ent_type_ != "NORP")  # a plural name ('some Smiths')


# Modifiers that leave a claim noun holderless ('widespread reports', 'unconfirmed rumours'), as opposed to those that
# say whose it is ('media reports' is still nobody's; 'police reports', 'Reuters reports' are handled as named).
_REPORT_SOURCE_PREPS = frozenset({"by", "from", "in", "of", "on", "among", "within", "inside"})


# Prepositions by which the writer sets a claim noun as the backdrop of the news ('amid reports that ...', 'despite
# predictions to the contrary'), rather than as what someone reacts to ('took offense at suggestions that').
FRAMING_PREPS = frozenset({"amid", "amidst", "despite", "following", "after"})


def _framing_position(noun) -> bool:
    """The claim noun is the writer's own backdrop or subject: after 'amid', 'despite', 'following'; 'there is
    speculation that'; or the subject of its clause ('Reports that ... have circulated'). As the object of someone's
    verb ('the minister denied reports that', 'she pointed to reports that', 'took offense at suggestions that') it is
    what that person answers, and the news is theirs."""
    head = noun.head
    if noun.dep_ == "pobj":
        return head.lower_ in FRAMING_PREPS
    if noun.dep_ == "attr":
        return head.lemma_ == "be" and any(c.dep_ == "expl" for c in head.children)
    if noun.dep_ in ("nsubj", "nsubjpass"):
        return not any(c.dep_ == "neg" for c in head.children)
    return False


def _holderless_content(noun, lex: Lexicon):
    """The content of a claim noun that nobody is said to hold: 'reports that the firm is for sale' ("that" clause),
    'predictions to the contrary'. None when the noun has a holder ('his claims that', 'reports by the BBC that',
    'Reuters reports'), is definite ('the claim that': one the article has told of), or states no content."""
    doc = noun.doc
    for child in noun.children:
        if child.dep_ in ("poss", "nummod") or (child.dep_ == "det" and child.lower_ not in lex.vague_determiners):
            return None
        if child.dep_ == "compound" and (child.pos_ == "PROPN" or child.ent_type_ or child.lemma_.lower() != "media"):
            return None  # 'police reports', 'Reuters reports', 'court claims'; 'media reports' stays nobody's
        if child.dep_ == "prep" and child.lower_ in _REPORT_SOURCE_PREPS:
            return None
    if not _framing_position(noun):
        return None
    extraposed = _extraposed_content(noun)
    if extraposed is not None:
        return extraposed
    for child in noun.children:
        if child.dep_ == "acl" and child.i > noun.i:
            mark = doc[child.left_edge.i]
            if mark.lower_ == "that" and mark.dep_ == "mark" and mark.head.i == child.i and mark.i == noun.i + 1:
                return doc[child.left_edge.i : child.right_edge.i + 1]
        if child.dep_ == "prep" and child.lower_ == "to" and child.i == noun.i + 1:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.lower_ == "contrary":
                return doc[child.i : pobj.i + 1]
    return None


# Doubts that someone must raise, and the verbs that raise them: 'Concerns have been raised that ...' says nobody did.
RAISED_NOUNS = frozenset({"concern", "question", "doubt", "fear", "worry"})
RAISING_VERBS = frozenset({"raise", "voice", "express", "air"})


def _raised_by_nobody(noun):
    """The 'that' clause of a doubt raised in the passive with no one raising it ('Concerns have been raised that
    the vaccine was rushed'); None with an agent ('raised by the auditor'), a determiner, or no 'that' clause."""
    verb = noun.head
    if noun.dep_ != "nsubjpass" or verb.lemma_.lower() not in RAISING_VERBS:
        return None
    if any(c.dep_ == "agent" for c in verb.children) or any(c.dep_ in ("det", "poss") for c in noun.children):
        return None  # raised by someone, or doubts the article has told of ('These concerns were raised that ...')
    return _that_clause(verb)


def _that_clause(verb):
    """The verb's complement clause opened by 'that', after it, or None."""
    for child in verb.children:
        if child.dep_ == "ccomp" and child.i > verb.i:
            mark = verb.doc[child.left_edge.i]
            if mark.lower_ == "that" and mark.dep_ == "mark":
                return verb.doc[child.left_edge.i : child.right_edge.i + 1]
    return None


# Verbs by which a claim noun comes to light with nobody bringing it: 'Allegations have surfaced that ...'.
SURFACING_VERBS = frozenset({"surface", "emerge", "circulate", "swirl", "spread", "persist", "mount", "abound"})


def _extraposed_content(noun):
    """The content of a claim noun that surfaced, its 'that' clause hung on the verb: 'Allegations have surfaced
    that the mayor took bribes', 'Rumours circulated that the plant would close'. None otherwise."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.lemma_.lower() not in SURFACING_VERBS:
        return None
    return _that_clause(verb)


def _hedge_sourced(quotes: _Quotes, tok) -> bool:
    """The hedge's own sentence gives its source: 'according to' or 'reported by' in it, a numbered reference ('is
    thought to reduce stress (32, 33)'), or the hedge sits in what a stated speaker says (``_inside_reported_speech``).
    """
    sent = quotes.sentence(tok)
    low = quotes.view.text_of(sent).lower()
    if "according to" in low or "reported by" in low or cites_reference(sent) or _inside_reported_speech(tok):
        return True
    # '... is believed to be infested, fear local health authorities': an inverted attribution ends the sentence (a
    # vague one there, 'say critics', is SRC002's vague group itself)
    lex = lexicon()
    return any(t.i > tok.i and _inverted_speaker(tok.doc, quotes, t, lex) is not None for t in sent if t.pos_ == "VERB")


def _sourced_next(quotes: _Quotes, tok) -> bool:
    """The sentence after the hedge, in the same paragraph, opens with 'According to' or has a named outlet or
    person report it ('..., Reuters reported'): the hedge's source is given there."""
    i = quotes.sent_index(tok) + 1
    if i >= len(quotes.sents):
        return False
    nxt = quotes.sents[i]
    if "\n" in quotes.text[quotes.sentence(tok).end_char : nxt.start_char]:
        return False  # another paragraph
    low = nxt.text.lower().lstrip()
    if low.startswith("according to ") or _speaks_next(quotes, quotes.sentence(tok), nxt):
        return True
    return any(
        t.lemma_ == "report"
        and t.pos_ == "VERB"
        and (
            (
                any(c.dep_ == "nsubj" and c.ent_type_ in ("ORG", "PERSON") for c in t.children)
                and not any(c.dep_ == "dobj" and c.lemma_.lower() in RESULT_NOUNS for c in t.children)
            )
            # 'The Financial Times, citing people briefed on the plan, reported ...': a news outlet opens the
            # sentence and reports (the parse may give the verb another subject); a company reporting its own
            # results ('Apple Inc reported record sales') is no source for what others reported of it
            or _outlet_opens(nxt)
        )
        for t in nxt
    )


def _speaks_next(quotes: _Quotes, sent, nxt) -> bool:
    """The next sentence quotes, in their own words, someone the hedged sentence names ('Roe reportedly heard back
    from the mayor. Roe tweeted, "..."'): the hedged account is that person's, given right after it."""
    named = {t.lower_ for t in sent if t.ent_type_ == "PERSON" or (t.pos_ == "PROPN" and t.ent_type_ == "ORG")}
    if not named or not quotes.overlapping(nxt.start_char, nxt.end_char):
        return False
    cues = lexicon().cue_verbs
    return any(
        t.pos_ == "VERB"
        and t.lemma_.lower() in cues
        and any(c.dep_ == "nsubj" and c.pos_ == "PROPN" and c.lower_ in named for c in t.children)
        for t in nxt
    )


# What a company reports of itself: 'Apple reported record sales' sources nothing said of Apple before.
RESULT_NOUNS = frozenset({"sale", "profit", "loss", "earnings", "revenue", "result", "growth", "income", "figure"})
# Words in the names of news outlets and agencies ('The Financial Times', 'Bloomberg News', 'Agence France-Presse').
OUTLET_WORDS = frozenset(
    {"times", "post", "journal", "news", "reuters", "bloomberg", "ap", "press", "presse", "telegraph", "guardian",
     "herald", "tribune", "gazette", "daily", "politico", "cnn", "bbc", "nbc", "cbs", "abc", "fox", "axios", "afp",
     "radio", "tv", "television", "magazine", "wire", "observer", "independent", "examiner", "chronicle", "globe",
     "mail", "express", "mirror", "sun", "standard", "insider", "inquirer", "bulletin", "monitor", "courier",
     "dispatch", "recorder", "star", "record"}
)  # fmt: skip


def _outlet_opens(sent) -> bool:
    """The sentence opens with a news outlet's name: an ORG entity (after 'The') holding an outlet word."""
    first = next((t for t in sent if not (t.is_space or t.lower_ == "the")), None)
    if first is None or first.ent_type_ != "ORG":
        return False
    ent = next((e for e in view(sent.doc).ents if e.start <= first.i < e.end), None)
    return ent is not None and bool({t.lower_ for t in ent} & OUTLET_WORDS)


REPORTING_LEMMAS = frozenset(
    {"say", "write", "report", "tell", "claim", "state", "reveal", "add", "note", "fear", "warn", "suspect", "estimate"}
)


def _inside_reported_speech(tok) -> bool:
    """The hedge sits in what a stated speaker says: 'The Post wrote that he was reportedly taken aback', 'He was
    thought to be the worst, sources told the paper'. The speaker is the attribution (named, or SRC001's to
    judge); the hedge repeats it and is no second, unattributed claim. A hedge on the saying verb itself ('Trump
    reportedly said', 'she allegedly told aides') puts the saying in doubt: nobody is named who reported it."""
    for verb in [*tok.ancestors, *(c for c in tok.children if c.dep_ in ("parataxis", "ccomp"))]:
        if verb.i == tok.head.i and tok.dep_ == "advmod":
            continue
        if verb.pos_ == "VERB" and verb.lemma_.lower() in REPORTING_LEMMAS and verb != tok:
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.lower_ not in ("it", "this", "that"):
                return True
    return False


# Verbs of a professed belief or value: 'supposedly' on them doubts the subject's sincerity, it relays no report.
PROFESSED_VERBS = frozenset(
    {"believe", "stand", "value", "cherish", "champion", "uphold", "preach", "care", "represent", "worship", "love"}
)
# Words that set a passage in legend or lore: what is 'said' there is a tale retold, not a claim with a hidden source.
FOLKLORE_WORDS = frozenset(
    {"legend", "legends", "myth", "myths", "mythology", "folklore", "lore", "fable", "fables", "superstition",
     "superstitions", "fairy", "folktale", "folktales", "tale", "tales"}
)  # fmt: skip


def _professed(tok) -> bool:
    """'supposedly'/'purportedly' on a verb of professed belief or value ('everything these bishops supposedly
    believe', 'the party supposedly stands for'): the writer doubts a stance, nobody is said to report anything."""
    verb = tok.head
    return tok.lower_ != "reportedly" and verb.pos_ == "VERB" and verb.lemma_.lower() in PROFESSED_VERBS


def _folklore(quotes: _Quotes, tok) -> bool:
    """The hedge's sentence or the one before it in the paragraph sets it in legend or lore ('According to legend,
    ...', 'In local folklore, ... was said to be ...')."""
    i = quotes.sent_index(tok)
    here = [quotes.sents[i]]
    if i > 0 and "\n" not in quotes.text[quotes.sents[i - 1].end_char : here[0].start_char]:
        here.insert(0, quotes.sents[i - 1])
    text = " ".join(quotes.view.text_of(sent).lower() for sent in here)
    return "saying goes" in text or any(w in FOLKLORE_WORDS for w in re.findall(r"[a-z]+", text))


def _hedges_a_modifier(tok) -> bool:
    """'the supposedly vital interests', 'invoices purportedly from the supplier': the adverb qualifies a word inside
    a noun phrase (what something is claimed or made out to be), not a statement someone reported. 'He was
    supposedly ill' (a predicate) and 'he reportedly fled' still attribute a claim to nobody."""
    if tok.i + 1 >= len(tok.doc):
        return False
    nxt = tok.doc[tok.i + 1]
    if nxt.pos_ == "ADJ" and nxt.dep_ == "amod":
        return True
    return nxt.pos_ == "ADP" and nxt.head.pos_ in ("NOUN", "PROPN") and tok.head.i in (nxt.i, nxt.head.i)


MODEL = "presslint-minilm attribution head"
# The probability each span type needs before a learned attribution is added to the rules' ones: the operating point
# where the attributions the product adds reach precision 0.8 (cue exact, content overlap, source exact) on PolNeAR
# training texts (never dev, the held-out measure): eval/operating_points.py attribution --limit 300 (the first 300
# training texts; all 840 take ~30 min on the shared cores). There: cue 0.9 / content 0.85 added 20 attributions
# (cue P 0.80, content P 1.00), source 0.8 P 1.00 (7). Phase 1's 0.75 / 0.75 / 0.7, read on dev, added 161 with
# cue P 0.66, content P 0.95: below the bar for cues.
LEARNED_MIN: dict[str, float] = {"source": 0.8, "cue": 0.9, "content": 0.85}


def analyze(
    doc, *, single_source_min_quotes: int = 2, learned: Any = None, learned_min: dict[str, float] | None = None
) -> tuple[list[Quote], list[Source], list[Finding]]:
    """Quotes, sources and SRC findings for one parsed doc (pure: the doc is not modified). ``learned``: the doc's
    LearnedDoc with the attribution head's output, whose attributions the rules missed are added."""
    index = _Quotes(doc)
    attributions = find_attributions(doc, index=index)
    if learned is not None:
        attributions += learned_attributions(doc, learned, attributions, index=index, min_prob=learned_min)
        attributions.sort(key=lambda a: a.quote.cue.start)
    sources = find_sources(doc, attributions)
    findings = list(find_source_findings(doc, attributions, sources, single_source_min_quotes=single_source_min_quotes))
    findings.extend(find_unattributed(doc, index=index))
    findings.extend(find_vague_holders(doc, index=index))
    for att in attributions:
        att.quote.continuation = att.continuation
    return [a.quote for a in attributions], sources, findings


def make_component(
    nlp,
    *,
    single_source_min_quotes: int = 2,
    learned_source: float = LEARNED_MIN["source"],
    learned_cue: float = LEARNED_MIN["cue"],
    learned_content: float = LEARNED_MIN["content"],
) -> Any:
    """``learned_*``: the attribution head's probability a span needs to be added (the operating points)."""
    learned_min = {"source": learned_source, "cue": learned_cue, "content": learned_content}

    def run(doc) -> dict[str, list]:
        from ..learned.pipe import learned_of

        quotes, sources, findings = analyze(
            doc,
            single_source_min_quotes=single_source_min_quotes,
            learned=learned_of(doc, "attribution"),
            learned_min=learned_min,
        )
        return {"quotes": quotes, "sources": sources, "findings": findings}

    return run


# ---------------------------------------------------------------------------------------------- learned attributions
def learned_attributions(
    doc,
    learned: Any,
    rules: list[Attribution],
    *,
    index: _Quotes | None = None,
    min_prob: dict[str, float] | None = None,
) -> list[Attribution]:
    """The attribution head's source / cue / content spans grouped into attributions, keeping those the rules missed.

    Each cue takes the nearest content on its line (or, after a cue ending in a colon, the paragraph that follows)
    and the nearest source on its line; a span serves one attribution (PolNeAR's annotation is univocal). A group
    is kept when its cue and content reach their operating points (a source below its own is left out: the quote
    then has no speaker) and none of its spans touches a span of the rules' attributions: the rules are more
    precise where they fire, the head finds attributions they miss."""
    from ..learned import predict

    lex = lexicon()
    quotes = index or _Quotes(doc)
    text = quotes.text
    floor = min_prob or LEARNED_MIN
    spans = predict.attributions(learned.pieces, learned.states, learned.weights, probs=learned.attribution)
    groups = candidate_groups(text, spans)
    taken = [
        sp for a in rules for sp in (a.quote.cue, a.quote.content, a.quote.speaker, a.continuation) if sp is not None
    ]
    out = []
    for cue, content, source in groups:
        if cue.probability < floor["cue"] or min(c.probability for c in content) < floor["content"]:
            continue
        if source is not None and source.probability < floor["source"]:
            source = None
        mine = [Span(s.start, s.end, s.text) for s in (cue, *content, *([source] if source else []))]
        if any(m.overlaps(t) for m in mine for t in taken):
            continue
        att = _learned_attribution(doc, quotes, lex, cue, content, source)
        if att is not None:
            out.append(att)
            taken.extend(mine)
    for att in out:
        _name_description_ahead(doc, quotes, att, lex)
    return out


def candidate_groups(text: str, spans: list[Any]) -> list[tuple[Any, list[Any], Any]]:
    """(cue, content spans, source or None) per cue of the head's spans that has a content: pairs taken greedily,
    nearest first; a content's fragments around a cue ('"A," she said, "B."') stay together."""
    cues = [s for s in spans if s.kind == "cue"]
    sources = [s for s in spans if s.kind == "source"]
    by_start = {(s.start, s.end): s for s in spans if s.kind == "content"}
    from ..learned.predict import content_fragments

    contents = [[by_start[f] for f in frags if f in by_start] for frags in content_fragments(text, spans)]
    contents = [c for c in contents if c]

    def gap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
        return max(0, b_start - a_end, a_start - b_end)

    def same_line(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
        lo, hi = min(a_end, b_end), max(a_start, b_start)
        return "\n" not in text[lo:hi]

    def block(cue: Any, content: list[Any]) -> bool:  # 'She said:' ending a paragraph, the quotation opening the next
        between = text[cue.end : content[0].start]
        return between.lstrip(" \"“”'").startswith(":") and between.count("\n") <= 2 and not between.strip(" \n:\"“”'")

    pairs = []
    for i, cue in enumerate(cues):
        for j, content in enumerate(contents):
            first, last = content[0], content[-1]
            if same_line(cue.start, cue.end, first.start, last.end) or block(cue, content):
                pairs.append((gap(cue.start, cue.end, first.start, last.end), i, j))
    content_of: dict[int, int] = {}
    used: set[int] = set()
    for _, i, j in sorted(pairs):
        if i not in content_of and j not in used:
            content_of[i] = j
            used.add(j)
    source_pairs = [
        (gap(cue.start, cue.end, src.start, src.end), i, k)
        for i, cue in enumerate(cues)
        if i in content_of
        for k, src in enumerate(sources)
        if same_line(cue.start, cue.end, src.start, src.end)
    ]
    source_of: dict[int, int] = {}
    used = set()
    for _, i, k in sorted(source_pairs):
        if i not in source_of and k not in used:
            source_of[i] = k
            used.add(k)
    return [
        (cue, contents[content_of[i]], sources[source_of[i]] if i in source_of else None)
        for i, cue in enumerate(cues)
        if i in content_of
    ]


def _learned_attribution(
    doc, quotes: _Quotes, lex: Lexicon, cue: Any, content: list[Any], source: Any
) -> Attribution | None:
    """An Attribution from the head's spans: the content read like the rules' (whole quotations, edges trimmed,
    direct / indirect / mixed), the speaker classified like theirs."""
    cue_tokens = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    first = doc.char_span(content[0].start, content[0].end, alignment_mode="expand")
    if cue_tokens is None or first is None or not len(cue_tokens) or not len(first):
        return None
    got = _content(doc, quotes, first.start, first.end)
    if got is None:
        return None
    kind, content_span = got
    speaker_tokens = doc.char_span(source.start, source.end, alignment_mode="expand") if source is not None else None
    speaker_rng = _trim(doc, speaker_tokens.start, speaker_tokens.end) if speaker_tokens is not None else None
    speaker = _char_span(doc, *speaker_rng) if speaker_rng is not None else None
    if speaker is not None and (content_span.overlaps(speaker) or speaker.overlaps(Span.of(cue_tokens))):
        return None
    quote = Quote(kind, Span.of(cue_tokens), content_span, speaker=speaker, learned=True)
    probabilities = {"cue": cue.probability, "content": min(c.probability for c in content)}
    if speaker is not None:
        probabilities["speaker"] = source.probability
    quote.confidence = round(min(probabilities.values()), 4)
    att = Attribution(quote, quotes.sent_index(cue_tokens.root), learned=probabilities)
    if len(content) > 1:
        att.continuation = Span.between(quotes.text, content[-1].start, content[-1].end)
    if speaker_rng is not None:
        sent = quotes.sentence(cue_tokens.root)
        _classify(doc, att, doc[speaker_rng[0] : speaker_rng[1]].root, speaker_rng, sent, lex)
    att.scene = _is_scene(cue_tokens.root.lemma_.lower(), kind, content_span, lex)
    return att
