"""What the repair did: counts per kind, learned maps, uncertain spots, dictionary coverage."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..notice import Notice, notices_markdown

STAGE = "repair"

@dataclass
class RepairReport:
    counts: Counter = field(default_factory=Counter)            # "pass:kind" -> n
    code_map: dict[str, str] = field(default_factory=dict)      # code char -> Thai text
    code_evidence: dict[str, str] = field(default_factory=dict)  # code char -> short reason
    digit_map: dict[str, str] = field(default_factory=dict)     # code char -> digit
    spot_codes: set[str] = field(default_factory=set)           # codes decoded at single spots only
    uncertain: list[Notice] = field(default_factory=list)      # spots to check, stage "repair"
    coverage_before: float = 0.0
    coverage_after: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)     # pass -> seconds (for benchmarks)
    abbreviation_marks: set[str] = field(default_factory=set)   # punctuation seen in "ค.ศ."-style use
    decisions: list[str] = field(default_factory=list)          # what was decided document-wide

    def decide(self, what: str) -> None:
        self.decisions.append(what)

    def count(self, kind: str, n: int = 1) -> None:
        if n:
            self.counts[kind] += n

    def flag(self, line: int, kind: str, text: str, note: str,
             confidence: float | None = None) -> None:
        """A spot to check: 1-based raw line, the rule's name, the spot as it reads now, why."""
        self.uncertain.append(Notice(note, stage=STAGE, kind=kind, line=line, text=text,
                                     confidence=confidence))

    def to_markdown(self) -> str:
        out = ["## Character repair", ""]
        out.append(f"Thai dictionary coverage: {self.coverage_before:.1%} before, "
                   f"{self.coverage_after:.1%} after.")
        out.append("")
        if self.decisions:
            out += ["Decided for this document:", ""] + [f"- {d}" for d in self.decisions] + [""]
        if self.counts:
            out += ["| repair | count |", "|---|---|"]
            out += [f"| {k} | {v} |" for k, v in sorted(self.counts.items())]
            out.append("")
        if self.code_map:
            out += ["Learned code → character map:", "", "| code | becomes | evidence |", "|---|---|---|"]
            for k, v in sorted(self.code_map.items()):
                out.append(f"| `{k}` (U+{ord(k):04X}) | {v} | {self.code_evidence.get(k, '')} |")
            out.append("")
        if self.digit_map:
            out += ["Learned digit codes:", "", "| code | digit |", "|---|---|"]
            out += [f"| `{k}` (U+{ord(k):04X}) | {v} |" for k, v in sorted(self.digit_map.items())]
            out.append("")
        if self.uncertain:  # in line order, each line's spots in the order the rules found them
            spots = sorted(self.uncertain, key=lambda u: u.line)
            out += notices_markdown("Uncertain spots", spots, sort=False)
        return "\n".join(out)


@dataclass
class RepairResult:
    lines: list[str]
    report: RepairReport

    @property
    def text(self) -> str:
        return "\n".join(self.lines)
