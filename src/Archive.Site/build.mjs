// Builds the public site's scripts and styles with esbuild: client/*.ts (TypeScript, types stripped) and
// client/*.css into dist/, every file named by a hash of its content, so the host lets browsers keep them for a year
// (a new build is a new name). Deep zoom and maps are chunks of their own, loaded only by the pages that show one.
// dist/manifest.json maps each entry ("site.js", "site.css", "map.css") to its hashed file.
//
// Output: dist/ (ignored by git); the host serves it under /site/.
import { build } from 'esbuild';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, 'dist');
fs.rmSync(out, { recursive: true, force: true });

const result = await build({
	absWorkingDir: here,
	entryPoints: { site: 'client/site.ts', 'site-style': 'client/site.css', 'map-style': 'client/map.css' },
	bundle: true,
	splitting: true,
	format: 'esm',
	target: ['es2020'],
	minify: true,
	sourcemap: false,
	legalComments: 'linked',
	outdir: out,
	entryNames: '[name]-[hash]',
	chunkNames: 'chunks/[name]-[hash]',
	assetNames: 'assets/[name]-[hash]',
	loader: { '.png': 'file', '.svg': 'file' },
	metafile: true,
	logLevel: 'warning',
});

const manifest = {};
for (const [file, output] of Object.entries(result.metafile.outputs)) {
	const relative = path.relative(out, path.join(here, file)).split(path.sep).join('/');
	if (!output.entryPoint) continue;
	const name = { 'client/site.ts': 'site.js', 'client/site.css': 'site.css', 'client/map.css': 'map.css' }[output.entryPoint];
	if (name) manifest[name] = relative;
}
// The site's icon (a shanyrak drawn, no text), named by its content's hash like everything else.
const icon = fs.readFileSync(path.join(here, 'client/icon.svg'));
const iconName = `icon-${createHash('sha256').update(icon).digest('hex').slice(0, 8).toUpperCase()}.svg`;
fs.writeFileSync(path.join(out, iconName), icon);
manifest['icon.svg'] = iconName;
fs.writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(manifest, null, 2));

// Compressed copies, made once here rather than on every request.
for (const file of Object.keys(result.metafile.outputs).filter((f) => /\.(js|css)$/.test(f))) {
	const content = fs.readFileSync(path.join(here, file));
	fs.writeFileSync(path.join(here, file + '.br'), zlib.brotliCompressSync(content, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
	fs.writeFileSync(path.join(here, file + '.gz'), zlib.gzipSync(content, { level: 9 }));
}
