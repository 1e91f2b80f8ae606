"""Where a paragraph ends: after a line that ends short of the measure, or after a full line
ending with a space when the next line is indented; near the limits the words across the break
decide (a preposition or conjunction runs on, so does a name the document writes elsewhere)."""
from __future__ import annotations

import re

from typeset.structure.lines import Line

SENTENCE_END = re.compile(r"[.)”\"!?:;]$")
NEARLY_FULL = 0.8         # a last line this full may still run on when its words say so
HALF_INDENTED = 0.3       # a line shorter than the measure by less than this much of the indent
DANGLING = frozenset({"RPRE", "JCRG", "JSBR", "JCMP"})   # ORCHID: preposition, conjunctions


def _dangling(word: str) -> bool:
    """Is `word` a preposition or conjunction (ORCHID tags), which cannot end a paragraph?"""
    from pythainlp.tag import pos_tag

    return pos_tag([word], corpus="orchid")[0][1] in DANGLING


def boundary(p, prev: Line, cur: Line) -> bool:
    """Does `cur` start a new paragraph after `prev`? (p: the structure.parse.Parser)"""
    m = p.m
    if m.indented(prev, cur):
        return True     # a first-line indent (pdftotext -layout keeps it; no trailing spaces)
    if prev.trail == 0:
        return False
    if m.short(prev, 0.85):
        # nearly full: the words across the break may still say the sentence runs on
        return m.short(prev, NEARLY_FULL) or not runs_on_text(p, prev, cur)
    # a full line ending with a space: a new paragraph only when `cur` is indented
    if cur.trail > 0:
        return False
    end = bool(SENTENCE_END.search(prev.text))
    # after a sentence end (a closing citation) a smaller indent is enough
    limit = m.full - (2.0 if end else m.indent / 2)
    if abs(cur.width - limit) < 0.75:
        why = runs_on_text(p, prev, cur)
        p.doc.note(cur.no, f"paragraph {'break' if end and not why else 'continued'}: a close "
                   f"call (line width near the indent{'; ' + why if why else ''})")
        return end and not why
    if cur.width < limit <= cur.width + HALF_INDENTED * m.indent:
        # only slightly shorter than a full line: the words across the break decide
        why = runs_on_text(p, prev, cur)
        if why:
            p.doc.note(cur.no, f"paragraph continued: the line is barely indented and {why}")
            return False
    return cur.width < limit


def runs_on_text(p, prev: Line, cur: Line) -> str:
    """Why the text of `prev` must go on into `cur` ('' if nothing says so): it ends with a
    preposition or conjunction (นำไปสู่ / และ), or the words across the break are pieces of a
    name the document writes elsewhere ("คิม จอง" / "อึน")."""
    from typeset.structure.join import THAI_HEAD, THAI_TAIL
    from typeset.thai.segment import plain_tokens as _tokens
    from typeset.thai.words import plain_words as _dictionary

    tail, head = THAI_TAIL.search(prev.text), THAI_HEAD.match(cur.text)
    if not tail or not head:
        return ""
    lt, rt = _tokens(tail.group()[-30:]), _tokens(head.group()[:30])
    if not lt or not rt:
        return ""
    a, b = lt[-1], rt[0]
    if _dangling(a):
        return f"'{a}' needs what follows"
    # a name across the break: the last two words and the next one, one of them outside the
    # dictionary, written in a row elsewhere (with or without spaces)
    before = _tokens(prev.text[-30:])
    words = list(before[-2:]) + [b]
    phrase = "".join(words)
    if all(THAI_HEAD.fullmatch(w) for w in words) and any(w not in _dictionary() for w in words) and len(phrase) >= 6 and \
            p.squeezed().count(phrase) >= 2:
        return f"'{' '.join(words)}' is a name the document writes elsewhere"
    return ""
