"""Validation at the public door: the one place that turns bad input into a clear error.

Public functions call these once; the inner maths trusts its callers. One rule
everywhere: a value of the wrong *type* raises TypeError, a value of the right
type but outside what is allowed raises ValueError. Every message names the
argument and says what was expected, so that a student can act on it.
"""

import numbers
from collections.abc import Collection, Iterable

import numpy as np
from numpy.typing import ArrayLike


def as_float_array(value: ArrayLike, name: str, ndims: Collection[int]) -> np.ndarray:
    """Return ``value`` as a finite float64 array whose number of dimensions is in ``ndims``.

    Parameters
    ----------
    value : array_like, any shape
        Numbers: bools, integers or floats, possibly nested lists.
    name : str
        The argument's name, for the error messages.
    ndims : collection of int
        The numbers of dimensions allowed, for example ``(2, 3)``.

    Returns
    -------
    ndarray, shape of value
        A new float64 array.

    Raises
    ------
    TypeError
        If ``value`` is a string, complex or not numeric.
    ValueError
        If ``value`` is ragged, has a number of dimensions not in ``ndims``,
        or holds NaN or infinite entries.
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


def as_tokens(tokens: Iterable[str] | np.ndarray, name: str = "tokens") -> list[str]:
    """A list of token strings from a list, tuple, other sequence or 1-D numpy array of strings.

    Parameters
    ----------
    tokens : iterable of str or ndarray of str, shape (T,)
        The tokens, one string each.
    name : str, default "tokens"
        The argument's name, for the error messages.

    Returns
    -------
    list of str, length T
        The tokens in their order.

    Raises
    ------
    TypeError
        For a single string (call ``tokenize`` first), something that is not
        iterable, or items that are not strings.
    ValueError
        For a numpy array that is not one-dimensional.
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


def as_numbers(value: ArrayLike, name: str) -> np.ndarray:
    """``value`` as a float array of any shape, for the elementwise functions.

    Infinities are allowed (σ(−∞) = 0 is well defined), NaN is not.

    Parameters
    ----------
    value : array_like, any shape
        Numbers: bools, integers or floats, possibly nested lists.
    name : str
        The argument's name, for the error messages.

    Returns
    -------
    ndarray, shape of value
        A float64 array, 0-d for a scalar (``value`` itself if it already was a float64 array).

    Raises
    ------
    TypeError
        If ``value`` is not numeric (strings, complex numbers, objects).
    ValueError
        If ``value`` holds NaN or is a ragged nested list.
    """
    if isinstance(value, (str, bytes)):
        raise TypeError(f"{name} must be numeric, got the string {value!r}")
    try:
        array = np.asarray(value)
    except ValueError as err:  # ragged nested lists
        raise ValueError(f"{name} must be a rectangular array of numbers: {err}") from None
    if array.dtype.kind not in "biuf":
        raise TypeError(f"{name} must be numeric, got {type(value).__name__} {str(value)[:40]!r}")
    array = array.astype(float, copy=False)
    if np.isnan(array).any():
        raise ValueError(f"{name} must not hold NaN")
    return array


def check_finite(array: np.ndarray, name: str) -> None:
    """Raise ValueError if ``array`` holds NaN or infinite values, saying where the first one is.

    Parameters
    ----------
    array : ndarray, any shape
        Numbers to check.
    name : str
        The argument's name, for the error message.

    Raises
    ------
    ValueError
        If an entry is NaN or infinite.
    """
    bad = ~np.isfinite(array)
    if bad.any():
        where = tuple(int(i) for i in np.argwhere(bad)[0])
        raise ValueError(
            f"{name} must be finite, but {name}{list(where)} is {array[where]}"
            f" ({int(bad.sum())} non-finite value(s) in all)"
        )


