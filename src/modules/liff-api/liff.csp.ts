import type { FastifyHelmetOptions } from '@fastify/helmet';

/**
 * Security headers for the LIFF page and its API (@fastify/helmet). The page is self-contained:
 * its scripts, styles and fonts come from this server, no inline script or style. The LIFF SDK
 * talks to LINE (https://developers.line.biz/en/docs/liff/): api.line.me and access.line.me for
 * the login and token endpoints, liff.line.me and the SDK's CDN for its configuration.
 */
export const LINE_ORIGINS = ['https://api.line.me', 'https://access.line.me', 'https://liff.line.me', 'https://liffsdk.line-scdn.net', 'https://*.line-scdn.net'];

export function liffHelmetOptions(): FastifyHelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        fontSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'https://profile.line-scdn.net'],
        connectSrc: ["'self'", ...LINE_ORIGINS],
        formAction: ["'self'"],
        frameAncestors: ["'self'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
    },
    // LIFF opens the page at its endpoint URL in LINE's in-app browser; no cross-origin embedding needed.
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
  };
}
