"""Choose the learnt typing's thresholds (src/sitrep/extract/learnt.py) on text the rules had not been tuned on.

    .venv/bin/python scripts/choose_typing_thresholds.py            # about 5 minutes on 2 CPUs

Why: the rules were written from the world dev passages, so on those passages they are nearly always right and
any check of "does the classifier's opinion help?" run on them says no. Held-out text is not like that. Each
world dev batch from batch 10 on was committed before any rule was written from it, so the code of the commit
the batch's helper started from had never seen it. This script (over batches 10a-18b, the ones there were when
the thresholds were chosen; add later batches to BATCHES to check them again):

1. finds that commit for each batch (the parent of the first commit that added its tests/gold/world/batchNN.md),
   checks it out in a temporary git worktree, and runs its rules on the batch's dev passages;
2. trains the classifier as scripts/train_typing.py does, leaving that batch's examples out;
3. replays learnt typing over those rules' events for a grid of OUT_OF_SCOPE_THRESHOLD (P("no ACLED type") at
   which a rules' type is taken away) and CREATE_THRESHOLD (the classifier's certainty needed to create the one
   event of a short report in which the rules found none), and prints weighted F1, coarse accuracy and the
   share of out-of-scope passages left untyped for each.

Held-out passages are never read. The replay reads each event's first evidence sentence and splits passages into
sentences as train_typing.py does, so its figures are close to, not the same as, `sitrep evaluate --typing learnt`.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

import train_typing  # noqa: E402
from sitrep.evaluate import main_label, typing_metrics  # noqa: E402
from sitrep.extract.learnt import NONE, SHORT_REPORT_CHARS, _acled_families, decision, softmax, surest  # noqa: E402

DEV = ROOT / "tests" / "gold" / "world" / "dev"
# (batch, first passage, last passage): the world dev batches annotated by helpers before any rule was written
BATCHES = [("10a", 717, 756), ("10b", 757, 796), ("11a", 797, 836), ("11b", 837, 876), ("12a", 877, 916),
           ("12b", 917, 956), ("13a", 957, 996), ("13b", 997, 1036), ("14a", 1037, 1076), ("14b", 1077, 1116),
           ("15a", 1117, 1156), ("15b", 1157, 1196), ("16a", 1197, 1236), ("16b", 1237, 1276), ("17a", 1277, 1316),
           ("17b", 1317, 1356), ("18a", 1357, 1396), ("18b", 1397, 1436)]

DUMP = r"""
import json, sys
from datetime import date
from pathlib import Path
from sitrep.model import RawDocument
from sitrep.nlp.pipeline import load_model
from sitrep.pipeline import Options, process_document
lo, hi, dev = int(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
nlp, options, out = load_model(), Options(selective=True, typing="rules"), {}
for path in sorted(dev.glob("*.json")):
    if not lo <= int(path.stem) <= hi:
        continue
    gold = json.loads(path.read_text(encoding="utf-8"))
    published = date.fromisoformat(gold["published"]) if gold.get("published") else None
    _, events = process_document(RawDocument(gold["text"], str(path), None, published, gold.get("outlet"), gold.get("url")), options, nlp)
    out[path.stem] = [dict(event_type=e.event_type, sub_event_type=e.sub_event_type, family=e.family, status=e.status,
                           sentence=e.evidence[0]["sentence"] if e.evidence else None) for e in events]
print(json.dumps(out))
"""


def git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(ROOT), *args], check=True, capture_output=True, text=True).stdout.strip()


def commit_before(batch: str) -> str:
    first = git("log", "--diff-filter=A", "--format=%H", "--", f"tests/gold/world/batch{batch}.md").split()[-1]
    return git("rev-parse", first + "^")


def unseen_rules_output(batch: str, lo: int, hi: int, scratch: Path) -> dict:
    """passage -> the events the rules of the code before the batch gave it."""
    commit = commit_before(batch)
    tree = scratch / batch
    git("worktree", "add", "--detach", str(tree), commit)
    try:
        run = subprocess.run([sys.executable, "-c", DUMP, str(lo), str(hi), str(DEV)], check=True, capture_output=True,
                             text=True, env={"PYTHONPATH": str(tree / "src"), "PATH": "/usr/bin:/bin"})
        return json.loads(run.stdout)
    finally:
        git("worktree", "remove", "--force", str(tree))


def batch_of(number: int) -> str:
    return next((b for b, lo, hi in BATCHES if lo <= number <= hi), "other")


def training_examples() -> tuple[list[str], list[str], list[str]]:
    """(sentence, label, batch) of train_typing.py's examples, each tagged with the batch it came from."""
    world = train_typing.world_examples_by_passage()
    guardian = train_typing.guardian_examples()
    sentences = [sentence for _, sentence, _ in world] + [sentence for sentence, _ in guardian]
    labels = [label for _, _, label in world] + [label for _, label in guardian]
    batches = [batch_of(int(path.stem)) for path, _, _ in world] + ["guardian"] * len(guardian)
    return sentences, labels, batches


class Embeddings:
    def __init__(self):
        from sitrep.nlp.embed import embed

        self.embed, self.cache = embed, {}

    def __call__(self, texts: list[str]) -> np.ndarray:
        missing = sorted({t for t in texts if t not in self.cache})
        if missing:
            self.cache.update(zip(missing, self.embed(missing)))
        if not texts:
            return np.zeros((0, 384))
        return np.array([self.cache[t] for t in texts], dtype=np.float64)


def eligible(event: dict) -> bool:
    """As learnt._eligible, on the dumped events."""
    return event["status"] != "planned" and bool(event["sub_event_type"]) and bool(event["sentence"])


def replay(passages: list[dict], labels: list[str], out_of_scope: float, create: float) -> list[tuple[str, str]]:
    """(gold, predicted) main label per passage under learnt typing with these thresholds (learnt.decision and
    learnt.surest, as `retype` and `suggest` use them)."""
    acled_families, pairs = _acled_families(), []
    for passage in passages:
        events = [dict(e) for e in passage["events"]]
        short = len(passage["text"]) <= SHORT_REPORT_CHARS
        for event, p in zip([e for e in events if eligible(e)], passage["event_probabilities"]):
            label = decision(event["sub_event_type"], p, labels, short, out_of_scope)
            if label is not None:
                event["sub_event_type"] = None if label == NONE else label
        if short and not any(e["event_type"] or e["family"] in acled_families for e in events):
            chosen = surest(passage["sentence_probabilities"], labels, create)
            if chosen is not None:
                events.append(dict(sub_event_type=chosen[1]))
        pairs.append((passage["gold"], next((e["sub_event_type"] for e in events if e["sub_event_type"]), NONE)))
    return pairs


def main() -> None:
    embeddings = Embeddings()
    sentences, labels_of, batches = training_examples()
    labels = sorted(set(labels_of))
    x = embeddings(sentences)
    y = np.array([labels.index(label) for label in labels_of])
    tags = np.array(batches)
    passages = []
    with tempfile.TemporaryDirectory() as scratch:
        for batch, lo, hi in BATCHES:
            output = unseen_rules_output(batch, lo, hi, Path(scratch))
            weights, bias = train_typing.fit(x[tags != batch], y[tags != batch], len(labels))
            for stem, events in output.items():
                gold = json.loads((DEV / f"{stem}.json").read_text(encoding="utf-8"))
                told = [e["sentence"] for e in events if eligible(e)]
                split = [t for _, _, t in train_typing.sentences_of(gold["text"])]
                passages.append(dict(gold=main_label(gold["events"]), text=gold["text"], events=events,
                                     event_probabilities=softmax(embeddings(told) @ weights.T + bias),
                                     sentence_probabilities=softmax(embeddings(split) @ weights.T + bias)))
            print(f"batch {batch}: {len(output)} passages", file=sys.stderr, flush=True)
    print(f"{len(passages)} world dev passages, typed by the rules of the code before each was added")
    print("out_of_scope  create  weighted_F1  coarse  out_of_scope_left_untyped")
    for out_of_scope in (1.01, 0.5, 0.6, 0.7, 0.8, 0.9):
        for create in (0.4, 0.5, 0.6, 0.7, 1.01):
            t = typing_metrics(replay(passages, labels, out_of_scope, create))
            print(f"{'never' if out_of_scope > 1 else out_of_scope:>12}  {'never' if create > 1 else create:>6}  "
                  f"{t['weighted_f1']:>11.3f}  {t['coarse_accuracy']:>6.3f}  {t['out_of_scope_left_untyped']:>6.3f}")


if __name__ == "__main__":
    main()
