from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.invitation_status import InvitationStatus
from ..models.role import Role
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="Invitation")



@_attrs_define
class Invitation:
    """ An invitation as its workspace's admins see it.

        Attributes:
            created_at (datetime.datetime):
            email (str):  Example: sam@example.com.
            expires_at (datetime.datetime):
            id (UUID):
            invited_by (UUID): The member who sent it.
            role (Role): What a member may do: owners and admins manage members, members change the
                network, viewers only read.
            status (InvitationStatus): `pending` until accepted, declined or revoked; a pending one past its expiry is
                shown as `expired`.
            updated_at (datetime.datetime):
     """

    created_at: datetime.datetime
    email: str
    expires_at: datetime.datetime
    id: UUID
    invited_by: UUID
    role: Role
    status: InvitationStatus
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        email = self.email

        expires_at = self.expires_at.isoformat()

        id = str(self.id)

        invited_by = str(self.invited_by)

        role = self.role.value

        status = self.status.value

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created_at": created_at,
            "email": email,
            "expires_at": expires_at,
            "id": id,
            "invited_by": invited_by,
            "role": role,
            "status": status,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        email = d.pop("email")

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))




        id = UUID(d.pop("id"))




        invited_by = UUID(d.pop("invited_by"))




        role = Role(d.pop("role"))




        status = InvitationStatus(d.pop("status"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        invitation = cls(
            created_at=created_at,
            email=email,
            expires_at=expires_at,
            id=id,
            invited_by=invited_by,
            role=role,
            status=status,
            updated_at=updated_at,
        )


        invitation.additional_properties = d
        return invitation

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
