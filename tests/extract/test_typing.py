"""ACLED sub-event typing and its precedence (data/typing_rules.tsv), on sentences written for the test."""
import pytest

from sitrep.extract.events import extract_article
from sitrep.ingest.clean import clean
from sitrep.model import RawDocument
from datetime import date


def types_of(nlp, text, published=date(2020, 3, 4)):
    article = clean(RawDocument(text, "test", published=published))
    return [(e.event_type, e.sub_event_type, e.triggers) for e in extract_article(article, nlp)]


@pytest.mark.parametrize("text,sub_event_type,cue", [
    ("A suicide bomber blew himself up at a crowded market in Maiduguri on Tuesday, killing 12 people.", "Suicide bomb", "suicide bomber"),
    ("Police fired tear gas to disperse hundreds of protesters in Nairobi on Tuesday.", "Protest with intervention", "tear gas"),
    ("Security forces opened fire on protesters in Yangon on Tuesday, killing at least five people.",
     "Excessive force against protesters", "opened fire on protesters"),
    ("Rioters torched a police station in Jos on Tuesday after a protest turned violent.", "Violent demonstration", None),
    ("A mob lynched a man accused of theft in a village near Lilongwe on Tuesday.", "Mob violence", None),
    ("Soldiers found a weapons cache containing rifles and explosives near Tumaco on Tuesday.", "Disrupted weapons use", None),
    ("Houthi rebels fired a missile at a military camp in Marib on Tuesday.", "Shelling/artillery/missile attack", None),
    ("Rival football fans clashed outside the stadium in Lusaka after the match on Tuesday.", "Mob violence", "football fans"),
])
def test_sub_event_type_and_its_cue(nlp, text, sub_event_type, cue):
    found = types_of(nlp, text)
    assert found and found[0][1] == sub_event_type, found
    if cue:
        assert any(cue in t for t in found[0][2])  # the words that decided the type are kept


@pytest.mark.parametrize("text", [
    "Floods and landslides killed 20 people in Kerala on Tuesday, officials said.",
    "The roof of a five-storey building collapsed on Tuesday in Dhaka, killing seven people.",
    "The foreign ministry summoned the ambassador on Tuesday and handed him a letter of protest.",
    "Armed robbers killed a shopkeeper during a robbery in Lagos on Tuesday.",
    # "attack" said of animals, computers and hearts
    "An elephant attacked and killed two villagers near Kasese on Tuesday, wildlife officials said.",
    "Hackers attacked the computer systems of the election commission in Nairobi on Tuesday.",
    "The opposition leader died of a heart attack in Kampala on Tuesday.",
    # floods, a family killing, a clash of words
    "Villagers in the flooded district were evacuated by soldiers on Tuesday.",
    "A soldier shot dead his wife and two children before turning the gun on himself in Kaduna on Tuesday.",
    "The ruling party and the opposition clashed in parliament over the budget on Tuesday.",
    # a speech's attack; arrests for ordinary crimes; a drunk driver
    "The president attacked the opposition in a speech on Tuesday, accusing them of treason.",
    "Police arrested 12 people for selling fake medicine in Accra on Tuesday.",
    "Authorities arrested two men suspected of poaching elephants in Hwange on Tuesday.",
    "A suspected drunk driver ploughed into a crowd in Harare on Tuesday, killing four people.",
    # a group's word for an attack already known; a commemoration; a missile test; wars on things
    "Al-Shabaab said in a statement that its fighters carried out Monday's attack on the hotel.",
    "Thousands marched in Kigali on Tuesday to commemorate the 1994 genocide against the Tutsi.",
    "North Korea fired two ballistic missiles into the sea on Tuesday, the South Korean military said.",
    "The government launched an offensive against corruption on Tuesday, firing 40 officials.",
    "Firefighters battled a blaze at a factory in Dhaka on Tuesday, killing 12 workers.",
    # Guardian dev3 122 and a split of opinion
    "American troops are already a grenade’s toss away from Russians and Iranians in Syria.",
    "The dilemma has split the Trump administration.",
])
def test_out_of_scope_gets_no_acled_type(nlp, text):
    assert all(event_type is None for event_type, _, _ in types_of(nlp, text))


@pytest.mark.parametrize("text,sub_event_type", [
    # territory changing hands outranks the weapon and the attack verb; who takes it decides the sub-type
    ("Militants attacked and seized control of an army base in the town of Gao on Tuesday.", "Non-state actor overtakes territory"),
    ("The town of Kidal was captured on Tuesday by jihadists after a night of fighting.", "Non-state actor overtakes territory"),
    ("The army retook the town of Gao from rebels on Tuesday after heavy fighting.", "Government regains territory"),
    # weapons named by what they do, not by a fixed phrase
    ("A military jet dropped two bombs on a market in Kutkai on Tuesday, killing nine people.", "Air/drone strike"),
    ("Three soldiers were killed when their truck hit a landmine near Gao on Tuesday.", "Remote explosive/landmine/IED"),
    ("Five policemen were killed in a roadside bombing in Kunduz on Tuesday.", "Remote explosive/landmine/IED"),
    ("A rocket filled with a toxic substance was fired at an army post near Mosul on Tuesday.", "Chemical weapon"),
    # violence against civilians described by how they were killed
    ("Four farmers were beheaded in a village near Mocimboa da Praia on Tuesday.", "Attack"),
    # protests: who is violent, and what the police did
    ("Riot police used water cannon to disperse a rally in Tbilisi on Tuesday.", "Protest with intervention"),
    ("Opposition supporters clashed with police and set fire to cars in Jakarta on Tuesday.", "Violent demonstration"),
    ("Police arrested 40 protesters outside the governor's office in Kano on Tuesday.", "Protest with intervention"),
    ("Hundreds of nurses took to the streets of Harare on Tuesday to demand better pay.", "Peaceful protest"),
    # strategic developments
    ("The two sides carried out a swap of prisoners in Aden on Tuesday.", "Agreement"),
    ("Two rebel commanders said on Tuesday they had split from their leader in Juba.", "Change to group/activity"),
])
def test_generalised_cues(nlp, text, sub_event_type):
    found = types_of(nlp, text)
    assert found and found[0][1] == sub_event_type, found


