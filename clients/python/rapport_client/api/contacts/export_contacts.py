from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.export_format import ExportFormat
from ...models.nurture_status import NurtureStatus
from ...models.problem import Problem
from ...models.relationship_kind import RelationshipKind
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime



def _get_kwargs(
    *,
    format_: ExportFormat | Unset = UNSET,
    q: str | Unset = UNSET,
    kind: RelationshipKind | Unset = UNSET,
    tag: str | Unset = UNSET,
    owner_id: UUID | Unset = UNSET,
    company: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    include_deleted: bool | Unset = False,
    external_id: str | Unset = UNSET,
    nurture_status: NurtureStatus | Unset = UNSET,
    due_before: datetime.datetime | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params["q"] = q

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

    params["tag"] = tag

    json_owner_id: str | Unset = UNSET
    if not isinstance(owner_id, Unset):
        json_owner_id = str(owner_id)
    params["owner_id"] = json_owner_id

    params["company"] = company

    json_updated_since: str | Unset = UNSET
    if not isinstance(updated_since, Unset):
        json_updated_since = updated_since.isoformat()
    params["updated_since"] = json_updated_since

    params["include_deleted"] = include_deleted

    params["external_id"] = external_id

    json_nurture_status: str | Unset = UNSET
    if not isinstance(nurture_status, Unset):
        json_nurture_status = nurture_status.value

    params["nurture_status"] = json_nurture_status

    json_due_before: str | Unset = UNSET
    if not isinstance(due_before, Unset):
        json_due_before = due_before.isoformat()
    params["due_before"] = json_due_before


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/exports/contacts",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | str | None:
    if response.status_code == 200:
        response_200 = response.text
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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    format_: ExportFormat | Unset = UNSET,
    q: str | Unset = UNSET,
    kind: RelationshipKind | Unset = UNSET,
    tag: str | Unset = UNSET,
    owner_id: UUID | Unset = UNSET,
    company: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    include_deleted: bool | Unset = False,
    external_id: str | Unset = UNSET,
    nurture_status: NurtureStatus | Unset = UNSET,
    due_before: datetime.datetime | Unset = UNSET,

) -> Response[Problem | str]:
    """ Export the contacts, with the list's filters, as CSV (the columns an import of preset
    `rapport` reads back), vCard 4.0 (RFC 6350; external ids as `X-RAPPORT-EXTERNAL-ID`) or
    NDJSON (one contact per line, as the API shows it). The file streams as it is read,
    oldest contact first.

    Args:
        format_ (ExportFormat | Unset): The kind of file an export writes.
        q (str | Unset):
        kind (RelationshipKind | Unset): Who the contact is to us; drives the default nurturing
            cadence.
        tag (str | Unset):
        owner_id (UUID | Unset):
        company (str | Unset):
        updated_since (datetime.datetime | Unset):
        include_deleted (bool | Unset):  Default: False.
        external_id (str | Unset):
        nurture_status (NurtureStatus | Unset): Where a relationship stands.
        due_before (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
     """


    kwargs = _get_kwargs(
        format_=format_,
q=q,
kind=kind,
tag=tag,
owner_id=owner_id,
company=company,
updated_since=updated_since,
include_deleted=include_deleted,
external_id=external_id,
nurture_status=nurture_status,
due_before=due_before,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    format_: ExportFormat | Unset = UNSET,
    q: str | Unset = UNSET,
    kind: RelationshipKind | Unset = UNSET,
    tag: str | Unset = UNSET,
    owner_id: UUID | Unset = UNSET,
    company: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    include_deleted: bool | Unset = False,
    external_id: str | Unset = UNSET,
    nurture_status: NurtureStatus | Unset = UNSET,
    due_before: datetime.datetime | Unset = UNSET,

) -> Problem | str | None:
    """ Export the contacts, with the list's filters, as CSV (the columns an import of preset
    `rapport` reads back), vCard 4.0 (RFC 6350; external ids as `X-RAPPORT-EXTERNAL-ID`) or
    NDJSON (one contact per line, as the API shows it). The file streams as it is read,
    oldest contact first.

    Args:
        format_ (ExportFormat | Unset): The kind of file an export writes.
        q (str | Unset):
        kind (RelationshipKind | Unset): Who the contact is to us; drives the default nurturing
            cadence.
        tag (str | Unset):
        owner_id (UUID | Unset):
        company (str | Unset):
        updated_since (datetime.datetime | Unset):
        include_deleted (bool | Unset):  Default: False.
        external_id (str | Unset):
        nurture_status (NurtureStatus | Unset): Where a relationship stands.
        due_before (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
     """


    return sync_detailed(
        client=client,
format_=format_,
q=q,
kind=kind,
tag=tag,
owner_id=owner_id,
company=company,
updated_since=updated_since,
include_deleted=include_deleted,
external_id=external_id,
nurture_status=nurture_status,
due_before=due_before,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    format_: ExportFormat | Unset = UNSET,
    q: str | Unset = UNSET,
    kind: RelationshipKind | Unset = UNSET,
    tag: str | Unset = UNSET,
    owner_id: UUID | Unset = UNSET,
    company: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    include_deleted: bool | Unset = False,
    external_id: str | Unset = UNSET,
    nurture_status: NurtureStatus | Unset = UNSET,
    due_before: datetime.datetime | Unset = UNSET,

) -> Response[Problem | str]:
    """ Export the contacts, with the list's filters, as CSV (the columns an import of preset
    `rapport` reads back), vCard 4.0 (RFC 6350; external ids as `X-RAPPORT-EXTERNAL-ID`) or
    NDJSON (one contact per line, as the API shows it). The file streams as it is read,
    oldest contact first.

    Args:
        format_ (ExportFormat | Unset): The kind of file an export writes.
        q (str | Unset):
        kind (RelationshipKind | Unset): Who the contact is to us; drives the default nurturing
            cadence.
        tag (str | Unset):
        owner_id (UUID | Unset):
        company (str | Unset):
        updated_since (datetime.datetime | Unset):
        include_deleted (bool | Unset):  Default: False.
        external_id (str | Unset):
        nurture_status (NurtureStatus | Unset): Where a relationship stands.
        due_before (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
     """


    kwargs = _get_kwargs(
        format_=format_,
q=q,
kind=kind,
tag=tag,
owner_id=owner_id,
company=company,
updated_since=updated_since,
include_deleted=include_deleted,
external_id=external_id,
nurture_status=nurture_status,
due_before=due_before,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    format_: ExportFormat | Unset = UNSET,
    q: str | Unset = UNSET,
    kind: RelationshipKind | Unset = UNSET,
    tag: str | Unset = UNSET,
    owner_id: UUID | Unset = UNSET,
    company: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    include_deleted: bool | Unset = False,
    external_id: str | Unset = UNSET,
    nurture_status: NurtureStatus | Unset = UNSET,
    due_before: datetime.datetime | Unset = UNSET,

) -> Problem | str | None:
    """ Export the contacts, with the list's filters, as CSV (the columns an import of preset
    `rapport` reads back), vCard 4.0 (RFC 6350; external ids as `X-RAPPORT-EXTERNAL-ID`) or
    NDJSON (one contact per line, as the API shows it). The file streams as it is read,
    oldest contact first.

    Args:
        format_ (ExportFormat | Unset): The kind of file an export writes.
        q (str | Unset):
        kind (RelationshipKind | Unset): Who the contact is to us; drives the default nurturing
            cadence.
        tag (str | Unset):
        owner_id (UUID | Unset):
        company (str | Unset):
        updated_since (datetime.datetime | Unset):
        include_deleted (bool | Unset):  Default: False.
        external_id (str | Unset):
        nurture_status (NurtureStatus | Unset): Where a relationship stands.
        due_before (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
     """


    return (await asyncio_detailed(
        client=client,
format_=format_,
q=q,
kind=kind,
tag=tag,
owner_id=owner_id,
company=company,
updated_since=updated_since,
include_deleted=include_deleted,
external_id=external_id,
nurture_status=nurture_status,
due_before=due_before,

    )).parsed
