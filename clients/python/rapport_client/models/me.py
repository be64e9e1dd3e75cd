from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.role import Role
from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.user import User
  from ..models.workspace import Workspace
  from ..models.workspace_membership import WorkspaceMembership





T = TypeVar("T", bound="Me")



@_attrs_define
class Me:
    """ 
        Attributes:
            member_id (UUID):
            role (Role): What a member may do: owners and admins manage members, members change the
                network, viewers only read.
            user (User):
            workspace (Workspace): A workspace: one team's shared network.
            workspaces (list[WorkspaceMembership]): Every workspace you belong to; log in with `workspace_id` to switch.
     """

    member_id: UUID
    role: Role
    user: User
    workspace: Workspace
    workspaces: list[WorkspaceMembership]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.user import User # noqa: PLC0415
        from ..models.workspace import Workspace # noqa: PLC0415
        from ..models.workspace_membership import WorkspaceMembership # noqa: PLC0415
        member_id = str(self.member_id)

        role = self.role.value

        user = self.user.to_dict()

        workspace = self.workspace.to_dict()

        workspaces = []
        for workspaces_item_data in self.workspaces:
            workspaces_item = workspaces_item_data.to_dict()
            workspaces.append(workspaces_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "member_id": member_id,
            "role": role,
            "user": user,
            "workspace": workspace,
            "workspaces": workspaces,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.user import User # noqa: PLC0415
        from ..models.workspace import Workspace # noqa: PLC0415
        from ..models.workspace_membership import WorkspaceMembership # noqa: PLC0415
        d = dict(src_dict)
        member_id = UUID(d.pop("member_id"))




        role = Role(d.pop("role"))




        user = User.from_dict(d.pop("user"))




        workspace = Workspace.from_dict(d.pop("workspace"))




        workspaces = []
        _workspaces = d.pop("workspaces")
        for workspaces_item_data in (_workspaces):
            workspaces_item = WorkspaceMembership.from_dict(workspaces_item_data)



            workspaces.append(workspaces_item)


        me = cls(
            member_id=member_id,
            role=role,
            user=user,
            workspace=workspace,
            workspaces=workspaces,
        )


        me.additional_properties = d
        return me

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
