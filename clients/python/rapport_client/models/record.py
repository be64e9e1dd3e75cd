from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.amount import Amount





T = TypeVar("T", bound="Record")



@_attrs_define
class Record:
    """ A referrer's record.

        Attributes:
            introductions (int):
            meetings (int): Introductions that led to a meeting: `met` or `won`, or with a meeting time set.
            won (int):
            won_value (list[Amount]):
     """

    introductions: int
    meetings: int
    won: int
    won_value: list[Amount]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.amount import Amount # noqa: PLC0415
        introductions = self.introductions

        meetings = self.meetings

        won = self.won

        won_value = []
        for won_value_item_data in self.won_value:
            won_value_item = won_value_item_data.to_dict()
            won_value.append(won_value_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "introductions": introductions,
            "meetings": meetings,
            "won": won,
            "won_value": won_value,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.amount import Amount # noqa: PLC0415
        d = dict(src_dict)
        introductions = d.pop("introductions")

        meetings = d.pop("meetings")

        won = d.pop("won")

        won_value = []
        _won_value = d.pop("won_value")
        for won_value_item_data in (_won_value):
            won_value_item = Amount.from_dict(won_value_item_data)



            won_value.append(won_value_item)


        record = cls(
            introductions=introductions,
            meetings=meetings,
            won=won,
            won_value=won_value,
        )


        record.additional_properties = d
        return record

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
