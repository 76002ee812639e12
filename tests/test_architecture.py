"""The layout rules of docs/architecture.md, checked on every test run: the import-linter layer
contracts of pyproject.toml, no import circles, small modules, and function-level imports only
with a comment saying why."""

import ast
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ["cms", "home", "protect", "materials"]
MAX_LINES = 300


def _python_files():
    for folder in [*PACKAGES, "tests", "bench"]:
        for path in sorted((ROOT / folder).rglob("*.py")):
            parts = path.relative_to(ROOT).parts
            if "migrations" in parts or parts[:2] == ("cms", "settings"):
                continue
            yield path


def test_layer_contracts_hold():
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _cycles(graph) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iteratively)."""
    index, low, on_stack, stack, found = {}, {}, set(), [], []
    for start in sorted(graph.modules):
        if start in index:
            continue
        work = [(start, iter(sorted(graph.find_modules_directly_imported_by(start))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            module, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append(
                        (child, iter(sorted(graph.find_modules_directly_imported_by(child))))
                    )
                elif child in on_stack:
                    low[module] = min(low[module], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[module])
            if low[module] == index[module]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == module:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_no_import_circles():
    graph = grimp.build_graph(*PACKAGES, cache_dir=None)
    assert _cycles(graph) == []


def test_the_circle_finder_finds_a_circle():
    class Graph:
        modules = {"a", "b", "c"}
        edges = {"a": {"b"}, "b": {"a"}, "c": {"a"}}

        def find_modules_directly_imported_by(self, module):
            return self.edges[module]

    assert _cycles(Graph()) == [["a", "b"]]


@pytest.mark.parametrize("path", list(_python_files()), ids=lambda p: str(p.relative_to(ROOT)))
def test_module_is_small_and_imports_at_the_top(path):
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    assert len(lines) <= MAX_LINES, f"{len(lines)} lines: split it by what it holds"
    unexplained = [
        node.lineno
        for function in ast.walk(ast.parse(source))
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef)
        for node in ast.walk(function)
        if isinstance(node, ast.Import | ast.ImportFrom) and not _has_reason(lines, node.lineno)
    ]
    assert not unexplained, (
        f"function-level imports on lines {unexplained}: import at the top, or say on the line "
        "above why the framework needs it here"
    )


def _has_reason(lines: list[str], lineno: int) -> bool:
    above = lines[lineno - 2].strip() if lineno >= 2 else ""
    return above.startswith("#") and len(above) > 10


# Methods that write rows; reading StringTranslation anywhere is fine.
_WRITES = {"create", "bulk_create", "bulk_update", "update_or_create", "get_or_create", "update",
           "delete", "save", "import_po"}  # fmt: skip
_WRITER = ROOT / "cms/translation/services/writing.py"


def _string_translation_writes(source: str) -> list[str]:
    """Calls in ``source`` that build or write StringTranslation rows (or import a PO file
    through wagtail-localize, which writes them)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        call = ast.unparse(node.func)
        if call == "StringTranslation" or call.endswith(".import_po"):
            found.append(call)
        elif call.rsplit(".", 1)[-1] in _WRITES and (
            "StringTranslation" in call or "string_translation" in call or ".translations." in call
        ):
            found.append(call)
    return found


def test_only_the_write_path_writes_string_translations():
    """Issue 10.1: every translated text goes through ``services.writing.write_strings``."""
    offenders = {}
    for folder in PACKAGES:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if path != _WRITER and "migrations" not in path.parts:
                if writes := _string_translation_writes(path.read_text()):
                    offenders[str(path.relative_to(ROOT))] = writes
    assert offenders == {}
    assert _string_translation_writes(_WRITER.read_text())  # the check does see real writes


def test_the_write_path_check_sees_direct_writes():
    sample = (
        "StringTranslation.objects.update_or_create(data='x')\n"
        "StringTranslation(data='x').save()\n"
        "translation.import_po(po)\n"
        "string.translations.get_or_create(locale=l)\n"
        "StringTranslation.objects.filter(locale=l).values_list('data')\n"
    )
    assert _string_translation_writes(sample) == [
        "StringTranslation.objects.update_or_create",
        "StringTranslation(data='x').save",
        "translation.import_po",
        "string.translations.get_or_create",
        "StringTranslation",  # the constructor inside line 2; the read on line 5 is not listed
    ]
