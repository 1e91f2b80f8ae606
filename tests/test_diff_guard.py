"""The import guard: re-importing never overwrites what the student edited."""
import json
from pathlib import Path

import pytest
from rich.console import Console

from typeset.diff.guard import MANIFEST, write_import
from typeset.errors import UserError

FIX = Path(__file__).parent / "fixtures" / "diff" / "thesis"


def imported(**changes):
    files = {p.relative_to(FIX).as_posix(): p.read_text(encoding="utf-8")
             for p in sorted(FIX.rglob("*")) if p.is_file()}
    for rel, (a, b) in changes.items():
        assert a in files[rel]
        files[rel] = files[rel].replace(a, b, 1)
    return files


def shown(report) -> str:
    console = Console(record=True, no_color=True, width=10_000, file=open("/dev/null", "w"))
    report.print(console)
    return console.export_text()


def test_first_import_writes_files_and_manifest(tmp_path):
    files = imported()
    report = write_import(tmp_path, files)
    assert sorted(report.written) == sorted(files)
    for rel, text in files.items():
        assert (tmp_path / rel).read_text(encoding="utf-8") == text
    manifest = json.loads((tmp_path / MANIFEST).read_text(encoding="utf-8"))
    assert set(manifest["files"]) == set(files)


def test_reimport_of_same_text_leaves_files(tmp_path):
    write_import(tmp_path, imported())
    mtime = (tmp_path / "chapters/01-introduction.md").stat().st_mtime_ns
    report = write_import(tmp_path, imported())
    assert len(report.unchanged) == 4 and not report.written and not report.kept
    assert (tmp_path / "chapters/01-introduction.md").stat().st_mtime_ns == mtime


def test_unedited_file_is_updated_by_a_newer_import(tmp_path):
    write_import(tmp_path, imported())
    report = write_import(tmp_path, imported(**{"chapters/03-method.md": ("8 คน", "9 คน")}))
    assert report.updated == ["chapters/03-method.md"]
    assert "9 คน" in (tmp_path / "chapters/03-method.md").read_text(encoding="utf-8")


def test_edited_chapter_is_left_untouched_and_new_version_written_beside(tmp_path):
    write_import(tmp_path, imported())
    chapter = tmp_path / "chapters/03-method.md"
    mine = chapter.read_text(encoding="utf-8").replace("จำนวนห้าประเทศ", "จำนวนหกประเทศ")
    chapter.write_text(mine, encoding="utf-8")
    report = write_import(tmp_path, imported(**{"chapters/03-method.md": ("8 คน", "9 คน")}))
    assert chapter.read_text(encoding="utf-8") == mine
    assert report.kept == [("chapters/03-method.md", "chapters/03-method.imported.md")]
    beside = (tmp_path / "chapters/03-method.imported.md").read_text(encoding="utf-8")
    assert "9 คน" in beside and "จำนวนห้าประเทศ" in beside
    text = shown(report)
    assert "kept chapters/03-method.md: you edited it" in text
    assert "[-หก-]{+ห้า+}" in text and "[-8-]{+9+}" in text
    # a third import still keeps the student's file
    write_import(tmp_path, imported())
    assert chapter.read_text(encoding="utf-8") == mine


def test_without_manifest_existing_files_are_the_students(tmp_path):
    (tmp_path / "chapters").mkdir()
    mine = "# บทนำ\n\nข้อความที่นักศึกษาเขียนเอง\n"
    (tmp_path / "chapters/01-introduction.md").write_text(mine, encoding="utf-8")
    report = write_import(tmp_path, imported())
    assert (tmp_path / "chapters/01-introduction.md").read_text(encoding="utf-8") == mine
    assert ("chapters/01-introduction.md", "chapters/01-introduction.imported.md") in report.kept


def test_force_overwrites_but_keeps_a_backup(tmp_path):
    write_import(tmp_path, imported())
    chapter = tmp_path / "chapters/02-literature.md"
    mine = chapter.read_text(encoding="utf-8") + "\nย่อหน้าที่เพิ่มเอง\n"
    chapter.write_text(mine, encoding="utf-8")
    new = imported()
    report = write_import(tmp_path, new, force=True)
    assert chapter.read_text(encoding="utf-8") == new["chapters/02-literature.md"]
    [(rel, backup)] = report.overwritten
    assert rel == "chapters/02-literature.md"
    assert backup.startswith(".typeset-backup/") and backup.endswith("/chapters/02-literature.md")
    assert (tmp_path / backup).read_text(encoding="utf-8") == mine
    assert "overwritten chapters/02-literature.md (--force)" in shown(report)


def test_student_renamed_chapter_is_matched_by_heading(tmp_path):
    write_import(tmp_path, imported())
    ch = tmp_path / "chapters"
    (ch / "02-literature.md").rename(ch / "02-review.md")
    report = write_import(tmp_path, imported())
    assert not (ch / "02-literature.md").exists()
    assert report.unchanged.count("chapters/02-review.md") == 1 and not report.written
    assert sorted(p.name for p in ch.glob("*.md") if ".imported." not in p.name) == \
        ["01-introduction.md", "02-review.md", "03-method.md"]
    # renamed and edited: the new version goes beside the student's file, not to the old name
    (ch / "02-review.md").write_text("# แนวคิด ทฤษฎี และงานวิจัยที่เกี่ยวข้อง\n\nของฉันเอง\n", encoding="utf-8")
    report = write_import(tmp_path, imported())
    assert report.kept == [("chapters/02-review.md", "chapters/02-review.imported.md")]
    assert not (ch / "02-literature.md").exists()


def test_files_not_in_this_import_are_left_and_listed(tmp_path):
    write_import(tmp_path, imported())
    extra = tmp_path / "chapters/04-extra.md"
    extra.write_text("# บทเพิ่มเติม\n\nเนื้อหา\n", encoding="utf-8")
    report = write_import(tmp_path, imported())
    assert extra.read_text(encoding="utf-8") == "# บทเพิ่มเติม\n\nเนื้อหา\n"
    assert report.untouched == ["chapters/04-extra.md"]


@pytest.mark.parametrize("rel", ["../escape.md", "/abs.md"])
def test_paths_outside_the_folder_are_refused(tmp_path, rel):
    with pytest.raises(UserError):
        write_import(tmp_path / "out", {rel: "x"})


def test_damaged_manifest_is_a_user_error(tmp_path):
    write_import(tmp_path, imported())
    (tmp_path / MANIFEST).write_text("{not json", encoding="utf-8")
    with pytest.raises(UserError, match="manifest"):
        write_import(tmp_path, imported())
