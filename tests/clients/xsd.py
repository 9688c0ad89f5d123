"""The JUnit XSDs that CI tools validate against, checked in under ``schemas/``:

- ``jenkins-junit-10.xsd``: the xunit plugin's JUnit schema (Jenkins; Surefire's shape),
  from jenkinsci/xunit-plugin, MIT licence (header kept);
- ``ant-junit.xsd``: the Apache Ant JUnit/JUnitReport schema from windyroad/JUnit-Schema,
  Apache License 2.0 (notice kept).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lxml import etree

SCHEMAS = Path(__file__).parent / "schemas"
JENKINS = SCHEMAS / "jenkins-junit-10.xsd"
ANT = SCHEMAS / "ant-junit.xsd"


@cache
def _schema(path: Path) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(path)))


def xsd_errors(document: str, schema: Path) -> list[str]:
    """What a real XSD validator (libxml2, via lxml) says about ``document``."""
    validator = _schema(schema)
    validator.validate(etree.fromstring(document.encode("utf-8")))
    return [f"{e.line}: {e.message}" for e in validator.error_log]
