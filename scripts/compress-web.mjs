// Precompresses the built web client (issue #19): beside each text file of dist/web a `.br`
// (brotli, quality 11) and a `.gz` (gzip, level 9), which the api serves by the request's
// Accept-Encoding (@fastify/static `preCompressed`). Done once at build time, so no request pays
// for compression and the strongest settings cost nothing at run time. A file whose compressed
// form would not be clearly smaller is left alone: the api then sends it as it is.
//
// `node scripts/compress-web.mjs [dir]` (default dist/web); `npm run build:web` runs it.
import { readdirSync, readFileSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Text formats worth compressing; source maps only go to developer tools, so they are skipped. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|webmanifest|xml)$/;
/** Below this a compressed answer saves less than the headers it costs. */
const MIN_BYTES = 256;
/** Keep a compressed copy only when it saves at least this share. */
const MIN_SAVING = 0.1;

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

/** Writes `<file>.br` and `<file>.gz` for each compressible file under `dir`; returns what it wrote. */
export function compressDirectory(dir) {
  const written = [];
  const all = [...files(dir)];
  // Copies left over from an earlier run go first, all of them: removed while the loop below runs,
  // one listed after its source would take the copy just written with it (a second run left none).
  for (const path of all) if (path.endsWith('.br') || path.endsWith('.gz')) rmSync(path);
  for (const path of all) {
    if (path.endsWith('.br') || path.endsWith('.gz')) continue;
    if (!COMPRESSIBLE.test(path) || statSync(path).size < MIN_BYTES) continue;
    const raw = readFileSync(path);
    const variants = {
      br: brotliCompressSync(raw, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
        },
      }),
      gz: gzipSync(raw, { level: 9 }),
    };
    for (const [ext, bytes] of Object.entries(variants)) {
      if (bytes.length > raw.length * (1 - MIN_SAVING)) continue;
      writeFileSync(`${path}.${ext}`, bytes);
      written.push({ path: `${path}.${ext}`, raw: raw.length, compressed: bytes.length });
    }
  }
  return written;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? fileURLToPath(new URL('../dist/web', import.meta.url));
  const written = compressDirectory(dir);
  const sum = (ext) => written.filter((w) => w.path.endsWith(ext)).reduce((s, w) => [s[0] + w.raw, s[1] + w.compressed], [0, 0]);
  const [raw, br] = sum('.br');
  console.log(`compress-web: ${written.length} files written; ${Math.round(raw / 1024)} KiB of text → ${Math.round(br / 1024)} KiB brotli`);
}
