from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.relationship_kind import RelationshipKind
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="ActionContact")



@_attrs_define
class ActionContact:
    """ The contact an action is about.

        Attributes:
            company (None | str):
            first_name (str):
            id (UUID):
            last_name (None | str):
            owner_id (UUID): The member who holds the relationship.
            relationship_kind (RelationshipKind): Who the contact is to us; drives the default nurturing cadence.
            trust (int | None):
     """

    company: None | str
    first_name: str
    id: UUID
    last_name: None | str
    owner_id: UUID
    relationship_kind: RelationshipKind
    trust: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        company: None | str
        company = self.company

        first_name = self.first_name

        id = str(self.id)

        last_name: None | str
        last_name = self.last_name

        owner_id = str(self.owner_id)

        relationship_kind = self.relationship_kind.value

        trust: int | None
        trust = self.trust


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "company": company,
            "first_name": first_name,
            "id": id,
            "last_name": last_name,
            "owner_id": owner_id,
            "relationship_kind": relationship_kind,
            "trust": trust,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_company(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        company = _parse_company(d.pop("company"))


        first_name = d.pop("first_name")

        id = UUID(d.pop("id"))




        def _parse_last_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_name = _parse_last_name(d.pop("last_name"))


        owner_id = UUID(d.pop("owner_id"))




        relationship_kind = RelationshipKind(d.pop("relationship_kind"))




        def _parse_trust(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        trust = _parse_trust(d.pop("trust"))


        action_contact = cls(
            company=company,
            first_name=first_name,
            id=id,
            last_name=last_name,
            owner_id=owner_id,
            relationship_kind=relationship_kind,
            trust=trust,
        )


        action_contact.additional_properties = d
        return action_contact

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
