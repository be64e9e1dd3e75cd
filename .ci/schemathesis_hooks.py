"""Schemathesis hooks for .ci/run.

An Idempotency-Key names one logical request: a client sends a fresh key with each new
request and repeats it only to retry that request. Generated keys repeat across unrelated
requests (the generator favours short values such as "0"), which asks the API to replay
the first response for a request it has not seen — correct behaviour that then reads as a
bug (e.g. a replayed 201 for a resource deleted since). So each well-formed generated key
is replaced by a fresh one; malformed keys are sent as generated, and must still be
refused. Replay and reuse are covered by tests/api/idempotency.rs.
"""

import re
import uuid

import schemathesis

WELL_FORMED = re.compile(r"^[!-~]{1,255}$")


@schemathesis.hook
def map_headers(context, headers):
    if not headers:
        return headers
    return {
        name: str(uuid.uuid4())
        if name.lower() == "idempotency-key" and isinstance(value, str) and WELL_FORMED.match(value)
        else value
        for name, value in headers.items()
    }


# An inbound email's body is a raw message (RFC 5322), text on the wire like the imports'
# CSV, vCard and iCalendar files, which schemathesis already sends as text.
schemathesis.serializer.alias("message/rfc822", "text/plain")
