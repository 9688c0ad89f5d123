"""Property tests: whatever the bytes, loading answers and checking never crashes.

(a) random bytes as a plan file: ``load_plan`` returns a plan or diagnostics;
(b) YAML-ish text from a grammar of plan keys, scalars, indentation and flow
    collections: the same, and the command line exits 0 or 1 without a traceback;
(c) the corpus plan, mutated (lines deleted, duplicated, swapped, numbers changed,
    characters inserted, files truncated): ``Checker().check_path`` returns a report
    without internal errors, and every format in ``FORMATS`` renders valid output.

Profiles (``tests/hardening/conftest.py``): ``ci`` by default, ``long`` with
``HYPOTHESIS_PROFILE=long``.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import html5lib
import jsonschema
from hypothesis import given
from hypothesis import strategies as st

from plancheck import Checker, gather_material
from plancheck.cli import main
from plancheck.loading import LoadResult, load_plan
from plancheck.outputs import FORMATS, render
from plancheck.records import PlanReport
from tests.conftest import CORPUS, ROOT
from tests.hardening._support import HEAD, examples

SARIF_SCHEMA = ROOT / "tests" / "outputs" / "data" / "sarif-schema-2.1.0.json"
FINDINGS_SCHEMA = ROOT / "schemas" / "findings.schema.json"
LOAD_CODE = re.compile(r"PC00[0-9]")
YAML_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


@contextlib.contextmanager
def scratch() -> Iterator[Path]:
    """A fresh folder per example (pytest's tmp_path is per test, not per example)."""
    with tempfile.TemporaryDirectory(prefix="plancheck-fuzz-") as folder:
        yield Path(folder)


def assert_answers(result: LoadResult, files: dict[str, bytes]) -> None:
    """A load result is a plan, or diagnostics that point into the files read."""
    assert isinstance(result, LoadResult)
    assert (result.plan is not None) or result.diagnostics, result
    for diagnostic in result.diagnostics:
        assert LOAD_CODE.fullmatch(diagnostic.code), diagnostic
        assert diagnostic.file in files, (diagnostic.file, list(files))
        data = files[diagnostic.file]
        # Positions count "\n" only (a lone CR, NEL, LS or PS does not start a line),
        # and never point past the last line of the file.
        lines = data.count(b"\n") + 1
        assert 1 <= diagnostic.line <= lines, (diagnostic, lines)
        assert diagnostic.column >= 1, diagnostic
        assert diagnostic.message.strip(), diagnostic


# -- (a) random bytes -----------------------------------------------------------------

PREFIXES = [b"", b"plancheck: 1\n", HEAD.encode(), b"\xef\xbb\xbf" + HEAD.encode()]


@examples(60)
@given(prefix=st.sampled_from(PREFIXES), noise=st.binary(max_size=600))
def test_random_bytes_load_to_a_plan_or_diagnostics(prefix: bytes, noise: bytes) -> None:
    with scratch() as folder:
        path = folder / "plan.yaml"
        data = prefix + noise
        path.write_bytes(data)
        result = load_plan(path)
        assert_answers(result, {path.as_posix(): data})


# -- (b) YAML-ish text from a grammar ---------------------------------------------------

# fmt: off
PLAN_KEYS = [
    "plancheck", "id", "title", "jurisdiction", "name", "level", "parent", "period", "start",
    "end", "base_year", "currency", "revision", "source_document", "path", "sha256", "parts",
    "sections", "number", "boxes", "section", "kind", "items", "text", "indicators", "unit",
    "box", "group", "type", "direction", "baseline", "targets", "year", "value", "estimated",
    "observations", "agencies", "aliases", "projects", "category", "implementers_text",
    "implementers", "agency", "years", "funding", "box_item", "totals", "label", "counts",
    "phrase", "count", "open_ended", "identities", "statement", "total", "components", "claim",
    "indicator", "claims", "quote", "subject", "annual", "source", "line", "column",
]

SCALARS = [
    "1", "0", "-5", "2021", "2011-2015", "2015-2011", "2021-01-01", "1e308", "1e309", ".nan",
    ".inf", "-.inf", "0x1F", "0o17", "017", "1_000", "~", "null", "true", "false", "yes",
    "no", "on", "3亿元", "80%", "16M", "45台/百户", "４５台/百户", "１，２００万元", "——",
    "> 98", "大于 100", "80%以上", "突破350万", "14万条左右", "20(80%用户)", "30,000",
    "3斤", "万元", "亿元/年", "一、", "（一）", "（三）", "1.", "（1）", "专栏3", "1.2",
    "all", "city", "county", "expected", "binding", "increase", "government", "collective",
    "相关企业", "宝鸡市", "工信局", "光纤入户工程", "9" * 60, "1" + "0" * 401,
    '"quoted: yes"', "'single ''quoted'''", '"\\e[31m\\u202e\\x00"', "|\n  literal",
    ">-\n  folded", "&anchor x", "*alias", "!!str 5", "!!int x", "!!python/object:os.system",
    "!local", "%", "@", "`", "? complex", "- in scalar", "#comment", "a: b", "[", "{", "]",
]
# fmt: on

scalar = st.one_of(
    st.sampled_from(SCALARS),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.text(max_size=12),
)
key = st.one_of(st.sampled_from(PLAN_KEYS), st.sampled_from(PLAN_KEYS), st.text(max_size=6))

Node = Any  # str (scalar) | list[Node] | list[tuple[str, Node]] (mapping, keys may repeat)


def _collections(children: st.SearchStrategy[Node]) -> st.SearchStrategy[Node]:
    return st.one_of(
        st.lists(children, max_size=4),
        st.lists(st.tuples(key, children), max_size=5),
    )


def _nodes() -> st.SearchStrategy[Node]:
    return st.recursive(scalar, _collections, max_leaves=25)


def _is_mapping(node: Node) -> bool:
    return isinstance(node, list) and bool(node) and isinstance(node[0], tuple)


def _flow(node: Node) -> str:
    if isinstance(node, str):
        return node
    if _is_mapping(node):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in node) + "}"
    return "[" + ", ".join(_flow(item) for item in node) + "]"


