"""Readers: every accepted input kind gives the same article text."""
import json
from datetime import date

import pytest

from sitrep.errors import SitrepError
from sitrep.ingest.readers import read_documents

TEXT = ("Turkey launched the assault on Saturday, aiming to force the Syrian Kurdish Democratic Union party (PYD) "
        "and its military wing, the People’s Protection Units (YPG), out of Afrin.")


def test_plain_text(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    [doc] = list(read_documents([str(path)], {"published": date(2018, 1, 23)}))
    assert doc.text == TEXT and doc.published == date(2018, 1, 23)


def test_csv_with_text_and_date(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text('date,text,source\n2018-01-23,"' + TEXT + '",Guardian\n', encoding="utf-8")
    [doc] = list(read_documents([str(path)]))
    assert doc.text == TEXT and doc.published == date(2018, 1, 23) and doc.source == "Guardian"


def test_jsonl_with_broken_line_goes_on(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": TEXT, "date": "2018-01-23"}) + "\n{broken\n" + json.dumps({"text": TEXT}) + "\n", encoding="utf-8")
    items = list(read_documents([str(path)]))
    assert [type(i).__name__ for i in items] == ["RawDocument", "SitrepError", "RawDocument"]
    assert "line 2" in str(items[1])


def test_html_boilerplate_stripped(tmp_path):
    page = ("<html><head><title>Turkey attacks Afrin</title></head><body><nav>Home | World | Sign in</nav>"
            "<article><h1>Turkey attacks Afrin</h1><p>" + TEXT + "</p><p>" + TEXT.replace("Saturday", "Sunday") +
            "</p></article><footer>© 2018 Example News. All rights reserved.</footer></body></html>")
    path = tmp_path / "a.html"
    path.write_text(page, encoding="utf-8")
    [doc] = list(read_documents([str(path)]))
    assert "Turkey launched the assault on Saturday" in doc.text
    assert "All rights reserved" not in doc.text and "Sign in" not in doc.text


def test_csv_without_text_column_is_one_clear_error(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("date,body_text\n2019-01-01,x\n", encoding="utf-8")
    [error] = list(read_documents([str(path)]))
    assert isinstance(error, SitrepError) and "bad.csv" in str(error) and "text" in str(error)


@pytest.mark.parametrize("content,reason", [(b"", "empty"), (b"   \n\t ", "whitespace"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary")])
def test_unusable_files(tmp_path, content, reason):
    path = tmp_path / "x.txt"
    path.write_bytes(content)
    [error] = list(read_documents([str(path)]))
    assert isinstance(error, SitrepError) and reason in str(error) and "x.txt" in str(error)
