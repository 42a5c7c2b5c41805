//@ts-check
const path = require('node:path');

/** The Nx workspace root: libs outside apps/portal (type-only imports) resolve from here. */
const workspaceRoot = path.join(__dirname, '..', '..');

/**
 * No `rewrites()` for /trpc: `next build` freezes rewrites into routes-manifest.json, but the
 * launcher passes API_URL (with a port chosen at run time) to `next start`. The proxy is the
 * route handler src/app/trpc/[...path]/route.ts, which reads API_URL on every request.
 *
 * @type {import('next').NextConfig}
 */
const nextConfig = {
  turbopack: { root: workspaceRoot },
  outputFileTracingRoot: workspaceRoot,
  poweredByHeader: false,
  reactStrictMode: true,
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
