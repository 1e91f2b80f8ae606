"""Tell a news/journal article from a thesis extraction by the shape of the text."""
from __future__ import annotations

import re

from typeset.article.dates import parse_thai_date

CHAPTER = re.compile(r"^\s*บทที\S*\s*\S{1,3}\s*$|^\s*บทที\S*\s+[0-9๐-๙]", re.M)
SECTION = re.compile(r"^\s*\d{1,2}\.\d{1,2}(?:\.\d{1,2})?\s+\S", re.M)
THESIS_WORDS = ("บทคัดย่อ", "บรรณานุกรม", "สารบัญ", "กิตติกรรมประกาศ", "วิทยานิพนธ์", "สารนิพนธ์",
                "การค้นคว้าอิสระ", "ภาคผนวก")
SOURCE_MARK = re.compile(r"^\s*(?:แปลและ)?(?:เรียบเรียง(?:จาก)?|ที่มา|แหล่งที่มา|อ้างอิงจาก|Source)\s*:?\s*", re.M)
URL = re.compile(r"https?://\S+")


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def looks_like_article(text: str) -> tuple[bool, str]:
    """(True, why) for an article: few long paragraphs, a dateline or a source block, no chapters."""
    paras = paragraphs(text)
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if not lines:
        return False, "empty text"
    chapters = len(CHAPTER.findall(text))
    sections = len(SECTION.findall(text))
    thesis_words = [w for w in THESIS_WORDS if w in text]
    avg_line = sum(map(len, lines)) / len(lines)
    dated = any(parse_thai_date(p[:40]) for p in paras[:3])
    sourced = bool(SOURCE_MARK.search("\n".join(paras[-4:]))) or bool(URL.search("\n".join(paras[-2:])))
    thesis_score = min(chapters, 3) * 2 + min(sections, 5) + len(thesis_words) + (avg_line < 200) * 2
    article_score = (avg_line >= 300) * 3 + dated * 2 + sourced * 2 + (len(paras) < 200)
    facts = [f"{len(paras)} paragraphs, {avg_line:.0f} characters per line"]
    if chapters:
        facts.append(f"{chapters} chapter headings")
    if sections:
        facts.append(f"{sections} numbered headings")
    if thesis_words:
        facts.append("thesis words: " + ", ".join(thesis_words[:3]))
    if dated:
        facts.append("a dateline")
    if sourced:
        facts.append("a source block")
    is_article = article_score > thesis_score
    return is_article, f"{'news article' if is_article else 'thesis'} ({'; '.join(facts)})"
