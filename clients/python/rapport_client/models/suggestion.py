from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.connection_request import ConnectionRequest
  from ..models.evidence import Evidence
  from ..models.suggested_person import SuggestedPerson





T = TypeVar("T", bound="Suggestion")



@_attrs_define
class Suggestion:
    """ A connection that what is already recorded implies, not yet recorded itself.

        Example:
            {'connection': {'from': {'contact_id': '0193a5c2-7c1e-7d5a-9f3e-2b4c6d8e0f12'}, 'kind': 'introduced_by', 'note':
                'Ana Ruiz introduced you to Ben Ortiz on 2026-03-04', 'since': None, 'strength': 3, 'to': {'contact_id':
                '0193a5c2-9a10-7b4e-8c2d-3e4f5a6b7c8d'}}, 'evidence': [{'introduced_at': '2026-03-04T10:00:00Z',
                'introduction_id': '0193a5c3-1b2c-7d3e-8f4a-5b6c7d8e9f01', 'reason': 'Ana Ruiz introduced you to Ben Ortiz on
                2026-03-04', 'source': 'introduction_received'}, {'introduced_at': None, 'introduction_id': None, 'reason': 'Ana
                Ruiz and Ben Ortiz both work at Contoso', 'source': 'same_company'}], 'people': [{'company': 'Contoso',
                'contact_id': '0193a5c2-7c1e-7d5a-9f3e-2b4c6d8e0f12', 'name': 'Ana Ruiz'}, {'company': 'Contoso', 'contact_id':
                '0193a5c2-9a10-7b4e-8c2d-3e4f5a6b7c8d', 'name': 'Ben Ortiz'}]}

        Attributes:
            connection (ConnectionRequest): The request body of a new connection (also how a suggested connection is
                offered). Example: {'from': {'contact_id': '0193a5c2-7c1e-7d5a-9f3e-2b4c6d8e0f12'}, 'kind': 'family', 'note':
                "Her mother was the VP's executive assistant for twelve years", 'since': '1990-01-01', 'strength': 5, 'to':
                {'contact_id': '0193a5c2-9a10-7b4e-8c2d-3e4f5a6b7c8d'}}.
            evidence (list[Evidence]): Everything that implies it, strongest first.
            people (list[SuggestedPerson]): The two people, in the order of `connection`.
     """

    connection: ConnectionRequest
    evidence: list[Evidence]
    people: list[SuggestedPerson]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.connection_request import ConnectionRequest # noqa: PLC0415
        from ..models.evidence import Evidence # noqa: PLC0415
        from ..models.suggested_person import SuggestedPerson # noqa: PLC0415
        connection = self.connection.to_dict()

        evidence = []
        for evidence_item_data in self.evidence:
            evidence_item = evidence_item_data.to_dict()
            evidence.append(evidence_item)



        people = []
        for people_item_data in self.people:
            people_item = people_item_data.to_dict()
            people.append(people_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "connection": connection,
            "evidence": evidence,
            "people": people,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.connection_request import ConnectionRequest # noqa: PLC0415
        from ..models.evidence import Evidence # noqa: PLC0415
        from ..models.suggested_person import SuggestedPerson # noqa: PLC0415
        d = dict(src_dict)
        connection = ConnectionRequest.from_dict(d.pop("connection"))




        evidence = []
        _evidence = d.pop("evidence")
        for evidence_item_data in (_evidence):
            evidence_item = Evidence.from_dict(evidence_item_data)



            evidence.append(evidence_item)


        people = []
        _people = d.pop("people")
        for people_item_data in (_people):
            people_item = SuggestedPerson.from_dict(people_item_data)



            people.append(people_item)


        suggestion = cls(
            connection=connection,
            evidence=evidence,
            people=people,
        )


        suggestion.additional_properties = d
        return suggestion

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
