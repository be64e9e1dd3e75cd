from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.share import Share





T = TypeVar("T", bound="Breakdown")



@_attrs_define
class Breakdown:
    """ The sources by one trait.

        Attributes:
            hhi (float | None): Herfindahl–Hirschman index of the shares, 0 to 1 (null when nothing is known).
            shares (list[Share]): Largest first.
            unknown (int): Sources where this is not recorded (left out of the shares).
     """

    hhi: float | None
    shares: list[Share]
    unknown: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.share import Share # noqa: PLC0415
        hhi: float | None
        hhi = self.hhi

        shares = []
        for shares_item_data in self.shares:
            shares_item = shares_item_data.to_dict()
            shares.append(shares_item)



        unknown = self.unknown


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "hhi": hhi,
            "shares": shares,
            "unknown": unknown,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.share import Share # noqa: PLC0415
        d = dict(src_dict)
        def _parse_hhi(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        hhi = _parse_hhi(d.pop("hhi"))


        shares = []
        _shares = d.pop("shares")
        for shares_item_data in (_shares):
            shares_item = Share.from_dict(shares_item_data)



            shares.append(shares_item)


        unknown = d.pop("unknown")

        breakdown = cls(
            hhi=hhi,
            shares=shares,
            unknown=unknown,
        )


        breakdown.additional_properties = d
        return breakdown

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
