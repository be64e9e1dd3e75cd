from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="Snooze")



@_attrs_define
class Snooze:
    """ An action put aside.

        Attributes:
            action_id (str): An agenda action's id: `touch:<contact id>`, `occasion:<contact id>:<date>`,
                `thank:<introduction id>`, `outcome:<introduction id>` or `follow_up:<referral request id>`.
            contact_id (UUID):
            created_at (datetime.datetime):
            created_by (UUID): The member who put it aside.
            id (UUID):
            until (datetime.datetime | None): Hidden until then; null when dismissed (until the next interaction).
     """

    action_id: str
    contact_id: UUID
    created_at: datetime.datetime
    created_by: UUID
    id: UUID
    until: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        action_id = self.action_id

        contact_id = str(self.contact_id)

        created_at = self.created_at.isoformat()

        created_by = str(self.created_by)

        id = str(self.id)

        until: None | str
        if isinstance(self.until, datetime.datetime):
            until = self.until.isoformat()
        else:
            until = self.until


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "action_id": action_id,
            "contact_id": contact_id,
            "created_at": created_at,
            "created_by": created_by,
            "id": id,
            "until": until,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action_id = d.pop("action_id")

        contact_id = UUID(d.pop("contact_id"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        created_by = UUID(d.pop("created_by"))




        id = UUID(d.pop("id"))




        def _parse_until(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                until_type_0 = datetime.datetime.fromisoformat(data)



                return until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        until = _parse_until(d.pop("until"))


        snooze = cls(
            action_id=action_id,
            contact_id=contact_id,
            created_at=created_at,
            created_by=created_by,
            id=id,
            until=until,
        )


        snooze.additional_properties = d
        return snooze

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
