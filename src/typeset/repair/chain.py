"""A named chain of repair rules over one State (markdown-it-py's Ruler is the model).

Rules run in order; each reads `state.lines` and returns the new lines (same count: raw line
numbers survive). Asking for a rule that is not in the chain (to leave it out, or to put one
before it) is an error, never a silent skip.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Callable

from .state import State

RuleFn = Callable[[list[str], State], list[str]]


class UnknownRule(KeyError):
    pass


@dataclass(frozen=True)
class Rule:
    name: str
    fn: RuleFn


class Chain:
    def __init__(self, rules: list[tuple[str, RuleFn]]):
        self.rules: list[Rule] = []
        for name, fn in rules:
            self.push(name, fn)

    @property
    def names(self) -> list[str]:
        return [r.name for r in self.rules]

    def index(self, name: str) -> int:
        for i, r in enumerate(self.rules):
            if r.name == name:
                return i
        raise UnknownRule(f"no repair rule named {name!r} (rules: {', '.join(self.names)})")

    def push(self, name: str, fn: RuleFn) -> None:
        if name in self.names:
            raise ValueError(f"repair rule {name!r} is already in the chain")
        self.rules.append(Rule(name, fn))

    def before(self, anchor: str, name: str, fn: RuleFn) -> None:
        i = self.index(anchor)
        if name in self.names:
            raise ValueError(f"repair rule {name!r} is already in the chain")
        self.rules.insert(i, Rule(name, fn))

    def run(self, state: State, skip: tuple[str, ...] = ()) -> State:
        for name in skip:
            self.index(name)          # leaving out a rule that does not exist is a mistake
        for rule in self.rules:
            if rule.name in skip:
                continue
            t0 = time.perf_counter()
            new = rule.fn(state.lines, state)
            if len(new) != len(state.lines):
                raise RuntimeError(f"repair rule {rule.name} changed the number of lines")
            state.lines = new
            timings = state.report.timings
            timings[rule.name] = timings.get(rule.name, 0.0) + time.perf_counter() - t0
        return state
