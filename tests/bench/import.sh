#!/usr/bin/env bash
# An import of N contacts (default 100,000) from one Google Contacts CSV, on SQLite and on
# PostgreSQL: the seconds from the POST to the job's end, and the latency that another
# workspace's `GET /v1/contacts?limit=50` sees meanwhile against the same request on the
# idle server, measured in the same run (report the ratio: this machine is shared). Then
# the file's size, the job's counts, the server's RSS, and on PostgreSQL whether the
# planner's statistics of `contacts` count the new rows.
#
#   tests/bench/import.sh [records=100000]
#
# BENCH_PG_URL: a PostgreSQL server where a database may be created (default
# postgres://postgres@127.0.0.1:5432/postgres); BENCH_BACKENDS="sqlite" (or "postgres")
# measures one backend only.
set -euo pipefail
cd "$(dirname "$0")/../.."
RECORDS=${1:-100000}
PG_ADMIN_URL=${BENCH_PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}
cargo build --release --quiet
BIN=${CARGO_TARGET_DIR:-target}/release/rapport
WORK=$(mktemp -d)
SERVER_PID=""
trap '[ -n "$SERVER_PID" ] && kill $SERVER_PID 2>/dev/null; rm -rf "$WORK"' EXIT

python3 - "$RECORDS" "$WORK/contacts.csv" <<'PY'
import csv, sys
records, path = int(sys.argv[1]), sys.argv[2]
with open(path, "w", newline="", encoding="utf-8") as f:
    out = csv.writer(f)
    out.writerow(["First Name", "Middle Name", "Last Name", "Nickname", "Organization Name",
                  "Organization Title", "Birthday", "Notes", "Labels", "E-mail 1 - Label",
                  "E-mail 1 - Value", "Phone 1 - Label", "Phone 1 - Value"])
    for n in range(records):
        out.writerow([f"Zoë{n}", "", f"Müller{n}", "", f"Company {n % 2000}", "Director",
                      f"19{60 + n % 40}-{1 + n % 12:02}-{1 + n % 28:02}", "Met at a conference.",
                      "* myContacts ::: Imported", "Work", f"person{n}@example.com",
                      "Mobile", f"+1 415 555 {n % 10000:04}"])
PY

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

bench() { # $1 backend name, $2 DATABASE_URL
  local port
  port=$(free_port)
  DATABASE_URL="$2" RAPPORT_PORT=$port RUST_LOG=warn RATE_LIMIT_AUTH_PER_MINUTE=1000000 \
    RATE_LIMIT_API_PER_MINUTE=1000000 RATE_LIMIT_WORKSPACE_PER_MINUTE=1000000 \
    "$BIN" serve >"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.2; done
  echo "== $1"
  python3 - "$port" "$WORK/contacts.csv" "$SERVER_PID" <<'PY'
import http.client, json, os, statistics, sys, threading, time
port, path, pid = int(sys.argv[1]), sys.argv[2], sys.argv[3]

def call(conn, method, url, token=None, body=None, content_type="application/json"):
    headers = {"content-type": content_type}
    if token:
        headers["authorization"] = f"Bearer {token}"
    conn.request(method, url, body=body, headers=headers)
    response = conn.getresponse()
    data = response.read()
    return response.status, data

def register(conn, name):
    status, data = call(conn, "POST", "/v1/auth/register", body=json.dumps({
        "email": f"{name}@example.com", "password": "a long benchmark password",
        "name": name, "workspace_name": name}))
    assert status == 201, data
    return json.loads(data)["access_token"]

conn = http.client.HTTPConnection("127.0.0.1", port)
importer, other = register(conn, "importer"), register(conn, "other")
operations = [{"op": "create", "contact": {"first_name": f"Other{n}", "emails": [f"o{n}@x.example"]}} for n in range(50)]
status, data = call(conn, "POST", "/v1/contacts/batch", other, json.dumps({"operations": operations}))
assert status == 200, data

def lists(token, until=None, count=None):
    """Latencies of GET /v1/contacts?limit=50, one after another on one connection."""
    c = http.client.HTTPConnection("127.0.0.1", port)
    seen = []
    while (count is None or len(seen) < count) and (until is None or not until.is_set()):
        started = time.perf_counter()
        status, _ = call(c, "GET", "/v1/contacts?limit=50", token)
        seen.append(time.perf_counter() - started)
        assert status == 200, status
    return seen

def summary(latencies):
    latencies = sorted(latencies)
    return statistics.median(latencies) * 1000, latencies[int(len(latencies) * 0.99)] * 1000

idle = lists(other, count=300)
body = open(path, "rb").read()
done = threading.Event()
during = []
reader = threading.Thread(target=lambda: during.extend(lists(other, until=done)))
started = time.perf_counter()
status, data = call(conn, "POST", "/v1/imports", importer, body, "text/csv")
assert status == 202, data
accepted = time.perf_counter() - started
job_id = json.loads(data)["id"]
reader.start()
while True:
    status, data = call(conn, "GET", f"/v1/imports/{job_id}", importer)
    job = json.loads(data)
    if job["finished_at"]:
        break
    time.sleep(0.1)
elapsed = time.perf_counter() - started
done.set()
reader.join()
rss = int(open(f"/proc/{pid}/status").read().split("VmRSS:")[1].split()[0]) // 1024
counts = {k: job[k] for k in ("status", "total", "created", "updated", "skipped", "failed")}
print(f"file: {len(body) / 1e6:.1f} MB; accepted (uploaded, checked, queued) in {accepted:.2f} s")
print(f"import: {elapsed:.1f} s from the POST to the job's end, {job['total'] / elapsed:,.0f} records/s; {counts}")
(idle_p50, idle_p99), (busy_p50, busy_p99) = summary(idle), summary(during)
print(f"other workspace's list, idle: p50 {idle_p50:.1f} ms, p99 {idle_p99:.1f} ms ({len(idle)} requests)")
print(f"  during the import: p50 {busy_p50:.1f} ms, p99 {busy_p99:.1f} ms ({len(during)} requests); "
      f"ratio p50 {busy_p50 / idle_p50:.1f}x, p99 {busy_p99 / idle_p99:.1f}x")
print(f"server RSS after the import: {rss} MB")
PY
  if [ "$1" = postgres ]; then
    # What the planner believes once the service's upkeep (once a minute) has run.
    sleep 65
    psql -qAt "$2" -c "SELECT 'planner statistics: contacts reltuples ' || reltuples::bigint || ', last analysed ' || coalesce(last_analyze::text, last_autoanalyze::text, 'never') FROM pg_class JOIN pg_stat_user_tables USING (relname) WHERE relname = 'contacts'"
  fi
  kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
}

for backend in ${BENCH_BACKENDS:-sqlite postgres}; do
  case $backend in
    sqlite) bench sqlite "sqlite://$WORK/bench.db" ;;
    postgres)
      db="rapport_import_$(date +%s)"
      psql -q "$PG_ADMIN_URL" -c "CREATE DATABASE $db"
      bench postgres "${PG_ADMIN_URL%/*}/$db"
      psql -q "$PG_ADMIN_URL" -c "DROP DATABASE $db WITH (FORCE)"
      ;;
  esac
done
