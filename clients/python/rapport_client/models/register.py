from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="Register")



@_attrs_define
class Register:
    """ 
        Example:
            {'email': 'dana@example.com', 'name': 'Dana Whitfield', 'password': 'correct horse battery', 'workspace_name':
                'Whitfield Advisory'}

        Attributes:
            email (str): An email address; stored lower-cased.
            name (str): Trimmed text, 1 to 200 characters, on one line.
            password (str):
            workspace_name (str): Trimmed text, 1 to 200 characters, on one line.
     """

    email: str
    name: str
    password: str
    workspace_name: str





    def to_dict(self) -> dict[str, Any]:
        email = self.email

        name = self.name

        password = self.password

        workspace_name = self.workspace_name


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "email": email,
            "name": name,
            "password": password,
            "workspace_name": workspace_name,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        name = d.pop("name")

        password = d.pop("password")

        workspace_name = d.pop("workspace_name")

        register = cls(
            email=email,
            name=name,
            password=password,
            workspace_name=workspace_name,
        )

        return register

