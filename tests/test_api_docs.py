"""The public API as the API page shows it: every function and method annotated, every docstring in
numpydoc form (one argument per line, with its shape), so that Sphinx renders parameter tables.

The public API is what ``book/api.md`` lists for rnn_lib (``:members:`` of each automodule and
autoclass), plus the public methods of the classes listed there.
"""

import importlib
import inspect
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
API_PAGE = (ROOT / "book" / "api.md").read_text()
DIRECTIVE = re.compile(r"\.\. auto(module|class):: (rnn_lib[\w.]*)\n\s+:members: ([^\n]+)")


def listed():
    """(qualified name, object) of every function, class and method the API page shows for rnn_lib."""
    found = []
    for kind, target, members in DIRECTIVE.findall(API_PAGE):
        if kind == "module":
            owner = importlib.import_module(target)
        else:
            module, _, name = target.rpartition(".")
            owner = getattr(importlib.import_module(module), name)
        for name in (m.strip() for m in members.split(",")):
            found.append((f"{target}.{name}", getattr(owner, name)))
    methods = []
    for qualified, obj in found:
        if inspect.isclass(obj):
            for name, member in vars(obj).items():
                if inspect.isfunction(member) and not name.startswith("_"):
                    methods.append((f"{qualified}.{name}", member))
                elif isinstance(member, (classmethod, staticmethod)) and not name.startswith("_"):
                    methods.append((f"{qualified}.{name}", member.__func__))
    return found + methods


API = listed()
FUNCTIONS = [(name, obj) for name, obj in API if inspect.isfunction(obj)]


def annotated(function):
    signature = inspect.signature(function)
    parameters = [p for name, p in signature.parameters.items() if name not in ("self", "cls")]
    return (all(p.annotation is not inspect.Parameter.empty for p in parameters)
            and signature.return_annotation is not inspect.Signature.empty)


def test_the_api_page_lists_enough_to_check():
    assert len(FUNCTIONS) >= 80, len(FUNCTIONS)


def test_at_least_nine_in_ten_public_functions_are_annotated():
    missing = [name for name, function in FUNCTIONS if not annotated(function)]
    assert len(missing) <= 0.1 * len(FUNCTIONS), missing


def numpydoc_sections(docstring):
    return set(re.findall(r"^\s*(Parameters|Returns|Yields|Raises|Attributes|Examples|Notes)\n\s*-{3,}\s*$",
                          docstring or "", re.M))


@pytest.mark.parametrize("name, function", FUNCTIONS, ids=[name for name, _ in FUNCTIONS])
def test_every_argument_is_described_on_a_line_of_its_own(name, function):
    parameters = [p for p in inspect.signature(function).parameters if p not in ("self", "cls")]
    docstring = inspect.getdoc(function) or ""
    if not parameters:
        return
    assert "Parameters" in numpydoc_sections(docstring), f"{name}: no numpydoc Parameters section"
    for parameter in parameters:
        assert re.search(rf"^\*{{0,2}}{parameter}\b.* : ", docstring, re.M) or \
            re.search(rf"^{parameter}(, \w+)* : ", docstring, re.M) or \
            re.search(rf"^(\w+, )+{parameter}\b.* : ", docstring, re.M), \
            f"{name}: argument {parameter!r} is not described as '{parameter} : type'"


@pytest.mark.parametrize("name, function", FUNCTIONS, ids=[name for name, _ in FUNCTIONS])
def test_what_comes_back_is_described(name, function):
    returns = inspect.signature(function).return_annotation
    if returns in (None, "None", inspect.Signature.empty):
        return
    assert numpydoc_sections(inspect.getdoc(function)) & {"Returns", "Yields"}, f"{name}: no Returns section"


CLASSES = [(name, obj) for name, obj in API if inspect.isclass(obj)]


@pytest.mark.parametrize("name, cls", CLASSES, ids=[name for name, _ in CLASSES])
def test_every_field_of_a_class_is_described(name, cls):
    fields = list(getattr(cls, "__dataclass_fields__", {}))
    if not fields:
        return
    docstring = inspect.getdoc(cls) or ""
    assert numpydoc_sections(docstring) & {"Parameters", "Attributes"}, f"{name}: no Attributes section"
    for field in fields:
        assert re.search(rf"^(\w+, )*{field}\b.* : ", docstring, re.M), f"{name}: field {field!r} not described"
