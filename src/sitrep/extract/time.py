"""Time: a sentence's text and the publication date in, dated time expressions out.

`find_time_expressions` returns each expression with its character span, the
resolved ISO date, the ACLED time precision (1 day, 2 week or a few days,
3 month or vaguer) and whether it points at the future. Weekdays resolve to
the latest such day on or before publication, or the next one after it for
planned events. Nothing is guessed without a publication date.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, timedelta

from .lexicon import beginnings, may_begin, word_beginnings

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"]
MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "a": 1, "few": 3, "several": 3, "24": 1, "48": 2, "72": 3}

MONTH_RE = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
PATTERNS = [
    ("dmy", rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)? (?P<m>{MONTH_RE})(?:,? (?P<y>(?:19|20)\d\d))?\b"),
    ("mdy", rf"\b(?P<m>{MONTH_RE}) (?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,? (?P<y>(?:19|20)\d\d))?\b"),
    ("month", rf"\b(?:in|since|during|by|early|late|mid-|earlier this|end of)?\s*(?P<m>{MONTH_RE}) (?P<y>(?:19|20)\d\d)\b|\b(?:(?:in|since|during|early|late|earlier in|end of|last|as (?:recently|early|late) as) |(?:in |since |by )?mid-)(?P<m2>{MONTH_RE})\b"),
    ("weekday_pair", r"\b(?:on\s+)?(?P<wd1>monday|tuesday|wednesday|thursday|friday|saturday|sunday) and (?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"),
    ("weekday", r"\b(?:(?P<rel>last|this|next|on|early|late)\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(?:morning|afternoon|evening|night))?\b"),
    ("yesterday", r"\b(?:yesterday|last night|overnight)\b"),
    ("today", r"\b(?:today|tonight|this morning|this afternoon|this evening|earlier today)\b"),
    ("tomorrow", r"\btomorrow\b"),
    ("last_hours", r"\b(?:in|over|during) the (?:last|past) (?P<n>24|48|72) hours\b"),
    ("last_days", r"\b(?:in|over|during|for) the (?:last|past) (?P<n>\w+) (?P<unit>days|weeks|months)\b"),
    ("days_earlier", r"\b(?P<n>a|one|two|three|four|five|six|\d) days? (?:earlier|before)\b"),
    ("days_after", r"\b(?:came|comes|come|was|is) (?:just )?(?P<n>a|one|two|three|four|five|six|\d) days? after\b"),
    ("ago", r"\b(?P<n>\w+) (?P<unit>days?|weeks?|months?) ago\b"),
    ("weekend", r"\b(?:over|during|at|on) the weekend\b|\b(?:this|last) weekend\b"),
    ("this_week", r"\b(?:this|earlier this|later this) week\b"),
    ("last_week", r"\blast week\b"),
    ("next_week", r"\bnext week\b"),
    ("this_month", r"\b(?:this|earlier this|later this) month\b"),
    ("last_month", r"\blast month\b"),
    ("year", r"\b(?:in )?(?:mid|early|late)-(?P<y>(?:19|20)\d\d)\b"),
    ("year", r"\b(?:summer|winter|spring|autumn|fall|end|beginning|start|middle|first half|second half) of (?P<y>(?:19|20)\d\d)\b"),
    ("year", r"\b(?:in|during|a|an|the|its) (?P<y3>(?:19|20)\d\d)[-–]\d{1,4}\b|\b(?:in|since|during|by|from) (?P<y>(?:19|20)\d\d)\b|\b(?:a|an|the|its|their|his|her) (?:(?:failed|abortive|attempted|botched|bloody|deadly|disputed|contested|earlier|previous) )?(?P<y2>(?:19|20)\d\d)(?![-,.\d]| (?:people|men|women|fighters|troops|soldiers|civilians|families|refugees))\b"),
    ("last_year", r"\b(?:last year|(?:in|since|during) the (?:previous|past) year)\b"),
    ("season", r"\b(?:over|during|in|through|this|last|earlier this) (?:the )?(?P<season>summer|winter|spring|autumn)\b"),
    ("this_year", r"\b(?:earlier|later) this year\b"),
    ("years_ago", r"\b(?P<n>\w+) years? ago\b|\bin the (?:last|past) (?P<n2>\w+) years\b|\bsince the (?:start|beginning) of the (?:war|conflict|uprising)\b|\bthe (?:\w+ )?years since\b"),
]
COMPILED = [(kind, re.compile(pattern, re.I)) for kind, pattern in PATTERNS]


@dataclass
class TimeExpression:
    start: int
    end: int
    text: str
    date: str | None
    precision: int | None
    future: bool = False
    background: bool = False  # a year or more back: history, not this event


def _month_number(text: str) -> int:
    text = text.casefold()  # not lower(): re.I lets "ſ" (long s) match "s", and only casefold() maps it back
    return MONTH_ABBR[text.rstrip(".")[:4] if text.startswith("sept") else text[:3]]


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _nearest_year(published: date, month: int, day: int, future: bool) -> date | None:
    candidate = _safe_date(published.year, month, day)
    if candidate is None:
        return None
    if not future and candidate > published + timedelta(days=7):
        candidate = _safe_date(published.year - 1, month, day)
    return candidate


def resolve_weekday(published: date, weekday: int, future: bool, rel: str | None) -> date:
    if future or rel == "next":
        delta = (weekday - published.weekday()) % 7 or (7 if rel == "next" else 0)
        return published + timedelta(days=delta)
    delta = (published.weekday() - weekday) % 7
    if rel == "last" and delta == 0:
        delta = 7
    return published - timedelta(days=delta)


def _count(word: str) -> int | None:
    word = word.casefold()
    return int(word) if word.isdecimal() else NUMBER_WORDS.get(word)  # isdigit() passes "²", which int() refuses


def _latest_day_of_month(year: int, month: int, words: str, published: date | None) -> date:
    """The day a month phrase is coded on: the report's day for the current month (the latest day so far),
    the 10th for "early June", the month's end for "late June", else the middle."""
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1))
    lowered = words.lower()
    day = last.replace(day=10) if "early" in lowered else last if ("late" in lowered or "end of" in lowered) else last.replace(day=15)
    if published is not None and (year, month) == (published.year, published.month):
        day = published if "early" not in lowered else min(day, published)
    return min(day, published) if published is not None else day


