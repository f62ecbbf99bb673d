// `npm run bench`: loads the WeChat webhook of the built API and of a hand-tuned floor server with
// the same signed traffic against one million workpieces, and prints throughput, latency, errors
// and the query-log count. See bench/README.md.
import { parseDatabaseUrl, driverConfig } from '@workpiece/api-data-access-db';
import { signQuery, textMessageXml } from '@workpiece/wechat-protocol/testing';
import autocannon, { type Request, type Result } from 'autocannon';
import * as mariadb from 'mariadb';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { missingCodeNear, prepareBenchDatabase, WORKPIECE_COUNT, workpieceAt } from './bench-data';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const env = process.env;
const DATABASE_URL = env['BENCH_DATABASE_URL'] || 'mysql://root@127.0.0.1:3306/wp_bench';
const SECONDS = positiveInt('BENCH_SECONDS', 20);
const WARMUP_SECONDS = positiveInt('BENCH_WARMUP_SECONDS', 3);
const CONNECTIONS = positiveInt('BENCH_CONNECTIONS', 50);
const SERVERS = (env['BENCH_SERVERS'] || 'ours,floor').split(',').map((s) => s.trim()) as ServerKind[];
/** When set, the API runs with `--cpu-prof` and writes its profile into this folder. */
const CPU_PROF_DIR = env['BENCH_CPU_PROF'];
const MISS_SHARE = share('BENCH_MISS_SHARE', 0.1);
/** Requests per second offered in all (0: as fast as the server answers, the default). */
const RATE = env['BENCH_RATE'] ? positiveInt('BENCH_RATE', 0) : 0;
const TOKEN = randomBytes(12).toString('hex');
const OPENIDS = Array.from({ length: 1000 }, (_, i) => `oBench${String(i).padStart(22, '0')}`);

type ServerKind = 'ours' | 'floor';

interface Expectation {
  /** A hit must get exactly `text`; a miss a reply that starts with it (ours adds suggestions). */
  kind: 'hit' | 'miss';
  text: string;
}

interface Measured {
  server: ServerKind;
  result: Result;
  checked: number;
  wrong: string[];
  wrongCount: number;
  serverCpuMs: number | null;
  dbCpuMs: number | null;
  benchCpuMs: number;
  /** CPU used by everything else on the machine during the run (other jobs, the kernel's own work). */
  otherCpuMs: number | null;
  messagesSent: number;
  logRows: number;
}

function share(name: string, fallback: number): number {
  const value = env[name] === undefined || env[name] === '' ? fallback : Number(env[name]);
  if (!(value >= 0 && value <= 1)) throw new Error(`${name} must be a fraction from 0 to 1`);
  return value;
}

function positiveInt(name: string, fallback: number): number {
  const value = env[name] === undefined || env[name] === '' ? fallback : Number(env[name]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number ≥ 1`);
  return value;
}

// ---- traffic -------------------------------------------------------------------------------

function fullWidth(text: string): string {
  return text.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}

function hitReply(index: number): string {
  const { code, locationPath } = workpieceAt(index);
  return locationPath === null ? `[${code}]尚未放置到任何台位` : `[${code}]的工作台位为[${locationPath.join('')}]`;
}

/** A random question: 90% codes that exist (some typed in lower case or full width), 10% misses. */
function randomQuestion(): { content: string; expect: Expectation } {
  const index = randomInt(WORKPIECE_COUNT);
  if (Math.random() < MISS_SHARE) {
    const typed = missingCodeNear(index);
    return { content: `?${typed}`, expect: { kind: 'miss', text: `未找到工件[${typed}]` } };
  }
  const code = workpieceAt(index).code;
  const style = Math.random();
  const content = style < 0.1 ? `？${fullWidth(code)}` : style < 0.2 ? `?${code.toLowerCase()}` : `?${code}`;
  return { content, expect: { kind: 'hit', text: hitReply(index) } };
}

/** Signs messages for one server: fresh timestamp and nonce, a unique MsgId, counted. */
class MessageFactory {
  sent = 0;
  // Unique across runs too: a run starts at least a millisecond after the previous one began.
  private readonly msgIdBase = BigInt(Date.now()) * 1_000_000n;

  build(content: string): { path: string; body: string } {
    const seq = this.sent++;
    const timestamp = String(Math.floor(Date.now() / 1000));
    const openid = OPENIDS[seq % OPENIDS.length];
    const query = signQuery({ token: TOKEN, timestamp, nonce: String(randomInt(1e9, 1e10)), openid });
    const body = textMessageXml({ fromUser: openid, createTime: timestamp, msgId: String(this.msgIdBase + BigInt(seq)), content });
    return { path: `/wechat?${new URLSearchParams(query as Record<string, string>)}`, body };
  }
}

function replyContent(body: string): string | null {
  return /<Content><!\[CDATA\[([\s\S]*?)\]\]><\/Content>/.exec(body)?.[1] ?? null;
}

function matches(expect: Expectation, content: string | null): boolean {
  return content !== null && (expect.kind === 'hit' ? content === expect.text : content.startsWith(expect.text));
}

// ---- servers -------------------------------------------------------------------------------

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function childEnv(port: number): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    // The developer's own settings (.env, shell) must not change what is measured.
    if (!/^(WECHAT_|REPLY_|DATABASE_|PORT$|HOST$|CONSOLE_DIR$|NODE_OPTIONS$)/.test(key)) clean[key] = value;
  }
  return { ...clean, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL, WECHAT_TOKEN: TOKEN };
}

interface Running {
  child: ChildProcess;
  base: string;
  output: string[];
}

async function startServer(kind: ServerKind): Promise<Running> {
  const port = await freePort();
  const args =
    kind === 'ours'
      ? [...(CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF_DIR}`] : []), 'dist/apps/api/main.js']
      : ['--import', 'tsx', 'bench/floor-server.ts'];
  const child = spawn(process.execPath, args, { cwd: ROOT, env: childEnv(port), stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    output.splice(0, Math.max(0, output.length - 40));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', (chunk: Buffer) => {
    keep(chunk);
    process.stderr.write(chunk.toString('utf8').replace(/^(?=.)/gm, `  [${kind}] `));
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { child, base, output };
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`${kind} server did not become healthy:\n${output.join('\n')}`);
}

