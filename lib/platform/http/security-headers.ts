/**
 * Selah's security headers, defined once. Two places apply them:
 * - next.config.ts `headers()`: RESPONSE_SECURITY_HEADERS on every response (pages, route
 *   handlers, media, static files), and HSTS on responses to requests that came over https;
 * - proxy.ts, for pages: a Content-Security-Policy with a fresh nonce per request, and the
 *   framing policy (pageSecurityHeaders).
 */

/** On every response. */
export const RESPONSE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
};

/**
 * Strict-Transport-Security, sent only when the request came over https (the TLS proxy's
 * X-Forwarded-Proto): a year, this host only (a church's other subdomains may not be https).
 */
export const HSTS_HEADER = { key: "Strict-Transport-Security", value: "max-age=31536000" } as const;

/**
 * Pages other sites may show in an iframe. The one place to relax framing: the embeddable
 * player (app/embed/) answers `frame-ancestors *` without X-Frame-Options. Every other page:
 * `'none'` and DENY.
 */
export const EMBEDDABLE_PAGES: readonly RegExp[] = [/^\/embed\//];

export interface PageSecurityOptions {
  /** The request's path, for the framing policy. */
  pathname: string;
  /** A fresh random value per request; Next.js puts it on its own scripts. */
  nonce: string;
  /** `next dev`: React needs eval for its debugging, and dev styles are injected inline. */
  isDev: boolean;
  /** The request came over https: mixed content is upgraded. */
  isHttps: boolean;
  /** Origins besides this one that pages send requests to (uploads to storage). */
  connectOrigins?: readonly string[];
}

/**
 * A page's Content-Security-Policy and framing headers. Scripts: only Next.js's, which carry
 * the nonce, and what they load ('strict-dynamic': chunks, hls.js); never eval in production.
 * Styles: the stylesheets and Next.js's nonce'd style elements; style attributes (progress
 * bars' widths) are allowed. Media: the player's MSE blob: URLs (hls.js), its worker from a
 * blob:, and images from data:/blob:.
 */
export function pageSecurityHeaders(options: PageSecurityOptions): Record<string, string> {
  const nonce = `'nonce-${options.nonce}'`;
  const embeddable = EMBEDDABLE_PAGES.some((page) => page.test(options.pathname));
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": [
      "'self'",
      nonce,
      "'strict-dynamic'",
      ...(options.isDev ? ["'unsafe-eval'"] : []),
    ],
    "style-src": options.isDev ? ["'self'", "'unsafe-inline'"] : ["'self'", nonce],
    "style-src-attr": ["'unsafe-inline'"],
    "img-src": ["'self'", "blob:", "data:"],
    "font-src": ["'self'", "data:"],
    "media-src": ["'self'", "blob:", "data:"],
    "connect-src": ["'self'", "blob:", "data:", ...(options.connectOrigins ?? [])],
    "worker-src": ["'self'", "blob:"],
    "manifest-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": embeddable ? ["*"] : ["'none'"],
  };
  const policy = Object.entries(directives).map(([name, values]) => `${name} ${values.join(" ")}`);
  if (options.isHttps) policy.push("upgrade-insecure-requests");
  return {
    "Content-Security-Policy": policy.join("; "),
    ...(embeddable ? {} : { "X-Frame-Options": "DENY" }),
  };
}
