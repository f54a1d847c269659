/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules at run time.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  // Lets several builds or dev servers of one checkout coexist (e.g. parallel test runs).
  distDir: process.env.NEXT_DIST_DIR || ".next",
};

export default nextConfig;
