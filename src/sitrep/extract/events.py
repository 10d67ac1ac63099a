"""Events: a cleaned `Article` in, its events (and article-level context figures) out.

Pipeline per article: split sentences; a cheap pass with the compiled
trigger lexicon picks the sentences worth parsing (selective parsing, on by
default); spaCy parses only those; each trigger that survives the filters
(negated, hypothetical, wished-for, mere reference, history) becomes an
event typed from the lexicon, then gets its date (`time`), place
(`places`), actors (`actors`), figures (`figures`) and claims (`claims`),
with evidence spans. `resolve.within` merges mentions of one event.
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from ..model import STATEMENT_FAMILIES, Article, Event, Sentence
from ..nlp.pipeline import load_model, parse, split_sentences
from ..nlp.syntax import governing_verb, root_of
from . import actors as actor_mod
from . import claims as claim_mod
from . import typing as typing_mod
from .figures import find_quantities, is_context_figure, is_exact
from .lexicon import DATA_DIR, beginnings, load, may_begin, read_rows, word_beginnings
from .places import Place, country_names, geocode, match_aliases, near, normalise
from .time import WEEKDAYS, TimeExpression, find_time_expressions, with_future

MAX_AGE_DAYS = 31
HISTORY = ("history", None)  # what a paragraph carries after a sentence set in a year long past
SETTING_REACH = 60  # how far into a sentence its setting may lie
SETTING_HINT = re.compile(r"(?:19|20)\d\d|year|since", re.I)  # every background time expression has one of these
SETTING_BEFORE = re.compile(r"\W*(?:(?:in|during|by|that|the|this|then|back|it was|late|early)\s+|\w+ful\s+)*", re.I)
MAX_REPORT_AGE_DAYS = 183  # a monitor's report documents events weeks or months after they happened
DOCUMENTING_REPORT = re.compile(r"\b(?:according to|in|said|says) (?:a|an|the|its) (?:[\w.-]+ ){0,3}(?:report|investigation|findings)\b|"
                                r"\breport (?:released|published|issued)\b", re.I)
CLAUSE_DEPS = {"ROOT", "relcl", "advcl", "ccomp", "conj", "parataxis", "acl", "xcomp", "pcomp"}
IRREALIS_LEMMAS = {"want", "urge", "ask", "call", "demand", "hope", "seek", "aim", "propose", "need", "wish",
                   "plan", "intend", "threaten", "prepare", "help", "focus", "let", "allow",
                   "prevent", "avoid", "discuss", "consider", "expect", "fear", "would", "could", "should"}
INQUIRY_NOUNS = {"investigation", "inquiry", "probe", "enquiry"}
HYPOTHETICAL_AUX = {"would", "could", "might", "may", "should", "must"}
FUTURE_AUX = {"will", "'ll", "shall"}
REFERENCE_PREPS = {"over", "about", "regarding", "despite", "after", "since", "following", "amid", "before", "of"}
NEGATION_NEAR = re.compile(r"\b(?:no|not|never|nor|without)\s+(?:\w+\s+){0,3}$", re.I)
ALMOST_BEFORE = re.compile(r"\b(?:almost|nearly)\s+$", re.I)  # "tensions almost exploded": it did not happen
NO_SIGN = re.compile(r"\bno (?:sign|signs|reports?|indication|evidence|immediate sign)\b", re.I)
NEAR_WORDS = re.compile(r"\b(?:near|around|outside|close to|(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)(?:ern)? of|on the outskirts of)\s+(?:the\s+)?$", re.I)
# "Jordan Davis reports", "Israel Katz said": a place name that is a person's first name, known by the surname and
# the speech verb after it
SPEAKER_SURNAME_AFTER = re.compile(
    r" (?!(?:Army|Navy|Police|Government|Military|Taliban|Ministry|Times|Today|Radio|Television|Airways|Rebels|Forces"
    r"|Embassy|Council|Parliament|Senate|Customs|Guard|Red|Post|Herald|Observer|Tribune|Daily|News|Weekly)\b)"
    r"[A-Z][a-z]+(?:-[A-Z][a-z]+)? (?:reports|reported|says|said|told|writes|wrote|asked|added)\b")
EXCLUDE_BEFORE_PLACE = re.compile(r"(?:outside of|outside|beyond|speaking from|based in|(?:envoy|ambassador|representative|emissary) (?:to|for))\s+(?:the\s+)?$", re.I)
MEETING_AFTER = re.compile(r"\s+(?:peace )?(?:talks|conference|summit|meeting|process|congress|negotiations|agreement|deal|accord|declaration|format)\b")
STATE_ACTOR = re.compile(r"^(?:Government|Military Forces|Police Forces) of (?:the )?(?P<country>[^(]+?)(?: \(.*\))?$")
STRICT_PLACE_FAMILIES = {"consult", "vote", "sanction", "dialogue", "threat"}
CAPITALISED_PLACE = re.compile(r"\b(?:in|at|near|of|around|into|on|outside|towards|toward|from|and) (?:the )?((?:al|el|ar|as|ad|ash)-[A-Z][\w’']+|[A-Z][\w’']+(?:[ -](?:al-)?[A-Z][\w’']+){0,2})")


@dataclass
class Trigger:
    start: int  # offsets within the sentence
    end: int
    row: dict
    token: object = None
    absorbed: list = field(default_factory=list)
    mode: str = ""  # modality(), worked out once by keep_trigger


@dataclass
class ArticleState:
    """What earlier sentences of the article tell later ones."""

    focus_country: str | None
    focus_country_name: str | None
    focus_place: Place | None
    last_claimant: str | None = None
    last_place_by_paragraph: dict = field(default_factory=dict)
    last_venue_by_paragraph: dict = field(default_factory=dict)  # where talks or votes were: no place for later fighting
    last_date_by_paragraph: dict = field(default_factory=dict)
    surnames: frozenset = frozenset()  # "Bolton" after "John Bolton": a person, not the English town
    last_place_by_family: dict = field(default_factory=dict)
    venues: dict = field(default_factory=dict)  # "the stadium in Sydney": later, "outside the stadium" is in Sydney  # "The two men were captured in early January": where the capture was


LONG_RUNNING = re.compile(r"(?:decades?|years?|months?)-long|long-running|long-standing", re.I)
MAX_TOLL = 10_000_000  # a "death toll" above this is a misreading, not one event's deaths
PLANNABLE_FAMILIES = {"consult", "vote", "sanction", "dialogue", "aid", "agreement", "ceasefire", "reject", "threat"}
PERSON_WORDS = {"he", "she", "him", "her", "they", "them", "man", "men", "woman", "women", "militant", "militants",
                "suspect", "suspects", "member", "members", "leader", "commander", "fighter", "fighters", "soldier",
                "soldiers", "journalist", "activist", "activists", "jihadist", "jihadists", "insurgent", "insurgents",
                "rebel", "rebels", "hostage", "hostages", "civilians", "people", "children", "nationals", "citizens", "pair",
                "girl", "girls", "boy", "boys", "child", "teenager", "teenagers", "student", "students", "villager",
                "villagers", "farmer", "farmers", "worker", "workers", "priest", "priests", "tourist", "tourists",
                "wife", "husband", "daughter", "son", "mother", "father", "passenger", "passengers", "teacher", "teachers"}
STOPPING_LEMMAS = {"halt", "block", "stop", "prevent", "cancel", "postpone", "deny", "avert", "avoid", "end"}
CUMULATIVE = re.compile(r"\bsince (?:the|its|their) (?:campaign|offensive|operation|war|conflict|start|beginning|uprising|assault)\b|"
                        r"\bsince (?:19|20)\d\d\b|\bso far this year\b|\bsince the start of\b|"
                        r"\bin (?:the (?:past|last) )?(?:\w+ )?(?:days|weeks|months|years) of\b|"
                        r"\bover (?:the (?:past|last) )?(?:\w+ )?(?:days|weeks|months|years)\b|"
                        r"\bin (?:\w+ )(?:weeks|months|years)\b|\bthe (?:19|20)\d0s\b|"
                        r"\b\w+-year(?:-old)? (?:war|conflict|civil war|insurgency|uprising)\b|"
                        r"\b(?:week|month)-?long (?:carnage|bloodshed|bombardment|onslaught|campaign|offensive|assault)\b", re.I)
OBITUARY = re.compile(r"^\W*(?:[\w’'-]+\s+){0,6}?(?:[\w’'-]+,\s+)?who has died(?:\s+\w+){0,3}? aged \d+\b", re.I)
NEXT_STEP_BEFORE = re.compile(r"\bnext steps? (?:is|are|will be|would be|was)\b[^.;]{0,40}$", re.I)
SUPERLATIVE_BEFORE = re.compile(r"\b(?:worst|deadliest|bloodiest|biggest|largest|heaviest|most serious|first|highest)\b[^.;]*$", re.I)
PARTICIPANT_NOUNS = {"protesters", "demonstrators", "protestors", "marchers"}
DISPERSING_LEMMAS = {"disperse", "break", "stop", "block", "suppress", "crush"}
BACKGROUND_ADVERBS = {"previously", "formerly", "long", "once", "repeatedly", "often", "frequently", "usually", "regularly",
                      "slowly", "gradually", "steadily", "progressively",
                      "rarely", "seldom", "sometimes", "routinely", "traditionally"}
VIOLENT_FAMILIES = {"battle", "attack", "territory", "air", "shelling", "suicide", "ied", "grenade", "chemical", "civ_attack"}
PLANNED_HEADS = {"due", "set", "scheduled", "schedule", "expected", "expect", "going", "plan", "agree", "decide", "prepare"}
ATTEMPT_HEADS = {"try", "attempt", "begin", "start", "continue", "manage", "seek_to_advance",
                 # purpose after a done act: "came out on roads to protest", "used machetes to kill"
                 "come", "gather", "assemble", "march", "rally", "use", "take"}
ABUSE_FAMILIES = {"civ_attack", "abduction", "arrest", "sexual", "killing"}
DIRECTION = re.compile(r"\bthe city[’']s (?:[\w-]+ )?(east|west|north|south)(?:ern)?\b", re.I)
PRONOUN_SPEECH = re.compile(r"\b(?:he|she|they|the (?:official|source|fighter|spokesman|commander))\s+(?:said|added|told)\b", re.I)
BACKGROUND_FRAME = re.compile(
    r"\b(?:(?:after|following|amid|despite|through) (?!(?:a|one) (?:day|night) )(?:[\w-]+ ){0,3}(?:days?|weeks?|months?|years?|decades?) of|(?<=[\w,] )a series of|at the time of|anniversary of|a history of|memories of|the (?:threat|risk|prospect|spectre) of|"
    r"fears? of|backed by|supported by|with the (?:support|backing|help) of|(?:in (?:urgent )?)?need (?:of|for)|"
    r"(?:no )?mention of|mentioning|brac(?:ed|ing) (?:themselves |itself )?for|prepar(?:e|ed|ing) (?:themselves )?for|"
    r"(?:a )?backdrop of|anticipation of|warn(?:ed|s|ing)? (?:[\w’'-]+ ){0,6}against|"
    r"(?:accused|implicated|suspected|convicted|charged|guilty|suspicion) (?:of|in|with|for)|in connection with|"
    r"(?:notorious|infamous|known) for|(?:its|their) use (?:as an? (?:setting|venue|site|place|stage) )?for)"
    r"\s+(?:[\w’'.-]+\s+){0,5}$", re.I)  # "after weeks of fighting", "backed by US airstrikes", "implicated in ... executions"
PEOPLE_NOUNS = re.compile(r"^(?:students|workers|farmers|women|men|people|residents|supporters|teachers|doctors|nurses|"
                          r"youths?|villagers|lawyers|traders|drivers|employees|citizens|crowds?|members|activists|fans|"
                          r"miners|refugees|pensioners|mothers|families|protesters|demonstrators)$", re.I)
THING_NOUNS = {"truck", "vehicle", "helicopter", "tank", "aircraft", "jet", "plane", "drone", "unit", "squad", "team",
               "dog", "gear", "training", "drill", "exercise", "simulator", "game", "movie", "film", "song", "zone",
               "shelter", "survivor", "victim", "wound", "injury", "site", "rifle", "weapon", "suit", "helmet", "boat",
               "video", "footage", "image", "photo", "photograph", "picture", "clip", "propaganda", "documentary",
               "force", "season", "spirit", "machine", "capability", "capacity"}
OWN_DAY_AFTER = re.compile(r"\s+(?:on|late|early|last)\s+(?:\w+\s+)?(?:" + "|".join(WEEKDAYS) + r")\b", re.I)
DONE_WHEN_AFTER = re.compile(r"\s+(?:held|carried out|launched|staged|conducted|signed|reached)\s+(?:in [A-Z]\w+\s+)?"
                             r"(?:(?:on|last)\s+\w+|yesterday|(?:\w+\s+){1,2}ago|earlier this \w+)\b")  # "a summit held two weeks ago"
MEDIA_NOUNS = {"propaganda", "video", "footage", "image", "photo", "photograph", "picture", "clip", "story", "film", "documentary"}
CONSEQUENCE_LEMMAS = {"raise", "spark", "prompt", "draw", "cause", "trigger", "anger", "strain", "provoke", "fuel", "complicate",
                      "highlight", "underline", "expose", "dominate", "overshadow", "divide", "alarm", "worry", "embolden",
                      "turn", "become", "create", "add", "change", "reshape", "undermine", "weaken", "transform", "shake"}
OPINION_LEMMAS = {"criticise", "criticize", "support", "oppose", "question", "defend", "welcome", "praise", "condemn",
                  "applaud", "denounce", "back"}
OPINION_STEMS = ("critici", "oppos", "defend", "welcom", "prais", "condemn", "applaud", "denounc")
OPINION_NOUNS = {"support", "criticism", "opposition", "praise", "condemnation", "defence", "defense"}
SUPPORT_LEMMAS = {"support", "back", "help", "assist", "aid", "protect", "cover"}
MEDIA_AFTER = re.compile(r"\s+(?:videos?|footage|images?|photos?|photographs?|pictures?|clips?|propaganda)\b", re.I)
MASS_TOLL_SUBJECT = re.compile(r"^(?:(?:tens|hundreds) of )?(?:thousands|millions)\b", re.I)
DISTRIBUTIVE = re.compile(r"\bone (?:[\w-]+ ){1,2}after (?:another|the other)\b", re.I)
LIFTING_LEMMAS = {"lifting", "lift", "easing", "removal", "relief", "end"}
SPEECH_VENUE_LEMMAS = {"tell", "address", "speak", "say"}
OWN_TIME_WORDS = re.compile(r"\b(?:" + "|".join(WEEKDAYS) + r"|yesterday|today|this (?:week|month|morning)|last (?:night|week|month)|overnight)\b", re.I)
AGO = re.compile(r"\b(?:a|one|two|three|four|five|six|\d) (?:days?|weeks?) ago\b", re.I)
DAYS_BEFORE = re.compile(r"\b(?:a|one|two|three|four|five|six|\d) days? (?:earlier|before|ago)\b", re.I)
NEGATED_TRIGGER = re.compile(r"\bnot\b", re.I)
DOCUMENT_NOUNS = {"resolution", "statement", "proposal", "proposals", "report", "letter", "plan", "draft", "text",
                  "declaration", "communique", "communiqué", "document", "memo", "law", "bill"}
PRESENT_TAGS = {"VBZ", "VBP", "VBG"}
GENERIC_STATE = re.compile(r"^(?:warplanes|helicopters)$", re.I)


def trigger_lexicon():
    return load("event_triggers.tsv")


@functools.lru_cache(maxsize=1)
def _country_rows():
    return [(row["iso3"], row["name"], re.compile(rf"(?<!\w)(?:{row['pattern']})(?!\w)", re.I))
            for row in read_rows(DATA_DIR / "countries.tsv")]


@functools.lru_cache(maxsize=1)
def _country_beginnings():
    return [beginnings(row["pattern"]) for row in read_rows(DATA_DIR / "countries.tsv")]


def country_mentions(text: str) -> Counter:
    """How often each country (ISO3) is named, by names and demonyms from countries.tsv (rows no word of the
    text can begin are not searched: see lexicon.beginnings); "Jordan Davis reports" names a person."""
    present = word_beginnings(text)
    found: Counter = Counter()
    for (iso3, _, regex), starts in zip(_country_rows(), _country_beginnings()):
        if not may_begin(starts, present):
            continue
        hits = sum(1 for m in regex.finditer(text) if not SPEAKER_SURNAME_AFTER.match(text, m.end()))
        if hits:
            found[iso3] += hits
    return found


def article_focus(article: Article) -> ArticleState:
    """The article's main country (most named) and main place (its dateline, else most named)."""
    counts: Counter = Counter()
    names = {}
    hits = country_mentions(article.text)
    for iso3, name, _ in _country_rows():  # in the file's order, so that ties go as they always did
        if hits.get(iso3):
            counts[iso3] += hits[iso3]
            names[iso3] = name
    place_counts: Counter = Counter()
    for _, _, place in match_aliases(article.text):
        counts[place.country] += 1
        place_counts[place.parent or place.name] += 1
    dateline_place = None
    for paragraph in article.paragraphs:
        if paragraph.role == "dateline":
            for part in re.split(r"[,/]", paragraph.text):
                dateline_place = geocode(part)
                if dateline_place:
                    counts[dateline_place.country] += 3
                    break
    focus_country = counts.most_common(1)[0][0] if counts else None
    focus_name = names.get(focus_country)
    if focus_name is None and focus_country:
        import pycountry

        country = pycountry.countries.get(alpha_3=focus_country)
        focus_name = getattr(country, "common_name", None) or (country.name if country else None)
    focus_place = dateline_place if dateline_place and dateline_place.country == focus_country else None
    if focus_place is None and place_counts:
        focus_place = geocode(place_counts.most_common(1)[0][0], focus_country)
    return ArticleState(focus_country, focus_name, focus_place, surnames=person_surnames(article.text),
                        venues=venue_bindings(article.text, focus_country))