def check_binary_labels(y: np.ndarray, name: str = "y") -> None:
    """Raise ValueError unless every entry of the float array ``y`` is 0 or 1.

    Parameters
    ----------
    y : ndarray, any shape
        Labels, as floats.
    name : str, default "y"
        The argument's name, for the error message.

    Raises
    ------
    ValueError
        If an entry is neither 0 nor 1.
    """
    if np.array_equal(y, y.astype(bool)):  # fast path: every entry is 0 or 1
        return
    bad = (y != 0) & (y != 1)
    if bad.any():
        raise ValueError(f"{name} must hold labels 0 or 1, got {np.unique(y[bad])[:5].tolist()}")


def check_probabilities(p: np.ndarray, name: str = "p") -> None:
    """Raise ValueError unless every entry of the float array ``p`` is in [0, 1].

    Parameters
    ----------
    p : ndarray, any shape
        Probabilities, as floats.
    name : str, default "p"
        The argument's name, for the error message.

    Raises
    ------
    ValueError
        If an entry is below 0 or above 1.
    """
    bad = (p < 0) | (p > 1)
    if bad.any():
        raise ValueError(
            f"{name} must hold probabilities in [0, 1], got {np.unique(p[bad])[:5].tolist()}"
        )


def check_log_base(base: object) -> None:
    """Raise unless ``base`` is a real number > 0 and ≠ 1 (the only bases a logarithm has).

    Parameters
    ----------
    base : object
        The base to check; any real number type (int, float, numpy scalar) but bool.

    Raises
    ------
    TypeError
        If ``base`` is a bool or not a real number.
    ValueError
        If ``base`` is not finite, is ≤ 0 or is 1.
    """
    if isinstance(base, bool) or not isinstance(base, numbers.Real):
        raise TypeError(f"base must be a real number, got {base!r}")
    if not np.isfinite(float(base)) or base <= 0 or base == 1:
        raise ValueError(f"base must be a finite number > 0 and != 1, got {base}")


def check_choice(value: object, name: str, choices: Collection[str]) -> str:
    """Return ``value`` if it is one of the strings ``choices``.

    Parameters
    ----------
    value : object
        The value to check.
    name : str
        The argument's name, for the error messages.
    choices : collection of str
        The allowed strings (a tuple, or the keys of a dict).

    Returns
    -------
    str
        ``value`` itself.

    Raises
    ------
    TypeError
        If ``value`` is not a string.
    ValueError
        If ``value`` is a string but not one of ``choices``.
    """
    if not isinstance(value, str):
        raise TypeError(f"{name} must be one of {list(choices)}, got the {type(value).__name__} {value!r}")
    if value not in choices:
        raise ValueError(f"{name} must be one of {list(choices)}, got {value!r}")
    return value


