"""Constructions that look like attributions and are not quotations (the speech scheme).

Each list feeds one named rule of the attribution stage: refusals to speak, labels and
headings of a web page, and reporting verbs that describe an act rather than report words.
"""

#: Verbs of refusal: "**declined** to comment", "**refused** to say". What follows is an
#: infinitive, not what was said. (The broad scheme of PARC/PolNeAR counts them.)
REFUSAL_VERBS = frozenset("decline refuse".split())

#: Words of a label or heading before a colon ("READ MORE:", "WATCH LIVE:", "PHOTOS:",
#: "UPDATE 2:", "Credit:"): a label made only of these words (and numbers) is no speaker.
LABEL_WORDS = frozenset(
    """
    read more watch live listen see also related update updates updated correction corrections
    clarification editor's editor’s editors note breaking news photo photos photograph
    photographs picture pictures image images video videos audio gallery slideshow graphic
    graphics map chart credit credits caption source sources advertisement sponsored
    exclusive opinion analysis commentary editorial review explainer recommended trending
    popular latest top story stories featured podcast newsletter subscribe share follow click
    here sign up warning alert developing just in full text transcript timeline fact check
    contributing contributed notice paid revealed wow boom huge big
    """.split()
)

#: Nouns of speech that a negated or refusing verb takes instead of reporting any words:
#: "did not respond to **requests for comment**", "could not be reached for **comment**".
REQUEST_WORDS = frozenset("request requests comment comments message messages call calls".split())