VENUE_NOUNS = ("stadium", "camp", "hospital", "prison", "jail", "airport", "station", "square", "mosque", "church",
               "market", "base", "airbase", "school", "university", "embassy", "consulate", "parliament", "port",
               "bridge", "checkpoint", "crossing", "hotel", "court", "courthouse", "palace", "cathedral", "compound")
VENUE_BINDING = re.compile(r"\bthe (" + "|".join(VENUE_NOUNS) + r") (?:in|of|at|near|outside) ((?:al-)?[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?)")


def venue_bindings(text: str, focus_country: str | None) -> dict:
    """Venues the article places once ("the stadium in Sydney"), for later bare mentions ("outside the stadium")."""
    bound = {}
    for match in VENUE_BINDING.finditer(text):
        noun = match.group(1).lower()
        if noun in bound:
            continue
        place = geocode(match.group(2), focus_country)
        if place is not None and place.level in ("city", "alias"):
            bound[noun] = place
    return bound


def _bound_venue(text: str, venues: dict) -> list:
    for noun, place in venues.items():
        match = re.search(rf"\bthe {noun}\b", text, re.I)
        if match:
            return [(match.start(), match.end(), place)]
    return []


FULL_NAME = re.compile(r"\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?) ((?:al-|el-)?[A-Z][a-zé’'-]+)\b")
NOT_GIVEN_NAMES = {"the", "a", "an", "in", "on", "at", "of", "and", "but", "as", "mr", "mrs", "ms", "dr", "gen", "col", "maj",
                   "president", "prime", "minister", "secretary", "general", "king", "prince", "sheikh", "sheik", "saint",
                   "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "greater",
                   "upper", "lower", "new", "old", "rural", "lake", "mount", "port", "fort", "san", "santa", "los", "las",
                   "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "when", "while", "after",
                   "before", "since", "meanwhile", "elsewhere", "last", "this", "on", "free", "islamic", "united"}


def person_surnames(text: str) -> frozenset:
    """Last names of people named in full ("John Bolton", "Mike Pompeo"), to keep them out of the places."""
    found = set()
    for match in FULL_NAME.finditer(text):
        given, last = match.group(1), match.group(2)
        if given.lower() in NOT_GIVEN_NAMES or DEMONYM.search(given) or last.lower() in NOT_GIVEN_NAMES:
            continue
        if geocode(given) is not None or geocode(match.group(0)) is not None or given.endswith("stan"):
            continue  # "Manchester Piccadilly", "Abu Kamal": places
        if re.search(rf"\b(?:in|at|to|from|near) {re.escape(last)}\b", text):
            continue  # "In Manchester, ...": also named as a place
        found.add(last)
    return frozenset(found)


def sentences_to_parse(sentences: list[Sentence], selective: bool) -> list[int]:
    """Indices of the sentences the parser must see: those with a trigger (and the one before a "he said")."""
    if not selective:
        return list(range(len(sentences)))
    lexicon = trigger_lexicon()
    chosen = set()
    for index, sentence in enumerate(sentences):
        if lexicon.matches_any(sentence.text):
            chosen.add(index)
            if index and PRONOUN_SPEECH.search(sentence.text):
                chosen.add(index - 1)
    return sorted(chosen)


# --- filters -------------------------------------------------------------------

def _aux_words(verb) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}


def is_negated(trigger: Trigger, text: str) -> bool:
    token = trigger.token
    verb = governing_verb(token)
    if any(c.dep_ == "neg" for c in list(token.children) + list(verb.children)):
        return True
    if any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in token.children):
        return True
    before = text[max(0, trigger.start - 60):trigger.start]
    return bool(NEGATION_NEAR.search(before) or NO_SIGN.search(before) or ALMOST_BEFORE.search(before))


def is_infinitive(token) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children)


