import helmet from '@fastify/helmet';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { Container } from './container.ts';
import { assignmentsRoutes } from './modules/assignments/assignments.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { registerAdminGuard } from './modules/auth/auth.hook.ts';
import { correctionsRoutes } from './modules/assignments/corrections.routes.ts';
import { catalogRoutes } from './modules/catalog/catalog.routes.ts';
import { deliveryRoutes } from './modules/delivery/delivery.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { importRoutes } from './modules/import/import.routes.ts';
import { liffHelmetOptions } from './modules/liff-api/liff.csp.ts';
import { liffPageRoutes } from './modules/liff-api/liff.page.ts';
import { liffApiRoutes } from './modules/liff-api/liff.routes.ts';
import { officersRoutes } from './modules/org/officers.routes.ts';
import { orgRoutes } from './modules/org/org.routes.ts';
import { webhookRoutes } from './modules/line/webhook/webhook.routes.ts';
import { linksRoutes } from './modules/links/links.routes.ts';
import { publicPageRoutes } from './modules/public-page/public-page.routes.ts';
import { reportsRoutes } from './modules/reports/reports.routes.ts';
import { rolloverRoutes } from './modules/rollover/rollover.routes.ts';
import { simulatorRoutes } from './modules/simulator/simulator.routes.ts';
import { registerErrorHandler } from './plugins/error-handler.ts';

/** Builds the HTTP app from a container. Never listens: server.ts does, tests call inject(). */
export async function buildApp(c: Container): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: c.config.logLevel,
      // Tokens and LINE signatures must never reach the logs.
      redact: ['req.headers.authorization', 'req.headers["x-line-signature"]', 'req.headers.cookie'],
      hooks: {
        // server.ts says where it listens in readable start-up lines; Fastify's own JSON line
        // ("Server listening at …") would only be mixed into them.
        logMethod(args, method) {
          if (typeof args[0] === 'string' && args[0].startsWith('Server listening at ')) return;
          method.apply(this, args);
        },
      },
    },
    bodyLimit: 1_048_576,
    // Per-request lines only when debugging: webhook traffic would drown everything else.
    logController: new LogController({ disableRequestLogging: c.config.logLevel !== 'debug' && c.config.logLevel !== 'trace' }),
  });
  registerErrorHandler(app);
  registerAdminGuard(app, c.auth); // admin API: token checked before any body is read
  healthRoutes(app, c);
  catalogRoutes(app, c);
  assignmentsRoutes(app, c);
  importRoutes(app, c);
  deliveryRoutes(app, c);
  // The LIFF page and its API, with their own security headers (helmet stays inside this scope).
  await app.register(async (scope) => {
    await scope.register(helmet, liffHelmetOptions());
    await liffPageRoutes(scope, { liffId: c.config.line.liffId, offline: c.config.line.offline });
    await liffApiRoutes(scope, { auth: c.liffAuth, liff: c.liff, rateLimitPerMinute: c.config.liff.rateLimitPerMinute });
  });
  reportsRoutes(app, c);
  linksRoutes(app, c);
  publicPageRoutes(app, c);
  rolloverRoutes(app, c);
  orgRoutes(app, c);
  officersRoutes(app, c);
  correctionsRoutes(app, c);
  auditRoutes(app, c);
  // Exactly one of the two: the LINE webhook with credentials, the simulator without (offline).
  if (c.config.line.offline) simulatorRoutes(app, c);
  else webhookRoutes(app, c);
  return app;
}
