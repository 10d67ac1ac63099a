"""Property tests: no input makes a reader, the cleaner, the date resolver or the figure parser raise anything but SitrepError."""
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.errors import SitrepError
from sitrep.extract.figures import find_quantities, is_context_figure
from sitrep.extract.time import find_time_expressions, with_future
from sitrep.ingest.clean import clean
from sitrep.ingest.readers import read_path
from sitrep.model import RawDocument

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
CHARACTERS = st.sampled_from(list("abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ0123456789.,;:%-’'\"“”\n\t()/"))
PHRASES = st.sampled_from(["on Friday", " last week ", "in the last 24 hours", "December 8, 2016", " 3 March ", "up to 10,500",
                           " 32 of 40 neighbourhoods", "85%", "voted 122 to 13", "since 2012", "two weeks ago",
                           " hundreds of ", "\u00a0", "\x00", "\ufeff", "99999999999999999999 killed", "31 February"])
NEWSY = st.lists(st.one_of(CHARACTERS, PHRASES), max_size=120).map("".join)


@FAST
@given(st.binary(max_size=3000), st.sampled_from(["a.txt", "a.csv", "a.jsonl", "a.html", "a"]))
def test_readers_raise_only_sitrep_errors(tmp_path, data, name):
    path = tmp_path / name
    path.write_bytes(data)
    for item in read_path(str(path), {"published": date(2019, 1, 1)}):
        assert item.__class__.__name__ in ("RawDocument", "SitrepError")


@FAST
@given(NEWSY)
def test_cleaner_raises_only_sitrep_errors(text):
    try:
        article = clean(RawDocument(text, "prop"))
    except SitrepError:
        return
    for paragraph in article.paragraphs:
        assert article.text[paragraph.start:paragraph.end] == paragraph.text


@FAST
@given(NEWSY, st.one_of(st.none(), st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31))), st.booleans())
def test_date_resolver_never_raises(text, published, future):
    for expression in find_time_expressions(text, published):
        assert text[expression.start:expression.end].strip() == expression.text
        again = with_future(expression, published, future)
        if again.date:
            date.fromisoformat(again.date)
            assert again.precision in (1, 2, 3)


@FAST
@given(NEWSY)
def test_figure_parser_never_raises(text):
    for quantity in find_quantities(text):
        assert text[quantity.start:quantity.end].strip() == quantity.text
        assert quantity.value is None or quantity.value >= 0
        is_context_figure(text, quantity)
