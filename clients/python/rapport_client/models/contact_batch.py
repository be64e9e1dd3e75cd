from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.create_contact import CreateContact
  from ..models.delete_contact import DeleteContact
  from ..models.update_contact import UpdateContact
  from ..models.upsert_contact import UpsertContact





T = TypeVar("T", bound="ContactBatch")



@_attrs_define
class ContactBatch:
    """ A batch of contact operations.

        Example:
            {'atomic': False, 'operations': [{'contact': {'emails': ['priya@example.com'], 'first_name': 'Priya'},
                'external_id': {'id': '5012', 'system': 'hubspot'}, 'op': 'upsert'}, {'contact': {'title': 'COO'}, 'id':
                '0193a5c2-7d1e-7c3a-9f4e-2b8d6a1c0e57', 'if_match': 3, 'op': 'update'}, {'id':
                '0193a5c2-7d1e-7c3a-9f4e-2b8d6a1c0e58', 'op': 'delete'}]}

        Attributes:
            operations (list[CreateContact | DeleteContact | UpdateContact | UpsertContact]): 1 to 100 operations, done in
                order.
            atomic (bool | Unset): All or nothing: the first operation that fails undoes the others, and the answer is
                that operation's problem, naming it (`/operations/3/…`). Otherwise (the default)
                each operation stands alone and the answer lists every outcome.
     """

    operations: list[CreateContact | DeleteContact | UpdateContact | UpsertContact]
    atomic: bool | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.create_contact import CreateContact # noqa: PLC0415
        from ..models.delete_contact import DeleteContact # noqa: PLC0415
        from ..models.update_contact import UpdateContact # noqa: PLC0415
        from ..models.upsert_contact import UpsertContact # noqa: PLC0415
        operations = []
        for operations_item_data in self.operations:
            operations_item: dict[str, Any]
            if isinstance(operations_item_data, CreateContact):
                operations_item = operations_item_data.to_dict()
            elif isinstance(operations_item_data, UpdateContact):
                operations_item = operations_item_data.to_dict()
            elif isinstance(operations_item_data, UpsertContact):
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
        from ..models.create_contact import CreateContact # noqa: PLC0415
        from ..models.delete_contact import DeleteContact # noqa: PLC0415
        from ..models.update_contact import UpdateContact # noqa: PLC0415
        from ..models.upsert_contact import UpsertContact # noqa: PLC0415
        d = dict(src_dict)
        operations = []
        _operations = d.pop("operations")
        for operations_item_data in (_operations):
            def _parse_operations_item(data: object) -> CreateContact | DeleteContact | UpdateContact | UpsertContact:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_contact_operation_type_0 = CreateContact.from_dict(data)



                    return componentsschemas_contact_operation_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_contact_operation_type_1 = UpdateContact.from_dict(data)



                    return componentsschemas_contact_operation_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_contact_operation_type_2 = UpsertContact.from_dict(data)



                    return componentsschemas_contact_operation_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_contact_operation_type_3 = DeleteContact.from_dict(data)



                return componentsschemas_contact_operation_type_3

            operations_item = _parse_operations_item(operations_item_data)

            operations.append(operations_item)


        atomic = d.pop("atomic", UNSET)

        contact_batch = cls(
            operations=operations,
            atomic=atomic,
        )

        return contact_batch

