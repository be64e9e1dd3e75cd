from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="ExternalId")



@_attrs_define
class ExternalId:
    """ One id a resource has in another system.

        Example:
            {'id': '5012', 'system': 'hubspot'}

        Attributes:
            id (str): Trimmed text, 1 to 255 characters, on one line.
            system (str):
     """

    id: str
    system: str





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        system = self.system


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "system": system,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        system = d.pop("system")

        external_id = cls(
            id=id,
            system=system,
        )

        return external_id

