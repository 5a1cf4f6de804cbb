"""Plain data across the grading boundary, in both directions.

Everything that passes between the grader and a submission's sandbox is one
of these, written as JSON: None, booleans, whole numbers, floats, strings,
lists, tuples, dicts with string keys, numeric numpy arrays (as raw bytes of
an allowed dtype), and the rnn_lib objects named in a registry (``Params``,
``Trace``, ...), rebuilt through their own constructors. Nothing is ever
unpickled and no object of the sender's choosing is ever created: decoding
returns plain Python values and base-class numpy arrays, checked for dtype,
shape, size and depth.

This module runs on both sides: the grader imports it as ``grading.inside.codec``
and the sandbox as ``codec`` (a read-only copy). It needs only numpy and json.
"""

import base64
import dataclasses
import json
import math
import struct

import numpy as np

MAX_MESSAGE_BYTES = 16 * 2**20  # one message; the exercises exchange kilobytes
MAX_DEPTH = 24  # nesting of lists, tuples, dicts and objects
MAX_DIMENSIONS = 8
DTYPES = frozenset(
    np.dtype(name).str for name in
    ("bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
     "float16", "float32", "float64")
)
HEADER = struct.Struct(">I")  # the length of the JSON body that follows


class DecodeError(ValueError):
    """What arrived is not plain data of the allowed kinds."""


def encode(value, types, depth=0):
    """``value`` as JSON-ready data. Raises TypeError for a value that cannot cross.

    types: {name: class} of the objects that may cross (dataclasses), both sides alike.
    """
    if depth > MAX_DEPTH:
        raise TypeError(f"the value is nested more than {MAX_DEPTH} levels deep")
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, (int, np.integer)) and not isinstance(value, np.bool_):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return float(value)
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, np.ndarray):
        array = np.asarray(value, order="C")  # a plain, contiguous array; 0-d stays 0-d
        if array.dtype.str not in DTYPES:
            array = _common_dtype(array)
        return {"__ndarray__": [array.dtype.str, list(array.shape), base64.b64encode(array.tobytes()).decode()]}
    if isinstance(value, list):
        return [encode(item, types, depth + 1) for item in value]
    if isinstance(value, tuple):
        return {"__tuple__": [encode(item, types, depth + 1) for item in value]}
    if isinstance(value, dict):
        if not all(isinstance(key, str) for key in value):
            raise TypeError("only dicts with string keys can be sent")
        return {"__dict__": [[key, encode(item, types, depth + 1)] for key, item in value.items()]}
    for name, cls in types.items():
        if type(value) is cls:
            fields = {f.name: encode(getattr(value, f.name), types, depth + 1) for f in dataclasses.fields(cls)}
            return {"__object__": [name, fields]}
    raise TypeError(
        f"a {type(value).__name__} cannot be graded: return numbers, strings, lists, tuples, dicts,"
        " numpy arrays of numbers, or rnn_lib objects"
    )


def _common_dtype(array):
    """The same numbers in an allowed dtype (for example big-endian → native); else TypeError."""
    for kind, target in (("b", "bool"), ("i", "int64"), ("u", "uint64"), ("f", "float64")):
        if array.dtype.kind == kind:
            return array.astype(target)
    raise TypeError(f"an array of dtype {array.dtype} cannot be graded: use numbers")


def decode(data, types, depth=0):
    """The plain value that ``data`` (parsed JSON) describes; DecodeError if it is anything else."""
    if depth > MAX_DEPTH:
        raise DecodeError(f"nested more than {MAX_DEPTH} levels deep")
    if data is None or type(data) in (bool, int, float, str):
        return data
    if type(data) is list:
        return [decode(item, types, depth + 1) for item in data]
    if type(data) is not dict or len(data) != 1:
        raise DecodeError("an object that is not one of the tagged kinds")
    (tag, body), = data.items()
    if tag == "__ndarray__":
        return _decode_array(body)
    if tag == "__tuple__" and type(body) is list:
        return tuple(decode(item, types, depth + 1) for item in body)
    if tag == "__dict__" and type(body) is list:
        pairs = {}
        for pair in body:
            if type(pair) is not list or len(pair) != 2 or type(pair[0]) is not str:
                raise DecodeError("a dict entry that is not a [string key, value] pair")
            pairs[pair[0]] = decode(pair[1], types, depth + 1)
        return pairs
    if tag == "__object__" and type(body) is list and len(body) == 2:
        return _decode_object(body, types, depth)
    raise DecodeError(f"an unknown tag {str(tag)[:40]!r}")


def _decode_array(body):
    if type(body) is not list or len(body) != 3:
        raise DecodeError("an array that is not [dtype, shape, data]")
    dtype, shape, data = body
    if type(dtype) is not str or dtype not in DTYPES:
        raise DecodeError(f"an array of a dtype that is not allowed: {str(dtype)[:20]!r}")
    if (type(shape) is not list or len(shape) > MAX_DIMENSIONS
            or not all(type(n) is int and 0 <= n <= MAX_MESSAGE_BYTES for n in shape)):
        raise DecodeError("an array with an invalid shape")
    if type(data) is not str:
        raise DecodeError("array data that is not text")
    try:
        raw = base64.b64decode(data, validate=True)
    except ValueError:
        raise DecodeError("array data that is not base64") from None
    dtype = np.dtype(dtype)
    if len(raw) != math.prod(shape) * dtype.itemsize:
        raise DecodeError("array data whose size does not match its shape")
    return np.frombuffer(raw, dtype=dtype).reshape(shape).copy()


def _decode_object(body, types, depth):
    name, fields = body
    cls = types.get(name) if type(name) is str else None
    if cls is None or type(fields) is not dict:
        raise DecodeError(f"an object of a kind that is not allowed: {str(name)[:40]!r}")
    expected = {f.name for f in dataclasses.fields(cls)}
    if set(fields) != expected:
        raise DecodeError(f"a {name} with fields {sorted(fields)[:8]}, expected {sorted(expected)}")
    values = {key: decode(value, types, depth + 1) for key, value in fields.items()}
    try:
        return cls(**values)
    except Exception as error:  # the class's own validation, e.g. Params with a wrong shape
        raise DecodeError(f"an invalid {name}: {type(error).__name__}: {str(error)[:200]}") from None


def pack(message):
    """One message (a dict) as bytes: a 4-byte length, then JSON."""
    body = json.dumps(message, separators=(",", ":")).encode()
    if len(body) > MAX_MESSAGE_BYTES:
        raise ValueError(f"a message of {len(body)} bytes is over the {MAX_MESSAGE_BYTES}-byte limit")
    return HEADER.pack(len(body)) + body


def unpack(body):
    """The dict that a message body holds; DecodeError for anything else."""
    try:
        message = json.loads(body)
    except (ValueError, RecursionError):
        raise DecodeError("a message that is not JSON") from None
    if type(message) is not dict or type(message.get("op")) is not str:
        raise DecodeError("a message without an operation")
    return message


def rnn_lib_types():
    """{name: class} of the rnn_lib objects that may cross, imported from this side's rnn_lib."""
    from rnn_lib import gru, lstm, rnn, train

    return {"Params": rnn.Params, "Trace": rnn.Trace, "Contributions": rnn.Contributions,
            "GRUParams": gru.GRUParams, "GRUTrace": gru.GRUTrace,
            "LSTMParams": lstm.LSTMParams, "LSTMTrace": lstm.LSTMTrace, "History": train.History}
