"""Places and the adjectives of nationality, lower-cased.

Used by the cast (:mod:`quoteattr.cast`) to tell a place from a person or an organisation
("South Carolina" is not a person called Carolina) and to read epithets of nationality ("the
Dutch striker"). The lists are short and hand-written: a place that is missing is at worst
taken for an unknown name, which resolution never prefers to a known person.
"""

from .roles import GOVERNMENT_PLACES, US_STATES

#: Countries and a few regions, as written in news (several words allowed).
COUNTRIES = frozenset(
    """
    afghanistan albania algeria angola argentina armenia australia austria azerbaijan
    bahrain bangladesh belarus belgium bolivia bosnia brazil britain bulgaria cambodia
    cameroon canada chile china colombia congo croatia cuba cyprus czechia denmark ecuador
    egypt england estonia ethiopia europe finland france georgia germany ghana greece
    guatemala haiti honduras hungary iceland india indonesia iran iraq ireland israel italy
    jamaica japan jordan kazakhstan kenya korea kosovo kuwait latvia lebanon libya lithuania
    luxembourg macedonia malaysia mali malta mexico moldova mongolia montenegro morocco
    mozambique myanmar namibia nepal netherlands nicaragua niger nigeria norway oman pakistan
    palestine panama paraguay peru philippines poland portugal qatar romania russia rwanda
    scotland senegal serbia singapore slovakia slovenia somalia spain sudan sweden
    switzerland syria taiwan tajikistan tanzania thailand tunisia turkey turkmenistan uganda
    ukraine uruguay uzbekistan venezuela vietnam wales yemen zambia zimbabwe africa asia
    america americas crimea gaza kashmir tibet
    """.split()
) | frozenset(
    (
        "united states",
        "united kingdom",
        "united arab emirates",
        "saudi arabia",
        "south africa",
        "south korea",
        "north korea",
        "new zealand",
        "sri lanka",
        "costa rica",
        "el salvador",
        "puerto rico",
        "west bank",
        "middle east",
        "latin america",
        "south america",
        "north america",
        "central america",
        "soviet union",
        "czech republic",
        "dominican republic",
        "ivory coast",
        "hong kong",
    )
)

#: U.S. states written in two words (the one-word states are in ``roles.US_STATES``).
US_STATES_TWO_WORDS = frozenset(
    (
        "new hampshire",
        "new jersey",
        "new mexico",
        "new york",
        "north carolina",
        "north dakota",
        "south carolina",
        "south dakota",
        "rhode island",
        "west virginia",
    )
)

#: Cities that news names most often without their country (several words allowed).
CITIES = frozenset(
    """
    atlanta baltimore boston chicago cincinnati cleveland dallas denver detroit houston
    miami milwaukee minneapolis nashville philadelphia phoenix pittsburgh portland seattle
    manhattan brooklyn queens bronx harlem hollywood macau mumbai shanghai sydney toronto
    montreal vancouver melbourne geneva zurich munich frankfurt hamburg barcelona milan
    naples istanbul aleppo mosul dubai doha beirut karachi lahore lagos johannesburg
    dublin edinburgh glasgow manchester liverpool birmingham leeds bristol amsterdam
    rotterdam marseille lyon kabul
    """.split()
) | frozenset(
    (
        "los angeles",
        "las vegas",
        "san francisco",
        "san diego",
        "san antonio",
        "san jose",
        "new orleans",
        "st. louis",
        "salt lake city",
        "kansas city",
        "new york city",
        "new delhi",
        "mexico city",
        "rio de janeiro",
        "sao paulo",
        "tel aviv",
        "buenos aires",
        "hong kong",
        "des moines",
        "palm beach",
        "silicon valley",
        "wall street",
        "capitol hill",
    )
)

#: Adjectives (and group nouns) of nationality: "the Dutch striker", "Portuguese midfielder".
DEMONYMS = frozenset(
    """
    afghan albanian algerian american argentine argentinian armenian australian austrian
    bangladeshi belarusian belgian bolivian bosnian brazilian british bulgarian cambodian
    cameroonian canadian chilean chinese colombian congolese croatian cuban cypriot czech
    danish dutch ecuadorian egyptian english estonian ethiopian european filipino finnish
    french georgian german ghanaian greek guatemalan haitian honduran hungarian icelandic
    indian indonesian iranian iraqi irish israeli italian jamaican japanese jordanian
    kazakh kenyan korean kosovar kuwaiti latvian lebanese libyan lithuanian malaysian
    malian maltese mexican moldovan mongolian moroccan nepalese nigerian norwegian omani
    pakistani palestinian panamanian paraguayan peruvian polish portuguese qatari romanian
    russian rwandan saudi scottish senegalese serbian singaporean slovak slovenian somali
    spanish sudanese swedish swiss syrian taiwanese thai tunisian turkish ugandan ukrainian
    uruguayan uzbek venezuelan vietnamese welsh yemeni zambian zimbabwean african asian
    arab latino latina hispanic soviet
    """.split()
)

