"""Epigraphs: a quotation first in a chapter or section, followed by right-aligned attribution lines."""
from __future__ import annotations

import re

from typeset.source import nodes as n
from typeset.structure.parse import Role, Span

QUOTE_START = re.compile(r"^[\"“«‘'„]")
ATTRIBUTION_LEAD = 4      # right-aligned lines start with at least this many spaces


def find_epigraphs(p, ch: Span) -> None:
    body = p.body(ch)
    starts = [body[0]] if body else []
    starts += [body[k + 1] for k, i in enumerate(body[:-1])
               if ch.roles.get(i) and ch.roles[i].kind == "heading"]
    for s in starts:
        if s in ch.roles or not QUOTE_START.match(p.lines[s].text):
            continue
        pos = body.index(s)
        quote, attrib = [], []
        for i in body[pos:pos + 16]:
            ln = p.lines[i]
            if i in ch.roles:
                break
            # attribution: set in further than the quotation itself (a quote block may be
            # indented as a whole)
            base = p.lines[quote[0]].lead if quote else 0
            if ln.lead >= base + ATTRIBUTION_LEAD and quote:
                attrib.append(i)
            elif attrib:
                break
            elif re.match(r"^[—–-]\s*\S", ln.text) and quote:
                attrib.append(i)
            else:
                quote.append(i)
        if not attrib:
            continue
        who = [re.sub(r"^[—–-]+\s*", "", p.lines[i].text) for i in attrib]
        attribution = ""
        for w in who:
            attribution = w if not attribution else (
                attribution + (" " if attribution.endswith(",") else ", ") + w)
        ch.roles[s] = Role("epigraph", block=epigraph(p.file, p.lines[s].no, p.joined(quote), attribution))
        for i in quote[1:] + attrib:
            ch.roles[i] = Role("skip")
        p.doc.counts["epigraphs"] += 1


def epigraph(file: str, line: int, quote: str, attribution: str) -> n.Epigraph:
    """The tree's epigraph: the quotation, and the attribution led by a dash (as Markdown writes it)."""
    return n.Epigraph(file, line, text=[n.Paragraph(file, line, [n.Text(file, line, quote)])],
                      attribution=[n.Text(file, line, "— " + attribution)] if attribution else [])
