"""Maintain the English translation of the kiosk (Chinese is the source language of the UI).

    python tools/i18n.py update    # lupdate every .py under kiosk/ into resources/translations/kiosk_en.ts
    python tools/i18n.py release   # lrelease kiosk_en.ts into kiosk_en.qm (committed, bundled)
    python tools/i18n.py check     # non-zero exit listing untranslated, missing or broken strings

``update`` keeps the existing translations (lupdate merges) and drops vanished ones. Strings that
reach ``tr()``/``translate()`` through a variable (tables of labels, tips, flow titles) are
invisible to lupdate; this tool finds them with the ``ast`` module and hands them to lupdate in a
generated file of ``QT_TRANSLATE_NOOP`` markers (``build/work/i18n/dynamic_strings.py``,
regenerated each run), so the .ts covers them too:

* ``self.tr(x)`` / ``QCoreApplication.translate("Ctx", x)`` / a module wrapper such as
  ``_tr(x)`` (a function returning ``translate("Ctx", param)``) whose argument is not a literal:
  the string literals in the argument, and those of every module-level constant it names
  (directly, or through the ``for``/comprehension that binds the name), in the enclosing class's
  context (or ``Ctx``);
* the ``title`` and ``stages`` of the flows in ``kiosk/flows.py``, in context ``Flow``
  (translated by ``kiosk.ui.i18n.translated_flow``);
* the Chinese texts of the public module-level constants of the Qt-free core modules
  (``CORE_MODULES``: errors, checks, amounts, hours), in context ``Core`` (translated at display
  time by ``kiosk.ui.i18n.translated``; a ``kiosk.texts.Sentence`` by its template).

A constant written as an f-string of other string constants (``f"...{HOTLINE}热线"``, also one
imported from another kiosk module) counts with its value.

``check`` runs lupdate on a temporary copy (the committed .ts is not touched), so a string added
to the code but not yet in the .ts counts as missing; it also checks that every ``{placeholder}``
survives translation, that no dynamic call site is left unresolved, and that the committed .qm
matches the .ts.
"""

from __future__ import annotations

import argparse
import ast
import filecmp
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeGuard

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "kiosk"
TRANSLATIONS = ROOT / "resources" / "translations"
TS = TRANSLATIONS / "kiosk_en.ts"
QM = TRANSLATIONS / "kiosk_en.qm"
DYNAMIC_FILE = ROOT / "build" / "work" / "i18n" / "dynamic_strings.py"
LANGUAGE = "en"
SOURCE_LANGUAGE = "zh_CN"

#: Where :func:`kiosk.ui.i18n.translated_flow` translates flow texts with a variable (handled by
#: the ``Flow`` rule, not by constants).
FLOW_CONTEXT = "Flow"
FLOWS_MODULE = SOURCES / "flows.py"
#: Where :func:`kiosk.ui.i18n.translated` translates the sentences of the Qt-free core modules.
CORE_CONTEXT = "Core"
CORE_MODULES = tuple(SOURCES / f"{name}.py" for name in ("errors", "validation", "money", "hours"))
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
#: ``tr`` called on another object than ``self`` (lupdate files those under a wrong context; the
#: runtime context is the object's class): the receiver as written -> its class.
RECEIVERS = {"self.window": "MainWindow", "window": "MainWindow", "kiosk.window": "MainWindow"}
#: ``{name}`` (str.format) and ``%1``/``%n`` (Qt) must survive translation.
_PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}|%[0-9n]")


class ToolMissing(RuntimeError):
    """pyside6-lupdate or pyside6-lrelease is not installed."""


def find_tool(name: str) -> str:
    """The Qt tool beside the running interpreter (a virtualenv), else on PATH."""
    folder = Path(sys.executable).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if not found:
        raise ToolMissing(f"{name} not found (pip install PySide6-Essentials)")
    return found


def source_files() -> list[Path]:
    return sorted(p for p in SOURCES.rglob("*.py") if "__pycache__" not in p.parts)


# -- strings passed through a variable -------------------------------------------------------------
@dataclass(frozen=True)
class DynamicSite:
    """A translate call whose text is not a literal."""

    path: Path
    line: int
    context: str
    strings: tuple[str, ...]

    def where(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}"


def _is_text(value: object) -> TypeGuard[str]:
    return isinstance(value, str) and any(ord(ch) > 127 for ch in value)


