/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
  serverModuleFormat: "esm",
  serverPlatform: "node",
  // Node built-ins used by server-only modules (db/, sms/) must not leak into the browser bundle.
  browserNodeBuiltinsPolyfill: { modules: {} },
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    // Off: the whole route manifest (a few KB) goes with each page instead of matching routes for
    // a partial one on every request (in a CPU profile, ≈ 3 % of a cabinet page's server time).
    v3_lazyRouteDiscovery: false,
    v3_singleFetch: true,
  },
};