def modality(trigger: Trigger) -> str:
    """'planned', 'drop' (hypothetical, wished-for, intended) or 'real'."""
    token = trigger.token
    if trigger.row["family"] == "protest" and token.pos_ == "NOUN" and token.lower_ in PARTICIPANT_NOUNS:
        return "real"  # "fired tear gas to disperse protesters": the protesters were there
    if trigger.row["family"] == "protest" and token.pos_ == "NOUN" and token.head.lemma_.lower() in DISPERSING_LEMMAS:
        return "real"  # "used a water cannon to disperse a rally": the rally took place
    if any(a.lemma_.lower() in INQUIRY_NOUNS and a.pos_ == "NOUN" for a in list(token.ancestors)[:3]) \
            and not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return "real"  # "called for an investigation into alleged rapes": the rapes are alleged, not wished for
    if token.pos_ == "NOUN" and any(c.dep_ == "acl" and c.tag_ == "VBN" and (OWN_TIME_WORDS.search(clause) or AGO.search(clause))
                                    for c in token.children for clause in [c.doc[c.left_edge.i:c.right_edge.i + 1].text]):
        return "real"  # "is a huge advance over a summit held two weeks ago": the noun's own clause dates it as done
    verb = governing_verb(token)
    head_chain = [verb] + list(verb.ancestors)
    if token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.lower_ in ("in", "during") \
            and verb.lemma_.lower() in ("kill", "die", "wound", "injure") and _aux_words(verb) & HYPOTHETICAL_AUX:
        return "real"  # "200 could have been killed in a clash": the toll is uncertain, the clash is told as fact
    if FUTURE_AUX & _aux_words(verb):
        return "planned"
    if NEXT_STEP_BEFORE.search(token.doc.text[:token.idx]):
        return "planned"  # "The next step is holding a Syrian women's summit"
    if re.match(r"(?:will|to|would|are due to|is due to)\b", trigger.row.get("_text", ""), re.I):
        return "planned"
    for before, node in zip([None] + head_chain, head_chain):
        auxes = _aux_words(node)
        lemma = node.lemma_.lower()
        # "were called to the scene and handled the device": a finite sibling, not a governor ("planning and encouraging
        # attacks" shares its object, and the plan governs both)
        coordinated = before is not None and before.dep_ == "conj" and (node.tag_ in ("VBD", "VBZ", "VBP") or (
            node.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") for c in node.children)))
        if node is not verb and lemma in claim_mod.SPEECH_LEMMAS:
            break  # what someone said happened is a claim, judged by the claims module
        if node.dep_ == "relcl" and node.tag_ == "VBN" and not _aux_words(node) & (HYPOTHETICAL_AUX | FUTURE_AUX) \
                and OWN_TIME_WORDS.search(node.doc[node.left_edge.i:node.right_edge.i + 1].text):
            break  # "holding journalists who were abducted this week": a relative clause tells its own dated fact
        if node is not token and lemma in IRREALIS_LEMMAS and node.pos_ in ("VERB", "ADJ") and not coordinated:
            return "drop"
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "since") for c in node.children):
            return "drop"
        if node.tag_ == "VBG" and node.dep_ == "pcomp" and node.head.lower_ in ("after", "following"):
            break  # "working to wipe out resistance after retaking Daloa": done before what follows
        if any(c.dep_ == "mark" and c.lower_ in ("after", "since") for c in node.children) \
                and node.tag_ in ("VBD", "VBN"):
            break  # "will arrive in Geneva on Wednesday ... after Russia brokered a deal": the deal is done
        if node.tag_ == "VBG" and any(c.dep_ == "mark" and c.lower_ == "while" for c in node.children):
            return "drop"  # "killed ... while fighting against Islamic State": what the victim was doing
        if any(c.dep_ == "advmod" and c.lower_ in BACKGROUND_ADVERBS for c in node.children):
            return "drop"
        doc = node.doc
        if any(LONG_RUNNING.search(doc[c.left_edge.i:c.i + 1].text.replace(" - ", "-").replace(" -", "-"))
               for c in node.children if c.dep_ in ("dobj", "npadvmod", "nsubj")):
            return "drop"  # "has fought a decades-long insurgency": background
        if auxes & HYPOTHETICAL_AUX:
            speech_parent = node.dep_ == "ccomp" and node.head.lemma_.lower() in claim_mod.SPEECH_LEMMAS
            return "planned" if speech_parent and "would" in auxes else "drop"
        if FUTURE_AUX & auxes:
            return "planned"
        if is_infinitive(node) and (any(c.dep_ == "aux" and c.lower_ == "have" for c in node.children)
                                    or (node.lower_ == "have" and (before or token).dep_ == "dobj"
                                        and (before or token).tag_ in ("VBN", "NN"))):
            continue  # "claims to have launched counter-attacks", "appeared to have overrun" (parsed as a noun): reported past
        if is_infinitive(node):
            head_lemma = node.head.lemma_.lower()
            if head_lemma in PLANNED_HEADS:
                return "planned"
            if head_lemma not in ATTEMPT_HEADS:
                return "drop"
        if node.dep_ == "csubj" and not (node.tag_ == "VBG" and any(c.dep_ in ("poss", "nsubj") for c in node.children)):
            return "drop"  # "To attack Idlib would be a disaster" -- but "Trump's ordering the withdrawal ... is" happened
    return "real"


def is_reference(trigger: Trigger) -> bool:
    """A noun trigger that only names an event told elsewhere ("over the Aleppo offensive", "despite the bombardment")."""
    token = trigger.token
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    if token.dep_ == "dobj" and token.head.lower_ == "following" and token.head.dep_ in ("prep", "advcl"):
        return True  # "following the chemical attack", parsed as a verb
    return token.dep_ == "pobj" and token.head.lower_ in REFERENCE_PREPS and token.head.lower_ != "of"


def _document_subject(token) -> bool:
    verb = governing_verb(token)
    if verb.dep_ in ("acl", "relcl") and verb.head.lemma_.lower() in DOCUMENT_NOUNS:
        return True  # "the resolution, ..., called for": parsed as a modifier of the document
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in DOCUMENT_NOUNS for c in verb.children)


def _planned_by_tense(trigger: Trigger, expression, published) -> bool:
    """"The congress, meeting in Sochi on Monday" (told on a Sunday): a present-tense meeting on a named day is ahead."""
    if trigger.row["family"] not in PLANNABLE_FAMILIES or expression is None or published is None:
        return False
    if not re.search(r"day\b", expression.text, re.I) or not expression.date or expression.date >= published.isoformat():
        return False
    verb = governing_verb(trigger.token)
    past_aux = any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("was", "were", "had", "has", "have", "did") for c in verb.children)
    return verb.tag_ in PRESENT_TAGS and not past_aux


def _dated_by_plan(doc, expression) -> bool:
    """"ordered a pause to begin on Tuesday": the day hangs from an infinitive or a will-verb, so it lies ahead."""
    if expression is None or not re.search(r"day\b", expression.text, re.I):
        return False
    root = root_of(doc, expression.start, expression.end)
    node = root
    for _ in range(3):
        if node is None or node.head is node:
            return False
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in node.children):
                return True
            infinitive = any(c.dep_ == "aux" and c.tag_ == "TO" for c in node.children)
            # "a pause to begin on Tuesday", "ordered troops to withdraw by Friday" -- not "attempted to flee on Wednesday"
            return infinitive and (node.head.pos_ in ("NOUN", "PROPN") or node.head.lemma_.lower() in PLANNED_HEADS | {"order", "tell", "schedule"})
    return False


def is_war_total(trigger: Trigger) -> bool:
    verb = governing_verb(trigger.token)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.lower_ in ("war", "conflict", "uprising", "fighting", "violence")


# --- the parts of one event ------------------------------------------------------

def _clause_of(token):
    node = token
    for _ in range(40):
        if (node.dep_ in CLAUSE_DEPS and (node.dep_ != "conj" or node.pos_ in ("VERB", "AUX"))) or node.head is node:
            return node
        node = node.head
    return node


def choose_time(doc, trigger: Trigger, expressions: list[TimeExpression]):
    """The time expression that dates this trigger: its own clause first, then a governing clause, then nearest."""
    if not expressions:
        return None
    clause = _clause_of(trigger.token)
    ancestors = set(t.i for t in clause.ancestors)
    scored = []
    for expression in expressions:
        root = root_of(doc, expression.start, expression.end)
        if root is None:
            continue
        if re.match(r"[’']s\b", doc.text[expression.end:expression.end + 2]) and not doc.text[expression.end + 2:].lstrip().lower().startswith(trigger.token.lower_):
            continue  # "after last year's war": the day of another noun
        expr_clause = _clause_of(root)
        rank = 0 if expr_clause.i == clause.i else 1 if expr_clause.i in ancestors else 2
        if root.head.pos_ in ("NOUN", "PROPN") and root.head.i != trigger.token.i and root.dep_ in ("prep", "compound", "npadvmod") \
                and root.head.dep_ not in ("pobj", "dobj", "nsubj", "nsubjpass") or root.dep_ == "compound":
            rank += 0.5  # "a challenger in November elections": a day that belongs to another noun
        scored.append((rank, abs(root.i - trigger.token.i), expression))
    if not scored:
        return None
    scored.sort(key=lambda s: (s[0], s[1]))
    if clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("after", "since") for c in clause.children):
        # "will arrive on Wednesday after Russia brokered a deal": before that day (history stays history)
        scored = [s for s in scored if s[0] == 0 or s[2].background]
        if not scored:
            return None
    rank, _, chosen = scored[0]
    root = root_of(doc, chosen.start, chosen.end)
    if rank > 0 and chosen.precision == 1 and root is not None and _clause_of(root).lemma_.lower() in claim_mod.SPEECH_LEMMAS:
        # "X happened, the UN said on Tuesday": the day it was said bounds the event, it does not date it
        return TimeExpression(chosen.start, chosen.end, chosen.text, chosen.date, 2, chosen.future, chosen.background)
    return chosen


CAPITALISED_PHRASE = re.compile(r"(?:(?:al|el|ar|as|ad|ash)-)?[A-Z][\w’'-]+(?:\s+(?:(?:al|el)-)?[A-Z][\w’'-]+){0,3}")
LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|near|of|around|into|on|outside|towards|toward|from|across|to)\s+(?:the\s+)?$", re.I)
DEMONYM = re.compile(r"(?:ian|ean|ese|ish|ic|ni|qi|li|ri|si|ti|vi|zi|ch|can)$", re.I)
LIST_GLUE = re.compile(r"\s*[,;][\s,;]*(?:and\s+|or\s+)?(?:the\s+)?(?:[\w-]+\s+){0,4}(?:of\s+)?|"
                       r"\s+(?:and|or)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}(?:of\s+)?", re.I)  # "Latakia, Homs and Hama"
IN_AT_BEFORE = re.compile(r"\b(?:in|at|near|outside|into|to)\s+(?:the\s+)?(?:\w+\s+)?$|"
                          r"\b(?:resort|city|town|bordertown|border town|capital|port|village|province|region|suburb|outskirts) of\s+$", re.I)
TOLD_COUNTRY = re.compile(r"\b([A-Z][a-z]+) (?:border ?town|town|city|village|province|region|district|port|capital) of\s+$")
LEADING_STOPWORDS = {"the", "a", "an", "but", "in", "on", "at", "and", "meanwhile", "after", "before", "during", "when",
                     "while", "since", "as", "if", "elsewhere", "outside", "inside", "near", "there", "it", "this", "that"}


def _named_places(text: str):
    """Capitalised phrases that may name places (the parser's NER is not run: it costs half the parse)."""
    for match in CAPITALISED_PHRASE.finditer(text):
        words = match.group(0).split()
        start = match.start()
        while words and words[0].lower() in LEADING_STOPWORDS:
            start += len(words[0]) + 1
            words = words[1:]
        if not words:
            continue
        name = " ".join(words)
        name = re.sub(r"[’']s$", "", name)
        end = start + len(name)
        tail = text[end:end + 14]
        suffix = re.match(r"\s+(province|governorate|countryside)\b", tail, re.I)
        if suffix:
            name = name + " " + suffix.group(1).lower()
        elif re.search(r"province of\s+$", text[max(0, start - 20):start], re.I):
            name = name + " province"
        yield start, end, name


def place_candidates(doc, text: str, focus_country: str | None, masked, surnames=frozenset()) -> list[tuple[int, int, Place]]:
    """Places named in a sentence that may be where something happened."""
    found: list[tuple[int, int, Place]] = list(match_aliases(text))
    for start, end, name in _named_places(text):
        if any(not (end <= s or start >= e) for s, e, _ in found) or name in surnames:
            continue
        place = geocode(name, focus_country)
        told_country = TOLD_COUNTRY.search(text[max(0, start - 40):start])
        if told_country:  # "the Turkish bordertown of Reyhanli": the text says which country
            country = country_names().get(normalise(told_country.group(1)))
            place = geocode(name, country[0]) if country else place
            place = place if place is None or country is None or place.country == country[0] else None
        if place is None or (place.level == "country" and DEMONYM.search(name)):
            continue  # "Syrian government": an adjective, not a place
        in_at = bool(told_country or IN_AT_BEFORE.search(text[max(0, start - 16):start])
                     or LOCAL_WITNESS_AFTER.match(text[end:end + 20]) or MEETING_AFTER.match(text[end:end + 24]))
        if place.level == "city" and not in_at and place.country != focus_country:
            continue  # a capitalised word ("Bolton") that happens to name a town abroad
        found.append((start, end, place))
    for match in CAPITALISED_PLACE.finditer(text):
        start, end = match.start(1), match.end(1)
        if any(not (end <= s or start >= e) for s, e, _ in found) or match.group(1) in surnames:
            continue
        place = geocode(match.group(1), focus_country)
        if place and place.level in ("city", "alias") and (place.country == focus_country or IN_AT_BEFORE.search(text[max(0, start - 12):start])):
            found.append((start, end, place))
    keep = []
    for start, end, place in found:
        if place.level == "country" and re.match(r"[’']s\b", text[end:end + 2]):
            continue
        if place.level == "country":
            root = root_of(doc, start, end)
            if root is not None and root.dep_ in ("nsubj", "nsubjpass", "poss", "compound"):
                continue  # "Turkey launched the assault": an actor, not a place
        if any(s <= start < e for s, e in masked) and not LOCAL_WITNESS_AFTER.match(text[end:end + 20]):
            continue  # a speaker's place is no event's place -- except "Idlib residents said": theirs
        if text[end:end + 6].lower() in ("-based",) or text[end:end + 1] == "-":
            continue
        if SPEAKER_SURNAME_AFTER.match(text, end):
            continue
        if EXCLUDE_BEFORE_PLACE.search(text[max(0, start - 30):start]):
            continue
        keep.append((start, end, place))
    return sorted(keep, key=lambda f: f[0])