def _string(
    node: ast.AST, constants: dict[str, ast.AST], seen: frozenset[str] = frozenset()
) -> str | None:
    """The value of a string literal, or of an f-string of string constants; else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if not isinstance(node, ast.JoinedStr):
        return None
    parts: list[str] = []
    for value in node.values:
        if isinstance(value, ast.Constant):
            parts.append(str(value.value))
            continue
        if not (
            isinstance(value, ast.FormattedValue)
            and isinstance(value.value, ast.Name)
            and value.conversion == -1
            and value.format_spec is None
            and value.value.id in constants
            and value.value.id not in seen
        ):
            return None
        name = value.value.id
        inner = _string(constants[name], constants, seen | {name})
        if inner is None:
            return None
        parts.append(inner)
    return "".join(parts)


def _texts(node: ast.AST | None, constants: dict[str, ast.AST] | None = None) -> list[str]:
    """Non-ASCII strings under ``node`` (labels, not ASCII keys): literals, and f-strings of
    string ``constants`` by their value (the pieces of any other f-string are no texts)."""
    found: list[str] = []

    def visit(current: ast.AST) -> None:
        if isinstance(current, ast.JoinedStr | ast.Constant):
            value = _string(current, constants or {})
            if _is_text(value):
                found.append(value)
            return
        for child in ast.iter_child_nodes(current):
            visit(child)

    if node is not None:
        visit(node)
    return found


def _names(node: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def _module_constants(tree: ast.Module) -> dict[str, ast.AST]:
    """Module-level names -> their value, with the string constants imported from kiosk
    modules (``from kiosk.errors import HOTLINE``) as literals of their value."""
    constants: dict[str, ast.AST] = {}
    for stmt in tree.body:
        if isinstance(stmt, ast.ImportFrom) and (stmt.module or "").startswith("kiosk."):
            path = SOURCES.joinpath(*(stmt.module or "").split(".")[1:]).with_suffix(".py")
            if path.exists():
                imported = _string_constants(path)
                for alias in stmt.names:
                    if alias.name in imported:
                        constants[alias.asname or alias.name] = ast.Constant(imported[alias.name])
        elif isinstance(stmt, ast.Assign):
            for target in stmt.targets:
                if isinstance(target, ast.Name):
                    constants[target.id] = stmt.value
        elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
            constants[stmt.target.id] = stmt.value if stmt.value is not None else stmt
    return constants


_STRING_CONSTANTS: dict[Path, dict[str, str]] = {}


def _string_constants(path: Path) -> dict[str, str]:
    """The module-level string constants of a kiosk module, by their value."""
    if path not in _STRING_CONSTANTS:
        _STRING_CONSTANTS[path] = {}  # an import cycle sees no constants
        constants = _module_constants(ast.parse(path.read_text(encoding="utf-8"), str(path)))
        _STRING_CONSTANTS[path] = {
            name: value
            for name, node in constants.items()
            if (value := _string(node, constants)) is not None
        }
    return _STRING_CONSTANTS[path]


def core_strings(path: Path) -> list[str]:
    """The Chinese texts of the public module-level constants of a core module."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    constants = _module_constants(tree)
    strings: list[str] = []
    for stmt in tree.body:
        if isinstance(stmt, ast.Assign | ast.AnnAssign) and stmt.value is not None:
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
            if all(isinstance(t, ast.Name) and not t.id.startswith("_") for t in targets):
                strings += [t for t in _texts(stmt.value, constants) if _CJK.search(t)]
    return list(dict.fromkeys(strings))


def _translate_context(call: ast.Call) -> str | None:
    """``"Ctx"`` of ``QCoreApplication.translate("Ctx", text)`` (None for other calls)."""
    func = call.func
    if (
        isinstance(func, ast.Attribute)
        and func.attr == "translate"
        and len(call.args) >= 2
        and isinstance(call.args[0], ast.Constant)
        and isinstance(call.args[0].value, str)
    ):
        return call.args[0].value
    return None


def _wrappers(tree: ast.Module) -> dict[str, str]:
    """Module functions ``def _tr(text): return QCoreApplication.translate("Ctx", text)``."""
    found: dict[str, str] = {}
    for stmt in tree.body:
        if not isinstance(stmt, ast.FunctionDef):
            continue
        params = {a.arg for a in stmt.args.args}
        for node in ast.walk(stmt):
            if isinstance(node, ast.Call):
                context = _translate_context(node)
                if context and isinstance(node.args[1], ast.Name) and node.args[1].id in params:
                    found[stmt.name] = context
    return found


def _tr_aliases(tree: ast.Module) -> dict[str, str]:
    """``tr = self.window.tr`` (also in tuple assignments): alias name -> receiver as written."""
    aliases: dict[str, str] = {}
    for node in ast.walk(tree):
        if not isinstance(node, ast.Assign):
            continue
        for target in node.targets:
            pairs: list[tuple[ast.expr, ast.expr]] = [(target, node.value)]
            if isinstance(target, ast.Tuple) and isinstance(node.value, ast.Tuple):
                pairs = list(zip(target.elts, node.value.elts, strict=False))
            for name, value in pairs:
                if (
                    isinstance(name, ast.Name)
                    and isinstance(value, ast.Attribute)
                    and value.attr == "tr"
                ):
                    aliases[name.id] = ast.unparse(value.value)
    return aliases


