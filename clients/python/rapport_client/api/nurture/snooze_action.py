from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.new_snooze import NewSnooze
from ...models.problem import Problem
from ...models.snooze import Snooze
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: NewSnooze,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/nurture/snoozes",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Snooze | None:
    if response.status_code == 201:
        response_201 = Snooze.from_dict(response.json())



        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())



        return response_415

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Snooze]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: NewSnooze,
    idempotency_key: str | Unset = UNSET,

) -> Response[Problem | Snooze]:
    """ Put an agenda action aside: until a time, or (without `until`) until the next
    interaction with the contact. Snoozing an action again replaces its snooze.

    Args:
        idempotency_key (str | Unset):
        body (NewSnooze): An action to put aside. Example: {'action_id':
            'touch:0193a5c2-7c1e-7d5a-9f3e-2b4c6d8e0f12', 'until': '2026-12-01T09:00:00Z'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Snooze]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    body: NewSnooze,
    idempotency_key: str | Unset = UNSET,

) -> Problem | Snooze | None:
    """ Put an agenda action aside: until a time, or (without `until`) until the next
    interaction with the contact. Snoozing an action again replaces its snooze.

    Args:
        idempotency_key (str | Unset):
        body (NewSnooze): An action to put aside. Example: {'action_id':
            'touch:0193a5c2-7c1e-7d5a-9f3e-2b4c6d8e0f12', 'until': '2026-12-01T09:00:00Z'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Snooze
     """


    return sync_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: NewSnooze,
    idempotency_key: str | Unset = UNSET,

) -> Response[Problem | Snooze]:
    """ Put an agenda action aside: until a time, or (without `until`) until the next
    interaction with the contact. Snoozing an action again replaces its snooze.

    Args:
        idempotency_key (str | Unset):
        body (NewSnooze): An action to put aside. Example: {'action_id':
            'touch:0193a5c2-7c1e-7d5a-9f3e-2b4c6d8e0f12', 'until': '2026-12-01T09:00:00Z'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Snooze]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: NewSnooze,
    idempotency_key: str | Unset = UNSET,

) -> Problem | Snooze | None:
    """ Put an agenda action aside: until a time, or (without `until`) until the next
    interaction with the contact. Snoozing an action again replaces its snooze.

    Args:
        idempotency_key (str | Unset):
        body (NewSnooze): An action to put aside. Example: {'action_id':
            'touch:0193a5c2-7c1e-7d5a-9f3e-2b4c6d8e0f12', 'until': '2026-12-01T09:00:00Z'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Snooze
     """


    return (await asyncio_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
