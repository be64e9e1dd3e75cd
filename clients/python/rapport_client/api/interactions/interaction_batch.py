from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.batch_results import BatchResults
from ...models.interaction_batch import InteractionBatch
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: InteractionBatch,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/interactions/batch",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> BatchResults | Problem | None:
    if response.status_code == 200:
        response_200 = BatchResults.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())



        return response_412

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[BatchResults | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: InteractionBatch,
    idempotency_key: str | Unset = UNSET,

) -> Response[BatchResults | Problem]:
    """ Log, update, upsert and delete up to 100 interactions in one request, in order: each
    operation does what its own endpoint does, and the answer has one result per
    operation (`index`, `status`, `id`, `version`, `problem`). With `atomic: true` it is
    all or nothing, and a failure answers that operation's problem, its pointer under
    `/operations/{index}`. A batch is one request for the rate limit and for
    `Idempotency-Key`.

    Args:
        idempotency_key (str | Unset):
        body (InteractionBatch): A batch of interaction operations. Example: {'atomic': False,
            'operations': [{'external_id': {'id': 'call-88', 'system': 'hubspot'}, 'interaction':
            {'channel': 'phone', 'contact_ids': ['01a20ab6-5a7b-7445-bdfa-051d68be7186'], 'kind':
            'catch_up', 'occurred_at': '2026-11-20T16:30:00Z'}, 'op': 'upsert'}, {'id':
            '0193a5c2-7d1e-7c3a-9f4e-2b8d6a1c0e57', 'if_match': 3, 'interaction': {'summary': 'Talked
            about her move to Lisbon'}, 'op': 'update'}, {'id':
            '0193a5c2-7d1e-7c3a-9f4e-2b8d6a1c0e58', 'op': 'delete'}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BatchResults | Problem]
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
    body: InteractionBatch,
    idempotency_key: str | Unset = UNSET,

) -> BatchResults | Problem | None:
    """ Log, update, upsert and delete up to 100 interactions in one request, in order: each
    operation does what its own endpoint does, and the answer has one result per
    operation (`index`, `status`, `id`, `version`, `problem`). With `atomic: true` it is
    all or nothing, and a failure answers that operation's problem, its pointer under
    `/operations/{index}`. A batch is one request for the rate limit and for
    `Idempotency-Key`.

    Args:
        idempotency_key (str | Unset):
        body (InteractionBatch): A batch of interaction operations. Example: {'atomic': False,
            'operations': [{'external_id': {'id': 'call-88', 'system': 'hubspot'}, 'interaction':
            {'channel': 'phone', 'contact_ids': ['01a20ab6-5a7b-7445-bdfa-051d68be7186'], 'kind':
            'catch_up', 'occurred_at': '2026-11-20T16:30:00Z'}, 'op': 'upsert'}, {'id':
            '0193a5c2-7d1e-7c3a-9f4e-2b8d6a1c0e57', 'if_match': 3, 'interaction': {'summary': 'Talked
            about her move to Lisbon'}, 'op': 'update'}, {'id':
            '0193a5c2-7d1e-7c3a-9f4e-2b8d6a1c0e58', 'op': 'delete'}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BatchResults | Problem
     """


    return sync_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: InteractionBatch,
    idempotency_key: str | Unset = UNSET,

) -> Response[BatchResults | Problem]:
    """ Log, update, upsert and delete up to 100 interactions in one request, in order: each
    operation does what its own endpoint does, and the answer has one result per
    operation (`index`, `status`, `id`, `version`, `problem`). With `atomic: true` it is
    all or nothing, and a failure answers that operation's problem, its pointer under
    `/operations/{index}`. A batch is one request for the rate limit and for
    `Idempotency-Key`.

    Args:
        idempotency_key (str | Unset):
        body (InteractionBatch): A batch of interaction operations. Example: {'atomic': False,
            'operations': [{'external_id': {'id': 'call-88', 'system': 'hubspot'}, 'interaction':
            {'channel': 'phone', 'contact_ids': ['01a20ab6-5a7b-7445-bdfa-051d68be7186'], 'kind':
            'catch_up', 'occurred_at': '2026-11-20T16:30:00Z'}, 'op': 'upsert'}, {'id':
            '0193a5c2-7d1e-7c3a-9f4e-2b8d6a1c0e57', 'if_match': 3, 'interaction': {'summary': 'Talked
            about her move to Lisbon'}, 'op': 'update'}, {'id':
            '0193a5c2-7d1e-7c3a-9f4e-2b8d6a1c0e58', 'op': 'delete'}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BatchResults | Problem]
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
    body: InteractionBatch,
    idempotency_key: str | Unset = UNSET,

) -> BatchResults | Problem | None:
    """ Log, update, upsert and delete up to 100 interactions in one request, in order: each
    operation does what its own endpoint does, and the answer has one result per
    operation (`index`, `status`, `id`, `version`, `problem`). With `atomic: true` it is
    all or nothing, and a failure answers that operation's problem, its pointer under
    `/operations/{index}`. A batch is one request for the rate limit and for
    `Idempotency-Key`.

    Args:
        idempotency_key (str | Unset):
        body (InteractionBatch): A batch of interaction operations. Example: {'atomic': False,
            'operations': [{'external_id': {'id': 'call-88', 'system': 'hubspot'}, 'interaction':
            {'channel': 'phone', 'contact_ids': ['01a20ab6-5a7b-7445-bdfa-051d68be7186'], 'kind':
            'catch_up', 'occurred_at': '2026-11-20T16:30:00Z'}, 'op': 'upsert'}, {'id':
            '0193a5c2-7d1e-7c3a-9f4e-2b8d6a1c0e57', 'if_match': 3, 'interaction': {'summary': 'Talked
            about her move to Lisbon'}, 'op': 'update'}, {'id':
            '0193a5c2-7d1e-7c3a-9f4e-2b8d6a1c0e58', 'op': 'delete'}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BatchResults | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
