"""Nouns that stand for people and organisations later in an article.

Used by the cast (:mod:`quoteattr.cast`) and by coreference: a description such as "the
midfielder", "the 45-year-old" or "the agency" stands for someone the article has named; these
lists say which nouns can. All lower case.
"""

#: Kinship nouns, with the gender they give the person they describe ("his wife, Ana").
KINSHIP_NOUNS = {
    "mother": "female",
    "father": "male",
    "wife": "female",
    "husband": "male",
    "son": "male",
    "daughter": "female",
    "brother": "male",
    "sister": "female",
    "widow": "female",
    "widower": "male",
    "grandmother": "female",
    "grandfather": "male",
    "grandson": "male",
    "granddaughter": "female",
    "uncle": "male",
    "aunt": "female",
    "nephew": "male",
    "niece": "female",
    "stepmother": "female",
    "stepfather": "male",
    "stepson": "male",
    "stepdaughter": "female",
    "mom": "female",
    "dad": "male",
    "girlfriend": "female",
    "boyfriend": "male",
    "fiancee": "female",
    "fiancée": "female",
    "fiance": "male",
    "fiancé": "male",
    "grandma": "female",
    "grandpa": "male",
    "granny": "female",
    "mum": "female",
    "mommy": "female",
    "daddy": "male",
    "stepbrother": "male",
    "stepsister": "female",
    "half-brother": "male",
    "half-sister": "female",
    "mother-in-law": "female",
    "father-in-law": "male",
    "son-in-law": "male",
    "daughter-in-law": "female",
    "sister-in-law": "female",
    "brother-in-law": "male",
    "great-grandmother": "female",
    "great-grandfather": "male",
    "godmother": "female",
    "godfather": "male",
    "goddaughter": "female",
    "godson": "male",
    "ex-wife": "female",
    "ex-husband": "male",
    "ex-girlfriend": "female",
    "ex-boyfriend": "male",
    "bride": "female",
    "bridegroom": "male",
}

#: Role nouns that tell the gender of who holds them (beyond kinship): "the spokeswoman".
GENDERED_PERSON_NOUNS = {
    "spokesman": "male",
    "spokeswoman": "female",
    "chairman": "male",
    "chairwoman": "female",
    "congressman": "male",
    "congresswoman": "female",
    "councilman": "male",
    "councilwoman": "female",
    "assemblyman": "male",
    "assemblywoman": "female",
    "alderman": "male",
    "alderwoman": "female",
    "businessman": "male",
    "businesswoman": "female",
    "sportsman": "male",
    "sportswoman": "female",
    "anchorman": "male",
    "anchorwoman": "female",
    "policeman": "male",
    "policewoman": "female",
    "actress": "female",
    "actor": "male",
    "waitress": "female",
    "heiress": "female",
    "king": "male",
    "queen": "female",
    "prince": "male",
    "princess": "female",
    "emperor": "male",
    "empress": "female",
    "duke": "male",
    "duchess": "female",
    "baron": "male",
    "baroness": "female",
    "countess": "female",
    "lord": "male",
    "lady": "female",
    "sir": "male",
    "dame": "female",
    "nun": "female",
    "monk": "male",
    "priest": "male",
    "man": "male",
    "woman": "female",
    "boy": "male",
    "girl": "female",
    "gentleman": "male",
    "statesman": "male",
    "stateswoman": "female",
    "frontman": "male",
    "frontwoman": "female",
    "selectman": "male",
    "selectwoman": "female",
    "committeeman": "male",
    "committeewoman": "female",
    "newsman": "male",
    "newswoman": "female",
    "cameraman": "male",
    "camerawoman": "female",
    "salesman": "male",
    "saleswoman": "female",
    "clergyman": "male",
    "clergywoman": "female",
    "churchman": "male",
    "churchwoman": "female",
    "horseman": "male",
    "horsewoman": "female",
    "patrolman": "male",
    "patrolwoman": "female",
    "serviceman": "male",
    "servicewoman": "female",
    "foreman": "male",
    "forewoman": "female",
    "fireman": "male",
    "fisherman": "male",
    "handyman": "male",
    "doorman": "male",
    "weatherman": "male",
    "weatherwoman": "female",
    "hostess": "female",
    "stewardess": "female",
    "headmistress": "female",
    "heroine": "female",
    "landlady": "female",
    "songstress": "female",
    "seamstress": "female",
    "priestess": "female",
    "abbess": "female",
    "abbot": "male",
    "friar": "male",
    "pope": "male",
    "marchioness": "female",
    "viscountess": "female",
    "marquess": "male",
    "viscount": "male",
    "earl": "male",
    "ballerina": "female",
    "matriarch": "female",
    "patriarch": "male",
    "housewife": "female",
    "sportsmen": "plural",
    "dutchman": "male",
    "dutchwoman": "female",
    "frenchman": "male",
    "frenchwoman": "female",
    "englishman": "male",
    "englishwoman": "female",
    "irishman": "male",
    "irishwoman": "female",
    "welshman": "male",
    "welshwoman": "female",
    "scotsman": "male",
    "scotswoman": "female",
}

