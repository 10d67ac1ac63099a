"""Property tests over wider inputs than test_properties.py: all of Unicode (the long s "ſ" that re.I matches
with "s", "²" that isdigit() passes and int() refuses, lone surrogates), every date from year 1 to 9999, numbers
too long for a float, byte strings that start like UTF-16, UTF-32, JSON, CSV or HTML, and long runs of the
pieces the cleaner's patterns used to backtrack on. Nothing but SitrepError may come out, and fast.
"""
import math
import time
from datetime import date

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from sitrep.errors import SitrepError
from sitrep.extract.figures import find_quantities, is_context_figure, parse_number
from sitrep.extract.time import find_time_expressions, resolve_weekday, with_future
from sitrep.ingest.clean import REPEAT_WINDOW, clean, drop_repeats, normalise_for_comparison
from sitrep.ingest.readers import decode_bytes, read_path
from sitrep.model import RawDocument

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                        HealthCheck.too_slow])
TRICKY = st.sampled_from([
    "ſ", "K", "²", "١٢", "٣", "İ", "ı", "\ud800", "\udfff", "\x00", "\ufeff", "\u2003", "\u00a0", "\r", "\n\n", "nan", "inf",
    "1e400", "9" * 400, "99999999999", "999999999", "0", "00", "31", "29 February", "ſept", "ſunday", "Tueſday",
    "dayſ", "weeKs", "in the last ", "in the past ", " days", " weeks", " years ago", " of the ", " towns", "voted ",
    " to ", "%", " killed", " people", "yesterday", "tomorrow", "next week", "last month", "on ", "Friday", "Dec ",
    "December", "May ", "since ", "2016", "1999", ", ", ".", " ", "–", "—", "/", "-", "A", "(Reuters)", ":",
])
UNICODE_TEXT = st.lists(st.one_of(st.text(max_size=8), TRICKY), max_size=60).map("".join)
ALL_DATES = st.one_of(st.none(), st.dates(), st.sampled_from([date.min, date.max, date(1, 1, 7), date(9999, 12, 25)]))


@FAST
@given(UNICODE_TEXT, ALL_DATES, st.booleans())
@example("in the last 999999999 days", date(2016, 12, 9), False)
@example("on ſunday, 5 ſept and in the past ² dayſ", date(2016, 12, 9), True)
@example("yesterday, last week, last month, on Friday, in March", date.min, False)
@example("tomorrow, next week, Dec 31", date.max, True)
def test_date_resolver_on_any_text_and_date(text, published, future):
    try:
        expressions = find_time_expressions(text, published, future)
    except SitrepError:
        return
    for expression in expressions:
        assert text[expression.start:expression.end].strip() == expression.text
        if expression.date:
            date.fromisoformat(expression.date)
            assert expression.precision in (1, 2, 3)
        again = with_future(expression, published, True)
        if again.date:
            date.fromisoformat(again.date)


@FAST
@given(st.dates(), st.integers(0, 6), st.booleans(), st.sampled_from([None, "last", "next", "this", "on"]))
def test_weekdays_stay_on_the_calendar_or_raise_sitrep_error(published, weekday, future, rel):
    try:
        day = resolve_weekday(published, weekday, future, rel)
    except (SitrepError, OverflowError):  # public helper: date.min/max may leave the calendar; callers catch it
        return
    assert day.weekday() == weekday and abs((day - published).days) <= 7


@FAST
@given(UNICODE_TEXT)
@example("5 of the 1e400 towns, 5 of the nan villages, 5 of the " + "9" * 400 + " districts")
@example("voted " + "9" * 400 + " to 3; ſeven killed; " + "9" * 400 + "% of the territory; " + "1" * 400 + " people killed")
def test_figure_values_are_finite_numbers(text):
    try:
        quantities = find_quantities(text, 10)
    except SitrepError:
        return
    for quantity in quantities:
        assert text[quantity.start - 10:quantity.end - 10].strip() == quantity.text
        assert quantity.value is not None and math.isfinite(quantity.value) and quantity.value >= 0, quantity
        is_context_figure(text, quantity, 10)


@FAST
@given(st.one_of(st.text(max_size=30), TRICKY), st.sampled_from([None, "hundred", "thousand", "million", "billion", "bn", "m", "x"]))
def test_parse_number_is_finite_or_none(num, scale):
    value = parse_number(num, scale)
    assert value is None or math.isfinite(value)


PIECES = st.sampled_from(["A-", "a/", "A ", "A, ", "B/", "(Reuters) ", ": ", " - ", "Yes.", "\n\n", "\n", "\u2003",
                          "Photo: ", " via Reuters", "Credit:", "Aleppo", "said.", " ", ".", "“", "”"])


