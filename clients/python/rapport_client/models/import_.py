from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.format_ import Format
from ..models.import_status import ImportStatus
from ..models.on_match import OnMatch
from ..models.preset import Preset
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="Import")



@_attrs_define
class Import:
    """ An import job and how far it got.

        Example:
            {'created': 1150, 'created_at': '2026-12-06T09:00:00Z', 'dry_run': False, 'error': None, 'failed': 8,
                'finished_at': '2026-12-06T09:00:02Z', 'format': 'csv', 'id': '0193a5c2-7d1e-7c3a-9f4e-2b8d6a1c0e57',
                'on_match': 'update', 'preset': 'linkedin', 'processed': 1200, 'skipped': 12, 'status': 'succeeded', 'total':
                1200, 'unknown_columns': [], 'updated': 30, 'updated_at': '2026-12-06T09:00:02Z'}

        Attributes:
            create_attendees (bool): Calendars: whether attendees who match no contact were added as prospects.
            created (int): Contacts created; for a calendar, meetings logged as interactions.
            created_at (datetime.datetime):
            dry_run (bool): A dry run reports what the import would do and writes nothing.
            error (None | str): Why the job failed, when it did.
            failed (int): Refused; `GET /v1/imports/{id}/errors` says which and why.
            finished_at (datetime.datetime | None):
            format_ (Format): The kind of file an import reads.
            id (UUID):
            on_match (OnMatch): What an import does with a record that matches a contact (by external id, then by
                email).
            preset (Preset): The column layout an import read: one recognised from the header row, or the
                caller's `mapping`.
            processed (int): Records done so far: `created + updated + skipped + failed`.
            skipped (int): Matched a contact and changed nothing (`on_match=skip`, or nothing new to fill);
                for a calendar, a meeting already logged or with no attendee among the contacts.
            status (ImportStatus): Where an import job is.
            total (int): Records in the file: contacts, or a calendar's meetings that took place (each past
                occurrence of an event with attendees).
            unknown_columns (list[str]): Columns of the header that no field reads.
            unmatched_attendees (list[str]): Calendars: the attendees' addresses that matched no contact (the first
                thousand),
                unless `create_attendees` added them.
            updated (int): Matched a contact and filled some of what it left empty.
            updated_at (datetime.datetime):
     """

    create_attendees: bool
    created: int
    created_at: datetime.datetime
    dry_run: bool
    error: None | str
    failed: int
    finished_at: datetime.datetime | None
    format_: Format
    id: UUID
    on_match: OnMatch
    preset: Preset
    processed: int
    skipped: int
    status: ImportStatus
    total: int
    unknown_columns: list[str]
    unmatched_attendees: list[str]
    updated: int
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        create_attendees = self.create_attendees

        created = self.created

        created_at = self.created_at.isoformat()

        dry_run = self.dry_run

        error: None | str
        error = self.error

        failed = self.failed

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        format_ = self.format_.value

        id = str(self.id)

        on_match = self.on_match.value

        preset = self.preset.value

        processed = self.processed

        skipped = self.skipped

        status = self.status.value

        total = self.total

        unknown_columns = self.unknown_columns



        unmatched_attendees = self.unmatched_attendees



        updated = self.updated

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "create_attendees": create_attendees,
            "created": created,
            "created_at": created_at,
            "dry_run": dry_run,
            "error": error,
            "failed": failed,
            "finished_at": finished_at,
            "format": format_,
            "id": id,
            "on_match": on_match,
            "preset": preset,
            "processed": processed,
            "skipped": skipped,
            "status": status,
            "total": total,
            "unknown_columns": unknown_columns,
            "unmatched_attendees": unmatched_attendees,
            "updated": updated,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        create_attendees = d.pop("create_attendees")

        created = d.pop("created")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        dry_run = d.pop("dry_run")

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))


        failed = d.pop("failed")

        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)



                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))


        format_ = Format(d.pop("format"))




        id = UUID(d.pop("id"))




        on_match = OnMatch(d.pop("on_match"))




        preset = Preset(d.pop("preset"))




        processed = d.pop("processed")

        skipped = d.pop("skipped")

        status = ImportStatus(d.pop("status"))




        total = d.pop("total")

        unknown_columns = cast(list[str], d.pop("unknown_columns"))


        unmatched_attendees = cast(list[str], d.pop("unmatched_attendees"))


        updated = d.pop("updated")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        import_ = cls(
            create_attendees=create_attendees,
            created=created,
            created_at=created_at,
            dry_run=dry_run,
            error=error,
            failed=failed,
            finished_at=finished_at,
            format_=format_,
            id=id,
            on_match=on_match,
            preset=preset,
            processed=processed,
            skipped=skipped,
            status=status,
            total=total,
            unknown_columns=unknown_columns,
            unmatched_attendees=unmatched_attendees,
            updated=updated,
            updated_at=updated_at,
        )


        import_.additional_properties = d
        return import_

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
