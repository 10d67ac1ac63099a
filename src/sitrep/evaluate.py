"""Evaluation: a folder of hand-annotated gold articles in, precision/recall/F1 and per-field accuracy out.

Each gold file (JSON: `text`, `published`, `source`, `events`) is run through
the same pipeline as `sitrep extract`. A predicted event matches a gold
event when its type agrees (ACLED `event_type` where the gold has one, else
the PLOVER type), its date is within a day (or both are unknown) and its
place agrees (same name, within 15 km, or — where the gold names no place —
the same country). Matching is one-to-one, best pairs first. Field accuracy
is over matched pairs. Misses and false events are listed for error analysis.
"""
from __future__ import annotations

import json
import math
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .errors import SitrepError
from .model import TYPINGS

FIELDS = ("event_type", "sub_event_type", "plover_type", "date_exact", "date_1day", "location", "actor1", "actor2",
          "fatalities", "verification")


@dataclass
class Scores:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    field_hits: dict = field(default_factory=lambda: {f: 0 for f in FIELDS})
    field_counts: dict = field(default_factory=lambda: {f: 0 for f in FIELDS})
    misses: list = field(default_factory=list)
    false_events: list = field(default_factory=list)
    articles: int = 0
    typing: list = field(default_factory=list)  # (gold label, predicted label) per text: the main event's sub-type

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def accuracy(self, name: str) -> float | None:
        count = self.field_counts[name]
        return self.field_hits[name] / count if count else None

    def typing_report(self) -> dict:
        return typing_metrics(self.typing)

    def to_dict(self) -> dict:
        return {"typing": self.typing_report(),
            "articles": self.articles, "gold_events": self.gold, "predicted_events": self.predicted, "matched": self.matched,
            "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
            "field_accuracy": {f: (round(self.accuracy(f), 4) if self.accuracy(f) is not None else None) for f in FIELDS},
            "field_counts": self.field_counts, "misses": self.misses, "false_events": self.false_events,
        }


# --- matching ----------------------------------------------------------------------

def _norm(name: str | None) -> str:
    from .extract.places import normalise

    key = normalise(name or "")
    for prefix in ("al ", "el ", "ar ", "as ", "ad "):
        if key.startswith(prefix):
            key = key[len(prefix):]
    return key


def _distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


def _point(event: dict) -> tuple[float, float] | None:
    if event.get("latitude") is not None and event.get("longitude") is not None:
        return event["latitude"], event["longitude"]
    if event.get("location"):
        from .extract.places import geocode

        place = geocode(event["location"], event.get("country"))
        if place is not None and place.latitude is not None and place.level in ("city", "alias"):
            return place.latitude, place.longitude
    return None


def place_agrees(gold: dict, predicted: dict) -> bool:
    if not gold.get("location"):
        return gold.get("country") is None or predicted.get("country") in (None, gold.get("country"))
    if not predicted.get("location"):
        return False
    if _norm(gold["location"]) == _norm(predicted["location"]):
        return True
    a, b = _point(gold), _point(predicted)
    return a is not None and b is not None and _distance_km(a, b) <= 15


def _days_apart(gold: dict, predicted: dict) -> int | None:
    if not gold.get("event_date") or not predicted.get("event_date"):
        return None
    return abs((date.fromisoformat(gold["event_date"]) - date.fromisoformat(predicted["event_date"])).days)


def type_agrees(gold: dict, predicted: dict) -> bool:
    if gold.get("event_type"):
        return gold["event_type"] == predicted.get("event_type")
    return predicted.get("event_type") is None and gold.get("plover_type") == predicted.get("plover_type")


def date_agrees(gold: dict, predicted: dict) -> bool:
    gap = _days_apart(gold, predicted)
    if gap is None:
        return not gold.get("event_date") and not predicted.get("event_date")
    return gap <= 1


def is_match(gold: dict, predicted: dict) -> bool:
    return type_agrees(gold, predicted) and date_agrees(gold, predicted) and place_agrees(gold, predicted)


def _pair_score(gold: dict, predicted: dict) -> int:
    """How closely a matching pair agrees beyond the match itself (to pick best pairs first)."""
    return sum([gold.get("sub_event_type") == predicted.get("sub_event_type"),
                gold.get("event_date") == predicted.get("event_date"),
                _norm(gold.get("location")) == _norm(predicted.get("location")),
                gold.get("actor1") == predicted.get("actor1")])