def _parents(tree: ast.AST) -> dict[ast.AST, ast.AST]:
    return {child: parent for parent in ast.walk(tree) for child in ast.iter_child_nodes(parent)}


def _binding_iters(node: ast.AST, names: set[str], parents: dict[ast.AST, ast.AST]) -> set[str]:
    """Names read by the ``for``/comprehension iterables that bind ``names`` around ``node``,
    through nested loops too (``for pair in PAIRS: for key, label in pair``)."""
    more: set[str] = set()
    names = set(names)
    current: ast.AST | None = node
    while current is not None:
        generators: list[tuple[ast.AST, ast.AST]] = []
        if isinstance(current, ast.For | ast.AsyncFor):
            generators.append((current.target, current.iter))
        elif isinstance(current, ast.ListComp | ast.SetComp | ast.GeneratorExp | ast.DictComp):
            generators.extend((g.target, g.iter) for g in current.generators)
        for target, iterable in generators:
            if _names(target) & names:
                more |= _names(iterable)
                names |= _names(iterable)
        current = parents.get(current)
    return more


def _enclosing_class(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> str:
    current = parents.get(node)
    while current is not None:
        if isinstance(current, ast.ClassDef):
            return current.name
        current = parents.get(current)
    return ""


def dynamic_sites(path: Path) -> Iterator[DynamicSite]:
    """Translate calls of ``path`` whose text is a variable, with the strings they can show."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    constants = _module_constants(tree)
    wrappers = _wrappers(tree)
    aliases = _tr_aliases(tree)
    parents = _parents(tree)
    for call in ast.walk(tree):
        if not isinstance(call, ast.Call) or not call.args:
            continue
        func = call.func
        context: str | None = None
        text: ast.expr | None = None
        always = False  # lupdate does not know wrappers: take even their literal arguments
        if isinstance(func, ast.Attribute) and func.attr == "tr":
            receiver = ast.unparse(func.value)
            if receiver == "self":
                context, text = _enclosing_class(call, parents), call.args[0]
            else:  # lupdate cannot know the class: so do we, from RECEIVERS
                context, text, always = RECEIVERS.get(receiver, ""), call.args[0], True
        elif isinstance(func, ast.Name) and func.id in aliases:
            context, text, always = RECEIVERS.get(aliases[func.id], ""), call.args[0], True
        elif (ctx := _translate_context(call)) is not None:
            context, text = ctx, call.args[1]
        elif isinstance(func, ast.Name) and func.id in wrappers:
            context, text, always = wrappers[func.id], call.args[0], True
        if context is None or text is None:
            continue
        if isinstance(text, ast.Constant) and not always:
            continue
        if _inside_wrapper(call, parents, wrappers):
            continue  # the body of a wrapper: its callers are the sites
        if context in (FLOW_CONTEXT, CORE_CONTEXT):
            continue  # flow and core texts: collected from their modules
        if not context:
            yield DynamicSite(path, call.lineno, "?", ())
            continue
        names = _names(text)
        names |= _binding_iters(call, names, parents)
        strings = _texts(text, constants)
        for name in sorted(names):
            if name in constants:
                strings.extend(_texts(constants[name], constants))
        yield DynamicSite(path, call.lineno, context, tuple(dict.fromkeys(strings)))


def _inside_wrapper(
    node: ast.AST, parents: dict[ast.AST, ast.AST], wrappers: dict[str, str]
) -> bool:
    current = parents.get(node)
    while current is not None:
        if isinstance(current, ast.FunctionDef) and current.name in wrappers:
            return parents.get(current) is not None and isinstance(parents[current], ast.Module)
        current = parents.get(current)
    return False


def flow_strings(path: Path = FLOWS_MODULE) -> list[str]:
    """The ``title`` and ``stages`` of every ``Flow(...)`` in ``kiosk/flows.py``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    strings: list[str] = []
    for call in ast.walk(tree):
        if (
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Name)
            and call.func.id == "Flow"
        ):
            for keyword in call.keywords:
                if keyword.arg in ("title", "stages"):
                    strings.extend(_texts(keyword.value))
    return list(dict.fromkeys(strings))


def write_dynamic_file(files: Sequence[Path], target: Path = DYNAMIC_FILE) -> list[DynamicSite]:
    """Write the ``QT_TRANSLATE_NOOP`` markers lupdate reads; returns unresolved sites."""
    lines = [
        '"""Generated by tools/i18n.py: strings translated through a variable (do not edit)."""',
        "",
        "from PySide6.QtCore import QT_TRANSLATE_NOOP",
        "",
    ]
    unresolved: list[DynamicSite] = []
    seen: set[tuple[str, str]] = set()

    def add(context: str, text: str, origin: str) -> None:
        if (context, text) not in seen:
            seen.add((context, text))
            lines.append(f"QT_TRANSLATE_NOOP({context!r}, {text!r})  # {origin}")

    for path in files:
        for site in dynamic_sites(path):
            if not site.strings:
                unresolved.append(site)
            for text in site.strings:
                add(site.context, text, site.where())
    for text in flow_strings():
        add(FLOW_CONTEXT, text, str(FLOWS_MODULE.relative_to(ROOT)))
    for path in CORE_MODULES:
        for text in core_strings(path):
            add(CORE_CONTEXT, text, str(path.relative_to(ROOT)))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return unresolved


