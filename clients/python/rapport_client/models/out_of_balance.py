from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="OutOfBalance")



@_attrs_define
class OutOfBalance:
    """ A contact we asked more than we gave to.

        Attributes:
            asks_12m (int):
            gives_12m (int):
            taker_pattern (bool): True when we asked more than we gave.
            contact_id (UUID):
            first_name (str):
            company (None | str | Unset):
            last_name (None | str | Unset):
     """

    asks_12m: int
    gives_12m: int
    taker_pattern: bool
    contact_id: UUID
    first_name: str
    company: None | str | Unset = UNSET
    last_name: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        asks_12m = self.asks_12m

        gives_12m = self.gives_12m

        taker_pattern = self.taker_pattern

        contact_id = str(self.contact_id)

        first_name = self.first_name

        company: None | str | Unset
        if isinstance(self.company, Unset):
            company = UNSET
        else:
            company = self.company

        last_name: None | str | Unset
        if isinstance(self.last_name, Unset):
            last_name = UNSET
        else:
            last_name = self.last_name


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "asks_12m": asks_12m,
            "gives_12m": gives_12m,
            "taker_pattern": taker_pattern,
            "contact_id": contact_id,
            "first_name": first_name,
        })
        if company is not UNSET:
            field_dict["company"] = company
        if last_name is not UNSET:
            field_dict["last_name"] = last_name

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        asks_12m = d.pop("asks_12m")

        gives_12m = d.pop("gives_12m")

        taker_pattern = d.pop("taker_pattern")

        contact_id = UUID(d.pop("contact_id"))




        first_name = d.pop("first_name")

        def _parse_company(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        company = _parse_company(d.pop("company", UNSET))


        def _parse_last_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_name = _parse_last_name(d.pop("last_name", UNSET))


        out_of_balance = cls(
            asks_12m=asks_12m,
            gives_12m=gives_12m,
            taker_pattern=taker_pattern,
            contact_id=contact_id,
            first_name=first_name,
            company=company,
            last_name=last_name,
        )


        out_of_balance.additional_properties = d
        return out_of_balance

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