def match_events(gold: list[dict], predicted: list[dict]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index), best-agreeing pairs first."""
    candidates = [(-_pair_score(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(predicted) if is_match(g, p)]
    candidates.sort()
    used_gold, used_pred, pairs = set(), set(), []
    for _, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi), used_pred.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def field_agreement(gold: dict, predicted: dict) -> dict[str, bool | None]:
    """Per field: True/False, or None where the gold leaves the field open (not counted)."""
    gap = _days_apart(gold, predicted)
    out = {
        "event_type": gold.get("event_type") == predicted.get("event_type"),
        "sub_event_type": gold.get("sub_event_type") == predicted.get("sub_event_type"),
        "plover_type": gold.get("plover_type") == predicted.get("plover_type"),
        "date_exact": None if not gold.get("event_date") else gold.get("event_date") == predicted.get("event_date"),
        "date_1day": None if not gold.get("event_date") else (gap is not None and gap <= 1),
        "location": None if not gold.get("location") else place_agrees(gold, predicted),
        "actor1": None if not gold.get("actor1") else gold.get("actor1") == predicted.get("actor1"),
        "actor2": None if "actor2" not in gold else gold.get("actor2") == predicted.get("actor2"),
        "fatalities": gold.get("fatalities") == predicted.get("fatalities"),
        "verification": None if not gold.get("verification") else gold.get("verification") == predicted.get("verification"),
    }
    return out


def score_article(gold: list[dict], predicted: list[dict], scores: Scores, label: str = "") -> None:
    """Add one article's comparison to `scores`."""
    pairs = match_events(gold, predicted)
    scores.articles += 1
    scores.gold += len(gold)
    scores.predicted += len(predicted)
    scores.matched += len(pairs)
    for gi, pi in pairs:
        for name, agrees in field_agreement(gold[gi], predicted[pi]).items():
            if agrees is None:
                continue
            scores.field_counts[name] += 1
            scores.field_hits[name] += bool(agrees)
    matched_gold, matched_pred = {g for g, _ in pairs}, {p for _, p in pairs}
    for index, event in enumerate(gold):
        if index not in matched_gold:
            scores.misses.append({"article": label, **_brief(event, event.get("evidence"))})
    for index, event in enumerate(predicted):
        if index not in matched_pred:
            sentence = event["evidence"][0]["sentence"] if event.get("evidence") else None
            scores.false_events.append({"article": label, **_brief(event, sentence)})


NONE = "(none)"


def main_label(events: list[dict]) -> str:
    """The sub-event type of a text's main (first-told) event in ACLED's scope, or (none)."""
    for event in events:
        if event.get("sub_event_type"):
            return event["sub_event_type"]
    return NONE


COARSE = {
    "Armed clash": "Battles", "Government regains territory": "Battles", "Non-state actor overtakes territory": "Battles",
    "Chemical weapon": "Explosions/Remote violence", "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence", "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence", "Grenade": "Explosions/Remote violence",
    "Sexual violence": "Violence against civilians", "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians", "Peaceful protest": "Protests",
    "Protest with intervention": "Protests", "Excessive force against protesters": "Protests",
    "Violent demonstration": "Riots", "Mob violence": "Riots",
}


def typing_metrics(pairs: list[tuple[str, str]]) -> dict:
    """Weighted F1 over sub-event types, per-type precision/recall, coarse accuracy, out-of-scope rate, confusions."""
    from collections import Counter

    if not pairs:
        return {}
    labels = sorted({g for g, _ in pairs} - {NONE})
    per_type, weighted, support_total = {}, 0.0, 0
    for label in labels:
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        support = tp + fn
        per_type[label] = {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3), "support": support}
        weighted += f1 * support
        support_total += support
    in_scope = [(g, p) for g, p in pairs if g != NONE]
    coarse = sum(1 for g, p in in_scope if COARSE.get(g, "Strategic developments") == COARSE.get(p, "Strategic developments" if p != NONE else NONE))
    out_scope = [(g, p) for g, p in pairs if g == NONE]
    confusions = Counter((g, p) for g, p in pairs if g != p).most_common(10)
    return {
        "texts": len(pairs), "weighted_f1": round(weighted / support_total, 4) if support_total else None,
        "coarse_accuracy": round(coarse / len(in_scope), 4) if in_scope else None,
        "out_of_scope_left_untyped": round(sum(1 for _, p in out_scope if p == NONE) / len(out_scope), 4) if out_scope else None,
        "out_of_scope_texts": len(out_scope), "per_type": per_type,
        "confusions": [{"gold": g, "predicted": p, "count": n} for (g, p), n in confusions],
    }


