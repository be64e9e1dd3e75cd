from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.role import Role
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="NewInvitation")



@_attrs_define
class NewInvitation:
    """ An invitation to send.

        Example:
            {'email': 'sam@example.com', 'role': 'member'}

        Attributes:
            email (str): An email address; stored lower-cased.
            role (Role): What a member may do: owners and admins manage members, members change the
                network, viewers only read.
            expires_in_days (int | None | Unset):
     """

    email: str
    role: Role
    expires_in_days: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        email = self.email

        role = self.role.value

        expires_in_days: int | None | Unset
        if isinstance(self.expires_in_days, Unset):
            expires_in_days = UNSET
        else:
            expires_in_days = self.expires_in_days


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "email": email,
            "role": role,
        })
        if expires_in_days is not UNSET:
            field_dict["expires_in_days"] = expires_in_days

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        role = Role(d.pop("role"))




        def _parse_expires_in_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        expires_in_days = _parse_expires_in_days(d.pop("expires_in_days", UNSET))


        new_invitation = cls(
            email=email,
            role=role,
            expires_in_days=expires_in_days,
        )

        return new_invitation

