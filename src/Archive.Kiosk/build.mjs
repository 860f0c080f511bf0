// Builds the kiosk application with esbuild: client/kiosk.ts (TypeScript, types stripped; deep zoom a chunk of its own)
// and client/kiosk.css into dist/app/ with hashed names, the shell page (dist/index.html) naming them, the web app
// manifest, and the service worker (dist/sw.js, client/sw.ts with Workbox) with the precache list of everything the
// shell needs injected in place of `self.__WB_MANIFEST`, as Workbox's injectManifest does: one visit and the screen
// opens offline.
//
// Output: dist/ (ignored by git); the host serves it under /kiosk/.
import { build } from 'esbuild';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, 'dist');
const app = path.join(out, 'app');
fs.rmSync(out, { recursive: true, force: true });
const hash = (content) => createHash('sha256').update(content).digest('hex').slice(0, 12);

const sources = fs.readdirSync(path.join(here, 'client')).sort().map((f) => fs.readFileSync(path.join(here, 'client', f)));
const version = hash(Buffer.concat([...sources, fs.readFileSync(path.join(here, 'package-lock.json'))]));

const result = await build({
	absWorkingDir: here,
	entryPoints: { kiosk: 'client/kiosk.ts', 'kiosk-style': 'client/kiosk.css' },
	bundle: true,
	splitting: true,
	format: 'esm',
	target: ['es2020'],
	minify: true,
	legalComments: 'linked',
	outdir: app,
	entryNames: '[name]-[hash]',
	chunkNames: 'chunks/[name]-[hash]',
	assetNames: 'assets/[name]-[hash]',
	define: { __APP_VERSION__: JSON.stringify(version) },
	metafile: true,
	logLevel: 'warning',
});
const entry = (source) => {
	const [file] = Object.entries(result.metafile.outputs).find(([, o]) => o.entryPoint === source);
	return '/kiosk/app/' + path.relative(app, path.join(here, file)).split(path.sep).join('/');
};

// The icon (the site's shanyrak, drawn, no text), named by its content.
const icon = fs.readFileSync(path.join(here, '../Archive.Site/client/icon.svg'));
const iconName = `icon-${hash(icon)}.svg`;
fs.writeFileSync(path.join(app, iconName), icon);

const shell = fs.readFileSync(path.join(here, 'client/index.html'), 'utf8')
	.replace('%SCRIPT%', entry('client/kiosk.ts'))
	.replace('%STYLE%', entry('client/kiosk.css'))
	.replace('%ICON%', `/kiosk/app/${iconName}`);
fs.writeFileSync(path.join(out, 'index.html'), shell);

const manifest = JSON.stringify({
	name: 'Archive kiosk',
	short_name: 'Kiosk',
	id: '/kiosk/',
	start_url: '/kiosk/',
	scope: '/kiosk/',
	display: 'fullscreen',
	orientation: 'any',
	background_color: '#15202c',
	theme_color: '#1d2a3a',
	icons: [{ src: `/kiosk/app/${iconName}`, sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
}, null, 2);
fs.writeFileSync(path.join(out, 'manifest.webmanifest'), manifest);

// Everything the shell needs, precached on the first visit: hashed files need no revision, the rest carry their hash.
const appFiles = [];
const walk = (dir) => {
	for (const name of fs.readdirSync(dir)) {
		const full = path.join(dir, name);
		if (fs.statSync(full).isDirectory()) walk(full);
		else if (!name.endsWith('.LEGAL.txt')) appFiles.push('/kiosk/app/' + path.relative(app, full).split(path.sep).join('/'));
	}
};
walk(app);
const precache = [
	{ url: '/kiosk/', revision: hash(shell) },
	{ url: '/kiosk/manifest.webmanifest', revision: hash(manifest) },
	...appFiles.map((url) => ({ url, revision: null })),
];
const worker = await build({
	absWorkingDir: here,
	entryPoints: ['client/sw.ts'],
	bundle: true,
	format: 'iife',
	target: ['es2020'],
	minify: true,
	legalComments: 'none',
	write: false,
	define: { 'process.env.NODE_ENV': '"production"' },
	logLevel: 'warning',
});
const sw = worker.outputFiles[0].text;
if (!sw.includes('self.__WB_MANIFEST')) throw new Error('sw.ts must use self.__WB_MANIFEST');
fs.writeFileSync(path.join(out, 'sw.js'), sw.replace('self.__WB_MANIFEST', JSON.stringify(precache)));

// Compressed copies of the hashed files, made once here rather than on every request.
for (const url of appFiles.filter((f) => /\.(js|css|svg)$/.test(f))) {
	const file = path.join(app, url.slice('/kiosk/app/'.length));
	const content = fs.readFileSync(file);
	fs.writeFileSync(file + '.br', zlib.brotliCompressSync(content, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
	fs.writeFileSync(file + '.gz', zlib.gzipSync(content, { level: 9 }));
}
fs.writeFileSync(path.join(out, 'manifest.json'), JSON.stringify({ version, precache }, null, 2));