@FAST
@given(st.lists(PIECES, max_size=3000).map("".join), st.integers(1, 4000))
@example("A-", 1)  # the dateline pattern: hours
@example("a/", 2)  # the photo-credit pattern: minutes
@example("Yes.\n\n", 1)  # 3,000 short paragraphs, each compared with every earlier one: a minute
def test_cleaner_is_fast_on_long_runs_of_pattern_pieces(text, repeat):
    """Runs such as "A-A-A-...", "a/a/a/..." and thousands of short paragraphs used to take minutes to hours; a
    bound of 60 s tells such a blow-up from a slow machine (each text takes well under a second)."""
    text = (text * (1 + 20000 // max(1, len(text))))[:20000 + repeat]
    started = time.perf_counter()
    try:
        clean(RawDocument(text, "runs"))
    except SitrepError:
        pass
    assert time.perf_counter() - started < 60


@FAST
@given(st.lists(st.one_of(st.text(max_size=40), TRICKY), max_size=80).map("".join))
def test_cleaner_on_any_unicode(text):
    try:
        article = clean(RawDocument(text, "prop"))
    except SitrepError:
        return
    article.text.encode("utf-8")  # storable: no lone surrogates left
    assert "\x00" not in article.text
    for paragraph in article.paragraphs:
        assert article.text[paragraph.start:paragraph.end] == paragraph.text


def reference_drop_repeats(blocks):
    """drop_repeats as it was: every paragraph against every earlier one."""
    def is_repeat(candidate, other):
        cand_norm, other_norm = normalise_for_comparison(candidate), normalise_for_comparison(other)
        cand_words, other_words = set(cand_norm.split()), set(other_norm.split())
        if min(len(cand_words), len(other_words)) < 6:
            return cand_norm == other_norm and len(cand_words) >= 4
        if cand_norm == other_norm or cand_norm in other_norm or other_norm in cand_norm:
            return True
        return len(cand_words & other_words) / len(cand_words | other_words) >= 0.8

    alive = [True] * len(blocks)
    for i, (text, role) in enumerate(blocks):
        if role not in ("body", "caption"):
            continue
        for j in range(i):
            if not alive[j] or blocks[j][1] not in ("body", "caption") or not is_repeat(text, blocks[j][0]):
                continue
            if role == "body" and len(text) > len(blocks[j][0]):
                alive[j] = False
            else:
                alive[i] = False
            break
    return [block for block, keep in zip(blocks, alive) if keep]


WORDS = st.lists(st.sampled_from("a b c d e f g h i j".split()), min_size=1, max_size=12).map(" ".join)
BLOCK = st.tuples(st.one_of(WORDS, WORDS.map(lambda t: t + "."), WORDS.map(lambda t: t + " x!")),
                  st.sampled_from(["body", "body", "caption", "heading", "credit"]))


@settings(max_examples=200, deadline=None)
@given(st.lists(BLOCK, max_size=40), st.data())
def test_drop_repeats_matches_the_pairwise_comparison(blocks, data):
    for _ in range(data.draw(st.integers(0, 15))):  # copies, longer copies and cut copies of earlier paragraphs
        if blocks:
            text, _ = data.draw(st.sampled_from(blocks))
            text = data.draw(st.sampled_from([text, text + ".", text[: max(1, len(text) // 2)], "Z " + text]))
            blocks.insert(data.draw(st.integers(0, len(blocks))), (text, data.draw(st.sampled_from(["body", "caption"]))))
    assume(len(blocks) <= REPEAT_WINDOW)
    assert drop_repeats(blocks) == reference_drop_repeats(blocks)


STARTS = st.sampled_from([b"", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff", b"\xef\xbb\xbf",
                          b"{", b"[", b'{"text": ', b"<html><body>", b"<p>", b"text,date\n", b"date,body\n", b"\x00",
                          b"\x1f\x8b", b"\x89PNG\r\n\x1a\n", b"[" * 5000, b"<div>" * 400])


@FAST
@given(STARTS, st.binary(max_size=2000), st.sampled_from(["a.txt", "a.csv", "a.jsonl", "a.json", "a.html", "a"]))
def test_readers_on_bytes_that_start_like_something(tmp_path, start, data, name):
    path = tmp_path / name
    path.write_bytes(start + data)
    for item in read_path(str(path), {"published": date(2019, 1, 1)}):
        assert type(item).__name__ in ("RawDocument", "SitrepError")
        if isinstance(item, SitrepError):
            assert "\n" not in str(item) and str(item).startswith(str(path))


READABLE = st.text(st.characters(codec="utf-8", exclude_categories=["Cc", "Cs", "Co", "Cn", "Zl", "Zp"]),
                   min_size=1, max_size=200).filter(lambda t: t.strip() and not t.startswith("\ufeff"))


@FAST
@given(READABLE, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32", "utf-16-le-nobom", "cp1252"]))
def test_decodable_text_reads_back_unchanged(text, encoding):
    if encoding == "utf-16-le-nobom":
        assume(all(ord(ch) < 256 for ch in text) and sum(ch != "\x00" for ch in text) > 0)
        data = text.encode("utf-16-le")
    elif encoding == "cp1252":
        try:
            data = text.encode("cp1252")
            data.decode("utf-8")
            assume(False)  # also valid UTF-8: read as UTF-8, rightly
        except UnicodeEncodeError:
            assume(False)
        except UnicodeDecodeError:
            pass
    else:
        data = text.encode(encoding)
    try:
        assert decode_bytes(data, "x") == text
    except SitrepError as error:
        assert "binary" in str(error) or "whitespace" in str(error)  # e.g. text that is mostly symbols: refused whole
