"""The JUnit schemas the report can satisfy, apart from the writer so that the command
line can offer them without importing the XML machinery."""

from __future__ import annotations

from typing import Literal

Flavour = Literal["jenkins", "ant"]
FLAVOURS: tuple[Flavour, ...] = ("jenkins", "ant")
