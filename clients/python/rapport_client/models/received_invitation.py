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
  from ..models.workspace import Workspace





T = TypeVar("T", bound="ReceivedInvitation")



@_attrs_define
class ReceivedInvitation:
    """ An invitation as the invited person sees it: which workspace, what role.

        Attributes:
            expires_at (datetime.datetime):
            id (UUID):
            invited_by_name (str): Who invited you. Example: Dana Whitfield.
            role (Role): What a member may do: owners and admins manage members, members change the
                network, viewers only read.
            workspace (Workspace): A workspace: one team's shared network.
     """

    expires_at: datetime.datetime
    id: UUID
    invited_by_name: str
    role: Role
    workspace: Workspace
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.workspace import Workspace # noqa: PLC0415
        expires_at = self.expires_at.isoformat()

        id = str(self.id)

        invited_by_name = self.invited_by_name

        role = self.role.value

        workspace = self.workspace.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "expires_at": expires_at,
            "id": id,
            "invited_by_name": invited_by_name,
            "role": role,
            "workspace": workspace,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.workspace import Workspace # noqa: PLC0415
        d = dict(src_dict)
        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))




        id = UUID(d.pop("id"))




        invited_by_name = d.pop("invited_by_name")

        role = Role(d.pop("role"))




        workspace = Workspace.from_dict(d.pop("workspace"))




        received_invitation = cls(
            expires_at=expires_at,
            id=id,
            invited_by_name=invited_by_name,
            role=role,
            workspace=workspace,
        )


        received_invitation.additional_properties = d
        return received_invitation

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
