"""Shared base of every plan entity: strict fields plus where it was written."""

from __future__ import annotations

from typing import Any, Self

from pydantic import BaseModel, ConfigDict, Field

from plancheck.model._private import speed_up_private_init
from plancheck.model.location import SourceRef

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
# A date as plans write it: a year, a month or a day (`2013`, `2013-06`, `2013-06-30`), with
# ASCII digits and a month and day that exist in some month.
DATE_PATTERN = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"

# The sets of given field names that nodes share (see ``Node._share_fields``), by their
# contents; bounded, because a hostile plan could combine optional fields many ways.
_FIELD_SETS: dict[frozenset[str], set[str]] = {}
_SHARED: set[int] = set()  # id() of those sets (kept alive by _FIELD_SETS)
_MAX_FIELD_SETS = 4096


class Node(BaseModel):
    """Any structured part of a plan file.

    ``extra="forbid"`` makes a misspelt key a schema error instead of silently
    dropped data, which matters because plan files are written by hand.
    """

    model_config = ConfigDict(extra="forbid", populate_by_name=True, use_enum_values=False)

    # Set by the loader (see ``_place``): the JSON pointer of this node inside the
    # file it came from. A slot, not a pydantic private attribute, so that it is not
    # part of the schema or of dumps and a node with no other private state needs no
    # private dict: 184 bytes a node, 55 MB for a 100,000-project plan.
    __slots__ = ("_where",)

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        speed_up_private_init(cls)

    @property
    def pointer(self) -> str:
        """JSON pointer of this node in the merged plan document."""
        where: str = getattr(self, "_where", "")
        return where

    def _place(self, pointer: str) -> None:
        """Record where this node is written (the loader's job)."""
        object.__setattr__(self, "_where", pointer)

    def _share_fields(self) -> None:
        """Share this node's set of given field names with the nodes given the same ones.

        pydantic keeps one such set per model instance: 728 bytes for a six-field
        project, a quarter of what a 100,000-project plan holds. Nodes of a plan name
        few distinct combinations, so the loader lets them share; ``__setattr__`` gives
        a node its own set again before pydantic would add a name to a shared one.
        """
        given = self.__pydantic_fields_set__
        if id(given) in _SHARED:
            return
        key = frozenset(given)
        shared = _FIELD_SETS.get(key)
        if shared is None:
            if len(_FIELD_SETS) >= _MAX_FIELD_SETS:
                return
            shared = _FIELD_SETS[key] = set(key)
            _SHARED.add(id(shared))
        object.__setattr__(self, "__pydantic_fields_set__", shared)

    def __setattr__(self, name: str, value: Any) -> None:
        given = self.__pydantic_fields_set__
        if name not in given and name in type(self).__pydantic_fields__:
            # Assigning a field adds its name to the set: never to one that is shared.
            object.__setattr__(self, "__pydantic_fields_set__", set(given))
        super().__setattr__(name, value)

    # pydantic copies and pickles only its own slots; the pointer goes along.
    def __copy__(self) -> Self:
        copied = super().__copy__()
        copied._place(self.pointer)
        return copied

    def __deepcopy__(self, memo: dict[int, Any] | None = None) -> Self:
        copied = super().__deepcopy__(memo)
        copied._place(self.pointer)
        return copied

    def __getstate__(self) -> dict[Any, Any]:
        state = super().__getstate__()
        state["_where"] = self.pointer
        return state

    def __setstate__(self, state: dict[Any, Any]) -> None:
        state = dict(state)
        pointer = state.pop("_where", "")
        super().__setstate__(state)
        self._place(pointer)

    def __eq__(self, other: object) -> bool:
        # Plan data is equal when its fields are, wherever (and whether) it was written:
        # positions, pointers and what validation derives from the fields do not count.
        if not isinstance(other, BaseModel):
            return NotImplemented
        if type(self) is not type(other):
            return False
        return all(getattr(self, name) == getattr(other, name) for name in type(self).model_fields)

    __hash__ = None  # type: ignore[assignment]


class RevisionNote(Node):
    """Which recorded revision changed an entity, and why."""

    revision: str | None = Field(
        default=None, pattern=ID_PATTERN, description="Id of the revision (in `revisions`)."
    )
    reason: str | None = Field(default=None, min_length=1, description="Why it changed.")


class Entity(Node):
    """A node that may point back into the source document."""

    source: SourceRef | None = Field(
        default=None, description="Where this is written in the source document."
    )
    revised: RevisionNote | None = Field(
        default=None,
        description="The revision that changed it and why (for a revised plan).",
    )