@pytest.mark.parametrize("text", [
    "Raging floodwaters swept through 40 villages in Assam on Tuesday. At least 12 people were killed.",
    "An explosion ripped through a fireworks factory in Hebei on Tuesday, killing 20 workers.",
    "Police arrested two men with 5 kilogrammes of cocaine at the port of Lagos on Tuesday.",
    "The group claimed responsibility on Tuesday for Sunday's bombings in Colombo.",
    "The foreign ministry voiced its ‘strong protest’ on Tuesday against the remarks.",
])
def test_more_out_of_scope(nlp, text):
    assert all(event_type is None for event_type, _, _ in types_of(nlp, text))


def test_a_claim_that_first_tells_the_attack_keeps_its_type(nlp):
    text = "The group claimed responsibility for a suicide attack on a funeral in Baqubah on Tuesday that killed 16 people."
    assert types_of(nlp, text)[0][1] == "Suicide bomb"


def test_territory_subtype_by_actor_class():
    from sitrep.extract.typing import actor_kind, territory_subtype

    assert territory_subtype("rebel") == "Non-state actor overtakes territory"
    assert territory_subtype("state") == "Government regains territory"
    assert territory_subtype(None, "rebel") == "Government regains territory"  # taken from rebels
    assert territory_subtype(None, "state") == "Non-state actor overtakes territory"  # taken from the army
    assert actor_kind("Military Forces of Mali", {}) == "state"


@pytest.mark.parametrize("text,sub_event_type", [
    ("Two soldiers were killed when their patrol stepped on an anti-personnel mine near Tibu on Tuesday.", "Remote explosive/landmine/IED"),
    ("Army and rebel units exchanged fire for several hours near Kidal on Tuesday.", "Armed clash"),
    ("Dozens of women were sexually assaulted by militiamen in the village of Bule on Tuesday.", "Sexual violence"),
    ("The rebels relocated their fighters to the Rwenzori mountains on Tuesday.", "Change to group/activity"),
    ("An army colonel seized control of state television on Tuesday and declared that the government had been dissolved.", "Other"),
])
def test_third_batch_cues(nlp, text, sub_event_type):
    found = types_of(nlp, text)
    assert found and found[0][1] == sub_event_type, found


@pytest.mark.parametrize("text", [
    "The foreign ministry summoned the chargés d'affaires on Tuesday and expressed the strongest protest over the incident.",
    "A court in Dhaka sentenced seven militants to death on Tuesday for an attack that killed 20 people in 2016.",
    "Police on Tuesday outlawed mass demonstrations planned by the opposition in Nairobi.",
])
def test_third_batch_out_of_scope(nlp, text):
    assert all(event_type is None for event_type, _, _ in types_of(nlp, text))


def test_a_protest_held_despite_a_ban_keeps_its_type(nlp):
    found = types_of(nlp, "Thousands of protesters marched in Nairobi on Tuesday despite a police ban on demonstrations.")
    assert found and found[0][0] == "Protests", found


def test_actor_class_from_the_name():
    from sitrep.extract.typing import actor_kind
    assert actor_kind("Rebel forces", {}) == "rebel"
    assert actor_kind("Unidentified Militants", {}) == "rebel"
    assert actor_kind("Military Forces of Mali", {}) == "state"
    assert actor_kind("Civilians", {}) is None


@pytest.mark.parametrize("text,published,sub_event_type", [
    # HRANA, 2013: a labour strike is a peaceful protest in ACLED
    ("HRANA News Agency – More than 1000 workers of the Bushehr Sadra Company are on strike.",
     date(2013, 5, 1), "Peaceful protest"),
    # concisenews.global / TheCable, 2018-12-28: a flag hoisted over a town is the town taken
    ("Boko Haram insurgents have reportedly hoisted their flag in Baga, a town in Borno state, northeast Nigeria.",
     date(2018, 12, 28), "Non-state actor overtakes territory"),
    # Fox News (AP), Bangladesh: "nabbed" is an arrest
    ("Agents also nabbed Fariduzzaman Swapan, who is believed to be an accountant for Jumatul Mujahideen, "
     "in a separate raid Tuesday in Dhaka, Ahmed said.", date(2005, 12, 14), "Arrests"),
    # Dawn, 2011-08-22: the unmanned aircraft fired the missiles, so an air/drone strike, not shelling
    ("The unmanned aircraft fired two missiles, hitting a vehicle and a guest house of a local tribal elder in "
     "the Nurak area of North Waziristan, the Pakistani officials told AFP.", date(2011, 8, 22), "Air/drone strike"),
    # DNA India: a drone that targeted a vehicle
    ("Four militants were killed when a US drone targeted a vehicle in the lawless North Waziristan tribal "
     "region of Pakistan today.", date(2013, 3, 23), "Air/drone strike"),
    # world dev 223 (Kenya, 2024): mob justice against a suspected thief is mob violence, not common crime
    ("An unknown man was burned to death by an angry mob in Nairobi, Kenya, yesterday on 16 September ,2024, "
     "after being accused of theft.", date(2024, 9, 17), "Mob violence"),
    # Guardian 2019: jets that struck
    ("Russian jets also struck in the east of the province.", date(2019, 5, 10), "Air/drone strike"),
    # world dev 315 (Washington Examiner / AP)
    ("The Army of Islam named field commander Essam al-Buwaydhani on Saturday as its new leader, according to the "
     "Associated Press.", date(2015, 12, 27), "Change to group/activity"),
    # world dev 361 (AP, Niger): seized by men in pickup trucks, not by the state
    ("Men in two Toyota pickup trucks pulled up to a guesthouse in the town of Dakoro late Sunday and seized five "
     "Nigeriens and a worker from Chad, said Sidi Mohamed, the governor of the Maradi region.", date(2012, 10, 15),
     "Abduction/forced disappearance"),
    # world dev 374 (Middle East Monitor)
    ("The Israeli army has constructed nine military bases along the “buffer zone” inside occupied southern Syria "
     "extending from Mount Hermon in the Golan Heights to the border triangle in the south, Israel’s Army Radio said "
     "on Tuesday.", date(2025, 2, 12), "Headquarters or base established"),
    # world dev 334 (Los Angeles Times): gunmen, a party, no armed side
    ("But early Sunday, as musicians serenaded amid food, drink and dancing, gunmen burst into the party, blocked the "
     "exits and, saying not a word, opened fire, killing 17 men and women and injuring a similar number.",
     date(2010, 7, 19), "Attack"),
    # world dev 310 (PNG Post-Courier): killings over sorcery are mob violence
    ("Two women were beheaded inside a house and their bodies burnt after suspicions of sorcery in Togoba outside "
     "Mt Hagen yesterday.", date(2008, 5, 5), "Mob violence"),
])
def test_fourth_round_cues(nlp, text, published, sub_event_type):
    found = types_of(nlp, text, published)
    assert found and found[0][1] == sub_event_type, found


