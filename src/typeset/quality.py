"""Typographic quality of a built PDF: the numbers `make bench` and the tests rely on.

    python -m typeset.quality build/thesis.pdf --sources examples/thesis [--log build/thesis.log]

Measures
- overfull / underfull boxes (from the XeLaTeX log next to the PDF, or --log);
- visible hyphens in Thai text (a line ending in "-" between Thai letters that the source
  does not have);
- line breaks inside a word: by the evaluation's rule (PyThaiNLP dictionary, newmm on the
  text around the break) and by the document's own vocabulary (user words + learned words);
- justification, from glyph positions (pdfminer.six, typeset.quality_layout): the share of
  continued lines ending within 0.5 pt of the right margin; the natural, 99th-percentile and
  widest interword space; the gap at non-space Thai break points (two Thai words the source
  writes without a space), widest and 99th percentile, against pdftotext's space threshold
  (0.1 x the font size);
- pages, and the character error rate of `pdftotext` output against the Markdown sources
  (whitespace ignored), block by block in reading order.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path

from typeset import quality_layout, tools
from typeset.errors import UserError

THAI = re.compile(r"[\u0e01-\u0e4f]")
WS = re.compile(r"\s+")
HYPHENS = "-\u2010\u2011"


@dataclass
class Quality:
    pages: int = 0
    overfull: int = 0
    underfull: int = 0
    thai_hyphens: int = 0
    breaks_thai: int = 0                 # Thai|Thai line breaks examined
    bad_breaks_dict: int = 0             # inside a dictionary word (evaluation's rule)
    bad_breaks_doc: int = 0              # inside a document / user word, or where the
                                         # document segmentation has no break point
    gap_points: int = 0                  # non-space break points measured
    gap_max_pt: float = 0.0
    gap_p99_pt: float = 0.0
    gaps_over_1pt: int = 0
    gap_threshold_pt: float = 0.0        # pdftotext reads a gap from here on as a space
    gaps_over_threshold: int = 0
    natural_space_pt: float = 0.0        # the interword space on paragraph-final lines
    space_max_pt: float = 0.0            # widest real interword space
    space_p99_pt: float = 0.0
    space_max_ratio: float = 0.0         # ... over the natural space
    space_p99_ratio: float = 0.0
    continued_lines: int = 0             # lines followed by the next line of their paragraph
    flush_share: float = 0.0             # ... ending within 0.5 pt of the right margin
    short_lines: int = 0                 # continued lines ending short of the margin
    short_max_pt: float = 0.0            # ... by at most this much
    spurious_spaces: int = 0             # pdftotext puts a space between Thai letters the source joins
    cer: float | None = None
    cer_chars: int = 0
    blocks_out_of_order: int = 0
    examples: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return asdict(self)


def _run(cmd: list[str]) -> str:
    return tools.run(cmd, "poppler-utils")


def pdftotext(pdf: Path, layout: bool = False) -> str:
    return _run(["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else []) + [str(pdf), "-"])


# ---------------------------------------------------------------- sources

def markdown_blocks(md: str) -> list[str]:
    """The text of each block (heading, paragraph, list item, table cell) of a Markdown file."""
    from typeset.source.markdown import parser

    out: list[str] = []
    for tok in parser().parse(md):
        if tok.type != "inline":
            continue
        parts = []
        for child in tok.children or []:
            if child.type in ("text", "code_inline"):
                parts.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                parts.append(" ")
        text = "".join(parts).strip()
        if text.startswith("Table:"):       # a table caption's marker (docs/format.md)
            text = text[len("Table:"):].strip()
        # attribute lines such as {.section-numbered} are markup, not text
        if text and not re.fullmatch(r"\{[^}]*\}", text):
            out.append(text)
    return out


def source_files(sources: Path) -> list[Path]:
    if sources.is_file():
        return [sources]
    files = []
    for sub in ("frontmatter", "chapters", "appendices"):
        files += sorted((sources / sub).glob("*.md"))
    return files


def source_texts(sources: Path) -> list[str]:
    return [unicodedata.normalize("NFC", p.read_text(encoding="utf-8-sig")) for p in source_files(sources)]


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
    from pythainlp.corpus import thai_orst_words
    from pythainlp.tokenize import word_tokenize

    dict_words = set(thai_orst_words())
    total = bad_dict = bad_doc = 0
    examples = []
    for left, right in line_pairs(layout_text):
        total += 1
        cut, text = len(left), left + right
        pos, inside = 0, False
        for tok in word_tokenize(text, engine="newmm", keep_whitespace=False):
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


# ---------------------------------------------------------------- glyph positions

_norm = quality_layout._norm
_SpaceIndex = quality_layout.SpaceIndex


def spurious_spaces(text: str, source: str) -> tuple[int, list[str]]:
    """Spaces in extracted text between two Thai letters that the source writes together."""
    index = _SpaceIndex(source)
    text = _norm(text)
    count, examples = 0, []
    for m in re.finditer(r"(?<=[\u0e01-\u0e4f])[ \t]+(?=[\u0e01-\u0e4f])", text):
        left = WS.sub("", text[max(0, m.start() - 16):m.start()])[-10:]
        right = WS.sub("", text[m.end():m.end() + 16])[:10]
        if index.is_space(left, right) is False:
            count += 1
            if len(examples) < 10:
                examples.append(f"{left} {right}")
    return count, examples


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    v = sorted(values)
    k = min(len(v) - 1, max(0, round(q * (len(v) - 1))))
    return v[k]


# ---------------------------------------------------------------- all together

def measure(pdf: Path, sources: Path | None = None, log: Path | None = None,
            words: list[str] | None = None) -> Quality:
    from typeset.compile.log import parse_log
    from typeset.render.thai import Segmenter

    pdf = Path(pdf)
    if not pdf.is_file():
        raise UserError(f"{pdf}: no such PDF")
    q = Quality()
    log = Path(log) if log else pdf.with_suffix(".log")
    if log.is_file():
        rep = parse_log(log.read_text(encoding="utf-8", errors="replace"))
        q.overfull, q.underfull = len(rep.overfull), len(rep.underfull)
    info = _run(["pdfinfo", str(pdf)])
    m = re.search(r"^Pages:\s+(\d+)", info, re.M)
    q.pages = int(m.group(1)) if m else 0

    texts = source_texts(Path(sources)) if sources else []
    if sources and words is None:
        words = _yaml_words(Path(sources))
    source = "\n\n".join(texts)
    seg = Segmenter(words or [], document=texts)

    layout = pdftotext(pdf, layout=True)
    q.breaks_thai, q.bad_breaks_dict, q.bad_breaks_doc, ex = bad_breaks(layout, seg)
    q.examples["bad_breaks"] = ex
    q.thai_hyphens, q.examples["thai_hyphens"] = thai_hyphens(layout, source)

    blocks = [b for t in texts for b in markdown_blocks(t)]
    lay = quality_layout.measure_layout(quality_layout.pdf_lines(pdf), source, blocks, seg)
    nonspace, spaces = lay.thai_gaps, lay.spaces
    q.gap_points = len(nonspace)
    q.gap_max_pt = round(max(nonspace, default=0.0), 2)
    q.gap_p99_pt = round(_percentile(nonspace, 0.99), 2)
    q.gaps_over_1pt = sum(g > 1.0 for g in nonspace)
    q.gap_threshold_pt = round(quality_layout.GAP_THRESHOLD * lay.size, 2)
    q.gaps_over_threshold = sum(g >= q.gap_threshold_pt for g in nonspace)
    q.examples["gaps"] = [e for _, e in lay.examples[:10]]
    q.natural_space_pt = round(quality_layout.natural_space(lay), 2)
    q.space_max_pt = round(max(spaces, default=0.0), 2)
    q.space_p99_pt = round(_percentile(spaces, 0.99), 2)
    if q.natural_space_pt:
        q.space_max_ratio = round(q.space_max_pt / q.natural_space_pt, 2)
        q.space_p99_ratio = round(q.space_p99_pt / q.natural_space_pt, 2)
    short = [d for d in lay.continued if abs(d) > quality_layout.FLUSH_PT]
    q.continued_lines = len(lay.continued)
    q.flush_share = round(1 - len(short) / len(lay.continued), 4) if lay.continued else 0.0
    q.short_lines, q.short_max_pt = len(short), round(max(short, default=0.0), 2)
    q.examples["short_lines"] = lay.short_examples

    plain = pdftotext(pdf)
    if texts:
        q.spurious_spaces, q.examples["spurious_spaces"] = spurious_spaces(plain, source)
        q.cer, q.cer_chars, q.blocks_out_of_order, q.examples["cer"] = cer(plain, blocks)
        q.cer = round(q.cer, 5)
    return q


def _yaml_words(sources: Path) -> list[str]:
    meta = sources / "thesis.yaml"
    if not meta.is_file():
        return []
    import yaml

    data = yaml.safe_load(meta.read_text(encoding="utf-8-sig")) or {}
    return [str(w) for w in data.get("words") or []]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m typeset.quality", description=__doc__.splitlines()[0])
    p.add_argument("pdf", type=Path)
    p.add_argument("--sources", type=Path, help="thesis folder or a Markdown file (for CER and vocabulary)")
    p.add_argument("--log", type=Path, help="XeLaTeX log (default: next to the PDF)")
    p.add_argument("--json", action="store_true", help="print JSON")
    args = p.parse_args(argv)
    try:
        q = measure(args.pdf, args.sources, args.log)
    except UserError as e:
        print(f"typeset: error: {e}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(q.as_dict(), ensure_ascii=False, indent=2))
        return 0
    from rich.console import Console
    from rich.table import Table

    t = Table(title=f"quality of {args.pdf}")
    t.add_column("measure")
    t.add_column("value", justify="right")
    for k, v in q.as_dict().items():
        if k != "examples":
            t.add_row(k, "-" if v is None else str(v))
    con = Console()
    con.print(t)
    for k, ex in q.examples.items():
        if ex:
            con.print(f"[bold]{k}[/bold]: " + "; ".join(ex))
    return 0


if __name__ == "__main__":
    sys.exit(main())
