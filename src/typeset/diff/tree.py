"""The source of a thesis folder as a heading tree, for diffing.

The diff works on what the student wrote (the Markdown source, markup included), not on the
typeset result, so it parses with markdown-it-py directly: every heading opens a Node; the
paragraphs, list items, quotes, tables, code/framework blocks and footnotes under it are Blocks.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from typeset.diff.words import join_lines
from typeset.source.markdown import parser
from typeset.source.nodes import Section, walk as walk_blocks
from typeset.errors import UserError
from typeset.textio import read_text

THAI_LETTERS = "กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ"
IMPORTED = re.compile(r"\.imported\.[^.]+$")   # written beside edited files by the import guard


@dataclass(eq=False)
class Block:
    kind: str      # p | item | quote | code | table | footnote | rule | html | line
    text: str      # source text of the block (markup kept, container markers dropped)
    line: int      # 1-based line in `file`
    file: str = ""

    @property
    def key(self) -> tuple[str, str]:
        return self.kind, " ".join(join_lines(self.text).split())


@dataclass(eq=False)
class Node:
    level: int                 # 0 = root, 1 = chapter (#), 2 = section (##), ...
    title: str = ""
    file: str = ""
    line: int = 0
    number: str = ""           # generated: "1", "1.5.1"; appendices "ก"
    label_prefix: str = ""     # "บทที่ 1" / "ภาคผนวก ก" for chapters
    blocks: list[Block] = field(default_factory=list)
    children: list["Node"] = field(default_factory=list)
    parent: "Node | None" = None

    @property
    def label(self) -> str:
        if self.level == 1:
            return f"{self.label_prefix} {self.title}".strip()
        return f"{self.number} {self.title}".strip()

    def path(self) -> list["Node"]:
        out, n = [], self
        while n is not None and n.level > 0:
            out.append(n)
            n = n.parent
        return out[::-1]

    def context(self) -> str:
        return " › ".join(n.label for n in self.path())

    def all_blocks(self):
        yield from self.blocks
        for c in self.children:
            yield from c.all_blocks()

    def text(self) -> str:
        """Title and every block below, whitespace-normalised (for similarity matching)."""
        parts = [self.title] + [b.key[1] for b in self.all_blocks()]
        for c in self.children:
            parts.append(c.title)
        return "\n".join(parts)

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()


def parse(text: str, file: str, root: Node | None = None) -> Node:
    """Add the headings and blocks of one Markdown file to `root` (a level-0 Node)."""
    root = root or Node(level=0)
    stack = [root]
    starts: list[tuple[int, Node]] = [(0, root)]
    footnotes: list[Block] = []
    containers: list[str] = []
    tokens = parser().parse(text)
    i = 0
    while i < len(tokens):
        t = tokens[i]
        line = (t.map[0] + 1) if t.map else 0
        if t.type == "heading_open":
            level = int(t.tag[1])
            node = Node(level=level, title=" ".join(tokens[i + 1].content.split()), file=file, line=line)
            while stack[-1].level >= level:
                stack.pop()
            node.parent = stack[-1]
            stack[-1].children.append(node)
            stack.append(node)
            starts.append((line, node))
            i += 3
            continue
        if t.type in ("blockquote_open", "list_item_open", "footnote_open"):
            containers.append({"blockquote_open": "quote", "list_item_open": "item",
                               "footnote_open": "footnote"}[t.type])
            if t.type == "footnote_open":
                containers[-1] = f"footnote [^{t.meta.get('label', '')}]"
        elif t.type in ("blockquote_close", "list_item_close", "footnote_close"):
            containers.pop()
        elif t.type == "inline" and tokens[i - 1].type == "paragraph_open":
            kind = containers[-1] if containers else "p"
            block = Block(kind, t.content, line, file)
            (footnotes if kind.startswith("footnote") else stack[-1].blocks).append(block)
        elif t.type in ("fence", "code_block"):
            stack[-1].blocks.append(Block("code " + (t.info or "").strip(), t.content, line, file))
        elif t.type == "html_block":
            stack[-1].blocks.append(Block("html", t.content, line, file))
        elif t.type == "hr":
            stack[-1].blocks.append(Block("rule", t.markup, line, file))
        elif t.type == "table_open":
            rows, cells, j = [], [], i + 1
            while tokens[j].type != "table_close":
                if tokens[j].type == "inline":
                    cells.append(tokens[j].content)
                elif tokens[j].type == "tr_close":
                    rows.append(" | ".join(cells))
                    cells = []
                j += 1
            stack[-1].blocks.append(Block("table", "\n".join(f"| {r} |" for r in rows), line, file))
            i = j
        i += 1
    # markdown-it moves footnote definitions to the end; put each back under its heading
    for b in footnotes:
        owner = root
        for start, node in starts:
            if start <= b.line:
                owner = node
        owner.blocks.append(b)
    return root


def number(root: Node, prefix: str = "บทที่", letters: bool = False) -> Node:
    """Generated numbers, as the build prints them: chapters 1, 2 … (appendices ก, ข …), 1.1, 1.1.1."""
    for k, ch in enumerate(root.children):
        ch.number = THAI_LETTERS[k % len(THAI_LETTERS)] if letters else str(k + 1)
        ch.label_prefix = f"{prefix} {ch.number}" if prefix else ""
        _number_children(ch)
    return root


def _number_children(node: Node) -> None:
    for k, c in enumerate(node.children):
        c.number = f"{node.number}.{k + 1}"
        _number_children(c)


def _build_numbers(path: Path, src: "Source") -> None:
    """Labels and numbers as the build prints them (template settings: บทที่ label, Thai digits)."""
    from typeset import source

    doc, cfg = source.load(path)
    heads = cfg.settings["headings"]
    found: dict[tuple[str, int], tuple[str, str]] = {}
    for part in doc.chapters + doc.appendices:
        if part.kind == "chapter":
            label = heads["chapter"].get("label", "บทที่ {n}")
        else:
            label = heads.get("appendix", {}).get("label", "ภาคผนวก {n}")
        found[(part.file, part.line)] = (part.number, label.replace("{n}", part.number) if label else "")
        for b in walk_blocks(part.blocks):
            if isinstance(b, Section):
                found[(b.file, b.line)] = (b.number, "")
    for tree in (src.chapters, src.appendices):
        for node in tree.walk():
            hit = found.get((node.file, node.line))
            if hit is None or node.level == 0:
                continue
            node.number = hit[0]
            if node.level == 1:
                node.label_prefix = hit[1]


@dataclass
class Source:
    """Everything `typeset diff` compares in one thesis folder (or one chapter file)."""
    path: Path
    chapters: Node
    appendices: Node
    single: bool = False                                   # one chapter file, not a folder
    parts: dict[str, Node] = field(default_factory=dict)   # frontmatter/x.md -> tree, by path
    texts: dict[str, str] = field(default_factory=dict)    # thesis.yaml, references.bib, by path
    binaries: dict[str, str] = field(default_factory=dict) # figures/… -> sha256


def _md_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.md")
                  if p.is_file() and not p.name.startswith(".") and not IMPORTED.search(p.name))


def _parse_files(files: list[Path], base: Path) -> Node:
    root = Node(level=0)
    for f in files:
        parse(read_text(f), f.relative_to(base).as_posix(), root)
        # text before a file's first heading belongs to that file's chapter, not the root
        if root.blocks:
            chapter = Node(level=1, title="", file=f.relative_to(base).as_posix(), line=1,
                           blocks=root.blocks, parent=root)
            root.blocks = []
            root.children.insert(len(root.children) - sum(1 for c in root.children
                                                           if c.file == chapter.file), chapter)
    return root


def chapter_tree(text: str, name: str) -> Node:
    """One chapter file on its own; numbered from its NN- prefix (03-method.md -> บทที่ 3)."""
    root = parse(text, name)
    if root.blocks:   # text before the first heading belongs to the chapter
        root.children.insert(0, Node(level=1, file=name, line=1, blocks=root.blocks, parent=root))
        root.blocks = []
    number(root)
    m = re.match(r"(\d+)-", Path(name).name)
    if m:
        for ch in root.children:
            ch.number = str(int(m.group(1)))
            ch.label_prefix = f"บทที่ {ch.number}"
            _number_children(ch)
    return root


def load(path: Path | str) -> Source:
    """Read a thesis folder (chapters/, appendices/, frontmatter/, thesis.yaml, …) or one .md file."""
    path = Path(path)
    if path.is_file():
        return Source(path, chapter_tree(read_text(path), path.name), Node(level=0), single=True)
    if not path.is_dir():
        raise UserError(f"{path}: no such file or folder")
    chapter_dir = path / "chapters"
    files = _md_files(chapter_dir) if chapter_dir.is_dir() else _md_files(path)
    if not files and not any((path / n).is_file() for n in ("thesis.yaml", "article.yaml")):
        raise UserError(f"{path}: not a thesis folder (no thesis.yaml, no chapters/*.md)")
    src = Source(path, number(_parse_files(files, path)),
                 number(_parse_files(_md_files(path / "appendices"), path), "ภาคผนวก", letters=True))
    if (path / "thesis.yaml").is_file():
        _build_numbers(path, src)
    for f in _md_files(path / "frontmatter"):
        rel = f.relative_to(path).as_posix()
        src.parts[rel] = number(parse(read_text(f), rel), "")
    for name in ("thesis.yaml", "article.yaml", "references.bib"):
        if (path / name).is_file():
            src.texts[name] = read_text(path / name)
    figures = path / "figures"
    if figures.is_dir():
        for f in sorted(figures.rglob("*")):
            if f.is_file() and not f.name.startswith("."):
                src.binaries[f.relative_to(path).as_posix()] = hashlib.sha256(f.read_bytes()).hexdigest()
    return src
