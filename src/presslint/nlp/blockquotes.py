"""Quotations without quotation marks on every line: text that is someone else's words by its layout.

Three layouts, all common in web news and opinion writing:

- a paragraph that ends with a colon introduces the next paragraph as a block quotation ("The signatories go on to
  write:" then the letter's text); further paragraphs in the same first-person voice belong to it;
- a quotation opened in one paragraph and closed in a later one (a speech or clip quoted over several lines, with
  no mark on the lines between);
- a paragraph in the first person singular run on after a paragraph that reports someone speaking ("... calling out
  the committee's members:" or "... he told the senators." then "I was ...").

The regions are character spans of ``Article.text`` (end exclusive). Rules that judge the writer's own voice (an
unsourced claim, a headline quotation missing from the body) treat these spans as quoted.
"""

from __future__ import annotations

import re
from functools import lru_cache

_OPEN = '“«"'
_CLOSE = '”»"'
_MARK = re.compile(r"[“”«»\"]")
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|[Mm]y|[Mm]e|[Ww]e|[Oo]ur|[Uu]s)\b")  # not 'US'
_FIRST_SINGULAR = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|[Mm]y|[Mm]e)\b")
_SPEAKER_VOICE = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|[Mm]y|[Mm]e|[Yy]ou|[Yy]our)\b")
_REPORTING = re.compile(
    r"\b(?:said|says|saying|told|telling|testified|testifying|wrote|writes|declared|stated|added|continued|argued|"
    r"explained|insisted|replied|responded|addressed|addressing|calling out|called out)\b"
)
# How many paragraphs a layout may carry a quotation on: past this, the writer has surely taken over again.
MAX_BLOCK_PARAGRAPHS = 8


def paragraphs(text: str, start: int = 0) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line (paragraph) from ``start`` on."""
    out, pos = [], start
    for line in text[start:].split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def paragraph_at(text: str, char: int) -> tuple[int, int]:
    """(start, end) of the line (paragraph) a character stands in."""
    end = text.find("\n", char)
    return text.rfind("\n", 0, char) + 1, len(text) if end < 0 else end


def _unclosed(line: str) -> bool:
    """The line opens a quotation and does not close it (a straight mark counts as either, so count them)."""
    opened = False
    for mark in _MARK.findall(line):
        if mark == '"':
            opened = not opened
        elif mark in _OPEN:
            opened = True
        else:
            opened = False
    return opened


def _first_close(line: str) -> int | None:
    """Offset of the first closing mark that closes nothing opened on this line."""
    depth = 0
    for m in _MARK.finditer(line):
        ch = m.group()
        if ch in "“«":
            depth += 1
        elif ch in "”»":
            if depth == 0:
                return m.start()
            depth -= 1
        elif depth == 0 and m.start() > 0 and not line[m.start() - 1].isspace():
            return m.start()  # a straight mark after a word closes
        else:
            depth = depth + 1 if depth == 0 else depth - 1
    return None


def _run_on_testimony(text: str, paras: list[tuple[int, int]], first: int, regions: list[tuple[int, int]]) -> int:
    """After a paragraph that reports someone speaking, a first-person paragraph without quotation marks is that
    person's words ('... calling out the senators for plotting against him.' then 'The conduct of this committee at
    my hearing was a disgrace.'). The block runs on while the speaker's voice (I, me, you) shows in a paragraph or
    the one after it. Returns how many paragraphs it took."""

    def voice(j: int) -> bool:
        line = text[paras[j][0] : paras[j][1]]
        return bool(_SPEAKER_VOICE.search(line)) and not _MARK.search(line)

    if not (_FIRST_SINGULAR.search(text[paras[first][0] : paras[first][1]]) and voice(first)):
        return 0
    j = first
    while j + 1 < len(paras) and j - first + 1 < MAX_BLOCK_PARAGRAPHS:
        if voice(j + 1) or (j + 2 < len(paras) and voice(j + 2) and not _MARK.search(text[slice(*paras[j + 1])])):
            j += 1
        else:
            break
    regions.extend(paras[first : j + 1])
    return j - first + 1


@lru_cache(maxsize=64)
def block_quotations(text: str) -> tuple[tuple[int, int], ...]:
    """Character spans of the block quotations the layout marks (see the module docstring), in text order."""
    paras = paragraphs(text)
    regions: list[tuple[int, int]] = []
    i = 0
    while i < len(paras):
        start, end = paras[i]
        line = text[start:end]
        stripped = line.rstrip()
        taken = 0
        if stripped.endswith(":") and i + 1 < len(paras):
            j = i + 1
            regions.append(paras[j])
            taken = 1
            while j + 1 < len(paras) and taken < MAX_BLOCK_PARAGRAPHS:
                nxt = text[paras[j + 1][0] : paras[j + 1][1]]
                if not _FIRST_PERSON.search(nxt) or nxt.rstrip().endswith(":"):
                    break
                j += 1
                taken += 1
                regions.append(paras[j])
        elif _unclosed(line):
            for j in range(i + 1, min(i + 1 + MAX_BLOCK_PARAGRAPHS, len(paras))):
                nxt = text[paras[j][0] : paras[j][1]]
                close = _first_close(nxt)
                if close is not None:
                    regions.append((paras[i + 1][0], paras[j][0] + close + 1))
                    taken = j - i
                    break
        elif _REPORTING.search(stripped) and not _FIRST_PERSON.search(stripped) and i + 1 < len(paras):
            taken = _run_on_testimony(text, paras, i + 1, regions)
        i += 1 + taken if taken else 1
    return tuple(regions)


def in_block_quotation(text: str, start: int, end: int) -> bool:
    """The span [start, end) lies inside one of the text's block quotations."""
    return any(a <= start and end <= b for a, b in block_quotations(text))


# An embedded post kept as markup ('<tweet author="x" ...>text</tweet>', '<tweet tweet-author="@x" ...>text<tweet/>'):
# everything from the opening tag to the closing one. A quoted attribute value may run over a line.
_POST_MARKUP = re.compile(
    r'<(tweet|post|blockquote)\b(?:\s+[\w-]+="[^"<>]*")*\s*>(.*?)(?:</\1\s*>|<\1\s*/>)', re.S | re.I
)
# The credit line a pasted tweet ends with: '— Jane Roe (@janeroe) March 3, 2016' (a dash, a name, a handle, a date).
_POST_CREDIT = re.compile(r"[—–]\s*[^\n—–()]{1,60}\(@\w{1,15}\)\s*(?:[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4})?[ \t]*$", re.M)


@lru_cache(maxsize=64)
def embedded_posts(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of posts embedded in an article: a tweet kept as markup, or a pasted tweet, a line followed by
    its credit ('— Name (@handle) Date') on the same line or the next. A post's words are its author's."""
    regions = [(m.start(), m.end()) for m in _POST_MARKUP.finditer(text)]
    for m in _POST_CREDIT.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if text[line_start : m.start()].strip():
            regions.append((line_start, m.start()))  # the post and its credit on one line
            continue
        end = line_start - 1  # the post is the paragraph before the credit line
        while end > 0 and not text[text.rfind("\n", 0, end) + 1 : end].strip():
            end = text.rfind("\n", 0, end)
        if end > 0:
            regions.append((text.rfind("\n", 0, end) + 1, end))
    return tuple(sorted(regions))
