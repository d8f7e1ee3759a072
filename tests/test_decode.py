import pytest

from crossbearing.clean.decode import decode_bytes
from crossbearing.errors import DecodeError

FRENCH = "Le café du coin a fermé. Les élèves étaient déçus à cause de la grève.\nNaïve señor."
CURLY = "The minister said \u201cwe will respond\u201d \u2014 the cost was \u20ac5 million.\nIt\u2019s over."


def test_utf8_and_bom():
    assert decode_bytes(CURLY.encode("utf-8")) == (CURLY, "utf-8")
    assert decode_bytes(b"\xef\xbb\xbf" + CURLY.encode("utf-8"))[0] == CURLY
    assert decode_bytes(CURLY.encode("utf-16"))[0] == CURLY


def test_latin1_text():
    text, encoding = decode_bytes(FRENCH.encode("latin-1"))
    assert text == FRENCH
    assert encoding == "cp1252"  # Latin-1 is read as its superset Windows-1252


def test_windows_1252_text_with_curly_quotes_and_euro():
    text, encoding = decode_bytes(CURLY.encode("cp1252"))
    assert text == CURLY
    assert encoding == "cp1252"


def test_other_scripts_in_single_byte_encodings():
    russian = "Удар беспилотника по автомобилю в Багдаде убил трех человек, сообщили военные."
    arabic = "قتل ثلاثة أشخاص في غارة بطائرة مسيرة على سيارة في بغداد"
    assert decode_bytes(russian.encode("cp1251"))[0] == russian
    assert decode_bytes(arabic.encode("cp1256"))[0] == arabic


def test_declared_charset_is_used():
    assert decode_bytes(FRENCH.encode("iso8859_15"), declared="iso-8859-15")[0] == FRENCH


def test_mojibake_is_repaired():
    text = "The military\u2019s statement \u2014 issued on Friday \u2014 was brief."
    mojibake = text.encode("utf-8").decode("cp1252").encode("utf-8")
    assert "\u00e2\u20ac" in mojibake.decode("utf-8")
    assert decode_bytes(mojibake)[0] == text


def test_crlf_line_endings():
    assert decode_bytes(b"one\r\ntwo\rthree")[0] == "one\ntwo\nthree"


def test_garbage_is_refused():
    with pytest.raises(DecodeError):
        decode_bytes(bytes(range(1, 32)) * 50)


@pytest.mark.parametrize("encoding, expected", [
    ("utf-16", "utf-16"), ("utf-32", "utf-32"), ("utf-16-le", "utf-16-le"),
    ("utf-16-be", "utf-16-be"), ("utf-32-le", "utf-32-le"), ("utf-32-be", "utf-32-be"),
    ("utf-8", None), ("latin-1", None), ("cp1252", None),
])
def test_wide_encodings_are_recognised_with_or_without_byte_order_mark(encoding, expected):
    from crossbearing.clean.decode import wide_encoding

    assert wide_encoding(FRENCH.encode(encoding)) == expected


def test_zeros_and_random_bytes_are_no_wide_encoding():
    import random

    from crossbearing.clean.decode import wide_encoding

    assert wide_encoding(bytes(4096)) is None
    assert wide_encoding(random.Random(2).randbytes(4096)) is None
    assert wide_encoding(b"\x00\x01" * 2000) is None  # binary words, not text


def _random_bytes_without_nul(count: int) -> bytes:
    import random

    rng = random.Random(3)
    return bytes(rng.randrange(1, 256) for _ in range(count))


@pytest.mark.parametrize("data", [
    b"Officials said the talks would resume on Sunday.\x00 The ministry confirmed the date.",
    b"A short NUL-terminated string\x00",
    FRENCH.encode("utf-8").replace(b".", b".\x00"),
    FRENCH.encode("cp1252").replace(b" ", b"\x00 ", 3),
    bytes(byte if n % 97 else 0 for n, byte in enumerate(_random_bytes_without_nul(4096))),
    bytes(byte if n % 2 else 0 for n, byte in enumerate(_random_bytes_without_nul(4096))),
    b"".join(field.ljust(16, b"\x00") for field in b"id title text author date".split()) * 20,
], ids=["ascii-one-nul", "nul-terminated", "utf8-nul-per-sentence", "cp1252-three-nuls",
        "binary-few-nuls", "binary-nul-every-second-byte", "nul-padded-records"])
def test_text_or_binary_data_with_a_few_nul_bytes_is_no_wide_encoding(data):
    from crossbearing.clean.decode import wide_encoding

    assert b"\x00" in data
    assert wide_encoding(data) is None
