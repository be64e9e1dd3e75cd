from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.event_types_item import EventTypesItem
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="Webhook")



@_attrs_define
class Webhook:
    """ A webhook endpoint, without its secret.

        Attributes:
            created_at (datetime.datetime):
            description (None | str):  Example: CRM sync.
            disabled_reason (None | str): Why deliveries stopped, when Rapport disabled it (the receiver answered 410, or
                failed for days).
            enabled (bool):
            event_types (list[EventTypesItem]): Events to receive: `*` for all, `<resource>.*` for every event of one kind
                of resource, or events by name. A change of a resource is `<resource>.<created|updated|deleted>`
                (`contact.merged` too); a referral request or introduction whose status moved is also
                `<resource>.status_changed`.
            id (UUID):
            member_id (None | UUID):
            previous_secret_valid_until (datetime.datetime | None): Until when deliveries are signed with the previous
                secret as well, after a
                rotation.
            updated_at (datetime.datetime):
            url (str):  Example: https://crm.example.com/hooks/rapport.
            version (int):
     """

    created_at: datetime.datetime
    description: None | str
    disabled_reason: None | str
    enabled: bool
    event_types: list[EventTypesItem]
    id: UUID
    member_id: None | UUID
    previous_secret_valid_until: datetime.datetime | None
    updated_at: datetime.datetime
    url: str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        description: None | str
        description = self.description

        disabled_reason: None | str
        disabled_reason = self.disabled_reason

        enabled = self.enabled

        event_types = []
        for componentsschemas_event_types_item_data in self.event_types:
            componentsschemas_event_types_item = componentsschemas_event_types_item_data.value
            event_types.append(componentsschemas_event_types_item)



        id = str(self.id)

        member_id: None | str
        if isinstance(self.member_id, UUID):
            member_id = str(self.member_id)
        else:
            member_id = self.member_id

        previous_secret_valid_until: None | str
        if isinstance(self.previous_secret_valid_until, datetime.datetime):
            previous_secret_valid_until = self.previous_secret_valid_until.isoformat()
        else:
            previous_secret_valid_until = self.previous_secret_valid_until

        updated_at = self.updated_at.isoformat()

        url = self.url

        version = self.version


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created_at": created_at,
            "description": description,
            "disabled_reason": disabled_reason,
            "enabled": enabled,
            "event_types": event_types,
            "id": id,
            "member_id": member_id,
            "previous_secret_valid_until": previous_secret_valid_until,
            "updated_at": updated_at,
            "url": url,
            "version": version,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))


        def _parse_disabled_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        disabled_reason = _parse_disabled_reason(d.pop("disabled_reason"))


        enabled = d.pop("enabled")

        event_types = []
        _event_types = d.pop("event_types")
        for componentsschemas_event_types_item_data in (_event_types):
            componentsschemas_event_types_item = EventTypesItem(componentsschemas_event_types_item_data)



            event_types.append(componentsschemas_event_types_item)


        id = UUID(d.pop("id"))




        def _parse_member_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                member_id_type_0 = UUID(data)



                return member_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        member_id = _parse_member_id(d.pop("member_id"))


        def _parse_previous_secret_valid_until(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                previous_secret_valid_until_type_0 = datetime.datetime.fromisoformat(data)



                return previous_secret_valid_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        previous_secret_valid_until = _parse_previous_secret_valid_until(d.pop("previous_secret_valid_until"))


        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        url = d.pop("url")

        version = d.pop("version")

        webhook = cls(
            created_at=created_at,
            description=description,
            disabled_reason=disabled_reason,
            enabled=enabled,
            event_types=event_types,
            id=id,
            member_id=member_id,
            previous_secret_valid_until=previous_secret_valid_until,
            updated_at=updated_at,
            url=url,
            version=version,
        )


        webhook.additional_properties = d
        return webhook

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
