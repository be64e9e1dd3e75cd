from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.relationship_kind import RelationshipKind
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.amount import Amount





T = TypeVar("T", bound="TopReferrer")



@_attrs_define
class TopReferrer:
    """ A referrer and what their introductions brought.

        Attributes:
            introductions (int):
            meetings (int): Introductions that led to a meeting: `met` or `won`, or with a meeting time set.
            won (int):
            won_value (list[Amount]):
            contact_id (UUID):
            first_name (str):
            relationship_kind (RelationshipKind): Who the contact is to us; drives the default nurturing cadence.
            company (None | str | Unset):
            last_name (None | str | Unset):
     """

    introductions: int
    meetings: int
    won: int
    won_value: list[Amount]
    contact_id: UUID
    first_name: str
    relationship_kind: RelationshipKind
    company: None | str | Unset = UNSET
    last_name: None | str | Unset = UNSET
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



        contact_id = str(self.contact_id)

        first_name = self.first_name

        relationship_kind = self.relationship_kind.value

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
            "introductions": introductions,
            "meetings": meetings,
            "won": won,
            "won_value": won_value,
            "contact_id": contact_id,
            "first_name": first_name,
            "relationship_kind": relationship_kind,
        })
        if company is not UNSET:
            field_dict["company"] = company
        if last_name is not UNSET:
            field_dict["last_name"] = last_name

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


        contact_id = UUID(d.pop("contact_id"))




        first_name = d.pop("first_name")

        relationship_kind = RelationshipKind(d.pop("relationship_kind"))




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


        top_referrer = cls(
            introductions=introductions,
            meetings=meetings,
            won=won,
            won_value=won_value,
            contact_id=contact_id,
            first_name=first_name,
            relationship_kind=relationship_kind,
            company=company,
            last_name=last_name,
        )


        top_referrer.additional_properties = d
        return top_referrer

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
