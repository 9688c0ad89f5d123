"""Name normalisation for matching names written slightly differently."""

from __future__ import annotations

import re
import unicodedata

# Quotes, brackets and spacing vary between a 专栏 and the appendix for the same
# project; they never distinguish two projects.
_NOISE = re.compile(r"[\s\"'“”‘’「」『』《》〈〉()（）\[\]【】·•.,，。、:：;；!！?？-]")


def normalise(name: str) -> str:
    folded = unicodedata.normalize("NFKC", name)
    # Invisible format characters (zero-width space, bidi marks) make two names that
    # look the same compare different; they never tell two projects apart.
    visible = "".join(ch for ch in folded if unicodedata.category(ch) != "Cf")
    return _NOISE.sub("", visible).lower()


def similarity(a: str, b: str) -> float:
    """Dice coefficient over character bigrams of the normalised names (0..1)."""
    x, y = normalise(a), normalise(b)
    if not x or not y:
        return 0.0
    if x == y:
        return 1.0
    grams_x = [x[i : i + 2] for i in range(max(len(x) - 1, 1))]
    grams_y = [y[i : i + 2] for i in range(max(len(y) - 1, 1))]
    pool = list(grams_y)
    common = 0
    for gram in grams_x:
        if gram in pool:
            pool.remove(gram)
            common += 1
    return 2 * common / (len(grams_x) + len(grams_y))
