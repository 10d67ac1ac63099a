"""Train the learnt event-typing classifier (`sitrep ... --typing learnt`) from the development gold sets.

    .venv/bin/python scripts/train_typing.py

Examples (sentence -> ACLED sub-event type, or "(none)" for no ACLED type):
  * tests/gold/world/dev: for each annotated event, the sentence holding its verbatim cue; every sentence of
    an out-of-scope passage is "(none)";
  * the Guardian development sets (tests/gold/guardian, guardian-dev2, guardian-dev3): each event's evidence
    sentence, "(none)" where the event has no ACLED type (statements, talks, ...).
Held-out sets (tests/gold/world/heldout, guardian-fresh, guardian-dev4) are never read.

Each sentence is embedded with all-MiniLM-L6-v2 (src/sitrep/nlp/embed.py) and a multinomial logistic
regression (L2, written here in NumPy) is fitted. The weights go to src/sitrep/data/typing_model.npz.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sitrep.nlp.embed import embed  # noqa: E402
from sitrep.nlp.pipeline import split_text  # noqa: E402

NONE = "(none)"
GUARDIAN_DEV = ("guardian", "guardian-dev2", "guardian-dev3")
OUT = ROOT / "src" / "sitrep" / "data" / "typing_model.npz"
C = 16.0  # inverse regularisation strength (as scikit-learn's C), chosen on batches 7 and 8 before they were tuned on
STEPS = 3000


def sentences_of(text: str) -> list[tuple[int, int, str]]:
    out, offset = [], 0
    for paragraph in text.split("\n"):
        for start, end in split_text(paragraph):
            out.append((offset + start, offset + end, paragraph[start:end]))
        offset += len(paragraph) + 1
    return out


def world_examples() -> list[tuple[str, str]]:
    return [(sentence, label) for _, sentence, label in world_examples_by_passage()]


def world_examples_by_passage() -> list[tuple[Path, str, str]]:
    """(passage file, sentence, label) of each world dev example."""
    examples = []
    for path in sorted((ROOT / "tests" / "gold" / "world" / "dev").glob("*.json")):
        passage = json.loads(path.read_text(encoding="utf-8"))
        spans = sentences_of(passage["text"])
        if not passage["events"]:
            examples += [(path, text, NONE) for _, _, text in spans]
            continue
        for event in passage["events"]:
            at = passage["text"].find(event["cue"])
            sentence = next((text for start, end, text in spans if start <= at < end), None)
            if sentence:
                examples.append((path, sentence, event.get("sub_event_type") or NONE))
    return examples


def guardian_examples() -> list[tuple[str, str]]:
    examples = []
    for folder in GUARDIAN_DEV:
        for path in sorted((ROOT / "tests" / "gold" / folder).glob("*.json")):
            for event in json.loads(path.read_text(encoding="utf-8")).get("events") or []:
                if event.get("evidence"):
                    examples.append((event["evidence"], event.get("sub_event_type") or NONE))
    return examples


def fit(x: np.ndarray, y: np.ndarray, classes: int) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression, mean cross-entropy + |W|^2 / (2 C n), by full-batch Adam."""
    n, d = x.shape
    w, b = np.zeros((classes, d)), np.zeros(classes)
    onehot = np.eye(classes)[y]
    lam = 1.0 / (C * n)
    m_w, v_w, m_b, v_b = np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)
    for step in range(1, STEPS + 1):
        logits = x @ w.T + b
        logits -= logits.max(1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(1, keepdims=True)
        g_w = (p - onehot).T @ x / n + lam * w
        g_b = (p - onehot).mean(0)
        for g, m, v, param in ((g_w, m_w, v_w, w), (g_b, m_b, v_b, b)):
            m *= 0.9
            m += 0.1 * g
            v *= 0.999
            v += 0.001 * g * g
            param -= 0.05 * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
    return w.astype(np.float32), b.astype(np.float32)


def main() -> None:
    world, guardian = world_examples(), guardian_examples()
    examples = world + guardian
    labels = sorted({label for _, label in examples})
    index = {label: i for i, label in enumerate(labels)}
    x = embed([text for text, _ in examples]).astype(np.float64)
    y = np.array([index[label] for _, label in examples])
    w, b = fit(x, y, len(labels))
    train_accuracy = float(((x @ w.T + b).argmax(1) == y).mean())
    np.savez(OUT, weights=w, bias=b, labels=np.array(labels))
    counts = Counter(label for _, label in examples)
    print(f"{len(examples)} sentences ({len(world)} world dev, {len(guardian)} Guardian dev), "
          f"{len(labels)} labels; training accuracy {train_accuracy:.3f}; written {OUT.relative_to(ROOT)}")
    for label, count in counts.most_common():
        print(f"  {count:4d}  {label}")


if __name__ == "__main__":
    main()
