"""The whole output of `plancheck check corpus/baoji-2011-2015`, every format and language.

Messages, hints, positions, statistics and the shape of every format are pinned byte for
byte under tests/snapshots/baoji/, so any change of wording or layout is a reviewed diff
(`pytest --snapshot-update` or `nox -s snapshots` rewrites the files). The run uses the
corpus's relative path from the repository root, so no absolute path appears; only the
version and SARIF's absolute root URI, which depend on the release and the checkout, are
masked.
"""

from __future__ import annotations

import re

import pytest

import plancheck
from plancheck import FORMATS
from plancheck.cli import main
from tests._snapshots import SNAPSHOTS, Snapshots
from tests.conftest import ROOT

LANGS = ("zh", "en")
EXTENSIONS = {
    "json": "json",
    "sarif": "sarif.json",
    "junit": "xml",
    "markdown": "md",
    "html": "html",
}
CORPUS = "corpus/baoji-2011-2015"


def _name(fmt: str, lang: str) -> str:
    return f"baoji/{fmt}.{lang}.{EXTENSIONS.get(fmt, 'txt')}"


def _mask(text: str) -> str:
    version = re.escape(plancheck.__version__)
    text = re.sub(rf'("(?:version|semanticVersion)": )"{version}"', r'\1"<version>"', text)
    text = re.sub(rf"(<footer>[^<]*){version}", r"\1<version>", text)
    root = ROOT.resolve().as_uri().rstrip("/") + "/"
    return text.replace(f'"uri": "{root}"', '"uri": "file:///<root>/"')


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("fmt", FORMATS)
def test_baoji_output_is_pinned(
    fmt: str,
    lang: str,
    snapshot: Snapshots,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("NO_COLOR", "1")
    code = main(["check", CORPUS, "--format", fmt, "--lang", lang])
    out, err = capsys.readouterr()
    assert (code, err) == (1, "")  # the plan has real errors
    assert str(ROOT) not in _mask(out)
    snapshot.check(_mask(out), _name(fmt, lang))


def test_no_stale_snapshots() -> None:
    """A format or language that is no longer produced leaves no file behind."""
    expected = {_name(fmt, lang) for fmt in FORMATS for lang in LANGS}
    present = {p.relative_to(SNAPSHOTS).as_posix() for p in (SNAPSHOTS / "baoji").iterdir()}
    assert present == expected
