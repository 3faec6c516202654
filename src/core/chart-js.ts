/**
 * chart.js 4's UMD bundle from the installed package, for the pages that draw charts: the
 * explorer serves it (no CDN), the audit's and the benchmarks' HTML reports inline it (one
 * self-contained file, no request leaves the page).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

let bundle: Buffer | undefined;

/** The bundle's bytes (read once). chart.js exports only its entry points; the UMD file sits beside the CommonJS entry. */
export function chartJsBundle(): Buffer {
  bundle ??= readFileSync(join(dirname(createRequire(import.meta.url).resolve('chart.js')), 'chart.umd.js'));
  return bundle;
}

/** The bundle as text for an inline <script>: a "</script" inside it would end the element early. */
export function chartJsInline(): string {
  return chartJsBundle().toString('utf8').replaceAll('</script', '<\\/script');
}
