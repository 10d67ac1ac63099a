"""The bad-input cases, made on the fly: (file name, bytes, expected outcome, words the one-line error must hold)."""
from __future__ import annotations

import gzip
import os
import random

GOOD_TEXT = ("Turkish forces shelled the town of Afrin on Saturday, killing three civilians, the Syrian Observatory "
             "for Human Rights said. The shelling continued into the night.")

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
       b"\x00\x00\x00\nIDATx\x9cc\x00\x01\x00\x00\x05\x00\x01\r\n-\xb4\x00\x00\x00\x00IEND\xaeB`\x82")


def bad_cases() -> list[tuple[str, bytes, str]]:
    """(name, content, words of the expected error)."""
    rng = random.Random(7)
    return [
        ("empty.txt", b"", "empty"),
        ("whitespace.txt", b"   \n\t\n  ", "only whitespace"),
        ("random.bin", bytes(rng.randrange(256) for _ in range(4096)), "binary"),
        ("picture.png", PNG, "binary"),
        ("archive.txt.gz", gzip.compress(GOOD_TEXT.encode()), "binary"),
        ("no_text_column.csv", b"date,headline\n2019-01-01,Something\n", "no 'text' column"),
        ("huge.txt", (GOOD_TEXT + "\n\n").encode() * (50 * 1024 * 1024 // (len(GOOD_TEXT) + 2)), "over the"),
        ("nested.html", b"<html><body>" + b"<div>" * 20000 + GOOD_TEXT.encode() + b"</div>" * 20000 + b"</body></html>", "HTML"),
        ("bad_date.csv", ('date,text\nnot-a-date,"' + GOOD_TEXT + '"\n').encode(), "cannot parse date"),
    ]


def good_cases() -> list[tuple[str, bytes]]:
    """Inputs that must be processed: odd encodings, broken-but-readable HTML, a 1 MB line."""
    latin = "Clashes broke out in Deir ez-Zor on Friday, killing two fighters, said Zoé Müller of the Observatory."
    return [
        ("latin1.txt", latin.replace("Deir ez-Zor", "Deir ez-Zor").encode("latin-1")),
        ("utf16.txt", GOOD_TEXT.replace("Afrin", "Manbij").encode("utf-16")),
        ("bom.txt", b"\xef\xbb\xbf" + GOOD_TEXT.replace("Afrin", "Idlib").encode("utf-8")),
        ("truncated.html", ("<html><head><title>Afrin</title></head><body><article><p>" + GOOD_TEXT.replace("Afrin", "Azaz")
                            + "</p><p>Residents said the").encode()),
        ("one_line.txt", ("lorem ipsum dolor sit amet " * 40000).encode()),
        ("mixed.jsonl", (('{"text": "' + GOOD_TEXT.replace("Afrin", "Jarablus") + '", "date": "2018-01-23"}\n')
                         + '{"text": broken json\n' + '["not", "an", "object"]\n').encode()),
    ]


def write(folder, cases) -> None:
    os.makedirs(folder, exist_ok=True)
    for name, content, *_ in cases:
        with open(os.path.join(folder, name), "wb") as handle:
            handle.write(content)
