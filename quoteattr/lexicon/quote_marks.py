"""Quote marks: which glyphs open, which close, and which may do either.

Scraped news mixes conventions (English “…”, German „…“ and »…«, French «…», straight
"…"), and mismatched pairs are common (“… »), so marks are paired by *class* (double or
single), not by glyph; these tables only give each glyph's usual direction, which the
context of the mark (space before or after it) can overrule.
"""

#: Double marks whose usual job is to open a quotation.
DOUBLE_OPENERS = frozenset("“„«‟〝")

#: Double marks whose usual job is to close one.
DOUBLE_CLOSERS = frozenset("”»〞〟")

#: Double marks with no direction of their own: ASCII quote, and the double prime used as one.
DOUBLE_NEUTRAL = frozenset('"″')

#: Single marks that usually open.
SINGLE_OPENERS = frozenset("‘‚‹‛")

#: Single marks that usually close (’ is also the apostrophe; see the quotes stage).
SINGLE_CLOSERS = frozenset("’›")

#: Single marks with no direction: ASCII apostrophe and the prime.
SINGLE_NEUTRAL = frozenset("'′")

DOUBLE_MARKS = DOUBLE_OPENERS | DOUBLE_CLOSERS | DOUBLE_NEUTRAL
SINGLE_MARKS = SINGLE_OPENERS | SINGLE_CLOSERS | SINGLE_NEUTRAL

#: Every character the quotes stage treats as a possible quote mark.
ALL_MARKS = DOUBLE_MARKS | SINGLE_MARKS

#: Characters that may stand just before an opening mark: "(“yes”)", "—“no”".
OPEN_CONTEXT = frozenset("([{—–-/")
