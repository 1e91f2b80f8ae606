"""Pass `legality`: marks that Thai spelling says are displaced, where the dictionary cannot judge.

`displaced` moves a mark back only when that puts text into dictionary words, so a name or a
transliteration ("คงั ซุนนมั" = คัง ซุนนัม) keeps its damage. Some spellings are impossible
whatever the word: mai han-akat (ั) and maitaikhu (็, apart from ก็) close a syllable only with a
final consonant after them, so a run that ends in "consonant, consonant + ั" cannot be Thai. The
mark was drawn one cell too far right: it belongs on the bare consonant before it.

Three readings of such a run are left alone:
  * the run is a piece of a letter-spaced line ("ค ว า ม สั ม พั น ธ์"), joined by the spaces rule;
  * the run is half of a word split by a space or a line break ("ความสัมพั นธ์"): gluing it to what
    follows makes a dictionary word across the gap; that is the spaces pass's job;
  * the consonant that would take the mark ends a dictionary word ("กับรั"): it is a final, not
    the start of a syllable, so moving a mark onto it would make things worse.
"""
from __future__ import annotations

import re

from .spaces import LETTER_RUN
from .state import State
from .thaichars import CONSONANTS, THAI_RUN, TONES

NAME = "legality"

HAN, MAITAIKHU = "\u0e31", "\u0e47"
_C = "".join(sorted(CONSONANTS))
_T = "".join(sorted(TONES))
# bare consonant, consonant + (ั or ็) + optional tone, at the end of a Thai run
_ORPHAN = re.compile(rf"([{_C}])([{_C}])([{HAN}{MAITAIKHU}][{_T}]?)$")
NEXT_LINES = 3   # a paragraph may run on past a blank line or two


def _next_run(lines: list[str], li: int, end: int) -> str:
    """The Thai text the run ending at (li, end) may continue into: after one space on the same
    line, or at the start of the next non-blank line when the run ends its line."""
    line = lines[li]
    rest = line[end:]
    if rest.startswith(" ") and not rest.startswith("  "):
        m = THAI_RUN.match(rest, 1)
        return m.group(0) if m else ""
    if rest.strip():
        return ""
    for nxt in lines[li + 1:li + 1 + NEXT_LINES]:
        if nxt.strip():
            m = THAI_RUN.match(nxt.lstrip())
            return m.group(0) if m else ""
    return ""


def _split_word(lex, run: str, follow: str) -> bool:
    """Does gluing `follow` to `run` put a dictionary word across the gap?"""
    if not follow or follow[0] not in CONSONANTS:
        return False
    pos, t = _token_at(lex, run + follow, len(run))
    return pos < len(run) and t in lex.words and not lex.weak(t)


def _closes_word(lex, run: str, at: int) -> bool:
    """Is the consonant at `at` the last letter of a dictionary word (a final consonant)?"""
    pos, t = _token_at(lex, run, at)
    return at == pos + len(t) - 1 and pos < at and t in lex.words and not lex.weak(t)


def _token_at(lex, text: str, at: int) -> tuple[int, str]:
    """(start, token) of the token of `text` that holds position `at`."""
    pos = 0
    for t in lex.tokenize(text):
        if at < pos + len(t):
            return pos, t
        pos += len(t)
    return pos, ""


def fix_line(lines: list[str], li: int, lex) -> tuple[str, list[tuple[str, str]]]:
    """The line with orphaned ั / ็ moved back; and the (before, after) runs changed."""
    line = lines[li]
    out, changed, last = [], [], 0
    spaced = [(x.start(), x.end()) for x in LETTER_RUN.finditer(line)]
    for m in THAI_RUN.finditer(line):
        run = m.group(0)
        if any(a <= m.start() and m.end() <= b for a, b in spaced):
            continue  # a letter-spaced line: the syllable goes on after the space (spaces rule)
        o = _ORPHAN.search(run)
        if o is None or (o.group(3)[0] == MAITAIKHU and o.group(2) == "ก"):
            continue  # no orphan mark, or the word ก็
        at = o.start(1)
        if _split_word(lex, run, _next_run(lines, li, m.end())) or _closes_word(lex, run, at):
            continue
        new = run[:at] + o.group(1) + o.group(3) + o.group(2)
        out.append(line[last:m.start()] + new)
        last = m.end()
        changed.append((run, new))
    if not changed:
        return line, []
    out.append(line[last:])
    return "".join(out), changed


def apply(lines: list[str], ctx: State) -> list[str]:
    lex = ctx.lexicon
    out = list(lines)
    for li, line in enumerate(lines):
        if HAN not in line and MAITAIKHU not in line:
            continue
        new, changed = fix_line(lines, li, lex)
        if changed:
            out[li] = new
            ctx.report.count("legality: orphaned mark moved back", len(changed))
            for before, after in changed:
                if after not in lex.words:  # a name or a transliteration: worth a look
                    ctx.report.flag(li + 1, NAME, after, f"'{before}' cannot end a syllable; "
                                    "mark moved back one letter")
    return out
