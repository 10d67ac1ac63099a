"""Dates resolved against the publication date, as the reports' own words give them."""
from datetime import date

from sitrep.extract.time import find_time_expressions, with_future

ALEPPO = date(2016, 12, 9)  # a Friday


def resolve(text, published, future=False):
    found = find_time_expressions(text, published)
    assert found, text
    expression = with_future(found[0], published, future)
    return expression.date, expression.precision


def test_aleppo_relative_days():
    assert resolve("The Syrian army pressed an offensive in Aleppo on Friday", ALEPPO) == ("2016-12-09", 1)
    assert resolve("government forces advanced on Thursday", ALEPPO) == ("2016-12-08", 1)
    assert resolve("US and Russian officials will meet in Geneva on Saturday", ALEPPO, future=True) == ("2016-12-10", 1)
    assert resolve("a ceasefire ... beginning on Friday evening", ALEPPO) == ("2016-12-09", 1)
    assert resolve("had fled parts of east Aleppo in the last 24 hours", ALEPPO) == ("2016-12-09", 1)


def test_aleppo_vaguer_spans():
    day, precision = resolve("which the Syrian army took control of this week", ALEPPO)
    assert precision == 2 and "2016-12-05" <= day <= "2016-12-09"
    day, precision = resolve("have in the last two weeks driven rebels from most of their territory", ALEPPO)
    assert precision == 3 and "2016-11-25" <= day <= "2016-12-09"


def test_history_is_marked_background():
    [since] = find_time_expressions("The rebels have controlled the eastern section since 2012", ALEPPO)
    assert since.background and since.date is None


def test_guardian_weekdays():
    # Guardian 2018-03-31 (a Saturday): "an operation in Manbij, northern Syria on Thursday"
    assert resolve("during an operation in Manbij, northern Syria on Thursday", date(2018, 3, 31)) == ("2018-03-29", 1)
    # Guardian 2018-01-23 (a Tuesday): "Turkey launched the assault on Saturday"
    assert resolve("Turkey launched the assault on Saturday", date(2018, 1, 23)) == ("2018-01-20", 1)
    # Guardian 2017-10-14 (a Saturday): "On Friday, a local official said ..."
    assert resolve("On Friday, a local official said", date(2017, 10, 14)) == ("2017-10-13", 1)


def test_explicit_dates():
    assert resolve("in this handout picture provided by SANA on December 8, 2016", ALEPPO) == ("2016-12-08", 1)
    assert resolve("on 3 March", date(2019, 3, 22)) == ("2019-03-03", 1)
    assert resolve("in March 2018", date(2019, 3, 22)) == ("2018-03-15", 3)


def test_no_publication_date_no_guess():
    found = find_time_expressions("clashes on Friday", None)
    assert found and found[0].date is None


def test_old_years_mark_history():
    # Guardian 2018-02-08: "The group's leader, Mohammed Emwazi, ... was killed in a 2015 airstrike."
    published = date(2018, 2, 8)
    assert find_time_expressions("was killed in a 2015 airstrike.", published)[0].background
    # Guardian 2018-03-30: "About 2,000 US troops ... have fought to liberate the former Isis stronghold since September 2014."
    assert find_time_expressions("have fought to liberate the stronghold since September 2014.", published)[0].background
    # a year that is not a date: "a 2000-strong force"; a still-running battle: "raging since June"
    assert find_time_expressions("a 2000-strong force", published) == []
    assert not find_time_expressions("has been raging since June", date(2017, 10, 14))[0].background


def test_two_named_days_give_the_latest():
    # Guardian, Sunday 2018-01-28: "the congress, meeting in ... Sochi on Monday and Tuesday" (annotation: latest day, precision 2)
    assert resolve("meeting in Sochi on Monday and Tuesday", date(2018, 1, 28), future=True) == ("2018-01-30", 2)
    assert resolve("clashes on Saturday and Sunday", date(2018, 1, 22)) == ("2018-01-21", 2)


def test_seasons():
    # Guardian 2017-10-14: "Among those who left the city over the summer was Sally Jones, ... believed to have been killed in a drone strike"
    assert resolve("who left the city over the summer", date(2017, 10, 14)) == ("2017-07-15", 3)
    assert resolve("fighting in the winter", date(2017, 10, 14)) == ("2017-01-15", 3)


def test_vague_periods_are_coded_on_their_latest_day_so_far():
    # docs/annotation.md: "this month", "this week" on the report's day; "early January" on the 10th
    assert resolve("President Rouhani's tour of Iraq this month", date(2019, 3, 26)) == ("2019-03-26", 3)
    assert resolve("as the UN said this week", date(2018, 6, 30)) == ("2018-06-30", 2)
    assert resolve("The two men were captured in early January", date(2018, 2, 8)) == ("2018-01-10", 3)


def test_days_counted_from_another_day():
    # Guardian 2019-02-14: "in the northern town of Qamishli on Thursday, four Kurdish fighters killed on the battlefront a day earlier"
    found = find_time_expressions("in Qamishli on Thursday, four fighters killed a day earlier were buried", date(2019, 2, 14))
    assert [(t.text, t.date) for t in found] == [("on Thursday", "2019-02-14"), ("a day earlier", "2019-02-13")]
    # Guardian 2018-02-20: "The development came a day after Turkey said it would hit back at the troops"
    assert resolve("The development came a day after Turkey said it would hit back", date(2018, 2, 20)) == ("2018-02-19", 1)
    # "five days before" with no day named to count from: no date
    assert find_time_expressions("During his phone call five days before", date(2019, 1, 7))[0].date is None


def test_the_weekend():
    # Guardian, Tuesday 2019-03-26: "Isis militants continued to emerge from underground tunnels over the weekend, surrendering ..."
    assert resolve("continued to emerge over the weekend", date(2019, 3, 26)) == ("2019-03-24", 2)
    assert resolve("clashes over the weekend", date(2019, 3, 24)) == ("2019-03-24", 2)


def test_a_season_of_a_year_long_past_is_history():
    found = find_time_expressions("In that fateful summer of 2014, Bafrin was outside Kocho.", date(2018, 9, 9))
    assert [(e.text, e.background) for e in found] == [("summer of 2014", True)]
    assert resolve("the offensive planned for the summer of 2018", date(2018, 3, 1))[1] == 3


def test_the_middle_of_a_month():
    # Guardian 2018-02-09: "the pair were seized by US-backed Syrian rebel forces in mid-January"
    assert resolve("the pair were seized by US-backed Syrian rebel forces in mid-January", date(2018, 2, 9)) == ("2018-01-15", 3)


def test_next_week_names_no_day():
    # docs/annotation.md: "Planned events with no day given: the publication date, precision 2". Guardian 2017-12-14:
    # "De Mistura said he would report the outcome of the talks to the UN Security Council next week"
    assert resolve("he would report the outcome of the talks to the UN Security Council next week", date(2017, 12, 14),
                   future=True) == ("2017-12-14", 2)
