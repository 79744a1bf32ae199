"""Words for roles, sources and organisations, used to split a mention into name and role.

All lower-case. "Role words" are nouns that describe what a person does ("spokeswoman",
"senator"); "title words" may stand capitalised before a name ("President Joe Biden", "Sen.
Warren"); "source words" head anonymous sources ("a senior official", "sources").
"""

from .people import GENDERED_PERSON_NOUNS, KINSHIP_NOUNS

_GENDER_OF = {**GENDERED_PERSON_NOUNS, **KINSHIP_NOUNS}

#: Titles written before a name, lower-cased, stops removed: "Gov. Ana Ruiz" -> role "Gov.".
TITLES = frozenset(
    """
    president vice secretary minister premier chancellor governor gov senator sen
    representative rep congressman congresswoman congressmember speaker leader mayor judge
    justice chief chairman chairwoman chair ceo cfo coo director commissioner ambassador
    general gen colonel col lieutenant lt major maj captain capt sergeant sgt admiral adm
    commander cmdr officer inspector detective det superintendent supt sheriff attorney
    prosecutor counsel councilman councilwoman councillor councilor delegate deputy assistant
    professor prof dr doctor reverend rev father bishop cardinal pope rabbi imam king queen
    prince princess lord lady sir dame baroness baron duke emperor sultan sheikh ayatollah
    prime foreign defense defence interior finance health state press communications campaign
    national security adviser advisor spokesman spokeswoman spokesperson spokesmen
    manager executive founder co-founder owner editor correspondent anchor host coach
    candidate nominee hopeful frontrunner challenger incumbent rival counterpart
    analyst economist strategist pollster consultant expert scientist researcher
    lawmaker legislator politician diplomat envoy official aide staffer
    treasurer clerk administrator regulator head boss principal dean provost fellow
    mr mrs ms miss messrs mx
    whip alderman alderwoman assemblyman assemblywoman assemblymember selectman supervisor
    cofounder actor actress comedian novelist filmmaker playwright rapper
    secretary-general attorney-general governor-general director-general surgeon-general
    solicitor-general inspector-general postmaster-general vice-president vice-chair
    vice-chairman vice-chancellor vice-premier commander-in-chief editor-in-chief
    mp mps mep msp mla mpp coun cllr const constable
    taoiseach tanaiste tánaiste councillor-elect
    """.split()
)

#: Honorifics: part of neither name nor role, but evidence of gender. The British styles of
#: knighthood and peerage count as honorifics: "Labour leader Sir Keir Starmer" has the role
#: *Labour leader*, "Dame Sarah Gilbert" no role at all. ("Lady" is not one of them: "First
#: Lady Jill Biden" has a role.)
HONORIFICS = {
    "mr": "male",
    "mrs": "female",
    "ms": "female",
    "miss": "female",
    "messrs": "plural",
    "sir": "male",
    "dame": "female",
    "lord": "male",
}

#: Role nouns that say something of the gender of who holds them, each with the gender
#: :mod:`.people` gives it: the offices, ranks and nearer family ties that a speaker's role
#: may name ("the committee's chairwoman", "his widow"), and "first lady".
GENDERED_ROLES = {
    word: _GENDER_OF[word]
    for word in """
    spokesman spokeswoman chairman chairwoman congressman congresswoman alderman alderwoman
    assemblyman assemblywoman councilman councilwoman businessman businesswoman actress actor
    king queen prince princess man woman boy girl sir lady lord dame baroness baron duke
    duchess father mother husband wife son daughter brother sister widow widower grandmother
    grandfather uncle aunt
    """.split()
}
GENDERED_ROLES["first lady"] = "female"

#: Nouns that head an anonymous source: "a State Department official", "sources".
SOURCE_NOUNS = frozenset(
    """
    official officials source sources spokesman spokeswoman spokesperson spokesmen
    aide aides adviser advisers advisor advisors insider insiders person people
    officer officers diplomat diplomats staffer staffers employee employees member members
    analyst analysts expert experts observer observers critic critics supporter supporters
    resident residents witness witnesses voter voters worker workers lawmaker lawmakers
    representative representatives leader leaders executive executives strategist
    strategists operative operatives ally allies associate associates friend friends
    colleague colleagues neighbor neighbors neighbour neighbours activist activists
    economist economists scientist scientists researcher researchers investigator
    investigators prosecutor prosecutors lawyer lawyers attorney attorneys doctor doctors
    physician physicians nurse nurses teacher teachers student students protester
    protesters demonstrator demonstrators veteran veterans republican republicans democrat
    democrats conservative conservatives liberal liberals fan fans user users man woman men
    women owner owners manager managers organizer organizers pollster pollsters
    counterpart delegate delegates senator senators congressman congresswoman governor
    mayor judge officer commander general soldier soldiers farmers farmer families
    family respondents participants attendees relative relatives parent parents
    organiser organisers campaigner campaigners eyewitness eyewitnesses bystander
    bystanders survivor survivors villager villagers passenger passengers mourner mourners
    advocate advocates opponent opponents proponent proponents backer backers rival rivals
    detractor detractors skeptic skeptics sceptic sceptics pundit pundits commentator
    commentators investor investors trader traders consumer consumers shopper shoppers
    commuter commuters locals
    """.split()
)

