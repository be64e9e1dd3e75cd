from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="ConnectionPatch")



@_attrs_define
class ConnectionPatch:
    """ Changes to a connection: absent fields stay, `null` clears `note` or `since`. The people
    and the kind are what the connection is; to change them, delete it and record another.

        Example:
            {'note': 'Played in the same band for years', 'strength': 4}

        Attributes:
            note (None | str | Unset):
            since (datetime.date | None | Unset):
            strength (int | Unset):
     """

    note: None | str | Unset = UNSET
    since: datetime.date | None | Unset = UNSET
    strength: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        since: None | str | Unset
        if isinstance(self.since, Unset):
            since = UNSET
        elif isinstance(self.since, datetime.date):
            since = self.since.isoformat()
        else:
            since = self.since

        strength = self.strength


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if note is not UNSET:
            field_dict["note"] = note
        if since is not UNSET:
            field_dict["since"] = since
        if strength is not UNSET:
            field_dict["strength"] = strength

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))


        def _parse_since(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                since_type_0 = datetime.date.fromisoformat(data)



                return since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        since = _parse_since(d.pop("since", UNSET))


        strength = d.pop("strength", UNSET)

        connection_patch = cls(
            note=note,
            since=since,
            strength=strength,
        )

        return connection_patch

