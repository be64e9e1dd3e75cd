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
  from ..models.workspace import Workspace





T = TypeVar("T", bound="Joined")



@_attrs_define
class Joined:
    """ What accepting gives: a membership; log in with its `workspace.id` to act there.

        Attributes:
            member_id (UUID):
            role (Role): What a member may do: owners and admins manage members, members change the
                network, viewers only read.
            workspace (Workspace): A workspace: one team's shared network.
     """

    member_id: UUID
    role: Role
    workspace: Workspace
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.workspace import Workspace # noqa: PLC0415
        member_id = str(self.member_id)

        role = self.role.value

        workspace = self.workspace.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "member_id": member_id,
            "role": role,
            "workspace": workspace,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.workspace import Workspace # noqa: PLC0415
        d = dict(src_dict)
        member_id = UUID(d.pop("member_id"))




        role = Role(d.pop("role"))




        workspace = Workspace.from_dict(d.pop("workspace"))




        joined = cls(
            member_id=member_id,
            role=role,
            workspace=workspace,
        )


        joined.additional_properties = d
        return joined

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
