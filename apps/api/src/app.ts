import { PrismaAuthStore, type PrismaClient, QueryLogWriter, WorkpieceRepository } from '@workpiece/api-data-access-db';
import { AnswerDesk } from '@workpiece/api-domain-query';
import express, { type Express } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config';
import { authRoutes } from './http/auth.routes';
import { apiNotFound, errorHandler } from './http/error-handler';
import { healthRoutes } from './http/health.routes';
import { requireSession } from './http/session';
import { workpiecesRoutes } from './http/workpieces.routes';
import { wechatRoutes } from './wechat/wechat.routes';

/** What the app is built from; tests pass their own database and clock. */
export interface AppDeps {
  config: Config;
  prisma: PrismaClient;
  /** Built console files to serve at `/`, when present. */
  consoleDir?: string;
  now?: () => number;
}

/** The app plus what must happen before the process exits. */
export interface App {
  app: Express;
  /** Writes the queued query log; call after the server stopped taking requests. */
  shutdown(): Promise<void>;
  queryLog: QueryLogWriter;
}

/** Builds the Express app: REST API for the console, the WeChat webhook, and the console itself. */
export function createApp(deps: AppDeps): App {
  const { config, prisma } = deps;
  const now = deps.now ?? Date.now;
  const workpieces = new WorkpieceRepository(prisma);
  const authStore = new PrismaAuthStore(prisma);
  const queryLog = new QueryLogWriter(prisma, {
    onError: (error) => console.error('[query-log]', error.message),
  });
  const desk = new AnswerDesk(queryLog, { budgetMs: config.wechat.replyBudgetMs, now });

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');

  app.use('/wechat', wechatRoutes({ config: config.wechat, answers: config.answers, desk, finder: workpieces, now }));

  const api = express.Router();
  api.use(express.json({ limit: '1mb' }));
  api.use('/health', healthRoutes(prisma, now));
  api.use('/auth', authRoutes(authStore, { sessionTtlMs: config.sessionTtlMs, now }));
  api.use('/workpieces', requireSession(authStore, now), workpiecesRoutes(workpieces));
  api.use(apiNotFound);
  app.use('/api', api);

  const consoleDir = deps.consoleDir;
  if (consoleDir && existsSync(join(consoleDir, 'index.html'))) {
    app.use(express.static(consoleDir, { index: false, maxAge: '1h' }));
    // Every other GET is a console route: the Angular router takes it from index.html.
    app.get(/^\/(?!api\/|wechat).*/, (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(join(consoleDir, 'index.html'));
    });
  }

  app.use(errorHandler);

  return {
    app,
    queryLog,
    shutdown: () => queryLog.close(),
  };
}
