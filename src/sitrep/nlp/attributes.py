"""The model's attribute ruler (tag -> POS, morphology and lemma exceptions), applied by dictionary lookups.

Takes a parsed spaCy `Doc` (tagger and parser run, attribute ruler not) and gives the same `Doc` with exactly
the attributes spaCy's own `AttributeRuler` would set: the same rules, read from the loaded component, matched
against the tokens as they were before any rule fired, and applied in the component's order (rule by rule, then
left to right). spaCy runs these ~180 rules through its general `Matcher`, which costs about as much as the
tagger on short texts; here most rules are found by a dictionary lookup on the token's tag or lower-cased form.
`tests/nlp/test_attributes.py` checks the two give identical tokens on real report text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

KEYS = ("TAG", "LOWER", "DEP", "IS_SPACE")


def _predicate(key: str, wanted):
    """A test on one token attribute value, as the Matcher reads a pattern value."""
    if isinstance(wanted, dict):
        if set(wanted) == {"IN"}:
            allowed = frozenset(wanted["IN"])
            return lambda value: value in allowed
        if set(wanted) == {"NOT_IN"}:
            banned = frozenset(wanted["NOT_IN"])
            return lambda value: value not in banned
        if set(wanted) == {"REGEX"}:
            regex = re.compile(wanted["REGEX"])
            return lambda value: bool(regex.search(value))
        raise ValueError(f"unsupported attribute-ruler pattern value for {key}: {wanted!r}")
    return lambda value: value == wanted


@dataclass
class Rule:
    order: int  # the ruler's rule number: later rules win
    specs: list  # per token: list of (attribute position, predicate)
    attrs: dict
    index: int  # which token of the match gets the attributes


def _index_keys(first: dict) -> list[tuple[int, str]]:
    """The (attribute, value) lookups under which a rule's first token can be found: one per value it accepts."""
    for name in ("LOWER", "TAG", "DEP", "IS_SPACE"):  # the word first: it narrows most
        wanted = first.get(name)
        if isinstance(wanted, (str, bool)):
            return [(KEYS.index(name), wanted)]
        if isinstance(wanted, dict) and set(wanted) == {"IN"}:
            return [(KEYS.index(name), value) for value in wanted["IN"]]
    return []


class FastAttributeRuler:
    def __init__(self, ruler):
        self.rules: list[Rule] = []
        by_first: dict[tuple[int, str], list[Rule]] = {}
        unkeyed: list[Rule] = []
        for order, (attrs, index) in enumerate(zip(ruler.attrs, ruler.indices)):
            _, patterns = ruler.matcher.get(str(order))
            for pattern in patterns:
                specs = []
                for token_spec in pattern:
                    unknown = set(token_spec) - set(KEYS)
                    if unknown:
                        raise ValueError(f"unsupported attribute-ruler pattern keys: {sorted(unknown)}")
                    specs.append([(KEYS.index(key), _predicate(key, value)) for key, value in token_spec.items()])
                rule = Rule(order, specs, attrs, index)
                self.rules.append(rule)
                keys = _index_keys(pattern[0])
                for key in keys:
                    by_first.setdefault(key, []).append(rule)
                if not keys:
                    unkeyed.append(rule)
        self.by_first = by_first
        self.unkeyed = unkeyed

    def __call__(self, doc):
        from spacy.tokens._retokenize import set_token_attrs

        values = [(t.tag_, t.lower_, t.dep_, t.is_space) for t in doc]
        size, by_first, unkeyed = len(values), self.by_first, self.unkeyed
        matches = []
        for start, value in enumerate(values):
            for candidates in (by_first.get((0, value[0])), by_first.get((1, value[1])), by_first.get((2, value[2])),
                               by_first.get((3, value[3])), unkeyed):
                for rule in candidates or ():
                    end = start + len(rule.specs)
                    if end <= size and _matches(rule.specs, values, start):
                        matches.append((rule.order, start, end, rule))
        matches.sort(key=lambda m: (m[0], m[1], m[2]))
        for _, start, end, rule in matches:
            set_token_attrs(doc[(start if rule.index >= 0 else end) + rule.index], rule.attrs)
        return doc


def _matches(specs, values, start: int) -> bool:
    for offset, spec in enumerate(specs):
        token = values[start + offset]
        for position, test in spec:
            if not test(token[position]):
                return False
    return True
