"""Parsing the report strictly (html5lib) and finding elements in it."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import html5lib


def parse(text: str) -> ET.Element:
    """The document tree; any HTML5 parse error fails the test."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    root: ET.Element = parser.parse(text)
    return root


def local(element: ET.Element) -> str:
    """The tag without its namespace (SVG elements keep theirs even in HTML)."""
    tag = element.tag if isinstance(element.tag, str) else ""
    return tag.rsplit("}", 1)[-1]


def classes(element: ET.Element) -> set[str]:
    return set((element.get("class") or "").split())


def by_class(root: ET.Element, tag: str, css: str) -> list[ET.Element]:
    return [e for e in root.iter() if local(e) == tag and css in classes(e)]


def by_id(root: ET.Element, ident: str) -> ET.Element:
    found = [e for e in root.iter() if e.get("id") == ident]
    assert len(found) == 1, ident
    return found[0]


def text(element: ET.Element) -> str:
    return "".join(element.itertext())
