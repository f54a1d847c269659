/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules at run time.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  experimental: {
    // Product image uploads are up to 2 MB (lib/catalog/image-uploads.ts) plus the form's fields.
    serverActions: { bodySizeLimit: "3mb" },
  },
  // Lets several builds or dev servers of one checkout coexist (e.g. parallel test runs).
  distDir: process.env.NEXT_DIST_DIR || ".next",
};

export default nextConfig;
