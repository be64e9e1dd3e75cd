from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.connection_kind import ConnectionKind
from ...models.page_connection import PageConnection
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime



def _get_kwargs(
    id: UUID,
    *,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    kind: ConnectionKind | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    include_deleted: bool | Unset = False,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

    json_updated_since: str | Unset = UNSET
    if not isinstance(updated_since, Unset):
        json_updated_since = updated_since.isoformat()
    params["updated_since"] = json_updated_since

    params["include_deleted"] = include_deleted


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/contacts/{id}/connections".format(id=quote(str(id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PageConnection | Problem | None:
    if response.status_code == 200:
        response_200 = PageConnection.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PageConnection | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    kind: ConnectionKind | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    include_deleted: bool | Unset = False,

) -> Response[PageConnection | Problem]:
    """ The people a contact knows: its connections, from either end (same filters as the
    list).

    Args:
        id (UUID):
        limit (int | Unset):
        cursor (str | Unset):
        kind (ConnectionKind | Unset): How two people know each other. Only `reports_to` has a
            direction: `from` reports
            to `to`. The others read the same from either end.
        updated_since (datetime.datetime | Unset):
        include_deleted (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageConnection | Problem]
     """


    kwargs = _get_kwargs(
        id=id,
limit=limit,
cursor=cursor,
kind=kind,
updated_since=updated_since,
include_deleted=include_deleted,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    kind: ConnectionKind | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    include_deleted: bool | Unset = False,

) -> PageConnection | Problem | None:
    """ The people a contact knows: its connections, from either end (same filters as the
    list).

    Args:
        id (UUID):
        limit (int | Unset):
        cursor (str | Unset):
        kind (ConnectionKind | Unset): How two people know each other. Only `reports_to` has a
            direction: `from` reports
            to `to`. The others read the same from either end.
        updated_since (datetime.datetime | Unset):
        include_deleted (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageConnection | Problem
     """


    return sync_detailed(
        id=id,
client=client,
limit=limit,
cursor=cursor,
kind=kind,
updated_since=updated_since,
include_deleted=include_deleted,

    ).parsed

async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    kind: ConnectionKind | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    include_deleted: bool | Unset = False,

) -> Response[PageConnection | Problem]:
    """ The people a contact knows: its connections, from either end (same filters as the
    list).

    Args:
        id (UUID):
        limit (int | Unset):
        cursor (str | Unset):
        kind (ConnectionKind | Unset): How two people know each other. Only `reports_to` has a
            direction: `from` reports
            to `to`. The others read the same from either end.
        updated_since (datetime.datetime | Unset):
        include_deleted (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageConnection | Problem]
     """


    kwargs = _get_kwargs(
        id=id,
limit=limit,
cursor=cursor,
kind=kind,
updated_since=updated_since,
include_deleted=include_deleted,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    kind: ConnectionKind | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    include_deleted: bool | Unset = False,

) -> PageConnection | Problem | None:
    """ The people a contact knows: its connections, from either end (same filters as the
    list).

    Args:
        id (UUID):
        limit (int | Unset):
        cursor (str | Unset):
        kind (ConnectionKind | Unset): How two people know each other. Only `reports_to` has a
            direction: `from` reports
            to `to`. The others read the same from either end.
        updated_since (datetime.datetime | Unset):
        include_deleted (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageConnection | Problem
     """


    return (await asyncio_detailed(
        id=id,
client=client,
limit=limit,
cursor=cursor,
kind=kind,
updated_since=updated_since,
include_deleted=include_deleted,

    )).parsed
