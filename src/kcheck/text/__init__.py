"""Pure text helpers every stage shares: folding, sentences, calendar labels, word patterns.

Nothing here reads rules or models a claim; each module is a set of small functions on
plain strings and dates, so load, extract, group, check and report agree on them:

* ``fold``: full-width -> half-width and traditional -> simplified, one character for one;
* ``sentences``: where a sentence ends (the one splitter the loader and ``kcheck.extract`` use);
* ``calendar``: month ends, period labels (``2021-Q3``) and span text (``2021-07-01..2021-09-30``);
* ``patterns``: the regex alternation of a word list.
"""
