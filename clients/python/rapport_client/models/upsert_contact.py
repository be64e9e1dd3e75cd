from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.upsert_op import UpsertOp
from typing import cast

if TYPE_CHECKING:
  from ..models.contact_patch import ContactPatch
  from ..models.external_id import ExternalId





T = TypeVar("T", bound="UpsertContact")



@_attrs_define
class UpsertContact:
    """ Creates or changes the contact another system knows by `external_id`, as
    `PUT /v1/contacts/by-external-id/{system}/{id}` does.

        Attributes:
            contact (ContactPatch): Changes to a contact: absent fields stay as they are, `null` clears an optional field.
                Example: {'notes': None, 'tags': ['board-connected'], 'title': 'COO', 'trust': 5}.
            external_id (ExternalId): One id a resource has in another system. Example: {'id': '5012', 'system': 'hubspot'}.
            op (UpsertOp): Names an upsert.
     """

    contact: ContactPatch
    external_id: ExternalId
    op: UpsertOp





    def to_dict(self) -> dict[str, Any]:
        from ..models.contact_patch import ContactPatch # noqa: PLC0415
        from ..models.external_id import ExternalId # noqa: PLC0415
        contact = self.contact.to_dict()

        external_id = self.external_id.to_dict()

        op = self.op.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "contact": contact,
            "external_id": external_id,
            "op": op,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact_patch import ContactPatch # noqa: PLC0415
        from ..models.external_id import ExternalId # noqa: PLC0415
        d = dict(src_dict)
        contact = ContactPatch.from_dict(d.pop("contact"))




        external_id = ExternalId.from_dict(d.pop("external_id"))




        op = UpsertOp(d.pop("op"))




        upsert_contact = cls(
            contact=contact,
            external_id=external_id,
            op=op,
        )

        return upsert_contact

