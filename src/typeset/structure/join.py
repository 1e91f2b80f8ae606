"""Rejoin the hard-broken lines of one paragraph.

Thai has no spaces between words, so a line break between two Thai letters is usually nothing;
a trailing space on the raw line is usually a real space (between phrases) but not always: a
justified line may end with a space inside a word or a compound ("สหภาพ " + "โซเวียต"). Evidence
for removing it, strongest first: Thai orthography (the next line starts with a following vowel or
a tone mark), the dictionary (the two halves make one dictionary word), and the document itself
(the pair is written without a space elsewhere more often than with one).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from typeset.thai.inword import spelling_split
from typeset.thai.segment import plain_tokens
from typeset.thai.words import plain_words
from typeset.thai.chars import LETTER_CLASS, THAI_LETTER

THAI = THAI_LETTER
THAI_TAIL = re.compile(f"[{LETTER_CLASS}]+$")
THAI_HEAD = re.compile(r"^[\u0e01-\u0e4e]+")
# spelling_split's reasons as they read at a line end
_AT_LINE_END = {"mark after space": "next line starts with a following vowel or mark",
                "leading vowel before space": "line ends with a leading vowel"}
LATIN_END = re.compile(r"[A-Za-z0-9]$")
LATIN_START = re.compile(r"^[A-Za-z0-9(\"“'‘]")
# a Latin word, number or closing bracket at a line end: Thai after it is set off by a space
HYPHENATED = re.compile(r"(?<![A-Za-z-])([A-Za-z]*[a-z]{2})-$")
LATIN_CLOSE = re.compile(r"[A-Za-z0-9)\]”’%]$")


@dataclass
class Joiner:
    """Joins lines; `text` is the whole document (for its own usage of word pairs)."""
    text: str = ""
    words: frozenset[str] = frozenset()
    decisions: list[tuple[int, str, str, str]] = field(default_factory=list)  # (line, left, right, why)
    dehyphenated: list[tuple[int, str, str]] = field(default_factory=list)    # (line, "Neore-", "alism")

    def join(self, parts: list[tuple[str, int, int]]) -> str:
        """parts: (text, trailing spaces on the raw line, line number) in order."""
        out = ""
        for i, (text, trail, no) in enumerate(parts):
            if i == 0:
                out = text
                continue
            prev_trail, prev_no = parts[i - 1][1], parts[i - 1][2]
            sep = self.separator(out, text, prev_trail, prev_no)
            if sep == "\x00":
                out, sep = out[:-1], ""
            out += sep + text
        return out

    def separator(self, left: str, right: str, trail: int, no: int) -> str:
        if not left or not right:
            return ""
        a, b = left[-1], right[0]
        if THAI.match(a) and THAI.match(b):
            if trail == 0:
                return ""
            why = self._spurious(left, right)
            if why:
                self.decisions.append((no, left[-12:], right[:12], why))
                return ""
            return " "
        if trail > 0:
            return " "
        # no trailing space: a Latin word hyphenated at the line end is one word ("Neore-" +
        # "alism"), unless the document writes it with the hyphen elsewhere; after another hyphen
        # or a slash the line joins directly; two Latin words never run together
        if HYPHENATED.search(left) and right[:1].islower() and right[:1].isascii():
            head = HYPHENATED.search(left).group(1)
            tail = re.match(r"[a-z]+", right).group()
            if not self.text or f"{head}-{tail}" not in self.text:
                self.dehyphenated.append((no, head + "-", tail))
                return "\x00"          # join() drops the hyphen
        if a in "-/–" or b in ",.;:)]”’":
            return ""
        if LATIN_END.search(left) and LATIN_START.match(right) or not (THAI.match(a) or THAI.match(b)):
            return " "
        # Thai sets Latin words and numbers off with spaces: the page had one at the break
        if (LATIN_CLOSE.search(left) and THAI.match(b)) or (THAI.match(a) and LATIN_START.match(right)):
            return " "
        return ""

    def _spurious(self, left: str, right: str) -> str:
        """Why the space between left and right is inside a word ('' when it is a real space)."""
        why = spelling_split(left, right)
        if why:
            return _AT_LINE_END.get(why, why)
        tail = THAI_TAIL.search(left).group()[-30:]
        head = THAI_HEAD.match(right).group()[:30]
        lt, rt = plain_tokens(tail), plain_tokens(head)
        if not lt or not rt:
            return ""
        wa, wb = lt[-1], rt[0]
        joined = wa + wb
        dic = plain_words()

        def known(w: str) -> bool:
            return w in dic or w in self.words

        if known(joined) and len(joined) >= 4:
            return f"'{joined}' is a dictionary word"
        # the document's own usage: the pair written together, never apart (two words), or
        # mostly together (pieces of a name or a broken word)
        if self.text and len(wa) >= 2 and len(wb) >= 2:
            together = self.text.count(joined)
            apart = self.text.count(wa + " " + wb)
            words = known(wa) and known(wb)
            if together >= 2 and (apart == 0 if words else together > 2 * apart):
                return f"'{joined}' is written together {together} times in the document, " \
                       f"apart {apart} times"
        return ""