# -- commands ----------------------------------------------------------------------------------------
def lupdate(ts: Path, *, quiet: bool = False) -> list[DynamicSite]:
    """Merge the strings of every kiosk module into ``ts``; returns unresolved dynamic sites."""
    files = source_files()
    unresolved = write_dynamic_file(files)
    ts.parent.mkdir(parents=True, exist_ok=True)
    command = [
        find_tool("pyside6-lupdate"),
        *(str(p) for p in files),
        str(DYNAMIC_FILE),
        "-source-language",
        SOURCE_LANGUAGE,
        "-target-language",
        LANGUAGE,
        "-locations",
        "absolute",
        "-no-obsolete",
        "-ts",
        str(ts),
    ]
    subprocess.run(command, check=True, cwd=ROOT, capture_output=quiet)
    _drop_unknown_contexts(ts)
    return unresolved


def _drop_unknown_contexts(ts: Path) -> None:
    """Remove what lupdate filed under ``""`` or ``self.window`` (the dynamic file has them right)."""
    text = ts.read_text(encoding="utf-8")
    cleaned = re.sub(
        r"<context>\s*<name>(?:[^<]*[^A-Za-z0-9_<][^<]*)?</name>.*?</context>\n",
        "",
        text,
        flags=re.DOTALL,
    )
    if cleaned != text:
        ts.write_text(cleaned, encoding="utf-8")


def lrelease(ts: Path, qm: Path, *, quiet: bool = False) -> None:
    command = [find_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)]
    subprocess.run(command, check=True, cwd=ROOT, capture_output=quiet)


@dataclass(frozen=True)
class Problem:
    context: str
    source: str
    why: str

    def __str__(self) -> str:
        return f"[{self.context}] {self.why}: {self.source!r}"


def problems(ts: Path) -> list[Problem]:
    """Unfinished, empty or placeholder-breaking translations of ``ts``."""
    found: list[Problem] = []
    root = ET.parse(ts).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "missing"
            if kind in ("obsolete", "vanished"):
                continue
            if translation is None:
                texts = [""]
            elif message.get("numerus") == "yes":
                texts = [form.text or "" for form in translation.iter("numerusform")] or [""]
            else:
                texts = [translation.text or ""]
            if kind == "unfinished" or not all(t.strip() for t in texts):
                found.append(Problem(name, source, "untranslated"))
                continue
            wanted = sorted(set(_PLACEHOLDER.findall(source)))
            for text in texts:
                if sorted(set(_PLACEHOLDER.findall(text))) != wanted:
                    found.append(Problem(name, source, f"placeholders differ in {text!r}"))
    return found


def check() -> int:
    if not TS.exists():
        print(f"{TS.relative_to(ROOT)} is missing: run `python tools/i18n.py update`")
        return 1
    failures: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / TS.name
        shutil.copyfile(TS, copy)
        unresolved = lupdate(copy, quiet=True)
        failures += [f"{p}" for p in problems(copy)]
        failures += [
            f"{s.where()}: tr() of a variable whose strings were not found "
            "(use a module-level constant)"
            for s in unresolved
        ]
        if not failures:
            if not QM.exists():
                failures.append(
                    f"{QM.relative_to(ROOT)} is missing: run `python tools/i18n.py release`"
                )
            else:
                fresh = Path(tmp) / QM.name
                lrelease(TS, fresh, quiet=True)
                if not filecmp.cmp(fresh, QM, shallow=False):
                    failures.append(
                        f"{QM.relative_to(ROOT)} does not match the .ts: "
                        "run `python tools/i18n.py release`"
                    )
    for line in failures:
        print(line)
    print(f"{len(failures)} problem(s) in {TS.relative_to(ROOT)}")
    return 1 if failures else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("command", choices=("update", "release", "check"))
    args = parser.parse_args(argv)
    try:
        if args.command == "update":
            for site in lupdate(TS):
                print(f"warning: {site.where()}: tr() of a variable whose strings were not found")
            left = problems(TS)
            print(f"{len(left)} string(s) left to translate in {TS.relative_to(ROOT)}")
            return 0
        if args.command == "release":
            lrelease(TS, QM)
            return 0
        return check()
    except ToolMissing as exc:
        print(exc, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
