"""Open a Word file with python-docx, or say in one line why it cannot be read.

.doc (Word 97-2003) is converted with LibreOffice in headless mode when it is installed. An
encrypted .docx is an OLE container holding an 'EncryptedPackage' stream: told apart from a .doc.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from typeset.errors import UserError
from typeset.fsutil import read_start

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
CONVERT_TIMEOUT = 180
MAX_MB = 200


def open_document(path: Path):
    """python-docx Document for `path` (.docx, .docm, or .doc via LibreOffice)."""
    head = read_start(path, 8, "a Word file")
    size = path.stat().st_size
    if size > MAX_MB * 2**20:
        raise UserError(f"{path}: file is {size / 2**20:.0f} MB, larger than the {MAX_MB} MB limit for a Word file")
    if head == OLE_MAGIC:
        data = path.read_bytes()
        if ENCRYPTED in data:
            raise UserError(f"{path}: the Word file is password-protected; open it in Word, remove the "
                            "password (File > Info > Protect Document) and save it again")
        return _from_doc(path)
    if not head.startswith(b"PK"):
        raise UserError(f"{path}: not a Word (.docx) file (it is not a zip package); save it from Word "
                        "as .docx")
    return _load(path, path)


def _load(path: Path, shown: Path):
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            bad = z.testzip()
    except zipfile.BadZipFile:
        raise UserError(f"{shown}: the Word file is damaged (broken zip package); open it in Word and "
                        "save it again") from None
    if bad is not None:
        raise UserError(f"{shown}: the Word file is damaged (part {bad} is corrupt); open it in Word "
                        "and save it again")
    if "word/document.xml" not in names and not any(n.endswith("document.xml") for n in names):
        raise UserError(f"{shown}: a zip file but not a Word document (no word/document.xml)")
    try:
        return docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError) as e:
        raise UserError(f"{shown}: not a Word document python-docx can read ({e})") from None
    except Exception as e:   # lxml's XMLSyntaxError and relatives: the XML inside is broken
        raise UserError(f"{shown}: the Word file is damaged ({type(e).__name__}: {str(e)[:80]})") from None


def _from_doc(path: Path):
    tool = shutil.which("soffice") or shutil.which("libreoffice")
    if tool is None:
        raise UserError(f"{path}: an old Word (.doc) file; open it in Word and save it as .docx (File > "
                        "Save As > Word Document), or install LibreOffice to convert it")
    with tempfile.TemporaryDirectory(prefix="typeset-doc-") as d:
        try:
            subprocess.run([tool, "--headless", "--convert-to", "docx", "--outdir", d, str(path)],
                           capture_output=True, timeout=CONVERT_TIMEOUT, check=False,
                           env={"HOME": d, "PATH": "/usr/bin:/bin"})
        except (OSError, subprocess.TimeoutExpired):
            raise UserError(f"{path}: LibreOffice could not convert this .doc file; save it as .docx "
                            "from Word") from None
        out = Path(d) / (path.stem + ".docx")
        if not out.is_file():
            raise UserError(f"{path}: LibreOffice could not convert this .doc file (damaged or "
                            "password-protected?); save it as .docx from Word")
        return _load(out, path)
