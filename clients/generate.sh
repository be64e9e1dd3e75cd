#!/usr/bin/env bash
# Regenerates the SDKs in clients/ from openapi/openapi.json: clients/python with
# openapi-python-client, clients/typescript with @hey-api/openapi-ts, both at the versions
# pinned here and in clients/typescript/package-lock.json. Run it after regenerating the
# OpenAPI document; CI runs it too and fails if clients/ then differs from what is
# committed.
#
#   clients/generate.sh
#
# SDK_TOOLS_DIR: where the Python generator's virtualenv is kept between runs (default
# $CARGO_TARGET_DIR/sdk-tools, or target/sdk-tools).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON_GENERATOR="openapi-python-client==0.29.1"
TOOLS=${SDK_TOOLS_DIR:-${CARGO_TARGET_DIR:-target}/sdk-tools}
VENV="$TOOLS/${PYTHON_GENERATOR//=/-}"
[ -x "$VENV/bin/openapi-python-client" ] || {
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q "$PYTHON_GENERATOR"
}
rm -rf clients/python
"$VENV/bin/openapi-python-client" generate --path openapi/openapi.json \
  --config clients/openapi-python-client.yaml --meta setup --output-path clients/python

cd clients/typescript
npm ci --no-audit --no-fund --silent
rm -rf src/client
npx --no-install openapi-ts >/dev/null
