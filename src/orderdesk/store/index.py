"""Search terms of cached orders and of what the user types.

The cache cannot keep plaintext personal data, so search runs on terms: short
normalised strings that the store turns into opaque HMAC tokens before they
reach the disk. An order yields every prefix of every word of its key and
names, prefixes and suffixes of its mobile numbers, and its national code.
A query matches an order when each of its words is one of the order's terms.

Normalisation folds what a Persian keyboard and an Arabic one type
differently (ي/ی, ك/ک, Persian and Arabic-Indic digits, harakat, tatweel,
bidi marks), so either spelling finds the other. A zero-width non-joiner
inside a name counts both ways: "علی‌رضا" is found by "علیرضا" and by "رضا".

Terms are capped at `MAX_TERM` characters and longer query words are cut to
the cap, so a 20-character order key needs 12 terms, not 20.
"""

import re
import unicodedata
from collections.abc import Iterable

MAX_TERM = 12
"""The longest term; longer words are matched on their first MAX_TERM characters."""

MOBILE_MIN_PREFIX = 3
MOBILE_MIN_SUFFIX = 4

_ZWNJ = "\u200c"

_FOLD = str.maketrans(
    {
        # Persian (U+06F0..) and Arabic-Indic (U+0660..) digits.
        **{chr(0x06F0 + d): str(d) for d in range(10)},
        **{chr(0x0660 + d): str(d) for d in range(10)},
        # Arabic letters a Persian name may be typed with.
        "ي": "ی",
        "ى": "ی",
        "ئ": "ی",
        "ك": "ک",
        "ة": "ه",
        "ۀ": "ه",
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ؤ": "و",
    }
)

# Harakat, superscript alef, tatweel, zero-width joiner and bidi controls:
# invisible or optional marks that must not split or change a word.
_DROPPED = re.compile(
    "[\u064b-\u065f\u0670\u0640\u200d\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
_WORD = re.compile(r"[^\W_]+(?:\u200c[^\W_]+)*")
_PHONE_LIKE = re.compile(r"\+?[0-9][0-9\-\s().]*")
_NOT_DIGIT = re.compile(r"\D")


def normalise(text: str) -> str:
    """Fold case, digits, letter variants and invisible marks of a text.

    Zero-width non-joiners stay; `words` decides what they mean.
    """
    folded = unicodedata.normalize("NFKC", text).casefold().translate(_FOLD)
    return _DROPPED.sub("", folded)


def words(text: str) -> list[str]:
    """The words of a text after `normalise`, joined across non-joiners.

    A word written with a zero-width non-joiner also yields its parts.
    """
    found: list[str] = []
    for match in _WORD.finditer(normalise(text)):
        word = match.group()
        if _ZWNJ in word:
            found.append(word.replace(_ZWNJ, ""))
            found.extend(word.split(_ZWNJ))
        else:
            found.append(word)
    return found


def phone_digits(text: str) -> str:
    """A phone number as its digits in national form ("0" and the rest).

    "+98 930 874 4204", "0098-930-874-4204" and "۰۹۳۰۸۷۴۴۲۰۴" all give
    "09308744204". Other numbers keep their digits as written.
    """
    written = normalise(text).strip()
    digits = _NOT_DIGIT.sub("", written)
    if written.startswith("+98"):
        return "0" + digits[2:]
    if written.startswith("0098"):
        return "0" + digits[4:]
    return digits


def prefixes(word: str, shortest: int = 1) -> Iterable[str]:
    """Every prefix of a word from `shortest` characters up to `MAX_TERM`."""
    for end in range(shortest, min(len(word), MAX_TERM) + 1):
        yield word[:end]


def text_terms(text: str) -> set[str]:
    """Terms of a key or a name: every prefix of every word."""
    return {prefix for word in words(text) for prefix in prefixes(word)}


def mobile_terms(number: str) -> set[str]:
    """Terms of a mobile number: prefixes from the leading zero, and suffixes.

    A cashier types the number from its start, or its last few digits;
    "09308744204" is found by "0930874" and by "4204" or "9308744204".
    """
    digits = phone_digits(number)
    if len(digits) < MOBILE_MIN_SUFFIX:
        return {digits} if digits else set()

    terms = set(prefixes(digits, MOBILE_MIN_PREFIX))
    for start in range(1, len(digits) - MOBILE_MIN_SUFFIX + 1):
        terms.add(digits[start:][:MAX_TERM])
    return terms


def exact_terms(code: str) -> set[str]:
    """The single term of a code matched only whole, such as a national code."""
    digits = _NOT_DIGIT.sub("", normalise(code))
    return {digits[:MAX_TERM]} if digits else set()


def query_terms(text: str) -> list[str]:
    """The terms an order must all have to match what the user typed.

    Args:
        text: The search box's text: key, names, mobile or national code, in
            any mix of Persian and Latin digits.

    Returns:
        Distinct terms, longest first (the most selective leads the search);
        empty when nothing searchable was typed.
    """
    terms: list[str] = []
    for chunk in normalise(text).split():
        if _PHONE_LIKE.fullmatch(chunk):
            terms.append(phone_digits(chunk)[:MAX_TERM])
            continue
        for word in _WORD.findall(chunk):
            terms.append(word.replace(_ZWNJ, "")[:MAX_TERM])

    distinct = list(dict.fromkeys(t for t in terms if t))
    return sorted(distinct, key=len, reverse=True)
