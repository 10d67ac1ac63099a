"""The bad-input cases, made on the fly: (file name, bytes, expected outcome, words the one-line error must hold)."""
from __future__ import annotations

import gzip
import os
import random

GOOD_TEXT = ("Turkish forces shelled the town of Afrin on Saturday, killing three civilians, the Syrian Observatory "
             "for Human Rights said. The shelling continued into the night.")

CP1252_TEXT = ("“The shelling of Afrin went on all night,” said José Ramírez – a doctor – after Turkish forces killed "
               "three civilians on Saturday, the Syrian Observatory for Human Rights said.")

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
        ("over_60mb.txt", b"x" * (61 * 1024 * 1024), "61 MB, over the 60 MB limit"),
        ("broken_utf16.txt", b"\xff\xfe" + GOOD_TEXT.encode("utf-16-le") + b"\x00\xd8", "invalid UTF-16"),
        ("deep.jsonl", b"[" * 100000 + b"\n", "nested too deeply"),
        ("huge_number.jsonl", b'{"text": "x", "n": ' + b"1" * 5000 + b"}\n", "4300 digits"),
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
    ] + more_good_cases()


def more_good_cases() -> list[tuple[str, bytes]]:
    """More inputs that must be processed: other encodings, deep HTML, and texts that used to crash or hang sitrep."""
    return [
        ("cp1252.txt", CP1252_TEXT.encode("cp1252")),  # “curly quotes” and dashes: control bytes in Latin-1
        ("utf16be.txt", ("\ufeff" + GOOD_TEXT.replace("Afrin", "Kobani")).encode("utf-16-be")),
        ("utf16_no_bom.txt", GOOD_TEXT.replace("Afrin", "Tal Abyad").encode("utf-16-le")),
        ("utf32.txt", GOOD_TEXT.replace("Afrin", "Qamishli").encode("utf-32")),
        ("html_300_levels.html", (b"<html><body>" + b"<div>" * 300 + b"<p>" + GOOD_TEXT.replace("Afrin", "Mare").encode()
                                  + b"</p>" + b"</div>" * 300 + b"</body></html>")),
        # a hyphenated run the dateline pattern backtracked on for hours; a "a/a/a..." run, the photo-credit pattern
        ("dateline_run.txt", ("A-" * 20000 + "A: " + GOOD_TEXT.replace("Afrin", "Tal Rifaat") + "\n").encode()),
        ("credit_run.txt", ("a/" * 200000 + "a\n\n" + GOOD_TEXT.replace("Afrin", "Manbij city") + "\n").encode()),
        # 20,000 one-line paragraphs: repeated paragraphs were looked for pair by pair (hours)
        ("many_lines.txt", ("Yes.\n" * 20000 + GOOD_TEXT.replace("Afrin", "Raqqa") + "\n").encode()),
        # dates off the calendar and infinite numbers made the date and figure parsers raise
        ("off_calendar.txt", (GOOD_TEXT.replace("Afrin", "Hama").replace("on Saturday", "in the last 999999999 days")
                              + "\n\nRebels took 5 of the nan towns; the council voted " + "9" * 400 + " to 3.\n").encode()),
        ("surrogate.jsonl", ('{"text": "' + GOOD_TEXT.replace("Afrin", "Saraqib").replace("said.", "said \\ud800.")
                             + '", "date": "2018-01-23"}\n').encode()),
    ]


def write(folder, cases) -> None:
    os.makedirs(folder, exist_ok=True)
    for name, content, *_ in cases:
        with open(os.path.join(folder, name), "wb") as handle:
            handle.write(content)
