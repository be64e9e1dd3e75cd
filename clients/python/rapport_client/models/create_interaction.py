from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.create_op import CreateOp
from typing import cast

if TYPE_CHECKING:
  from ..models.new_interaction import NewInteraction





T = TypeVar("T", bound="CreateInteraction")



@_attrs_define
class CreateInteraction:
    """ Adds an interaction, as `POST /v1/interactions` does.

        Attributes:
            interaction (NewInteraction): A touch to log. Example: {'channel': 'in_person', 'contact_ids':
                ['01a20ab6-5a7b-7445-bdfa-051d68be7186'], 'kind': 'shared_content', 'occurred_at': '2026-11-20T16:30:00Z',
                'summary': 'Gave her the podcast episode on warehouse automation'}.
            op (CreateOp): Names a create.
     """

    interaction: NewInteraction
    op: CreateOp





    def to_dict(self) -> dict[str, Any]:
        from ..models.new_interaction import NewInteraction # noqa: PLC0415
        interaction = self.interaction.to_dict()

        op = self.op.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "interaction": interaction,
            "op": op,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.new_interaction import NewInteraction # noqa: PLC0415
        d = dict(src_dict)
        interaction = NewInteraction.from_dict(d.pop("interaction"))




        op = CreateOp(d.pop("op"))




        create_interaction = cls(
            interaction=interaction,
            op=op,
        )

        return create_interaction

