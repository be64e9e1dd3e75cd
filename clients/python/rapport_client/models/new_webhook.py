from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.event_types_item import EventTypesItem
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="NewWebhook")



@_attrs_define
class NewWebhook:
    """ An endpoint to subscribe.

        Example:
            {'description': 'CRM sync', 'event_types': ['contact.*', 'introduction.status_changed'], 'url':
                'https://crm.example.com/hooks/rapport'}

        Attributes:
            event_types (list[EventTypesItem]): Events to receive: `*` for all, `<resource>.*` for every event of one kind
                of resource, or events by name. A change of a resource is `<resource>.<created|updated|deleted>`
                (`contact.merged` too); a referral request or introduction whose status moved is also
                `<resource>.status_changed`.
            url (str): An absolute http or https URL without credentials. Loopback, private, link-local and reserved
                addresses are refused.
            description (None | str | Unset):
            enabled (bool | Unset): Whether events are delivered (default true).
            member_id (None | Unset | UUID): Only events of contacts, interactions, referral requests and introductions this
                member owns (for a deletion: owned last); none of other resources.
     """

    event_types: list[EventTypesItem]
    url: str
    description: None | str | Unset = UNSET
    enabled: bool | Unset = UNSET
    member_id: None | Unset | UUID = UNSET





    def to_dict(self) -> dict[str, Any]:
        event_types = []
        for componentsschemas_event_types_item_data in self.event_types:
            componentsschemas_event_types_item = componentsschemas_event_types_item_data.value
            event_types.append(componentsschemas_event_types_item)



        url = self.url

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        enabled = self.enabled

        member_id: None | str | Unset
        if isinstance(self.member_id, Unset):
            member_id = UNSET
        elif isinstance(self.member_id, UUID):
            member_id = str(self.member_id)
        else:
            member_id = self.member_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "event_types": event_types,
            "url": url,
        })
        if description is not UNSET:
            field_dict["description"] = description
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if member_id is not UNSET:
            field_dict["member_id"] = member_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        event_types = []
        _event_types = d.pop("event_types")
        for componentsschemas_event_types_item_data in (_event_types):
            componentsschemas_event_types_item = EventTypesItem(componentsschemas_event_types_item_data)



            event_types.append(componentsschemas_event_types_item)


        url = d.pop("url")

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        enabled = d.pop("enabled", UNSET)

        def _parse_member_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                member_id_type_0 = UUID(data)



                return member_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        member_id = _parse_member_id(d.pop("member_id", UNSET))


        new_webhook = cls(
            event_types=event_types,
            url=url,
            description=description,
            enabled=enabled,
            member_id=member_id,
        )

        return new_webhook

