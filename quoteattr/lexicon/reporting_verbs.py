"""Reporting verbs and phrases: the words that cue an attribution.

Each verb is listed once by its lemma, in the table of the *frame* it takes; the cues stage
derives the regular inflections (says, said, saying) and takes irregular ones from
:data:`IRREGULAR_FORMS`. Speech verbs report what somebody said; belief verbs report what
somebody thinks, wants or found (counted as attributions by news corpora such as PolNeAR, and
counted in the broad scheme only, ``Config(scheme="broad")``).
"""

#: Speech verbs whose content is a clause: "X said (that) ...", "..., X said".
SPEECH_CLAUSE = frozenset(
    """
    say add acknowledge admit affirm allege announce answer argue assert aver boast brag
    caution charge claim comment complain concede conclude confirm confess contend
    counter declare deny disclose emphasize emphasise estimate exclaim explain grumble hint
    indicate insist joke lament maintain mention muse note observe opine pledge point predict
    proclaim promise protest quip reaffirm recall recount reiterate remark repeat reply report
    respond retort reveal say scoff shout signal speculate state stress suggest swear testify
    theorize tweet post underline underscore vow warn whisper write yell concur agree
    clarify elaborate interject interrupt posit propose recommend demand ask wonder
    question query inquire tell inform assure remind notify advise
    cite echo tout mock chant quote retweet email text highlight express bark snap grouse
    gush rave sneer marvel huff fume fret plead beg implore bemoan downplay liken compare
    threaten encourage challenge invoke remember learn discuss address recite sing read
    applaud reassure summarize summarise paraphrase spell outline detail
    lay flag mutter murmur sigh laugh cry scream shriek holler
    scoff smirk snicker giggle chuckle stammer stutter crow gloat rant rail vent blurt
    rebut refute dispute contradict correct volunteer offer hedge
    waffle equivocate speculate surmise infer deduce reckon opine weigh decline
    """.split()
)

#: Verbs that usually take a hearer before the content: "told reporters (that) ...".
HEARER_FIRST = frozenset("tell inform assure remind notify advise warn promise ask urge".split())

#: Speech acts whose content follows a target and "of"/"for": "accused Moscow of ...".
SPEECH_TARGET = frozenset(
    "accuse blame criticize criticise praise fault thank credit chide scold slam blast attack "
    "condemn denounce applaud commend hail laud extol salute deride ridicule lambaste "
    "excoriate berate rebuke castigate chastise assail rip bash skewer taunt".split()
)

#: Speech acts that take an object and a description: "called the plan a disaster".
SPEECH_OBJECT = frozenset("call describe dismiss reject defend decry label brand dub".split())

#: Belief, intention and finding verbs: "X believes ...", "polls show ...".
BELIEF = frozenset(
    """
    believe think feel fear hope expect want wish worry know suspect assume doubt
    recognize recognise understand realize realise see view plan intend seek aim decide
    refuse prefer support oppose endorse back favor favour vote show find reckon guess
    imagine bet trust
    predict anticipate forecast project envision envisage insist demonstrate prove suggest
    reveal indicate conclude determine judge rule deem
    """.split()
)

#: Verbs of stance: the side someone takes, whose object -- a person, a bill, a policy, one
#: word or more -- is what the broad scheme attributes to them ("Ruiz endorsed **Cole**",
#: "most voters opposed **the levy**"). A subset of :data:`BELIEF`.
STANCE = frozenset("support oppose endorse back favor favour prefer vote".split())

#: Verbs whose object, when it is a noun phrase or a prepositional phrase, is a thing and
#: not what was said, in the broad scheme too: "added 4,000 jobs", "maintained a lead",
#: "addressed the crowd", "interrupted the speech", "advised on the merger".
THING_OBJECT = frozenset("add maintain address interrupt advise".split())

#: Verbs whose prepositional object is no content, in the broad scheme too: "showed up at
#: the rally", "reported to the office", "wrote for the paper", "learned of the plan",
#: "compared with last year".
THING_PREPOSITIONAL = frozenset("show report write learn compare".split())

#: Verbs that report speech only with "of"/"about" after them: "speaking of a crisis".
SPEECH_ABOUT = frozenset("speak talk refer allude".split())

#: Cues whose content is usually a noun phrase, ending at the first comma or dash:
#: "endorsed Ana Ruiz on Monday, ...", "praised the plan — a rare ...".
NP_COMPLEMENT = frozenset(
    """
    endorse praise criticize criticise cite invoke mention highlight thank blame tout mock
    slam attack blast condemn denounce applaud commend support oppose back favor favour
    """.split()
)

#: Speech acts whose content may be an infinitive: "promised **to cut** taxes", "urged
#: voters **to stay** home", "told him **to leave**". After any other cue an infinitive is an
#: action, not words: "agreed to run", "volunteered to help".
INFINITIVE_SPEECH = frozenset(
    """
    promise pledge vow swear threaten ask urge tell warn order demand beg implore plead
    advise remind encourage challenge invite instruct direct request call say
    """.split()
)