async function stopServer(running: Running): Promise<void> {
  const { child } = running;
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

// ---- CPU accounting (Linux /proc; absent elsewhere) ----------------------------------------

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** User + system CPU of a process in ms, or null when it cannot be read. */
function processCpuMs(pid: number | undefined | null): number | null {
  if (!pid) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat, 12 and 13 after "pid (comm) ".
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** CPU time of the whole machine (all cores) in ms, or null without /proc/stat. */
function machineCpuMs(): number | null {
  try {
    const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    const [user, nice, system, , , irq, softirq, steal] = fields.map(Number);
    return ((user + nice + system + irq + softirq + steal) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

async function databasePid(pool: mariadb.Pool): Promise<number | null> {
  try {
    const [row] = await pool.query<{ pidFile: string }[]>('SELECT @@pid_file AS pidFile');
    return existsSync(row.pidFile) ? Number(readFileSync(row.pidFile, 'utf8').trim()) || null : null;
  } catch {
    return null;
  }
}

// ---- one server's run ----------------------------------------------------------------------

async function sendOne(base: string, factory: MessageFactory, content: string): Promise<{ status: number; content: string | null }> {
  const { path, body } = factory.build(content);
  const res = await fetch(base + path, { method: 'POST', headers: { 'content-type': 'text/xml' }, body });
  return { status: res.status, content: replyContent(await res.text()) };
}

/** Asks a few questions with known answers before the load; throws when a reply is wrong. */
async function checkAnswers(kind: ServerKind, base: string, factory: MessageFactory): Promise<string> {
  const letterCode = 3 * 5000 + 545; // CT13-546: a code with letters, to type in lower case and full width
  const cases: Array<{ content: string; expect: Expectation }> = [
    { content: `?${workpieceAt(2718).code}`, expect: { kind: 'hit', text: hitReply(2718) } },
    { content: `?${workpieceAt(letterCode).code.toLowerCase()}`, expect: { kind: 'hit', text: hitReply(letterCode) } },
    { content: `？${fullWidth(workpieceAt(letterCode).code)}`, expect: { kind: 'hit', text: hitReply(letterCode) } },
    { content: `?${workpieceAt(49).code}`, expect: { kind: 'hit', text: hitReply(49) } },
    { content: `?${missingCodeNear(2718)}`, expect: { kind: 'miss', text: `未找到工件[${missingCodeNear(2718)}]` } },
  ];
  let missReply = '';
  for (const { content, expect } of cases) {
    const got = await sendOne(base, factory, content);
    if (got.status !== 200 || !matches(expect, got.content)) {
      throw new Error(`${kind}: ${content} got ${got.status} "${got.content}", expected ${expect.kind === 'hit' ? '' : 'a reply starting with '}"${expect.text}"`);
    }
    if (expect.kind === 'miss') missReply = got.content ?? '';
  }
  const forged = await fetch(`${base}/wechat?signature=${'0'.repeat(40)}&timestamp=${Math.floor(Date.now() / 1000)}&nonce=1`, {
    method: 'POST',
    body: textMessageXml({ content: '?18-546' }),
  });
  if (forged.status !== 401) throw new Error(`${kind}: a forged signature got ${forged.status}, expected 401`);
  return missReply;
}

function load(base: string, factory: MessageFactory, seconds: number, onChecked: (ok: boolean, detail: string) => void) {
  const request: Request = {
    method: 'POST',
    headers: { 'content-type': 'text/xml' },
    setupRequest: (req, context) => {
      const question = randomQuestion();
      context['expect'] = question.expect;
      context['content'] = question.content;
      return { ...req, ...factory.build(question.content) };
    },
    onResponse: (status, body, context) => {
      // Non-2xx answers are counted by autocannon; only the text of 200s is checked here.
      if (status !== 200) return;
      const got = replyContent(body);
      const ok = matches(context['expect'] as Expectation, got);
      onChecked(ok, ok ? '' : `${String(context['content'])} → "${got}"`);
    },
  };
  return autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 10,
    requests: [request],
    ...(RATE > 0 && { overallRate: RATE }),
  });
}

async function bench(kind: ServerKind, pool: mariadb.Pool, dbPid: number | null): Promise<Measured> {
  await pool.query('TRUNCATE TABLE query_log');
  const running = await startServer(kind);
  const factory = new MessageFactory();
  try {
    const missReply = await checkAnswers(kind, running.base, factory);
    console.log(`${kind}: answers checked (a miss reads "${missReply}"); warming up for ${WARMUP_SECONDS} s …`);
    await load(running.base, factory, WARMUP_SECONDS, () => undefined);

    console.log(`${kind}: ${CONNECTIONS} connections for ${SECONDS} s …`);
    let checked = 0;
    let wrongCount = 0;
    const wrong: string[] = [];
    const serverCpu = processCpuMs(running.child.pid);
    const dbCpu = processCpuMs(dbPid);
    const benchCpu = process.cpuUsage();
    const machineCpu = machineCpuMs();
    const result = await load(running.base, factory, SECONDS, (ok, detail) => {
      checked++;
      if (ok) return;
      wrongCount++;
      if (wrong.length < 5) wrong.push(detail);
    });
    const serverCpuAfter = processCpuMs(running.child.pid);
    const dbCpuAfter = processCpuMs(dbPid);
    const benchCpuUsed = process.cpuUsage(benchCpu);
    const machineCpuAfter = machineCpuMs();

    // autocannon hangs up on requests still in flight when its time is up; a server that stops at
    // that instant may close before their answers are logged, so let them finish first.
    await new Promise((done) => setTimeout(done, 1000));
    await stopServer(running);
    // Both servers write the rest of their log on SIGTERM; give the database a moment anyway.
    let logRows = 0;
    for (let attempt = 0; attempt < 20; attempt++) {
      const [row] = await pool.query<{ n: bigint }[]>('SELECT COUNT(*) AS n FROM query_log');
      logRows = Number(row.n);
      if (logRows >= factory.sent) break;
      await new Promise((done) => setTimeout(done, 100));
    }
    const serverCpuMs = serverCpu === null || serverCpuAfter === null ? null : serverCpuAfter - serverCpu;
    const dbCpuMs = dbCpu === null || dbCpuAfter === null ? null : dbCpuAfter - dbCpu;
    const benchCpuMs = (benchCpuUsed.user + benchCpuUsed.system) / 1000;
    const known = [serverCpuMs, dbCpuMs, machineCpu, machineCpuAfter];
    return {
      server: kind,
      result,
      checked,
      wrong,
      wrongCount,
      serverCpuMs,
      dbCpuMs,
      benchCpuMs,
      otherCpuMs: known.includes(null)
        ? null
        : Math.max(0, (machineCpuAfter as number) - (machineCpu as number) - (serverCpuMs as number) - (dbCpuMs as number) - benchCpuMs),
      messagesSent: factory.sent,
      logRows,
    };
  } finally {
    await stopServer(running);
  }
}

// ---- report ----------------------------------------------------------------------------------

function report(runs: Measured[]): void {
  const perRequest = (ms: number | null, r: Result) => (ms === null ? 'n/a' : (ms / Math.max(1, r.requests.total)).toFixed(3));
  const rows = runs.map((m) => {
    const r = m.result;
    return {
      server: m.server,
      'req/s': (r.requests.total / r.duration).toFixed(0),
      'p50 ms': String(r.latency.p50),
      'p99 ms': String(r.latency.p99),
      errors: String(r.errors + r.non2xx),
      'wrong replies': `${m.wrongCount}/${m.checked}`,
      'server CPU ms/req': perRequest(m.serverCpuMs, r),
      'MariaDB CPU ms/req': perRequest(m.dbCpuMs, r),
      'load gen CPU %': ((m.benchCpuMs / (r.duration * 1000)) * 100).toFixed(0),
      'other CPU %': m.otherCpuMs === null ? 'n/a' : ((m.otherCpuMs / (r.duration * 1000)) * 100).toFixed(0),
    };
  });
  const columns = Object.keys(rows[0]) as Array<keyof (typeof rows)[number]>;
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((row) => row[c].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`;
  console.log(`\n${line(columns)}\n|${widths.map((w, i) => (i === 0 ? `${'-'.repeat(w + 1)}-` : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const row of rows) console.log(line(columns.map((c) => row[c])));
  console.log();

  for (const m of runs) {
    const r = m.result;
    if (r.errors + r.non2xx > 0) {
      console.log(`${m.server}: ${r.errors} errors (${r.timeouts} timeouts), ${r.non2xx} non-2xx ${JSON.stringify(r.statusCodeStats)}`);
    }
    for (const detail of m.wrong) console.log(`${m.server}: wrong reply ${detail}`);
    const verdict = m.logRows === m.messagesSent ? 'match' : 'DO NOT MATCH';
    console.log(`${m.server}: query_log rows ${m.logRows} for ${m.messagesSent} signed messages sent (checks + warm-up + run): ${verdict}`);
  }

  const ours = runs.find((m) => m.server === 'ours');
  const floor = runs.find((m) => m.server === 'floor');
  if (ours && floor) {
    const ratio = ours.result.requests.total / ours.result.duration / (floor.result.requests.total / floor.result.duration);
    const clean = ours.result.errors + ours.result.non2xx + ours.wrongCount === 0;
    if (RATE > 0) {
      // At a fixed offered rate both answer the same number of requests; what differs is the cost.
      const cpu = (m: Measured) => (m.serverCpuMs ?? NaN) / Math.max(1, m.result.requests.total);
      console.log(`\nat ${RATE} req/s offered: ours uses ${(cpu(ours) / cpu(floor)).toFixed(2)}× the floor's server CPU per request`);
    } else {
      console.log(`\nours/floor throughput: ${(ratio * 100).toFixed(0)}% (aim ≥ 70%: ${ratio >= 0.7 ? 'met' : 'MISSED'})`);
    }
    console.log(`ours p99: ${ours.result.latency.p99} ms (aim < 50 ms: ${ours.result.latency.p99 < 50 ? 'met' : 'MISSED'})`);
    console.log(`ours errors and wrong replies: ${clean ? 'none (aim met)' : 'SOME (aim MISSED)'}`);
  }
}

// ---- main ----------------------------------------------------------------------------------

async function main(): Promise<void> {
  const target = parseDatabaseUrl(DATABASE_URL);
  // The bench truncates tables: never let it near a database that is not meant for it.
  if (!/bench/i.test(target.database)) throw new Error(`BENCH_DATABASE_URL must name a bench database (e.g. wp_bench), not "${target.database}"`);
  for (const kind of SERVERS) if (kind !== 'ours' && kind !== 'floor') throw new Error(`BENCH_SERVERS: unknown server "${kind}"`);

  console.log(`database ${target.host}:${target.port}/${target.database}`);
  await prepareBenchDatabase(DATABASE_URL, (line) => console.log(line));

  if (SERVERS.includes('ours')) {
    console.log('building the API (nx replays it from cache when nothing changed) …');
    execFileSync('npx', ['nx', 'run', 'api:build', '--output-style=static'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
    });
  }

  const pool = mariadb.createPool({ ...driverConfig(target), connectionLimit: 2 });
  try {
    const dbPid = await databasePid(pool);
    const [server] = await pool.query<{ version: string; bufferPool: bigint }[]>(
      'SELECT VERSION() AS version, @@innodb_buffer_pool_size AS bufferPool',
    );
    console.log(
      `${availableParallelism()} cores, Node ${process.version}, MariaDB ${server.version} (buffer pool ${Number(server.bufferPool) >> 20} MiB); ` +
        `${CONNECTIONS} connections${RATE > 0 ? ` offering ${RATE} req/s` : ''}, ${SECONDS} s after ${WARMUP_SECONDS} s warm-up, ` +
        `${Math.round(MISS_SHARE * 100)}% misses`,
    );
    // Read the indexes once so whichever server goes first does not pay for a cold buffer pool.
    await pool.query('SELECT COUNT(*) FROM workpiece FORCE INDEX (workpiece_normalized_code_key)');
    await pool.query('SELECT COUNT(*) FROM workpiece FORCE INDEX (workpiece_reversed_code_idx)');
    const runs: Measured[] = [];
    for (const kind of SERVERS) runs.push(await bench(kind, pool, dbPid));
    report(runs);
  } finally {
    await pool.end();
  }
}

main().catch((error: unknown) => {
  console.error(`\n✖ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
