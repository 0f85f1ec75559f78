import { z } from 'zod';

/**
 * All configuration, parsed once from the environment. A bad or missing setting stops start-up
 * with a message naming it. No other module reads process.env.
 */
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .optional()
  .transform((v) => (v === undefined || v === '' ? undefined : ['true', '1', 'yes'].includes(v)));

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const schema = z
  .object({
    HOST: z.string().default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DATABASE_URL: optionalString.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
    DATA_DIR: z.string().default('./data'),
    PUBLIC_BASE_URL: optionalString.pipe(z.url().optional()),
    LINE_CHANNEL_SECRET: optionalString,
    LINE_CHANNEL_ACCESS_TOKEN: optionalString,
    LINE_API_BASE_URL: z.url().default('https://api.line.me'),
    LIFF_ID: optionalString,
    OFFLINE_MODE: bool,
    ORG_DEFAULT_LANG: z.enum(['th', 'en']).default('th'),
  })
  .superRefine((v, ctx) => {
    const hasSecret = Boolean(v.LINE_CHANNEL_SECRET);
    const hasToken = Boolean(v.LINE_CHANNEL_ACCESS_TOKEN);
    if (hasSecret !== hasToken) {
      ctx.addIssue({
        code: 'custom',
        path: [hasSecret ? 'LINE_CHANNEL_ACCESS_TOKEN' : 'LINE_CHANNEL_SECRET'],
        message: 'LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN must be set together',
      });
    }
    if (hasSecret && v.OFFLINE_MODE === true) {
      ctx.addIssue({
        code: 'custom',
        path: ['OFFLINE_MODE'],
        message: 'offline mode cannot be turned on while LINE credentials are set',
      });
    }
  });

export type Config = Readonly<{
  host: string;
  port: number;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  database: Readonly<{ url?: string; poolMax: number; dataDir: string }>;
  publicBaseUrl?: string;
  line: Readonly<{
    channelSecret?: string;
    channelAccessToken?: string;
    apiBaseUrl: string;
    liffId?: string;
    /** No LINE credentials: messages are recorded locally and the simulator is on. */
    offline: boolean;
  }>;
  defaultLang: 'th' | 'en';
}>;

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`));
  }
  const v = parsed.data;
  const offline = !v.LINE_CHANNEL_SECRET;
  return deepFreeze({
    host: v.HOST,
    port: v.PORT,
    logLevel: v.LOG_LEVEL,
    database: { url: v.DATABASE_URL, poolMax: v.DATABASE_POOL_MAX, dataDir: v.DATA_DIR },
    publicBaseUrl: v.PUBLIC_BASE_URL,
    line: {
      channelSecret: v.LINE_CHANNEL_SECRET,
      channelAccessToken: v.LINE_CHANNEL_ACCESS_TOKEN,
      apiBaseUrl: v.LINE_API_BASE_URL,
      liffId: v.LIFF_ID,
      offline,
    },
    defaultLang: v.ORG_DEFAULT_LANG,
  });
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}
