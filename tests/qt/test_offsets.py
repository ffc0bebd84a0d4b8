"""The code-point / UTF-16 converter, checked against Python's own UTF-16 encoder."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from multivector.explore.offsets import OffsetMap


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def test_bmp_text_is_identity() -> None:
    omap = OffsetMap("Café – naïve")
    assert omap.identity
    assert [omap.to_qt(i) for i in range(5)] == [0, 1, 2, 3, 4]


def test_emoji_and_flags_shift_later_offsets() -> None:
    text = "A🇪🇪 B 𝔘 cooperation"
    omap = OffsetMap(text)
    start = text.index("cooperation")
    assert not omap.identity
    assert omap.to_qt(start) == _utf16_len(text[:start]) == start + 3
    assert omap.to_core(omap.to_qt(start)) == start
    assert omap.length_qt() == _utf16_len(text)


def test_position_inside_a_surrogate_pair_maps_to_the_character() -> None:
    text = "x😀y"
    omap = OffsetMap(text)
    assert omap.to_core(1) == 1  # before the emoji
    assert omap.to_core(2) == 1  # between its two surrogates
    assert omap.to_core(3) == 2  # after it: "y"


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_round_trip_matches_the_utf16_encoder(text: str) -> None:
    omap = OffsetMap(text)
    for i in range(len(text) + 1):
        qt = omap.to_qt(i)
        assert qt == _utf16_len(text[:i])
        assert omap.to_core(qt) == i
