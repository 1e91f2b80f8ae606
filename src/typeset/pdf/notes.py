"""Footnotes by size and position: the small-type lines below a page's body text, each opened
by its number; the raised small digits in the body that name them become Markdown footnote
references ([^n]) with the note's text defined right after the paragraph."""
from __future__ import annotations

import re
import secrets

from typeset.pdf.lines import SUP, SUP_END

_OPEN = re.compile(rf"^(?:{SUP}(\d+){SUP_END}|(\d{{1,3}})[.)]?\s)\s*")
_REF = re.compile(rf"{SUP}(\d+){SUP_END}")


def take_footnotes(ordered: dict, body: float) -> dict:
    """Remove the footnote lines of each page; -> {(page, number): text}."""
    from typeset.pdf.layout import DIAGRAM, join_line

    notes: dict[tuple[int, int], str] = {}
    for no, lines in ordered.items():
        body_ys = [ln.y for ln in lines if abs(ln.size - body) < 1 and not ln.text.startswith(DIAGRAM)]
        if not body_ys:
            continue
        low = min(body_ys)
        tail = [ln for ln in lines if ln.y < low and ln.size <= 0.85 * body]
        if not tail or not _OPEN.match(tail[0].text):
            continue
        cur, last = None, None
        for ln in sorted(tail, key=lambda ln: -ln.y):
            m = _OPEN.match(ln.text)
            if m:
                cur = (no, int(m.group(1) or m.group(2)))
                notes[cur] = ln.text[m.end():]
            elif cur is not None:
                notes[cur] = join_line(notes[cur], ln.text, last)
            last = ln
        used = {id(ln) for ln in tail}
        ordered[no] = [ln for ln in lines if id(ln) not in used]
    return notes


def link(ordered: dict, notes: dict) -> tuple[dict, dict, dict]:
    """Superscript digits naming a note on their page -> reference tokens, the others back to
    plain digits. -> ({ref token: "[^label]"}, {definition token: (label, text)},
    {id(line): [definition tokens]} for the paragraphs holding the references)."""
    refs, defs, pending = {}, {}, {}
    for no, lines in ordered.items():
        for ln in lines:
            if SUP not in ln.text:
                continue

            def sub(m):
                n = int(m.group(1))
                if (no, n) not in notes:
                    return m.group(1)
                label = f"p{no}-{n}"
                tok, dtok = "TSR" + secrets.token_hex(4), "TSN" + secrets.token_hex(4)
                refs[tok] = f"[^{label}]"
                defs[dtok] = (label, notes[(no, n)])
                pending.setdefault(id(ln), []).append(dtok)
                return tok

            ln.text = _REF.sub(sub, ln.text).replace(SUP, "").replace(SUP_END, "")
    return refs, defs, pending


def place(paras: list, pending: dict) -> list:
    """Each note's definition as a paragraph right after the one that refers to it."""
    from typeset.pdf.headings import Made

    out = []
    for p in paras:
        out.append(p)
        for ln in p.lines:
            out += [Made(t, p.page) for t in pending.get(id(ln), [])]
    return out


def definition(label: str, text: str) -> str:
    from typeset.writers.markdown import escape

    return f"[^{label}]: {escape(text)}"