def _attached_to_speech(token, stop) -> bool:
    for node in [token] + list(token.ancestors):
        if node.i == stop.i:
            return False
        if node.lemma_.lower() in claim_mod.SPEECH_LEMMAS and node.pos_ == "VERB":
            return True
    return False


def _locative(token, trigger_token) -> bool:
    """Whether a place hangs from the trigger's clause by a locative preposition ("talks ... in Ankara"),
    or names the meeting itself ("the Brussels conference", "the Sochi talks")."""
    verb = governing_verb(trigger_token)
    if token.dep_ == "compound" and token.head.i == trigger_token.i:
        return True
    if token.dep_ == "pobj" and token.head.lower_ in ("in", "at", "to") and _clause_of(token).i == _clause_of(trigger_token).i:
        return True
    node = token
    for _ in range(4):
        if node.dep_ == "pobj" and node.head.lower_ in ("in", "at") and (node.head.head.i in (trigger_token.i, verb.i) or (
                node.head.head.dep_ == "acl" and node.head.head.head.i == trigger_token.i)):
            return True  # "... in Tehran", "a summit held two weeks ago in Tehran"
        if node.dep_ == "conj":
            node = node.head
            continue
        if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lemma_.lower() in VENUE_KINDS:
            node = node.head.head  # "at a summit in the Black Sea resort of Sochi": the resort is the place
            continue
        node = node.head
    return False


VENUE_KINDS = {"resort", "city", "town", "capital", "port", "village"}


def _targeted(token, trigger_token) -> bool:
    """A place that is what the trigger hit: "shelled the Turkish province of Kilis", "struck the town of Reyhanli"."""
    verb = governing_verb(trigger_token)
    node = token
    for _ in range(4):
        if node.dep_ in ("dobj", "nsubjpass") and node.head.i in (trigger_token.i, verb.i):
            return True
        if node.dep_ == "pobj" and node.head.lower_ == "of" or node.dep_ in ("prep", "appos", "compound", "conj"):
            node = node.head
            continue
        return False
    return False


LOCAL_WITNESSES = {"resident": "residents", "local": "locals", "inhabitant": "inhabitants", "villager": "villagers",
                   "witness": "witnesses", "doctor": "doctors", "medic": "medics", "activist": "activists"}  # lemma: plural
LOCAL_WITNESS_AFTER = re.compile(r"\s+(?:" + "|".join(LOCAL_WITNESSES.values()) + r")\b")


def _local_witness(token) -> bool:
    """"Idlib residents said ...": the people of a place tell what happened there."""
    return token.dep_ in ("compound", "amod") and token.head.lemma_.lower() in LOCAL_WITNESSES


def _done_at(token) -> bool:
    """A place where something was done ("refused to engage in Geneva"), not where a thing named is ("the crisis in Afrin")."""
    while token.dep_ == "conj":
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in ("in", "at") and token.head.head.pos_ in ("VERB", "AUX")


ORIGIN_NOUNS = {"man", "woman", "father", "mother", "son", "daughter", "native", "student", "boy", "girl", "teenager",
                "national", "citizen", "resident", "convert", "mechanic", "worker", "doctor", "pharmacist", "teacher"}


def _origin_of_person(token) -> bool:
    while token.dep_ in ("conj", "compound"):
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ == "from" and token.head.head.lemma_.lower() in ORIGIN_NOUNS | PERSON_WORDS


def choose_places(doc, text, trigger: Trigger, candidates, acled: bool, focus_country: str | None = None) -> list[tuple[int, int, Place]]:
    """The place(s) of one trigger: coordinated places ("around Damascus and ... Idlib") give one each."""
    clause = _clause_of(trigger.token)
    scored = []
    for start, end, place in candidates:
        root = root_of(doc, start, end)
        if root is None or (_attached_to_speech(root, trigger.token) and not (acled and _local_witness(root))):
            continue
        same_clause = _clause_of(root).i == clause.i
        if _origin_of_person(root):
            continue  # "a father of two from west London": where someone comes from
        if trigger.row["family"] in STRICT_PLACE_FAMILIES and not _locative(root, trigger.token):
            continue
        if trigger.row["family"] in STATEMENT_FAMILIES and not _done_at(root):
            continue  # "blamed the US for the crisis in Afrin": the crisis is in Afrin, the blame is not
        if acled and place.country != focus_country and focus_country and not _locative(root, trigger.token) \
                and not _targeted(root, trigger.token) and not _local_witness(root) and trigger.row["family"] not in ("protest", "riot"):
            continue  # "backed by Moscow and Tehran": a foreign capital named in passing is not where it happened
        level_rank = {"alias": 0, "city": 0, "admin1": 1, "country": 2}[place.level]
        scored.append(((0 if same_clause else 1), level_rank, abs(root.i - trigger.token.i), start, end, place, root))
    if not scored:
        return []
    scored.sort(key=lambda s: s[:3])
    best = scored[0]
    chosen = [best]
    for other in scored[1:]:
        between = text[min(best[4], other[4]):max(best[3], other[3])]
        if other[0] == best[0] == 0 and other[1] < 2 and LIST_GLUE.fullmatch(between) \
                and other[5].name not in {c[5].name for c in chosen}:
            chosen.append(other)
    out = []
    for _, _, _, start, end, place, _ in chosen:
        if NEAR_WORDS.search(text[max(0, start - 40):start]):
            place = near(place)
        match = DIRECTION.search(text)
        if match and place.level == "city":
            from .places import _alias_exact

            refined = _alias_exact(f"{match.group(1)} {place.name}")
            if refined:
                place = refined
        out.append((start, end, place))
    return out


def _span(field_name: str, text: str, start: int, end: int, offset: int) -> dict:
    return {"field": field_name, "text": text[start:end], "start": offset + start, "end": offset + end}


def _is_person(token) -> bool:
    """A proper name that is neither a known actor nor a place ("Erdoğan", "Sgt Matt Tonroe")."""
    if token.tag_ != "NNP":
        return False
    words = token.doc[token.left_edge.i:token.i + 1].text
    return not load("actors.tsv").find(words) and geocode(token.text) is None


SUBTYPE_FAMILY = {"Armed clash": "battle", "Attack": "civ_attack", "Air/drone strike": "air",
                  "Shelling/artillery/missile attack": "shelling", "Remote explosive/landmine/IED": "ied",
                  "Grenade": "grenade", "Chemical weapon": "chemical", "Suicide bomb": "suicide",
                  "Violent demonstration": "riot", "Mob violence": "riot", "Peaceful protest": "protest",
                  "Protest with intervention": "protest", "Excessive force against protesters": "protest"}
CIVILIAN_TARGETS = re.compile(r"\b(?:villagers|worshippers|passengers|farmers|students|pupils|schoolchildren|civilians|"
                              r"(?:the )?(?:three |two |four |five |\d+ )?victims|indigenous (?:men|people|villagers|leaders?|chiefs?|guardians?)|"
                              r"tribesm[ae]n|members? of (?:an? |the )?(?:[\w-]+ ){0,2}tribes?|(?:land|environmental|rights) defenders?|"
                              r"residents|shoppers|mourners|displaced people|herders|fishermen|women and children|men and women|wives|guests|revellers|"
                              r"partygoers|bystanders|commuters|pilgrims|churchgoers|customers|diners|musicians|"
                              r"families|refugees|patients|journalists|aid workers|medics|doctors|nurses|nurse|teachers?|"
                              r"cyclists|tourists|hikers|travellers|travelers|traders|priests?|pastors?|imams?|"
                              r"(?:an?|the) (?:\d+-year-old )?(?:nurse|teacher|doctor|journalist|farmer|student|pastor|priest|trader|aid worker)|"
                              r"(?:near|from|in|outside) their (?:village|town|homes?))\b", re.I)


GENERIC_ATTACKERS = re.compile(r"\b(?:gunmen|armed men|assailants|attackers|unknown men|masked men)\b", re.I)
ARMED_TARGETS = re.compile(r"\b(?:soldiers?|troops|police\w*|officers?|army|military|forces|militants|fighters|rebels|insurgents|"
                           r"guards?|checkpoints?|bases?|barracks|convoys?|patrols?|militia\w*|gendarm\w*|security|jihadists|"
                           r"positions?|posts?|outposts?|camps?|garrisons?|servicemen|personnel|commanders?)\b", re.I)
VICTIMS_KILLED = re.compile(r"\b(?:kill(?:ed|ing)|shot dead|dead|died|wounded|injur(?:ed|ing))\b", re.I)


def _unarmed_victims(text: str) -> bool:
    """"Gunmen burst into the party ... opened fire, killing 17": attackers of no named side, no armed target, people hurt."""
    return bool(GENERIC_ATTACKERS.search(text) and VICTIMS_KILLED.search(text) and not ARMED_TARGETS.search(text))


def _territory_taken(event: Event, mentions) -> str:
    """Who took the place, from the classes of the event's two actors (typing.territory_subtype)."""
    kinds = {m.name: m.kind for m in mentions}
    if event.actor1 is None and event.actor2 is None:
        # no side assigned yet ("Fighting erupted when rebels attacked and overran Kakata"): the one armed side named
        armed = {typing_mod.actor_kind(m.name, kinds) for m in mentions} & (typing_mod.STATE_KINDS | typing_mod.NON_STATE_KINDS)
        if armed and (armed <= typing_mod.STATE_KINDS or armed <= typing_mod.NON_STATE_KINDS):
            return typing_mod.territory_subtype(next(iter(armed)))
    return typing_mod.territory_subtype(typing_mod.actor_kind(event.actor1, kinds), typing_mod.actor_kind(event.actor2, kinds))


def _apply_typing_rules(event: Event, text: str, sentence: Sentence, spans: list, mentions=(), context=None) -> None:
    """ACLED's precedence from data/typing_rules.tsv; the deciding cue is kept with the triggers."""
    found = typing_mod.refine(event.family, text, context)
    if found is None:
        return
    rule, cue = found
    if rule["event_type"] == "-":
        event.event_type = event.sub_event_type = None
    elif rule["sub_event_type"] == typing_mod.TERRITORY:
        event.event_type = rule["event_type"]
        event.sub_event_type = _territory_taken(event, mentions)
    else:
        event.event_type, event.sub_event_type = rule["event_type"], rule["sub_event_type"]
    if rule["plover_type"] != "-":
        event.plover_type = rule["plover_type"]
    event.triggers.append(cue)
    start = text.find(cue)
    if start >= 0:  # a cue found in the paragraph before the sentence has no span in it
        spans.append(_span("type_cue", text, start, start + len(cue), sentence.start))


def _captures_people(token) -> bool:
    """"He had been captured", "two militants were captured": people taken, not ground."""
    verb = governing_verb(token)
    if verb.lemma_.lower() not in ("capture", "seize", "take", "grab", "nab", "snatch"):
        return False
    if any(c.dep_ == "prt" and c.lower_ == "over" for c in verb.children):
        return False  # "took over Myebon": control taken of a place (or an office), not a person held
    for child in list(verb.children) + list(token.children):
        if child.dep_ in ("nsubjpass", "dobj", "nsubj") and (child.lower_ in PERSON_WORDS or _is_person(child)
                                                             or _some_of_them_people(child)):
            return child.dep_ != "nsubj" or any(c.dep_ == "auxpass" for c in verb.children)
    return False