#: Nouns that head an organisation or institution: "the State Department", "the campaign".
ORGANIZATION_NOUNS = frozenset(
    """
    administration government ministry department agency office bureau commission committee
    council court congress senate house parliament assembly legislature cabinet kremlin
    pentagon campaign party company corporation firm group organization organisation
    association union federation coalition alliance network channel newspaper magazine
    paper times post journal news press tribune herald guardian telegraph reuters
    foundation institute center centre university college school hospital bank fund
    police army navy military forces authority authorities board team club league
    diplomacy embassy consulate mission council service services industry regime
    white nato un eu fbi cia nsa irs epa fda cdc who imf opec
    inc corp ltd llc co
    giant automaker carmaker chipmaker drugmaker planemaker retailer lender insurer airline
    conglomerate manufacturer startup
    chamber reserve society tribunal museum academy secretariat directorate inspectorate
    observatory laboratory institution force constabulary trust
    holdings industries motors electric dynamics pharmaceuticals airways airlines
    technologies enterprises ventures plc
    treasury exchequer whitehall elysee élysée bundestag bundesrat knesset duma rada sejm
    riksdag storting international watch
    """.split()
)

#: Lower-case words of a government portfolio or opposition post written before a title:
#: "shadow education secretary Laura Trott", "transport minister Ana Ruiz".
PORTFOLIO_WORDS = frozenset(
    """
    shadow education transport environment energy trade culture housing agriculture
    immigration home business work pensions digital science technology justice health
    finance defence defense foreign interior labour employment welfare communities
    climate security industry tourism sport sports fisheries veterans infrastructure
    """.split()
)

#: Seats of government named by more than one word, that speak for it: "Downing Street said".
GOVERNMENT_SEATS = frozenset(["downing street", "blue house", "lok sabha", "rajya sabha"])

#: The organisation nouns above that are acronyms: they name an organisation only when
#: written in capitals ("UN", not the "Un" of Kim Jong Un).
ORGANIZATION_ACRONYMS = frozenset("nato un eu fbi cia nsa irs epa fda cdc who imf opec".split())

#: Words that end the name of a business, though alone they are plain words: "Harbor
#: Capital", "Greenfield Homes", "Northway Management", "Blue Ridge Partners".
COMPANY_END_WORDS = frozenset(
    """
    capital management homes partners associates properties investments realty logistics
    systems solutions energy foods media studios labs communications consulting resources
    brands insurance securities bancorp financial therapeutics biosciences semiconductor
    semiconductors telecom utilities shipping mining petroleum chemicals
    """.split()
)

#: Social networks and platforms: one-word names of companies, never of a person ("on
#: Twitter", "Facebook said").
PLATFORMS = frozenset(
    """
    twitter facebook instagram youtube tiktok reddit snapchat linkedin whatsapp telegram
    wikileaks wikipedia google amazon netflix spotify uber airbnb
    """.split()
)

#: Places that news uses for their governments: "Washington warned Moscow".
GOVERNMENT_PLACES = frozenset(
    """
    washington moscow london paris berlin beijing tokyo kiev kyiv brussels ottawa canberra
    tehran pyongyang seoul damascus ankara cairo riyadh jerusalem delhi islamabad kabul
    baghdad havana caracas madrid rome warsaw minsk vienna athens stockholm oslo copenhagen
    dublin lisbon budapest prague bucharest sofia belgrade tallinn riga vilnius helsinki
    canberra wellington pretoria nairobi abuja mexico brasilia
    russia ukraine china america britain france germany japan iran israel india pakistan
    turkey syria iraq egypt canada australia italy spain poland belarus
    """.split()
)

#: Non-human sources of findings: "the poll showed", "a report found".
DOCUMENT_NOUNS = frozenset(
    """
    poll polls survey surveys study studies report reports analysis data figures statistics
    document documents memo memos letter letters statement statements filing filings
    record records email emails study research estimates estimate forecast model models
    complaint lawsuit indictment ruling order bill law release article story investigation
    review audit tweet tweets post posts video book website site sign message note
    polling average averages results tally tracker findings
    """.split()
)

#: Lower-case words that may open a role before a name: "former Secretary Ana Ruiz",
#: "longtime aide Tom Bell".
ROLE_MODIFIERS = frozenset(
    """
    former longtime long-time top senior then acting interim chief deputy veteran fellow
    outgoing incoming retired late current prominent leading local federal presidential
    democratic republican conservative liberal progressive independent junior
    freshman first-term two-term three-term powerful influential famed noted celebrated
    controversial embattled disgraced billionaire millionaire conservative-leaning
    self-described self-proclaimed so-called then-candidate then-president onetime
    erstwhile ex-
    """.split()
)

#: Heads of quantity subjects in poll reports: "67 percent say", "Almost half said", "One in
#: three said".
QUANTITY_NOUNS = frozenset(
    """
    percent % half third thirds quarter quarters majority minority plurality fraction
    one two three four five six seven eight nine ten dozen dozens hundreds thousands
    millions number share proportion rest remainder
    """.split()
)

#: U.S. states, written out: "of Ashton, Maryland, said" names a place, not an appositive.
US_STATES = frozenset(
    """
    alabama alaska arizona arkansas california colorado connecticut delaware florida georgia
    hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts
    michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon
    pennsylvania tennessee texas utah vermont virginia washington wisconsin wyoming
    """.split()
)
