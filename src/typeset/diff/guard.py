"""Writing an import into a folder without ever losing the student's edits.

Interface for `typeset import` (the importer builds every output file in memory, then calls):

    from typeset.diff.guard import write_import
    report = write_import(out_dir, {"thesis.yaml": yaml_text,
                                    "chapters/01-introduction.md": md_text, ...},
                          force=args.force)
    report.print()           # summary + word diff of each kept file, to stderr (rich)
    # report.kept / report.written / report.overwritten / report.unchanged: lists of relative paths

What happens to each file (paths relative to out_dir, POSIX style):
- missing                                  -> written;
- same bytes as the new version            -> left alone ("unchanged");
- as the last import wrote it (hash in the manifest) -> replaced by the new version ("updated");
- edited by the student (hash differs from the manifest, or there is no manifest: existing files
  are then the student's) -> never overwritten: the new version goes beside it as
  `NN-x.imported.md` (`thesis.imported.yaml`), and the word diff is shown ("kept");
  with force=True the file is overwritten after a copy is saved in
  out_dir/.typeset-backup/<YYYYmmdd-HHMMSS>/<path> ("overwritten").
- A new chapter whose file name changed (renumbered, renamed by the student) but whose heading
  matches an existing chapter file that this import does not write is compared against that file.
- Files in the folder that this import does not produce are left alone and listed.
The manifest out_dir/.typeset/import-manifest.json records the sha256 of every file as imported.
Every write is atomic (typeset.fsutil.atomic_write). `*.imported.*` files are never read as
chapters by `typeset diff`; the build must skip `chapters/*.imported.md` too.
"""
from __future__ import annotations

import hashlib
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from typeset.errors import UserError
from typeset.fsutil import atomic_write

MANIFEST = Path(".typeset") / "import-manifest.json"
BACKUP = ".typeset-backup"


def sha(data: str | bytes) -> str:
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


def imported_name(rel: str) -> str:
    """chapters/01-intro.md -> chapters/01-intro.imported.md; thesis.yaml -> thesis.imported.yaml"""
    p = Path(rel)
    return (p.parent / f"{p.stem}.imported{p.suffix}").as_posix()


@dataclass
class GuardReport:
    folder: Path
    written: list[str] = field(default_factory=list)      # new files
    updated: list[str] = field(default_factory=list)      # unedited files replaced by the new import
    unchanged: list[str] = field(default_factory=list)
    kept: list[tuple[str, str]] = field(default_factory=list)         # (student's file, new version beside it)
    overwritten: list[tuple[str, str]] = field(default_factory=list)  # (file, backup path)
    untouched: list[str] = field(default_factory=list)    # in the folder, not produced by this import
    diffs: dict[str, list] = field(default_factory=dict)  # kept file -> diff entries (typeset.diff.compare)

    def print(self, console=None) -> None:
        from rich.console import Console

        from typeset.diff.output import print_entries

        console = console or Console(stderr=True, highlight=False)
        for rel, new in self.kept:
            console.print(f"[bold yellow]kept[/] {rel}: you edited it; the new import is in {new}", soft_wrap=True)
            print_entries(self.diffs.get(rel, []), console, indent=2)
        for rel, backup in self.overwritten:
            console.print(f"[bold red]overwritten[/] {rel} (--force); your version is saved as {backup}",
                          soft_wrap=True)
        if self.untouched:
            console.print(f"left as is (not produced by this import): {', '.join(self.untouched)}")
        console.print(f"{len(self.written)} written, {len(self.updated)} updated, "
                      f"{len(self.unchanged)} unchanged, {len(self.kept)} kept, "
                      f"{len(self.overwritten)} overwritten in {self.folder}")


def read_manifest(folder: Path) -> dict[str, str]:
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (ValueError, UnicodeDecodeError):
        raise UserError(f"{folder / MANIFEST}: damaged import manifest; move it away and import again "
                        f"(existing files will then be treated as yours and kept)") from None
    files = data.get("files") if isinstance(data, dict) else None
    return {str(k): str(v) for k, v in files.items()} if isinstance(files, dict) else {}


