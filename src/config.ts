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
    DATABASE_PREPARED_STATEMENTS: bool,
    DATA_DIR: z.string().default('./data'),
    PUBLIC_BASE_URL: optionalString.pipe(z.url().optional()),
    LINE_CHANNEL_SECRET: optionalString,
    LINE_CHANNEL_ACCESS_TOKEN: optionalString,
    LINE_API_BASE_URL: z.url().default('https://api.line.me'),
    LIFF_ID: optionalString,
    /** The bot's basic ID (@ and 8 characters, LINE Official Account Manager): QR codes on link-code sheets open a chat with it. */
    LINE_BOT_BASIC_ID: optionalString.pipe(z.string().regex(/^@[0-9a-z._-]{1,40}$/i, "the bot's basic ID, e.g. @123abcde").optional()),
    /** The LINE Login channel the LIFF app belongs to: ID tokens must be issued to it (their `aud`). */
    LINE_LOGIN_CHANNEL_ID: optionalString.pipe(z.string().regex(/^\d{6,20}$/, 'the LINE Login channel ID (digits)').optional()),
    /** LIFF API requests per minute per user (per ID token). */
    LIFF_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(10).max(100_000).default(300),
    OFFLINE_MODE: bool,
    ORG_DEFAULT_LANG: z.enum(['th', 'en']).default('th'),
    // Reminders, escalation and daily summaries (src/modules/reminders); times are Asia/Bangkok.
    REMINDER_OFFSETS: z.string().regex(/^\s*\d{1,3}(\s*,\s*\d{1,3})*\s*$/, 'comma-separated days, e.g. 14,7,3,1,0').default('14,7,3,1,0'),
    REMINDER_OVERDUE_REPEAT_CAP: z.coerce.number().int().min(0).max(366).default(10),
    REMINDER_WINDOW: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d$/, 'HH:MM-HH:MM').default('08:30-17:30'),
    REMINDER_WORKDAYS: z.string().regex(/^[1-7](,[1-7])*$/, 'ISO weekdays 1 (Mon) … 7 (Sun), e.g. 1,2,3,4,5').default('1,2,3,4,5'),
    HOLIDAYS: z.string().regex(/^(\s*\d{4}-\d{2}-\d{2}\s*(,|$))*$/, 'comma-separated ISO dates').default(''),
    ESCALATION_AFTER_DAYS: z.coerce.number().int().min(1).max(366).default(3),
    SUMMARY_TIME: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM').default('08:30'),
    REMINDER_CRON: z.string().default('*/15 * * * *'),
    SUMMARY_CRON: z.string().default('*/15 * * * *'),
    OUTBOX_DRAIN_CRON: z.string().default('* * * * *'),
    SEND_RATE_PER_SECOND: z.coerce.number().positive().max(100_000).default(1000),
    SENDER_CONCURRENCY: z.coerce.number().int().min(1).max(512).default(64),
    SCHEDULER_ENABLED: bool,
    // Sheet imports (src/modules/import): bigger sheets are refused while being read.
    IMPORT_MAX_ROWS: z.coerce.number().int().min(100).max(200_000).default(20_000),
    // Evidence link health (src/modules/links): weekly, daily within a cycle's OIT window.
    LINK_CHECK_CRON: z.string().default('0 2 * * *'),
    LINK_CHECK_WEEKDAY: z.coerce.number().int().min(1).max(7).default(1),
    LINK_CHECK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    LINK_CHECK_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
    LINK_CHECK_HOST_INTERVAL_MS: z.coerce.number().int().min(0).max(60_000).default(1_000),
    LINK_CHECK_ALLOW_HOSTS: z.string().default(''),
    // Webhook inbox (src/modules/line/webhook): webhook-only instances, and how long handled events are kept.
    INBOX_WORKER_ENABLED: bool,
    INBOX_WORKER_THREAD: bool,
    INBOX_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    INBOX_STALE_SECONDS: z.coerce.number().int().min(10).max(86_400).default(120),
    // Delivery (src/modules/delivery): our own monthly cap on LINE messages, below the plan's quota.
    LINE_MONTHLY_MESSAGE_BUDGET: optionalString.pipe(z.coerce.number<string | undefined>({ error: 'a whole number of messages a month, e.g. 15000' }).int().min(1).max(100_000_000).optional()),
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
    // Buttons in LINE messages open an item's page: on a real channel it must be reachable from phones.
    if (hasSecret && hasToken && !v.LIFF_ID && !v.PUBLIC_BASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['LIFF_ID'],
        message: 'with LINE credentials set, LIFF_ID or PUBLIC_BASE_URL must be set too (links in LINE messages must open on phones, not http://127.0.0.1)',
      });
    }
    // The LIFF page's ID tokens are verified against this channel (https://developers.line.biz/en/reference/line-login/#verify-id-token).
    if (v.LIFF_ID && !v.LINE_LOGIN_CHANNEL_ID) {
      ctx.addIssue({
        code: 'custom',
        path: ['LINE_LOGIN_CHANNEL_ID'],
        message: 'with LIFF_ID set, LINE_LOGIN_CHANNEL_ID must be set too (the LINE Login channel that owns the LIFF app; its ID tokens are verified against it)',
      });
    }
    // PGlite is one database in one thread's memory: a worker on another thread cannot reach it.
    if (v.INBOX_WORKER_THREAD === true && !v.DATABASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['INBOX_WORKER_THREAD'],
        message: 'INBOX_WORKER_THREAD=true needs DATABASE_URL (PostgreSQL): the embedded PGlite database serves one thread only',
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
  database: Readonly<{ url?: string; poolMax: number; dataDir: string; preparedStatements: boolean }>;
  publicBaseUrl?: string;
  line: Readonly<{
    channelSecret?: string;
    channelAccessToken?: string;
    apiBaseUrl: string;
    liffId?: string;
    loginChannelId?: string;
    /** The bot's basic ID (LINE_BOT_BASIC_ID); without it, getBotInfo answers when credentials exist. */
    botBasicId?: string;
    /** No LINE credentials: messages are recorded locally and the simulator is on. */
    offline: boolean;
  }>;
  defaultLang: 'th' | 'en';
  liff: Readonly<{ rateLimitPerMinute: number }>;
  reminders: Readonly<{
    offsets: readonly number[];
    overdueRepeatCap: number;
    /** Send window "HH:MM", local time: from start (inclusive) to end (exclusive). */
    window: Readonly<{ start: string; end: string }>;
    /** ISO weekdays, 1 = Monday … 7 = Sunday. */
    workdays: readonly number[];
    holidays: readonly string[];
    escalationAfterDays: number;
    summaryTime: string;
    reminderCron: string;
    summaryCron: string;
    drainCron: string;
    /** Per instance: with k instances the total is k × this unless each is configured lower. */
    sendRatePerSecond: number;
    senderConcurrency: number;
    schedulerEnabled: boolean;
  }>;
  imports: Readonly<{ maxRows: number }>;
  links: Readonly<{
    /** When the scheduler looks for organizations due a check (Asia/Bangkok). */
    cron: string;
    /** ISO weekday of the weekly check; every day between a cycle's oitOpensOn and oitClosesOn. */
    weekday: number;
    timeoutMs: number;
    concurrency: number;
    /** At least this long between two requests to the same host. */
    hostIntervalMs: number;
    /** Hosts (as written in URLs) exempt from the public-address rule: tests and staging only. */
    allowHosts: readonly string[];
  }>;
  inbox: Readonly<{
    /** false: this instance only stores webhook events; worker instances (true) process them. */
    workerEnabled: boolean;
    /**
     * With PostgreSQL, the worker runs on a thread of its own (src/inbox-processing.ts), so that handling
     * events never delays an acknowledgement; with PGlite, on the main thread.
     */
    workerThread: boolean;
    /** Handled inbox events (people's messages) are deleted this many days after. */
    retentionDays: number;
    /** /healthz says `degraded` when an event has waited this long unanswered (inbox.health.ts). */
    staleSeconds: number;
  }>;
  delivery: Readonly<{
    /** Messages a month we allow ourselves (LINE meters pushes per recipient); the plan's quota from LINE applies too. */
    monthlyBudget?: number;
  }>;
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
    database: { url: v.DATABASE_URL, poolMax: v.DATABASE_POOL_MAX, dataDir: v.DATA_DIR, preparedStatements: v.DATABASE_PREPARED_STATEMENTS ?? true },
    publicBaseUrl: v.PUBLIC_BASE_URL,
    line: {
      channelSecret: v.LINE_CHANNEL_SECRET,
      channelAccessToken: v.LINE_CHANNEL_ACCESS_TOKEN,
      apiBaseUrl: v.LINE_API_BASE_URL,
      liffId: v.LIFF_ID,
      loginChannelId: v.LINE_LOGIN_CHANNEL_ID,
      botBasicId: v.LINE_BOT_BASIC_ID,
      offline,
    },
    liff: { rateLimitPerMinute: v.LIFF_RATE_LIMIT_PER_MINUTE },
    defaultLang: v.ORG_DEFAULT_LANG,
    reminders: {
      offsets: [...new Set(v.REMINDER_OFFSETS.split(',').map((n) => Number(n.trim())))].sort((x, y) => y - x),
      overdueRepeatCap: v.REMINDER_OVERDUE_REPEAT_CAP,
      window: { start: v.REMINDER_WINDOW.slice(0, 5), end: v.REMINDER_WINDOW.slice(6) },
      workdays: [...new Set(v.REMINDER_WORKDAYS.split(',').map(Number))].sort(),
      holidays: v.HOLIDAYS.split(',').map((d) => d.trim()).filter(Boolean),
      escalationAfterDays: v.ESCALATION_AFTER_DAYS,
      summaryTime: v.SUMMARY_TIME,
      reminderCron: v.REMINDER_CRON,
      summaryCron: v.SUMMARY_CRON,
      drainCron: v.OUTBOX_DRAIN_CRON,
      sendRatePerSecond: v.SEND_RATE_PER_SECOND,
      senderConcurrency: v.SENDER_CONCURRENCY,
      schedulerEnabled: v.SCHEDULER_ENABLED ?? true,
    },
    imports: { maxRows: v.IMPORT_MAX_ROWS },
    links: {
      cron: v.LINK_CHECK_CRON,
      weekday: v.LINK_CHECK_WEEKDAY,
      timeoutMs: v.LINK_CHECK_TIMEOUT_MS,
      concurrency: v.LINK_CHECK_CONCURRENCY,
      hostIntervalMs: v.LINK_CHECK_HOST_INTERVAL_MS,
      allowHosts: v.LINK_CHECK_ALLOW_HOSTS.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean),
    },
    inbox: {
      workerEnabled: v.INBOX_WORKER_ENABLED ?? true,
      workerThread: v.INBOX_WORKER_THREAD ?? Boolean(v.DATABASE_URL),
      retentionDays: v.INBOX_RETENTION_DAYS,
      staleSeconds: v.INBOX_STALE_SECONDS,
    },
    delivery: {
      monthlyBudget: v.LINE_MONTHLY_MESSAGE_BUDGET,
    },
  });
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}