def test_diplomats_expelled_are_no_territory(nlp):
    # SCMP, 2023-10-07
    found = types_of(nlp, "The US expelled two Russian diplomats, weeks after Moscow ordered two Americans to leave, "
                          "the latest tit-for-tat expulsions as relations continue to worsen between the two countries.",
                     date(2023, 10, 7))
    assert all(sub is None for _, sub, _ in found), found


def test_a_child_who_burned_to_death_in_a_fire_is_no_attack(nlp):
    # Guardian 2019: "burned to death in a fire" has no one doing it
    found = types_of(nlp, "Buried alongside him were two other children who burned to death in a fire.", date(2019, 1, 7))
    assert all(sub is None for _, sub, _ in found), found


def test_a_fuel_tanker_blast_is_an_accident(nlp):
    # sikanti.com, 2018-07-07 (Otedola bridge, Lagos)
    found = types_of(nlp, "Fuel carrying tanker in traffic with other vehicle Explodes setting other dozen cars "
                          "arround on fire.", date(2018, 7, 7))
    assert all(event_type is None for event_type, _, _ in found), found


@pytest.mark.parametrize("text,published", [
    # world dev 382 (BenarNews): a live-fire drill
    ("To the sounds of exploding bombs and crackle of gunfire, more than 600 U.S., Thai, Indonesian, Malaysian and "
     "Singaporean troops took part Friday in a live-ammunition drill as the Cobra Gold 2023 joint exercises wrapped "
     "up in Thailand.", date(2023, 3, 10)),
    # world dev 383 (JTA): an anniversary of a massacre
    ("RE’IM, Israel – At the site of the Nova festival near the Gaza border, the families of some 360 people "
     "murdered there gathered in the early morning light to mark the one-year anniversary of the Oct. 7 massacre.",
     date(2024, 10, 7)),
])
def test_fourth_batch_out_of_scope(nlp, text, published):
    assert all(event_type is None for event_type, _, _ in types_of(nlp, text, published))


def test_a_coalition_bombardment_and_an_air_force_onslaught_are_air_strikes(nlp):
    # Guardian 2017-10-12 and 2017-11-28
    for text in ("Raqqa has been subject to a steady coalition bombardment, and the chances of her survival in the town "
                 "were always slim.",
                 "Despite de-escalation agreements, a Syrian air force onslaught has continued against rebel-held areas, "
                 "especially in the eastern Ghouta suburbs of Damascus."):
        assert [sub for _, sub, _ in types_of(nlp, text)] == ["Air/drone strike"]


FIFTH_BATCH_CUES = [
    # world dev 405 (Reuters): two peoples' border guards are not two people quarrelling
    ("Kyrgyz and Tajik border guards exchanged fire on Thursday amid a standoff over a blocked road.",
     date(2022, 1, 28), "Armed clash"),
    # world dev 426 (Antara): a finite "attacked" the parser took for a participle
    ("A group of suspected Free Papua Movement (OPM) rebels attacked on Tuesday 15 Indonesian Military (TNI) soldiers "
     "in Lima Jari subdistrict, Puncak Jaya regency.", date(2015, 3, 26), "Armed clash"),
    # world dev 447 (AP): the abduction told in a relative clause with its own time is a fact
    ("Dissident Colombian rebels are believed to be holding hostage two Ecuadoran journalists and their driver who were "
     "abducted this week, the head of Colombia's armed forces said Wednesday.", date(2018, 3, 28),
     "Abduction/forced disappearance"),
    # world dev 397 (Mexico News Daily) and 395 (Middle East Eye)
    ("In the state of Guanajuato, authorities revealed that gunmen also set fire to 11 Oxxo convenience stores in "
     "Irapuato, El Financiero reported.", date(2022, 8, 11), "Looting/property destruction"),
    ("Fifty cars belonging to Palestinians were found burned and vandalised this morning by Jewish settlers in the "
     "occupied West Bank, according to the Wafa news site.", date(2022, 6, 1), "Looting/property destruction"),
    # world dev 445 (HRW): a nurse killed by separatist fighters
    ("The group reported that on Feb. 26, separatist fighters killed Jenette Sweyah Shey, a 46-year-old nurse working "
     "for the Cameroon Baptist Convention Health Services (CBCHS), a medical organisation, as she returned from a "
     "humanitarian mission.", date(2021, 3, 10), "Attack"),
    # world dev 418 (AP): house arrest; "November elections" does not date it
    ("Nicaraguan police on Wednesday placed opposition figure Cristiana Chamorro — a possible challenger to President "
     "Daniel Ortega in November elections — under house arrest, her family said.", date(2021, 6, 3), "Arrests"),
    # world dev 410 (Reuters): detentions during a protest are the protest's intervention
    ("Belarusian police detained dozens of people during a protest on Tuesday in the capital Minsk, according to an "
     "eyewitness.", date(2020, 9, 15), "Protest with intervention"),
    # world dev 401 (NYT via Radio Farda): troops firing on demonstrators who had taken refuge
    ("During recent protests in Iran over fuel prices, Islamic Revolutionary Guards Corps forces massacred between 40 "
     "to 100 mostly unarmed young men, when they opened fire with machine guns on a marsh near the city of Mahshahr "
     "where demonstrators had taken refuge, the New York Times reported Sunday.", date(2019, 12, 1),
     "Excessive force against protesters"),
    # world dev 386 (Ghana): teachers besieging an office to petition
    ("The Coalition of Aggrieved Teachers with arrears dating as far back 2012 on Wednesday, 30 September 2020 besieged "
     "the Ghana Education Service Head Office to petition the Director-General of Education on their legacy arrears.",
     date(2020, 9, 30), "Peaceful protest"),
    # world dev 385 (AP): a march to oppose a highway
    ("Hundreds of indigenous people made a triumphal entry into La Paz Wednesday at the end of a two-month march from "
     "the Amazon to oppose the construction of a highway through their ancestral homeland.", date(2011, 10, 20),
     "Peaceful protest"),
    # world dev 394 (PKK), 415 (Gabon), 433 (Yemen), 437 (Georgia)
    ("The Kurdistan Workers' Party (PKK) has announced its self-dissolution.", date(2025, 5, 12), "Change to group/activity"),
    ("A group of Gabonese military officers appeared on television Wednesday announcing they were \"putting an end to "
     "the current regime\".", date(2023, 8, 30), "Other"),
    ("In a serious and dangerous development that portends a veritable catastrophe, deaths and bottlenecks among local "
     "residents in Hodeidah have been reported by toxic gases after a rocket fired by the Houthi militias\nFive people "
     "were killed and dozens of animals died from asphyxia, early Thursday morning , 22 November 2018, in the village "
     "of Al-Mahd", date(2018, 11, 22), "Chemical weapon"),
    ("Georgian Grad multiple launch systems fired three full salvos at Tskhinvali, the press committee of South Ossetia "
     "told Itar-Tass by telephone.", date(2008, 8, 8), "Shelling/artillery/missile attack"),
]


