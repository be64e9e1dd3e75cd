from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.nurture_status import NurtureStatus
from ..models.relationship_kind import RelationshipKind
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.birthday import Birthday
  from ..models.external_id import ExternalId
  from ..models.important_date import ImportantDate
  from ..models.reciprocity import Reciprocity





T = TypeVar("T", bound="Contact")



@_attrs_define
class Contact:
    """ A person in the network.

        Attributes:
            birthday (Birthday | None):
            cadence_days (int | None):
            company (None | str):
            created_at (datetime.datetime):
            deleted_at (datetime.datetime | None): Set when the contact was deleted; deleted contacts appear only in lists
                asked for
                with `include_deleted=true`, so that a sync can remove them too.
            emails (list[str]):
            external_ids (list[ExternalId]): The ids other systems know it by (a deleted contact's, released, are still
                listed).
            first_name (str):  Example: Priya.
            how_we_met (None | str):
            id (UUID):
            important_dates (list[ImportantDate]):
            industry (None | str):
            last_interaction_at (datetime.datetime | None): When we last interacted (planned interactions excluded).
            last_name (None | str):
            merged_into (None | UUID): On a deleted contact that was merged into another: that contact. Null otherwise.
            met_through_id (None | UUID):
            next_touch_due_at (datetime.datetime): When the next touch is due: the last interaction plus the cadence (the
                contact's
                own, or its kind's in the workspace settings); for a contact never contacted, the
                moment it was added.
            notes (None | str):
            nurture_status (NurtureStatus): Where a relationship stands.
            owner_id (UUID): The member who holds the relationship.
            phones (list[str]):
            profession (None | str):
            reciprocity (Reciprocity): Gives and asks with one contact (or the whole network) over the last twelve months.
            relationship_kind (RelationshipKind): Who the contact is to us; drives the default nurturing cadence.
            tags (list[str]):
            title (None | str):
            trust (int | None):
            updated_at (datetime.datetime):
            version (int): Increases with every change; also sent as the `ETag`.
     """

    birthday: Birthday | None
    cadence_days: int | None
    company: None | str
    created_at: datetime.datetime
    deleted_at: datetime.datetime | None
    emails: list[str]
    external_ids: list[ExternalId]
    first_name: str
    how_we_met: None | str
    id: UUID
    important_dates: list[ImportantDate]
    industry: None | str
    last_interaction_at: datetime.datetime | None
    last_name: None | str
    merged_into: None | UUID
    met_through_id: None | UUID
    next_touch_due_at: datetime.datetime
    notes: None | str
    nurture_status: NurtureStatus
    owner_id: UUID
    phones: list[str]
    profession: None | str
    reciprocity: Reciprocity
    relationship_kind: RelationshipKind
    tags: list[str]
    title: None | str
    trust: int | None
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.birthday import Birthday # noqa: PLC0415
        from ..models.external_id import ExternalId # noqa: PLC0415
        from ..models.important_date import ImportantDate # noqa: PLC0415
        from ..models.reciprocity import Reciprocity # noqa: PLC0415
        birthday: dict[str, Any] | None
        if isinstance(self.birthday, Birthday):
            birthday = self.birthday.to_dict()
        else:
            birthday = self.birthday

        cadence_days: int | None
        cadence_days = self.cadence_days

        company: None | str
        company = self.company

        created_at = self.created_at.isoformat()

        deleted_at: None | str
        if isinstance(self.deleted_at, datetime.datetime):
            deleted_at = self.deleted_at.isoformat()
        else:
            deleted_at = self.deleted_at

        emails = self.emails



        external_ids = []
        for external_ids_item_data in self.external_ids:
            external_ids_item = external_ids_item_data.to_dict()
            external_ids.append(external_ids_item)



        first_name = self.first_name

        how_we_met: None | str
        how_we_met = self.how_we_met

        id = str(self.id)

        important_dates = []
        for important_dates_item_data in self.important_dates:
            important_dates_item = important_dates_item_data.to_dict()
            important_dates.append(important_dates_item)



        industry: None | str
        industry = self.industry

        last_interaction_at: None | str
        if isinstance(self.last_interaction_at, datetime.datetime):
            last_interaction_at = self.last_interaction_at.isoformat()
        else:
            last_interaction_at = self.last_interaction_at

        last_name: None | str
        last_name = self.last_name

        merged_into: None | str
        if isinstance(self.merged_into, UUID):
            merged_into = str(self.merged_into)
        else:
            merged_into = self.merged_into

        met_through_id: None | str
        if isinstance(self.met_through_id, UUID):
            met_through_id = str(self.met_through_id)
        else:
            met_through_id = self.met_through_id

        next_touch_due_at = self.next_touch_due_at.isoformat()

        notes: None | str
        notes = self.notes

        nurture_status = self.nurture_status.value

        owner_id = str(self.owner_id)

        phones = self.phones



        profession: None | str
        profession = self.profession

        reciprocity = self.reciprocity.to_dict()

        relationship_kind = self.relationship_kind.value

        tags = self.tags



        title: None | str
        title = self.title

        trust: int | None
        trust = self.trust

        updated_at = self.updated_at.isoformat()

        version = self.version


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "birthday": birthday,
            "cadence_days": cadence_days,
            "company": company,
            "created_at": created_at,
            "deleted_at": deleted_at,
            "emails": emails,
            "external_ids": external_ids,
            "first_name": first_name,
            "how_we_met": how_we_met,
            "id": id,
            "important_dates": important_dates,
            "industry": industry,
            "last_interaction_at": last_interaction_at,
            "last_name": last_name,
            "merged_into": merged_into,
            "met_through_id": met_through_id,
            "next_touch_due_at": next_touch_due_at,
            "notes": notes,
            "nurture_status": nurture_status,
            "owner_id": owner_id,
            "phones": phones,
            "profession": profession,
            "reciprocity": reciprocity,
            "relationship_kind": relationship_kind,
            "tags": tags,
            "title": title,
            "trust": trust,
            "updated_at": updated_at,
            "version": version,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.birthday import Birthday # noqa: PLC0415
        from ..models.external_id import ExternalId # noqa: PLC0415
        from ..models.important_date import ImportantDate # noqa: PLC0415
        from ..models.reciprocity import Reciprocity # noqa: PLC0415
        d = dict(src_dict)
        def _parse_birthday(data: object) -> Birthday | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                birthday_type_1 = Birthday.from_dict(data)



                return birthday_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Birthday | None, data)

        birthday = _parse_birthday(d.pop("birthday"))


        def _parse_cadence_days(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        cadence_days = _parse_cadence_days(d.pop("cadence_days"))


        def _parse_company(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        company = _parse_company(d.pop("company"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




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


        emails = cast(list[str], d.pop("emails"))


        external_ids = []
        _external_ids = d.pop("external_ids")
        for external_ids_item_data in (_external_ids):
            external_ids_item = ExternalId.from_dict(external_ids_item_data)



            external_ids.append(external_ids_item)


        first_name = d.pop("first_name")

        def _parse_how_we_met(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        how_we_met = _parse_how_we_met(d.pop("how_we_met"))


        id = UUID(d.pop("id"))




        important_dates = []
        _important_dates = d.pop("important_dates")
        for important_dates_item_data in (_important_dates):
            important_dates_item = ImportantDate.from_dict(important_dates_item_data)



            important_dates.append(important_dates_item)


        def _parse_industry(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        industry = _parse_industry(d.pop("industry"))


        def _parse_last_interaction_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_interaction_at_type_0 = datetime.datetime.fromisoformat(data)



                return last_interaction_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_interaction_at = _parse_last_interaction_at(d.pop("last_interaction_at"))


        def _parse_last_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_name = _parse_last_name(d.pop("last_name"))


        def _parse_merged_into(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                merged_into_type_0 = UUID(data)



                return merged_into_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        merged_into = _parse_merged_into(d.pop("merged_into"))


        def _parse_met_through_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                met_through_id_type_0 = UUID(data)



                return met_through_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        met_through_id = _parse_met_through_id(d.pop("met_through_id"))


        next_touch_due_at = datetime.datetime.fromisoformat(d.pop("next_touch_due_at"))




        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))


        nurture_status = NurtureStatus(d.pop("nurture_status"))




        owner_id = UUID(d.pop("owner_id"))




        phones = cast(list[str], d.pop("phones"))


        def _parse_profession(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        profession = _parse_profession(d.pop("profession"))


        reciprocity = Reciprocity.from_dict(d.pop("reciprocity"))




        relationship_kind = RelationshipKind(d.pop("relationship_kind"))




        tags = cast(list[str], d.pop("tags"))


        def _parse_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        title = _parse_title(d.pop("title"))


        def _parse_trust(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        trust = _parse_trust(d.pop("trust"))


        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        version = d.pop("version")

        contact = cls(
            birthday=birthday,
            cadence_days=cadence_days,
            company=company,
            created_at=created_at,
            deleted_at=deleted_at,
            emails=emails,
            external_ids=external_ids,
            first_name=first_name,
            how_we_met=how_we_met,
            id=id,
            important_dates=important_dates,
            industry=industry,
            last_interaction_at=last_interaction_at,
            last_name=last_name,
            merged_into=merged_into,
            met_through_id=met_through_id,
            next_touch_due_at=next_touch_due_at,
            notes=notes,
            nurture_status=nurture_status,
            owner_id=owner_id,
            phones=phones,
            profession=profession,
            reciprocity=reciprocity,
            relationship_kind=relationship_kind,
            tags=tags,
            title=title,
            trust=trust,
            updated_at=updated_at,
            version=version,
        )


        contact.additional_properties = d
        return contact

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
