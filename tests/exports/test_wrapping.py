"""Line wrapping for the picture: by words, by characters when it must, capped with an ellipsis."""

from __future__ import annotations

from bot.exports.wrapping import wrap


def by_chars(text: str) -> float:
    return float(len(text))


def test_words_fill_lines() -> None:
    assert wrap("one two three four", 9, by_chars, 5) == ["one two", "three", "four"]


def test_unspaced_text_breaks_between_characters() -> None:
    assert wrap("顧客体験マップ", 3, by_chars, 5) == ["顧客体", "験マッ", "プ"]


def test_too_many_lines_end_in_an_ellipsis() -> None:
    assert wrap("a b c d e f", 3, by_chars, 2) == ["a b", "c…"]


def test_nothing_printable_gives_no_lines() -> None:
    assert wrap("  \n ", 10, by_chars, 3) == []
