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


def test_every_module_exports_what_it_lists_in_all():
    for module in {m for m in crmlab._EXPORTS.values()}:
        mod = importlib.import_module(module)
        listed = set(getattr(mod, "__all__", []))
        exported = {n for n, m in crmlab._EXPORTS.items() if m == module}
        assert exported <= listed, f"{module}: exported but not in __all__: {exported - listed}"


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
