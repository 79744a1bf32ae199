"""Word lists and tables, as data: no logic lives here.

Each module exports one constant per list, written by the quoteattr developers.
"""
