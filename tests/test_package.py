"""The public API of crmlab: every exported name resolves lazily, and importing crmlab stays light."""

from __future__ import annotations

import importlib
import subprocess
import sys

import crmlab


def test_every_exported_name_resolves_to_its_module():
    for name, module in crmlab._EXPORTS.items():
        value = getattr(crmlab, name)
        assert value is getattr(importlib.import_module(module), name), name
        if callable(value) and hasattr(value, "__module__"):
            assert value.__module__ == module, (
                f"{name} is defined in {value.__module__}, not {module}"
            )


def test_the_top_level_is_what_the_modules_list_in_all():
    for module in crmlab._TOP_LEVEL:
        mod = importlib.import_module(f"crmlab.{module}")
        exported = {n for n, m in crmlab._EXPORTS.items() if m == mod.__name__}
        assert exported == set(mod.__all__) - crmlab._NOT_TOP_LEVEL, module
        for name in mod.__all__:
            assert hasattr(mod, name), f"{module}.__all__ lists {name}, which it does not define"
    assert crmlab._EXPORTS["ABC_CLASSES"] == "crmlab.abc"
    assert "glossary" not in crmlab._EXPORTS, "crmlab.glossary is the module"
    assert len(set(crmlab._EXPORTS)) == len(crmlab.__all__), "a name exported by two modules"


def test_exported_names_are_unique_across_modules(tmp_path):
    # two modules listing one name would make the second silently win
    names = [n for module in crmlab._TOP_LEVEL for n in crmlab._listed(module)]
    assert len(names) == len(set(names))


def test_unknown_attribute_is_an_attribute_error():
    try:
        crmlab.no_such_function  # noqa: B018
    except AttributeError as exc:
        assert "no_such_function" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("expected AttributeError")


def test_import_crmlab_loads_no_heavy_module():
    code = (
        "import sys, crmlab, crmlab.abc, crmlab.rfm, crmlab.value;"
        "heavy = [m for m in ('matplotlib', 'seaborn', 'ipywidgets', 'nbgrader', 'nbformat', 'scipy') if m in sys.modules];"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
