from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.out_of_balance import OutOfBalance
  from ..models.reciprocity import Reciprocity





T = TypeVar("T", bound="ReciprocityInsight")



@_attrs_define
class ReciprocityInsight:
    """ 
        Attributes:
            most_out_of_balance (list[OutOfBalance]): Contacts where asks outnumber gives, most out of balance first.
            overall (Reciprocity): Gives and asks with one contact (or the whole network) over the last twelve months.
            window_start (datetime.datetime): The twelve months counted start here.
     """

    most_out_of_balance: list[OutOfBalance]
    overall: Reciprocity
    window_start: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.out_of_balance import OutOfBalance # noqa: PLC0415
        from ..models.reciprocity import Reciprocity # noqa: PLC0415
        most_out_of_balance = []
        for most_out_of_balance_item_data in self.most_out_of_balance:
            most_out_of_balance_item = most_out_of_balance_item_data.to_dict()
            most_out_of_balance.append(most_out_of_balance_item)



        overall = self.overall.to_dict()

        window_start = self.window_start.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "most_out_of_balance": most_out_of_balance,
            "overall": overall,
            "window_start": window_start,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.out_of_balance import OutOfBalance # noqa: PLC0415
        from ..models.reciprocity import Reciprocity # noqa: PLC0415
        d = dict(src_dict)
        most_out_of_balance = []
        _most_out_of_balance = d.pop("most_out_of_balance")
        for most_out_of_balance_item_data in (_most_out_of_balance):
            most_out_of_balance_item = OutOfBalance.from_dict(most_out_of_balance_item_data)



            most_out_of_balance.append(most_out_of_balance_item)


        overall = Reciprocity.from_dict(d.pop("overall"))




        window_start = datetime.datetime.fromisoformat(d.pop("window_start"))




        reciprocity_insight = cls(
            most_out_of_balance=most_out_of_balance,
            overall=overall,
            window_start=window_start,
        )


        reciprocity_insight.additional_properties = d
        return reciprocity_insight

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
