from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.relationship_kind import RelationshipKind
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.birthday import Birthday
  from ..models.external_id import ExternalId
  from ..models.important_date import ImportantDate





T = TypeVar("T", bound="NewContact")



@_attrs_define
class NewContact:
    """ Everything a user can set on a contact, valid by construction.

        Example:
            {'birthday': {'day': 14, 'month': 3}, 'cadence_days': 21, 'company': 'Northwind Logistics', 'emails':
                ['priya@northwind.example'], 'first_name': 'Priya', 'how_we_met': 'Panel at the regional supply-chain summit',
                'industry': 'Logistics', 'last_name': 'Raman', 'notes': 'Prefers calls before 9am.', 'phones': ['+1 415 555
                0134'], 'profession': 'Operations executive', 'relationship_kind': 'client', 'tags': ['board-connected',
                'golf'], 'title': 'VP Operations', 'trust': 4}

        Attributes:
            first_name (str): Trimmed text, 1 to 200 characters, on one line.
            birthday (Birthday | None | Unset):
            cadence_days (int | None | Unset):
            company (None | str | Unset):
            emails (list[str] | Unset):
            external_ids (list[ExternalId] | Unset):
            how_we_met (None | str | Unset):
            important_dates (list[ImportantDate] | Unset):
            industry (None | str | Unset):
            last_name (None | str | Unset):
            met_through_id (None | Unset | UUID): The contact who introduced us to this one.
            notes (None | str | Unset):
            owner_id (None | Unset | UUID): The member who holds the relationship; defaults to you.
            phones (list[str] | Unset):
            profession (None | str | Unset):
            relationship_kind (RelationshipKind | Unset): Who the contact is to us; drives the default nurturing cadence.
            tags (list[str] | Unset):
            title (None | str | Unset):
            trust (int | None | Unset):
     """

    first_name: str
    birthday: Birthday | None | Unset = UNSET
    cadence_days: int | None | Unset = UNSET
    company: None | str | Unset = UNSET
    emails: list[str] | Unset = UNSET
    external_ids: list[ExternalId] | Unset = UNSET
    how_we_met: None | str | Unset = UNSET
    important_dates: list[ImportantDate] | Unset = UNSET
    industry: None | str | Unset = UNSET
    last_name: None | str | Unset = UNSET
    met_through_id: None | Unset | UUID = UNSET
    notes: None | str | Unset = UNSET
    owner_id: None | Unset | UUID = UNSET
    phones: list[str] | Unset = UNSET
    profession: None | str | Unset = UNSET
    relationship_kind: RelationshipKind | Unset = UNSET
    tags: list[str] | Unset = UNSET
    title: None | str | Unset = UNSET
    trust: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.birthday import Birthday # noqa: PLC0415
        from ..models.external_id import ExternalId # noqa: PLC0415
        from ..models.important_date import ImportantDate # noqa: PLC0415
        first_name = self.first_name

        birthday: dict[str, Any] | None | Unset
        if isinstance(self.birthday, Unset):
            birthday = UNSET
        elif isinstance(self.birthday, Birthday):
            birthday = self.birthday.to_dict()
        else:
            birthday = self.birthday

        cadence_days: int | None | Unset
        if isinstance(self.cadence_days, Unset):
            cadence_days = UNSET
        else:
            cadence_days = self.cadence_days

        company: None | str | Unset
        if isinstance(self.company, Unset):
            company = UNSET
        else:
            company = self.company

        emails: list[str] | Unset = UNSET
        if not isinstance(self.emails, Unset):
            emails = self.emails



        external_ids: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.external_ids, Unset):
            external_ids = []
            for componentsschemas_external_ids_item_data in self.external_ids:
                componentsschemas_external_ids_item = componentsschemas_external_ids_item_data.to_dict()
                external_ids.append(componentsschemas_external_ids_item)



        how_we_met: None | str | Unset
        if isinstance(self.how_we_met, Unset):
            how_we_met = UNSET
        else:
            how_we_met = self.how_we_met

        important_dates: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.important_dates, Unset):
            important_dates = []
            for componentsschemas_important_dates_item_data in self.important_dates:
                componentsschemas_important_dates_item = componentsschemas_important_dates_item_data.to_dict()
                important_dates.append(componentsschemas_important_dates_item)



        industry: None | str | Unset
        if isinstance(self.industry, Unset):
            industry = UNSET
        else:
            industry = self.industry

        last_name: None | str | Unset
        if isinstance(self.last_name, Unset):
            last_name = UNSET
        else:
            last_name = self.last_name

        met_through_id: None | str | Unset
        if isinstance(self.met_through_id, Unset):
            met_through_id = UNSET
        elif isinstance(self.met_through_id, UUID):
            met_through_id = str(self.met_through_id)
        else:
            met_through_id = self.met_through_id

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        owner_id: None | str | Unset
        if isinstance(self.owner_id, Unset):
            owner_id = UNSET
        elif isinstance(self.owner_id, UUID):
            owner_id = str(self.owner_id)
        else:
            owner_id = self.owner_id

        phones: list[str] | Unset = UNSET
        if not isinstance(self.phones, Unset):
            phones = self.phones



        profession: None | str | Unset
        if isinstance(self.profession, Unset):
            profession = UNSET
        else:
            profession = self.profession

        relationship_kind: str | Unset = UNSET
        if not isinstance(self.relationship_kind, Unset):
            relationship_kind = self.relationship_kind.value


        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags



        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        trust: int | None | Unset
        if isinstance(self.trust, Unset):
            trust = UNSET
        else:
            trust = self.trust


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "first_name": first_name,
        })
        if birthday is not UNSET:
            field_dict["birthday"] = birthday
        if cadence_days is not UNSET:
            field_dict["cadence_days"] = cadence_days
        if company is not UNSET:
            field_dict["company"] = company
        if emails is not UNSET:
            field_dict["emails"] = emails
        if external_ids is not UNSET:
            field_dict["external_ids"] = external_ids
        if how_we_met is not UNSET:
            field_dict["how_we_met"] = how_we_met
        if important_dates is not UNSET:
            field_dict["important_dates"] = important_dates
        if industry is not UNSET:
            field_dict["industry"] = industry
        if last_name is not UNSET:
            field_dict["last_name"] = last_name
        if met_through_id is not UNSET:
            field_dict["met_through_id"] = met_through_id
        if notes is not UNSET:
            field_dict["notes"] = notes
        if owner_id is not UNSET:
            field_dict["owner_id"] = owner_id
        if phones is not UNSET:
            field_dict["phones"] = phones
        if profession is not UNSET:
            field_dict["profession"] = profession
        if relationship_kind is not UNSET:
            field_dict["relationship_kind"] = relationship_kind
        if tags is not UNSET:
            field_dict["tags"] = tags
        if title is not UNSET:
            field_dict["title"] = title
        if trust is not UNSET:
            field_dict["trust"] = trust

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.birthday import Birthday # noqa: PLC0415
        from ..models.external_id import ExternalId # noqa: PLC0415
        from ..models.important_date import ImportantDate # noqa: PLC0415
        d = dict(src_dict)
        first_name = d.pop("first_name")

        def _parse_birthday(data: object) -> Birthday | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                birthday_type_1 = Birthday.from_dict(data)



                return birthday_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Birthday | None | Unset, data)

        birthday = _parse_birthday(d.pop("birthday", UNSET))


        def _parse_cadence_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        cadence_days = _parse_cadence_days(d.pop("cadence_days", UNSET))


        def _parse_company(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        company = _parse_company(d.pop("company", UNSET))


        emails = cast(list[str], d.pop("emails", UNSET))


        _external_ids = d.pop("external_ids", UNSET)
        external_ids: list[ExternalId] | Unset = UNSET
        if _external_ids is not UNSET:
            external_ids = []
            for componentsschemas_external_ids_item_data in _external_ids:
                componentsschemas_external_ids_item = ExternalId.from_dict(componentsschemas_external_ids_item_data)



                external_ids.append(componentsschemas_external_ids_item)


        def _parse_how_we_met(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        how_we_met = _parse_how_we_met(d.pop("how_we_met", UNSET))


        _important_dates = d.pop("important_dates", UNSET)
        important_dates: list[ImportantDate] | Unset = UNSET
        if _important_dates is not UNSET:
            important_dates = []
            for componentsschemas_important_dates_item_data in _important_dates:
                componentsschemas_important_dates_item = ImportantDate.from_dict(componentsschemas_important_dates_item_data)



                important_dates.append(componentsschemas_important_dates_item)


        def _parse_industry(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        industry = _parse_industry(d.pop("industry", UNSET))


        def _parse_last_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_name = _parse_last_name(d.pop("last_name", UNSET))


        def _parse_met_through_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                met_through_id_type_0 = UUID(data)



                return met_through_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        met_through_id = _parse_met_through_id(d.pop("met_through_id", UNSET))


        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))


        def _parse_owner_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                owner_id_type_0 = UUID(data)



                return owner_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        owner_id = _parse_owner_id(d.pop("owner_id", UNSET))


        phones = cast(list[str], d.pop("phones", UNSET))


        def _parse_profession(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        profession = _parse_profession(d.pop("profession", UNSET))


        _relationship_kind = d.pop("relationship_kind", UNSET)
        relationship_kind: RelationshipKind | Unset
        if isinstance(_relationship_kind,  Unset):
            relationship_kind = UNSET
        else:
            relationship_kind = RelationshipKind(_relationship_kind)




        tags = cast(list[str], d.pop("tags", UNSET))


        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))


        def _parse_trust(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        trust = _parse_trust(d.pop("trust", UNSET))


        new_contact = cls(
            first_name=first_name,
            birthday=birthday,
            cadence_days=cadence_days,
            company=company,
            emails=emails,
            external_ids=external_ids,
            how_we_met=how_we_met,
            important_dates=important_dates,
            industry=industry,
            last_name=last_name,
            met_through_id=met_through_id,
            notes=notes,
            owner_id=owner_id,
            phones=phones,
            profession=profession,
            relationship_kind=relationship_kind,
            tags=tags,
            title=title,
            trust=trust,
        )

        return new_contact

