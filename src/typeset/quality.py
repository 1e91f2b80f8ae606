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
from typeset.quality_text import bad_breaks, cer, spurious_spaces, thai_hyphens


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
