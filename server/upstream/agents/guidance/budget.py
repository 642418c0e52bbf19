"""Fitting guidance into a size budget, in characters of the text ``upstream export`` writes.

Characters, not tokens: they need no tokenizer, and the limits the assistants document are
in bytes or characters (a token is about four characters of English or code). When the text
is over budget, the code examples go first, then whole pairs; each least severe first and,
within a severity, the last in the text first. The same packs and budget always give the
same cut.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from .pairs import Pair

# One possible cut: ("example" | "pair", section number, pair number in that section).
_Step = tuple[str, int, int]


@dataclass(frozen=True)
class Cut:
    """What one section lost to the budget, counted in rules (a pair may teach several)."""

    rules: int = 0  # all the rules of the section
    left_out: int = 0  # rules whose pair was dropped
    without_example: int = 0  # rules kept, but without their example

    def __bool__(self) -> bool:
        return bool(self.left_out or self.without_example)

    def describe(self, budget: int) -> str:
        parts = []
        if self.left_out:
            verb = "is" if self.left_out == 1 else "are"
            parts.append(f"{self.left_out} of its {self.rules} rules {verb} left out")
        if self.without_example:
            verb = "is" if self.without_example == 1 else "are"
            parts.append(f"{self.without_example} {verb} shown without an example")
        return (
            f"To fit the {budget}-character budget, " + " and ".join(parts) + " (the least "
            "severe first); `upstream rules` lists them all"
        )


@dataclass(frozen=True)
class Fitted:
    pairs: tuple[Pair, ...]
    cut: Cut


def _rules(pairs: Sequence[Pair]) -> int:
    return sum(len(pair.rules) for pair in pairs)


def _drop_order(sections: Sequence[Sequence[Pair]]) -> list[_Step]:
    """Every possible cut, in the order they are made."""
    ranked = sorted(
        (
            (pair.rank, index, number)
            for number, pairs in enumerate(sections)
            for index, pair in enumerate(pairs)
        ),
        reverse=True,
    )
    examples = [
        ("example", number, index)
        for _, index, number in ranked
        if sections[number][index].examples
    ]
    pairs = [("pair", number, index) for _, index, number in ranked]
    return examples + pairs


def _apply(sections: Sequence[Sequence[Pair]], steps: Sequence[_Step]) -> list[Fitted]:
    bare = {(number, index) for kind, number, index in steps if kind == "example"}
    dropped = {(number, index) for kind, number, index in steps if kind == "pair"}
    fitted = []
    for number, pairs in enumerate(sections):
        kept = [
            replace(pair, examples=()) if (number, index) in bare else pair
            for index, pair in enumerate(pairs)
            if (number, index) not in dropped
        ]
        left_out = [pair for index, pair in enumerate(pairs) if (number, index) in dropped]
        without = [
            pair
            for index, pair in enumerate(pairs)
            if (number, index) in bare and (number, index) not in dropped
        ]
        cut = Cut(_rules(pairs), _rules(left_out), _rules(without))
        fitted.append(Fitted(tuple(kept), cut))
    return fitted


def fit(
    sections: Sequence[Sequence[Pair]],
    render: Callable[[list[Fitted]], str],
    budget: int | None,
) -> list[Fitted]:
    """The shortest prefix of the cuts for which ``render`` (of one pair list per section)
    is at most ``budget`` characters; ``None`` keeps everything. When even the headings do
    not fit, everything is cut."""
    order = _drop_order(sections)
    whole = _apply(sections, [])
    if budget is None or len(render(whole)) <= budget:
        return whole

    def fits(count: int) -> bool:
        return len(render(_apply(sections, order[:count]))) <= budget

    # Each cut shortens the text while the note about the cuts grows by a few characters at
    # most, so bisect on the nearly monotonic predicate, then step on until it really fits.
    low, high = 1, len(order)
    while low < high:
        middle = (low + high) // 2
        if fits(middle):
            high = middle
        else:
            low = middle + 1
    while low < len(order) and not fits(low):
        low += 1
    return _apply(sections, order[:low])
