"""The words beside a verb form that tell whether it is a verb, for the cues stage.

"say", "report" and "claim" are nouns as often as verbs, and "saying" opens a participle
clause as often as a progressive. Without a tagger, :mod:`quoteattr.cues` reads the word
before (and sometimes after) a form against these lists: "they **say**" is a verb, "a
**say**" is not; "**is** saying" is a progressive, "**before** claiming" an adverbial
clause.
"""

#: Words that open an adverbial participle clause: "**before** claiming", "**while**
#: insisting".
ADVERBIAL_OPENERS = frozenset("before after while by when since".split())

#: Auxiliaries of the progressive: "**is** saying", "**were** warning".
PROGRESSIVE_AUXILIARIES = frozenset("is are was were be been am 's ’s 're ’re".split())

#: Adverbs skipped when looking at the word before a cue: "they **however** claim".
SKIPPED_ADVERBS = frozenset(
    """
    also however still now then later again already often never always just once even
    further repeatedly previously recently reportedly publicly privately first
    """.split()
)

#: Words after which a bare base form ("say", "claim") is a verb: pronouns, modals,
#: quantifiers ("**they** say", "**could** claim", "**many** say").
BASE_FORM_SUBJECTS = frozenset(
    """
    i we they you who will would could should may might must can do does did not n't to
    many some others most few both all
    """.split()
)

#: Plural nouns without a final -s, after which a base form is a verb (rule
#: base-form-needs-subject): "**Data** show that ...", "**Police** allege that ...".
IRREGULAR_PLURALS = frozenset(
    "data police people media men women children staff personnel clergy folk".split()
)

#: Words after which a third-person form ("says") is a verb: "**he** says", "**one** claims".
THIRD_PERSON_SUBJECTS = frozenset("he she it who which that one , also".split())

#: The forms of *be* that make a participle passive: "**was** told", "**is** widely seen".
BE_FORMS = ("is", "are", "was", "were", "be", "been", "being")

#: Auxiliaries that make a participle passive: "**was** told", "**is** said to", "**got**
#: told".
PASSIVE_AUXILIARIES = frozenset((*BE_FORMS, "am", "get", "got", "gets"))

#: Words before a participle cue of a clause: "**,** saying", "**and** saying", "**keeps**
#: saying", "**—** saying".
PARTICIPLE_OPENERS = frozenset(
    """
    , and or but keeps kept keep continues continued continue began begun started stopped
    while — –
    """.split()
)

#: Past tenses spelt like their base form, finite after a subject with an object after
#: them: "The company **cut** jobs, saying ..." (rule participle-subject-description).
SAME_FORM_PAST = frozenset("cut set put hit shut cost hurt quit let spread split".split())
