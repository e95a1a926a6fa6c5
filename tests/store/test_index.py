"""Search terms: Persian and Arabic spellings, digits, mobiles, long words."""

import pytest

from orderdesk.store.index import (
    MAX_TERM,
    exact_terms,
    mobile_terms,
    normalise,
    phone_digits,
    query_terms,
    text_terms,
    words,
)

NORMALISED = {
    "arabic yeh and kaf": ("علي كريمي", "علی کریمی"),
    "alef maksura": ("مصطفى", "مصطفی"),
    "persian digits": ("۰۹۱۲", "0912"),
    "arabic-indic digits": ("٠٩١٢", "0912"),
    "harakat": ("مُحَمَّد", "محمد"),
    "tatweel": ("محـــمد", "محمد"),
    "alef with madda": ("آرش", "ارش"),
    "bidi marks": ("\u200f0912\u200e", "0912"),
    "latin case": ("Behrooz", "behrooz"),
    "presentation forms": ("\ufee3\ufea4\ufee4\ufeaa", "محمد"),
}


@pytest.mark.parametrize(
    ("typed", "folded"), NORMALISED.values(), ids=NORMALISED.keys()
)
def test_normalise_folds_what_keyboards_type_differently(
    typed: str, folded: str
) -> None:
    assert normalise(typed) == folded


def test_a_zero_width_non_joiner_counts_both_ways() -> None:
    assert words("علی‌رضا احمدی") == ["علیرضا", "علی", "رضا", "احمدی"]


def test_text_terms_are_every_prefix_of_every_word() -> None:
    assert text_terms("بهروز قربانی") == {
        "ب",
        "به",
        "بهر",
        "بهرو",
        "بهروز",
        "ق",
        "قر",
        "قرب",
        "قربا",
        "قربان",
        "قربانی",
    }


def test_long_words_are_capped() -> None:
    terms = text_terms("0c86ab758d3e236cb5a4")

    assert max(len(t) for t in terms) == MAX_TERM
    assert len(terms) == MAX_TERM


PHONES = {
    "national form": ("09308744204", "09308744204"),
    "international with plus": ("+98 930 874 4204", "09308744204"),
    "international with 00": ("0098-930-874-4204", "09308744204"),
    "persian digits": ("۰۹۳۰۸۷۴۴۲۰۴", "09308744204"),
    "other numbers keep their digits": ("021-8888 1234", "02188881234"),
}


@pytest.mark.parametrize(("written", "digits"), PHONES.values(), ids=PHONES.keys())
def test_phone_digits_are_in_national_form(written: str, digits: str) -> None:
    assert phone_digits(written) == digits


def test_mobile_terms_are_prefixes_and_last_digits() -> None:
    terms = mobile_terms("+989308744204")

    assert {"093", "0930874", "09308744204"} <= terms
    assert {"4204", "744204", "9308744204"} <= terms
    assert "09" not in terms  # Every number starts so: it would match all.
    assert "204" not in terms
    assert "308" not in terms  # Middles are not indexed.


def test_a_national_code_is_matched_whole() -> None:
    assert exact_terms("۰۴۹۹۳۷۰۸۹۹") == {"0499370899"}
    assert exact_terms("") == set()


QUERIES = {
    "empty": ("  ", []),
    "one name": ("بهروز", ["بهروز"]),
    "arabic spelling": ("علي", ["علی"]),
    "longest first": ("علی محمدی", ["محمدی", "علی"]),
    "duplicates once": ("رضا رضا", ["رضا"]),
    "mobile with separators": ("0930-874-4204", ["09308744204"]),
    "international mobile": ("+98۹۳۰۸۷۴۴۲۰۴", ["09308744204"]),
    "long key capped": ("0C86AB758D3E236CB5A4", ["0c86ab758d3e"]),
    "zwnj joined": ("علی‌رضا", ["علیرضا"]),
    "punctuation dropped": ("«بهروز»،", ["بهروز"]),
}


@pytest.mark.parametrize(("typed", "terms"), QUERIES.values(), ids=QUERIES.keys())
def test_query_terms(typed: str, terms: list[str]) -> None:
    assert query_terms(typed) == terms


def test_every_query_word_of_an_indexed_text_is_one_of_its_terms() -> None:
    indexed = text_terms("علی‌رضا كريمي 0c86ab758d3e236cb5a4")

    for typed in ("علیرضا", "رضا", "کریمی", "كري", "0c86ab758d3e236cb5a4"):
        assert set(query_terms(typed)) <= indexed, typed
