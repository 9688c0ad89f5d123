"""JSON pointers (RFC 6901), the address of every value in a plan file."""

from __future__ import annotations


def escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def join(pointer: str, token: str | int) -> str:
    return f"{pointer}/{escape(str(token))}"