@pytest.mark.parametrize("text,published", [
    # world dev 463 (bdnews24): a verdict, no court named
    ("Seven militants were sentenced to death on Wednesday for their roles in the Holey Artisan café attack, the "
     "deadliest terror attack in Bangladesh’s history.", date(2019, 11, 27)),
    # world dev 453 (Colombo): the group's known deed is who the group is; the arrests are the event
    ("A Sri Lankan parliament official was among six people arrested for their alleged links to the banned Islamist "
     "extremist group, National Tawheed Jamaat (NTJ), which carried out the deadly suicide attacks on Easter Sunday, a "
     "senior police official said.", date(2019, 5, 8)),
])
def test_fifth_batch_no_violent_event(nlp, text, published):
    assert all(event_type != "Explosions/Remote violence" and event_type != "Battles"
               for event_type, _, _ in types_of(nlp, text, published=published))


SIXTH_BATCH_TRANSFERS = [
    # world dev 466 (Reuters), 471 (Azertac), 473 (AP), 475 (AP): places changing hands with and without a fight
    ("Libyan militia fighters blamed for the worst unrest in Tripoli since the fall of Muammar Gaddafi began pulling out "
     "of the capital on Monday, and Libyan army units moved in to secure their areas, government officials said.",
     date(2013, 11, 18), "Non-violent transfer of territory"),
    ("Units of the Azerbaijani army entered Kalbajar region on 25 November under the trilateral agreement signed by "
     "Azerbaijani President Ilham Aliyev, Russian President Vladimir Putin and Armenian Prime Minister Nikol Pashinyan on "
     "November 10.", date(2020, 11, 25), "Non-violent transfer of territory"),
    ("Government forces had already fled by the time the TDF entered the city in the afternoon.",
     date(2021, 6, 29), "Non-violent transfer of territory"),
    ("Yemeni troops on Friday managed to drive al-Qaida fighters from the southern town Al-Hawta after five days of "
     "clashes, a senior security official said.", date(2012, 1, 28), "Government regains territory"),
]


SIXTH_ROUND_PRECEDENCE = [
    # world dev 261 (Haiti): burnt homes do not hide the killings told before them
    ("Members of an armed gang killed at least 12 people and set fire to several homes in Source Matelas, a community "
     "located north of the Haitian capital, Port-au-Prince.", date(2021, 5, 10), "Attack"),
    # world dev 069 (UN report released weeks later): a monitor's report dates events weeks back
    ("At least 303 civilians were raped by armed militia in the Democratic Republic of Congo (DRC) between July 30 and "
     "Aug. 2, according to a U.N. preliminary report released Friday.", date(2010, 9, 25), "Sexual violence"),
    # world dev 241: "last year's war" dates the war, not the exchange of fire; a breakaway region is a place
    ("Azerbaijani and Armenian forces exchanged fire for several hours along a section of their border as tensions "
     "continue to simmer between the two countries after last year’s war over the breakaway Nagorno-Karabakh region.",
     None, "Armed clash"),
    # world dev 145 (BBC via Sudan Tribune): militias on a rampage razing villages
    ("Militias on rampage razed entire villages in Sudan’s West Darfur region on Sunday as the country’s infighting "
     "escalated, according to BBC.", date(2023, 6, 12), "Looting/property destruction"),
]


SEVENTH_ROUND = [
    # world dev 105 (Nigeria): the protest and the torched police vehicle are one violent demonstration
    ("Trouble began after protesters accused the police of shooting dead one person who was taking part in the "
     "demonstration.  The angry residents torched a police vehicle while accusing the security agencies of using "
     "excessive force.", None, "Violent demonstration"),
    # world dev 090 (Nigeria): unions storming a government building with placards
    ("Labour unions stormed the main entrances of the Akwa Ibom State Government and the State House of Assembly.  "
     "Chanting solidarity songs, they displayed placards with various inscriptions.", None, "Peaceful protest"),
    # world dev 075 (VOA): men taken from a convoy near their village and killed
    ("The United Nations refugee agency says 25 men were killed on Sunday when gunmen ambushed a convoy near their "
     "village in Burkina Faso’s Center-North region.", date(2020, 1, 22), "Attack"),
]

