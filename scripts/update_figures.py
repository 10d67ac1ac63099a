"""Regenerate README.md's accuracy section from `sitrep evaluate` runs on the gold sets.

    .venv/bin/python scripts/update_figures.py

Runs the evaluation on the Guardian gold set (and the fresh held-out Guardian
articles, and the second and third Guardian development sets), on the world passages (dev and held-out), and rewrites the text between the `figures:start` and `figures:end`
markers in README.md. Nothing is typed by hand.
"""
from __future__ import annotations

import datetime
import json
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
SITREP = str(pathlib.Path(sys.executable).with_name("sitrep"))


def evaluate(folder: str, typing: str = "rules") -> dict:
    result = subprocess.run([SITREP, "evaluate", str(ROOT / folder), "--format", "json", "--typing", typing],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def pct(value) -> str:
    return "-" if value is None else f"{value:.3f}"


def main() -> None:
    guardian = evaluate("tests/gold/guardian")
    fresh = evaluate("tests/gold/guardian-fresh") if (ROOT / "tests/gold/guardian-fresh").exists() else None
    dev2 = evaluate("tests/gold/guardian-dev2") if (ROOT / "tests/gold/guardian-dev2").exists() else None
    dev3 = evaluate("tests/gold/guardian-dev3") if (ROOT / "tests/gold/guardian-dev3").exists() else None
    dev4 = evaluate("tests/gold/guardian-dev4") if (ROOT / "tests/gold/guardian-dev4").exists() else None
    dev, heldout = evaluate("tests/gold/world/dev"), evaluate("tests/gold/world/heldout")
    learnt_dev, learnt_heldout = evaluate("tests/gold/world/dev", "learnt"), evaluate("tests/gold/world/heldout", "learnt")
    acc = guardian["field_accuracy"]
    lines = [
        f"Measured {datetime.date.today().isoformat()} with `.venv/bin/python scripts/update_figures.py` "
        "(which runs `sitrep evaluate`).",
        "",
        f"**Guardian gold** (`tests/gold/guardian`, {guardian['articles']} articles, {guardian['gold_events']} events): "
        f"event precision {pct(guardian['precision'])}, recall {pct(guardian['recall'])}, **F1 {pct(guardian['f1'])}** "
        f"({guardian['predicted_events']} predicted, {guardian['matched']} matched on type, date ±1 day and place).",
        "",
        "| field (on matched events) | accuracy |",
        "| --- | --- |",
    ]
    lines += [f"| {name} | {pct(value)} |" for name, value in acc.items()]
    lines += ["", "event_type (coarse) and location are part of the matching rule, so they are 1.000 on matched pairs by "
              "construction: their errors show in the event F1 instead."]
    if fresh is not None:
        lines += ["", f"**Fresh Guardian articles** (`tests/gold/guardian-fresh`, {fresh['articles']} articles, "
                  f"{fresh['gold_events']} events, annotated after the rules were tuned on the set above and never used "
                  f"for tuning): precision {pct(fresh['precision'])}, recall {pct(fresh['recall'])}, "
                  f"**F1 {pct(fresh['f1'])}**; date exact {pct(fresh['field_accuracy']['date_exact'])}, "
                  f"sub-event type {pct(fresh['field_accuracy']['sub_event_type'])}, "
                  f"actor1 {pct(fresh['field_accuracy']['actor1'])}. The gap between the two sets is how much of the "
                  "tuning fits those 31 articles rather than news in general."]
    if dev2 is not None:
        lines += ["", f"**Second Guardian development set** (`tests/gold/guardian-dev2`, {dev2['articles']} articles, "
                  f"{dev2['gold_events']} events, annotated by reading before any rule was written from it): precision "
                  f"{pct(dev2['precision'])}, recall {pct(dev2['recall'])}, **F1 {pct(dev2['f1'])}**; date exact "
                  f"{pct(dev2['field_accuracy']['date_exact'])}, sub-event type {pct(dev2['field_accuracy']['sub_event_type'])}, "
                  f"actor1 {pct(dev2['field_accuracy']['actor1'])}."]
    if dev3 is not None:
        lines += ["", f"**Third Guardian development set** (`tests/gold/guardian-dev3`, {dev3['articles']} articles, "
                  f"{dev3['gold_events']} events, annotated by reading before any rule was written from it): precision {pct(dev3['precision'])}, recall "
                  f"{pct(dev3['recall'])}, **F1 {pct(dev3['f1'])}**; date exact "
                  f"{pct(dev3['field_accuracy']['date_exact'])}, sub-event type "
                  f"{pct(dev3['field_accuracy']['sub_event_type'])}, actor1 {pct(dev3['field_accuracy']['actor1'])}."]
    if dev4 is not None:
        lines += ["", f"**Fourth Guardian set** (`tests/gold/guardian-dev4`, {dev4['articles']} articles, "
                  f"{dev4['gold_events']} events, annotated by reading; only measured so far, no rule written from it): "
                  f"precision {pct(dev4['precision'])}, recall {pct(dev4['recall'])}, **F1 {pct(dev4['f1'])}**."]
    lines += ["", "**Event typing on the world passages** (main event's ACLED sub-event type; `(none)` for out-of-scope texts; "
              "`learnt` is `--typing learnt`, whose classifier is trained on the dev split and the Guardian development sets):", "",
              "| split | typing | texts | weighted F1 (25 sub-types) | coarse event_type | out-of-scope left untyped |",
              "| --- | --- | --- | --- | --- | --- |"]
    for name, report in (("dev | rules", dev), ("held-out | rules", heldout), ("dev | learnt", learnt_dev),
                         ("held-out | learnt", learnt_heldout)):
        typing = report["typing"]
        lines.append(f"| {name} | {typing['texts']} | {pct(typing['weighted_f1'])} | {pct(typing['coarse_accuracy'])} | "
                     f"{pct(typing['out_of_scope_left_untyped'])} |")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start, end = "<!-- figures:start -->", "<!-- figures:end -->"
    head, rest = readme.split(start, 1)
    _, tail = rest.split(end, 1)
    (ROOT / "README.md").write_text(head + start + "\n" + "\n".join(lines) + "\n" + end + tail, encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
