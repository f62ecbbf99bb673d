import { isValidTimeZone, validateTemplates } from '@workpiece/api-domain-query';
import { z } from 'zod';

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v));

const aesKey = (name: string) =>
  optionalText.refine((v) => v === undefined || /^[A-Za-z0-9+/]{43}$/.test(v), {
    message: `${name} must be the 43-character EncodingAESKey from the WeChat admin page`,
  });

const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('0.0.0.0'),
    DATABASE_URL: z
      .string({ error: 'DATABASE_URL is required (npm start sets it to the project-local MariaDB when unset)' })
      .regex(/^(mysql|mariadb):\/\//, 'DATABASE_URL must look like mysql://user:password@host:3306/workpiece'),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    WECHAT_TOKEN: z
      .string({ error: 'WECHAT_TOKEN is required: the Token you enter on the WeChat admin page (npm run setup writes one to .env)' })
      .regex(/^[A-Za-z0-9]{3,32}$/, 'WECHAT_TOKEN must be 3–32 letters or digits, as WeChat requires'),
    WECHAT_APP_ID: optionalText,
    WECHAT_ENCODING_AES_KEY: aesKey('WECHAT_ENCODING_AES_KEY'),
    WECHAT_ENCODING_AES_KEY_PREVIOUS: aesKey('WECHAT_ENCODING_AES_KEY_PREVIOUS'),
    WECHAT_TIMESTAMP_WINDOW_SECONDS: z.coerce.number().int().min(0).default(300),
    WECHAT_REPLY_BUDGET_MS: z.coerce.number().int().min(100).max(4900).default(4500),
    WECHAT_BODY_LIMIT: z.string().regex(/^\d+(b|kb|mb)?$/i, 'WECHAT_BODY_LIMIT looks like 64kb').default('64kb'),
    REPLY_TEMPLATE_HIT: optionalText,
    REPLY_TEMPLATE_NOT_PLACED: optionalText,
    REPLY_TIME_ZONE: z.string().default('Asia/Shanghai'),
    SESSION_TTL_HOURS: z.coerce.number().min(0.1).max(24 * 90).default(12),
    CONSOLE_DIR: optionalText,
  })
  .superRefine((env, ctx) => {
    if ((env.WECHAT_ENCODING_AES_KEY || env.WECHAT_ENCODING_AES_KEY_PREVIOUS) && !env.WECHAT_APP_ID) {
      ctx.addIssue({ code: 'custom', path: ['WECHAT_APP_ID'], message: 'WECHAT_APP_ID is required when WECHAT_ENCODING_AES_KEY is set (encrypted modes check it)' });
    }
    if (env.WECHAT_ENCODING_AES_KEY_PREVIOUS && !env.WECHAT_ENCODING_AES_KEY) {
      ctx.addIssue({ code: 'custom', path: ['WECHAT_ENCODING_AES_KEY'], message: 'WECHAT_ENCODING_AES_KEY_PREVIOUS needs WECHAT_ENCODING_AES_KEY (the current key) too' });
    }
    if (!isValidTimeZone(env.REPLY_TIME_ZONE)) {
      ctx.addIssue({ code: 'custom', path: ['REPLY_TIME_ZONE'], message: `REPLY_TIME_ZONE is not a known time zone (e.g. Asia/Shanghai)` });
    }
    for (const problem of validateTemplates({ hit: env.REPLY_TEMPLATE_HIT, notPlaced: env.REPLY_TEMPLATE_NOT_PLACED })) {
      ctx.addIssue({ code: 'custom', path: ['REPLY_TEMPLATE_HIT'], message: problem });
    }
  });

/** Everything the API reads from its environment, validated once at start-up. */
export type Config = ReturnType<typeof toConfig>;

function toConfig(env: z.infer<typeof envSchema>) {
  return {
    port: env.PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL,
    databasePoolSize: env.DATABASE_POOL_SIZE,
    wechat: {
      token: env.WECHAT_TOKEN,
      appId: env.WECHAT_APP_ID,
      /** Current key first, then the previous one (key rotation). */
      encodingAesKeys: [env.WECHAT_ENCODING_AES_KEY, env.WECHAT_ENCODING_AES_KEY_PREVIOUS].filter((k): k is string => !!k),
      timestampWindowSeconds: env.WECHAT_TIMESTAMP_WINDOW_SECONDS,
      replyBudgetMs: env.WECHAT_REPLY_BUDGET_MS,
      bodyLimit: env.WECHAT_BODY_LIMIT,
    },
    answers: {
      templates: { ...(env.REPLY_TEMPLATE_HIT && { hit: env.REPLY_TEMPLATE_HIT }), ...(env.REPLY_TEMPLATE_NOT_PLACED && { notPlaced: env.REPLY_TEMPLATE_NOT_PLACED }) },
      timeZone: env.REPLY_TIME_ZONE,
    },
    sessionTtlMs: env.SESSION_TTL_HOURS * 3600_000,
    consoleDir: env.CONSOLE_DIR,
  };
}

/** Validates the environment; throws one error listing every variable that is missing or wrong. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.message}${issue.path.length ? ` (${issue.path.join('.')})` : ''}`);
    throw new Error(`The API cannot start: its settings are incomplete.\n${lines.join('\n')}`);
  }
  return toConfig(result.data);
}