SEVENTH_BATCH = [
    # world dev 482 (Bangladesh): police firing bullets on a protesting youth
    ("Though other protesters left the spot in the face of obstructions from the police, Abu Sayeed stood stretching "
     "his both hands. The police fired bullets on this unarmed protesting youth. He passed away even before being taken "
     "to the hospital.", date(2024, 7, 17), "Excessive force against protesters"),
    # world dev 483 (Eswatini): live ammunition and teargas fired into a bus of people going to protest
    ("Eswatini police fired live ammunition and teargas into a bus full of people traveling to the capital, Mbabane, on "
     "October 20 to protest the incarceration of two pro-democracy Members of Parliament.", date(2021, 10, 22),
     "Excessive force against protesters"),
    # world dev 485 (Armenia): protesters lynching the parliament speaker
    ("Chaotic scenes erupted inside Armenia's parliament in the early hours of Tuesday as protesters angry at the "
     "Nagorno-Karabakh peace deal with Azerbaijan seized control of its chamber to denounce the country's leadership as "
     "they lynched the parliament speaker.", date(2020, 11, 10), "Violent demonstration"),
    # world dev 497 (Zimbabwe): dragged out, bundled into a truck, never found
    ("On 9 March 2015, Dzamara was dragged out of a barber shop in Harare’s Glen View 7 high-density suburb by five men "
     "in plain clothes, handcuffed and bundled into a white truck.", date(2015, 3, 20), "Abduction/forced disappearance"),
    # world dev 501 (Sri Lanka), 541 (Pakistan), 542 (Lebanon): a group splits, rejoins, names a leader
    ("The pro-government Tamil militant group led by the former LTTE commander Karuna has reportedly split, with Karuna "
     "and his deputy, Pillaiyan, falling out over money and the command structure.", date(2007, 4, 9),
     "Change to group/activity"),
    ("ISLAMABAD: In a major security hazard, two splinter groups of the defunct Tehreek-e-Taliban Pakistan (TTP) have "
     "rejoined the terrorist outfit, with their leaders and Shura members swearing allegiance to TTP chief Mufti Noor "
     "Wali Mehsud in Afghanistan.", date(2020, 8, 17), "Change to group/activity"),
    ("Hezbollah has named Naim Qassam as its new secretary-general and chief, replacing Hassan Nasrallah.",
     date(2024, 10, 29), "Change to group/activity"),
    # world dev 518 (Russia) and 519 (Mexico): eliminated militants, a shootout
    ("Two militants have been eliminated during a counter-terrorist operation in the Buynaksky District of Dagestan, the "
     "National Anti-Terrorism Committee reported, noting that automatic firearms, ammunition and improvised explosive "
     "devices were found at the scene of the shootout.", date(2021, 3, 2), "Armed clash"),
    ("At least 12 alleged cartel members were killed by the Mexican army in a shootout near the border with the United "
     "States, according to officials.", date(2022, 5, 20), "Armed clash"),
    # world dev 525 (AP, 1987): a jet dropping chemical bombs
    ("An Iranian military communique said an Iraqi jet dropped chemical bombs Friday on the Bolhassan region of Baneh "
     "province, wounding an unspecified number of Iranian civilians.", date(1987, 4, 19), "Chemical weapon"),
]


@pytest.mark.parametrize("text,published", [
    # world dev 514 (Liberia), 515 (Nepal), 554 (Ghana)
    ("The Liberia National Police is investigating 11 men who were arrested early Sunday morning in Grand Bassa County, "
     "while attempting to rob a branch of Global Bank in Buchanan City.", date(2021, 9, 14)),
    ("Nepal today summoned Indian Ambassador Vinay Mohan Kwatra and handed over a diplomatic note on the boundary issue "
     "arising out of the opening of a road to Kailash Mansarovar.", date(2020, 5, 11)),
    ("On Thursday, a motorcycle collided with a truck carrying explosives to a gold mine in the rural settlement of "
     "Apiate, in western Ghana, the government said on Friday. The collision set off a blast which flattened a rural "
     "town.", date(2022, 1, 21)),
])
def test_seventh_batch_out_of_scope(nlp, text, published):
    assert all(event_type is None for event_type, _, _ in types_of(nlp, text, published)), types_of(nlp, text, published)


@pytest.mark.parametrize("text,published,sub_event_type",
                         FIFTH_BATCH_CUES + SIXTH_BATCH_TRANSFERS + SIXTH_ROUND_PRECEDENCE + SEVENTH_ROUND + SEVENTH_BATCH)
def test_main_type_of_later_batches(nlp, text, published, sub_event_type):
    found = types_of(nlp, text, published=published)
    assert found and found[0][1] == sub_event_type, found


def test_soldiers_sent_to_help_a_rescue_are_not_a_conflict_event(nlp):
    # world dev 459 (AFP, Morocco earthquake)
    text = ("The army set up a field hospital in the village and deployed “significant human and logistical resources” "
            "to support the rescue operation, state news agency MAP reported.")
    assert all(event_type is None for event_type, _, _ in types_of(nlp, text, date(2023, 9, 10)))


def _world_passage(number: int) -> tuple[str, date | None, str]:
    import json
    from pathlib import Path
    path = Path(__file__).resolve().parents[1] / "gold" / "world" / "dev" / f"{number:03d}.json"
    passage = json.loads(path.read_text(encoding="utf-8"))
    published = date.fromisoformat(passage["published"]) if passage.get("published") else None
    return passage["text"], published, passage["events"][0]["sub_event_type"] if passage["events"] else None


# eighth batch (dev, annotated before any rule was written from it): the rules each passage taught
EIGHTH_BATCH = [
    561,  # police "beating the protesters": intervention
    562,  # police "opened fire on the demonstration": excessive force, not a clash
    563,  # "opened fire in the capital Maputo on a crowd marking a day of protest"
    565,  # "after a day of heavy rioting": the same day, not the background of weeks
    582,  # "Hezbollah on Tuesday named ... as its new leader" (parsed as a participle)
    611,  # "North Korea's barrage of artillery fired onto a South Korean island"
    621,  # "almost exploded" did not; "handled the device in a controlled explosion" is disrupted weapons use
    623,  # "opened Russia's first new foreign military base"
    625,  # "officially took control of Port-Bouët, the last remaining French military base"
    627,  # "seized a town ... after outnumbered security forces laid down their arms"
    578,  # looting of aid for "people affected by floods": the flood is the victims' plight, not the event
    605,  # fierce fighting, and Fano "appeared to have overrun much of the town": one battle that took the place
    607,  # "a pick-up truck carrying chlorine gas canisters rigged with explosives blew up"
]


@pytest.mark.parametrize("number", EIGHTH_BATCH)
def test_main_type_of_eighth_batch(nlp, number):
    text, published, sub_event_type = _world_passage(number)
    found = types_of(nlp, text, published=published)
    assert found and found[0][1] == sub_event_type, found


