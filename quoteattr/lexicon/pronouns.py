"""Pronouns, with what they say of number and gender.

Used to pick a speaker mention ("he said") and to resolve it to an earlier entity.
"""

#: Subject pronouns that can attribute a quote, with (gender, number).
SPEAKER_PRONOUNS = {
    "he": ("male", "singular"),
    "she": ("female", "singular"),
    "they": (None, "plural"),
    "it": ("neuter", "singular"),
    "i": (None, "singular"),
    "we": (None, "plural"),
    "you": (None, None),
}

#: Pronouns that never name the speaker of the quote they stand in (first and second
#: person inside a quotation speak *as* the speaker).
FIRST_SECOND_PERSON = frozenset("i me my mine we us our ours you your yours".split())

#: Relative pronouns that stand for the noun phrase before them: "Joly, who stressed ...".
RELATIVE_PRONOUNS = frozenset("who which that whom".split())

#: Object pronouns and the subject pronoun each stands for: "according to him" -> "he".
SUBJECT_FORM = {"him": "he", "her": "she", "them": "they", "me": "i", "us": "we"}
