"""Measures on the text pdftotext extracts from a built PDF, against the Markdown sources:
character error rate, line breaks inside a word, visible hyphens in Thai, spurious spaces.

The "inside a dictionary word" rule is the evaluation's own: PyThaiNLP's newmm with its default
dictionary (typeset.thai.segment.reference_tokens) and ORST's word list, not typeset's segmenter.
"""
from __future__ import annotations

import re
import unicodedata

from typeset import quality_layout
from typeset.thai.segment import reference_tokens
from typeset.thai.words import orst_words

THAI = re.compile(r"[\u0e01-\u0e4f]")
WS = re.compile(r"\s+")
HYPHENS = "-\u2010\u2011"


# ---------------------------------------------------------------- CER

def cer(pdf_text: str, blocks: list[str]) -> tuple[float, int, int, list[str]]:
    """Character error rate of the PDF text against source blocks, whitespace ignored.

    Each block is aligned to its best span of the PDF text, searched first just after the
    previous block (reading order), then anywhere. Returns (cer, chars, out_of_order, worst).
    """
    from rapidfuzz import fuzz
    from rapidfuzz.distance import Levenshtein

    hay = WS.sub("", unicodedata.normalize("NFC", pdf_text))
    err = tot = disorder = 0
    pos = 0
    worst: list[tuple[int, str]] = []

    def align(g: str, lo: int, hi: int) -> tuple[int, int]:
        window = hay[lo:hi]
        al = fuzz.partial_ratio_alignment(g, window)
        if al is None:
            return len(g), lo
        s, e = al.dest_start, al.dest_end
        best, end = Levenshtein.distance(g, window[s:e]), e
        for ds in (-3, -2, -1, 0, 1, 2, 3):
            for de in (-3, -2, -1, 0, 1, 2, 3):
                a, b = max(0, s + ds), min(len(window), e + de)
                if b > a:
                    d = Levenshtein.distance(g, window[a:b])
                    if d < best:
                        best, end = d, b
        return best, lo + end

    pieces = []
    for b in blocks:
        g = WS.sub("", b)
        pieces += [g[i:i + 300] for i in range(0, len(g), 300)] if len(g) > 400 else [g]
    for g in pieces:
        if not g:
            continue
        d, end = align(g, pos, min(len(hay), pos + 3 * len(g) + 3000))
        if d > max(1, len(g) // 20):
            d2, end2 = align(g, 0, len(hay))
            if d2 < d:
                if end2 < pos:
                    disorder += 1
                d, end = d2, end2
        pos = max(pos, end) if d <= len(g) // 2 else pos
        err += d
        tot += len(g)
        if d:
            worst.append((d, g[:50]))
    worst.sort(reverse=True)
    return err / max(tot, 1), tot, disorder, [f"{d} edits: {g}" for d, g in worst[:5]]


# ---------------------------------------------------------------- line breaks

def text_lines(layout_text: str) -> list[str]:
    """Lines of `pdftotext -layout` output, the blank lines of ordinary leading dropped.

    With loose leading pdftotext writes a blank line between the lines of one paragraph. The
    most common run of blank lines between two text lines is that leading; a longer run stays,
    as one empty line, to mark a real break.
    """
    lines = [l.strip() for l in layout_text.splitlines()]
    runs: dict[int, int] = {}
    blank, seen = 0, False
    for l in lines:
        if l:
            if seen:
                runs[blank] = runs.get(blank, 0) + 1
            seen, blank = True, 0
        else:
            blank += 1
    usual = max(runs, key=lambda k: (runs[k], -k)) if runs else 0
    out: list[str] = []
    blank = 0
    for l in lines:
        if not l:
            blank += 1
            continue
        if out and blank > usual:
            out.append("")
        out.append(l)
        blank = 0
    return out


def line_pairs(layout_text: str):
    """(end of line, start of next line) for consecutive lines that meet Thai to Thai."""
    lines = text_lines(layout_text)
    for a, b in zip(lines, lines[1:]):
        if a and b and THAI.match(a[-1]) and THAI.match(b[0]):
            yield a.split()[-1][-20:], b.split()[0][:20]


def bad_breaks(layout_text: str, segmenter=None) -> tuple[int, int, int, list[str]]:
    """(Thai|Thai breaks, inside a dictionary word, inside a document word, examples)."""
    dict_words = orst_words()
    total = bad_dict = bad_doc = 0
    examples = []
    for left, right in line_pairs(layout_text):
        total += 1
        cut, text = len(left), left + right
        pos, inside = 0, False
        for tok in reference_tokens(text):
            if pos < cut < pos + len(tok) and tok in dict_words and len(tok) > 1:
                inside = True
                break
            pos += len(tok)
        bad_dict += inside
        doc_inside = False
        if segmenter is not None:
            for w in segmenter.protected:
                k = text.find(w)
                while k != -1:
                    if k < cut < k + len(w):
                        doc_inside = True
                        break
                    k = text.find(w, k + 1)
                if doc_inside:
                    break
            if not doc_inside:
                pos = 0
                # a cut inside a chunk is a cut where the document segmentation allows none
                for tok in segmenter.split(text):
                    if pos < cut < pos + len(tok):
                        doc_inside = True
                        break
                    pos += len(tok)
        bad_doc += doc_inside
        if (inside or doc_inside) and len(examples) < 10:
            examples.append(f"{left}|{right}")
    return total, bad_dict, bad_doc, examples


def thai_hyphens(layout_text: str, source: str) -> tuple[int, list[str]]:
    """Lines ending in a hyphen after a Thai letter, where the source has no hyphen there."""
    flat = WS.sub("", source)
    lines = text_lines(layout_text)
    count, examples = 0, []
    for a, b in zip(lines, lines[1:] + [""]):
        if len(a) >= 2 and a[-1] in HYPHENS and THAI.match(a[-2]):
            left = a.split()[-1][:-1][-4:]
            right = b.split()[0][:4] if b.split() else ""
            if (left + a[-1] + right) not in flat and (left + "-" + right) not in flat:
                count += 1
                examples.append(f"{left}-|{right}")
    return count, examples[:10]


# ---------------------------------------------------------------- spaces


def spurious_spaces(text: str, source: str) -> tuple[int, list[str]]:
    """Spaces in extracted text between two Thai letters that the source writes together."""
    index = quality_layout.SpaceIndex(source)
    text = quality_layout._norm(text)
    count, examples = 0, []
    for m in re.finditer(r"(?<=[\u0e01-\u0e4f])[ \t]+(?=[\u0e01-\u0e4f])", text):
        left = WS.sub("", text[max(0, m.start() - 16):m.start()])[-10:]
        right = WS.sub("", text[m.end():m.end() + 16])[:10]
        if index.is_space(left, right) is False:
            count += 1
            if len(examples) < 10:
                examples.append(f"{left} {right}")
    return count, examples
