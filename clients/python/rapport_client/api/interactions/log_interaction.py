from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.interaction import Interaction
from ...models.new_interaction import NewInteraction
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: NewInteraction,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/interactions",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Interaction | Problem | None:
    if response.status_code == 201:
        response_201 = Interaction.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Interaction | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: NewInteraction,
    idempotency_key: str | Unset = UNSET,

) -> Response[Interaction | Problem]:
    """ Log a touch with one or more contacts; their `last_interaction_at` moves with it. A
    `referral_ask` is logged only on a live channel (`in_person`, `phone`, `video`,
    `event`): 422 `ask_channel_not_personal` otherwise (R1), here and on an update that
    changes its kind or channel.

    Args:
        idempotency_key (str | Unset):
        body (NewInteraction): A touch to log. Example: {'channel': 'in_person', 'contact_ids':
            ['01a20ab6-5a7b-7445-bdfa-051d68be7186'], 'kind': 'shared_content', 'occurred_at':
            '2026-11-20T16:30:00Z', 'summary': 'Gave her the podcast episode on warehouse
            automation'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Interaction | Problem]
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
    body: NewInteraction,
    idempotency_key: str | Unset = UNSET,

) -> Interaction | Problem | None:
    """ Log a touch with one or more contacts; their `last_interaction_at` moves with it. A
    `referral_ask` is logged only on a live channel (`in_person`, `phone`, `video`,
    `event`): 422 `ask_channel_not_personal` otherwise (R1), here and on an update that
    changes its kind or channel.

    Args:
        idempotency_key (str | Unset):
        body (NewInteraction): A touch to log. Example: {'channel': 'in_person', 'contact_ids':
            ['01a20ab6-5a7b-7445-bdfa-051d68be7186'], 'kind': 'shared_content', 'occurred_at':
            '2026-11-20T16:30:00Z', 'summary': 'Gave her the podcast episode on warehouse
            automation'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Interaction | Problem
     """


    return sync_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: NewInteraction,
    idempotency_key: str | Unset = UNSET,

) -> Response[Interaction | Problem]:
    """ Log a touch with one or more contacts; their `last_interaction_at` moves with it. A
    `referral_ask` is logged only on a live channel (`in_person`, `phone`, `video`,
    `event`): 422 `ask_channel_not_personal` otherwise (R1), here and on an update that
    changes its kind or channel.

    Args:
        idempotency_key (str | Unset):
        body (NewInteraction): A touch to log. Example: {'channel': 'in_person', 'contact_ids':
            ['01a20ab6-5a7b-7445-bdfa-051d68be7186'], 'kind': 'shared_content', 'occurred_at':
            '2026-11-20T16:30:00Z', 'summary': 'Gave her the podcast episode on warehouse
            automation'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Interaction | Problem]
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
    body: NewInteraction,
    idempotency_key: str | Unset = UNSET,

) -> Interaction | Problem | None:
    """ Log a touch with one or more contacts; their `last_interaction_at` moves with it. A
    `referral_ask` is logged only on a live channel (`in_person`, `phone`, `video`,
    `event`): 422 `ask_channel_not_personal` otherwise (R1), here and on an update that
    changes its kind or channel.

    Args:
        idempotency_key (str | Unset):
        body (NewInteraction): A touch to log. Example: {'channel': 'in_person', 'contact_ids':
            ['01a20ab6-5a7b-7445-bdfa-051d68be7186'], 'kind': 'shared_content', 'occurred_at':
            '2026-11-20T16:30:00Z', 'summary': 'Gave her the podcast episode on warehouse
            automation'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Interaction | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
