"""Validation at the public door: the one place that turns bad input into a clear error.

Public functions call these once; the inner maths trusts its callers. One rule
everywhere: a value of the wrong *type* raises TypeError, a value of the right
type but outside what is allowed raises ValueError. Every message names the
argument and says what was expected, so that a student can act on it.
"""

import numbers

import numpy as np


def as_float_array(value, name, ndims):
    """Return ``value`` as a finite float64 array whose number of dimensions is in ``ndims``.

    Raises TypeError for non-numeric input and ValueError for a wrong number of
    dimensions or NaN/infinite entries.
    """
    if isinstance(value, (str, bytes)):
        raise TypeError(f"{name} must be numeric, got the string {value!r}")
    try:
        array = np.asarray(value)
    except ValueError as err:  # ragged nested lists
        raise ValueError(f"{name} must be a rectangular array of numbers: {err}") from None
    if array.dtype.kind == "c":
        raise TypeError(f"{name} must be real, got complex values")
    if array.dtype.kind not in "biuf":  # bool, signed and unsigned integers, floats
        raise TypeError(f"{name} must be numeric, got an array of dtype {array.dtype}")
    array = array.astype(float)
    if array.ndim not in ndims:
        expected = " or ".join(str(n) for n in ndims)
        raise ValueError(
            f"{name} must have {expected} dimensions, got {array.ndim} (shape {array.shape})"
        )
    check_finite(array, name)
    return array


def as_tokens(tokens, name="tokens"):
    """A list of token strings from a list, tuple, other sequence or 1-D numpy array of strings.

    Raises TypeError for a single string (call ``tokenize`` first) or items that are
    not strings, ValueError for an array that is not one-dimensional.
    """
    if isinstance(tokens, (str, bytes)):
        raise TypeError(f"{name} must be a list of tokens, got the string {tokens!r}: call tokenize(text) first")
    if isinstance(tokens, np.ndarray):
        if tokens.ndim != 1:
            raise ValueError(f"{name} must be a one-dimensional array of strings, got shape {tokens.shape}")
        tokens = tokens.tolist()
    try:
        tokens = list(tokens)
    except TypeError:
        raise TypeError(f"{name} must be a list, tuple or array of strings, got {type(tokens).__name__}") from None
    for token in tokens:
        if not isinstance(token, str):
            raise TypeError(f"{name} must hold strings, got {type(token).__name__} {token!r}")
    return tokens


def as_numbers(value, name):
    """``value`` as a float array of any shape, for the elementwise functions: TypeError unless it is
    numeric, ValueError if it holds NaN (infinities are allowed: σ(−∞) = 0 is well defined)."""
    array = np.asarray(value)
    if array.dtype.kind not in "biuf":
        raise TypeError(f"{name} must be numeric, got {type(value).__name__} {str(value)[:40]!r}")
    array = array.astype(float, copy=False)
    if np.isnan(array).any():
        raise ValueError(f"{name} must not hold NaN")
    return array


def check_finite(array, name):
    """Raise ValueError if ``array`` holds NaN or infinite values, saying where the first one is."""
    bad = ~np.isfinite(array)
    if bad.any():
        where = tuple(int(i) for i in np.argwhere(bad)[0])
        raise ValueError(
            f"{name} must be finite, but {name}{list(where)} is {array[where]}"
            f" ({int(bad.sum())} non-finite value(s) in all)"
        )


def check_binary_labels(y, name="y"):
    """Raise ValueError unless every entry of the float array ``y`` is 0 or 1."""
    if np.array_equal(y, y.astype(bool)):  # fast path: every entry is 0 or 1
        return
    bad = (y != 0) & (y != 1)
    if bad.any():
        raise ValueError(f"{name} must hold labels 0 or 1, got {np.unique(y[bad])[:5].tolist()}")


def check_probabilities(p, name="p"):
    """Raise ValueError unless every entry of the float array ``p`` is in [0, 1]."""
    bad = (p < 0) | (p > 1)
    if bad.any():
        raise ValueError(
            f"{name} must hold probabilities in [0, 1], got {np.unique(p[bad])[:5].tolist()}"
        )


def check_log_base(base):
    """Raise unless ``base`` is a real number > 0 and ≠ 1 (the only bases a logarithm has)."""
    if isinstance(base, bool) or not isinstance(base, numbers.Real):
        raise TypeError(f"base must be a real number, got {base!r}")
    if not np.isfinite(base) or base <= 0 or base == 1:
        raise ValueError(f"base must be a finite number > 0 and != 1, got {base}")


def check_choice(value, name, choices):
    """Return ``value`` if it is one of the strings ``choices``: TypeError for a non-string, ValueError else."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be one of {list(choices)}, got the {type(value).__name__} {value!r}")
    if value not in choices:
        raise ValueError(f"{name} must be one of {list(choices)}, got {value!r}")
    return value


def check_count(value, name, low=0):
    """Return ``value`` as an int if it is a whole number ≥ ``low``.

    TypeError for anything that is not an integer (a bool, a float such as 2.0,
    a string), ValueError for a whole number below ``low``.
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be a whole number >= {low}, got {value!r}")
    if value < low:
        raise ValueError(f"{name} must be a whole number >= {low}, got {value}")
    return int(value)


def check_real(value, name, low=None, high=None, low_open=False, high_open=False):
    """Return ``value`` as a float if it is a finite real number in the given range.

    TypeError for anything that is not a real number (a bool, a string, an
    array), ValueError for NaN, infinity or a number out of range. ``low_open``
    and ``high_open`` exclude the bounds themselves.
    """
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number, got {value!r}")
    value = float(value)
    below = low is not None and (value <= low if low_open else value < low)
    above = high is not None and (value >= high if high_open else value > high)
    if not np.isfinite(value) or below or above:
        left = "" if low is None else ("(" if low_open else "[") + f"{low:g}"
        right = "" if high is None else f"{high:g}" + (")" if high_open else "]")
        where = f"in {left}, {right}" if low is not None and high is not None else (
            f"{'>' if low_open else '>='} {low:g}" if low is not None else f"{'<' if high_open else '<='} {high:g}")
        raise ValueError(f"{name} must be a finite number {where}, got {value}")
    return value


def check_positive(value, name):
    """Return ``value`` as a float if it is a finite number > 0 (a learning rate, a norm, a tolerance)."""
    return check_real(value, name, low=0, low_open=True)
