"""Function words that tell a clause from a noun phrase, for the content after a cue.

A reporting verb reports speech when what follows it is a clause ("said the plan had
failed") or a quotation; when it is a noun phrase ("praised his players") or a
prepositional phrase ("responded to the request") nothing is quoted. The attribution stage
reads the first words of the content against these lists; it has no part-of-speech tagger,
so the lists are of words whose class is (nearly) unambiguous in news.
"""

#: Auxiliaries, copulas and modals, with their contracted and negated forms: any of them in
#: the content shows a finite verb, so a clause ("the plan **would** fail").
AUXILIARIES = frozenset(
    """
    is are was were am be been being has have had do does did will would shall should can
    could may might must ought isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't
    didn't won't wouldn't shouldn't can't cannot couldn't mustn't mightn't isn’t aren’t wasn’t
    weren’t hasn’t haven’t hadn’t doesn’t don’t didn’t won’t wouldn’t shouldn’t can’t
    couldn’t 's ’s 're ’re 've ’ve 'll ’ll 'd ’d
    """.split()
)

#: Common irregular past tenses that are rarely anything else: a finite verb
#: ("prices **rose**", "the talks **broke** down").
IRREGULAR_PAST = frozenset(
    """
    rose fell went came took gave got saw knew thought found lost won ran grew began became
    brought bought built held kept met paid sent spent stood told wrote said sold fought felt
    heard meant spoke broke chose drove forgot froze hid rang sang sank shook stole struck swore
    taught threw woke wore flew fled drew ate slid sought caught dealt dug hung led left
    """.split()
)

#: Subject pronouns (and existential *there*): a clause starts ("told investigators **they**
#: heard shots").
SUBJECT_PRONOUNS = frozenset("i you he she it we they there".split())

#: Words that open a noun phrase: determiners, possessives, quantifiers, numbers in words.
NP_OPENERS = frozenset(
    """
    a an the this that these those his her its their our my your no any some every each
    several many few more most much another other such both all either neither one two three
    four five six seven eight nine ten dozens hundreds thousands millions
    """.split()
)

#: The articles and possessive determiners that open a description or a hearer: "**the**
#: mayor", "**her** aide", "told **their** supporters". Patterns spell them with
#: ``_patterns.one_of``, some with a few more words ("our", "several").
ARTICLES_AND_POSSESSIVES = ("a", "an", "the", "his", "her", "their", "its")

#: Object pronouns: a verb followed by one has a noun-phrase object ("praised **him**").
OBJECT_PRONOUNS = frozenset("me him her us them it himself herself themselves itself".split())

#: Prepositions that open a prepositional object or adjunct ("responded **to** the
#: request", "weighed **in**", "joked **with** friends").
PREPOSITIONS = frozenset(
    """
    to of with on for from in at into as about by over against among between during through
    toward towards upon onto off out up down across behind beyond under without within
    """.split()
)

#: Words that end the noun phrase of an object: a clause of another kind follows ("his
#: return to the city, **because** ..."). Relative pronouns and conjunctions do not end it
#: (a verb after them may be the main one: "said women **who** have ... **are** victims").
NP_ENDERS = frozenset("because although though whereas while unless".split())

#: Determiners and possessives after which an "-ed" or "-s" form is an adjective or a noun,
#: not a verb: "the **famed** author", "her **pledged** delegates", "the new **rules**".
CLOSED_DETERMINERS = frozenset(
    "a an the this that these those his her its their our my your no every each another".split()
)

#: Nouns of saying that take a "that" clause, with their plurals: a possessor's *claim* is
#: a cue (rule possessive-noun-cue: "Trump’s **claim** that ...", "her **warning** that ...").
SAYING_NOUNS = tuple(
    """
    assertion assertions claim claims argument arguments statement statements suggestion
    suggestions promise promises pledge pledges vow vows warning warnings insistence
    contention belief beliefs complaint complaints accusation accusations allegation
    allegations prediction predictions charge charges remark remarks comment comments
    announcement admission
    """.split()
)

#: Nouns that take a "that" clause of their own ("the assertion **that** ...", "the fact
#: **that** ..."): before them "that" opens no content of a cue (hearer-phrase-then-that).
COMPLEMENT_NOUNS = frozenset(SAYING_NOUNS) | frozenset(
    """
    fact idea ideas notion news fear fears hope hopes sense impression view views evidence
    report reports rumor rumors rumour rumours message assurance assurances reminder proof
    sign signs
    """.split()
)
