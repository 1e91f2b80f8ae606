"""`typeset diff --pdf`: the new version typeset with insertions and deletions marked.

The changed words are wrapped in sentinel brackets in a temporary copy of the new Markdown,
which then goes through the ordinary pipeline (typeset.source -> typeset.render -> compile);
in the .tex the sentinels become latexdiff-style \\DIFadd{…} / \\DIFdel{…} (defined in the
diffmarks.tex.j2 partial, which a template may override). One word per macro, so Thai line
breaking still works between marked words. The .tex files are kept in OUT-tex/ beside OUT.pdf.
"""
from __future__ import annotations

import re
import shutil
import tempfile
from difflib import SequenceMatcher
from pathlib import Path

from typeset.diff.tree import Source
from typeset.diff.words import LATIN, THAI, Word, split_chunk
from typeset.errors import UserError

ADD, ADD_END, DEL, DEL_END = "\u2983", "\u2984", "\u2985", "\u2986"   # ⦃ ⦄ ⦅ ⦆
SENTINELS = ADD + ADD_END + DEL + DEL_END
WORDLIKE = re.compile(r"[^\W_]")
# Markdown that must stay byte-exact: fenced blocks, code spans, link targets, citations,
# footnote labels, attribute lines, HTML/autolinks.
PROTECTED = re.compile(r"^(```|~~~).*?^\1[ \t]*$|`[^`\n]*`|\]\([^)\n]*\)|\[[@^][^\]\n]*\]|^\{[^}\n]*\}[ \t]*$"
                       r"|<[^>\n]*>|^#+ ", re.M | re.S)


def spans(text: str) -> list[tuple[Word, int, int]]:
    """Words of a whole file with their character offsets (no line joining: both sides alike)."""
    out = []
    for m in re.finditer(r"\S+", text):
        chunk, base, pos = m.group(), m.start(), 0
        space = m.start() > 0 and text[m.start() - 1].isspace()
        pieces = split_chunk(chunk) if THAI.search(chunk) else LATIN.findall(chunk)
        for k, p in enumerate(pieces):
            at = chunk.find(p, pos)
            if at < 0:
                continue
            out.append((Word(p, space and k == 0), base + at, base + at + len(p)))
            pos = at + len(p)
    return out


def mark(old: str, new: str) -> str:
    """`new` with inserted words bracketed ⦃…⦄ and deleted words of `old` put back as ⦅…⦆."""
    if any(c in old or c in new for c in SENTINELS):
        raise UserError("the text uses the characters ⦃⦄⦅⦆, which --pdf needs for its marks")
    a, b = spans(old), spans(new)
    guard = [m.span() for m in PROTECTED.finditer(new)]

    def free(s: int, e: int) -> bool:
        return not any(gs < e and s < ge for gs, ge in guard)

    marks: list[tuple[int, int]] = []
    inserts: dict[int, str] = {}
    sm = SequenceMatcher(None, [w for w, _, _ in a], [w for w, _, _ in b], autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op in ("insert", "replace"):
            for j in range(j1, j2):
                w, s, e = b[j]
                if WORDLIKE.search(w.text) and free(s, e):
                    marks.append((s, e))
        if op in ("delete", "replace") and j1 > 0:
            at = b[j1 - 1][2]
            words = [w for w, _, _ in a[i1:i2] if WORDLIKE.search(w.text)]
            if words and free(at, at + 1) and free(at - 1, at):
                inserts[at] = "".join((" " if w.space else "") + DEL + w.text + DEL_END for w in words)
    out, last = [], 0
    events = sorted([(s, 1, ADD) for s, _ in marks] + [(e, 0, ADD_END) for _, e in marks]
                    + [(at, 0, text) for at, text in inserts.items()])
    for pos, _, text in events:
        out.append(new[last:pos])
        out.append(text)
        last = pos
    out.append(new[last:])
    return "".join(out)


_GROUP = re.compile(rf"(?<=[\u0e00-\u0e7f])([{SENTINELS}]+)(?=[\u0e00-\u0e7f])")


def to_latex(tex: str, brk: str) -> str:
    """Sentinels -> \\DIFadd{ } / \\DIFdel{ }, with a Thai break point where a marked word meets Thai."""
    def group(m: re.Match) -> str:
        g = m.group(1)
        closes = "".join(c for c in g if c in (ADD_END, DEL_END))
        opens = "".join(c for c in g if c in (ADD, DEL))
        return closes + brk + opens
    tex = _GROUP.sub(group, tex)
    return (tex.replace(ADD, r"\DIFadd{").replace(DEL, r"\DIFdel{")
            .replace(ADD_END, "}").replace(DEL_END, "}"))


def write_pdf(old: Source, new: Source, out: Path) -> None:
    from typeset import build, source
    from typeset.diff.compare import pair_trees
    from typeset.render import MAIN, render
    from typeset.render.env import make_env
    from typeset.render.thai import BREAK

    if new.single:
        raise UserError("--pdf compares two thesis folders (it typesets the whole new version)")
    pairs = pair_trees(old.chapters, new.chapters)
    old_of: dict[str, str] = {}
    for ch in new.chapters.children:
        o = pairs.rev.get(id(ch))
        if o is not None and ch.file not in old_of:
            old_of[ch.file] = o.file
    with tempfile.TemporaryDirectory(prefix="typeset-diff-") as tmp:
        folder = Path(tmp) / "src"
        shutil.copytree(new.path, folder, ignore=shutil.ignore_patterns(".typeset*", "*.imported.*"))
        for rel in sorted({c.file for c in new.chapters.children}):
            text = (new.path / rel).read_text(encoding="utf-8-sig")
            before = (old.path / old_of[rel]).read_text(encoding="utf-8-sig") if rel in old_of else ""
            (folder / rel).write_text(mark(before, text), encoding="utf-8")
        doc, cfg = source.load(folder)
        files = {name: to_latex(text, BREAK) for name, text in render(doc, cfg).items()}
        partial = make_env(cfg.search_path, lambda v: v).get_template("diffmarks.tex.j2").render()
        main = files[MAIN]
        # the real one starts a line; the words may also appear in the preamble's comments
        begin = re.search(r"^\\begin\{document\}", main, re.M)
        if begin is None:
            raise UserError("the template's main file has no \\begin{document}; cannot add change marks")
        files[MAIN] = main[:begin.start()] + partial + main[begin.start():]
        tex_dir = out.parent / f"{out.stem}-tex"   # kept: the LaTeX log is there when a build fails
        build.write_tex(tex_dir, files)
        build.copy_assets(doc, tex_dir)
        build.compile_pdf(tex_dir, MAIN, out)
