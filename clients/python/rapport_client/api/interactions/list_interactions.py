from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.channel import Channel
from ...models.interaction_kind import InteractionKind
from ...models.kind_group import KindGroup
from ...models.page_interaction import PageInteraction
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime



def _get_kwargs(
    *,
    contact_id: UUID | Unset = UNSET,
    external_id: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    kind: InteractionKind | Unset = UNSET,
    group: KindGroup | Unset = UNSET,
    channel: Channel | Unset = UNSET,
    member_id: UUID | Unset = UNSET,
    occurred_after: datetime.datetime | Unset = UNSET,
    occurred_before: datetime.datetime | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    include_deleted: bool | Unset = False,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_contact_id: str | Unset = UNSET
    if not isinstance(contact_id, Unset):
        json_contact_id = str(contact_id)
    params["contact_id"] = json_contact_id

    params["external_id"] = external_id

    params["limit"] = limit

    params["cursor"] = cursor

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

    json_group: str | Unset = UNSET
    if not isinstance(group, Unset):
        json_group = group.value

    params["group"] = json_group

    json_channel: str | Unset = UNSET
    if not isinstance(channel, Unset):
        json_channel = channel.value

    params["channel"] = json_channel

    json_member_id: str | Unset = UNSET
    if not isinstance(member_id, Unset):
        json_member_id = str(member_id)
    params["member_id"] = json_member_id

    json_occurred_after: str | Unset = UNSET
    if not isinstance(occurred_after, Unset):
        json_occurred_after = occurred_after.isoformat()
    params["occurred_after"] = json_occurred_after

    json_occurred_before: str | Unset = UNSET
    if not isinstance(occurred_before, Unset):
        json_occurred_before = occurred_before.isoformat()
    params["occurred_before"] = json_occurred_before

    json_updated_since: str | Unset = UNSET
    if not isinstance(updated_since, Unset):
        json_updated_since = updated_since.isoformat()
    params["updated_since"] = json_updated_since

    params["include_deleted"] = include_deleted


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/interactions",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PageInteraction | Problem | None:
    if response.status_code == 200:
        response_200 = PageInteraction.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())



        return response_500

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())



        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PageInteraction | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    contact_id: UUID | Unset = UNSET,
    external_id: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    kind: InteractionKind | Unset = UNSET,
    group: KindGroup | Unset = UNSET,
    channel: Channel | Unset = UNSET,
    member_id: UUID | Unset = UNSET,
    occurred_after: datetime.datetime | Unset = UNSET,
    occurred_before: datetime.datetime | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    include_deleted: bool | Unset = False,

) -> Response[PageInteraction | Problem]:
    """ List interactions, newest first, with filters; cursor-paginated.

    Args:
        contact_id (UUID | Unset):
        external_id (str | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        kind (InteractionKind | Unset): The kind of touch.
        group (KindGroup | Unset): What an interaction does for the relationship: gives value,
            asks for something, or
            neither. The group drives reciprocity and readiness.
        channel (Channel | Unset): How the touch happened.
        member_id (UUID | Unset):
        occurred_after (datetime.datetime | Unset):
        occurred_before (datetime.datetime | Unset):
        updated_since (datetime.datetime | Unset):
        include_deleted (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageInteraction | Problem]
     """


    kwargs = _get_kwargs(
        contact_id=contact_id,
external_id=external_id,
limit=limit,
cursor=cursor,
kind=kind,
group=group,
channel=channel,
member_id=member_id,
occurred_after=occurred_after,
occurred_before=occurred_before,
updated_since=updated_since,
include_deleted=include_deleted,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    contact_id: UUID | Unset = UNSET,
    external_id: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    kind: InteractionKind | Unset = UNSET,
    group: KindGroup | Unset = UNSET,
    channel: Channel | Unset = UNSET,
    member_id: UUID | Unset = UNSET,
    occurred_after: datetime.datetime | Unset = UNSET,
    occurred_before: datetime.datetime | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    include_deleted: bool | Unset = False,

) -> PageInteraction | Problem | None:
    """ List interactions, newest first, with filters; cursor-paginated.

    Args:
        contact_id (UUID | Unset):
        external_id (str | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        kind (InteractionKind | Unset): The kind of touch.
        group (KindGroup | Unset): What an interaction does for the relationship: gives value,
            asks for something, or
            neither. The group drives reciprocity and readiness.
        channel (Channel | Unset): How the touch happened.
        member_id (UUID | Unset):
        occurred_after (datetime.datetime | Unset):
        occurred_before (datetime.datetime | Unset):
        updated_since (datetime.datetime | Unset):
        include_deleted (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageInteraction | Problem
     """


    return sync_detailed(
        client=client,
contact_id=contact_id,
external_id=external_id,
limit=limit,
cursor=cursor,
kind=kind,
group=group,
channel=channel,
member_id=member_id,
occurred_after=occurred_after,
occurred_before=occurred_before,
updated_since=updated_since,
include_deleted=include_deleted,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    contact_id: UUID | Unset = UNSET,
    external_id: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    kind: InteractionKind | Unset = UNSET,
    group: KindGroup | Unset = UNSET,
    channel: Channel | Unset = UNSET,
    member_id: UUID | Unset = UNSET,
    occurred_after: datetime.datetime | Unset = UNSET,
    occurred_before: datetime.datetime | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    include_deleted: bool | Unset = False,

) -> Response[PageInteraction | Problem]:
    """ List interactions, newest first, with filters; cursor-paginated.

    Args:
        contact_id (UUID | Unset):
        external_id (str | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        kind (InteractionKind | Unset): The kind of touch.
        group (KindGroup | Unset): What an interaction does for the relationship: gives value,
            asks for something, or
            neither. The group drives reciprocity and readiness.
        channel (Channel | Unset): How the touch happened.
        member_id (UUID | Unset):
        occurred_after (datetime.datetime | Unset):
        occurred_before (datetime.datetime | Unset):
        updated_since (datetime.datetime | Unset):
        include_deleted (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageInteraction | Problem]
     """


    kwargs = _get_kwargs(
        contact_id=contact_id,
external_id=external_id,
limit=limit,
cursor=cursor,
kind=kind,
group=group,
channel=channel,
member_id=member_id,
occurred_after=occurred_after,
occurred_before=occurred_before,
updated_since=updated_since,
include_deleted=include_deleted,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    contact_id: UUID | Unset = UNSET,
    external_id: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    kind: InteractionKind | Unset = UNSET,
    group: KindGroup | Unset = UNSET,
    channel: Channel | Unset = UNSET,
    member_id: UUID | Unset = UNSET,
    occurred_after: datetime.datetime | Unset = UNSET,
    occurred_before: datetime.datetime | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    include_deleted: bool | Unset = False,

) -> PageInteraction | Problem | None:
    """ List interactions, newest first, with filters; cursor-paginated.

    Args:
        contact_id (UUID | Unset):
        external_id (str | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        kind (InteractionKind | Unset): The kind of touch.
        group (KindGroup | Unset): What an interaction does for the relationship: gives value,
            asks for something, or
            neither. The group drives reciprocity and readiness.
        channel (Channel | Unset): How the touch happened.
        member_id (UUID | Unset):
        occurred_after (datetime.datetime | Unset):
        occurred_before (datetime.datetime | Unset):
        updated_since (datetime.datetime | Unset):
        include_deleted (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageInteraction | Problem
     """


    return (await asyncio_detailed(
        client=client,
contact_id=contact_id,
external_id=external_id,
limit=limit,
cursor=cursor,
kind=kind,
group=group,
channel=channel,
member_id=member_id,
occurred_after=occurred_after,
occurred_before=occurred_before,
updated_since=updated_since,
include_deleted=include_deleted,

    )).parsed