def _some_of_them_people(token) -> bool:
    """"two of the most notorious British jihadists": a number of people."""
    return token.like_num and any(c.dep_ == "prep" and c.lower_ == "of" and any(
        g.dep_ == "pobj" and (g.lower_ in PERSON_WORDS or _is_person(g)) for g in c.children) for c in token.children)


STATE_CAPTORS = re.compile(r"\b(?:police|soldiers|troops|army|forces|security|authorities)\b", re.I)
CAPTORS = re.compile(r"\b(?:gunmen|armed men|men|assailants|kidnappers|bandits|militants|jihadists|insurgents|rebels|"
                     r"attackers|abductors|pirates)\b", re.I)


def _captors_are_armed_men(token) -> bool:
    """"Men in two pickup trucks ... seized five Nigeriens": taken by armed men, not by the state."""
    verb = governing_verb(token)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ == "conj":
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subject is None:  # "a girl had been seized by rebels": the agent of the passive
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        subject = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if subject is None:
        return False
    words = subject.doc[subject.left_edge.i:subject.right_edge.i + 1].text
    return bool(CAPTORS.search(words)) and not STATE_CAPTORS.search(words)


def build_event(article, sentence, doc, trigger, state, claims, mentions, expressions, candidates, next_text) -> list[Event]:
    text = sentence.text
    row = trigger.row
    acled = row["event_type"] not in ("-", "")
    mode = trigger.mode or modality(trigger)
    if mode == "planned" and row["family"] not in PLANNABLE_FAMILIES:
        return []  # violence or moves that may come are not events (ACLED codes what happened)
    # date
    expression = choose_time(doc, trigger, expressions)
    future = mode == "planned" or _planned_by_tense(trigger, expression, article.published) \
        or _dated_by_plan(doc, expression)
    if expression is not None and expression.background:
        return []
    if expression is not None:
        expression = with_future(expression, article.published, future)
    event = Event(family=row["family"], plover_type=row["plover_type"],
                  event_type=row["event_type"] if acled else None,
                  sub_event_type=row["sub_event_type"] if acled else None,
                  status="planned" if future else "occurred")
    spans = [_span("trigger", text, trigger.start, trigger.end, sentence.start)]
    for absorbed in trigger.absorbed:
        spans.append(_span("trigger", text, absorbed.start, absorbed.end, sentence.start))
    event.triggers = [text[trigger.start:trigger.end]] + [text[a.start:a.end] for a in trigger.absorbed]
    if re.search(r"\b(?:continu\w*|still|ongoing)\b", text[max(0, trigger.start - 20):trigger.end + 20], re.I) and not future:
        event.status = "ongoing"
    if expression is not None and expression.date:
        event.event_date, event.time_precision = expression.date, expression.precision
        spans.append(_span("event_date", text, expression.start, expression.end, sentence.start))
    elif article.published is not None:
        carried = None if row["family"] in STATEMENT_FAMILIES else _recent(state.last_date_by_paragraph, sentence, 3)
        if carried is HISTORY:
            return []  # "In that summer of 2014, ... Isis fighters captured Bafrin on the road": the story goes on
        if future and carried is None:
            return []  # "The next step is holding a women's summit": a plan with no day the text can place
        if carried is None and OBITUARY.search(article.text[:400]):
            return []  # "My friend Mehmet Aksoy, who has died aged 32, ... was killed in an Isis ambush": a life, not news
        event.event_date, event.time_precision = carried or (article.published.isoformat(), 2)
        event.date_inherited = carried is None  # a date carried from the paragraph is the text's own
    if event.event_date and article.published is not None:
        age = (article.published - date.fromisoformat(event.event_date)).days
        if age > (MAX_REPORT_AGE_DAYS if DOCUMENTING_REPORT.search(text) else MAX_AGE_DAYS):
            return []  # history told for background, not this report's news
    # actors
    roles = actor_mod.assign_roles(doc, trigger.token, mentions, row.get("_text", ""))
    backer_names = [backer for _, backer in actor_mod.backers(text)]
    for backer in backer_names:
        if roles["actor1"] and backer != roles["actor1"]:
            roles["assoc_actor_1"] = "; ".join(filter(None, [roles["assoc_actor_1"], backer]))
    if roles["actor2"] in backer_names:
        roles["actor2"] = None
    if roles["actor2"] is None:
        held = actor_mod.holders(text, state.focus_country_name)
        if held and held[0][1] != roles["actor1"]:
            roles["actor2"] = held[0][1]
    if roles["actor2"] == "Civilians" and row["family"] in STRICT_PLACE_FAMILIES | {"ceasefire", "agreement"}:
        roles["actor2"] = None
    for key, value in roles.items():
        setattr(event, key, value)
    event.actor_mentions = list(dict.fromkeys(m.raw for m in mentions))
    for mention in mentions:
        if mention.name in (roles["actor1"], roles["actor2"]):
            spans.append(_span("actor", text, mention.start, mention.end, sentence.start))
    if acled and (event.actor1 or "").startswith("Government of ") and row["plover_type"] == "ASSAULT":
        event.actor1 = event.actor1.replace("Government of ", "Military Forces of ")  # "Turkey launched the assault"
    if row["sub_event_type"] == "{territory}" and _captures_people(trigger.token) and _captors_are_armed_men(trigger.token):
        event.family, event.event_type, event.sub_event_type, event.plover_type = "abduction", "Violence against civilians", "Abduction/forced disappearance", "COERCE"
    elif row["sub_event_type"] == "{territory}" and _captures_people(trigger.token):
        event.family, event.event_type, event.sub_event_type, event.plover_type = "arrest", "Strategic developments", "Arrests", "COERCE"
    elif row["sub_event_type"] == "{territory}":
        kind = next((m.kind for m in mentions if m.name == roles["actor1"]), None)
        event.sub_event_type = typing_mod.territory_subtype(kind, typing_mod.actor_kind(roles["actor2"], {m.name: m.kind for m in mentions}))
    if row["sub_event_type"] == "{attack}":
        if event.actor2 == "Civilians" or CIVILIAN_TARGETS.search(text) or _unarmed_victims(text):
            event.event_type, event.sub_event_type = "Violence against civilians", "Attack"
        else:
            event.sub_event_type = "Armed clash"
    context = None
    if event.family in ("killing", "arrest", "agreement") and sentence.paragraph_index < len(article.paragraphs):
        # a bare toll, "Three suspects were arrested", "signed the agreement in Delhi": what killed them, what they did,
        # what the deal was, is told before (for tolls and arrests also in the paragraph before)
        first = sentence.paragraph_index - (0 if event.family == "agreement" else 1)
        context = article.text[article.paragraphs[max(0, first)].start:sentence.end]
    _apply_typing_rules(event, text, sentence, spans, mentions, context)
    if event.family in ("attack", "killing", "civ_attack", "destruction", "protest", "riot", "battle", "arrest") and event.sub_event_type in SUBTYPE_FAMILY:
        event.family = SUBTYPE_FAMILY[event.sub_event_type]  # merges with other tellings of the same kind of event
    if event.family in ("agreement", "ceasefire", "surrender") and event.sub_event_type in ("Government regains territory", "Non-state actor overtakes territory"):
        event.family = "territory"  # "towns had agreed to surrender", "towns have surrendered": the towns changing hands
    # claims
    attached = [c for c in claims if c.scope[0] <= trigger.token.i < c.scope[1]] or (claims if len(claims) == 1 else [])
    for claim in attached:
        event.claims.append({"claimant": claim.claimant, "via": claim.via, "stance": claim.stance, "text": text[:400]})
        spans.append(_span("claim", text, claim.speaker_span[0], claim.speaker_span[1], sentence.start))
    flags = set()
    if claim_mod.unverified(text) or (next_text and claim_mod.unverified(next_text[:160])):
        flags.add("unverified")
    if claim_mod.observed(text) or any(c.confirms for c in attached):
        flags.add("confirmed")
    event.verification = ",".join(sorted(flags))  # provisional: finalised after merging
    event.evidence = [{"article_id": article.article_id, "sentence": text, "start": sentence.start,
                       "end": sentence.end, "spans": spans}]
    # places
    places = choose_places(doc, text, trigger, candidates, acled, state.focus_country)
    if event.actor1 is None:
        event.actor1 = _speaker_as_actor(doc, trigger, attached, text, state)
        if event.actor1 and row["sub_event_type"] == "{territory}" and event.event_type == "Battles" \
                and event.sub_event_type in ("Government regains territory", "Non-state actor overtakes territory"):
            event.sub_event_type = _territory_taken(event, mentions)  # "Rebels ... say they have captured a town": the speaker took it
    if row["family"] in ("consult", "agreement") and event.actor2 is None and event.assoc_actor_1:
        first, *rest = event.assoc_actor_1.split("; ")
        event.actor2, event.assoc_actor_1 = first, "; ".join(rest) or None
    events = []
    if not places and row["family"] in VENUE_FAMILIES:
        places = venue_of(text)
    if row["family"] in STATEMENT_FAMILIES:
        places = [p for p in places if p[2].level != "country"]  # "blamed the US", "urged Lebanon": whom, not where
    if row["family"] in STATEMENT_FAMILIES and not places:
        # a threat, demand, accusation or refusal made at no named venue belongs to its author's country
        event.country = _actor_country(event.actor1)
        return [event]
    if not places and state.venues:
        places = _bound_venue(text, state.venues)
    if not places and acled and GENERIC_PLACE_NOUN.search(text) and next_text:
        ahead = _first_town(next_text, state.focus_country)
        if ahead is not None:  # "seized a town in the east ... Opposition from militants in Mayadeen collapsed"
            places = [(trigger.start, trigger.start, ahead)]
    if not places:
        inherited = (None if acled else _recent(state.last_venue_by_paragraph, sentence, 2)) \
            or _recent(state.last_place_by_paragraph, sentence, 2) or state.last_place_by_family.get(row["family"]) \
            or state.focus_place
        if acled and inherited is None and state.focus_country:
            from .places import country_place

            inherited = country_place(state.focus_country, state.focus_country_name or state.focus_country)
        if acled and inherited is not None:
            _set_place(event, inherited)
            event.location_inherited = True
        events.append(event)
    else:
        import copy

        for index, (start, end, place) in enumerate(places):
            copy_event = event if index == 0 else copy.deepcopy(event)
            _set_place(copy_event, place)
            if end > start:
                copy_event.evidence[0]["spans"].append(_span("location", text, start, end, sentence.start))
            events.append(copy_event)
        carried = state.last_place_by_paragraph if acled else state.last_venue_by_paragraph
        carried[sentence.paragraph_index] = (sentence.start, places[0][2])
        state.last_place_by_family[row["family"]] = places[0][2]
    if expression is not None and expression.date and not future:
        state.last_date_by_paragraph[sentence.paragraph_index] = (sentence.start, (expression.date, expression.precision))
    return events


def _speaker_as_actor(doc, trigger, attached, text, state):
    """"The EU said it would introduce sanctions": a pronoun subject is the speaker."""
    verb = governing_verb(trigger.token)
    chain = [trigger.token, verb] + list(verb.ancestors)[:3]
    pronoun = any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("it", "they", "we", "he", "she") for node in chain for c in node.children)
    if not pronoun:
        return None
    for claim in attached:
        found = actor_mod.find_mentions(text[claim.speaker_span[0]:claim.speaker_span[1]], state.focus_country_name)
        if found:
            return found[0].name
    return None


GENERIC_PLACE_NOUN = re.compile(r"\b(?:a|the) (?:town|city|village|district|neighbourhood|neighborhood)\b(?! of [A-Z])", re.I)


def _first_town(text: str, focus_country: str | None) -> Place | None:
    """The first town the next sentence names (alias file or GeoNames), if any."""
    aliases = match_aliases(text)
    if aliases:
        return aliases[0][2]
    for match in CAPITALISED_PLACE.finditer(text):
        place = geocode(match.group(1), focus_country)
        if place and place.level in ("city", "alias"):
            return place
    return None


PASSING_DEPS = {"relcl", "acl", "appos"}


