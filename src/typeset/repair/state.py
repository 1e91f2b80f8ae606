"""The one state a repair run's rules read and write (markdown-it-py's StateCore is the model).

Every rule gets the same `State`: the current lines (one per raw line, never joined or split),
the raw input, the report and the shared dictionary. A rule that needs to try a repair on
snippets (codes, isolated_codes) makes a `snippets` state: a real State of its own with
`trial=True`, the same dictionary and a report that is thrown away.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .lexicon import Lexicon
from .report import RepairReport


@dataclass
class State:
    lines: list[str] = field(default_factory=list)    # the text as repaired so far
    raw: list[str] = field(default_factory=list)      # the input lines, untouched
    report: RepairReport = field(default_factory=RepairReport)
    trial: bool = False        # snippets of a document, not a document: learn nothing from them
    # tokens per line from the last full look of `displaced` (its later looks reuse them)
    line_tokens: dict[str, list[str]] = field(default_factory=dict)
    # what rules learned about this document, for later rules (e.g. "vowels" -> its priors)
    learned: dict[str, object] = field(default_factory=dict)
    _lexicon: Lexicon | None = None

    @property
    def lexicon(self) -> Lexicon:
        if self._lexicon is None:
            self._lexicon = Lexicon()
        return self._lexicon

    def snippets(self, lines: list[str]) -> "State":
        """A state for trial repairs of independent snippets (same dictionary, own report)."""
        return State(list(lines), list(lines), RepairReport(), trial=True, _lexicon=self.lexicon)

    def document_vocabulary(self, lines: list[str]) -> Counter:
        """Counts of the Thai words the document itself spells (dictionary segmentation)."""
        from .thaichars import THAI_RUN, run_valid

        toks = self.lexicon.tokenize("\n".join(lines))
        return Counter(t for t in toks if THAI_RUN.fullmatch(t) and run_valid(t))