#: Nouns for a person's occupation, position or standing that are not titles written before
#: a name but may stand for a named person later ("the midfielder said", "the tycoon said").
PERSON_NOUNS = frozenset(
    """
    midfielder striker forward winger defender goalkeeper keeper captain player
    quarterback pitcher batter catcher linebacker guard center centre point
    champion athlete runner swimmer cyclist boxer fighter wrestler golfer skier driver
    jockey rider sprinter gymnast
    singer songwriter musician rapper guitarist drummer composer conductor dancer artist
    painter sculptor photographer filmmaker director producer actor actress comedian
    writer author novelist poet journalist reporter columnist blogger broadcaster
    presenter commentator critic historian philosopher scholar academic economist
    lawyer attorney barrister solicitor judge magistrate prosecutor defendant plaintiff
    suspect victim witness survivor veteran soldier officer sergeant commander
    doctor physician surgeon nurse scientist engineer architect entrepreneur investor
    billionaire millionaire tycoon mogul magnate banker trader executive founder
    businessman businesswoman owner landlord tenant farmer teacher student pupil principal
    pastor priest preacher minister rabbi imam bishop cardinal pope monk nun cleric
    activist campaigner organizer protester candidate nominee hopeful contender
    front-runner frontrunner incumbent challenger veteran lawmaker legislator senator
    congressman congresswoman representative governor mayor president premier chancellor
    minister secretary ambassador diplomat envoy adviser advisor aide spokesman
    spokeswoman spokesperson strategist consultant pollster analyst donor fundraiser
    lobbyist official politician democrat republican conservative liberal progressive
    independent chairman chairwoman chair leader boss manager coach trainer chief head
    deputy director commissioner superintendent sheriff chief-executive ceo host anchor
    correspondent editor publisher mother father wife husband son daughter brother
    sister widow widower man woman boy girl teenager teen youngster resident native
    immigrant refugee newcomer celebrity star legend icon entertainer personality
    astronaut cosmonaut pilot chef specialist psychologist psychiatrist dentist pharmacist
    therapist cop trooper firefighter paramedic medic sailor agent constable warden ranger
    volunteer intern lecturer negotiator mediator trustee auditor comptroller coroner
    physicist astrophysicist chemist biologist epidemiologist virologist sociologist
    demographer statistician meteorologist forecaster climatologist geologist designer
    programmer accountant referee umpire industrialist loyalist backer opponent partner
    co-owner
    taoiseach tanaiste councillor councilor
    """.split()
)

