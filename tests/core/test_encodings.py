"""Legacy encodings without a BOM: each sample is generated in the test from a known string and
must decode back to exactly that string; a file whose encoding cannot be told exits 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_bad_input import Run, assert_refused, run  # noqa: F401  (run is a fixture)

from multivector.documents.decoding import decode_bytes

SAMPLES = {
    "koi8_r": "Министр обороны России заявил, что совместные учения с Казахстаном пройдут в "
              "сентябре. Стороны договорились о поставках вооружений и подготовке офицеров.",
    "cp1251": "Министр обороны Казахстана встретился с послом Испании. Стороны обсудили "
              "военно-техническое сотрудничество и подготовку офицеров в Мадриде.",
    "iso8859_2": "Minister obrony narodowej Polski spotkał się w Warszawie z ministrem obrony "
                 "Czech. Obie strony podpisały porozumienie o współpracy w dziedzinie obrony "
                 "powietrznej i szkolenia żołnierzy. Według ministra, wspólne ćwiczenia odbędą "
                 "się jesienią. Źródła w ministerstwie podkreślają, że zakup śmigłowców jest "
                 "priorytetem.",
    "cp1250": "Ministr obrany České republiky jednal v Praze se svým slovenským protějškem o "
              "společném nákupu stíhaček. Obě země se dohodly na výcviku pilotů a na společném "
              "hlídkování vzdušného prostoru. „Šéf štábu řekl, že žádná dohoda není.“",
    "shift_jis": "日本とフィリピンは防衛協力を拡大することで合意した。両国は来年、共同訓練を"
                 "実施する予定である。防衛省によると、沿岸警備の能力向上も協議された。",
    "cp1252": "Peru and Japan signed a memorandum on maritime security in Lima on Tuesday, "
              "\u201ctoday\u201d. Officials in Bogot\u00e1 and S\u00e3o Paulo welcomed the "
              "na\u00efve r\u00e9sum\u00e9 \u2014 a \u20ac5 million grant.",
}
CZECH_IN_LATIN2 = SAMPLES["cp1250"].replace("„", '"').replace("“", '"')  # ISO-8859-2 has no „“


@pytest.mark.parametrize("encoding", list(SAMPLES))
def test_a_legacy_sample_decodes_to_its_string(encoding: str) -> None:
    text, _used = decode_bytes(SAMPLES[encoding].encode(encoding), "article.txt")
    assert text == SAMPLES[encoding]


def test_czech_in_iso_8859_2_is_not_read_as_windows_1250() -> None:
    # the two differ only in a few letters (š ž ť ś ź ą): Czech in either must come back whole
    text, used = decode_bytes(CZECH_IN_LATIN2.encode("iso8859_2"), "article.txt")
    assert text == CZECH_IN_LATIN2 and used == "iso8859_2"
    text, used = decode_bytes(CZECH_IN_LATIN2.encode("cp1250"), "article.txt")
    assert text == CZECH_IN_LATIN2


def test_utf8_and_utf16_are_ours_first(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "charset_normalizer", None)  # importing it would fail
    for data in (SAMPLES["koi8_r"].encode("utf-8"), SAMPLES["cp1250"].encode("utf-16-le")):
        assert decode_bytes(data, "a.txt")[0] in (SAMPLES["koi8_r"], SAMPLES["cp1250"])


def test_a_file_whose_encoding_cannot_be_told(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "mystery.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 40)  # every high byte, no text in any page
    assert_refused(run("analyze", str(path), "--json"), "mystery.txt")


def test_a_file_that_changes_encoding_after_the_sample(run: Run, tmp_path: Path) -> None:
    from multivector.documents import decoding

    path = tmp_path / "mixed.txt"
    head = SAMPLES["cp1251"].encode("cp1251") * 8
    path.write_bytes(head + "\n\nNaïve « Japon » ".encode("latin-1") + b"\x98" * 4)
    original = decoding._SAMPLE  # noqa: SLF001
    try:
        decoding._SAMPLE = len(head)  # noqa: SLF001  the sample holds only the Cyrillic part
        code, out, err = run("analyze", str(path), "--json")
    finally:
        decoding._SAMPLE = original  # noqa: SLF001
    assert_refused((code, out, err), "mixed.txt", "UTF-8")


def test_legacy_text_through_the_command_line(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "novosti.txt"
    path.write_bytes(SAMPLES["koi8_r"].encode("koi8_r"))
    code, out, err = run("analyze", str(path), "--json")
    assert (code, err) == (0, "")
    assert json.loads(out)["text"] == SAMPLES["koi8_r"]