def _told_in_passing(trigger: Trigger) -> bool:
    """Whether the trigger sits in a clause that describes a noun ("the M23, whose fighters overran eastern DR Congo,
    has handed over Kibumba"; "Bazoum, president-elect overthrown by a coup on Wednesday"): such events are told
    after the sentence's own news, which comes first."""
    return any(node.dep_ in PASSING_DEPS for node in [trigger.token] + list(trigger.token.ancestors))


def _has_own_time(doc, trigger: Trigger, expressions) -> bool:
    """Whether a time expression of the sentence can date this trigger: not when the only day is that of the
    speech that reports it ("said on Monday the US withdrawal had created ...": Monday is when it was said)."""
    trigger_clause = _clause_of(trigger.token)
    governing = {t.i for t in trigger_clause.ancestors}
    for expression in expressions:
        root = root_of(doc, expression.start, expression.end)
        if root is None:
            return True
        clause = _clause_of(root)
        if not (clause.i in governing and clause.lemma_.lower() in claim_mod.SPEECH_LEMMAS):
            return True
    return False


def _note_setting(state: ArticleState, sentence: Sentence, expressions) -> None:
    """A sentence that opens on a year long past ("In that fateful summer of 2014, ...") sets the scene: the
    sentences of the paragraph that follow it without a day of their own go on with that story."""
    for expression in expressions:
        if expression.background and SETTING_BEFORE.fullmatch(sentence.text[:expression.start]):
            state.last_date_by_paragraph[sentence.paragraph_index] = (sentence.start, HISTORY)
            return


def _recent(carried: dict, sentence: Sentence, within_sentences: int):
    """What an earlier sentence of the same paragraph set, if it lies at most a few sentences back."""
    entry = carried.get(sentence.paragraph_index)
    if entry is None:
        return None
    start, value = entry
    return value if sentence.start - start <= within_sentences * 220 else None


VENUE_FAMILIES = {"consult", "vote", "agreement_vote"}


@functools.lru_cache(maxsize=1)
def _venues() -> list[tuple[re.Pattern, str]]:
    return [(re.compile(rf"\b(?:{row['pattern']})\b", re.I), row["place"]) for row in read_rows(DATA_DIR / "venues.tsv")]


def venue_of(text: str) -> list[tuple[int, int, Place]]:
    """The seat of a body that meets in one place ("the UN security council" -> New York), from data/venues.tsv."""
    for regex, name in _venues():
        match = regex.search(text)
        place = geocode(name) if match else None
        if place is not None:
            return [(match.start(), match.end(), place)]
    return []


def _actor_country(actor: str | None) -> str | None:
    """ISO3 of a state actor's country ("Government of Turkey" -> TUR), else None."""
    match = STATE_ACTOR.match(actor or "")
    found = country_names().get(normalise(match.group("country"))) if match else None
    return found[0] if found else None


def _set_place(event: Event, place: Place) -> None:
    event.location, event.country, event.admin1, event.admin2 = place.name, place.country, place.admin1, place.admin2
    event.latitude, event.longitude, event.geo_precision = place.latitude, place.longitude, place.precision


def attach_figures(events_here: list[Event], sentence: Sentence, article_context: list) -> None:
    """Figures of a sentence to its nearest event; war-wide totals and estimates to the article."""
    for quantity in find_quantities(sentence.text, sentence.start):
        if is_context_figure(sentence.text, quantity, sentence.start) or not events_here:
            if quantity.kind in ("killed", "injured", "displaced", "detained", "missing", "people"):
                article_context.append({"kind": quantity.kind, "value": quantity.value, "text": quantity.text,
                                        "sentence": sentence.text[:300], "start": quantity.start, "end": quantity.end})
            continue
        local = quantity.start - sentence.start
        preferred = {"killed": VIOLENT_FAMILIES, "injured": VIOLENT_FAMILIES, "displaced": {"displacement", "evacuation"},
                     "detained": {"arrest"}, "missing": {"abduction"}}.get(quantity.kind)
        pool = [e for e in events_here if preferred and e.family in preferred] or events_here
        best = min(pool, key=lambda e: min(abs(s["start"] - sentence.start - local)
                                                  for s in e.evidence[0]["spans"] if s["field"] == "trigger"))
        best.quantities.append({"kind": quantity.kind, "value": quantity.value, "unit": quantity.unit, "text": quantity.text})
        best.evidence[0]["spans"].append({"field": "quantity", "text": quantity.text, "start": quantity.start, "end": quantity.end})
        if quantity.kind == "killed" and quantity.value is not None and is_exact(quantity) and quantity.value < MAX_TOLL:
            value = int(quantity.value)
            best.fatalities = value if best.fatalities is None else min(best.fatalities, value)


def find_triggers(doc, text: str, masked, keep=None) -> list[Trigger]:
    """Trigger words of a sentence that `keep` accepts; weak ones ("killed") only when the sentence has no strong one."""
    triggers = []
    for start, end, row in trigger_lexicon().find(text):
        if any(s <= start < e for s, e in masked):
            continue
        token = root_of(doc, start, end)
        if token is None:
            continue
        row = dict(row, _text=text[start:end])
        triggers.append(Trigger(start, end, row, token))
    strong = [t for t in triggers if t.row["anchor"] != "weak" and t.row["family"] != "destruction"]  # burnt homes explain no deaths
    triggers = strong if strong else triggers
    return [t for t in triggers if keep(t)] if keep is not None else triggers


def _sentence_of(text: str, trigger: Trigger) -> str:
    """The part of a (possibly multi-sentence, quoted) text that holds the trigger, up to its end mark."""
    end = re.search(r"[.!?]", text[trigger.end:])
    start = max(text.rfind(". ", 0, trigger.start), text.rfind("? ", 0, trigger.start), text.rfind("! ", 0, trigger.start))
    return text[start + 1: trigger.end + (end.end() if end else len(text))]


MASS_WORDS = re.compile(r"\b(?:thousands|hundreds|dozens|tens of thousands|millions?|families|residents|civilians|people|"
                        r"villagers|refugees|inhabitants|population|exodus|\d{1,3}(?:,\d{3})+|\d{3,})\b", re.I)


def _many_people(token) -> bool:
    """Whether those who fled are many ("2,000 people fled Baghuz", "an exodus"), from the trigger's subject."""
    if token.lower_ == "exodus":
        return True
    verb = governing_verb(token)
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if token.dep_ == "acl" or verb.dep_ == "relcl":
        subjects.append(verb.head if verb.dep_ == "relcl" else token.head)  # "people who have fled"
    return any(MASS_WORDS.search(s.doc[s.left_edge.i:s.right_edge.i + 1].text) for s in subjects)


def _in_quote(text: str, position: int) -> bool:
    before = text[:position]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def keep_trigger(trigger: Trigger, text: str, has_anchor: bool, has_time: bool = True, has_own_time: bool | None = None) -> bool:
    """Whether a trigger tells an event. `has_time`: the sentence names a time; `has_own_time`: one that can date
    this trigger (not only the day its report was said), by default the same."""
    has_own_time = has_time if has_own_time is None else has_own_time
    if trigger.row["anchor"] == "anchor" and not has_anchor:
        return False
    token = trigger.token
    if token.pos_ == "NOUN" and token.dep_ == "compound" and token.head.lemma_.lower() in THING_NOUNS:
        return False  # "US battle trucks", "attack helicopters": the word names a thing, not an event
    if trigger.row["family"] == "protest" and token.tag_ == "VBG" and token.dep_ in ("acl", "amod") \
            and (PEOPLE_NOUNS.search(token.head.text) or actor_mod.find_mentions(token.head.text, None)):
        trigger.mode = "real"
        return True  # "tear gas to disperse protesting students": they were protesting
    if token.tag_ in ("VBG", "VBN") and token.dep_ in ("acl", "amod") and not _misparsed_finite(token, trigger.row["family"]) \
            and not _counted_victims(trigger):
        return False  # "rebels fighting to overthrow Assad", "areas retaken by Damascus", "bombed buildings": descriptions
    if trigger.row["family"] in VIOLENT_FAMILIES and _deed_of_a_group(token):
        return False
    if trigger.row["family"] in ("agreement", "ceasefire") and any(c.dep_ == "mark" and c.lower_ == "as" for c in _clause_of(token).children):
        return False  # "had not left Manbij, as agreed in a deal brokered this year": the deal is known, its terms cited
    if CALLED_OFF_AFTER.match(text[trigger.end:]) or _proposed_or_feared(token) \
            or SPECULATION_BEFORE.search(text[max(0, trigger.start - 60):trigger.start]):
        return False  # "the Sochi conference was put on hold", "the airstrikes being proposed", "speculation Russia would retaliate"
    if trigger.row["family"] in VIOLENT_FAMILIES and not has_own_time and token.dep_ == "pobj" and token.head.lower_ == "under":
        return False  # "the enclave shrinks under airstrikes", "when they came under tank fire": a condition, no event dated
    if not has_time and _existential_tally(token):
        return False  # "There were scores of executions of even top commanders": a record, no event told
    if trigger.row["family"] in WORDS_FAMILIES and not _in_quote(text, trigger.start) and _writer_is_subject(token):
        return False  # "I was in Derik to meet a Syriac Christian community": a letter writer's own day
    if _opinion_about_someones_act(token):
        return False  # "In criticising Trump's abrupt withdrawal", "Jenkins' support for Trump's withdrawal": an opinion
    if not has_own_time and _referred_to(token):
        return False  # "the offensive has raised tensions", "Trump's withdrawal", "supported the group with airstrikes"
    if trigger.row["family"] in VIOLENT_FAMILIES and not has_own_time and _known_by_its_name(token):
        return False  # "angered by the Manchester bomb attack", "compared the Manchester Arena bombing"
    if token.tag_ in ("NNP", "NNPS") and trigger.start > 0 and text[trigger.start].isupper() \
            and text[max(0, trigger.start - 4):trigger.start].lower().endswith(("the ", "of ")):
        return False  # "the Office of the Kidnapped": part of a name
    if trigger.row["family"] == "territory" and token.dep_ == "amod":
        return False  # "the liberated Syrian city of Raqqa": a description of the place
    if (trigger.row["family"] in VIOLENT_FAMILIES or trigger.row["family"] == "killing") and token.tag_ == "VBG" \
            and token.dep_ == "pcomp" and token.head.lower_ in ("beyond", "of", "for", "about", "without", "against", "than", "besides"):
        return False  # "had done little beyond killing thousands of civilians": an activity, not an event
    if trigger.row["family"] == "battle" and token.tag_ == "VBG" and token.dep_ in ("advcl", "acl") and not has_time:
        return False  # "rose to commander ..., fighting alongside a Spaniard": a career, not an event
    if trigger.row["family"] == "battle" and token.lemma_.lower() == "battle" and any(
            c.dep_ == "prep" and c.lower_ == "for" and any(normalise(g.text) in country_names() for g in c.children)
            for c in token.children):
        return False  # "the battle for Syria has produced no winners": the war as a whole
    if MEDIA_AFTER.match(text[trigger.end:]) or _depicted(token):
        return False  # "viewed beheading videos": what was watched, not what happened
    if trigger.row["family"] == "consult" and token.lemma_.lower() == "tour" and _press_tour(token):
        return False  # "During a tour of Old Aleppo on Friday, Reuters journalists counted ...": reporters, no meeting
    if trigger.row["family"] == "protest" and token.pos_ == "NOUN" and _speech_venue(token):
        return False  # "he told a rally in Bursa": a leader's audience, not a protest
    if trigger.row["family"] == "accuse" and _standing_accusation(token):
        return False  # "in custody, accused of being members of Isis": a charge they stand under, not an accusation made
    if trigger.row["family"] in VIOLENT_FAMILIES | ABUSE_FAMILIES and not has_time and _mass_tally(token):
        return False  # "Thousands of women have been raped": a tally of the war, no one event told
    if trigger.row["family"] in VIOLENT_FAMILIES and DISTRIBUTIVE.search(text):
        return False  # "drove them from one stronghold after another": a course of events, none told
    if not has_time and _generic_subject(token):
        return False  # "deaths by drone strikes are hard to confirm": a statement about a kind of event
    if trigger.row["family"] == "sanction" and token.dep_ == "pobj" and token.head.head.lemma_.lower() in LIFTING_LEMMAS:
        return False  # "call for the lifting of sanctions": the sanctions are not what is reported
    if _sentence_of(text, trigger).rstrip(" ”\"’'").endswith("?"):
        return False  # "Why are we bombed by planes?": a question, not a report
    verb = governing_verb(token)
    if verb is not token and verb.lemma_.lower() in STOPPING_LEMMAS and not (token.dep_ == "nsubj" and verb.lemma_.lower() == "end") \
            and not any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children):  # "ended up in a morgue after a blast"
        return False  # "aid convoys have been halted" -- but "the talks in Vienna ended on Friday" took place
    if trigger.row["family"] == "battle" and token.pos_ == "NOUN" and token.lemma_.lower() == "advance" \
            and any(c.dep_ == "prep" and c.lower_ == "over" for c in token.children):
        return False  # "a huge advance over a trilateral summit": progress compared with something, not troops advancing
    if trigger.row["family"] == "battle" and token.tag_ == "VBG" and token.dep_ == "pcomp":
        return False  # "convicted of fighting against IS", "insisted on fighting": an activity, not an event
    if (trigger.row["family"] in VIOLENT_FAMILIES or trigger.row["family"] in ("displacement", "killing")) and _running_total(text, token):
        return False  # "more than 100 killed in airstrikes and shelling since the campaign started": a running total
    if trigger.row["family"] in VIOLENT_FAMILIES and not has_time and verb.dep_ == "relcl" \
            and any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in verb.children):
        return False  # "Kurdish forces who have fought with the US against Isis": who they are, not what happened
    if trigger.row["family"] == "battle" and not has_time and token.lemma_.lower() == "fight" \
            and any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in verb.children):
        return False  # "US troops have fought alongside the SDF to oust Isis": a record of service, no event told
    if trigger.row["family"] == "battle" and any(c.dep_ == "nsubj" and _is_person(c) and not _names_a_people(c) for c in verb.children):
        return False  # "Erdoğan and Putin clashed": words, not arms
    if not NEGATED_TRIGGER.search(trigger.row.get("_text", "")) and (is_negated(trigger, text) or (is_reference(trigger)
                                                                                           and not OWN_DAY_AFTER.match(text[trigger.end:])
                                                                                           and not DONE_WHEN_AFTER.match(text[trigger.end:]))):
        return False  # ("would not attend" is itself the refusal)
    if trigger.row["family"] in STATEMENT_FAMILIES | {"vote"} and _document_subject(trigger.token):
        return False  # "the resolution called for a ceasefire": what a text says; its adoption is the event
    if (token.pos_ in ("NOUN", "PROPN") or token.tag_ == "VBG") and BACKGROUND_FRAME.search(text[max(0, trigger.start - 80):trigger.start]):
        return False
    if trigger.row["family"] == "killing" and is_war_total(trigger):
        return False
    if trigger.row["family"] == "displacement" and token.tag_ == "VBN" \
            and any(c.dep_ in ("auxpass", "aux") and c.lower_ in ("are", "is", "remain", "remains") for c in token.children) \
            and any(c.dep_ in ("nsubjpass", "nsubj") and c.like_num for c in token.children):
        return False  # "6.1 million are internally displaced": a count of the war's displaced, not a flight told
    if trigger.row["family"] == "displacement" and not _many_people(trigger.token):
        return False  # "before he fled on Saturday": one family's flight is a story, mass flight is the event
    if _in_quote(text, trigger.start) and not has_time:
        return False  # "“that flag stands for bombing and starvation,” he said": words quoted, no event told
    trigger.mode = modality(trigger)
    if trigger.mode == "planned" and trigger.row["family"] in STATEMENT_FAMILIES | {"withdrawal_plan"} \
            and re.search(r"\b(?:would|will)\b", trigger.row.get("_text", ""), re.I):
        trigger.mode = "real"  # "said it would hit back", "would not attend": the threat or refusal is made as it is said
    return trigger.mode != "drop"


