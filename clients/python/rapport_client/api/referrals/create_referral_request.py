from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.new_referral_request import NewReferralRequest
from ...models.problem import Problem
from ...models.request_with_readiness import RequestWithReadiness
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: NewReferralRequest,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/referral-requests",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | RequestWithReadiness | None:
    if response.status_code == 201:
        response_201 = RequestWithReadiness.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | RequestWithReadiness]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: NewReferralRequest,
    idempotency_key: str | Unset = UNSET,

) -> Response[Problem | RequestWithReadiness]:
    """ Record a referral request (planned, or already `asked` live). Asking logs a
    `referral_ask` interaction with the referrer in the same transaction.

    Args:
        idempotency_key (str | Unset):
        body (NewReferralRequest): A referral request to record. It starts `planned`; give
            `status: "asked"` (with
            `ask_channel`) to record an ask already made. Example: {'business_reason': "Fabrikam is
            consolidating warehouses; our routing cut a similar client's costs 18%",
            'ideal_introduction': 'Ana, who owns the consolidation budget, over coffee with Priya',
            'referrer_id': '0193a5c2-7c1e-7d5a-9f3e-2b4c6d8e0f12', 'target': {'company': 'Fabrikam',
            'name': 'Ana Costa', 'title': 'CFO'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RequestWithReadiness]
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
    body: NewReferralRequest,
    idempotency_key: str | Unset = UNSET,

) -> Problem | RequestWithReadiness | None:
    """ Record a referral request (planned, or already `asked` live). Asking logs a
    `referral_ask` interaction with the referrer in the same transaction.

    Args:
        idempotency_key (str | Unset):
        body (NewReferralRequest): A referral request to record. It starts `planned`; give
            `status: "asked"` (with
            `ask_channel`) to record an ask already made. Example: {'business_reason': "Fabrikam is
            consolidating warehouses; our routing cut a similar client's costs 18%",
            'ideal_introduction': 'Ana, who owns the consolidation budget, over coffee with Priya',
            'referrer_id': '0193a5c2-7c1e-7d5a-9f3e-2b4c6d8e0f12', 'target': {'company': 'Fabrikam',
            'name': 'Ana Costa', 'title': 'CFO'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RequestWithReadiness
     """


    return sync_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: NewReferralRequest,
    idempotency_key: str | Unset = UNSET,

) -> Response[Problem | RequestWithReadiness]:
    """ Record a referral request (planned, or already `asked` live). Asking logs a
    `referral_ask` interaction with the referrer in the same transaction.

    Args:
        idempotency_key (str | Unset):
        body (NewReferralRequest): A referral request to record. It starts `planned`; give
            `status: "asked"` (with
            `ask_channel`) to record an ask already made. Example: {'business_reason': "Fabrikam is
            consolidating warehouses; our routing cut a similar client's costs 18%",
            'ideal_introduction': 'Ana, who owns the consolidation budget, over coffee with Priya',
            'referrer_id': '0193a5c2-7c1e-7d5a-9f3e-2b4c6d8e0f12', 'target': {'company': 'Fabrikam',
            'name': 'Ana Costa', 'title': 'CFO'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RequestWithReadiness]
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
    body: NewReferralRequest,
    idempotency_key: str | Unset = UNSET,

) -> Problem | RequestWithReadiness | None:
    """ Record a referral request (planned, or already `asked` live). Asking logs a
    `referral_ask` interaction with the referrer in the same transaction.

    Args:
        idempotency_key (str | Unset):
        body (NewReferralRequest): A referral request to record. It starts `planned`; give
            `status: "asked"` (with
            `ask_channel`) to record an ask already made. Example: {'business_reason': "Fabrikam is
            consolidating warehouses; our routing cut a similar client's costs 18%",
            'ideal_introduction': 'Ana, who owns the consolidation budget, over coffee with Priya',
            'referrer_id': '0193a5c2-7c1e-7d5a-9f3e-2b4c6d8e0f12', 'target': {'company': 'Fabrikam',
            'name': 'Ana Costa', 'title': 'CFO'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RequestWithReadiness
     """


    return (await asyncio_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