def _brief(event: dict, sentence) -> dict:
    return {"type": event.get("sub_event_type") or event.get("plover_type"), "date": event.get("event_date"),
            "location": event.get("location"), "actor1": event.get("actor1"), "triggers": event.get("triggers"),
            "sentence": (sentence or "")[:240]}


# --- running -------------------------------------------------------------------------

def gold_files(folder: str) -> list[Path]:
    root = Path(folder)
    if not root.exists():
        raise SitrepError("no such gold folder", folder)
    files = sorted(p for p in root.rglob("*.json"))
    if not files:
        raise SitrepError("no gold files (*.json) in the folder", folder)
    return files


def evaluate(folder: str, selective: bool = True, typing: str = "rules") -> Scores:
    from .model import RawDocument
    from .nlp.pipeline import load_model
    from .pipeline import Options, process_document

    nlp = load_model()
    scores = Scores()
    options = Options(selective=selective, typing=typing)
    for path in gold_files(folder):
        try:
            gold = json.loads(path.read_text(encoding="utf-8"))
            published = date.fromisoformat(gold["published"]) if gold.get("published") else None
            document = RawDocument(gold["text"], str(path), None, published, gold.get("source") or gold.get("outlet"), gold.get("url"))
        except (ValueError, KeyError) as exc:
            raise SitrepError(f"not a gold file: {exc}", str(path)) from None
        _, events = process_document(document, options, nlp)
        predicted = [e.to_dict() for e in events]
        score_article(gold.get("events") or [], predicted, scores, path.stem)
        scores.typing.append((main_label(gold.get("events") or []), main_label(predicted)))
    return scores


def render_table(scores: Scores, out=sys.stdout) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(file=out, width=140)
    console.print(f"{scores.articles} articles: {scores.gold} gold events, {scores.predicted} predicted, {scores.matched} matched")
    console.print(f"events  precision {scores.precision:.3f}  recall {scores.recall:.3f}  F1 {scores.f1:.3f}")
    table = Table(title="field accuracy on matched events", title_justify="left")
    table.add_column("field")
    table.add_column("accuracy", justify="right")
    table.add_column("pairs", justify="right")
    for name in FIELDS:
        value = scores.accuracy(name)
        table.add_row(name, "-" if value is None else f"{value:.3f}", str(scores.field_counts[name]))
    console.print(table)
    typing = scores.typing_report()
    if typing:
        console.print(f"event typing over {typing['texts']} texts (main event's sub-type): weighted F1 {typing['weighted_f1']}, "
                      f"coarse event_type {typing['coarse_accuracy']}, out-of-scope left untyped {typing['out_of_scope_left_untyped']} "
                      f"of {typing['out_of_scope_texts']}")
        per_type = Table(title="typing per sub-event type", title_justify="left")
        for column in ("sub_event_type", "precision", "recall", "f1", "support"):
            per_type.add_column(column)
        for label, row in typing["per_type"].items():
            per_type.add_row(label, str(row["precision"]), str(row["recall"]), str(row["f1"]), str(row["support"]))
        console.print(per_type)
        console.print("most confused: " + "; ".join(f"{c['gold']} → {c['predicted']} ({c['count']})" for c in typing["confusions"]))
    for title, rows in (("missed gold events", scores.misses), ("false events", scores.false_events)):
        listing = Table(title=f"{title} ({len(rows)})", title_justify="left", show_lines=False)
        for column in ("article", "type", "date", "location", "actor1", "sentence"):
            listing.add_column(column, overflow="fold")
        for row in rows:
            listing.add_row(*(str(row.get(c) or "") for c in ("article", "type", "date", "location", "actor1", "sentence")))
        console.print(listing)


def cmd_evaluate(args) -> int:
    scores = evaluate(args.gold_dir, selective=not args.parse_all, typing=args.typing)
    if args.format == "json":
        print(json.dumps(scores.to_dict(), indent=2, ensure_ascii=False))
    else:
        render_table(scores)
    return 0


def register(sub) -> None:
    parser = sub.add_parser("evaluate", help="score extraction against hand-annotated gold articles",
                            description="Run extraction on every gold file (*.json) under GOLD_DIR and print event "
                                        "precision, recall and F1, accuracy per field, and the misses and false events.")
    parser.add_argument("gold_dir", metavar="GOLD_DIR")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument("--parse-all", action="store_true", help="parse every sentence (to compare with selective parsing)")
    parser.add_argument("--typing", choices=TYPINGS, default="rules",
                        help="score the rules alone (default) or the rules with the learnt classifier")
    parser.set_defaults(func=cmd_evaluate)
