from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.delete_op import DeleteOp
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="DeleteInteraction")



@_attrs_define
class DeleteInteraction:
    """ Deletes an interaction, as `DELETE /v1/interactions/{id}` does.

        Attributes:
            id (UUID):
            op (DeleteOp): Names a deletion.
            if_match (int | None | Unset): The version you read: the operation fails with 412 if the interaction changed
                since.
     """

    id: UUID
    op: DeleteOp
    if_match: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        op = self.op.value

        if_match: int | None | Unset
        if isinstance(self.if_match, Unset):
            if_match = UNSET
        else:
            if_match = self.if_match


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "op": op,
        })
        if if_match is not UNSET:
            field_dict["if_match"] = if_match

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        op = DeleteOp(d.pop("op"))




        def _parse_if_match(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        if_match = _parse_if_match(d.pop("if_match", UNSET))


        delete_interaction = cls(
            id=id,
            op=op,
            if_match=if_match,
        )

        return delete_interaction

