from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.changes_page import ChangesPage
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    since: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    types: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["since"] = since

    params["limit"] = limit

    params["types"] = types


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/changes",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ChangesPage | Problem | None:
    if response.status_code == 200:
        response_200 = ChangesPage.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 410:
        response_410 = Problem.from_dict(response.json())



        return response_410

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ChangesPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    since: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    types: str | Unset = UNSET,

) -> Response[ChangesPage | Problem]:
    """ Every change to the workspace's contacts, interactions, referral requests,
    introductions, connections, snoozes, members and settings, in the order they were
    committed, each with the resource as its GET showed it right after. A change that moves
    what a contact shows (an interaction moving its `last_interaction_at` or
    `nurture_status`) is a change of that contact too. Follow `next_token`; a token older
    than the retention (30 days by default) answers 410 `sync_token_expired`, and the client
    starts over.

    Args:
        since (str | Unset):
        limit (int | Unset):
        types (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChangesPage | Problem]
     """


    kwargs = _get_kwargs(
        since=since,
limit=limit,
types=types,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    since: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    types: str | Unset = UNSET,

) -> ChangesPage | Problem | None:
    """ Every change to the workspace's contacts, interactions, referral requests,
    introductions, connections, snoozes, members and settings, in the order they were
    committed, each with the resource as its GET showed it right after. A change that moves
    what a contact shows (an interaction moving its `last_interaction_at` or
    `nurture_status`) is a change of that contact too. Follow `next_token`; a token older
    than the retention (30 days by default) answers 410 `sync_token_expired`, and the client
    starts over.

    Args:
        since (str | Unset):
        limit (int | Unset):
        types (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChangesPage | Problem
     """


    return sync_detailed(
        client=client,
since=since,
limit=limit,
types=types,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    since: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    types: str | Unset = UNSET,

) -> Response[ChangesPage | Problem]:
    """ Every change to the workspace's contacts, interactions, referral requests,
    introductions, connections, snoozes, members and settings, in the order they were
    committed, each with the resource as its GET showed it right after. A change that moves
    what a contact shows (an interaction moving its `last_interaction_at` or
    `nurture_status`) is a change of that contact too. Follow `next_token`; a token older
    than the retention (30 days by default) answers 410 `sync_token_expired`, and the client
    starts over.

    Args:
        since (str | Unset):
        limit (int | Unset):
        types (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChangesPage | Problem]
     """


    kwargs = _get_kwargs(
        since=since,
limit=limit,
types=types,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    since: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    types: str | Unset = UNSET,

) -> ChangesPage | Problem | None:
    """ Every change to the workspace's contacts, interactions, referral requests,
    introductions, connections, snoozes, members and settings, in the order they were
    committed, each with the resource as its GET showed it right after. A change that moves
    what a contact shows (an interaction moving its `last_interaction_at` or
    `nurture_status`) is a change of that contact too. Follow `next_token`; a token older
    than the retention (30 days by default) answers 410 `sync_token_expired`, and the client
    starts over.

    Args:
        since (str | Unset):
        limit (int | Unset):
        types (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChangesPage | Problem
     """


    return (await asyncio_detailed(
        client=client,
since=since,
limit=limit,
types=types,

    )).parsed
