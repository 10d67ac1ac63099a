"""The evaluation's arithmetic on hand-made cases where the right scores are known."""
import json

from sitrep.evaluate import Scores, match_events, score_article

STRIKE = {"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike", "plover_type": "ASSAULT",
          "event_date": "2019-03-21", "country": "SYR", "location": "Khan Sheikhoun", "actor1": "Military Forces of Syria",
          "actor2": "Civilians", "fatalities": 12, "verification": "reported"}
CLASH = {"event_type": "Battles", "sub_event_type": "Armed clash", "plover_type": "ASSAULT", "event_date": "2019-03-20",
         "country": "SYR", "location": "Idlib", "actor1": "Rebel forces", "actor2": "Military Forces of Syria",
         "fatalities": None, "verification": "reported"}
VOTE = {"event_type": None, "sub_event_type": None, "plover_type": "REQUEST", "event_date": "2016-12-09", "country": None,
        "location": None, "actor1": "United Nations General Assembly", "actor2": None, "fatalities": None,
        "verification": "reported"}


def test_perfect_output_scores_one():
    scores = Scores()
    score_article([STRIKE, CLASH, VOTE], [dict(CLASH), dict(STRIKE), dict(VOTE)], scores)
    assert (scores.precision, scores.recall, scores.f1) == (1.0, 1.0, 1.0)
    assert all(scores.accuracy(f) == 1.0 for f in ("event_type", "date_exact", "location", "actor1", "fatalities"))


def test_one_miss_one_false_event():
    wrong_place = dict(CLASH, location="Aleppo")  # 50+ km from Idlib: a different event
    scores = Scores()
    score_article([STRIKE, CLASH], [dict(STRIKE), wrong_place], scores)
    assert scores.matched == 1 and scores.precision == 0.5 and scores.recall == 0.5 and scores.f1 == 0.5
    assert [m["location"] for m in scores.misses] == ["Idlib"]
    assert [f["location"] for f in scores.false_events] == ["Aleppo"]


def test_date_within_one_day_matches_but_is_not_exact():
    scores = Scores()
    score_article([STRIKE], [dict(STRIKE, event_date="2019-03-22", fatalities=10)], scores)
    assert scores.f1 == 1.0
    assert scores.accuracy("date_exact") == 0.0 and scores.accuracy("date_1day") == 1.0
    assert scores.accuracy("fatalities") == 0.0
    scores = Scores()
    score_article([STRIKE], [dict(STRIKE, event_date="2019-03-24")], scores)
    assert scores.matched == 0 and scores.f1 == 0.0


def test_spelling_of_a_place_does_not_matter():
    scores = Scores()
    score_article([dict(CLASH, location="al-Bab")], [dict(CLASH, location="Al Bāb")], scores)
    assert scores.matched == 1 and scores.accuracy("location") == 1.0


def test_type_must_agree_and_matching_is_one_to_one():
    assert match_events([STRIKE], [dict(STRIKE, event_type="Battles", sub_event_type="Armed clash")]) == []
    assert match_events([STRIKE], [dict(STRIKE), dict(STRIKE)]) == [(0, 0)]
    scores = Scores()
    score_article([STRIKE], [dict(STRIKE), dict(STRIKE)], scores)
    assert scores.precision == 0.5 and scores.recall == 1.0 and round(scores.f1, 4) == 0.6667


def test_articles_without_events():
    scores = Scores()
    score_article([], [], scores)
    assert (scores.precision, scores.recall) == (1.0, 1.0)
    score_article([], [dict(VOTE)], scores)
    assert scores.precision == 0.0


def test_evaluate_command_on_a_tiny_gold_folder(tmp_path):
    """End to end on a two-sentence report whose one event is known: the pipeline must find it."""
    import subprocess
    import sys
    from pathlib import Path

    gold = {"id": "tiny", "published": "2019-03-22", "source": "Reuters",
            "text": "Syrian government warplanes struck the town of Khan Sheikhoun in Idlib province on Thursday, "
                    "killing 12 civilians, the Syrian Observatory for Human Rights said.",
            "events": [STRIKE]}
    (tmp_path / "tiny.json").write_text(json.dumps(gold))
    sitrep = str(Path(sys.executable).with_name("sitrep"))
    result = subprocess.run([sitrep, "evaluate", str(tmp_path), "--format", "json"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["gold_events"] == 1 and report["matched"] == 1 and report["recall"] == 1.0
