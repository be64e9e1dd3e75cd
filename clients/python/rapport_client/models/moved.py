from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.external_id import ExternalId





T = TypeVar("T", bound="Moved")



@_attrs_define
class Moved:
    """ What moved from the duplicate to the contact that stays.

        Attributes:
            connections (list[UUID]):
            connections_dropped (list[UUID]): The duplicate's connections that joined the two, or repeated one the contact
                already has (same people, same kind): deleted rather than moved.
            external_ids (list[ExternalId]):
            interactions (list[UUID]):
            introductions (list[UUID]):
            met_through (list[UUID]): Contacts met through the duplicate, now met through the contact.
            referral_requests (list[UUID]):
            snoozes (list[UUID]):
     """

    connections: list[UUID]
    connections_dropped: list[UUID]
    external_ids: list[ExternalId]
    interactions: list[UUID]
    introductions: list[UUID]
    met_through: list[UUID]
    referral_requests: list[UUID]
    snoozes: list[UUID]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.external_id import ExternalId # noqa: PLC0415
        connections = []
        for connections_item_data in self.connections:
            connections_item = str(connections_item_data)
            connections.append(connections_item)



        connections_dropped = []
        for connections_dropped_item_data in self.connections_dropped:
            connections_dropped_item = str(connections_dropped_item_data)
            connections_dropped.append(connections_dropped_item)



        external_ids = []
        for external_ids_item_data in self.external_ids:
            external_ids_item = external_ids_item_data.to_dict()
            external_ids.append(external_ids_item)



        interactions = []
        for interactions_item_data in self.interactions:
            interactions_item = str(interactions_item_data)
            interactions.append(interactions_item)



        introductions = []
        for introductions_item_data in self.introductions:
            introductions_item = str(introductions_item_data)
            introductions.append(introductions_item)



        met_through = []
        for met_through_item_data in self.met_through:
            met_through_item = str(met_through_item_data)
            met_through.append(met_through_item)



        referral_requests = []
        for referral_requests_item_data in self.referral_requests:
            referral_requests_item = str(referral_requests_item_data)
            referral_requests.append(referral_requests_item)



        snoozes = []
        for snoozes_item_data in self.snoozes:
            snoozes_item = str(snoozes_item_data)
            snoozes.append(snoozes_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "connections": connections,
            "connections_dropped": connections_dropped,
            "external_ids": external_ids,
            "interactions": interactions,
            "introductions": introductions,
            "met_through": met_through,
            "referral_requests": referral_requests,
            "snoozes": snoozes,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.external_id import ExternalId # noqa: PLC0415
        d = dict(src_dict)
        connections = []
        _connections = d.pop("connections")
        for connections_item_data in (_connections):
            connections_item = UUID(connections_item_data)



            connections.append(connections_item)


        connections_dropped = []
        _connections_dropped = d.pop("connections_dropped")
        for connections_dropped_item_data in (_connections_dropped):
            connections_dropped_item = UUID(connections_dropped_item_data)



            connections_dropped.append(connections_dropped_item)


        external_ids = []
        _external_ids = d.pop("external_ids")
        for external_ids_item_data in (_external_ids):
            external_ids_item = ExternalId.from_dict(external_ids_item_data)



            external_ids.append(external_ids_item)


        interactions = []
        _interactions = d.pop("interactions")
        for interactions_item_data in (_interactions):
            interactions_item = UUID(interactions_item_data)



            interactions.append(interactions_item)


        introductions = []
        _introductions = d.pop("introductions")
        for introductions_item_data in (_introductions):
            introductions_item = UUID(introductions_item_data)



            introductions.append(introductions_item)


        met_through = []
        _met_through = d.pop("met_through")
        for met_through_item_data in (_met_through):
            met_through_item = UUID(met_through_item_data)



            met_through.append(met_through_item)


        referral_requests = []
        _referral_requests = d.pop("referral_requests")
        for referral_requests_item_data in (_referral_requests):
            referral_requests_item = UUID(referral_requests_item_data)



            referral_requests.append(referral_requests_item)


        snoozes = []
        _snoozes = d.pop("snoozes")
        for snoozes_item_data in (_snoozes):
            snoozes_item = UUID(snoozes_item_data)



            snoozes.append(snoozes_item)


        moved = cls(
            connections=connections,
            connections_dropped=connections_dropped,
            external_ids=external_ids,
            interactions=interactions,
            introductions=introductions,
            met_through=met_through,
            referral_requests=referral_requests,
            snoozes=snoozes,
        )


        moved.additional_properties = d
        return moved

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