def _resolve(kind: str, match: re.Match, published: date | None, future: bool) -> tuple[date | None, int | None, bool]:
    """(date, precision, background) of one match."""
    groups = match.groupdict()
    if kind in ("dmy", "mdy"):
        month, day = _month_number(groups["m"]), int(groups["d"])
        if groups.get("y"):
            return _safe_date(int(groups["y"]), month, day), 1, False
        return (_nearest_year(published, month, day, future), 1, False) if published else (None, None, False)
    if kind == "month" and match.group(0).strip().lower().startswith("since") and published is not None:
        if groups.get("y") and int(groups["y"]) < published.year:
            return None, None, True  # "have fought ... since September 2014": years of war, not this event
        return published, 2, False  # "raging since June": still going on when reported
    if kind == "month":
        month_text = groups.get("m") or groups.get("m2")
        month = _month_number(month_text)
        year = int(groups["y"]) if groups.get("y") else (published.year if published else None)
        if year is None:
            return None, None, False
        if not groups.get("y") and published and month > published.month and not future:
            year -= 1
        return _latest_day_of_month(year, month, match.group(0), published), 3, False
    if kind == "year":
        year = int(groups.get("y") or groups.get("y2") or groups["y3"])  # a span ("the 1992-5 war") by its start
        background = published is None or year < published.year
        return (date(year, 7, 1), 3, background) if not background else (None, None, True)
    if kind == "season" and published is not None:
        middle = {"winter": 1, "spring": 4, "summer": 7, "autumn": 10}[groups["season"].lower()]
        day = date(published.year, middle, 15)
        if day > published:
            day = date(published.year - 1, middle, 15)
        return day, 3, False  # "over the summer" (told in October): July, a season ago
    if kind in ("years_ago", "last_year"):
        return None, None, True
    if kind == "this_year":
        return (published - timedelta(days=45), 3, False) if published else (None, None, False)
    if published is None:
        return None, None, False
    if kind == "days_after":  # "the development came a day after Turkey said ...": counted back from the report
        return published - timedelta(days=_count(groups["n"]) or 1), 1, False
    if kind == "days_earlier":  # counted from another day the sentence names (below), else unknown
        return None, None, False
    if kind == "weekday":
        day = resolve_weekday(published, WEEKDAYS.index(groups["wd"].casefold()), future, (groups.get("rel") or "").lower() or None)
        return day, 1, False
    if kind == "weekday_pair":  # "on Monday and Tuesday": a two-day event, coded on its latest day
        first = resolve_weekday(published, WEEKDAYS.index(groups["wd1"].casefold()), future, None)
        second = resolve_weekday(published, WEEKDAYS.index(groups["wd"].casefold()), future, None)
        return max(first, second), 2, False
    if kind == "yesterday":
        return published - timedelta(days=1), 1, False
    if kind == "today":
        return published, 1, False
    if kind == "tomorrow":
        return published + timedelta(days=1), 1, False
    if kind == "last_hours":
        return published, 1, False
    if kind == "last_days":
        count = _count(groups["n"]) or 3
        span_days = count * {"days": 1, "weeks": 7, "months": 30}[groups["unit"].casefold()]
        precision = 2 if span_days <= 7 else 3
        return published, precision, False  # "in the last two weeks": up to the day of the report
    if kind == "ago":
        count = _count(groups["n"])
        if count is None:
            return None, None, False
        unit = groups["unit"].lower().rstrip("s")
        if unit == "month":  # "a month ago": the same day of the month, counted back on the calendar
            month_index = published.year * 12 + published.month - 1 - count
            year, month = divmod(month_index, 12)
            day = min(published.day, 28)
            return date(year, month + 1, day if published.day <= 28 else day), 3, False
        days = count * {"day": 1, "week": 7}[unit]
        return published - timedelta(days=days), {"day": 1, "week": 2}[unit], False
    if kind == "weekend":  # the latest Sunday up to the report (a Saturday-Sunday span, coded on its latest day)
        return published - timedelta(days=(published.weekday() + 1) % 7), 2, False
    if kind == "this_week":  # vague periods are coded on their latest day so far (docs/annotation.md)
        return published, 2, False
    if kind == "last_week":
        return published - timedelta(days=published.weekday() + 4), 2, False
    if kind == "next_week":  # a planned event with no day given: the publication date (docs/annotation.md)
        return published, 2, False
    if kind == "this_month":
        return published, 3, False
    if kind == "last_month":  # its middle: a month before the window is history unless the text dates it better
        return (published.replace(day=1) - timedelta(days=1)).replace(day=15), 3, False
    return None, None, False