def _running_total(text: str, token) -> bool:
    """A running total ("killed in airstrikes since the campaign started"), not a superlative's yardstick ("the worst loss
    for the military in four years", "the deadliest attack since 2015"), nor what a relative clause says of someone else
    ("seized back Bouar from vigilantes who in recent months have been targeting Muslims")."""
    return any(not SUPERLATIVE_BEFORE.search(text[max(0, m.start() - 80):m.start()])
               and not _in_other_relative_clause(token, m.start(), m.end()) for m in CUMULATIVE.finditer(text))


def _in_other_relative_clause(token, start: int, end: int) -> bool:
    """Whether the words at characters start..end of the sentence sit in a relative clause that does not hold `token`."""
    word = root_of(token.doc, start, end)
    if word is None:
        return False
    clause = next((a for a in [word] + list(word.ancestors) if a.dep_ == "relcl"), None)
    return clause is not None and not (clause.left_edge.i <= token.i <= clause.right_edge.i)


def _names_a_people(token) -> bool:
    """"Kyrgyz and Tajik border guards": a parse that split a people's name from the noun it qualifies."""
    return any(c.dep_ == "conj" and c.tag_ == "NNS" and not any(d.dep_ == "det" for d in c.children) for c in token.children)


def _counted_victims(trigger: Trigger) -> bool:
    """"among six people arrested for their alleged links", "12 civilians abducted": a counted group is the report;
    so are counted dead with a day of their own."""
    token = trigger.token
    if token.tag_ != "VBN" or token.dep_ != "acl" or not any(c.dep_ == "nummod" for c in token.head.children):
        return False
    if trigger.row["family"] in ("arrest", "abduction") or token.lemma_.lower() == "defect":
        return True  # "250 soldiers defected from Mayom county" (parsed as a participle)
    # "four Kurdish fighters killed on the battlefront a day earlier were buried": counted, and dated in the clause
    clause = token.doc[token.i:token.right_edge.i + 1].text
    return trigger.row["family"] in VIOLENT_FAMILIES | {"killing"} and bool(OWN_TIME_WORDS.search(clause) or DAYS_BEFORE.search(clause))


def _misparsed_finite(token, family: str = "") -> bool:
    """"rebels attacked on Tuesday 15 soldiers", "have gang-raped women": a finite verb the parser took for a participle."""
    before = [t for t in token.doc[max(0, token.i - 3):token.i] if t.lower_ not in ("gang", "-")]
    if family in VIOLENT_FAMILIES | ABUSE_FAMILIES and token.tag_ == "VBN" and before and before[-1].lower_ in ("have", "has", "had"):
        return True
    if token.tag_ == "VBN" and token.dep_ == "acl" and token.head.dep_ == "ROOT" and token.head.pos_ in ("NOUN", "PROPN") \
            and token.i > token.head.i and not any(c.dep_ == "agent" for c in token.children) \
            and any(c.dep_ in ("dobj", "oprd") for c in token.children):
        return True  # "The Lebanese group Hezbollah on Tuesday named Naim Qassem as its new leader": the only verb there is
    following = token.doc[token.i + 1:token.i + 3]
    return token.tag_ == "VBN" and token.dep_ == "acl" and token.lemma_.lower() in ("attack", "ambush", "raid", "storm") \
        and not any(c.dep_ == "agent" for c in token.children) \
        and len(following) == 2 and following[0].lower_ == "on" and following[1].lower_ in WEEKDAYS


WORDS_FAMILIES = {"consult", "request", "accuse", "threat", "reject", "sanction", "aid", "vote", "dialogue"}
QUANTIFIERS = {"scores", "dozens", "hundreds", "thousands", "many", "numerous", "countless"}


CALLED_OFF_AFTER = re.compile(r"^\W*(?:[\w’'-]+ ){0,4}(?:was|were|has been|have been|had been|is being|is|are) (?:again |now )?"
                              r"(?:put on hold|postponed|delayed|called off|cancell?ed|suspended|shelved)\b", re.I)
SPECULATION_BEFORE = re.compile(r"\b(?:speculation|fears?|rumou?rs?|suggestions?) (?:that )?(?:[\w’'-]+ ){0,3}$", re.I)
PROPOSAL_LEMMAS = {"propose", "plan", "consider", "contemplate", "discuss", "debate", "envisage", "mull", "threaten", "promise", "pledge"}
SPECULATION_NOUNS = {"speculation", "fear", "rumour", "rumor", "concern", "possibility", "prospect", "risk", "suggestion"}


def _proposed_or_feared(token) -> bool:
    """"the retaliatory airstrikes being proposed", "speculation Russia would retaliate": not (yet) done."""
    if any(c.dep_ == "acl" and c.lemma_.lower() in PROPOSAL_LEMMAS for c in token.children):
        return True
    return any(a.pos_ == "NOUN" and a.lemma_.lower() in SPECULATION_NOUNS for a in list(token.ancestors)[:4])


def _existential_tally(token) -> bool:
    """"There were scores of executions": a plural event noun counted in an existential sentence."""
    node = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else token
    counted = node is not token and node.lower_ in QUANTIFIERS
    verb = node.head
    return counted and node.dep_ in ("attr", "nsubj") and verb.lemma_ == "be" and any(c.dep_ == "expl" for c in verb.children)


def _writer_is_subject(token) -> bool:
    verb = governing_verb(token)
    for node in [verb] + list(verb.ancestors)[:2]:
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "i" for c in node.children):
            return True
    return False


def _depicted(token) -> bool:
    """"propaganda of slavery, beheadings", "the story of a group who had ended up detained": what a telling shows."""
    node = token
    for _ in range(6):
        if node.dep_ in ("conj", "relcl", "acl", "xcomp", "oprd", "advcl") or (node.dep_ == "pobj" and node.head.lower_ != "of"):
            node = node.head
            continue
        if node.dep_ == "pobj" and node.head.lower_ == "of":
            return node.head.head.lemma_.lower() in MEDIA_NOUNS
        if node.pos_ in ("VERB", "AUX") and node.dep_ == "relcl":
            node = node.head
            continue
        return False
    return False


DEED_LEMMAS = {"carry", "claim", "stage", "perpetrate", "commit", "mastermind", "orchestrate", "launch"}


def _deed_of_a_group(token) -> bool:
    """"the banned group, which carried out the deadly suicide attacks": who the group is, told by a known deed."""
    verb = token.head
    return token.dep_ == "dobj" and verb.dep_ == "relcl" and verb.lemma_.lower() in DEED_LEMMAS \
        and any(c.dep_ == "det" and c.lower_ in ("the", "its", "their") for c in token.children)


def _referred_to(token) -> bool:
    """A noun that names an event the reader already knows: "the offensive has raised tensions", "Trump's withdrawal",
    "because of executions", or a verb's means ("supported the group with airstrikes")."""
    if token.pos_ != "NOUN":
        return False
    if token.dep_ == "nsubj" and token.head.lemma_.lower() in CONSEQUENCE_LEMMAS \
            and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children):
        return True
    if token.dep_ in ("pobj", "dobj") and any(c.dep_ == "poss" and c.pos_ == "PROPN" and not _names_a_place(c) for c in token.children):
        return True
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ in ("because", "result", "wake"):
        return True
    return token.dep_ == "pobj" and token.head.lower_ == "with" and token.head.head.lemma_.lower() in SUPPORT_LEMMAS


def _known_by_its_name(token) -> bool:
    """"the Salisbury attack" as an object: an attack the reader knows by its place's name, not told anew."""
    return token.pos_ == "NOUN" and token.dep_ in ("pobj", "dobj") \
        and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) \
        and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children)


def _opinion_about_someones_act(token) -> bool:
    """A person's act (a possessive noun) held up for praise or blame: the opinion is the news, the act is known."""
    if token.pos_ != "NOUN" or not any(c.dep_ == "poss" and c.pos_ == "PROPN" and not _names_a_place(c) for c in token.children):
        return False
    if token.dep_ == "dobj" and (token.head.lemma_.lower() in OPINION_LEMMAS or token.head.lower_.startswith(OPINION_STEMS)):
        return True
    return token.dep_ == "pobj" and token.head.head.lemma_.lower() in OPINION_NOUNS


