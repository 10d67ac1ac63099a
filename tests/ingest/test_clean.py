"""Cleaning: paragraph roles and repeated paragraphs, from the Aleppo report's text."""
from datetime import date

from sitrep.ingest.clean import clean, drop_repeats, paragraph_role
from sitrep.model import RawDocument


def roles(article):
    return [(p.role, p.text[:40]) for p in article.paragraphs]


def test_aleppo_title_caption_dateline_heading(aleppo_article):
    assert aleppo_article.title == "Syrian Government Forces Advance In East Aleppo"
    by_role = {}
    for paragraph in aleppo_article.paragraphs:
        by_role.setdefault(paragraph.role, []).append(paragraph.text)
    assert len(by_role["caption"]) == 1  # printed twice, kept once
    assert by_role["caption"][0].startswith("People, who left the eastern districts of Aleppo")
    assert by_role["dateline"] == ["Aleppo, Syria/Beirut"]
    assert "Rockets, bombs, artillery" in by_role["heading"]
    assert "‘No negotiations now’" in by_role["heading"]


def test_aleppo_lede_printed_twice_kept_once_in_its_fuller_place(aleppo_article):
    text = aleppo_article.text
    assert text.count("The Syrian government now appears closer to victory") == 1
    lede = text.index("The Syrian government now appears closer to victory")
    assert text[lede:].startswith("The Syrian government now appears closer to victory than at any point in the five years "
                                  "since protests against Assad evolved into an armed rebellion. The war has killed")
    assert text.index("The Syrian army pressed an offensive") < lede


def test_offsets_point_into_cleaned_text(aleppo_article):
    for paragraph in aleppo_article.paragraphs:
        assert aleppo_article.text[paragraph.start:paragraph.end] == paragraph.text


def test_article_id_is_a_content_hash():
    one = clean(RawDocument("Rebels shelled the town of Idlib on Friday, killing three people.", "a.txt", published=date(2019, 3, 1)))
    two = clean(RawDocument("Rebels shelled the town of Idlib on Friday, killing three people.", "b.txt", published=date(2019, 3, 1)))
    other = clean(RawDocument("Rebels shelled the town of Hama on Friday, killing three people.", "c.txt"))
    assert one.article_id == two.article_id != other.article_id


def test_roles_of_single_paragraphs():
    assert paragraph_role("Credit: SANA/Handout via Reuters") == "credit"
    assert paragraph_role("Read more: the war in Syria explained") == "boilerplate"
    assert paragraph_role("Rockets, bombs, artillery") == "heading"
    assert paragraph_role("The UN General Assembly voted 122 to 13 on Friday to demand an end to sieges.") == "body"


def test_near_duplicate_captions_collapse():
    first = ("People, who left the eastern districts of Aleppo, carry their belongings as they walk in a government held area "
             "of Aleppo, Syria, in this handout picture provided by SANA on December 8, 2016. SANA/Handout Credits: Reuters")
    second = first.replace("government held", "government-held").replace("SANA/Handout Credits: Reuters", "Credit: SANA/Handout via Reuters")
    kept = drop_repeats([(first, "caption"), (second, "caption")])
    assert kept == [(first, "caption")]


def test_guardian_single_block_article_is_one_body_paragraph():
    from conftest import guardian_article

    article = guardian_article(182)
    assert [p.role for p in article.paragraphs] == ["body"]
    assert article.published == date(2018, 1, 23)


def test_hard_wrapped_wire_copy_is_one_paragraph():
    # world dev 861 (Reuters wire copy, its line breaks kept): the lines break mid-sentence
    text = ("Protesters angered by the death\nof a young man in police custody ransacked a police station and\n"
            "government buildings in Guinea's main aluminium smelting town on\nWednesday, local residents said.")
    article = clean(RawDocument(text, "wire"))
    assert article.title is None
    assert [(p.role, p.text) for p in article.paragraphs] == [("body", " ".join(text.split("\n")))]


def test_lines_that_end_sentences_stay_paragraphs():
    text = "Rebels Killed in Congo\nDecember 7, 1998\nTroops killed 60 rebels in Ntadi.\nMore troops have been deployed."
    article = clean(RawDocument(text, "lines"))
    assert article.title == "Rebels Killed in Congo"
    assert [p.text for p in article.paragraphs][-2:] == ["Troops killed 60 rebels in Ntadi.", "More troops have been deployed."]
