from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.delivery_status import DeliveryStatus
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="Delivery")



@_attrs_define
class Delivery:
    """ One event sent to one endpoint, with its attempts so far.

        Attributes:
            attempts (int):
            created_at (datetime.datetime):
            event_type (str):  Example: contact.updated.
            finished_at (datetime.datetime | None):
            id (UUID): Also the `webhook-id` header, the same on every attempt: receivers dedupe on it.
            last_attempt_at (datetime.datetime | None):
            last_latency_ms (int | None):
            last_response (None | str): The first kilobyte of the last answer's body, or why there was no answer.
            last_status_code (int | None): The HTTP status of the last answer; null if there was none (timeout, refused
                connection).
            next_attempt_at (datetime.datetime | None): When the next attempt is due; null once it succeeded or failed.
            seq (int | None): The position in the change feed of the change it reports; null for tests.
            status (DeliveryStatus):
            webhook_id (UUID):
     """

    attempts: int
    created_at: datetime.datetime
    event_type: str
    finished_at: datetime.datetime | None
    id: UUID
    last_attempt_at: datetime.datetime | None
    last_latency_ms: int | None
    last_response: None | str
    last_status_code: int | None
    next_attempt_at: datetime.datetime | None
    seq: int | None
    status: DeliveryStatus
    webhook_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        attempts = self.attempts

        created_at = self.created_at.isoformat()

        event_type = self.event_type

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        id = str(self.id)

        last_attempt_at: None | str
        if isinstance(self.last_attempt_at, datetime.datetime):
            last_attempt_at = self.last_attempt_at.isoformat()
        else:
            last_attempt_at = self.last_attempt_at

        last_latency_ms: int | None
        last_latency_ms = self.last_latency_ms

        last_response: None | str
        last_response = self.last_response

        last_status_code: int | None
        last_status_code = self.last_status_code

        next_attempt_at: None | str
        if isinstance(self.next_attempt_at, datetime.datetime):
            next_attempt_at = self.next_attempt_at.isoformat()
        else:
            next_attempt_at = self.next_attempt_at

        seq: int | None
        seq = self.seq

        status = self.status.value

        webhook_id = str(self.webhook_id)


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "attempts": attempts,
            "created_at": created_at,
            "event_type": event_type,
            "finished_at": finished_at,
            "id": id,
            "last_attempt_at": last_attempt_at,
            "last_latency_ms": last_latency_ms,
            "last_response": last_response,
            "last_status_code": last_status_code,
            "next_attempt_at": next_attempt_at,
            "seq": seq,
            "status": status,
            "webhook_id": webhook_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        attempts = d.pop("attempts")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        event_type = d.pop("event_type")

        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)



                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))


        id = UUID(d.pop("id"))




        def _parse_last_attempt_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_attempt_at_type_0 = datetime.datetime.fromisoformat(data)



                return last_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_attempt_at = _parse_last_attempt_at(d.pop("last_attempt_at"))


        def _parse_last_latency_ms(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        last_latency_ms = _parse_last_latency_ms(d.pop("last_latency_ms"))


        def _parse_last_response(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_response = _parse_last_response(d.pop("last_response"))


        def _parse_last_status_code(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        last_status_code = _parse_last_status_code(d.pop("last_status_code"))


        def _parse_next_attempt_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_attempt_at_type_0 = datetime.datetime.fromisoformat(data)



                return next_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_attempt_at = _parse_next_attempt_at(d.pop("next_attempt_at"))


        def _parse_seq(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        seq = _parse_seq(d.pop("seq"))


        status = DeliveryStatus(d.pop("status"))




        webhook_id = UUID(d.pop("webhook_id"))




        delivery = cls(
            attempts=attempts,
            created_at=created_at,
            event_type=event_type,
            finished_at=finished_at,
            id=id,
            last_attempt_at=last_attempt_at,
            last_latency_ms=last_latency_ms,
            last_response=last_response,
            last_status_code=last_status_code,
            next_attempt_at=next_attempt_at,
            seq=seq,
            status=status,
            webhook_id=webhook_id,
        )


        delivery.additional_properties = d
        return delivery

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
