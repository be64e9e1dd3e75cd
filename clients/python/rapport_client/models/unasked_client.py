from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.relationship_kind import RelationshipKind
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="UnaskedClient")



@_attrs_define
class UnaskedClient:
    """ A client or former client who is ready to be asked and never was.

        Attributes:
            company (None | str):
            contact_id (UUID):
            first_name (str):
            last_name (None | str):
            relationship_kind (RelationshipKind): Who the contact is to us; drives the default nurturing cadence.
            score (int): Their readiness score (see `GET /v1/contacts/{id}/referral-readiness`).
     """

    company: None | str
    contact_id: UUID
    first_name: str
    last_name: None | str
    relationship_kind: RelationshipKind
    score: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        company: None | str
        company = self.company

        contact_id = str(self.contact_id)

        first_name = self.first_name

        last_name: None | str
        last_name = self.last_name

        relationship_kind = self.relationship_kind.value

        score = self.score


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "company": company,
            "contact_id": contact_id,
            "first_name": first_name,
            "last_name": last_name,
            "relationship_kind": relationship_kind,
            "score": score,
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


        contact_id = UUID(d.pop("contact_id"))




        first_name = d.pop("first_name")

        def _parse_last_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_name = _parse_last_name(d.pop("last_name"))


        relationship_kind = RelationshipKind(d.pop("relationship_kind"))




        score = d.pop("score")

        unasked_client = cls(
            company=company,
            contact_id=contact_id,
            first_name=first_name,
            last_name=last_name,
            relationship_kind=relationship_kind,
            score=score,
        )


        unasked_client.additional_properties = d
        return unasked_client

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
