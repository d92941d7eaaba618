import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and WASM packages, and pdfmake (it reads its font files from disk), load from node_modules at run time.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pdfmake"],
  poweredByHeader: false,
  // A study's source may be a file of up to 20 MB (lib/studies/schemas.ts), sent through a form, or
  // through the API as base64 (a third more).
  experimental: { serverActions: { bodySizeLimit: "21mb" }, proxyClientMaxBodySize: "28mb" },
  typedRoutes: false,
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // API answers carry people's data: no browser or proxy keeps any of them, errors included.
      { source: "/api/v1/:path*", headers: [{ key: "Cache-Control", value: "no-store" }] },
    ];
  },
};

export default withNextIntl(nextConfig);
