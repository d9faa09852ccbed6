#!/usr/bin/env node
// A tiny static server for the demo pages. Node built-ins only.
//
//   node scripts/serve.mjs [--port 8080] [--root .]
//
// Serves <root>/www at / and <root>/dist at /dist/, on 127.0.0.1 only.
// Every response carries the strict Content-Security-Policy the widget must
// work under. --port 0 picks a free port; the line printed on start has the
// real one:  Serving the demo at http://127.0.0.1:PORT/

import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const HOST = "127.0.0.1";

const SECURITY_HEADERS = {
  "Content-Security-Policy": "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
};

const MIME_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
};

// A content hash in a file name: 8 or more hex digits between separators,
// as in privacy-notice.abcdef0123.wasm or name-0123abcd_bg.wasm.
const HASHED_NAME = /[.\-_][0-9a-f]{8,}[.\-_]/i;

function usage(message) {
  if (message) console.error(`serve.mjs: ${message}`);
  console.error("Usage: node scripts/serve.mjs [--port 8080] [--root .]");
  process.exit(2);
}

function parseArgs(argv) {
  const options = {
    port: 8080,
    root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), ".."),
  };
  for (let i = 0; i < argv.length; i++) {
    let [name, value] = argv[i].split(/=(.*)/s, 2);
    if (name === "--help" || name === "-h") usage();
    if (name !== "--port" && name !== "--root") usage(`unknown option ${name}`);
    if (value === undefined) {
      value = argv[++i];
      if (value === undefined) usage(`${name} needs a value`);
    }
    if (name === "--port") {
      if (!/^[0-9]+$/.test(value) || Number(value) > 65535) usage(`--port must be 0 to 65535, not "${value}"`);
      options.port = Number(value);
    } else {
      options.root = path.resolve(value);
    }
  }
  return options;
}

const options = parseArgs(process.argv.slice(2));
const mounts = [
  // Longest prefix first.
  { prefix: "/dist/", dir: path.join(options.root, "dist") },
  { prefix: "/", dir: path.join(options.root, "www") },
];

if (!fs.existsSync(path.join(options.root, "www"))) {
  usage(`no www/ folder in ${options.root}; pass --root with the repository's folder`);
}

function cacheControl(filePath) {
  return HASHED_NAME.test(path.basename(filePath)) ? "public, max-age=31536000, immutable" : "no-cache";
}

function send(req, res, status, headers, body) {
  res.writeHead(status, { ...SECURITY_HEADERS, ...headers });
  res.end(req.method === "HEAD" ? undefined : body);
}

const FALLBACK_404 = `<!DOCTYPE html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>Page not found</title></head>
<body><main><h1>Page not found</h1><p><a href="/">Go to the demo pages</a></p></main></body>
</html>
`;

function notFound(req, res) {
  const page = path.join(options.root, "www", "404.html");
  fs.readFile(page, (error, body) => {
    send(req, res, 404, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-cache" }, error ? FALLBACK_404 : body);
  });
}

function badRequest(req, res) {
  send(req, res, 400, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-cache" }, "Bad request\n");
}

/** Maps a request path to a file path inside one mount, or null. */
function resolve(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { error: "bad" };
  }
  if (decoded.includes("\0") || decoded.includes("\\")) return { error: "bad" };
  const segments = decoded.split("/");
  if (segments.some((s) => s === "..")) return { error: "bad" };
  // No dotfiles or dot folders (".git", ".env", ...).
  if (segments.some((s) => s.startsWith("."))) return { error: "missing" };

  const mount = mounts.find((m) => decoded.startsWith(m.prefix));
  const rest = decoded.slice(mount.prefix.length).replace(/^\/+/, "");
  const base = path.resolve(mount.dir);
  const target = path.resolve(base, rest);
  if (target !== base && !target.startsWith(base + path.sep)) return { error: "bad" };
  return { base, target, trailingSlash: decoded.endsWith("/") };
}

/** Sends a file. `name` (the path asked for) decides the type and caching. */
function serveFile(req, res, filePath, stat, name = filePath) {
  const type = MIME_TYPES[path.extname(name).toLowerCase()] || "application/octet-stream";
  const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
  const headers = {
    "Content-Type": type,
    "Cache-Control": cacheControl(name),
    "Last-Modified": stat.mtime.toUTCString(),
    ETag: etag,
  };
  if (req.headers["if-none-match"] === etag) {
    send(req, res, 304, headers);
    return;
  }
  headers["Content-Length"] = stat.size;
  res.writeHead(200, { ...SECURITY_HEADERS, ...headers });
  if (req.method === "HEAD") {
    res.end();
    return;
  }
  const stream = fs.createReadStream(filePath);
  stream.on("error", () => res.destroy());
  stream.pipe(res);
}

const server = http.createServer((req, res) => {
  if (req.method !== "GET" && req.method !== "HEAD") {
    send(req, res, 405, { Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-cache" }, "Method not allowed\n");
    return;
  }
  let url;
  try {
    url = new URL(req.url, `http://${HOST}`);
  } catch {
    badRequest(req, res);
    return;
  }
  const rawPath = req.url.split(/[?#]/, 1)[0];
  // Look at the path as sent as well as the normalised one: a raw "/../"
  // is refused outright, not quietly folded away.
  if (rawPath.split("/").some((s) => s === ".." || /^(%2e|\.)(%2e|\.)$/i.test(s))) {
    badRequest(req, res);
    return;
  }
  if (url.pathname === "/dist") {
    send(req, res, 301, { Location: "/dist/" + url.search, "Cache-Control": "no-cache" }, "");
    return;
  }
  const found = resolve(url.pathname);
  if (found.error === "bad") {
    badRequest(req, res);
    return;
  }
  if (found.error) {
    notFound(req, res);
    return;
  }

  fs.realpath(found.target, (error, real) => {
    if (error) {
      notFound(req, res);
      return;
    }
    // Symbolic links must not lead outside the served folder either.
    fs.realpath(found.base, (baseError, realBase) => {
      if (baseError || (real !== realBase && !real.startsWith(realBase + path.sep))) {
        notFound(req, res);
        return;
      }
      fs.stat(real, (statError, stat) => {
        if (statError) {
          notFound(req, res);
          return;
        }
        if (stat.isDirectory()) {
          if (!found.trailingSlash) {
            send(req, res, 301, { Location: url.pathname + "/" + url.search, "Cache-Control": "no-cache" }, "");
            return;
          }
          const index = path.join(real, "index.html");
          fs.stat(index, (indexError, indexStat) => {
            if (indexError || !indexStat.isFile()) notFound(req, res);
            else serveFile(req, res, index, indexStat);
          });
          return;
        }
        if (!stat.isFile()) {
          notFound(req, res);
          return;
        }
        serveFile(req, res, real, stat, found.target);
      });
    });
  });
});

server.on("error", (error) => {
  console.error(`serve.mjs: ${error.message}`);
  process.exit(1);
});

server.listen(options.port, HOST, () => {
  const { port } = server.address();
  console.log(`Serving the demo at http://${HOST}:${port}/`);
});

function stop() {
  server.close(() => process.exit(0));
  // Open keep-alive connections would hold close() up; end them.
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 1000).unref();
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