def test_a_transfer_with_fighting_stays_a_battle(nlp):
    # the guide: any fighting for the place makes it a battle territory sub-type
    found = types_of(nlp, "Rebels seized the town on Tuesday after heavy fighting, and the remaining troops laid down "
                          "their arms.", date(2020, 3, 4))
    assert found and found[0][1] == "Non-state actor overtakes territory", found


# ninth batch (dev, annotated before any rule was written from it)
NINTH_BATCH = [
    641,  # tear gas, batons and arrests "to prevent pro-democracy protests": the arrests are the protest's intervention
    645,  # clashes between the security forces and the inhabitants, who threw stones: a riot
    647,  # "A furious Guatemalan mob seized a man and a woman ... and burned them to death"
    650,  # "attacked, kidnapped and raped a large group of women": sexual violence
    661,  # "claimed 250 soldiers defected from Mayom county"
    675,  # "a statement claiming responsibility for the terror attack in Vienna": a claim on its own
    681,  # "after retaking Daloa": done
    683,  # "rebels attacked and overran Kakata": the rebels took it
    689,  # "a bombardment by the Air Combat Command"
    691,  # "killed by Israeli tank fire"
    702,  # "'Hostile objects' have been downed by Polish or allied aircraft"
    705,  # "entered the district of Aghdam, the first of three to be handed back ... as part of a Russian-brokered peace deal"
]


@pytest.mark.parametrize("number", NINTH_BATCH)
def test_main_type_of_ninth_batch(nlp, number):
    text, published, sub_event_type = _world_passage(number)
    found = [t for t in types_of(nlp, text, published=published) if t[1]]
    assert (found[0][1] if found else None) == sub_event_type, found


def test_beaten_to_death_with_the_victims_between(nlp):
    found = types_of(nlp, "A crowd of villagers beat two men suspected of cattle theft to death in a village near Mzuzu "
                          "on Sunday.", date(2024, 5, 10))
    assert [t[1] for t in found] == ["Mob violence"], found


# tenth batch, 717-796 (dev, annotated before any rule was written from it)
TENTH_BATCH = [
    718,  # "Russia has moved some troops onto an airbase": a deployment
    721,  # "by setting up camps in forests": bases, before the "recruitment drive" in the same sentence
    722,  # "Forward Operating Base Ripley, established a few kilometers (miles) outside Tirin Kot"
    723,  # extremists "attacked" a town but "did not kill or injure anyone ... and looted all the medicines"
    725,  # rebels "burned heavy equipment used for a road construction"
    729,  # the president and prime minister "were arrested Wednesday in a military coup": the coup
    745,  # "a nearby military depot exploded", "an 'involuntary' explosion of shells": an accident
    746,  # "A bus fell 200 meters into a ravine ... after a collision involving two trucks": an accident
    754,  # a court's sentence; "The trio allegedly targeted to murder police officers" is no attack
    761,  # "An armed group killed two people and is suspected of having kidnapped four others": the killing comes first
    765,  # "is now in the hands of the army of the New Forces (rebels) ... following an intense combat"
    770,  # "killed Tuesday by a road mine"
    773,  # "poisoning by chlorine gas" (and officers "rushed to a government hospital" were not deployed)
    775,  # "the killing by security forces of at least 10 unarmed protesters"
    777,  # "A demonstration ... was met with harsh police crackdown": an intervention, not a meeting
    791,  # "Police ... have arrested a 34-year-old man for brutally slitting the neck of his ... neighbour": crime
    795,  # "on Wednesday claimed it was responsible for a bombing ... on Tuesday": a claim for a known attack
]



# eleventh batch, 797-876 (dev, annotated before any rule was written from it)
ELEVENTH_BATCH = [
    797,  # a rebel group "announced ... it has suspended all self-defense operations": one side alone, a change
    799,  # former fighters "were integrated into the national army"
    802,  # peacekeepers "set up a permanent presence near the site of a massacre"
    806,  # "Emergency was on Monday night clamped in Nepal"
    817,  # "Angry villagers ... torched to death a man ... suspected of stealing cows": a mob, not a riot
    825,  # "stabbed to death by his wife": crime
    826,  # a robbery, then "Three suspect were arrested." in the next paragraph: routine policing
    827,  # "one of its plants has suffered an explosion": an accident
    831,  # "released a statement claiming responsibility for the recent bomb blast": a claim alone
    835,  # "remembered the nine civilians, including a child, who were killed by the PKK ... 1994": a commemoration
    843,  # "rebels said they had taken the eastern town of Cangamba after an 11 -day siege"
    858,  # "the police opened fire on the crowds of Mondlane supporters": excessive force
    859,  # "Clashes between law enforcement officers and demonstrators ... pepper-sprayed": only the police used force
    861,  # protesters "ransacked a police station" (hard-wrapped wire copy, rejoined by the cleaner)
    873,  # "claimed responsibility Sunday for a suicide attack ... that wounded 13 people last week": a claim alone
    874,  # "Five men were jailed for life ... for their role in two al Shabaab bombings": a sentence, not the bombings
    875,  # "warning of an impending terrorist attack on Ghana": no attack
]