def check_count(value: object, name: str, low: int = 0) -> int:
    """Return ``value`` as an int if it is a whole number ≥ ``low``.

    Parameters
    ----------
    value : object
        The value to check: an int or a numpy integer.
    name : str
        The argument's name, for the error messages.
    low : int, default 0
        The smallest value allowed.

    Returns
    -------
    int
        ``value`` as a Python int.

    Raises
    ------
    TypeError
        For anything that is not an integer (a bool, a float such as 2.0, a string).
    ValueError
        For a whole number below ``low``.
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be a whole number >= {low}, got {value!r}")
    if value < low:
        raise ValueError(f"{name} must be a whole number >= {low}, got {value}")
    return int(value)


def check_real(value: object, name: str, low: float | None = None, high: float | None = None,
               low_open: bool = False, high_open: bool = False) -> float:
    """Return ``value`` as a float if it is a finite real number in the given range.

    Parameters
    ----------
    value : object
        The value to check: an int, a float or a numpy real scalar.
    name : str
        The argument's name, for the error messages.
    low : float or None, default None
        The lower bound; None for none.
    high : float or None, default None
        The upper bound; None for none.
    low_open : bool, default False
        Exclude ``low`` itself (value > low rather than value ≥ low).
    high_open : bool, default False
        Exclude ``high`` itself (value < high rather than value ≤ high).

    Returns
    -------
    float
        ``value`` as a Python float.

    Raises
    ------
    TypeError
        For anything that is not a real number (a bool, a string, an array).
    ValueError
        For NaN, infinity or a number out of range.
    """
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number, got {value!r}")
    value = float(value)
    below = low is not None and (value <= low if low_open else value < low)
    above = high is not None and (value >= high if high_open else value > high)
    if not np.isfinite(value) or below or above:
        left = "" if low is None else ("(" if low_open else "[") + f"{low:g}"
        right = "" if high is None else f"{high:g}" + (")" if high_open else "]")
        if low is not None and high is not None:
            where = f" in {left}, {right}"
        elif low is not None:
            where = f" {'>' if low_open else '>='} {low:g}"
        elif high is not None:
            where = f" {'<' if high_open else '<='} {high:g}"
        else:
            where = ""
        raise ValueError(f"{name} must be a finite number{where}, got {value}")
    return value


def check_positive(value: object, name: str) -> float:
    """Return ``value`` as a float if it is a finite number > 0 (a learning rate, a norm, a tolerance).

    Parameters
    ----------
    value : object
        The value to check: an int, a float or a numpy real scalar.
    name : str
        The argument's name, for the error messages.

    Returns
    -------
    float
        ``value`` as a Python float.

    Raises
    ------
    TypeError
        For anything that is not a real number (a bool, a string, an array).
    ValueError
        For NaN, infinity or a number ≤ 0.
    """
    return check_real(value, name, low=0, low_open=True)


def as_token_ids(value: ArrayLike, name: str, size: int | None = None,
                 ndims: Collection[int] = (1,)) -> np.ndarray:
    """Return ``value`` as an int64 array of token ids in 0 … size − 1 (targets, streams of ids).

    Ids are whole numbers by type, as in ``data.one_hot``: an integer array is
    accepted, a float array (even of whole numbers such as 1.0) or a bool array
    is not, because a float or a bool where an id belongs is almost always a
    probability or a mask passed by mistake. An empty list is empty ids.

    Parameters
    ----------
    value : array_like of int, any shape
        The ids: integers, possibly nested lists.
    name : str
        The argument's name, for the error messages.
    size : int or None, optional
        The vocabulary size V: ids must lie in 0 … V − 1; None (the default) for any id ≥ 0.
    ndims : collection of int, optional
        The numbers of dimensions allowed, for example ``(1, 2)``; one (a document) by default.

    Returns
    -------
    ndarray of int64, shape of value
        The ids (a new array).

    Raises
    ------
    TypeError
        If ``value`` is a string, or its entries are not integers (floats and bools included).
    ValueError
        If ``value`` is ragged, has a number of dimensions not in ``ndims``, or
        holds an id outside 0 … size − 1.
    """
    if isinstance(value, (str, bytes)):
        raise TypeError(f"{name} must be token ids (whole numbers), got the string {value!r}")
    try:
        array = np.asarray(value)
    except ValueError as err:  # ragged nested lists
        raise ValueError(f"{name} must be a rectangular array of token ids: {err}") from None
    if array.size == 0 and array.dtype.kind == "f":
        array = array.astype(np.int64)  # an empty list reads as floats but holds no float
    if array.dtype.kind not in "iu":
        raise TypeError(
            f"{name} must hold token ids as whole numbers (an integer array), got dtype {array.dtype}"
        )
    if array.ndim not in ndims:
        expected = " or ".join(str(n) for n in ndims)
        raise ValueError(f"{name} must have {expected} dimensions, got {array.ndim} (shape {array.shape})")
    outside = (array < 0) if size is None else (array < 0) | (array >= size)
    if outside.any():
        allowed = "ids >= 0" if size is None else f"ids in 0 … {size - 1} (V = {size} tokens)"
        raise ValueError(f"{name} must hold {allowed}, got {np.unique(array[outside])[:5].tolist()}")
    return array.astype(np.int64)
