from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.direction import Direction
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.external_id import ExternalId
  from ..models.new_contact import NewContact





T = TypeVar("T", bound="IntroductionRequest")



@_attrs_define
class IntroductionRequest:
    """ The request body; which fields apply depends on `direction`.

        Example:
            {'direction': 'received', 'prospect': {'company': 'Fabrikam', 'first_name': 'Ana', 'last_name': 'Costa',
                'relationship_kind': 'prospect'}, 'referrer_id': '0193a5c2-7c1e-7d5a-9f3e-2b4c6d8e0f12', 'request_id':
                '0193a5c2-9a10-7b4e-8c2d-3e4f5a6b7c8d'}

        Attributes:
            direction (Direction): `received`: a referrer introduced us to someone. `given`: we introduced two of our
                contacts to each other.
            contact_ids (list[UUID] | None | Unset): Given: the two contacts we introduced to each other.
            external_ids (list[ExternalId] | Unset):
            introduced_at (datetime.datetime | None | Unset): When it happened (default: now).
            notes (None | str | Unset):
            prospect (NewContact | None | Unset):
            prospect_id (None | Unset | UUID): Received: whom we were introduced to, if already in the network...
            referrer_id (None | Unset | UUID): Received: who introduced us.
            request_id (None | Unset | UUID): Received: the referral request it answers; it moves to `introduced`.
     """

    direction: Direction
    contact_ids: list[UUID] | None | Unset = UNSET
    external_ids: list[ExternalId] | Unset = UNSET
    introduced_at: datetime.datetime | None | Unset = UNSET
    notes: None | str | Unset = UNSET
    prospect: NewContact | None | Unset = UNSET
    prospect_id: None | Unset | UUID = UNSET
    referrer_id: None | Unset | UUID = UNSET
    request_id: None | Unset | UUID = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.external_id import ExternalId # noqa: PLC0415
        from ..models.new_contact import NewContact # noqa: PLC0415
        direction = self.direction.value

        contact_ids: list[str] | None | Unset
        if isinstance(self.contact_ids, Unset):
            contact_ids = UNSET
        elif isinstance(self.contact_ids, list):
            contact_ids = []
            for contact_ids_type_0_item_data in self.contact_ids:
                contact_ids_type_0_item = str(contact_ids_type_0_item_data)
                contact_ids.append(contact_ids_type_0_item)


        else:
            contact_ids = self.contact_ids

        external_ids: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.external_ids, Unset):
            external_ids = []
            for componentsschemas_external_ids_item_data in self.external_ids:
                componentsschemas_external_ids_item = componentsschemas_external_ids_item_data.to_dict()
                external_ids.append(componentsschemas_external_ids_item)



        introduced_at: None | str | Unset
        if isinstance(self.introduced_at, Unset):
            introduced_at = UNSET
        elif isinstance(self.introduced_at, datetime.datetime):
            introduced_at = self.introduced_at.isoformat()
        else:
            introduced_at = self.introduced_at

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        prospect: dict[str, Any] | None | Unset
        if isinstance(self.prospect, Unset):
            prospect = UNSET
        elif isinstance(self.prospect, NewContact):
            prospect = self.prospect.to_dict()
        else:
            prospect = self.prospect

        prospect_id: None | str | Unset
        if isinstance(self.prospect_id, Unset):
            prospect_id = UNSET
        elif isinstance(self.prospect_id, UUID):
            prospect_id = str(self.prospect_id)
        else:
            prospect_id = self.prospect_id

        referrer_id: None | str | Unset
        if isinstance(self.referrer_id, Unset):
            referrer_id = UNSET
        elif isinstance(self.referrer_id, UUID):
            referrer_id = str(self.referrer_id)
        else:
            referrer_id = self.referrer_id

        request_id: None | str | Unset
        if isinstance(self.request_id, Unset):
            request_id = UNSET
        elif isinstance(self.request_id, UUID):
            request_id = str(self.request_id)
        else:
            request_id = self.request_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "direction": direction,
        })
        if contact_ids is not UNSET:
            field_dict["contact_ids"] = contact_ids
        if external_ids is not UNSET:
            field_dict["external_ids"] = external_ids
        if introduced_at is not UNSET:
            field_dict["introduced_at"] = introduced_at
        if notes is not UNSET:
            field_dict["notes"] = notes
        if prospect is not UNSET:
            field_dict["prospect"] = prospect
        if prospect_id is not UNSET:
            field_dict["prospect_id"] = prospect_id
        if referrer_id is not UNSET:
            field_dict["referrer_id"] = referrer_id
        if request_id is not UNSET:
            field_dict["request_id"] = request_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.external_id import ExternalId # noqa: PLC0415
        from ..models.new_contact import NewContact # noqa: PLC0415
        d = dict(src_dict)
        direction = Direction(d.pop("direction"))




        def _parse_contact_ids(data: object) -> list[UUID] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                contact_ids_type_0 = []
                _contact_ids_type_0 = data
                for contact_ids_type_0_item_data in (_contact_ids_type_0):
                    contact_ids_type_0_item = UUID(contact_ids_type_0_item_data)



                    contact_ids_type_0.append(contact_ids_type_0_item)

                return contact_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None | Unset, data)

        contact_ids = _parse_contact_ids(d.pop("contact_ids", UNSET))


        _external_ids = d.pop("external_ids", UNSET)
        external_ids: list[ExternalId] | Unset = UNSET
        if _external_ids is not UNSET:
            external_ids = []
            for componentsschemas_external_ids_item_data in _external_ids:
                componentsschemas_external_ids_item = ExternalId.from_dict(componentsschemas_external_ids_item_data)



                external_ids.append(componentsschemas_external_ids_item)


        def _parse_introduced_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                introduced_at_type_0 = datetime.datetime.fromisoformat(data)



                return introduced_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        introduced_at = _parse_introduced_at(d.pop("introduced_at", UNSET))


        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))


        def _parse_prospect(data: object) -> NewContact | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                prospect_type_1 = NewContact.from_dict(data)



                return prospect_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(NewContact | None | Unset, data)

        prospect = _parse_prospect(d.pop("prospect", UNSET))


        def _parse_prospect_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                prospect_id_type_0 = UUID(data)



                return prospect_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        prospect_id = _parse_prospect_id(d.pop("prospect_id", UNSET))


        def _parse_referrer_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                referrer_id_type_0 = UUID(data)



                return referrer_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        referrer_id = _parse_referrer_id(d.pop("referrer_id", UNSET))


        def _parse_request_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                request_id_type_0 = UUID(data)



                return request_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        request_id = _parse_request_id(d.pop("request_id", UNSET))


        introduction_request = cls(
            direction=direction,
            contact_ids=contact_ids,
            external_ids=external_ids,
            introduced_at=introduced_at,
            notes=notes,
            prospect=prospect,
            prospect_id=prospect_id,
            referrer_id=referrer_id,
            request_id=request_id,
        )

        return introduction_request