#: Nouns that stand for the same office, so that one may find the other: "the candidate"
#: finds "Republican presidential nominee Ana Ruiz". Each row is one class.
ROLE_SYNONYMS = (
    frozenset("candidate nominee hopeful contender front-runner frontrunner".split()),
    frozenset("senator sen".split()),
    frozenset("representative rep congressman congresswoman congressmember".split()),
    frozenset("governor gov".split()),
    frozenset("president pres".split()),
    frozenset("professor prof".split()),
    frozenset("doctor dr physician".split()),
    frozenset("reverend rev pastor".split()),
    frozenset("general gen".split()),
    frozenset("chairman chairwoman chair chairperson".split()),
    frozenset("spokesman spokeswoman spokesperson".split()),
    frozenset("lawmaker legislator".split()),
    frozenset("manager coach boss".split()),
    frozenset("tycoon mogul magnate billionaire businessman businesswoman".split()),
    frozenset(("chief executive", "ceo")),
    frozenset("attorney lawyer".split()),
    frozenset("councillor councilor coun cllr councilman councilwoman".split()),
    frozenset("constable const".split()),
)

#: What an organisation description ("the company", "the paper") may stand for: the words
#: that mark an organisation's name as one of that sort ("Acme Inc.", "The Daily Herald").
ORGANIZATION_SORTS = {
    "company": frozenset("inc corp corporation co company ltd llc plc group holdings".split()),
    "firm": frozenset("inc corp corporation co company ltd llc plc group partners".split()),
    "corporation": frozenset("inc corp corporation".split()),
    "newspaper": frozenset("times post journal tribune herald gazette globe news daily".split()),
    "paper": frozenset("times post journal tribune herald gazette globe news daily".split()),
    "network": frozenset("news network tv television broadcasting cnn nbc cbs abc msnbc".split()),
    "channel": frozenset("news network tv television channel".split()),
    "station": frozenset("tv radio station".split()),
    "magazine": frozenset("magazine weekly monthly review".split()),
    "outlet": frozenset("news times post journal magazine tv radio".split()),
    "university": frozenset("university college institute".split()),
    "school": frozenset("school college academy".split()),
    "hospital": frozenset("hospital clinic".split()),
    "charity": frozenset("foundation fund trust charity".split()),
    "union": frozenset("union federation".split()),
    # "the force said" (British news: a police force) -> "Thames Valley Police".
    "force": frozenset("police constabulary force".split()),
    "constabulary": frozenset("police constabulary".split()),
    "trust": frozenset("trust".split()),
    "bank": frozenset("bank".split()),
    "club": frozenset("club fc united city".split()),
    "team": frozenset("fc united city team".split()),
}

#: Nouns that usually describe a source the article does not name ("the official said",
#: "the source added"): a definite description with one of these heads is never taken for
#: the person in focus unless a named person holds that role.
ANONYMOUS_NOUNS = frozenset(
    """
    official source aide spokesman spokeswoman spokesperson person insider staffer employee
    worker witness resident observer expert analyst diplomat officer member people
    participant attendee respondent caller viewer reader user customer passenger driver
    neighbor neighbour friend relative man woman boy girl
    """.split()
)

#: Nouns of a business: "the company", "the tech giant", "the automaker".
BUSINESS_NOUNS = frozenset(
    """
    company firm corporation business retailer bank giant automaker carmaker chipmaker
    drugmaker planemaker lender insurer airline conglomerate manufacturer startup
    """.split()
)

#: Bodies that news names after the person who leads them: "the Sanders campaign".
LED_BODIES = frozenset("campaign team camp administration government".split())

#: Words that mark an organisation's name as something other than a business, so that "the
#: company" never stands for it: "Communications Workers of America", "the Labor Party".
NOT_BUSINESS = frozenset(
    """
    union worker workers association federation party committee department ministry agency
    government council commission court congress senate house parliament campaign league
    coalition alliance foundation institute university college school church police army
    navy military administration office bureau
    """.split()
)

#: Nouns that end in "-ly" like an adverb, and head sources: "his family said", "a close
#: ally said" (a test that skips "-ly" adverbs before a cue must not skip them).
LY_NOUNS = frozenset("family ally assembly".split())
