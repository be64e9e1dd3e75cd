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
  from ..models.interaction_patch import InteractionPatch





T = TypeVar("T", bound="UpdateInteraction")



@_attrs_define
class UpdateInteraction:
    """ Changes an interaction, as `PATCH /v1/interactions/{id}` does.

        Attributes:
            id (UUID):
            interaction (InteractionPatch): Changes to an interaction: absent fields stay, `null` clears `summary` or
                `notes`. Example: {'planned': False, 'summary': 'Lunch happened; she offered two introductions'}.
            op (UpdateOp): Names an update.
            if_match (int | None | Unset): The version you read: the operation fails with 412 if the interaction changed
                since.
     """

    id: UUID
    interaction: InteractionPatch
    op: UpdateOp
    if_match: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.interaction_patch import InteractionPatch # noqa: PLC0415
        id = str(self.id)

        interaction = self.interaction.to_dict()

        op = self.op.value

        if_match: int | None | Unset
        if isinstance(self.if_match, Unset):
            if_match = UNSET
        else:
            if_match = self.if_match


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "interaction": interaction,
            "op": op,
        })
        if if_match is not UNSET:
            field_dict["if_match"] = if_match

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.interaction_patch import InteractionPatch # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        interaction = InteractionPatch.from_dict(d.pop("interaction"))




        op = UpdateOp(d.pop("op"))




        def _parse_if_match(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        if_match = _parse_if_match(d.pop("if_match", UNSET))


        update_interaction = cls(
            id=id,
            interaction=interaction,
            op=op,
            if_match=if_match,
        )

        return update_interaction