#: Nouns of nationality that differ from the adjective, each with the adjective (the epithet
#: a role gives: "the Spanish coach"): "the Spaniard said", "the Dutchman said".
NATIONALITY_NOUNS = {
    "spaniard": "spanish",
    "dutchman": "dutch",
    "dutchwoman": "dutch",
    "frenchman": "french",
    "frenchwoman": "french",
    "englishman": "english",
    "englishwoman": "english",
    "irishman": "irish",
    "irishwoman": "irish",
    "welshman": "welsh",
    "welshwoman": "welsh",
    "scotsman": "scottish",
    "scotswoman": "scottish",
    "scot": "scottish",
    "briton": "british",
    "brit": "british",
    "swede": "swedish",
    "dane": "danish",
    "finn": "finnish",
    "pole": "polish",
    "turk": "turkish",
    "croat": "croatian",
    "serb": "serbian",
    "icelander": "icelandic",
    "uzbek": "uzbek",
    "kazakh": "kazakh",
}

#: Adjectives and group nouns of religion and party, capitalised in news but never names:
#: "Muslims", "Democratic", "Republicans".
GROUP_WORDS = frozenset(
    """
    muslim muslims christian christians jewish jew jews catholic catholics protestant
    protestants evangelical evangelicals hindu hindus buddhist buddhists sikh sikhs mormon
    mormons islamic democratic republican republicans democrat democrats libertarian
    libertarians socialist socialists communist communists conservative conservatives
    liberal liberals progressive progressives independent independents tory tories
    labour
    """.split()
)

#: Every place above, and the one-word U.S. states and the capitals that stand for their
#: governments, in one set: what a name must not be to be a person's.
PLACES = COUNTRIES | US_STATES_TWO_WORDS | CITIES | US_STATES | GOVERNMENT_PLACES

#: Places that are as often a person's first name: "JORDAN:" may label a transcript's
#: speaker as well as a dateline (the dateline rules do not take them before a colon).
PLACES_AND_FIRST_NAMES = frozenset(
    "jordan georgia chad florence victoria austin charlotte savannah virginia aurora".split()
)

#: Last words of the names of buildings, streets and other places: "Trump Tower", "Madison
#: Square Garden", "Pennsylvania Avenue" are not people. (Words that are also common
#: surnames -- Park, Hall, House, Bridge, Church, Lane -- are left out.)
FACILITY_WORDS = frozenset(
    """
    tower towers hotel building plaza square gardens stadium arena airport avenue street
    road boulevard highway mall center centre cathedral mosque temple synagogue museum
    library theater theatre palace castle islands beach valley mountains lake river bay
    coast county district province region city village camp base port station
    bridge harbor harbour pier courthouse prison
    """.split()
)

#: Last words of the names of events, laws and occasions: "Election Day", "Affordable Care
#: Act", "Iowa Caucuses" are not people.
EVENT_WORDS = frozenset(
    """
    day days week eve war games olympics cup series act acts bill amendment amendments
    plan crisis summit conference convention election elections primary primaries caucus
    caucuses debate debates forum festival award awards prize treaty accord accords deal
    doctrine movement revolution rally march marathon tournament championship
    """.split()
)

#: The country a people's adjective names, as news writes it: "the Russians said" is Russia
#: speaking (rule nation-of-people). Only states; "the Palestinians", "the Kurds" stay a
#: people.
NATION_OF_DEMONYM = {
    "afghan": "Afghanistan",
    "american": "United States",
    "argentine": "Argentina",
    "australian": "Australia",
    "austrian": "Austria",
    "belgian": "Belgium",
    "brazilian": "Brazil",
    "british": "Britain",
    "canadian": "Canada",
    "chinese": "China",
    "cuban": "Cuba",
    "danish": "Denmark",
    "dutch": "Netherlands",
    "egyptian": "Egypt",
    "french": "France",
    "german": "Germany",
    "greek": "Greece",
    "indian": "India",
    "indonesian": "Indonesia",
    "iranian": "Iran",
    "iraqi": "Iraq",
    "irish": "Ireland",
    "israeli": "Israel",
    "italian": "Italy",
    "japanese": "Japan",
    "jordanian": "Jordan",
    "korean": "Korea",
    "lebanese": "Lebanon",
    "libyan": "Libya",
    "mexican": "Mexico",
    "nigerian": "Nigeria",
    "norwegian": "Norway",
    "pakistani": "Pakistan",
    "polish": "Poland",
    "portuguese": "Portugal",
    "qatari": "Qatar",
    "russian": "Russia",
    "saudi": "Saudi Arabia",
    "spanish": "Spain",
    "swedish": "Sweden",
    "swiss": "Switzerland",
    "syrian": "Syria",
    "turkish": "Turkey",
    "ukrainian": "Ukraine",
    "venezuelan": "Venezuela",
    "vietnamese": "Vietnam",
}