def _chapter_title(text: str) -> str:
    for line in text.splitlines():
        if line.startswith("# "):
            return " ".join(line[2:].split())
    return ""


def _renamed_targets(folder: Path, files: dict[str, str]) -> dict[str, str]:
    """New chapter path -> existing chapter path with the same heading, when the names differ."""
    from rapidfuzz import fuzz

    out: dict[str, str] = {}
    claimed = set(files)
    for rel, text in files.items():
        p = folder / rel
        if p.exists() or p.suffix != ".md" or not p.parent.is_dir():
            continue
        title = _chapter_title(text)
        best, best_score = None, 0.0
        for other in sorted(p.parent.glob("*.md")):
            orel = other.relative_to(folder).as_posix()
            if orel in claimed or ".imported." in other.name:
                continue
            score = fuzz.ratio(title, _chapter_title(other.read_text(encoding="utf-8", errors="replace")))
            if title and score >= 85 and score > best_score:
                best, best_score = orel, score
        if best:
            out[rel] = best
            claimed.add(best)
    return out


def _backup(folder: Path, rel: str, stamp: str) -> str:
    dest = Path(BACKUP) / stamp / rel
    atomic_write(folder / dest, (folder / rel).read_bytes())
    return dest.as_posix()


def write_import(folder: Path | str, files: dict[str, str], force: bool = False) -> GuardReport:
    """Write `files` ({relative path: text}) into `folder`, keeping every edit of the student."""
    from typeset.diff.compare import compare_texts

    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise UserError(f"{folder}: exists and is not a folder")
    for rel in files:
        if Path(rel).is_absolute() or ".." in Path(rel).parts:
            raise UserError(f"import output path outside the folder: {rel}")
    manifest = read_manifest(folder)
    new_manifest = dict(manifest)
    report = GuardReport(folder)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    renamed = _renamed_targets(folder, files)
    for rel, text in files.items():
        target = renamed.get(rel, rel)
        path = folder / target
        new_hash = sha(text)
        if not path.exists():
            atomic_write(path, text)
            report.written.append(rel)
            new_manifest[rel] = new_hash
            continue
        current = path.read_bytes()
        cur_hash = sha(current)
        if cur_hash == new_hash:
            report.unchanged.append(target)
            new_manifest[target] = new_hash
        elif manifest.get(target) == cur_hash:
            atomic_write(path, text)          # our own output, never edited: just update it
            report.updated.append(target)
            new_manifest[target] = new_hash
        elif force:
            report.overwritten.append((target, _backup(folder, target, stamp)))
            atomic_write(path, text)
            new_manifest[target] = new_hash
        else:
            beside = imported_name(target)
            bpath = folder / beside
            if bpath.exists() and manifest.get(beside) != sha(bpath.read_bytes()):
                _backup(folder, beside, stamp)   # even an edited .imported file is not lost
            atomic_write(bpath, text)
            new_manifest[beside] = new_hash
            report.kept.append((target, beside))
            if isinstance(text, str):        # an image (figures/) has no word diff
                report.diffs[target] = compare_texts(current.decode("utf-8", errors="replace"),
                                                     text, old_name=target, new_name=beside)
    written = {renamed.get(r, r) for r in files} | {b for _, b in report.kept}
    for sub in sorted({Path(r).parent for r in written}):
        d = folder / sub
        for f in sorted(d.glob("*.md")) if d.is_dir() else []:
            rel = f.relative_to(folder).as_posix()
            if rel not in written and ".imported." not in f.name:
                report.untouched.append(rel)
    atomic_write(folder / MANIFEST, json.dumps({"version": 1, "files": dict(sorted(new_manifest.items()))},
                                               ensure_ascii=False, indent=1) + "\n")
    return report
