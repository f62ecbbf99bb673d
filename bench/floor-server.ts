// The floor: what a hand-tuned server does for the same webhook, with nothing the product adds
// (no Express, no Prisma, no dedupe, no deadline, no near-code search, one code per message).
// The bench runs it next to the API to see what the product's layers cost.
//   PORT=3100 DATABASE_URL=mysql://root@127.0.0.1:3306/wp_bench WECHAT_TOKEN=abc npx tsx bench/floor-server.ts
import { normalizeCode } from '@workpiece/api-domain-query';
import { XMLParser } from 'fast-xml-parser';
import * as mariadb from 'mariadb';
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

const env = process.env;
const token = env['WECHAT_TOKEN'] ?? '';
const windowSeconds = Number(env['WECHAT_TIMESTAMP_WINDOW_SECONDS'] ?? 300);
if (!/^[A-Za-z0-9]{3,32}$/.test(token)) throw new Error('WECHAT_TOKEN must be 3–32 letters or digits');
const db = new URL(env['DATABASE_URL'] ?? 'mysql://root@127.0.0.1:3306/wp_bench');

const pool = mariadb.createPool({
  host: db.hostname,
  port: Number(db.port || 3306),
  user: decodeURIComponent(db.username || 'root'),
  password: decodeURIComponent(db.password),
  database: decodeURIComponent(db.pathname.slice(1)),
  connectionLimit: Number(env['DATABASE_POOL_SIZE'] ?? 10),
  timezone: 'Z',
});

const parser = new XMLParser({ parseTagValue: false, processEntities: false, ignoreAttributes: true });

const LOOKUP = `SELECT w.code, l.name AS bay, p.name AS workshop
  FROM workpiece w LEFT JOIN location l ON l.id = w.location_id LEFT JOIN location p ON p.id = l.parent_id
  WHERE w.normalized_code = ?`;

interface LookupRow {
  code: string;
  bay: string | null;
  workshop: string | null;
}

// The query log, batched: one multi-row INSERT every 50 ms (or every 500 rows).
type LogRow = [string, string, string, string, string, string, string, number, Date];
let logRows: LogRow[] = [];
let logTimer: ReturnType<typeof setTimeout> | null = null;
let logWriting: Promise<void> = Promise.resolve();

function writeLog(row: LogRow): void {
  logRows.push(row);
  if (logRows.length >= 500) flushLog();
  else logTimer ??= setTimeout(flushLog, 50);
}

function flushLog(): Promise<void> {
  if (logTimer) clearTimeout(logTimer);
  logTimer = null;
  const rows = logRows;
  logRows = [];
  if (rows.length === 0) return logWriting;
  const sql = `INSERT INTO query_log
    (channel, openid, message_id, dedupe_key, raw_content, normalized_codes, outcome, reply_text, latency_ms, created_at)
    VALUES ${rows.map(() => `('wechat', ?, ?, ?, ?, ?, ?, ?, ?, ?)`).join(',')} ON DUPLICATE KEY UPDATE id = id`;
  logWriting = logWriting
    .then(() => pool.query(sql, rows.flat()))
    .then(
      () => undefined,
      (error: unknown) => console.error('[floor] query log write failed:', error instanceof Error ? error.message : error),
    );
  return logWriting;
}

function cdata(value: string): string {
  return `<![CDATA[${value.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function signatureHolds(q: URLSearchParams, nowMs: number): boolean {
  const timestamp = q.get('timestamp') ?? '';
  const nonce = q.get('nonce') ?? '';
  const given = Buffer.from(q.get('signature') ?? '', 'utf8');
  const expected = Buffer.from(createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex'), 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
  return /^\d{1,15}$/.test(timestamp) && Math.abs(nowMs / 1000 - Number(timestamp)) <= windowSeconds;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > 65_536) req.destroy(new Error('body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function handleWechat(req: IncomingMessage, res: ServerResponse, query: URLSearchParams): Promise<void> {
  const receivedAt = Date.now();
  if (!signatureHolds(query, receivedAt)) return send(res, 401, 'text/plain', 'invalid signature');
  const parsed = parser.parse(await readBody(req)) as { xml?: Record<string, string> };
  const xml = parsed.xml;
  if (!xml || typeof xml !== 'object' || xml['MsgType'] !== 'text' || !xml['FromUserName'] || !xml['MsgId']) {
    return send(res, 200, 'text/plain', 'success');
  }
  const content = String(xml['Content'] ?? '');
  const typed = content.trim().replace(/^[?？]\s*/, '');
  const normalized = normalizeCode(typed);
  const rows = await pool.query<LookupRow[]>(LOOKUP, [normalized]);
  const found = rows[0];
  let outcome: 'hit' | 'miss';
  let text: string;
  if (!found) {
    outcome = 'miss';
    text = `未找到工件[${typed}]`;
  } else {
    outcome = 'hit';
    text = found.bay === null ? `[${found.code}]尚未放置到任何台位` : `[${found.code}]的工作台位为[${found.workshop ?? ''}${found.bay}]`;
  }
  const reply =
    `<xml><ToUserName>${cdata(xml['FromUserName'])}</ToUserName><FromUserName>${cdata(xml['ToUserName'] ?? '')}</FromUserName>` +
    `<CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType>${cdata('text')}</MsgType><Content>${cdata(text)}</Content></xml>`;
  send(res, 200, 'application/xml; charset=utf-8', reply);
  const msgId = String(xml['MsgId']);
  writeLog([xml['FromUserName'], msgId, `msg:${msgId}`, content, JSON.stringify([normalized]), outcome, text, Date.now() - receivedAt, new Date(receivedAt)]);
}

const server = createServer((req, res) => {
  const url = req.url ?? '/';
  const mark = url.indexOf('?');
  const path = mark === -1 ? url : url.slice(0, mark);
  if (req.method === 'POST' && path === '/wechat') {
    handleWechat(req, res, new URLSearchParams(mark === -1 ? '' : url.slice(mark + 1))).catch((error: unknown) => {
      console.error('[floor]', error instanceof Error ? error.message : error);
      if (!res.headersSent) send(res, 500, 'text/plain', 'error');
    });
  } else if (req.method === 'GET' && path === '/api/health') {
    pool.query('SELECT 1').then(
      () => send(res, 200, 'application/json', '{"status":"ok"}'),
      () => send(res, 503, 'application/json', '{"status":"degraded"}'),
    );
  } else {
    send(res, 404, 'text/plain', 'not found');
  }
});

server.listen(Number(env['PORT'] ?? 3100), env['HOST'] ?? '127.0.0.1');

process.on('SIGTERM', () => {
  server.close();
  server.closeIdleConnections();
  // Give requests in flight a moment to log, then write the rest of the log.
  setTimeout(() => {
    void flushLog()
      .then(() => pool.end())
      .finally(() => process.exit(0));
  }, 200);
});
