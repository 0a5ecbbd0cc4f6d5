// The same records replicated on loopback by our server and by PouchDB (pouchdb-server, in memory):
// a first sync, an up-to-date check and a 10-record delta, in bytes on the wire (both directions,
// headers included, counted by a TCP proxy in front of each server) and wall-clock time.
// Usage: node pouchdb_bench.mjs PATH/TO/partnership
// Our client side is what the sync client does: the gzip snapshot, then /changes?since=<revision>.
// PouchDB's is PouchDB.replicate.from() into an in-memory database.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

const require = createRequire(import.meta.url);
const PouchDB = require('pouchdb');
PouchDB.plugin(require('pouchdb-adapter-memory'));

const bin = process.argv[2];
if (!bin) throw new Error('usage: node pouchdb_bench.mjs PATH/TO/partnership');
const here = path.dirname(new URL(import.meta.url).pathname);

/// A TCP proxy that counts every byte in both directions.
async function countingProxy(targetPort) {
  const counter = { bytes: 0, answered: 0 };
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    client.on('data', (d) => { counter.bytes += d.length; upstream.write(d); });
    upstream.on('data', (d) => { counter.bytes += d.length; counter.answered += d.length; client.write(d); });
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: server.address().port, counter, close: () => server.close() };
}

async function measure(counter, work) {
  const before = counter.bytes, answeredBefore = counter.answered;
  const started = performance.now();
  const result = await work();
  return { bytes: counter.bytes - before, answered: counter.answered - answeredBefore, ms: performance.now() - started, result };
}

/// The same measurement `times` times: bytes of the last, the median time.
async function repeated(counter, times, work) {
  const runs = [];
  for (let i = 0; i < times; ++i) runs.push(await measure(counter, work));
  const ms = runs.map((r) => r.ms).sort((a, b) => a - b)[Math.floor(times / 2)];
  return { ...runs[runs.length - 1], ms };
}

function request(port, method, target, headers = {}, body) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: target, headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

/// A port nobody listens on now (pouchdb-server takes --port 0 as its default, 5984).
async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function startProcess(command, args, ready, cwd) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], cwd });
  return new Promise((resolve, reject) => {
    let seen = '';
    const look = (d) => {
      seen += d;
      const match = seen.match(ready);
      if (match) resolve({ child, match });
    };
    child.stdout.on('data', look);
    child.stderr.on('data', look);
    child.on('exit', (code) => reject(new Error(`${command} exited (${code}): ${seen.slice(-500)}`)));
  });
}

