"""The HTTP API over a real store (built by `sitrep ingest` on the Aleppo report): every endpoint, bad input, tokens."""
from __future__ import annotations

import subprocess
import sys
import warnings
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ALEPPO = ROOT / "samples" / "aleppo-2016-12-09.txt"
SITREP = str(Path(sys.executable).with_name("sitrep"))

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's note that it would rather use httpx2
    from fastapi.testclient import TestClient


@pytest.fixture(scope="session")
def client(store_path):
    from sitrep.api.app import create_app

    with TestClient(create_app(store_path), raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def all_events(client) -> list[dict]:
    body = client.get("/api/events", params={"limit": 10000}).json()
    assert body["total"] == len(body["events"]) >= 10
    return body["events"]


def error_of(response, status: int) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert isinstance(body["error"], str) and "\n" not in body["error"]
    return body["error"]


# --- /api/events ----------------------------------------------------------------------
def test_events_total_and_paging(client, all_events):
    first = client.get("/api/events", params={"limit": 5}).json()
    second = client.get("/api/events", params={"limit": 5, "offset": 5}).json()
    assert first["total"] == second["total"] == len(all_events)
    assert (first["limit"], first["offset"], second["offset"]) == (5, 0, 5)
    assert [e["event_id"] for e in first["events"] + second["events"]] == [e["event_id"] for e in all_events[:10]]
    past_the_end = client.get("/api/events", params={"offset": len(all_events)}).json()
    assert past_the_end["events"] == [] and past_the_end["total"] == len(all_events)


def test_events_are_full_records_or_summaries(client, all_events):
    full = all_events[0]
    for field in ("event_id", "event_date", "plover_type", "claims", "evidence", "sources", "verification", "notes"):
        assert field in full
    summary = client.get("/api/events", params={"view": "summary", "limit": 3}).json()["events"][0]
    assert summary["event_id"] == full["event_id"] and "evidence" not in summary and summary["n_sources"] >= 1
    assert {"latitude", "longitude", "fatalities", "event_type"} <= set(summary)


def test_event_filters(client, all_events):
    def ids(**params):
        body = client.get("/api/events", params=dict(params, limit=10000)).json()
        assert body["total"] == len(body["events"])
        return [e["event_id"] for e in body["events"]]

    assert ids(country="syr") == [e["event_id"] for e in all_events if e["country"] == "SYR"]
    assert ids(since="2016-12-09", until="2016-12-09") == [e["event_id"] for e in all_events if e["event_date"] == "2016-12-09"]
    assert ids(since="2016-12-10") == [e["event_id"] for e in all_events if e["event_date"] and e["event_date"] >= "2016-12-10"]
    battles = ids(type="battles")
    assert battles and battles == [e["event_id"] for e in all_events if "Battles" in (e["event_type"], e["sub_event_type"])
                                   or e["plover_type"] == "BATTLES"]
    rebels = ids(actor="rebel")
    assert rebels and all(any("rebel" in (e[k] or "").lower() for k in ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2"))
                          for e in all_events if e["event_id"] in rebels)
    for value in {e["verification"] for e in all_events}:
        assert ids(verification=value) == [e["event_id"] for e in all_events if e["verification"] == value]
    assert ids(country="NOR") == []


@pytest.mark.parametrize("params, words", [
    ({"since": "9/12/2016"}, "cannot parse date '9/12/2016'"),
    ({"until": "2016-13-40"}, "cannot parse date"),
    ({"since": "2016-12-10", "until": "2016-12-01"}, "after"),
    ({"limit": 0}, "limit"),
    ({"limit": 10001}, "limit"),
    ({"limit": "many"}, "limit"),
    ({"offset": -1}, "offset"),
    ({"verification": "probably"}, "verification"),
    ({"view": "everything"}, "view"),
    ({"country": "X" * 65}, "country"),
])
def test_bad_event_parameters_are_422(client, params, words):
    assert words in error_of(client.get("/api/events", params=params), 422)


# --- one event, one article -------------------------------------------------------------
def test_event_with_claims_sources_evidence(client, all_events):
    event = next(e for e in all_events if e["claims"])
    body = client.get(f"/api/events/{event['event_id']}").json()
    assert body["event_id"] == event["event_id"]
    assert body["claims"][0]["claimant"] and body["claims"][0]["stance"] in ("asserts", "denies")
    assert body["sources"][0]["article_id"]
    evidence = body["evidence"][0]
    assert {"article_id", "sentence", "start", "end"} <= set(evidence)


def test_evidence_offsets_point_into_the_article_text(client, all_events):
    articles = {}
    for event in all_events:
        for evidence in event["evidence"]:
            aid = evidence["article_id"]
            if aid not in articles:
                articles[aid] = client.get(f"/api/articles/{aid}").json()["text"]
            text = articles[aid]
            assert text[evidence["start"]:evidence["end"]] == evidence["sentence"]
            for span in evidence.get("spans") or []:
                assert text[span["start"]:span["end"]] == span["text"], span


def test_article_with_its_text_and_the_spans_of_each_event(client, all_events):
    article_id = all_events[0]["sources"][0]["article_id"]
    body = client.get(f"/api/articles/{article_id}").json()
    assert body["article_id"] == article_id and body["published"] == "2016-12-09"
    assert "Aleppo" in body["text"] and body["paragraphs"][0]["role"]
    assert {e["event_id"] for e in body["events"]} == {e["event_id"] for e in all_events}
    for event in body["events"]:
        assert event["evidence"] and all(ev["article_id"] == article_id for ev in event["evidence"])
        for ev in event["evidence"]:
            assert body["text"][ev["start"]:ev["end"]] == ev["sentence"]
            assert all({"field", "start", "end"} <= set(span) for span in ev.get("spans") or [])


@pytest.mark.parametrize("path", ["/api/events/0000000000000000", "/api/articles/nope", "/api/events/%27%3B--"])
def test_unknown_ids_are_404(client, path):
    assert "no " in error_of(client.get(path), 404)


def test_unknown_route_is_a_json_404(client):
    error_of(client.get("/api/nothing-here"), 404)


# --- stats, OpenAPI, the page ----------------------------------------------------------------
def test_stats_for_the_charts(client, all_events):
    stats = client.get("/api/stats").json()
    assert stats["events"] == len(all_events) and stats["articles"] == 1
    for key in ("by_type", "by_month", "by_day", "by_admin1", "top_actors"):
        assert isinstance(stats[key], list)
    assert ["2016-12-09", sum(e["event_date"] == "2016-12-09" for e in all_events)] in stats["by_day"]


def test_openapi_document_lists_every_endpoint(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/events", "/api/events/{event_id}", "/api/articles/{article_id}", "/api/extract", "/api/stats"} <= set(paths)
    assert "post" in paths["/api/extract"] and "get" not in paths["/api/extract"]
    assert client.get("/docs").status_code == 404  # Swagger UI would load from a CDN: not served


def test_page_and_static_files_load_nothing_from_outside(client):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["referrer-policy"] == "no-referrer"
    for name in ("app.js", "style.css"):
        response = client.get(f"/static/{name}")
        assert response.status_code == 200
        outside = response.text.replace("http://www.w3.org/2000/svg", "")
        assert "http://" not in outside and "https://" not in outside and "//cdn" not in outside
    assert "http" not in page.text.replace("http-equiv", "")
    world = client.get("/static/world.geojson").json()
    assert world["type"] == "FeatureCollection" and len(world["features"]) > 150
    syria = next(f for f in world["features"] if f["properties"]["iso3"] == "SYR")
    lon, lat = syria["geometry"]["coordinates"][0][0][0]
    assert 35 < lon < 43 and 32 < lat < 38


def test_api_is_read_only(client):
    assert client.post("/api/events").status_code == 405
    assert client.delete("/api/events/x").status_code == 405
    assert client.put("/api/stats").status_code == 405


# --- /api/extract -----------------------------------------------------------------------------
def test_extract_one_article_stores_nothing(client, all_events):
    before = client.get("/api/stats").json()
    response = client.post("/api/extract", json={"text": ALEPPO.read_text(encoding="utf-8"), "published": "2016-12-09",
                                                 "source": "Reuters"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["stored"] is False and len(body["events"]) >= 10
    text = body["article"]["text"]
    for event in body["events"]:
        assert event["sources"][0]["source"] == "Reuters"
        for evidence in event["evidence"]:
            assert text[evidence["start"]:evidence["end"]] == evidence["sentence"]
    assert any(e["event_date"] == "2016-12-09" for e in body["events"])
    assert client.get("/api/stats").json() == before


def test_extract_without_date_leaves_dates_null(client):
    body = client.post("/api/extract", json={"text": ALEPPO.read_text(encoding="utf-8")}).json()
    assert body["events"] and all(e["event_date"] is None for e in body["events"])


@pytest.mark.parametrize("payload, words", [
    ({"text": ""}, "text is empty"),
    ({"text": " \n\t "}, "text is empty"),
    ({}, "text"),
    ({"text": 42}, "text"),
    ({"text": "Rebels shelled Aleppo.", "published": "9 December 2016"}, "cannot parse date '9 December 2016'"),
    ({"text": "Rebels shelled Aleppo.", "published": "2016-02-30"}, "cannot parse date"),
    ({"text": "Rebels shelled Aleppo.", "published": 20161209}, "cannot parse date"),
    ({"text": "\x01\x02\x03\x04" * 50}, "binary"),
    ({"text": "<html><body><nav>menu</nav></body></html>"}, "article text"),
    (["not", "an", "object"], "request"),
])
def test_extract_bad_input_is_a_clear_4xx(client, payload, words):
    assert words in error_of(client.post("/api/extract", json=payload), 422)


def test_extract_body_that_is_not_json(client):
    response = client.post("/api/extract", content=b"{text: nope", headers={"content-type": "application/json"})
    assert "not valid JSON" in error_of(response, 422)


def test_extract_size_limit_is_413(store_path, client):
    from sitrep.api.app import create_app

    big = {"text": "Rebels shelled Aleppo on Friday. " * 32_000}  # about 1.05 MB
    assert "1,000,000-byte limit" in error_of(client.post("/api/extract", json=big), 413)
    small = TestClient(create_app(store_path, max_body=2_000), raise_server_exceptions=False)
    assert "2,000-byte" in error_of(small.post("/api/extract", json={"text": "x" * 3_000}), 413)

    def chunks():  # no Content-Length: counted while read
        for _ in range(3):
            yield b" " * 1_000

    response = small.post("/api/extract", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413


# --- the store and the token -------------------------------------------------------------------------
def test_missing_store_is_refused_at_start(tmp_path):
    from sitrep.api.app import create_app
    from sitrep.errors import SitrepError

    with pytest.raises(SitrepError, match="no such store"):
        create_app(str(tmp_path / "none.duckdb"))


def test_store_busy_is_503_not_500(store_path, tmp_path):
    import shutil

    import duckdb

    from sitrep.api.app import create_app

    copy = tmp_path / "copy.duckdb"
    shutil.copy(store_path, copy)
    app = TestClient(create_app(str(copy)), raise_server_exceptions=False)
    writer = duckdb.connect(str(copy))  # a writer holds it (in this process: another configuration)
    try:
        assert "store unavailable" in error_of(app.get("/api/stats"), 503)
    finally:
        writer.close()
    assert app.get("/api/stats").status_code == 200


def test_token_is_required_on_every_api_call(store_path, all_events):
    from sitrep.api.app import create_app

    guarded = TestClient(create_app(store_path, token="s3cret-token"), raise_server_exceptions=False)
    event_id, article_id = all_events[0]["event_id"], all_events[0]["sources"][0]["article_id"]
    calls = [("get", "/api/events", None), ("get", f"/api/events/{event_id}", None), ("get", f"/api/articles/{article_id}", None),
             ("get", "/api/stats", None), ("post", "/api/extract", {"text": "Rebels shelled Aleppo on Friday."}),
             ("get", "/api/events/unknown", None)]
    for method, path, body in calls:
        kwargs = {"json": body} if body else {}
        response = getattr(guarded, method)(path, **kwargs)
        assert "token" in error_of(response, 401)
        assert response.headers["www-authenticate"] == "Bearer"
        assert getattr(guarded, method)(path, headers={"Authorization": "Bearer wrong"}, **kwargs).status_code == 401
        assert getattr(guarded, method)(path, params={"token": "s3cret"}, **kwargs).status_code == 401
    assert guarded.get("/api/stats", headers={"Authorization": "Bearer s3cret-token"}).status_code == 200
    assert guarded.get("/api/stats", params={"token": "s3cret-token"}).status_code == 200
    assert guarded.get("/api/events/unknown", params={"token": "s3cret-token"}).status_code == 404
    assert guarded.get("/").status_code == 200  # the page holds no data; it asks for the token


def test_loopback_host_guard(store_path):
    from sitrep.api.app import create_app

    app = TestClient(create_app(store_path, allowed_hosts=["127.0.0.1", "localhost"]), base_url="http://127.0.0.1")
    assert app.get("/api/stats").status_code == 200
    assert app.get("/api/stats", headers={"host": "attacker.example"}).status_code == 400