# twelfth batch, 877-956 (dev, annotated before any rule was written from it)
TWELFTH_BATCH = [
    885,  # Al Shabaab "retook" Hudur "following the withdrawal of allied Ethiopian and Somali government troops"
    893,  # "a 16-year-old girl had been seized by rebels in Timbuktu and raped": a girl seized is no town taken
    897,  # "shot dead in a drug turf war": crime
    898,  # "A portion of the loot was recovered and a motor car seized": a robbery, no town seized
    914,  # "announced ... the planned routes for Friday marches": not yet held
    922,  # the town of Man "was late on Monday ”totally under control” of forces loyal to President Laurent Gbagbo"
    925,  # "unmanned aerial vehicle (drone) attacks were carried out"
    930,  # "a motorcycle bomb went off as their truck drove over a bridge"
    935,  # "a form of nerve gas" on the Tokyo subway
    939,  # "security forces shot dead a Kurdish man during protests": excessive force
    949,  # "a ferry, filled past its capacity, capsized and sank": an accident
]
# batches 13 to 15, 957-1196 (dev, annotated before any rule was written from it)
THIRTEENTH_BATCH = [
    962,  # the army "took back control of Abeche without renewed fighting, as rebel forces deserted"
    973,  # the council "has chosen Abu Bakr al-Baghdadi ... as the emir"
    1003,  # rebels "reported the rare seizure of a town from government control after fighting"
    1018,  # "Residents of Madede ... burnt to death a 34-year-old man ... for allegedly breaking into a house"
    1025,  # "Kiev has attempted to attack targets ... with a drone, which was intercepted": disrupted weapons use
    1027,  # "An exchange of more than 800 prisoners ... began Friday"
    1031,  # soldiers "sent to the site to help evacuate local villages after the eruption": a disaster
    1033,  # IS "is claiming fighters for the extremist group carried out the van and knife attack": a claim alone
    1079,  # "the killing of three indigenous men by a Honduran military patrol ... the soldiers fired on them"
    1086,  # "Drone-fired missiles have hit a market"
    1101,  # "The riot - which led to two police stations ... being set alight": the rioters, not the police
    1115,  # "vowed fresh attacks ... if they do not retreat": a threat
    1041,  # separatist fighters "stormed the locality ... setting fire on several structures": no one hurt, destruction
    1043,  # "Several hundreds people gathered at the opera house ... demanding the resignation"
    1055,  # "Turkey on Saturday opened its largest overseas military training academy in Somali capital Mogadishu"
    1057,  # "begun drone operations out of a new Niger air base"
    1073,  # "signed a formal agreement with France to buy 36 Rafale fighter jets": an arms purchase, not a conflict deal
    1179,  # "military forces opened fire in a protest gathering": excessive force
    1181,  # "Students ... have vandalized and set fire to a vehicle": a riot
    1190,  # "a boiler exploded in a factory": an accident
    1121,  # armed groups "torching at least two churches and 95 homes"
    1129,  # "has taken control of four villages ... under an agreement struck with Yerevan": no fight, a handover
    1146,  # "A depressed man killed eight people ... in two separate break-in attacks before killing himself": crime
    1166,  # "A Turkish drone strike killed at least four members ..., authorities ... said": the parser made the strike the
           # speaker, and the speaker's words are masked; a strike says nothing
]


# batch 16, 1197-1276 (dev, annotated before any rule was written from it), and one older passage the same rule fixed
SIXTEENTH_BATCH = [
    1077,  # "killed in a border shootout ..., the bloodiest clash so far this year": a superlative's yardstick, no running total
    1238,  # "In the worst loss for the Peruvian military in four years, Shining Path rebels ambushed a 30-man patrol"
    1239,  # "Four people were killed ... after having been detained by army troops": an attack on detainees
    1251,  # troops "seized back control of ... Bouar ... from hundreds of vigilantes who in recent months have been targeting"
    1259,  # "Protesters have thrown Molotov cocktails": a riot
    1261,  # "shot dead ostensibly by paramilitaries during a standoff with protesters"
    1262,  # "police officers opened fire against peaceful protestors"
    1265,  # "died in a blast at the demolition ground of the Central Ammunition Depot": an accident
    1269,  # "thieves who blew up a cash machine": crime
    1274,  # "paying tributes to the victims of the Aug. 21 grenade attacks": a commemoration
    1201,  # "riot police used stun grenades and smoke bombs against thousands of demonstrators": no grenade attack
    1202,  # a student "shot in the back ... by a police officer during an attempted protest march"
    1205,  # "Three viable pipe-bombs ... have been recovered"
    1209,  # "residences ... were targeted by explosions on Sunday night"
    1217,  # "two explosions at a liquefied petroleum gas station": an accident
    1221,  # "Two vans transporting cash have been attacked ... by criminals": crime
    1222,  # "A Danish man shot dead his three children but then failed to kill himself": a family killing
    1318,  # "soldiers have been killed in the latest round of confrontation between Armenia and Azerbaijan"
    1322,  # "three of its soldiers were killed in a strike by Azerbaijani drones"
    1329,  # "rebels have abducted 12 bomb disposal experts": the victims' trade is no defusal
    1341,  # "fully secured ground zero ... and raised the Malaysian flag there"
    1343,  # "The Arakan Army (AA) took over Myebon ..., adding a sixth town to the territories under its control"
    1345,  # "a gas canister exploded at a crowded Geneva restaurant": an accident
    1346,  # "one soldier was shot dead ... in what officials termed as an accident"
    1351,  # "China's Foreign Ministry on Sunday protested to Japan over an incident": a diplomatic protest
    1286,  # troops "loot local people's ancestral inheritance and stole belongings"
    1289,  # a school "has been serving as a temporary camp of the Maoists' army since a week"
    1290,  # "A new vehicle patrol base and observation post"
    1297,  # "a gunman who held a dozen people hostage ... in a Barclays Bank branch": crime
    1302,  # "A huge explosion at the Melamin chemical plant": an accident
    1313,  # missiles fired "to sink an old Philippine Navy warship representing an enemy vessel": an exercise
    1315,  # "Massacre at Memorial Park sounds more like a horror movie than a rugby game": sport
    1369,  # "a boiler at a noodle factory ... exploded": an accident
    1371,  # "safely defused a huge Allied bomb from World War II": a relic, not this war's weapons
    1373,  # "hacked to death allegedly by his elder brother over a land dispute": a family killing
    1374,  # "shot dead his business partner over a financial dispute"
    1375,  # "shot dead by his business partner over money"
    1377,  # "Inmates armed with homemade knives fought each other ... the worst US prison riot": crime
    1385,  # "the Army will continue to respect the ongoing Ramzan ceasefire": no new agreement
    1401,  # "a mosque in the village of Ovchi-Qalacha ... was hit by a Kyrgyz drone"
    1402,  # "accused Tajik troops of breaking the cease-fire by peppering the village": no agreement
    1403,  # "a missile launched by Yemen's Houthi militia fell in the Jazan region"
    1409,  # "dropped grenades with suffocating and tear gas from drones": a chemical weapon
    1415,  # "their gathering was cut short by police intervention"
    1423,  # "Two explosions occurred at a military facility ... Three people are missing": an accident, no abduction
    1433,  # "Houthi rebels that have the backing of Iran, have claimed the responsibility for ... strikes": a claim alone
    1490,  # "detained about 20 dissidents at the start of an International Human Rights Day march": an intervention
    1493,  # "shot with pellets by police during the protests": excessive force
    1497,  # "A series of Pakistani airstrikes ... has resulted in the death of at least 15 people"
    1370,  # "killed in a series of explosions ... at fireworks warehouses": still an accident
    1506,  # "A member of a protected tribe in the Amazon has been killed by gunmen": a civilian killed
    1445,  # "Troops from Djibouti and Eritrea have fired shots at each other along their shared border"
    1453,  # "A tiger killed three people ... before villagers trapped the animal and beat it to death": no mob violence
    1455,  # "killed in a wild elephant attack"
    1458,  # "A mortar round exploded prematurely during a training exercise": an accident
    1467,  # "The Siege is a film about those who lived through it": a film
]


