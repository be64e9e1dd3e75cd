from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.update_op import UpdateOp
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.contact_patch import ContactPatch





T = TypeVar("T", bound="UpdateContact")



@_attrs_define
class UpdateContact:
    """ Changes a contact, as `PATCH /v1/contacts/{id}` does.

        Attributes:
            contact (ContactPatch): Changes to a contact: absent fields stay as they are, `null` clears an optional field.
                Example: {'notes': None, 'tags': ['board-connected'], 'title': 'COO', 'trust': 5}.
            id (UUID):
            op (UpdateOp): Names an update.
            if_match (int | None | Unset): The version you read: the operation fails with 412 if the contact changed since.
     """

    contact: ContactPatch
    id: UUID
    op: UpdateOp
    if_match: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.contact_patch import ContactPatch # noqa: PLC0415
        contact = self.contact.to_dict()

        id = str(self.id)

        op = self.op.value

        if_match: int | None | Unset
        if isinstance(self.if_match, Unset):
            if_match = UNSET
        else:
            if_match = self.if_match


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "contact": contact,
            "id": id,
            "op": op,
        })
        if if_match is not UNSET:
            field_dict["if_match"] = if_match

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact_patch import ContactPatch # noqa: PLC0415
        d = dict(src_dict)
        contact = ContactPatch.from_dict(d.pop("contact"))




        id = UUID(d.pop("id"))




        op = UpdateOp(d.pop("op"))




        def _parse_if_match(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        if_match = _parse_if_match(d.pop("if_match", UNSET))


        update_contact = cls(
            contact=contact,
            id=id,
            op=op,
            if_match=if_match,
        )

        return update_contact

