// A CRM sync through the generated TypeScript client, against a running server: the same
// scenario as clients/scenario/sync.py. Checked with `tsc --strict`; run by .ci/run
// against the release binary (bundled with esbuild, then run with node).
//
//   node scenario.mjs http://127.0.0.1:8080

import {
  contactBatch,
  createApiKey,
  createContact,
  deleteContact,
  listChanges,
  logInteraction,
  mergeContact,
  register,
  updateContact,
} from '../src/client';
import { client } from '../src/client/client.gen';
import type { Change, UpsertContact } from '../src/client';

const CONTACTS = 500;

function check(condition: boolean, what: string): asserts condition {
  if (!condition) {
    throw new Error(`scenario failed: ${what}`);
  }
}

async function upsertAll(): Promise<Array<[number, string]>> {
  const outcomes: Array<[number, string]> = [];
  for (let start = 0; start < CONTACTS; start += 100) {
    const operations: UpsertContact[] = [];
    for (let n = start; n < start + 100; n++) {
      operations.push({
        op: 'upsert',
        external_id: { system: 'hubspot', id: String(n) },
        contact: { first_name: `First${n}`, emails: [`person${n}@example.com`] },
      });
    }
    const { data, error } = await contactBatch({ body: { operations } });
    check(data !== undefined, `batch ${start}: ${JSON.stringify(error)}`);
    for (const result of data.results) {
      check(typeof result.id === 'string', `result ${result.index} has no id`);
      outcomes.push([result.status, result.id]);
    }
  }
  return outcomes;
}

async function follow(since: string): Promise<[Change[], string]> {
  const changes: Change[] = [];
  for (;;) {
    const { data, error } = await listChanges({ query: { since, limit: 100 } });
    check(data !== undefined, `feed: ${JSON.stringify(error)}`);
    changes.push(...data.data);
    since = data.next_token;
    if (!data.has_more) {
      return [changes, since];
    }
  }
}

async function main(baseUrl: string): Promise<void> {
  client.setConfig({ baseUrl });
  const email = `sync-${Date.now()}-${Math.floor(Math.random() * 1e9)}@example.com`;
  const session = await register({
    body: { email, password: 'correct horse battery staple', name: 'Sync', workspace_name: 'CRM' },
  });
  check(session.data !== undefined, `register: ${JSON.stringify(session.error)}`);
  const accessToken = session.data.access_token;
  const key = await createApiKey({
    auth: () => accessToken,
    body: { name: 'CRM sync', scopes: ['read', 'write'] },
  });
  check(key.data !== undefined && key.data.secret.startsWith('rk_'), `api key: ${JSON.stringify(key.error)}`);
  const secret = key.data.secret;
  client.setConfig({ baseUrl, auth: () => secret });

  const first = await upsertAll();
  check(first.every(([status]) => status === 201), 'the first run creates every contact');
  const start = await listChanges();
  check(start.data !== undefined, 'feed start');
  const second = await upsertAll();
  check(second.every(([status]) => status === 200), 'the second run finds every contact');
  check(second.every(([, id], i) => id === first[i][1]), 'the second run finds the same contacts');
  const [unchanged, since] = await follow(start.data.next_token);
  check(unchanged.length === 0, `an unchanged run leaves nothing in the feed: ${unchanged.length} changes`);

  const [ana, ben, gone, dup] = [first[0][1], first[1][1], first[2][1], first[3][1]];
  const edited = await updateContact({ path: { id: ana }, body: { title: 'CFO' } });
  check(edited.response.status === 200, `edit: ${edited.response.status}`);
  const deleted = await deleteContact({ path: { id: gone } });
  check(deleted.response.status === 204, `delete: ${deleted.response.status}`);
  const logged = await logInteraction({
    body: { contact_ids: [ben], occurred_at: '2026-11-30T10:00:00Z', channel: 'phone', kind: 'catch_up' },
  });
  check(logged.data !== undefined, `interaction: ${JSON.stringify(logged.error)}`);
  const merged = await mergeContact({ path: { id: ben }, body: { duplicate_id: dup } });
  check(merged.data !== undefined, `merge: ${JSON.stringify(merged.error)}`);

  const [changes] = await follow(since);
  const seen = changes.map((change) => `${change.type} ${change.id} ${change.op}`);
  const expected = [`contact ${ana} updated`, `contact ${gone} deleted`, `contact ${ben} updated`];
  check(
    JSON.stringify(seen.slice(0, 3)) === JSON.stringify(expected),
    `edit, deletion and the logged interaction's contact: ${seen.slice(0, 3)}`,
  );
  check(changes[3].type === 'interaction' && changes[3].op === 'created', `the interaction: ${seen[3]}`);
  const merges = changes
    .filter((change) => change.op === 'merged')
    .map((change) => `${change.id}>${change.merged_into ?? ''}`)
    .sort();
  check(JSON.stringify(merges) === JSON.stringify([`${ben}>`, `${dup}>${ben}`].sort()), `the merge: ${merges}`);

  // Another contact claiming a CRM id that one already has: a typed problem naming it.
  const clash = await createContact({
    body: { first_name: 'Clash', external_ids: [{ system: 'hubspot', id: '0' }] },
  });
  check(clash.response.status === 409, `clash: ${clash.response.status}`);
  check(clash.error !== undefined && clash.error.code === 'external_id_taken', `clash: ${JSON.stringify(clash.error)}`);
  check(clash.error.detail.includes(ana), `the problem names the holder: ${clash.error.detail}`);
  console.log(`typescript sync scenario: ${CONTACTS} contacts upserted twice, ${changes.length} changes followed`);
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