@pytest.mark.parametrize("number", TENTH_BATCH + ELEVENTH_BATCH + TWELFTH_BATCH + THIRTEENTH_BATCH + SIXTEENTH_BATCH)
def test_main_type_of_batches_ten_to_sixteen(nlp, number):
    text, published, sub_event_type = _world_passage(number)
    found = [t for t in types_of(nlp, text, published=published) if t[1]]
    assert (found[0][1] if found else None) == sub_event_type, found


# One-line alerts written for this test from ACLED's definitions (not report text): one per sub-type, in words the
# world batches did not all use, and ten that ACLED leaves alone (accidents, disasters, crime, sport, diplomacy, a claim,
# a verdict, a drill, lightning, a neighbours' row, a political and a football "attack", a bomb scare). All dated
# "on Monday", published Tuesday 2023-05-02.
ALERTS = [
    ('Gunmen hacked five villagers to death with machetes in Ituri on Monday.', 'Attack'),
    ('Militants beheaded three farmers in Cabo Delgado on Monday.', 'Attack'),
    ('Soldiers gunned down four civilians at a checkpoint in Rakhine on Monday.', 'Attack'),
    ('Rebels shelled the town of Bunia on Monday, killing two.', 'Shelling/artillery/missile attack'),
    ('Mortar rounds slammed into a market in Mogadishu on Monday, killing six.', 'Shelling/artillery/missile attack'),
    ('A bomb planted under a car exploded in Quetta on Monday, killing a policeman.', 'Remote explosive/landmine/IED'),
    ('Insurgents overran an army base in Borno on Monday.', 'Non-state actor overtakes territory'),
    ('The army recaptured the town of Kidal from separatists on Monday.', 'Government regains territory'),
    ('Police fired rubber bullets at demonstrators in Santiago on Monday.', 'Protest with intervention'),
    ("Thousands marched through Belgrade on Monday to demand the government's resignation.", 'Peaceful protest'),
    ('Rioters looted shops and burned cars in Nanterre on Monday night.', 'Violent demonstration'),
    ('A mob lynched a suspected thief in Kampala on Monday.', 'Mob violence'),
    ('Security forces detained the opposition leader in Dhaka on Monday.', 'Arrests'),
    ('Unknown gunmen kidnapped 20 students from a school in Kaduna on Monday.', 'Abduction/forced disappearance'),
    ('A teenage girl was gang-raped by soldiers in Beni on Monday, activists said.', 'Sexual violence'),
    ('Troops defused a roadside bomb near Kandahar on Monday.', 'Disrupted weapons use'),
    ('Police seized a cache of rifles and grenades in Mindanao on Monday.', 'Disrupted weapons use'),
    ('The two factions signed a ceasefire in Juba on Monday.', 'Agreement'),
    ('A senior commander of the Shabaab defected to the government on Monday.', 'Change to group/activity'),
    ('The militia set up a new base outside Tripoli on Monday.', 'Headquarters or base established'),
    ('Government forces withdrew from the town of Shire without a fight on Monday.', 'Non-violent transfer of territory'),
    ('Authorities imposed a curfew in Manipur on Monday after ethnic violence.', 'Other'),
    ('Fighter jets pounded rebel positions in Tigray on Monday.', 'Air/drone strike'),
    ('A suicide bomber struck a mosque in Peshawar on Monday, killing 30.', 'Suicide bomb'),
    ('Militants lobbed a grenade at a police post in Srinagar on Monday.', 'Grenade'),
    ('Chlorine gas was used in an attack on Douma on Monday, medics said.', 'Chemical weapon'),
    ('Ethnic militias clashed in Jonglei on Monday, leaving 12 dead.', 'Armed clash'),
    ('Protesters stormed the parliament building in Tbilisi on Monday.', 'Violent demonstration'),
    ('A plane crashed near Kathmandu airport on Monday, killing all 72 on board.', None),
    ('A fire at a garment factory in Dhaka killed 20 workers on Monday.', None),
    ('Floods killed 40 people in Kinshasa on Monday.', None),
    ('A man stabbed his wife to death in Nairobi on Monday.', None),
    ('Burglars shot a shop owner during a break-in in Johannesburg on Monday.', None),
    ('Arsenal crushed Chelsea in a London derby massacre on Monday.', None),
    ('The foreign ministry summoned the ambassador on Monday over the remarks.', None),
    ("Islamic State claimed responsibility on Monday for last week's bombing in Kabul.", None),
    ('A court sentenced three militants to death on Monday for the 2019 attack.', None),
    ('The army held live-fire drills near the border on Monday.', None),
    ('Lightning killed 12 people in Bihar on Monday.', None),
    ('A man shot dead his neighbour in a row over a parking space in Ohio on Monday.', None),
    ("Labour launched a blistering attack on the government's budget on Monday.", None),
    ('The striker fired his team to victory in a bruising battle on Monday.', None),
    ('A bomb scare forced the evacuation of Brussels airport on Monday; no device was found.', None),
]


@pytest.mark.parametrize("text,sub_event_type", ALERTS)
def test_one_line_alerts(nlp, text, sub_event_type):
    found = [t for t in types_of(nlp, text, published=date(2023, 5, 2)) if t[1]]
    assert (found[0][1] if found else None) == sub_event_type, found
