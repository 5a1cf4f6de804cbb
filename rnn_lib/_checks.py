"""Validation at the public door: one place that turns bad input into a clear error.

Public functions call these once; the inner maths trusts its callers. Every
message names the argument and says what was expected, so that a student can
act on it.
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
    if array.dtype == object or not (
        np.issubdtype(array.dtype, np.number) or np.issubdtype(array.dtype, np.bool_)
    ):
        raise TypeError(f"{name} must be numeric, got an array of dtype {array.dtype}")
    if np.issubdtype(array.dtype, np.complexfloating):
        raise TypeError(f"{name} must be real, got complex values")
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
    """Raise ValueError unless ``value`` is one of ``choices``."""
    if not isinstance(value, str) or value not in choices:
        raise ValueError(f"{name} must be one of {list(choices)}, got {value!r}")
