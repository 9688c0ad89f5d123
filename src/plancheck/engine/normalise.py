"""Name normalisation for matching names written slightly differently."""

from __future__ import annotations

import unicodedata
from collections import Counter
from functools import lru_cache

from plancheck._patterns import lazy_pattern

# Quotes, brackets and spacing vary between a 专栏 and the appendix for the same
# project; they never distinguish two projects.
_NOISE = lazy_pattern(r"[\s\"'“”‘’「」『』《》〈〉()（）\[\]【】·•.,，。、:：;；!！?？-]")


# Rules normalise the same names again and again (a project's name for PC006, PC401 and
# PC405; a 专栏's title for each of its projects), and plans in one run share names.
@lru_cache(maxsize=8192)
def normalise(name: str) -> str:
    folded = unicodedata.normalize("NFKC", name)
    # Invisible format characters (zero-width space, bidi marks) make two names that
    # look the same compare different; they never tell two projects apart. They are
    # never printable, so a printable name (nearly every name) has none to drop.
    if not folded.isprintable():
        folded = "".join(ch for ch in folded if unicodedata.category(ch) != "Cf")
    return _NOISE().sub("", folded).lower()


# Names are compared on their first characters only: a project name is a line of a table,
# and a 60,000-character "name" must not make every comparison with it cost as much.
MAX_COMPARED_CHARS = 200


def compared(name: str) -> str:
    """The part of a name that similarity looks at: normalised, at most 200 characters."""
    return normalise(name)[:MAX_COMPARED_CHARS]


def bigrams(normalised: str) -> list[str]:
    """The character bigrams similarity compares (a one-character name is one gram)."""
    return [normalised[i : i + 2] for i in range(max(len(normalised) - 1, 1))]


def similarity(a: str, b: str) -> float:
    """Dice coefficient over character bigrams (as a multiset) of the compared names (0..1)."""
    return dice(compared(a), compared(b))


def dice(x: str, y: str) -> float:
    """:func:`similarity` of two names already passed through :func:`compared`."""
    if not x or not y:
        return 0.0
    if x == y:
        return 1.0
    grams_x, grams_y = bigrams(x), bigrams(y)
    common = sum((Counter(grams_x) & Counter(grams_y)).values())
    return 2 * common / (len(grams_x) + len(grams_y))
