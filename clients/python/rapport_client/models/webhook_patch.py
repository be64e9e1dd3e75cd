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






T = TypeVar("T", bound="WebhookPatch")



@_attrs_define
class WebhookPatch:
    """ Changes to an endpoint; absent fields stay as they are.

        Example:
            {'enabled': True}

        Attributes:
            description (None | str | Unset):
            enabled (bool | Unset): true delivers again (and clears `disabled_reason`); deliveries held while it was
                disabled go out then.
            event_types (list[EventTypesItem] | Unset): Events to receive: `*` for all, `<resource>.*` for every event of
                one kind of resource, or events by name. A change of a resource is `<resource>.<created|updated|deleted>`
                (`contact.merged` too); a referral request or introduction whose status moved is also
                `<resource>.status_changed`.
            member_id (None | Unset | UUID): null removes the filter.
            url (str | Unset): An absolute http or https URL without credentials. Loopback, private, link-local and reserved
                addresses are refused.
     """

    description: None | str | Unset = UNSET
    enabled: bool | Unset = UNSET
    event_types: list[EventTypesItem] | Unset = UNSET
    member_id: None | Unset | UUID = UNSET
    url: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        enabled = self.enabled

        event_types: list[str] | Unset = UNSET
        if not isinstance(self.event_types, Unset):
            event_types = []
            for componentsschemas_event_types_item_data in self.event_types:
                componentsschemas_event_types_item = componentsschemas_event_types_item_data.value
                event_types.append(componentsschemas_event_types_item)



        member_id: None | str | Unset
        if isinstance(self.member_id, Unset):
            member_id = UNSET
        elif isinstance(self.member_id, UUID):
            member_id = str(self.member_id)
        else:
            member_id = self.member_id

        url = self.url


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if description is not UNSET:
            field_dict["description"] = description
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if event_types is not UNSET:
            field_dict["event_types"] = event_types
        if member_id is not UNSET:
            field_dict["member_id"] = member_id
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        enabled = d.pop("enabled", UNSET)

        _event_types = d.pop("event_types", UNSET)
        event_types: list[EventTypesItem] | Unset = UNSET
        if _event_types is not UNSET:
            event_types = []
            for componentsschemas_event_types_item_data in _event_types:
                componentsschemas_event_types_item = EventTypesItem(componentsschemas_event_types_item_data)



                event_types.append(componentsschemas_event_types_item)


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


        url = d.pop("url", UNSET)

        webhook_patch = cls(
            description=description,
            enabled=enabled,
            event_types=event_types,
            member_id=member_id,
            url=url,
        )

        return webhook_patch

