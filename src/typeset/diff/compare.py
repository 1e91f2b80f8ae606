"""Compare two thesis sources: pair chapters and sections by heading, then diff words.

Pass 1 pairs nodes: children of paired parents by title and content similarity; what is left
is pooled and paired across the whole tree (a section moved to another chapter, a chapter split
in two), opening unpaired nodes one level at a time. Pass 2 walks the new tree in order and
emits Entries: word changes with their heading context, added/removed/moved sections.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher

from rapidfuzz import fuzz

from typeset.diff.tree import Block, Node, Source, chapter_tree
from typeset.diff.words import PARA, Word, diff, tokenize

CONTEXT = 6          # words of context either side of a change
MARKERS = {"quote": ">", "item": "•", "table": "|"}


@dataclass
class Entry:
    kind: str                 # changed | added | removed | moved | renamed | heading | file
    chapter: str              # chapter label the entry belongs to ("" for files)
    where: str                # heading context below the chapter ("1.5 ขอบเขต › 1.5.1 …")
    file: str                 # file the line refers to (new side; old side for removals)
    line: int
    note: str = ""
    ops: list = field(default_factory=list)   # [(op, old words, new words)] as words.diff gives

    @property
    def location(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file


# ---- pass 1: pairing --------------------------------------------------------------------

class Pairing:
    def __init__(self):
        self.fwd: dict[int, Node] = {}   # id(old) -> new
        self.rev: dict[int, Node] = {}   # id(new) -> old
        self._text: dict[int, str] = {}

    def add(self, o: Node, n: Node) -> None:
        self.fwd[id(o)] = n
        self.rev[id(n)] = o

    def text(self, n: Node) -> str:
        if id(n) not in self._text:
            self._text[id(n)] = n.text()
        return self._text[id(n)]

    def scores(self, o: Node, n: Node) -> tuple[float, float]:
        t = 1.0 if o.title == n.title else fuzz.ratio(o.title, n.title) / 100
        a, b = self.text(o), self.text(n)
        c = 1.0 if a == b else fuzz.ratio(a, b, score_cutoff=40) / 100
        return t, c

    def greedy(self, olds: list[Node], news: list[Node], accept) -> list[tuple[Node, Node]]:
        cands = []
        for i, o in enumerate(olds):
            for j, n in enumerate(news):
                t, c = self.scores(o, n)
                if accept(t, c, o.level == n.level):
                    cands.append((-(0.6 * t + 0.4 * c), i, j))
        used_o, used_n, out = set(), set(), []
        for _, i, j in sorted(cands):
            if i not in used_o and j not in used_n:
                used_o.add(i)
                used_n.add(j)
                out.append((olds[i], news[j]))
        return out


def _near(t: float, c: float, same_level: bool) -> bool:   # under the same parent
    return t >= 0.8 or (c >= 0.6 and same_level)


def _far(t: float, c: float, same_level: bool) -> bool:    # anywhere else in the thesis
    # a chapter is not "moved" into a section just because it now holds that section's text
    return (t >= 0.8 and c >= 0.5) or (c >= 0.8 and same_level)


def pair_trees(old: Node, new: Node, force_first: bool = False) -> Pairing:
    """Pair old and new nodes; force_first pairs the first chapters whatever their headings."""
    p = Pairing()
    pool_o: list[Node] = []
    pool_n: list[Node] = []

    def descend(o: Node, n: Node) -> None:
        p.add(o, n)
        got = p.greedy(o.children, n.children, _near)
        if force_first and o is old and o.children and n.children and not got:
            got = [(o.children[0], n.children[0])]
        for a, b in got:
            descend(a, b)
        pool_o.extend(c for c in o.children if id(c) not in p.fwd)
        pool_n.extend(c for c in n.children if id(c) not in p.rev)

    descend(old, new)
    while pool_o or pool_n:
        got = p.greedy(pool_o, pool_n, _far) if pool_o and pool_n else []
        for a, b in got:
            pool_o.remove(a)
            pool_n.remove(b)
            descend(a, b)
        if got:
            continue
        # nothing pairs: open the unpaired nodes of the top level, their children may have moved
        # (a chapter split in two, a section promoted to a chapter)
        top = min((x.level for x in pool_o + pool_n if x.children), default=None)
        if top is None:
            break
        pool_o = [c for x in pool_o for c in (x.children if x.level == top else [x])]
        pool_n = [c for x in pool_n for c in (x.children if x.level == top else [x])]
    return p


# ---- pass 2: entries ----------------------------------------------------------------------

def _chapter_of(n: Node) -> str:
    path = n.path()
    return path[0].label if path else ""


def _below_chapter(n: Node) -> str:
    return " › ".join(x.label for x in n.path()[1:])


def block_words(blocks: list[Block]) -> list[Word]:
    out: list[Word] = []
    for k, b in enumerate(blocks):
        if k:
            out.append(Word(PARA, True, b.line))
        kind = b.kind.split()[0]
        if kind in MARKERS:
            out.append(Word(MARKERS[kind], False, b.line))
        elif kind in ("code", "footnote"):
            out.append(Word(b.kind.replace("code ", "```").replace("code", "```")
                            .replace("footnote ", "") + ("" if kind == "code" else ":"), False, b.line))
        out.extend(tokenize(b.text, b.line))
    return out


def hunks(ops: list, context: int = CONTEXT) -> list[list]:
    """Split word opcodes into hunks, keeping `context` words (within the paragraph) around changes."""
    out: list[list] = []
    cur: list = []
    for k, (op, a, b) in enumerate(ops):
        if op != "equal":
            cur.append((op, a, b))
            continue
        first, last = k == 0, k == len(ops) - 1
        head = [] if first else _cut(a[:context], forward=True)
        tail = [] if last else _cut(a[-context:], forward=False)
        if not first and not last and len(a) <= 2 * context + 2 and PARA not in [w.text for w in a]:
            cur.append(("equal", a, b))
            continue
        if cur:
            if head:
                cur.append(("equal", head, head))
            out.append(cur)
        cur = [("equal", tail, tail)] if tail else []
    if cur and any(op != "equal" for op, _, _ in cur):
        out.append(cur)
    return out


def _cut(words: list[Word], forward: bool) -> list[Word]:
    """Context stops at a paragraph break."""
    texts = [w.text for w in words]
    if PARA not in texts:
        return words
    return words[:texts.index(PARA)] if forward else words[len(texts) - texts[::-1].index(PARA):]


def _first_line(hunk: list, fallback: int) -> int:
    for op, a, b in hunk:
        if op != "equal":
            for w in b or a:
                if w.line:
                    return w.line
    return fallback


class Emitter:
    def __init__(self, pairing: Pairing, single: bool = False):
        self.p = pairing
        self.single = single
        self.entries: list[Entry] = []
        self._moved: dict[int, list[Node]] = {}

    def add(self, **kw) -> None:
        self.entries.append(Entry(**kw))

    # a paired node: heading, body, then children in new order with removals where they were
    def node(self, n: Node) -> None:
        o = self.p.rev.get(id(n))
        if o is None:
            return self.added(n)
        if n.level > 0:
            self.heading(o, n)
        self.body(o, n)
        anchors = self._anchors(o, n)
        for r in anchors.get(None, []):
            self.removed(r)
        for c in n.children:
            self.node(c)
            for r in anchors.get(id(c), []):
                self.removed(r)

    def _anchors(self, o: Node, n: Node) -> dict:
        out: dict = {}
        anchor = None
        for c in o.children:
            m = self.p.fwd.get(id(c))
            if m is None:
                out.setdefault(anchor, []).append(c)
            elif m.parent is n:
                anchor = id(m)
        return out

    def heading(self, o: Node, n: Node) -> None:
        ch, where = _chapter_of(n), _below_chapter(n)
        op = o.parent and self.p.fwd.get(id(o.parent))
        if op is not n.parent:
            self.add(kind="moved", chapter=ch, where=where, file=n.file, line=n.line,
                     note=f"from {o.context()}")
        elif n.parent is not None and n in self._reordered(n.parent):
            self.add(kind="moved", chapter=ch, where=where, file=n.file, line=n.line,
                     note=f"was {o.label}")
        if o.title != n.title or o.level != n.level:
            ops = diff(tokenize(o.title, o.line), tokenize(n.title, n.line))
            note = f"heading level {'#' * o.level} → {'#' * n.level}" if o.level != n.level else ""
            if note or any(op != "equal" for op, _, _ in ops):
                self.add(kind="heading", chapter=ch, where=where, file=n.file, line=n.line, note=note, ops=ops)
        if n.level == 1 and o.file != n.file and not self.single and _first_in_file(n) and _first_in_file(o):
            self.add(kind="renamed", chapter=ch, where="", file=n.file, line=0,
                     note=f"{o.file} → {n.file}")

    def _reordered(self, parent: Node) -> list[Node]:
        """Children of `parent` that changed places among the siblings they had before."""
        if id(parent) not in self._moved:
            self._moved[id(parent)] = self._find_reordered(parent)
        return self._moved[id(parent)]

    def _find_reordered(self, parent: Node) -> list[Node]:
        po = self.p.rev.get(id(parent))
        kids = [c for c in parent.children
                if id(c) in self.p.rev and self.p.rev[id(c)].parent is po and po is not None]
        if len(kids) < 2:
            return []
        old_idx = [po.children.index(self.p.rev[id(c)]) for c in kids]
        keep = _lis(old_idx, [len(self.p.text(c)) for c in kids])
        return [c for k, c in enumerate(kids) if k not in keep]

    def body(self, o: Node, n: Node) -> None:
        a, b = [x.key for x in o.blocks], [x.key for x in n.blocks]
        if a == b:
            return
        sm = SequenceMatcher(None, a, b, autojunk=False)
        for op, i1, i2, j1, j2 in sm.get_opcodes():
            if op == "equal":
                continue
            ops = diff(block_words(o.blocks[i1:i2]), block_words(n.blocks[j1:j2]))
            fallback = n.blocks[j1].line if j1 < len(n.blocks) else (n.blocks[-1].line if n.blocks else n.line)
            for h in hunks(ops):
                self.add(kind="changed", chapter=_chapter_of(n), where=_below_chapter(n),
                         file=n.file or (n.blocks[0].file if n.blocks else ""), line=_first_line(h, fallback), ops=h)

    def added(self, n: Node) -> None:
        words = tokenize(n.title, n.line) + ([Word(PARA, True)] if n.blocks else []) + block_words(n.blocks)
        self.add(kind="added", chapter=_chapter_of(n), where=_below_chapter(n), file=n.file, line=n.line,
                 ops=[("insert", [], words)] if words else [])
        for c in n.children:
            self.node(c)

    def removed(self, o: Node) -> None:
        words = tokenize(o.title, o.line) + ([Word(PARA, True)] if o.blocks else []) + block_words(o.blocks)
        where = _below_chapter(o)
        self.add(kind="removed", chapter=_chapter_of(o), where=where, file=o.file, line=o.line,
                 ops=[("delete", words, [])] if words else [])
        for c in o.children:
            if id(c) not in self.p.fwd:
                self.removed(c)


def _first_in_file(n: Node) -> bool:
    sib = n.parent.children if n.parent else [n]
    return next(c for c in sib if c.file == n.file) is n


def _lis(seq: list[int], weight: list[int] | None = None) -> set[int]:
    """Positions of the heaviest increasing subsequence: the siblings that stayed in place.

    Weighted by size, so when two sections swap, the smaller one is the one reported as moved.
    """
    weight = weight or [1] * len(seq)
    best = list(weight)
    prev = [-1] * len(seq)
    for i in range(len(seq)):
        for j in range(i):
            if seq[j] < seq[i] and best[j] + weight[i] > best[i]:
                best[i], prev[i] = best[j] + weight[i], j
    out: set[int] = set()
    i = max(range(len(seq)), key=lambda k: best[k]) if seq else -1
    while i >= 0:
        out.add(i)
        i = prev[i]
    return out


def compare_trees(old: Node, new: Node, single: bool = False) -> list[Entry]:
    # two chapter files are compared with each other whatever their headings say
    p = pair_trees(old, new, force_first=single)
    e = Emitter(p, single)
    e.node(new)
    return e.entries


def _text_tree(text: str, name: str) -> Node:
    root = Node(level=0, file=name)
    root.blocks = [Block("line", line, k + 1, name) for k, line in enumerate(text.splitlines()) if line.strip()]
    return root


def _whole_file(rel: str, old) -> Entry:
    """A file only one side has: added (no old one) or removed."""
    what = "added" if old is None else "removed"
    return Entry(what, "", "", rel, 0, note=f"{rel} {what}")


def compare(old: Source, new: Source) -> list[Entry]:
    """Every difference between two loaded sources, in the order of the new one."""
    single = old.single or new.single
    entries = compare_trees(old.chapters, new.chapters, single)
    entries += compare_trees(old.appendices, new.appendices)
    for rel in sorted(set(old.parts) | set(new.parts)):
        o, n = old.parts.get(rel), new.parts.get(rel)
        if o is None or n is None:
            entries.append(_whole_file(rel, o))
        else:
            entries += compare_trees(o, n, single=True)
    for rel in sorted(set(old.texts) | set(new.texts)):
        o, n = old.texts.get(rel), new.texts.get(rel)
        if o is None or n is None:
            entries.append(_whole_file(rel, o))
        else:
            for en in compare_trees(_text_tree(o, rel), _text_tree(n, rel)):
                en.chapter = rel
                entries.append(en)
    for rel in sorted(set(old.binaries) | set(new.binaries)):
        o, n = old.binaries.get(rel), new.binaries.get(rel)
        if o != n:
            what = "added" if o is None else "removed" if n is None else "changed"
            entries.append(Entry(what if what != "changed" else "file", "", "", rel, 0, note=f"{rel} {what}"))
    return entries


def compare_texts(old_text: str, new_text: str, old_name: str = "old", new_name: str = "new") -> list[Entry]:
    """Two versions of one chapter file (the import guard uses this)."""
    old, new = chapter_tree(old_text, old_name), chapter_tree(new_text, new_name)
    return compare_trees(old, new, single=True)
