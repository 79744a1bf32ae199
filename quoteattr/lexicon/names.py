"""Parts of personal names.

The first-name lists are a small, hand-written sample of common given names in English-language
news, lower-cased; they only give gender evidence for resolving "he" and "she" and are never
needed to recognise a name.
"""

#: Lower-case particles inside surnames: "Ursula von der Leyen", "Vincent van Gogh".
NAME_PARTICLES = frozenset(
    "de da di del della der den van von la le du dos das bin ibn al el ter".split()
)

#: Suffixes that end a name: "Martin Luther King Jr.".
NAME_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())

#: Given names usually borne by men.
MALE_FIRST_NAMES = frozenset(
    """
    aaron adam alan albert alex alexander andrew angel anthony antony antonio arthur barack ben
    benjamin bernie bill billy bob bobby brad bradley brandon brian bruce carl carlos charles
    charlie chris christopher chuck craig dan daniel dave david dennis dick don donald doug
    douglas ed edward emmanuel eric frank fred gary george gerald greg gregory harold harry
    henry howard ian jack jacob jake james jared jason jeb jeff jeffrey jeremy jerry jim jimmy
    joe joel john johnny jon jonathan jorge jose joseph josh joshua juan justin keith ken
    kenneth kevin larry lawrence lindsey luis marco mark martin matt matthew michael mike
    mitch mitt nathan newt nicholas nick olaf omar pat patrick paul pete peter phil philip
    ralph randy raymond reince richard rick rob robert roger ron ronald roy rudy russell ryan
    sam samuel scott sean sergei stephen steve steven ted terry thomas tim timothy todd tom
    tony victor vladimir walter wayne william willie xi yevgeny
    """.split()
)

#: Given names usually borne by women.
FEMALE_FIRST_NAMES = frozenset(
    """
    alice alicia amanda amy andrea angela ann anna anne barbara betsy betty brenda carly carol
    caroline catherine chelsea cheryl christina christine claire cynthia dana deborah debbie
    diane donna dorothy elizabeth ellen emily emma fiona frances gina hannah heather helen
    hillary hope huma ivanka jane janet jennifer jen jessica jill joan joanna joni joy judith
    julia julie karen kate katherine kathleen kathy kelly kellyanne kim kimberly kirsten
    kristen laura lauren linda lisa liz louise lucy maria marie marianne marine martha mary
    megan melania melanie mélanie michelle melissa nancy natalie nicole nikki olivia pamela
    patricia paula rachel rebecca robin rose ruth sally samantha sandra sara sarah sharon
    shirley sophie stephanie susan suzanne tammy teresa theresa tina tulsi ursula valerie
    virginia wendy
    """.split()
)
