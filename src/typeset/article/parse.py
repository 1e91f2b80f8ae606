"""Split raw article text into title, lead, dateline date, the body (a source.nodes Chapter of
paragraphs, each at its line of the raw text) and the source note."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from typeset.article.dates import parse_any_date, parse_thai_date
from typeset.article.detect import SOURCE_MARK, URL, paragraphs  # noqa: F401
from typeset.source import nodes as n
from typeset.thai.inword import line_end_joins

SENTENCE_END = re.compile(r"[.!?…\"”)]\s*$")
TITLE_MAX = 150      # a title line is short and stands alone before the text


@dataclass
class Source:
    intro: str = ""            # the marker as written, e.g. "เรียบเรียงจาก"
    title: str = ""
    publication: str = ""
    date: dt.date | None = None
    url: str = ""
    raw: str = ""              # the block as written, for anything not understood


@dataclass
class Article:
    """The article's metadata (article.yaml) and its body (body.md) as a tree."""
    title: str = ""
    date: dt.date | None = None
    dateline: str = ""         # the dateline as written ("23 ก.ย. 2565")
    lead: bool = False         # the first paragraph stands before the dateline (a standfirst)
    body: n.Chapter = field(default_factory=lambda: n.Chapter(kind="body"))
    source: Source | None = None

    @property
    def paragraphs(self) -> list[str]:
        return [n.plain_text(p.children) for p in self.body.blocks]

    @paragraphs.setter
    def paragraphs(self, texts: list[str]) -> None:
        """New text for the same paragraphs (space repair keeps their number and order)."""
        old = self.body.blocks
        if len(texts) != len(old):
            raise ValueError(f"{len(texts)} texts for {len(old)} paragraphs")
        self.body.blocks = [_paragraph(p.file, p.line, t) for p, t in zip(old, texts)]


def _paragraph(file: str, line: int, text: str) -> n.Paragraph:
    return n.Paragraph(file, line, [n.Text(file, line, text)])


def paragraph_spans(text: str) -> list[tuple[int, str]]:
    """(first line, text) of each paragraph: lines between blank lines."""
    out: list[tuple[int, str]] = []
    group: list[str] = []
    start = 0
    for k, line in enumerate(text.split("\n") + [""], 1):
        if line.strip():
            if not group:
                start = k
            group.append(line)
        elif group:
            out.append((start, "\n".join(group).strip()))
            group = []
    return out


def join_lines(par: str) -> str:
    """Lines of one paragraph: Thai|Thai joins without a space, anything else with one."""
    out = ""
    for line in (ln.strip() for ln in par.splitlines()):
        if not line:
            continue
        if out and not line_end_joins(out[-1], line[0]):
            out += " "
        out += line
    return out


def parse_source(block: list[str]) -> Source:
    """"เรียบเรียงจาก" + "Title, Publication, 16-09-2022" + URL (any order, one or more paragraphs)."""
    text = "\n".join(block)
    src = Source(raw=text)
    m = SOURCE_MARK.match(text)
    if m:
        src.intro = m.group().strip().rstrip(":").strip()
        text = text[m.end():]
    urls = URL.findall(text)
    if urls:
        src.url = urls[0].rstrip(".,;)")
    rest = " ".join(ln.strip() for ln in URL.sub(" ", text).splitlines() if ln.strip()).strip(" ,;")
    found = parse_any_date(rest)
    if found:
        src.date, dm = found
        rest = (rest[:dm.start()] + rest[dm.end():]).strip(" ,;-–")
    parts = [p.strip() for p in re.split(r",\s+", rest) if p.strip()]
    if len(parts) >= 2:
        src.publication = parts[-1]
        src.title = ", ".join(parts[:-1])
    elif parts:
        src.title = parts[0]
    return src


def parse_article(text: str, file: str = "") -> Article:
    """file: the raw text's name, for the body nodes' file (their line is the raw line)."""
    spans = [(k, join_lines(p)) for k, p in paragraph_spans(text)]
    spans = [(k, p) for k, p in spans if p]
    lines = [k for k, _ in spans]
    paras = [p for _, p in spans]
    art = Article()
    # source block: from the last marker paragraph among the final few, or a trailing bare URL
    for i in range(len(paras) - 1, max(-1, len(paras) - 6), -1):
        if SOURCE_MARK.match(paras[i]):
            art.source = parse_source(paras[i:])
            paras, lines = paras[:i], lines[:i]
            break
    else:
        if paras and URL.fullmatch(paras[-1].strip()):
            art.source = parse_source(paras[-1:])
            paras, lines = paras[:-1], lines[:-1]
    if len(paras) > 1 and _is_title(paras[0]):
        art.title = paras.pop(0)
        lines.pop(0)
    # dateline: a paragraph among the first three that starts with a Thai date; paragraphs
    # before it are the lead (standfirst)
    for i, p in enumerate(paras[:3]):
        found = parse_thai_date(p[:40])
        if found and found[1].start() == 0:
            art.date, m = found
            art.dateline = m.group()
            art.lead = i > 0
            paras[i] = p[m.end():].lstrip(" -–—:,")
            if not paras[i]:
                del paras[i], lines[i]
            break
    art.body = n.Chapter(file, lines[0] if lines else 0, kind="body",
                         blocks=[_paragraph(file, k, p) for k, p in zip(lines, paras)])
    return art


def _is_title(p: str) -> bool:
    return len(p) <= TITLE_MAX and not SENTENCE_END.search(p) and "\n" not in p and not parse_thai_date(p[:40])