@functools.lru_cache(maxsize=1)
def _pattern_beginnings() -> list:
    return [beginnings(pattern) for _, pattern in PATTERNS]


def find_time_expressions(text: str, published: date | None, future: bool = False) -> list[TimeExpression]:
    """Time expressions of `text`, non-overlapping, earliest first."""
    found: list[TimeExpression] = []
    present = word_beginnings(text)
    for (kind, regex), starts in zip(COMPILED, _pattern_beginnings()):
        if not may_begin(starts, present):
            continue  # no word of the text can begin this kind of expression (lexicon.beginnings)
        for match in regex.finditer(text):
            if any(not (match.end() <= t.start or match.start() >= t.end) for t in found):
                continue
            if kind == "month" and not (match.group("m") or match.group("m2")):
                continue
            if kind == "mdy" and match.group("m").lower() == "may" and not match.group("y"):
                continue  # "may 5" is more often the verb
            try:
                day, precision, background = _resolve(kind, match, published, future)
            except (OverflowError, ValueError):  # off the calendar: "in the last 999999999 days", year 1 or 9999
                day, precision, background = None, None, False
            found.append(TimeExpression(match.start(), match.end(), match.group(0).strip(),
                                        day.isoformat() if day else None, precision,
                                        future=kind in ("tomorrow", "next_week"), background=background))
    found.sort(key=lambda t: t.start)
    return _count_from_named_day(found, text, published)


def _count_from_named_day(found: list[TimeExpression], text: str, published: date | None) -> list[TimeExpression]:
    """"buried on Thursday, killed a day earlier": a day counted from another day the sentence names."""
    named = [t for t in found if t.precision == 1 and t.date and not re.search(r"days? (?:earlier|before)", t.text)]
    out = []
    for expression in found:
        match = re.fullmatch(r"(?P<n>\w+) days? (?:earlier|before)", expression.text, re.I)
        if match and named and published is not None:
            base = date.fromisoformat(named[0].date)
            day = base - timedelta(days=_count(match.group("n")) or 1)
            expression = TimeExpression(expression.start, expression.end, expression.text, day.isoformat(), 1)
        out.append(expression)
    return out


def with_future(expression: TimeExpression, text_published: date | None, future: bool) -> TimeExpression:
    """Re-resolve a weekday expression for a planned event (next such day, not last)."""
    if not future or text_published is None:
        return expression
    again = find_time_expressions(expression.text, text_published, future=True)
    if again and again[0].date:
        return TimeExpression(expression.start, expression.end, expression.text, again[0].date,
                              again[0].precision, True, again[0].background)
    return expression