def _block(node: Node, indent: int, draw: Callable[[st.SearchStrategy[Any]], Any]) -> list[str]:
    """Lines of ``node`` in block style; some children in flow style, some indents wrong."""
    pad = " " * indent
    lines: list[str] = []
    entries = node if _is_mapping(node) else [("-", item) for item in node]
    for name, child in entries:
        head = f"{pad}{name}:" if name != "-" else f"{pad}-"
        if isinstance(child, str) or not child or draw(st.booleans()):
            lines.append(f"{head} {_flow(child) if child != [] else '[]'}")
        else:
            step = draw(st.sampled_from([2, 2, 2, 4, 1, 0, 3]))
            lines.append(head)
            lines.extend(_block(child, indent + step, draw))
    return lines


NOISE = ["\t", "  ", "\x00", "\ufeff", "\r", "\u2028", "---", "...", "%YAML 1.1", "#", ":"]


@st.composite
def yamlish(draw: Callable[[st.SearchStrategy[Any]], Any]) -> str:
    """A plan-shaped document: usually the metadata, then random entries, then noise."""
    entries: list[tuple[str, Node]] = []
    if draw(st.integers(0, 9)) > 0:
        entries.append(("plancheck", "1"))
    if draw(st.booleans()):
        entries += [
            ("id", "fuzz"),
            ("title", "示例"),
            ("jurisdiction", [("name", "示例市"), ("level", "city")]),
            ("period", "2021-2025"),
        ]
    more = draw(st.lists(st.tuples(key, _nodes()), max_size=6))
    entries += more
    lines = _block(entries, 0, draw)
    for _ in range(draw(st.integers(0, 2))):
        where = draw(st.integers(0, len(lines)))
        column = draw(st.integers(0, 8))
        noise = draw(st.sampled_from(NOISE))
        if where < len(lines):
            line = lines[where]
            lines[where] = line[:column] + noise + line[column:]
        else:
            lines.append(noise)
    return "\n".join(lines) + draw(st.sampled_from(["\n", "", "\n\n"]))


