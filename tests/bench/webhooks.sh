#!/usr/bin/env bash
# Webhook delivery, on SQLite and on PostgreSQL, to one fast local receiver:
#
# - write cost: N contacts created in batches of 100 by a workspace without webhooks, then
#   by one whose endpoint subscribes to `contact.created`, on the same server in the same
#   run (the ratio is what the webhook machinery costs the API's writes);
# - delay: each event's arrival at the receiver minus its `changed_at` (the commit), median
#   and p99, for the second workspace (written as fast as the server takes it), and for a
#   third written at 1,000 contacts a second;
# - throughput: N events written while no worker runs (RAPPORT_WEBHOOK_WORKER=false), then
#   `rapport worker` started alone: events per second until the last arrives.
#
#   tests/bench/webhooks.sh [changes=10000]
#
# BENCH_PG_URL and BENCH_BACKENDS as in batch_sync.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
CHANGES=${1:-10000}
PG_ADMIN_URL=${BENCH_PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}
cargo build --release --quiet
BIN=${CARGO_TARGET_DIR:-target}/release/rapport
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

bench() { # $1 backend, $2 DATABASE_URL
  # The servers' warnings, if any, are shown after the figures: a figure is only as good as
  # the run that made it.
  trap 'grep -h -m 10 -E "WARN|ERROR" "$WORK"/*.log 2>/dev/null || true' RETURN
  python3 - "$1" "$2" "$BIN" "$CHANGES" "$WORK" <<'PY'
import atexit, http.client, http.server, json, os, signal, socket, statistics, subprocess, sys
import threading, time
from datetime import datetime

backend, database_url, binary, changes, work = sys.argv[1:6]
changes = int(changes)

arrivals = []  # (arrival time, changed_at, webhook-id)
lock = threading.Lock()

class Receiver(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as a real receiver behind a proxy

    def do_POST(self):
        body = self.rfile.read(int(self.headers["content-length"]))
        arrived = time.time()
        changed_at = json.loads(body)["data"]["changed_at"]
        with lock:
            arrivals.append((arrived, changed_at, self.headers["webhook-id"]))
        self.send_response(204)
        self.send_header("content-length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass

class Server(http.server.ThreadingHTTPServer):
    request_queue_size = 1024  # the worker opens up to 64 connections at once

receiver = Server(("127.0.0.1", 0), Receiver)
receiver.daemon_threads = True
threading.Thread(target=receiver.serve_forever, daemon=True).start()
hook_url = f"http://127.0.0.1:{receiver.server_address[1]}/hooks"

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

def start(command, port, **env):
    environment = dict(os.environ, DATABASE_URL=database_url, RAPPORT_PORT=str(port),
                       RUST_LOG=os.environ.get("RUST_LOG", "warn"), RAPPORT_WEBHOOK_ALLOW_PRIVATE="true",
                       RATE_LIMIT_AUTH_PER_MINUTE="1000000", RATE_LIMIT_API_PER_MINUTE="1000000",
                       RATE_LIMIT_WORKSPACE_PER_MINUTE="1000000", **env)
    process = subprocess.Popen([binary, command], env=environment,
                               stdout=subprocess.DEVNULL, stderr=open(f"{work}/{backend}.log", "a"))
    atexit.register(process.kill)  # also when a check fails midway
    if command == "serve":
        for _ in range(100):
            try:
                c = http.client.HTTPConnection("127.0.0.1", port)
                c.request("GET", "/readyz")
                if c.getresponse().status == 200:
                    break
            except OSError:
                pass
            time.sleep(0.1)
    return process

def call(port, method, path, body=None, token=None):
    c = http.client.HTTPConnection("127.0.0.1", port)
    headers = {"content-type": "application/json"}
    if token:
        headers["authorization"] = f"Bearer {token}"
    c.request(method, path, json.dumps(body) if body is not None else None, headers)
    response = c.getresponse()
    answer = response.read()
    assert response.status < 300, (response.status, answer[:300])
    return json.loads(answer) if answer else None

def workspace(port, name):
    session = call(port, "POST", "/v1/auth/register", {
        "email": f"{name}-{time.time_ns()}@example.com", "password": "correct horse battery staple",
        "name": name, "workspace_name": name})
    return session["access_token"]

def write(port, token, label, per_second=None):
    """Creates the contacts in batches of 100 on one kept-alive connection, at most
    `per_second` a second if given; seconds taken."""
    c = http.client.HTTPConnection("127.0.0.1", port)
    started = time.perf_counter()
    for start_at in range(0, changes, 100):
        if per_second:
            time.sleep(max(0.0, started + start_at / per_second - time.perf_counter()))
        operations = [{"op": "create", "contact": {"first_name": f"{label}{n}", "company": f"Company {n % 500}"}}
                      for n in range(start_at, min(start_at + 100, changes))]
        c.request("POST", "/v1/contacts/batch", json.dumps({"operations": operations}),
                  {"authorization": f"Bearer {token}", "content-type": "application/json"})
        response = c.getresponse()
        answer = json.loads(response.read())
        assert response.status == 200 and all(r["status"] == 201 for r in answer["results"]), answer
    return time.perf_counter() - started

def wait_for(count, timeout=600):
    """Until `count` distinct events have arrived."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        with lock:
            if len({webhook_id for _, _, webhook_id in arrivals}) >= count:
                return
        time.sleep(0.02)
    raise SystemExit(f"{backend}: only {len(arrivals)} of {count} events arrived")

def at(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()

port = free_port()
server = start("serve", port)
plain = write(port, workspace(port, "plain"), "P")
hooked_token = workspace(port, "hooked")
call(port, "POST", "/v1/webhooks", {"url": hook_url, "event_types": ["contact.created"]}, hooked_token)
hooked = write(port, hooked_token, "H")
wait_for(changes)
def delays():
    """Each event's first arrival minus its commit, sorted, and how many came twice."""
    with lock:
        first = {}
        for arrived, changed, webhook_id in arrivals:
            first.setdefault(webhook_id, (arrived, changed))
        return sorted(arrived - at(changed) for arrived, changed in first.values()), len(arrivals) - len(first)

def quantiles(values):
    return statistics.median(values) * 1000, values[int(len(values) * 0.99) - 1] * 1000

burst, twice = delays()
# The same again, paced below what delivery keeps up with, for the delay of a steady load.
PACE = 1000
paced_token = workspace(port, "paced")
call(port, "POST", "/v1/webhooks", {"url": hook_url, "event_types": ["contact.created"]}, paced_token)
with lock:
    arrivals.clear()
write(port, paced_token, "S", per_second=PACE)
wait_for(changes)
paced, again = delays()
twice += again
server.send_signal(signal.SIGTERM); server.wait()

# Throughput: the events wait in the database while nothing delivers, then a worker alone.
server = start("serve", port, RAPPORT_WEBHOOK_WORKER="false")
queued_token = workspace(port, "queued")
call(port, "POST", "/v1/webhooks", {"url": hook_url, "event_types": ["contact.created"]}, queued_token)
with lock:
    arrivals.clear()
write(port, queued_token, "Q")
started = time.time()
worker = start("worker", 0)
wait_for(changes)
drained = time.time() - started
twice += delays()[1]
worker.send_signal(signal.SIGTERM); worker.wait()
server.send_signal(signal.SIGTERM); server.wait()
receiver.shutdown()
print(f"{backend}: {changes} contacts written in {plain:.2f} s without webhooks, {hooked:.2f} s with an "
      f"endpoint subscribed ({hooked / plain:.2f}x); commit to arrival, written at full speed: "
      f"median %.0f ms, p99 %.0f ms; written at {PACE}/s: median %.0f ms, p99 %.0f ms; "
      f"{changes} queued events delivered by `rapport worker` in {drained:.2f} s "
      f"({changes / drained:.0f}/s); events that arrived twice: {twice}"
      % (quantiles(burst) + quantiles(paced)))
PY
}

for backend in ${BENCH_BACKENDS:-sqlite postgres}; do
  case $backend in
    sqlite) bench sqlite "sqlite://$WORK/bench.db" ;;
    postgres)
      db="rapport_hooks_$$"
      psql -q "$PG_ADMIN_URL" -c "CREATE DATABASE $db"
      bench postgres "${PG_ADMIN_URL%/*}/$db"
      psql -q "$PG_ADMIN_URL" -c "DROP DATABASE $db" ;;
  esac
done
