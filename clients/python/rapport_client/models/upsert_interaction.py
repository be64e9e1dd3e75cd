from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.upsert_op import UpsertOp
from typing import cast

if TYPE_CHECKING:
  from ..models.external_id import ExternalId
  from ..models.interaction_patch import InteractionPatch





T = TypeVar("T", bound="UpsertInteraction")



@_attrs_define
class UpsertInteraction:
    """ Creates or changes the interaction another system knows by `external_id`, as
    `PUT /v1/interactions/by-external-id/{system}/{id}` does.

        Attributes:
            external_id (ExternalId): One id a resource has in another system. Example: {'id': '5012', 'system': 'hubspot'}.
            interaction (InteractionPatch): Changes to an interaction: absent fields stay, `null` clears `summary` or
                `notes`. Example: {'planned': False, 'summary': 'Lunch happened; she offered two introductions'}.
            op (UpsertOp): Names an upsert.
     """

    external_id: ExternalId
    interaction: InteractionPatch
    op: UpsertOp





    def to_dict(self) -> dict[str, Any]:
        from ..models.external_id import ExternalId # noqa: PLC0415
        from ..models.interaction_patch import InteractionPatch # noqa: PLC0415
        external_id = self.external_id.to_dict()

        interaction = self.interaction.to_dict()

        op = self.op.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "external_id": external_id,
            "interaction": interaction,
            "op": op,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.external_id import ExternalId # noqa: PLC0415
        from ..models.interaction_patch import InteractionPatch # noqa: PLC0415
        d = dict(src_dict)
        external_id = ExternalId.from_dict(d.pop("external_id"))




        interaction = InteractionPatch.from_dict(d.pop("interaction"))




        op = UpsertOp(d.pop("op"))




        upsert_interaction = cls(
            external_id=external_id,
            interaction=interaction,
            op=op,
        )

        return upsert_interaction

