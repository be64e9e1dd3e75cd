from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.merge import Merge
from ...models.merge_request import MergeRequest
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    id: UUID,
    *,
    body: MergeRequest,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/contacts/{id}/merge".format(id=quote(str(id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Merge | Problem | None:
    if response.status_code == 200:
        response_200 = Merge.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Merge | Problem]:
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
    body: MergeRequest,
    idempotency_key: str | Unset = UNSET,

) -> Response[Merge | Problem]:
    """ Merge a duplicate into this contact. The duplicate's interactions, connections,
    referral requests, introductions, snoozes and external ids move here (a connection
    that would join the two, or repeat one this contact has, is deleted instead); contacts
    met through the duplicate are met through this one. Empty fields fill from the
    duplicate's, never overwriting; emails, phones, tags and dates are joined; both notes
    are kept. The duplicate becomes a tombstone with `merged_into`, and the change feed
    shows both as `merged`. With `dry_run: true`, the answer is what the merge would do, and
    nothing changes.

    Args:
        id (UUID):
        idempotency_key (str | Unset):
        body (MergeRequest): A merge to make, or to preview. Example: {'dry_run': True,
            'duplicate_id': '0193a5c2-7d1e-7c3a-9f4e-2b8d6a1c0e58'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Merge | Problem]
     """


    kwargs = _get_kwargs(
        id=id,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: MergeRequest,
    idempotency_key: str | Unset = UNSET,

) -> Merge | Problem | None:
    """ Merge a duplicate into this contact. The duplicate's interactions, connections,
    referral requests, introductions, snoozes and external ids move here (a connection
    that would join the two, or repeat one this contact has, is deleted instead); contacts
    met through the duplicate are met through this one. Empty fields fill from the
    duplicate's, never overwriting; emails, phones, tags and dates are joined; both notes
    are kept. The duplicate becomes a tombstone with `merged_into`, and the change feed
    shows both as `merged`. With `dry_run: true`, the answer is what the merge would do, and
    nothing changes.

    Args:
        id (UUID):
        idempotency_key (str | Unset):
        body (MergeRequest): A merge to make, or to preview. Example: {'dry_run': True,
            'duplicate_id': '0193a5c2-7d1e-7c3a-9f4e-2b8d6a1c0e58'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Merge | Problem
     """


    return sync_detailed(
        id=id,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: MergeRequest,
    idempotency_key: str | Unset = UNSET,

) -> Response[Merge | Problem]:
    """ Merge a duplicate into this contact. The duplicate's interactions, connections,
    referral requests, introductions, snoozes and external ids move here (a connection
    that would join the two, or repeat one this contact has, is deleted instead); contacts
    met through the duplicate are met through this one. Empty fields fill from the
    duplicate's, never overwriting; emails, phones, tags and dates are joined; both notes
    are kept. The duplicate becomes a tombstone with `merged_into`, and the change feed
    shows both as `merged`. With `dry_run: true`, the answer is what the merge would do, and
    nothing changes.

    Args:
        id (UUID):
        idempotency_key (str | Unset):
        body (MergeRequest): A merge to make, or to preview. Example: {'dry_run': True,
            'duplicate_id': '0193a5c2-7d1e-7c3a-9f4e-2b8d6a1c0e58'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Merge | Problem]
     """


    kwargs = _get_kwargs(
        id=id,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: MergeRequest,
    idempotency_key: str | Unset = UNSET,

) -> Merge | Problem | None:
    """ Merge a duplicate into this contact. The duplicate's interactions, connections,
    referral requests, introductions, snoozes and external ids move here (a connection
    that would join the two, or repeat one this contact has, is deleted instead); contacts
    met through the duplicate are met through this one. Empty fields fill from the
    duplicate's, never overwriting; emails, phones, tags and dates are joined; both notes
    are kept. The duplicate becomes a tombstone with `merged_into`, and the change feed
    shows both as `merged`. With `dry_run: true`, the answer is what the merge would do, and
    nothing changes.

    Args:
        id (UUID):
        idempotency_key (str | Unset):
        body (MergeRequest): A merge to make, or to preview. Example: {'dry_run': True,
            'duplicate_id': '0193a5c2-7d1e-7c3a-9f4e-2b8d6a1c0e58'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Merge | Problem
     """


    return (await asyncio_detailed(
        id=id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
