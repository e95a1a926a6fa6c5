"""The bounded memory cache behind the thumbnail loader."""

from orderdesk.views.bounded_cache import BoundedCache


def cache(limit: int = 10) -> BoundedCache[str, bytes]:
    return BoundedCache(limit, len)


def test_the_least_recently_used_go_first_past_the_limit() -> None:
    kept = cache()
    kept.put("a", b"aaaa")
    kept.put("b", b"bbbb")
    assert kept.get("a") == b"aaaa"

    kept.put("c", b"cccc")

    assert "b" not in kept
    assert kept.get("a") == b"aaaa"
    assert kept.get("c") == b"cccc"
    assert kept.total == 8


def test_replacing_a_value_counts_its_new_size_only() -> None:
    kept = cache()
    kept.put("a", b"aaaaaaaa")
    kept.put("a", b"aa")
    kept.put("b", b"bbbbbbbb")

    assert kept.total == 10
    assert len(kept) == 2


def test_an_entry_larger_than_the_limit_is_kept_alone() -> None:
    kept = cache()
    kept.put("a", b"aa")
    kept.put("big", b"x" * 50)

    assert list(k for k in ("a", "big") if k in kept) == ["big"]
    assert kept.get("missing") is None