#: Speech acts whose content follows a preposition: a demand or a warning ("called **for**
#: calm", "warned **against** delay"). Any other cue followed by a preposition has an
#: adjunct or a prepositional object, not content: "responded to the request".
DEMAND_PREPOSITIONS = {
    "call": ("for", "on"),
    "warn": ("against", "of", "about"),
    "caution": ("against",),
    "argue": ("for", "against"),
    "plead": ("for",),
    "beg": ("for",),
    "ask": ("for",),
    "rail": ("against",),
}

#: Verbs that report speech so surely that any noun phrase before them is its source.
STRONG_SPEECH = frozenset(
    "say tell add write note explain argue claim insist warn acknowledge admit declare "
    "report state testify tweet".split()
)

#: Multi-word cues that behave like a preposition: "according to X, ...".
ACCORDING_TO = ("according to",)

#: Irregular inflections: lemma -> (third person, past, past participle, present participle).
IRREGULAR_FORMS = {
    "say": ("says", "said", "said", "saying"),
    "tell": ("tells", "told", "told", "telling"),
    "write": ("writes", "wrote", "written", "writing"),
    "think": ("thinks", "thought", "thought", "thinking"),
    "know": ("knows", "knew", "known", "knowing"),
    "see": ("sees", "saw", "seen", "seeing"),
    "find": ("finds", "found", "found", "finding"),
    "show": ("shows", "showed", "shown", "showing"),
    "feel": ("feels", "felt", "felt", "feeling"),
    "swear": ("swears", "swore", "sworn", "swearing"),
    "begin": ("begins", "began", "begun", "beginning"),
    "bet": ("bets", "bet", "bet", "betting"),
    "speak": ("speaks", "spoke", "spoken", "speaking"),
    "understand": ("understands", "understood", "understood", "understanding"),
    "seek": ("seeks", "sought", "sought", "seeking"),
    "prove": ("proves", "proved", "proven", "proving"),
    "admit": ("admits", "admitted", "admitted", "admitting"),
    "regret": ("regrets", "regretted", "regretted", "regretting"),
    "plan": ("plans", "planned", "planned", "planning"),
    "quip": ("quips", "quipped", "quipped", "quipping"),
    "scold": ("scolds", "scolded", "scolded", "scolding"),
    "prefer": ("prefers", "preferred", "preferred", "preferring"),
    "concur": ("concurs", "concurred", "concurred", "concurring"),
    "aver": ("avers", "averred", "averred", "averring"),
    "interject": ("interjects", "interjected", "interjected", "interjecting"),
    "dub": ("dubs", "dubbed", "dubbed", "dubbing"),
    "brag": ("brags", "bragged", "bragged", "bragging"),
    "underline": ("underlines", "underlined", "underlined", "underlining"),
    "posit": ("posits", "posited", "posited", "positing"),
    "label": ("labels", "labeled", "labeled", "labeling"),
    "forecast": ("forecasts", "forecast", "forecast", "forecasting"),
    "rule": ("rules", "ruled", "ruled", "ruling"),
    "post": ("posts", "posted", "posted", "posting"),
    "read": ("reads", "read", "read", "reading"),
    "sing": ("sings", "sang", "sung", "singing"),
    "lay": ("lays", "laid", "laid", "laying"),
    "spell": ("spells", "spelled", "spelled", "spelling"),
    "snap": ("snaps", "snapped", "snapped", "snapping"),
    "chat": ("chats", "chatted", "chatted", "chatting"),
    "rebut": ("rebuts", "rebutted", "rebutted", "rebutting"),
    "infer": ("infers", "inferred", "inferred", "inferring"),
    "rant": ("rants", "ranted", "ranted", "ranting"),
    "vent": ("vents", "vented", "vented", "venting"),
}

#: Verbs of two or more syllables stressed on the last one, whose final consonant doubles:
#: "referred", "admitted", "rebutted".
STRESSED_LAST_SYLLABLE = frozenset(
    "refer prefer infer confer defer admit commit omit submit permit regret rebut concur "
    "occur compel propel control patrol equip deter".split()
)

#: Extra spellings of irregular forms that news also uses.
EXTRA_FORMS = {"label": ("labelled", "labelling"), "forecast": ("forecasted",)}

#: Words that, just before a verb form, show it is not a reporting verb here:
#: "the said agreement", "a report", "his claim", "to say".
NOT_BEFORE_VERB = frozenset("the a an his her its their our my your this that these those".split())

#: Nouns sharing a form with a verb ("report", "claim", "show") are only cues when they
#: follow a subject; the cues stage checks these against the word before. News writes some
#: of them as nouns far more often than as verbs: "harsh remarks", "angry emails", "its
#: biggest challenges", "local volunteers".
NOUN_LIKE_FORMS = frozenset(
    "report reports claim claims show shows post posts note notes comment comments answer "
    "answers plan plans call calls support hope hopes wish want fear fears view views guess "
    "bet rule rules project projects signal signals charge charges state states point points "
    "find finds feel question questions estimate estimates forecast reply promise promises "
    "vow vows tweet tweets concern doubt doubts demand demands protest protests "
    "email emails remark remarks challenge challenges volunteer volunteers thanks whisper "
    "whispers aim aims offer offers vote votes".split()
)
