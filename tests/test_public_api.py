"""The curated public API: every name resolves to what it documents, even after
all engine submodules are imported (a submodule must never shadow a function)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import types

import kettle
import kettle.analysis


def test_every_public_name_resolves_after_importing_all_submodules() -> None:
    for info in pkgutil.iter_modules(kettle.analysis.__path__):
        importlib.import_module(f"kettle.analysis.{info.name}")
    for name in kettle.__all__:
        value = getattr(kettle, name)
        assert not isinstance(value, types.ModuleType), name
        assert getattr(kettle.analysis, name, value) is value or name == "__version__"
    for name in ("read", "read_many", "check", "extract", "track", "suggest", "load_playbook"):
        assert inspect.isfunction(getattr(kettle, name)), name


def test_unknown_names_raise_attribute_error() -> None:
    for module in (kettle, kettle.analysis):
        try:
            module.no_such_thing  # type: ignore[attr-defined]  # noqa: B018
        except AttributeError as err:
            assert "no_such_thing" in str(err)
        else:  # pragma: no cover
            raise AssertionError("expected AttributeError")
