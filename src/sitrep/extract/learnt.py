"""Learnt event typing (`--typing learnt`): an article's typed events in, the same events with their ACLED
type re-decided by a classifier where it is confident, out.

The classifier (data/typing_model.npz, trained by scripts/train_typing.py on the development gold sets only)
is a logistic regression over the all-MiniLM-L6-v2 embedding of the sentence that first tells the event.
It only changes one ACLED sub-event type for another, on events the rules typed; it never creates an event,
never moves one into or out of ACLED's scope (on the Guardian gold sets that cost true events and removed no
false ones), and leaves statements, talks and other diplomacy alone. Where it overrides the rules,
the decision is kept with the event's first evidence entry ("typing": the label, its probability, and what
the rules had said), so an analyst can see which of the two typed it.
"""
from __future__ import annotations

import functools
from collections import Counter

import numpy as np

from ..model import Event
from .lexicon import DATA_DIR, read_rows

NONE = "(none)"
TERRITORY = {"Government regains territory", "Non-state actor overtakes territory", "Non-violent transfer of territory"}
THRESHOLD = 0.5  # the classifier decides only above this probability (chosen on batches 7 and 8 before tuning)


@functools.lru_cache(maxsize=1)
def classifier() -> tuple[np.ndarray, np.ndarray, list[str]]:
    data = np.load(DATA_DIR / "typing_model.npz", allow_pickle=False)
    return data["weights"], data["bias"], [str(label) for label in data["labels"]]


@functools.lru_cache(maxsize=1)
def type_of_sub_type() -> dict[str, tuple[str, str]]:
    """sub-event type -> (event type, the PLOVER type the lexicons most often give it)."""
    votes: dict[str, Counter] = {}
    for name in ("event_triggers.tsv", "typing_rules.tsv"):
        for row in read_rows(DATA_DIR / name):
            if row["event_type"] not in ("-", "") and not row["sub_event_type"].startswith("{"):
                votes.setdefault(row["sub_event_type"], Counter())[(row["event_type"], row["plover_type"])] += 1
    territory = ("Battles", "ASSAULT")
    out = {sub: counter.most_common(1)[0][0] for sub, counter in votes.items()}
    out.setdefault("Government regains territory", territory)
    out.setdefault("Non-state actor overtakes territory", territory)
    return out


def _eligible(event: Event) -> bool:
    return event.status != "planned" and event.sub_event_type is not None and bool(event.evidence)


def predict(sentences: list[str]) -> list[tuple[str, float]]:
    """(label, probability) of each sentence."""
    from ..nlp.embed import embed

    weights, bias, labels = classifier()
    logits = embed(sentences) @ weights.T + bias
    logits -= logits.max(1, keepdims=True)
    probabilities = np.exp(logits)
    probabilities /= probabilities.sum(1, keepdims=True)
    best = probabilities.argmax(1)
    return [(labels[i], float(probabilities[row, i])) for row, i in enumerate(best)]


def retype(events: list[Event]) -> list[Event]:
    """Re-decide the ACLED type of each eligible event where the classifier is confident; the events changed."""
    eligible = [e for e in events if _eligible(e)]
    changed: list[Event] = []
    if not eligible:
        return changed
    for event, (label, probability) in zip(eligible, predict([e.evidence[0]["sentence"] for e in eligible])):
        current = event.sub_event_type or NONE
        if probability < THRESHOLD or label == current or label == NONE:
            continue  # it changes one ACLED type for another; what is in ACLED's scope stays the rules' call
        if current in TERRITORY and label not in TERRITORY:
            continue  # ACLED's precedence: a place changing hands outranks the weapons and fighting that took it
        changed.append(event)
        event.evidence[0]["typing"] = {"by": "learnt classifier", "sub_event_type": label,
                                       "probability": round(probability, 3), "rules": current}
        event_type, plover = type_of_sub_type().get(label, (None, event.plover_type))
        if event_type is None:
            continue
        if event.event_type is None or event.event_type != event_type:
            event.plover_type = plover
        event.event_type, event.sub_event_type = event_type, label
    return changed
