from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.role import Role
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.user import User
  from ..models.workspace import Workspace





T = TypeVar("T", bound="Session")



@_attrs_define
class Session:
    """ Tokens for one user in one workspace.

        Attributes:
            access_token (str): Send as `Authorization: Bearer <access_token>`.
            expires_in (int): Seconds until the access token expires. Example: 900.
            member_id (UUID):
            refresh_token (str): Trade it at `POST /v1/auth/refresh` for new tokens; it works once.
            refresh_token_expires_at (datetime.datetime):
            role (Role): What a member may do: owners and admins manage members, members change the
                network, viewers only read.
            token_type (str):  Example: Bearer.
            user (User):
            workspace (Workspace): A workspace: one team's shared network.
     """

    access_token: str
    expires_in: int
    member_id: UUID
    refresh_token: str
    refresh_token_expires_at: datetime.datetime
    role: Role
    token_type: str
    user: User
    workspace: Workspace
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.user import User # noqa: PLC0415
        from ..models.workspace import Workspace # noqa: PLC0415
        access_token = self.access_token

        expires_in = self.expires_in

        member_id = str(self.member_id)

        refresh_token = self.refresh_token

        refresh_token_expires_at = self.refresh_token_expires_at.isoformat()

        role = self.role.value

        token_type = self.token_type

        user = self.user.to_dict()

        workspace = self.workspace.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "access_token": access_token,
            "expires_in": expires_in,
            "member_id": member_id,
            "refresh_token": refresh_token,
            "refresh_token_expires_at": refresh_token_expires_at,
            "role": role,
            "token_type": token_type,
            "user": user,
            "workspace": workspace,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.user import User # noqa: PLC0415
        from ..models.workspace import Workspace # noqa: PLC0415
        d = dict(src_dict)
        access_token = d.pop("access_token")

        expires_in = d.pop("expires_in")

        member_id = UUID(d.pop("member_id"))




        refresh_token = d.pop("refresh_token")

        refresh_token_expires_at = datetime.datetime.fromisoformat(d.pop("refresh_token_expires_at"))




        role = Role(d.pop("role"))




        token_type = d.pop("token_type")

        user = User.from_dict(d.pop("user"))




        workspace = Workspace.from_dict(d.pop("workspace"))




        session = cls(
            access_token=access_token,
            expires_in=expires_in,
            member_id=member_id,
            refresh_token=refresh_token,
            refresh_token_expires_at=refresh_token_expires_at,
            role=role,
            token_type=token_type,
            user=user,
            workspace=workspace,
        )


        session.additional_properties = d
        return session

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