def run_main(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


@examples(40)
@given(text=yamlish())
def test_yamlish_text_loads_to_a_plan_or_diagnostics(text: str) -> None:
    with scratch() as folder:
        path = folder / "plan.yaml"
        data = text.encode("utf-8", "surrogatepass")
        path.write_bytes(data)
        assert_answers(load_plan(path), {path.as_posix(): data})


@examples(30)
@given(text=yamlish())
def test_yamlish_text_through_the_command_line(text: str) -> None:
    with scratch() as folder:
        path = folder / "plan.yaml"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        code, out, err = run_main("check", str(path), "--format", "json")
        assert "Traceback" not in err and "internal error" not in err, err
        assert code in (0, 1), (code, err)
        rules = {finding["rule"] for finding in json.loads(out)["findings"]}
        assert "PC000" not in rules, out


# -- (c) mutated corpus plans -----------------------------------------------------------


@cache
def corpus_files() -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(CORPUS.iterdir()) if path.is_file()}


@cache
def checker() -> Checker:
    return Checker()


@cache
def validators() -> dict[str, jsonschema.protocols.Validator]:
    found: dict[str, jsonschema.protocols.Validator] = {}
    for name, path in (("sarif", SARIF_SCHEMA), ("json", FINDINGS_SCHEMA)):
        if path.is_file():
            schema = json.loads(path.read_text(encoding="utf-8"))
            cls = jsonschema.validators.validator_for(schema)
            found[name] = cls(schema, format_checker=cls.FORMAT_CHECKER)
    return found


MUTATIONS = ("delete", "duplicate", "swap", "number", "insert", "truncate")
INSERTED = st.one_of(
    st.characters(codec="utf-8"),
    st.sampled_from(["\t", "\x00", "\ufeff", "\u3000", "：", "、", "—", "&", "*", "!", "'"]),
)


@st.composite
def mutated_corpus(draw: Callable[[st.SearchStrategy[Any]], Any]) -> dict[str, bytes]:
    files = dict(corpus_files())
    for _ in range(draw(st.integers(1, 3))):
        name = draw(st.sampled_from(sorted(files)))
        # surrogateescape: an earlier truncation may have cut a character in half.
        lines = files[name].decode("utf-8", "surrogateescape").split("\n")
        mutation = draw(st.sampled_from(MUTATIONS))
        at = draw(st.integers(0, len(lines) - 1))
        if mutation == "delete":
            del lines[at]
        elif mutation == "duplicate":
            lines.insert(at, lines[at])
        elif mutation == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif mutation == "number":
            numbers = list(re.finditer(r"\d+", lines[at]))
            if numbers:
                match = draw(st.sampled_from(numbers))
                new = draw(
                    st.one_of(
                        st.integers(-5, 10**6).map(str),
                        st.sampled_from(["0", "1e308", ".nan", "9" * 60, "２０１３"]),
                    )
                )
                lines[at] = lines[at][: match.start()] + new + lines[at][match.end() :]
        elif mutation == "insert":
            column = draw(st.integers(0, len(lines[at])))
            lines[at] = lines[at][:column] + draw(INSERTED) + lines[at][column:]
        text = "\n".join(lines).encode("utf-8", "surrogateescape")
        if mutation == "truncate":
            text = text[: draw(st.integers(0, len(text)))]
        files[name] = text
    return files


def assert_renders(report: PlanReport) -> None:
    """Every registered format renders, and the machine-readable ones are valid."""
    full = checker().report([report])
    for output_format in FORMATS:
        text = render(full, output_format)
        assert isinstance(text, str), output_format
        if output_format in ("json", "sarif"):
            document = json.loads(text)
            validator = validators().get(output_format)
            if validator is not None:
                errors = [
                    f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)
                ]
                assert not errors, (output_format, errors[:5])
        elif output_format == "junit":
            ET.fromstring(text)  # our own output, not untrusted XML
    # The HTML report with its plan sections reads the (mutated) plan itself.
    page = render(full, "html", material=gather_material(full))
    html5lib.HTMLParser(strict=True).parse(page)


@examples(40)
@given(files=mutated_corpus())
def test_mutated_corpus_is_checked_and_rendered(files: dict[str, bytes]) -> None:
    with scratch() as folder:
        plan = folder / "baoji"
        plan.mkdir()
        for name, data in files.items():
            (plan / name).write_bytes(data)
        report = checker().check_path(plan)
        assert isinstance(report, PlanReport)
        internal = [f.message_en for f in report.findings if f.rule == "PC000"]
        assert not internal, internal
        assert_renders(report)


def test_unmutated_corpus_renders() -> None:
    """The baseline for (c): the corpus itself checks and renders in every format."""
    report = checker().check_path(CORPUS)
    assert report.plan_id is not None
    assert_renders(report)
