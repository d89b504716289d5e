/**
 * Security headers for every answer. The CSP fits the built app: scripts and fonts only from
 * here, inline style attributes (recharts), data: and blob: images (chart export), no framing.
 * Strict-Transport-Security goes out only on answers to HTTPS requests.
 */
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export const STRICT_TRANSPORT_SECURITY = 'max-age=15552000; includeSubDomains';

/**
 * Whether the client reached us over HTTPS: directly (the request URL is https), or through a
 * reverse proxy that terminates TLS and says so with `X-Forwarded-Proto: https` (its first
 * value, the one nearest the client). The header is trusted from anyone, on purpose: its only
 * effect is the HSTS header, which browsers ignore on an answer that reached them over plain
 * HTTP (RFC 6797, 8.1), so a forged one gains nothing. Do not use this for any other decision.
 */
export function cameOverHttps(url: string, forwardedProto: string | undefined): boolean {
  if (new URL(url).protocol === 'https:') return true;
  return forwardedProto?.split(',')[0]?.trim().toLowerCase() === 'https';
}

export function securityHeaders(): MiddlewareHandler {
  const headers = secureHeaders({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    xFrameOptions: 'DENY',
    xContentTypeOptions: 'nosniff',
    referrerPolicy: 'no-referrer',
    crossOriginResourcePolicy: 'same-origin',
    crossOriginOpenerPolicy: 'same-origin',
    strictTransportSecurity: false,
  });
  return async (c, next) => {
    await headers(c, next);
    if (cameOverHttps(c.req.url, c.req.header('x-forwarded-proto'))) {
      c.res.headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
    }
  };
}
