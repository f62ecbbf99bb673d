import type { ApiErrorBody } from '@workpiece/api-types';
import { AppError } from '@workpiece/api-util-errors';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';

/** Turns zod issues into one clerk-readable sentence plus per-field messages. */
function fromZod(error: ZodError): ApiErrorBody {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.join('.') || '_'] ??= issue.message;
  return { code: 'validation_failed', message: `输入有误 / Invalid input: ${Object.values(fields).join('; ')}`, fields };
}

/** Answers unknown /api paths with the same error shape as everything else. */
export const apiNotFound: RequestHandler = (req, res) => {
  const body: ApiErrorBody = { code: 'not_found', message: `没有这个接口 / No such endpoint: ${req.method} ${req.originalUrl}` };
  res.status(404).json(body);
};

/** The one error path: AppError → its status; bad JSON → 400; too large → 413; anything else → 500 without details. */
export const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  if (res.headersSent) return;
  let status = 500;
  let body: ApiErrorBody = { code: 'internal', message: '服务器出错，请稍后再试 / Something went wrong, please try again' };
  if (error instanceof AppError) {
    status = error.status;
    body = { code: error.code, message: error.message, ...(error.fields && { fields: error.fields }) };
  } else if (error instanceof ZodError) {
    status = 400;
    body = fromZod(error);
  } else if (error?.type === 'entity.too.large') {
    status = 413;
    body = { code: 'too_large', message: '请求内容太大 / The request body is too large' };
  } else if (error?.type === 'entity.parse.failed') {
    status = 400;
    body = { code: 'malformed', message: '请求格式错误 / The request body is not valid JSON' };
  } else {
    console.error(`[api] ${req.method} ${req.originalUrl} failed:`, error);
  }
  res.status(status).json(body);
};
