"""The indented JSON writer (export/json_text.py) writes what ``json.dumps(ensure_ascii=False,
indent=2)`` writes, byte for byte."""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crossbearing.export import json_text

SCALARS = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True)
           | st.text(alphabet=st.characters(), max_size=12))
KEYS = st.text(max_size=6) | st.integers() | st.floats() | st.booleans() | st.none()
VALUES = st.recursive(SCALARS, lambda inner: (
    st.lists(inner, max_size=5) | st.tuples(inner, inner)
    | st.dictionaries(KEYS, inner, max_size=5)), max_leaves=40)


def reference(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


@pytest.mark.slow  # 300 generated values
@settings(max_examples=300, deadline=None)
@given(VALUES)
def test_same_text_as_the_standard_encoder(value):
    assert json_text.dumps(value) == reference(value)
    stream = io.StringIO()
    json_text.dump(value, stream)
    assert stream.getvalue() == reference(value)


def test_escapes_and_special_numbers():
    value = {"quote": 'he said "no"\n\t\\ \u2028 \x00 é 😀', "nan": float("nan"),
             "inf": [float("inf"), -float("inf")], 1: {2.5: None, True: [], None: {}},
             "big": 10 ** 30, "small": 1e-7, "bool": [True, False]}
    assert json_text.dumps(value) == reference(value)


def test_refuses_what_json_refuses():
    with pytest.raises(TypeError):
        json_text.dumps({"a": {1, 2}})
    with pytest.raises(TypeError):
        json_text.dumps({(1, 2): "tuple key"})
    looped: list = []
    looped.append(looped)
    with pytest.raises(ValueError):
        json_text.dumps(looped)
