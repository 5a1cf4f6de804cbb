"""The codec at the grading boundary: plain values cross, anything else is refused on arrival."""

import json
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
import rnn_lib
from grading.inside import codec

TYPES = codec.rnn_lib_types()


def round_trip(value):
    return codec.decode(json.loads(json.dumps(codec.encode(value, TYPES))), TYPES)


@pytest.mark.parametrize("value", [None, True, 3, -2.5, "text", [1, [2.0, "a"]], (1, (2,)), {"k": (1, None)}])
def test_plain_values_cross_unchanged(value):
    assert round_trip(value) == value and type(round_trip(value)) is type(value)


@pytest.mark.parametrize("dtype", ["bool", "int8", "int64", "uint16", "float32", "float64"])
def test_numeric_arrays_cross_with_their_dtype_and_shape(dtype):
    array = np.arange(12).reshape(3, 4).astype(dtype)
    back = round_trip(array)
    assert type(back) is np.ndarray and back.dtype == array.dtype and np.array_equal(back, array)
    assert back.flags.writeable and back.flags.owndata


def test_numpy_scalars_and_subclasses_arrive_as_plain_values():
    assert type(round_trip(np.float64(0.5))) is float and type(round_trip(np.int32(3))) is int
    assert type(round_trip(np.bool_(True))) is bool
    masked = np.ma.masked_array([1.0, 2.0], mask=[True, False])
    assert type(round_trip(masked)) is np.ndarray
    assert type(round_trip(np.array([1, 2], dtype=">i4"))) is np.ndarray  # big-endian: converted


def test_rnn_lib_objects_are_rebuilt_by_their_constructors():
    params = rnn_lib.worked_example().params
    back = round_trip(params)
    assert type(back) is rnn_lib.Params
    assert all(np.array_equal(a, b) for (_, a), (_, b) in zip(back.items(), params.items()))
    trace = round_trip(rnn_lib.forward(params, rnn_lib.worked_example().X))
    assert type(trace) is rnn_lib.Trace and trace.h.shape == (4, 2)


@pytest.mark.parametrize("cell", [rnn_lib.gru, rnn_lib.lstm])
def test_the_gated_cells_weights_and_traces_cross_too(cell):
    """GRUParams/GRUTrace and LSTMParams/LSTMTrace, every array equal, the trace's fields by name."""
    params = cell.init_params(E=3, H=2, seed=1)
    back = round_trip(params)
    assert type(back) is type(params)
    assert all(np.array_equal(a, b) for (_, a), (_, b) in zip(back.items(), params.items()))
    trace = cell.forward(params, np.random.default_rng(0).normal(size=(5, 3)))
    trace_back = round_trip(trace)
    assert type(trace_back) is type(trace)
    assert all(np.array_equal(getattr(trace_back, f), getattr(trace, f)) for f in trace.__dataclass_fields__)


def test_an_lstm_with_a_wrong_shape_is_refused_on_arrival():
    data = codec.encode(rnn_lib.lstm.init_params(E=3, H=2), TYPES)
    data = json.loads(json.dumps(data))
    data["__object__"][1]["W_h"] = codec.encode(np.zeros((2, 7)), TYPES)  # (H, 4H) would be (2, 8)
    with pytest.raises(codec.DecodeError, match=r"an invalid LSTMParams: ValueError: W_h must have shape"):
        codec.decode(data, TYPES)


def test_values_that_cannot_cross_raise_type_error():
    for value in [object(), lambda: 1, {1: "int key"}, np.array(["a"]), np.array([1 + 2j]), {1, 2}]:
        with pytest.raises(TypeError):
            codec.encode(value, TYPES)
    nested = 1.0
    for _ in range(codec.MAX_DEPTH + 2):
        nested = [nested]
    with pytest.raises(TypeError, match="nested"):
        codec.encode(nested, TYPES)


def array_message(dtype="<f8", shape=(2,), data=b"\0" * 16):
    import base64

    return {"__ndarray__": [dtype, list(shape), base64.b64encode(data).decode()]}


@pytest.mark.parametrize("message", [
    {"__object__": ["os.system", {}]},  # a class that is not in the registry
    {"__object__": ["Params", {"W_eh": 1}]},  # the wrong fields
    {"__object__": ["Params", {"W_eh": [[1.0]], "W_hh": [[1.0, 2.0]], "W_hy": [[1.0]], "b_h": None, "b_y": None}]},
    {"__ndarray__": ["|O", [1], ""]},  # object dtype
    array_message(dtype="<c16"),  # complex: not allowed
    array_message(shape=(3,)),  # the data does not fill the shape
    array_message(shape=[-1]),
    array_message(shape=[1] * (codec.MAX_DIMENSIONS + 1), data=b"\0" * 8),
    {"__ndarray__": ["<f8", [1], "not base64!"]},
    {"__tuple__": "not a list"},
    {"__dict__": [[1, 2]]},  # a key that is not a string
    {"__pickle__": "gASV"},  # no such tag
    {"a": 1, "b": 2},  # untagged dict
])
def test_anything_else_is_refused_on_arrival(message):
    with pytest.raises(codec.DecodeError):
        codec.decode(message, TYPES)


def test_deep_nesting_is_refused_on_arrival():
    deep = 0
    for _ in range(codec.MAX_DEPTH + 2):
        deep = [deep]
    with pytest.raises(codec.DecodeError):
        codec.decode(deep, TYPES)
    with pytest.raises(codec.DecodeError):
        codec.unpack(b"[" * 100_000 + b"]" * 100_000)


def test_messages_are_length_prefixed_json_with_an_operation():
    packed = codec.pack({"op": "ran", "errors": []})
    (length,) = codec.HEADER.unpack(packed[:4])
    assert codec.unpack(packed[4 : 4 + length]) == {"op": "ran", "errors": []}
    for body in (b"[]", b"{}", b'{"op": 1}', b"\xff\xfe", b"NaN"):
        with pytest.raises(codec.DecodeError):
            codec.unpack(body)
    with pytest.raises(ValueError, match="limit"):
        codec.pack({"op": "x", "data": "a" * (codec.MAX_MESSAGE_BYTES + 1)})


def test_a_zero_dimensional_array_stays_zero_dimensional():
    back = round_trip(np.array(0.5))
    assert type(back) is np.ndarray and back.shape == () and back == 0.5
    assert round_trip(np.asfortranarray(np.arange(6.0).reshape(2, 3))).tolist() == [[0, 1, 2], [3, 4, 5]]
