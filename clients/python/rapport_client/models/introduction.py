from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.direction import Direction
from ..models.introduction_status import IntroductionStatus
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.external_id import ExternalId





T = TypeVar("T", bound="Introduction")



@_attrs_define
class Introduction:
    """ An introduction and what it turned into.

        Attributes:
            closed_at (datetime.datetime | None): When it was won, lost or went unanswered.
            contact_ids (list[UUID]): Given: the two contacts we introduced to each other.
            created_at (datetime.datetime):
            currency (None | str):
            deal_value (None | str):
            deleted_at (datetime.datetime | None):
            direction (Direction): `received`: a referrer introduced us to someone. `given`: we introduced two of our
                contacts to each other.
            external_ids (list[ExternalId]): The ids other systems know it by; a deleted introduction keeps them, released.
            id (UUID):
            interaction_id (None | UUID): Given: the `introduction_made` interaction logged with both.
            introduced_at (datetime.datetime):
            meeting_at (datetime.datetime | None):
            member_id (UUID): The member who received or made it.
            notes (None | str):
            prospect_id (None | UUID): Received: whom we were introduced to.
            referrer_id (None | UUID): Received: who introduced us.
            request_id (None | UUID): Received: the referral request it answers.
            status (IntroductionStatus): What the introduction turned into: `pending → connected → meeting_scheduled → met →
                won | lost`, or `no_response`.
            updated_at (datetime.datetime):
            version (int):
     """

    closed_at: datetime.datetime | None
    contact_ids: list[UUID]
    created_at: datetime.datetime
    currency: None | str
    deal_value: None | str
    deleted_at: datetime.datetime | None
    direction: Direction
    external_ids: list[ExternalId]
    id: UUID
    interaction_id: None | UUID
    introduced_at: datetime.datetime
    meeting_at: datetime.datetime | None
    member_id: UUID
    notes: None | str
    prospect_id: None | UUID
    referrer_id: None | UUID
    request_id: None | UUID
    status: IntroductionStatus
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.external_id import ExternalId # noqa: PLC0415
        closed_at: None | str
        if isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        contact_ids = []
        for contact_ids_item_data in self.contact_ids:
            contact_ids_item = str(contact_ids_item_data)
            contact_ids.append(contact_ids_item)



        created_at = self.created_at.isoformat()

        currency: None | str
        currency = self.currency

        deal_value: None | str
        deal_value = self.deal_value

        deleted_at: None | str
        if isinstance(self.deleted_at, datetime.datetime):
            deleted_at = self.deleted_at.isoformat()
        else:
            deleted_at = self.deleted_at

        direction = self.direction.value

        external_ids = []
        for external_ids_item_data in self.external_ids:
            external_ids_item = external_ids_item_data.to_dict()
            external_ids.append(external_ids_item)



        id = str(self.id)

        interaction_id: None | str
        if isinstance(self.interaction_id, UUID):
            interaction_id = str(self.interaction_id)
        else:
            interaction_id = self.interaction_id

        introduced_at = self.introduced_at.isoformat()

        meeting_at: None | str
        if isinstance(self.meeting_at, datetime.datetime):
            meeting_at = self.meeting_at.isoformat()
        else:
            meeting_at = self.meeting_at

        member_id = str(self.member_id)

        notes: None | str
        notes = self.notes

        prospect_id: None | str
        if isinstance(self.prospect_id, UUID):
            prospect_id = str(self.prospect_id)
        else:
            prospect_id = self.prospect_id

        referrer_id: None | str
        if isinstance(self.referrer_id, UUID):
            referrer_id = str(self.referrer_id)
        else:
            referrer_id = self.referrer_id

        request_id: None | str
        if isinstance(self.request_id, UUID):
            request_id = str(self.request_id)
        else:
            request_id = self.request_id

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        version = self.version


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "closed_at": closed_at,
            "contact_ids": contact_ids,
            "created_at": created_at,
            "currency": currency,
            "deal_value": deal_value,
            "deleted_at": deleted_at,
            "direction": direction,
            "external_ids": external_ids,
            "id": id,
            "interaction_id": interaction_id,
            "introduced_at": introduced_at,
            "meeting_at": meeting_at,
            "member_id": member_id,
            "notes": notes,
            "prospect_id": prospect_id,
            "referrer_id": referrer_id,
            "request_id": request_id,
            "status": status,
            "updated_at": updated_at,
            "version": version,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.external_id import ExternalId # noqa: PLC0415
        d = dict(src_dict)
        def _parse_closed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)



                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        closed_at = _parse_closed_at(d.pop("closed_at"))


        contact_ids = []
        _contact_ids = d.pop("contact_ids")
        for contact_ids_item_data in (_contact_ids):
            contact_ids_item = UUID(contact_ids_item_data)



            contact_ids.append(contact_ids_item)


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_currency(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        currency = _parse_currency(d.pop("currency"))


        def _parse_deal_value(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        deal_value = _parse_deal_value(d.pop("deal_value"))


        def _parse_deleted_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                deleted_at_type_0 = datetime.datetime.fromisoformat(data)



                return deleted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        deleted_at = _parse_deleted_at(d.pop("deleted_at"))


        direction = Direction(d.pop("direction"))




        external_ids = []
        _external_ids = d.pop("external_ids")
        for external_ids_item_data in (_external_ids):
            external_ids_item = ExternalId.from_dict(external_ids_item_data)



            external_ids.append(external_ids_item)


        id = UUID(d.pop("id"))




        def _parse_interaction_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                interaction_id_type_0 = UUID(data)



                return interaction_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        interaction_id = _parse_interaction_id(d.pop("interaction_id"))


        introduced_at = datetime.datetime.fromisoformat(d.pop("introduced_at"))




        def _parse_meeting_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                meeting_at_type_0 = datetime.datetime.fromisoformat(data)



                return meeting_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        meeting_at = _parse_meeting_at(d.pop("meeting_at"))


        member_id = UUID(d.pop("member_id"))




        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))


        def _parse_prospect_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                prospect_id_type_0 = UUID(data)



                return prospect_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        prospect_id = _parse_prospect_id(d.pop("prospect_id"))


        def _parse_referrer_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                referrer_id_type_0 = UUID(data)



                return referrer_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        referrer_id = _parse_referrer_id(d.pop("referrer_id"))


        def _parse_request_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                request_id_type_0 = UUID(data)



                return request_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        request_id = _parse_request_id(d.pop("request_id"))


        status = IntroductionStatus(d.pop("status"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        version = d.pop("version")

        introduction = cls(
            closed_at=closed_at,
            contact_ids=contact_ids,
            created_at=created_at,
            currency=currency,
            deal_value=deal_value,
            deleted_at=deleted_at,
            direction=direction,
            external_ids=external_ids,
            id=id,
            interaction_id=interaction_id,
            introduced_at=introduced_at,
            meeting_at=meeting_at,
            member_id=member_id,
            notes=notes,
            prospect_id=prospect_id,
            referrer_id=referrer_id,
            request_id=request_id,
            status=status,
            updated_at=updated_at,
            version=version,
        )


        introduction.additional_properties = d
        return introduction

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