const data = fs.mkdtempSync(path.join(os.tmpdir(), 'prd-pouch-'));
const children = [];
try {
  // Our server on the built-in registry, and a moderator token for the delta.
  const token = (await new Promise((resolve, reject) => {
    const child = spawn(bin, ['token', 'create', '--data', data, '--role', 'moderator', '--label', 'bench']);
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error('token create failed'))));
  })).trim();
  const ours = await startProcess(bin, ['serve', '--data', data, '--listen', '127.0.0.1:0', '--web', ''],
                                  /listening on http:\/\/127\.0\.0\.1:(\d+)/);
  children.push(ours.child);
  const ourPort = Number(ours.match[1]);

  // PouchDB's server, in memory, with the same records as documents.
  const pouchBin = path.join(here, 'node_modules', '.bin', 'pouchdb-server');
  // It writes config.json and log.txt into its working folder: the temporary one.
  const pouch = await startProcess(pouchBin, ['--in-memory', '--port', String(await freePort()), '--host', '127.0.0.1'],
                                   /started on http:\/\/127\.0\.0\.1:(\d+)/, data);
  children.push(pouch.child);
  const pouchPort = Number(pouch.match[1]);

  const snapshot = JSON.parse((await request(ourPort, 'GET', '/api/v1/snapshot')).body);
  const docs = [];
  for (const m of snapshot.municipalities) docs.push({ ...m, _id: `municipality:${m.id}` });
  for (const p of snapshot.partnerships) docs.push({ ...p, _id: `partnership:${p.id}` });
  for (const a of snapshot.announcements) docs.push({ ...a, _id: `announcement:${a.id}` });
  const remote = new PouchDB(`http://127.0.0.1:${pouchPort}/registry`);
  for (let i = 0; i < docs.length; i += 1000) await remote.bulkDocs(docs.slice(i, i + 1000));
  console.log(`records: ${docs.length} (${snapshot.municipalities.length} municipalities, ` +
              `${snapshot.partnerships.length} partnerships, ${snapshot.announcements.length} announcements)`);

  const ourProxy = await countingProxy(ourPort);
  const pouchProxy = await countingProxy(pouchPort);
  const results = {};

  // --- ours
  const first = await measure(ourProxy.counter, async () => {
    const reply = await request(ourProxy.port, 'GET', '/api/v1/snapshot', { 'Accept-Encoding': 'gzip' });
    const body = reply.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(reply.body) : reply.body;
    return JSON.parse(body).revision;
  });
  let revision = first.result;
  const upToDate = await repeated(ourProxy.counter, 21, () =>
    request(ourProxy.port, 'GET', `/api/v1/changes?since=${revision}`, { 'Accept-Encoding': 'gzip' }));
  const revalidate = await repeated(ourProxy.counter, 21, () =>
    request(ourProxy.port, 'GET', '/api/v1/snapshot', { 'Accept-Encoding': 'gzip', 'If-None-Match': `"${revision}-gzip"` }));
  if (revalidate.result.status !== 304) throw new Error(`the snapshot revalidation answered ${revalidate.result.status}`);
  const edited = snapshot.municipalities.slice(0, 10);
  for (const [i, m] of edited.entries()) {
    const body = JSON.stringify({ ...m, contacts: { ...m.contacts, person: `bench ${i}` } });
    const reply = await request(ourPort, 'PUT', `/api/v1/municipalities/${m.id}`,
                                { Authorization: `Bearer ${token}`, 'If-Match': '*', 'Content-Type': 'application/json' }, body);
    if (reply.status !== 200) throw new Error(`a write answered ${reply.status}: ${reply.body}`);
  }
  const delta = await measure(ourProxy.counter, async () => {
    const reply = await request(ourProxy.port, 'GET', `/api/v1/changes?since=${revision}`, { 'Accept-Encoding': 'gzip' });
    const body = reply.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(reply.body) : reply.body;
    return JSON.parse(body).changes.length;
  });
  if (delta.result !== 10) throw new Error(`the delta held ${delta.result} records, not 10`);
  results.ours = { first, upToDate, revalidate, delta };

  // --- PouchDB
  const local = new PouchDB('bench-local', { adapter: 'memory' });
  const source = `http://127.0.0.1:${pouchProxy.port}/registry`;
  const pFirst = await measure(pouchProxy.counter, () => local.replicate.from(source));
  const pUpToDate = await repeated(pouchProxy.counter, 21, () => local.replicate.from(source));
  const changed = await remote.allDocs({ include_docs: true, limit: 10 });
  await remote.bulkDocs(changed.rows.map((row, i) => ({ ...row.doc, contacts: { ...row.doc.contacts, person: `bench ${i}` } })));
  const pDelta = await measure(pouchProxy.counter, () => local.replicate.from(source));
  if (pDelta.result.docs_written !== 10) throw new Error(`PouchDB wrote ${pDelta.result.docs_written} documents, not 10`);
  results.pouchdb = { first: pFirst, upToDate: pUpToDate, delta: pDelta };

  const kb = (n) => (n >= 10240 ? `${(n / 1024).toFixed(0)} KB` : `${n} bytes`);
  const row = (label, a, b) => console.log(`| ${label} | ${a} | ${b} |`);
  console.log('\n| loopback, both directions counted | our server | PouchDB (pouchdb-server, memory) |\n|---|---|---|');
  row('first sync: bytes', kb(results.ours.first.bytes), kb(results.pouchdb.first.bytes));
  row('first sync: time', `${results.ours.first.ms.toFixed(0)} ms`, `${results.pouchdb.first.ms.toFixed(0)} ms`);
  const both = (r) => `${r.bytes} (answers: ${r.answered})`;
  row('up-to-date check: bytes', `${both(results.ours.upToDate)} for /changes; ${both(results.ours.revalidate)} for the snapshot's 304`,
      both(results.pouchdb.upToDate));
  row('up-to-date check: time, median of 21', `${results.ours.upToDate.ms.toFixed(1)} ms`, `${results.pouchdb.upToDate.ms.toFixed(1)} ms`);
  row('10-record delta: bytes', kb(results.ours.delta.bytes), kb(results.pouchdb.delta.bytes));
  row('10-record delta: time', `${results.ours.delta.ms.toFixed(1)} ms`, `${results.pouchdb.delta.ms.toFixed(1)} ms`);
  ourProxy.close();
  pouchProxy.close();
} finally {
  for (const child of children) child.kill('SIGTERM');
  fs.rmSync(data, { recursive: true, force: true });
}
