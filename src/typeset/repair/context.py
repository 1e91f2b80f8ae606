"""State shared by the passes of one repair run."""
from __future__ import annotations

from dataclasses import dataclass, field

from .lexicon import Lexicon
from .report import RepairReport


@dataclass
class Context:
    raw: list[str]                                   # the input lines, untouched
    report: RepairReport = field(default_factory=RepairReport)
    _lexicon: Lexicon | None = None

    @property
    def lexicon(self) -> Lexicon:
        if self._lexicon is None:
            self._lexicon = Lexicon()
        return self._lexicon

    def document_vocabulary(self, lines: list[str]) -> "Counter[str]":
        """Counts of the Thai words the document itself spells (dictionary segmentation)."""
        from collections import Counter

        from .thaichars import THAI_RUN, run_valid

        toks = self.lexicon.tokenize("\n".join(lines))
        return Counter(t for t in toks if THAI_RUN.fullmatch(t) and run_valid(t))
