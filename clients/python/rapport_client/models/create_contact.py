from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.create_op import CreateOp
from typing import cast

if TYPE_CHECKING:
  from ..models.new_contact import NewContact





T = TypeVar("T", bound="CreateContact")



@_attrs_define
class CreateContact:
    """ Adds a contact, as `POST /v1/contacts` does.

        Attributes:
            contact (NewContact): Everything a user can set on a contact, valid by construction. Example: {'birthday':
                {'day': 14, 'month': 3}, 'cadence_days': 21, 'company': 'Northwind Logistics', 'emails':
                ['priya@northwind.example'], 'first_name': 'Priya', 'how_we_met': 'Panel at the regional supply-chain summit',
                'industry': 'Logistics', 'last_name': 'Raman', 'notes': 'Prefers calls before 9am.', 'phones': ['+1 415 555
                0134'], 'profession': 'Operations executive', 'relationship_kind': 'client', 'tags': ['board-connected',
                'golf'], 'title': 'VP Operations', 'trust': 4}.
            op (CreateOp): Names a create.
     """

    contact: NewContact
    op: CreateOp





    def to_dict(self) -> dict[str, Any]:
        from ..models.new_contact import NewContact # noqa: PLC0415
        contact = self.contact.to_dict()

        op = self.op.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "contact": contact,
            "op": op,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.new_contact import NewContact # noqa: PLC0415
        d = dict(src_dict)
        contact = NewContact.from_dict(d.pop("contact"))




        op = CreateOp(d.pop("op"))




        create_contact = cls(
            contact=contact,
            op=op,
        )

        return create_contact

