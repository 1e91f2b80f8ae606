"""Images of a .docx -> files under figures/. PNG and JPEG are kept as they are; WMF is
converted to PNG with libwmf's wmf2gd when it is installed; anything else (EMF, TIFF, SVG
without a fallback) is reported, not guessed at.
"""
from __future__ import annotations

import hashlib
import shutil
import subprocess
import tempfile
from pathlib import Path

from typeset.source import nodes as n

KEPT = {"image/png": "png", "image/jpeg": "jpg", "image/jpg": "jpg", "image/pjpeg": "jpg"}
PDF_KEPT = {"application/pdf": "pdf"}
WMF = {"image/x-wmf", "image/wmf"}
CONVERT_TIMEOUT = 30
MAX_WIDTH = 1600   # px: sharp at a 6 in text width


class Media:
    def __init__(self, report):
        self.report = report
        self.files: dict[str, bytes] = {}     # figures/x.png -> bytes
        self._by_hash: dict[str, str] = {}

    def figure(self, rid: str, part, description: str, where: str) -> n.Figure | None:
        try:
            image_part = part.related_parts[rid]
        except KeyError:
            self.report.lost.append((where, "an image whose data is missing from the file"))
            return None
        blob, ctype = image_part.blob, image_part.content_type
        name = Path(str(image_part.partname)).stem or "image"
        path = self._store(blob, ctype, name, where)
        if path is None:
            return None
        caption = [n.Text(text=description)] if description.strip() else []
        self.report.count("images")
        return n.Figure(caption=caption, path=path)

    def _store(self, blob: bytes, ctype: str, name: str, where: str) -> str | None:
        digest = hashlib.sha256(blob).hexdigest()
        if digest in self._by_hash:
            return self._by_hash[digest]
        if ctype in KEPT or ctype in PDF_KEPT:
            data, ext = blob, (KEPT | PDF_KEPT)[ctype]
        elif ctype in WMF:
            (data, why), ext = wmf_to_png(blob), "png"
            if data is None:
                self.report.lost.append((where, f"a WMF image: {why}; or save it as PNG into figures/"))
                return None
            self.report.count("WMF images converted to PNG")
        else:
            self.report.lost.append((where, f"an image of type {ctype} (only PNG, JPEG and WMF are "
                                            "carried over): save it as PNG into figures/"))
            return None
        path = f"figures/{name}.{ext}"
        k = 2
        while path in self.files:
            path, k = f"figures/{name}-{k}.{ext}", k + 1
        self.files[path] = data
        self._by_hash[digest] = path
        return path


def wmf_to_png(blob: bytes) -> tuple[bytes | None, str]:
    """(PNG bytes, "") or (None, why not): wmf2gd missing, or its own first complaint (a libwmf
    without its fonts fails on every file that has text)."""
    tool = shutil.which("wmf2gd")
    if tool is None:
        return None, "install libwmf-bin (wmf2gd) to convert it"
    with tempfile.TemporaryDirectory(prefix="typeset-wmf-") as d:
        src, dst = Path(d) / "in.wmf", Path(d) / "out.png"
        src.write_bytes(blob)
        try:
            r = subprocess.run([tool, "-t", "png", f"--maxwidth={MAX_WIDTH}", "--maxpect", "-o", str(dst),
                                str(src)], capture_output=True, timeout=CONVERT_TIMEOUT, check=False)
        except (OSError, subprocess.TimeoutExpired) as e:
            return None, f"wmf2gd did not finish ({type(e).__name__})"
        if dst.is_file() and dst.stat().st_size:
            return dst.read_bytes(), ""
        said = (r.stderr or r.stdout).decode("utf-8", "replace").strip().splitlines()
        return None, f"wmf2gd could not convert it ({said[0][:100] if said else f'exit {r.returncode}'})"


def write_figures(folder: Path, files: dict[str, bytes], force: bool = False) -> list[str]:
    """Images into the thesis folder under the import guard's rules (typeset.diff.guard handles
    text): a figure the student replaced is never overwritten; the new one goes beside it as
    NAME.imported.EXT (with force: overwritten, a copy kept in .typeset-backup/). Returns notes."""
    import json
    import time

    from typeset.diff.guard import BACKUP, MANIFEST, imported_name, read_manifest, sha
    from typeset.fsutil import atomic_write

    manifest = read_manifest(folder)
    notes = []
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for rel, data in files.items():
        path = folder / rel
        new = sha(data)
        if path.exists():
            current = sha(path.read_bytes())
            if current == new:
                manifest[rel] = new
                continue
            if manifest.get(rel) != current:      # the student's own image
                if not force:
                    beside = imported_name(rel)
                    atomic_write(folder / beside, data)
                    manifest[beside] = sha(data)
                    notes.append(f"{rel}: changed since the last import, kept; the new one is {beside}")
                    continue
                atomic_write(folder / BACKUP / stamp / rel, path.read_bytes())
                notes.append(f"{rel}: overwritten (a copy is in {BACKUP}/{stamp}/)")
        atomic_write(path, data)
        manifest[rel] = new
    if files:
        atomic_write(folder / MANIFEST, json.dumps({"version": 1, "files": dict(sorted(manifest.items()))},
                                                   ensure_ascii=False, indent=1) + "\n")
    return notes
