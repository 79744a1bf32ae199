"""Parts of personal names.

The first-name lists are a small, hand-written sample of common given names in English-language
news, lower-cased; they only give gender evidence for resolving "he" and "she" and are never
needed to recognise a name.
"""

#: Lower-case particles inside surnames: "Ursula von der Leyen", "Vincent van Gogh".
NAME_PARTICLES = frozenset(
    "de da di del della der den van von la le du dos das bin ibn al el ter ten zu op".split()
)

#: Prefixes joined by a hyphen to an Arabic surname: "al-Assad", "el-Sisi".
NAME_PREFIXES = frozenset("al- el- bin- abu- abd-".split())

#: Weekdays: capitalised, never names ("Friday said" is a misreading).
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())

#: Weekdays and months ("May" and "June" can also be names: only a context tells).
CALENDAR_WORDS = WEEKDAYS | frozenset(
    "january february march april may june july august september october november december".split()
)

#: Capitalised words that are never a name or part of one, whatever their position: words
#: that open sentences ("However", "The", "When"), pronouns, and holidays.
NON_NAME_WORDS = frozenset(
    """
    the a an this that these those there here it its it's i we you he she they his her
    their our my your me him them us who what when where why how which whose while if
    unless until because since after before although though as at by for from in into of
    on onto over under with without within about above across against along among around
    behind below beneath beside besides between beyond during despite except inside
    outside near off out past per through throughout toward towards upon via and but or
    nor so yet not no yes all any both each either every few many more most much neither
    none other others several some such only also even just still then now later earlier
    today tonight yesterday tomorrow meanwhile however instead indeed moreover furthermore
    nevertheless nonetheless otherwise thus therefore hence perhaps maybe certainly
    clearly obviously apparently finally first second third last next once again already
    always never often sometimes usually rarely ever almost nearly about like unlike
    asked speaking according following including meanwhile overall regardless whether
    separately additionally similarly likewise specifically notably importantly crucially
    ultimately initially previously recently currently subsequently consequently
    accordingly alternatively elsewhere privately publicly afterwards overnight
    one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty
    hundred hundreds thousand thousands million millions billion dozens half
    christmas easter thanksgiving ramadan hanukkah halloween
    lest seconds minutes hours days weeks months years decades moments
    """.split()
)

#: Capitalised words that open a sentence (questions, exclamations, purposes) and a run of
#: capitalised words after them, but are no part of a name there: "To Ruiz, the plan ...",
#: "Did Ruiz lie?", "Can Cole win?" ("To", "Can" and "Do" can be names elsewhere: "To Lam",
#: "Can Dundar", so they are never words of no name inside a run).
RUN_OPENERS = frozenset(
    """
    to do does did can could should would must shall is was were are has have had let
    amid whereas whatever whenever wherever whoever whom oh please thanks
    """.split()
)

#: Plural nouns of markets and trade that open news sentences capitalised and are never
#: names there: "Shares in Rolls-Royce fell", "Exports rose".
MARKET_NOUNS = frozenset(
    """
    shares stocks prices sales profits earnings revenues exports imports markets bonds
    futures yields rates equities deposits loans orders
    """.split()
)

#: Nouns of a stake before "in" and a company's name: "shares in Rolls-Royce", "a stake in
#: Tesla" -- not a place, as "in Concord" is.
STAKE_NOUNS = frozenset(
    """
    shares share stake stakes stock stocks investment investments investor investors holding
    holdings interest shareholder shareholders bonds
    """.split()
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
