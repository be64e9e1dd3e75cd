from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.create_interaction import CreateInteraction
  from ..models.delete_interaction import DeleteInteraction
  from ..models.update_interaction import UpdateInteraction
  from ..models.upsert_interaction import UpsertInteraction





T = TypeVar("T", bound="InteractionBatch")



@_attrs_define
class InteractionBatch:
    """ A batch of interaction operations.

        Example:
            {'atomic': False, 'operations': [{'external_id': {'id': 'call-88', 'system': 'hubspot'}, 'interaction':
                {'channel': 'phone', 'contact_ids': ['01a20ab6-5a7b-7445-bdfa-051d68be7186'], 'kind': 'catch_up', 'occurred_at':
                '2026-11-20T16:30:00Z'}, 'op': 'upsert'}, {'id': '0193a5c2-7d1e-7c3a-9f4e-2b8d6a1c0e57', 'if_match': 3,
                'interaction': {'summary': 'Talked about her move to Lisbon'}, 'op': 'update'}, {'id':
                '0193a5c2-7d1e-7c3a-9f4e-2b8d6a1c0e58', 'op': 'delete'}]}

        Attributes:
            operations (list[CreateInteraction | DeleteInteraction | UpdateInteraction | UpsertInteraction]): 1 to 100
                operations, done in order.
            atomic (bool | Unset): All or nothing: the first operation that fails undoes the others, and the answer is
                that operation's problem, naming it (`/operations/3/…`). Otherwise (the default)
                each operation stands alone and the answer lists every outcome.
     """

    operations: list[CreateInteraction | DeleteInteraction | UpdateInteraction | UpsertInteraction]
    atomic: bool | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.create_interaction import CreateInteraction # noqa: PLC0415
        from ..models.delete_interaction import DeleteInteraction # noqa: PLC0415
        from ..models.update_interaction import UpdateInteraction # noqa: PLC0415
        from ..models.upsert_interaction import UpsertInteraction # noqa: PLC0415
        operations = []
        for operations_item_data in self.operations:
            operations_item: dict[str, Any]
            if isinstance(operations_item_data, CreateInteraction):
                operations_item = operations_item_data.to_dict()
            elif isinstance(operations_item_data, UpdateInteraction):
                operations_item = operations_item_data.to_dict()
            elif isinstance(operations_item_data, UpsertInteraction):
                operations_item = operations_item_data.to_dict()
            else:
                operations_item = operations_item_data.to_dict()

            operations.append(operations_item)



        atomic = self.atomic


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "operations": operations,
        })
        if atomic is not UNSET:
            field_dict["atomic"] = atomic

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.create_interaction import CreateInteraction # noqa: PLC0415
        from ..models.delete_interaction import DeleteInteraction # noqa: PLC0415
        from ..models.update_interaction import UpdateInteraction # noqa: PLC0415
        from ..models.upsert_interaction import UpsertInteraction # noqa: PLC0415
        d = dict(src_dict)
        operations = []
        _operations = d.pop("operations")
        for operations_item_data in (_operations):
            def _parse_operations_item(data: object) -> CreateInteraction | DeleteInteraction | UpdateInteraction | UpsertInteraction:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_interaction_operation_type_0 = CreateInteraction.from_dict(data)



                    return componentsschemas_interaction_operation_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_interaction_operation_type_1 = UpdateInteraction.from_dict(data)



                    return componentsschemas_interaction_operation_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_interaction_operation_type_2 = UpsertInteraction.from_dict(data)



                    return componentsschemas_interaction_operation_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_interaction_operation_type_3 = DeleteInteraction.from_dict(data)



                return componentsschemas_interaction_operation_type_3

            operations_item = _parse_operations_item(operations_item_data)

            operations.append(operations_item)


        atomic = d.pop("atomic", UNSET)

        interaction_batch = cls(
            operations=operations,
            atomic=atomic,
        )

        return interaction_batch

