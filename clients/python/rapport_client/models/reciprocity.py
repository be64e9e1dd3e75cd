from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="Reciprocity")



@_attrs_define
class Reciprocity:
    """ Gives and asks with one contact (or the whole network) over the last twelve months.

        Attributes:
            asks_12m (int):
            gives_12m (int):
            taker_pattern (bool): True when we asked more than we gave.
     """

    asks_12m: int
    gives_12m: int
    taker_pattern: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        asks_12m = self.asks_12m

        gives_12m = self.gives_12m

        taker_pattern = self.taker_pattern


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "asks_12m": asks_12m,
            "gives_12m": gives_12m,
            "taker_pattern": taker_pattern,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        asks_12m = d.pop("asks_12m")

        gives_12m = d.pop("gives_12m")

        taker_pattern = d.pop("taker_pattern")

        reciprocity = cls(
            asks_12m=asks_12m,
            gives_12m=gives_12m,
            taker_pattern=taker_pattern,
        )


        reciprocity.additional_properties = d
        return reciprocity

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
