"""`typeset new DIR [--template NAME]`: a thesis folder to start from, every part a TODO placeholder.

The folder builds at once (`typeset build DIR`); the build lists each thesis.yaml TODO left.
"""
from __future__ import annotations

import os
from pathlib import Path

import yaml

from typeset.config import find_template, is_path
from typeset.errors import UserError
from typeset.fsutil import atomic_write

PAIRS = [("title", "ชื่อเรื่องภาษาไทย", "English title"), ("author", "ชื่อ นามสกุล", "Name Surname"),
         ("degree", "ชื่อปริญญา เช่น วิทยาศาสตรมหาบัณฑิต", "Degree, e.g. Master of Science"),
         ("program", "สาขาวิชา", "Program"), ("faculty", "คณะ", "Faculty"),
         ("university", "มหาวิทยาลัย", "University"), ("advisor", "อาจารย์ที่ปรึกษา", "Advisor")]

FRONT = {
    "frontmatter/abstract-th.md": "TODO: บทคัดย่อภาษาไทย (ย่อหน้าเดียวหรือหลายย่อหน้า)\n",
    "frontmatter/abstract-en.md": "TODO: English abstract.\n",
    "frontmatter/acknowledgements.md": "TODO: กิตติกรรมประกาศ\n",
    "frontmatter/preface.md": "TODO: คำนำ\n",
    "frontmatter/biography.md": "TODO: ประวัติผู้เขียน (การศึกษา การทำงาน)\n",
}

CHAPTER = """# บทนำ {#sec:intro}

## ที่มาและความสำคัญของปัญหา

TODO: เขียนที่มาและความสำคัญ อ้างถึงหัวข้ออื่นได้ด้วย @sec:objectives

## วัตถุประสงค์ของการวิจัย {#sec:objectives}

{.section-numbered}
1. TODO: วัตถุประสงค์ข้อที่ 1
2. TODO: วัตถุประสงค์ข้อที่ 2
"""


def thesis_yaml(template: str) -> str:
    def q(text: str) -> str:
        return yaml.safe_dump(text, allow_unicode=True, default_style='"').strip()

    lines = ["# Written by `typeset new`. Replace every TODO: (the build lists those left);",
             "# docs/format.md describes each key.",
             f"template: {q(template)}"]
    for key, th, en in PAIRS:
        lines.append(f"{key}: {{th: {q('TODO: ' + th)}, en: {q('TODO: ' + en)}}}")
    lines += [f"year: {q('TODO: ปีการศึกษา (พ.ศ.) เช่น 2568')}",
              f"committee: [{q('TODO: ประธานกรรมการ')}, {q('TODO: กรรมการ')}]",
              "keywords: {th: [], en: []}",
              "words: []                  # words never broken across lines, e.g. [\"ปูติน\"]",
              "# abbreviations: {ASEAN: สมาคมประชาชาติแห่งเอเชียตะวันออกเฉียงใต้}",
              "# symbols: {'$\\alpha$': ระดับนัยสำคัญ}",
              "# logo: figures/logo.png", ""]
    return "\n".join(lines)


def create(folder: Path, template: str | None) -> list[Path]:
    if folder.exists() and not folder.is_dir():
        raise UserError(f"{folder}: is a file, not a folder")
    if folder.is_dir() and any(folder.iterdir()):
        raise UserError(f"{folder}: folder is not empty; `typeset new` writes only into a new or "
                        "empty folder (nothing was changed)")
    name = template or "thai-thesis"
    # a path is relative to where the user is; thesis.yaml then names it relative to the folder
    tdir = find_template(name, Path.cwd())
    if is_path(name):
        name = os.path.relpath(tdir, folder.resolve())
    files = {"thesis.yaml": thesis_yaml(str(name)), **FRONT, "chapters/01-introduction.md": CHAPTER}
    written = []
    for rel, text in files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, text)
        written.append(path)
    (folder / "figures").mkdir(exist_ok=True)
    return written


def run(args) -> int:
    folder = Path(args.folder)
    written = create(folder, args.template)
    print(f"wrote {len(written)} files to {folder}: thesis.yaml, chapters/01-introduction.md, "
          f"frontmatter/*.md; build it with `typeset build {folder}`")
    return 0