def _names_a_place(token) -> bool:
    """"Turkey's offensive" (a country's) as against "Trump's withdrawal" (a person's)."""
    name = token.doc[token.left_edge.i:token.i + 1].text
    return normalise(name) in country_names() or geocode(name, None) is not None


def _mass_tally(token) -> bool:
    """"Thousands ... have been raped": a present-perfect passive whose victims are counted in thousands."""
    verb = governing_verb(token)
    if verb.dep_ == "conj" and not any(c.dep_ in ("aux", "auxpass", "nsubjpass") for c in verb.children):
        verb = verb.head  # "have been raped and many gang-raped"
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if not ({"has", "have"} & auxes and "been" in auxes):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    return any(MASS_TOLL_SUBJECT.match(s.doc[s.left_edge.i:s.right_edge.i + 1].text) for s in subjects)


UNDER_WAY = {"ongoing", "continuing", "underway", "intense", "fierce", "heavy", "raging", "fiercest", "heaviest"}  # "the fighting is ongoing"


def _generic_subject(token) -> bool:
    """The trigger sits in the subject of a present-tense "is/are + adjective": a statement about a kind of event."""
    for node in [token] + list(token.ancestors):
        if node.dep_ == "nsubj":
            verb = node.head
            return verb.lemma_ == "be" and verb.tag_ in ("VBZ", "VBP") \
                and any(c.dep_ == "acomp" and c.lower_ not in UNDER_WAY for c in verb.children)
        if node.dep_ == "nsubjpass":  # "the drone strikes are operated from Nevada": how things are done
            return any(c.dep_ == "auxpass" and c.lower_ in ("is", "are") for c in node.head.children) \
                and not any(c.dep_ == "aux" for c in node.head.children)
        if node.pos_ in ("VERB", "AUX"):
            return False
    return False


PRESS_PEOPLE = {"journalist", "reporter", "correspondent", "photographer", "crew", "cameraman"}


def _press_tour(token) -> bool:
    """A tour whose clause is about reporters: what they saw on it is the news, the tour is no meeting."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in PRESS_PEOPLE for c in governing_verb(token).children)


def _speech_venue(token) -> bool:
    """"told a rally", "addressed a rally", "speaking at a rally": the gathering is where a speech was given."""
    head = token.head
    if token.dep_ == "dobj" and head.lemma_.lower() in SPEECH_VENUE_LEMMAS:
        return True
    return token.dep_ == "pobj" and head.lower_ in ("to", "at") and head.head.lemma_.lower() in SPEECH_VENUE_LEMMAS


def _standing_accusation(token) -> bool:
    """"is accused in Turkey of planning attacks", "(in custody,) accused of": a standing charge, not a new accusation."""
    if token.tag_ != "VBN" or token.lemma_.lower() != "accuse":
        return False
    auxes = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
    if auxes & {"is", "are", "am", "being", "been"} and not auxes & {"has", "have", "had", "was", "were"}:
        return True
    return not auxes and token.dep_ in ("advcl", "acl", "amod", "appos")


def subordinate(triggers: list[Trigger]) -> list[Trigger]:
    """A trigger inside another's phrase ("an offensive ... with ground fighting and air strikes") is part of it."""
    heads = {t.token.i: t for t in triggers}
    kept = []
    for trigger in triggers:
        owner = next((heads[a.i] for a in trigger.token.ancestors if a.i in heads and heads[a.i] is not trigger), None)
        if owner is not None and trigger.row["family"] in VIOLENT_FAMILIES and owner.row["family"] not in VIOLENT_FAMILIES \
                and owner.row["family"] not in ("consult", "vote", "sanction", "dialogue", "ceasefire", "agreement"):
            owner = None  # "displaced in ... Turkey's offensive": the offensive is the event, not part of the flight
        if owner is not None and owner.row["family"] not in ("consult", "vote", "sanction", "dialogue") \
                and _clause_of(trigger.token).i == _clause_of(owner.token).i:
            owner.absorbed.append(trigger)
        elif owner is not None and owner.row["family"] in ("consult", "vote", "sanction", "dialogue") \
                and _clause_of(trigger.token).dep_ not in ("relcl", "advcl"):
            owner.absorbed.append(trigger)  # "discussed a ceasefire": the talks, not a ceasefire
        else:
            kept.append(trigger)
    return kept


def _violent_near(built: list[Event], earlier: list[Event]) -> Event | None:
    """The latest violent event of the article within a day of these killings, if any."""
    if not built or not built[0].event_date:
        return None
    day = date.fromisoformat(built[0].event_date)
    for event in reversed(earlier):
        if event.family in VIOLENT_FAMILIES and event.event_date and abs((date.fromisoformat(event.event_date) - day).days) <= 1:
            return event
    return None


def _fold_killing(built: list[Event], earlier: list[Event]) -> list[Event]:
    """Deaths of fighters told apart from any attack ("died alongside an American soldier") belong to the last violent event."""
    target = next((e for e in reversed(earlier) if e.family in VIOLENT_FAMILIES), None)
    if target is not None:
        _fold_into(target, built)
    return []


REACTION_LEMMAS = {"condemn", "denounce", "deplore", "investigate", "probe", "mourn", "mark", "commemorate", "discuss",
                   "debate", "welcome", "praise", "criticise", "criticize", "blame", "document", "confirm", "deny"}


def _refers_back(trigger: Trigger, expressions) -> bool:
    """A noun naming an event as known ("the chemical attack", "its offensive") or as what people react to
    ("condemned the use of chemical weapons"), with no day of its own in the sentence."""
    token = trigger.token
    if token.pos_ != "NOUN" or OWN_DAY_AFTER.match(token.doc.text[token.idx + len(token.text):]):
        return False
    head = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else token
    if head.dep_ == "dobj" and head.head.lemma_.lower() in REACTION_LEMMAS:
        return True  # the day in "condemned today the use of chemical weapons" is the condemnation's
    clause = _clause_of(token).i
    for expression in expressions:
        root = root_of(token.doc, expression.start, expression.end)
        if root is not None and _clause_of(root).i == clause:
            return False  # "the shelling of Idlib resumed on Wednesday": a telling with its own day
    return any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "its", "their", "this", "that") for c in token.children)


def _same_event_told_before(event: Event, earlier: list[Event]) -> Event | None:
    """The earlier event a reference names: same family, and no place of the reference's own that differs."""
    for other in reversed(earlier):
        if other.family != event.family or other.status != event.status:
            continue
        if event.location_inherited or event.location is None or other.location is None \
                or event.location == other.location or (event.admin1 and event.admin1 == other.admin1):
            return other
    return None


def _fold_into(target: Event, built: list[Event]) -> None:
    for event in built:
        target.evidence += event.evidence
        target.claims += [c for c in event.claims if c not in target.claims]
        target.quantities += [q for q in event.quantities if q not in target.quantities]
        if target.fatalities is None and event.fatalities is not None:
            target.fatalities = event.fatalities
        flags = set(filter(None, target.verification.split(","))) | set(filter(None, event.verification.split(",")))
        target.verification = ",".join(sorted(flags))  # "a monitor confirmed the military thrust"


def denial_of(trigger: Trigger, claims) -> object | None:
    for claim in claims:
        if claim.stance == "denies" and claim.scope[0] <= trigger.token.i < claim.scope[1]:
            return claim
    return None


def extract_article(article: Article, nlp=None, selective: bool = True, max_events: int = 500) -> list[Event]:
    """All events of one article (merged within the article), and its context figures on `article`."""
    return extract_articles([article], nlp, selective, max_events)[0]


def extract_articles(articles: list[Article], nlp=None, selective: bool = True, max_events: int = 500) -> list[list[Event]]:
    """Events of several articles: the sentences worth parsing go through spaCy in one batch."""
    nlp = nlp or load_model()
    prepared = []
    texts = []
    for article in articles:
        sentences = split_sentences(article)
        wanted = sentences_to_parse(sentences, selective)
        prepared.append((article, sentences, wanted, len(texts)))
        texts.extend(sentences[i].text for i in wanted)
    docs = parse(nlp, texts, batch_size=256)
    results = []
    for article, sentences, wanted, offset in prepared:
        article_docs = dict(zip(wanted, docs[offset:offset + len(wanted)]))
        results.append(_extract_parsed(article, sentences, article_docs, max_events))
    return results


def _extract_parsed(article: Article, sentences: list[Sentence], docs: dict, max_events: int) -> list[Event]:
    from ..resolve.within import finalise, merge_within_article

    state = article_focus(article)
    events: list[Event] = []
    context: list[dict] = []
    for index, sentence in enumerate(sentences):
        doc = docs.get(index)
        if doc is None:
            if SETTING_HINT.search(sentence.text[:SETTING_REACH]):
                _note_setting(state, sentence, find_time_expressions(sentence.text[:SETTING_REACH], article.published))
            attach_figures([], sentence, context)
            continue
        claims = claim_mod.find_claims(doc, state.last_claimant)
        named = [c.claimant for c in claims]
        if named:
            state.last_claimant = (claims[-1].claimant, claims[-1].via)
        masked = [c.speaker_span for c in claims]
        text = sentence.text
        expressions = find_time_expressions(text, article.published)
        _note_setting(state, sentence, expressions)
        candidates = place_candidates(doc, text, state.focus_country, masked, state.surnames)
        triggers = find_triggers(doc, text, masked,
                                 keep=lambda t: keep_trigger(t, text, bool(expressions or candidates), bool(expressions),
                                                             _has_own_time(doc, t, expressions)))
        triggers = sorted(subordinate(triggers), key=_told_in_passing)
        mentions = actor_mod.find_mentions(text, state.focus_country_name, masked)
        mentions = [m for m in mentions if not GENERIC_STATE.match(m.raw)]
        next_text = sentences[index + 1].text if index + 1 < len(sentences) else ""
        here: list[Event] = []
        figures_taken = False
        for trigger in triggers:
            denial = denial_of(trigger, claims)
            if denial is not None:
                target = next((e for e in reversed(events) if e.family in ABUSE_FAMILIES or e.family == trigger.row["family"]), None)
                if target is not None and trigger.row["family"] in ABUSE_FAMILIES | {target.family}:
                    claim = {"claimant": denial.claimant, "via": denial.via, "stance": "denies", "text": text[:400]}
                    if claim not in target.claims:
                        target.claims.append(claim)
                        target.evidence.append({"article_id": article.article_id, "sentence": text, "start": sentence.start,
                                                "end": sentence.end, "spans": [_span("claim", text, trigger.start, trigger.end, sentence.start)]})
                    continue
            built = build_event(article, sentence, doc, trigger, state, claims, mentions, expressions, candidates, next_text)
            if trigger.row["family"] == "displacement" and not (expressions or re.search(r"\d|hundreds|thousands|dozens", text)):
                built = []  # "people who have fled the violence": background, not a reported flight
            if built and _refers_back(trigger, expressions):
                earlier = _same_event_told_before(built[0], here + events)
                if earlier is not None:  # "following the chemical attack": the attack already told
                    _fold_into(earlier, built)
                    built = []
            if trigger.row["family"] == "killing":
                near_in_time = _violent_near(built, here + events)
                if near_in_time is not None:  # "61 people were killed on Tuesday": the toll of a strike already told
                    attach_figures(built, sentence, [])
                    figures_taken = True
                    built = _fold_killing(built, [near_in_time])
                else:
                    built = [e for e in built if e.actor2 == "Civilians" or CIVILIAN_TARGETS.search(text)] \
                        or _fold_killing(built, here or events)
            for event in built:
                if article.paragraphs[sentence.paragraph_index].role == "caption":
                    event.verification += ",caption"
            here.extend(built)
        if here or not figures_taken:
            attach_figures(here, sentence, context)
        events.extend(here)
        if len(events) > max_events:
            article.warnings.append(f"stopped after {max_events} events (--max-events)")
            break
    article.context_figures = context
    return finalise(merge_within_article(events), article)
