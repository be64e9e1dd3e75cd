from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.request_status import RequestStatus
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="StatusChange")



@_attrs_define
class StatusChange:
    """ One status a request took.

        Attributes:
            at (datetime.datetime):
            member_id (UUID): The member who moved it.
            status (RequestStatus): Where an ask stands: `planned → asked → agreed → introduced → meeting_held → won |
                lost`, or `declined` by the referrer, or `withdrawn` by us.
     """

    at: datetime.datetime
    member_id: UUID
    status: RequestStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        member_id = str(self.member_id)

        status = self.status.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "at": at,
            "member_id": member_id,
            "status": status,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))




        member_id = UUID(d.pop("member_id"))




        status = RequestStatus(d.pop("status"))




        status_change = cls(
            at=at,
            member_id=member_id,
            status=status,
        )


        status_change.additional_properties = d
        return status_change

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
