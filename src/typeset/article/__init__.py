"""Import a news/journal article (raw text copied from a web page) into an article folder.

Interface for `typeset import` (typeset.importer dispatches here):

    looks_like_article(text) -> (bool, reason)      # reason: one line saying why
    import_article(text, out_dir, force=False, source_name="") -> ArticleReport
        writes out_dir/article.yaml, out_dir/body.md and out_dir/import-report.md (through the
        import guard: files the student edited are never overwritten silently);
        report.summary() is a few lines for the terminal, report.notices the things to check.

The folder format (article.yaml keys) is described in README.md, section "Articles".
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from typeset.article.dates import thai_date
from typeset.article.detect import looks_like_article
from typeset.article.parse import Article, parse_article
from typeset.notice import Notice, notices_markdown
from typeset.repair.spaces import Change, document_vocabulary, remove_spurious_spaces
from typeset.thai.numerals import to_arabic
from typeset.writers.markdown import blocks_markdown
from typeset.writers.yamltext import quoted as _q

__all__ = ["looks_like_article", "import_article", "ArticleReport", "build_files"]

TITLE_TODO = "TODO: the text has no title line; write the article's title here"


@dataclass
class ArticleReport:
    folder: Path
    article: Article
    changes: list[Change] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    guard: object | None = None
    kind: str = "article"

    @property
    def removed(self) -> int:
        return sum(c.applied for c in self.changes)

    @property
    def unsure(self) -> list[Change]:
        return [c for c in self.changes if c.unsure]

    def summary(self) -> str:
        a = self.article
        lines = [f"article: {len(a.paragraphs)} paragraphs written to {self.folder / 'body.md'}",
                 f"spaces inside words removed: {self.removed} ({len(self.unsure)} unsure, listed in "
                 f"{self.folder / 'import-report.md'})"]
        return "\n".join(lines + [f"note: {n.note}" for n in self.notices])

    def note(self, what: str, kind: str = "") -> None:
        """Something the text lacks (the whole document, no line)."""
        self.notices.append(Notice(what, stage="article", kind=kind))


def _yaml(art: Article) -> str:
    out = ["# Article metadata, written by `typeset import --kind article`. Edit freely;",
           "# `typeset build` reads it with body.md. Values are text, never LaTeX.",
           "template: article"]
    out.append(f"title: {_q(art.title or TITLE_TODO)}")
    if art.date:
        era = " (Buddhist Era year)" if art.date.year != int(to_arabic(art.dateline[-4:]) or 0) else ""
        out.append(f"date: {_q(art.date.isoformat())}    # from the dateline \"{art.dateline}\"{era}")
    else:
        out.append("date: \"TODO: no dateline found; write the date as YYYY-MM-DD\"")
    out.append(f"lead: {'true' if art.lead else 'false'}    # true: the first paragraph is a standfirst")
    s = art.source
    if s:
        out.append("source:                 # printed as a note after the text")
        out.append(f"  intro: {_q(s.intro or 'ที่มา')}")
        out.append(f"  title: {_q(s.title or 'TODO: source title')}")
        out.append(f"  publication: {_q(s.publication or 'TODO: publication')}")
        out.append(f"  date: {_q(s.date.isoformat() if s.date else 'TODO: YYYY-MM-DD')}")
        out.append(f"  url: {_q(s.url or 'TODO: URL')}")
    out.append("words: []               # extra words for Thai line breaking (names, terms)")
    return "\n".join(out) + "\n"


def _report_md(rep: ArticleReport) -> str:
    a = rep.article
    out = ["# Import report (article)", ""]
    out.append(f"- paragraphs: {len(a.paragraphs)}" + (" (the first is the lead)" if a.lead else ""))
    out.append(f"- title: {a.title or 'none found (placeholder TODO in article.yaml)'}")
    out.append(f"- date: {a.date.isoformat() + ' = ' + thai_date(a.date) + ' (from ' + a.dateline + ')' if a.date else 'none found'}")
    if a.source:
        out.append(f"- source: {a.source.title} / {a.source.publication} / "
                   f"{a.source.date.isoformat() if a.source.date else '?'} / {a.source.url}")
    out.append(f"- spaces inside words removed: {rep.removed}")
    out += [""] + notices_markdown("Notes", rep.notices, sort=False)
    out += ["## Unsure space decisions (check these)", "",
            "Paragraph numbers count the paragraphs of body.md from 1.", ""]
    out += [f"- paragraph {c.line}: {'removed' if c.applied else 'kept'} the space in "
            f"`{c.left} {c.right}` ({c.reason}, confidence {c.confidence:.2f})" for c in rep.unsure] or ["- none"]
    out += ["", "## All removed spaces", ""]
    out += [f"- paragraph {c.line}: `{c.left} {c.right}` -> `{c.left}{c.right}` ({c.reason})"
            for c in rep.changes if c.applied] or ["- none"]
    return "\n".join(out) + "\n"


def build_files(text: str, folder: Path, source_name: str = "") -> tuple[dict[str, str], ArticleReport]:
    """Everything the import writes, in memory: {relative path: text} and the report."""
    art = parse_article(text, source_name)
    vocab = document_vocabulary("\n".join(art.paragraphs))
    art.paragraphs, changes = remove_spurious_spaces(art.paragraphs, vocab)
    if art.title:
        (art.title,), more = remove_spurious_spaces([art.title], vocab)
        changes += [c for c in more if c.applied]
    rep = ArticleReport(folder=folder, article=art, changes=changes)
    if not art.title:
        rep.note("the text has no title line; article.yaml has a TODO placeholder for it")
    if not art.date:
        rep.note("no dateline found (a paragraph starting with a date such as 23 ก.ย. 2565)")
    if not art.source:
        rep.note("no source block found (เรียบเรียงจาก / ที่มา … with a URL)")
    elif not art.source.url:
        rep.note("the source block has no URL")
    files = {
        "article.yaml": _yaml(art),
        "body.md": blocks_markdown(art.body.blocks),
        "import-report.md": _report_md(rep),
    }
    return files, rep


def import_article(text: str, out_dir: Path | str, force: bool = False,
                   source_name: str = "") -> ArticleReport:
    from typeset.diff.guard import write_import

    folder = Path(out_dir)
    files, rep = build_files(text, folder, source_name)
    rep.guard = write_import(folder, files, force=force)
    return rep
