// Makes Umbraco's back office (the npm package's dist-cms, unbundled tsc output) browser-ready under
// /umbraco/backoffice/, as Umbraco's own Vite build does: every module that imports a bare npm name (lit,
// rxjs, @umbraco-ui/uui, @tiptap/*, uuid, diff, monaco-editor…) is bundled with esbuild, with code splitting
// so each library exists once (ProseMirror and Lit classes must not be duplicated); everything else is
// copied as it is and keeps importing its neighbours by relative path and the package by
// @umbraco-cms/backoffice/* through the import map. Then Archive's own extension package is built.
//
// Output: dist/ (ignored by git), copied beside the host's binaries by the project's build.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const pkgRoot = path.join(here, 'node_modules/@umbraco-cms/backoffice');
const source = path.join(pkgRoot, 'dist-cms');
const out = path.join(here, 'dist/backoffice');
const served = '/umbraco/backoffice';

// Build-time files of the package the browser never asks for.
const skipped = [/\.d\.ts$/, /\.map$/, /\.tsbuildinfo$/, /(^|\/)vite\.config\.js$/, /^vite-config-base\.js$/, /^custom-elements\.json$/,
	/^vscode-html-custom-data\.json$/, /^umbraco-package-schema\.json$/, /^json-schema\//, /^examples\//, /^tsconfig\.build\.json$/,
	/^packages\/core\/openapi-ts\.config\.js$/, /^packages\/property-editors\/utils\/property-editor-test-utils\.js$/];

const importPattern = /^\s*(?:import|export)\s[^;]*?from\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]/gm;

function walk(dir, base = dir, files = []) {
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) walk(full, base, files);
		else files.push(path.relative(base, full).split(path.sep).join('/'));
	}
	return files;
}

const isBare = (specifier) => !specifier.startsWith('.') && !specifier.startsWith('/') && !specifier.startsWith('@umbraco-cms/');

fs.rmSync(path.join(here, 'dist'), { recursive: true, force: true });
const files = walk(source).filter((f) => !skipped.some((s) => s.test(f)));
const entries = [];
for (const file of files) {
	fs.mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
	fs.copyFileSync(path.join(source, file), path.join(out, file));
	if (!file.endsWith('.js')) continue;
	const text = fs.readFileSync(path.join(source, file), 'utf8');
	for (const match of text.matchAll(importPattern)) {
		const specifier = match[1] ?? match[2];
		if (isBare(specifier) || specifier.endsWith('.json')) {
			entries.push(path.join(source, file));
			break;
		}
	}
}

// Modules of the package keep their relative and @umbraco-cms imports; npm names and JSON are bundled.
const keepPackageImports = {
	name: 'keep-package-imports',
	setup(b) {
		b.onResolve({ filter: /^@umbraco-cms\// }, (args) => ({ path: args.path, external: true }));
		b.onResolve({ filter: /^\.\.?\// }, (args) => {
			if (!args.importer.startsWith(source + path.sep) || args.path.endsWith('.json')) return undefined;
			return { path: args.path, external: true };
		});
	},
};

// Vite's query suffixes in the monaco external: `?inline` CSS becomes its text, `?worker` a module worker
// built beside it.
const workerDir = 'external/monaco-editor/workers';
const workers = new Map();
const viteQueries = {
	name: 'vite-queries',
	setup(b) {
		b.onResolve({ filter: /\?(inline|worker)$/ }, (args) => {
			const [request, query] = args.path.split('?');
			return { path: path.join(here, 'node_modules', request), namespace: query };
		});
		b.onLoad({ filter: /.*/, namespace: 'inline' }, (args) => ({ contents: fs.readFileSync(args.path, 'utf8'), loader: 'text' }));
		b.onLoad({ filter: /.*/, namespace: 'worker' }, (args) => {
			const name = path.basename(args.path).replace(/\.js$/, '');
			workers.set(name, args.path.endsWith('.js') ? args.path : args.path + '.js');
			return { contents: `export default function () { return new Worker('${served}/${workerDir}/${name}.js', { type: 'module' }); }`, loader: 'js' };
		});
	},
};

const common = { bundle: true, format: 'esm', target: 'es2022', minify: true, legalComments: 'linked', logLevel: 'warning' };
await build({
	...common,
	entryPoints: entries,
	outbase: source,
	outdir: out,
	splitting: true,
	chunkNames: 'chunks/[name]-[hash]',
	allowOverwrite: true,
	loader: { '.css': 'empty', '.ttf': 'empty' },
	plugins: [keepPackageImports, viteQueries],
});
if (workers.size > 0)
	await build({ ...common, entryPoints: Object.fromEntries(workers), outdir: path.join(out, workerDir) });

// sysinfo imports the package's package.json from the served root's parent: give it its own copy there.
fs.copyFileSync(path.join(pkgRoot, 'package.json'), path.join(here, 'dist/package.json'));

// Styles: the UI library's theme and fonts (not in the package), and the few files Umbraco's server adds.
const uuiCss = path.join(here, 'node_modules/@umbraco-ui/uui-css/dist');
fs.mkdirSync(path.join(out, 'css'), { recursive: true });
for (const file of walk(uuiCss)) {
	fs.mkdirSync(path.dirname(path.join(out, 'css', file)), { recursive: true });
	fs.copyFileSync(path.join(uuiCss, file), path.join(out, 'css', file));
}
// The stylesheet asks for its fonts at ../assets/fonts: the package's assets folder sits beside css/.
const uuiAssets = path.join(here, 'node_modules/@umbraco-ui/uui-css/assets');
for (const file of walk(uuiAssets)) {
	fs.mkdirSync(path.dirname(path.join(out, 'assets', file)), { recursive: true });
	fs.copyFileSync(path.join(uuiAssets, file), path.join(out, 'assets', file));
}
for (const file of walk(path.join(here, 'static')))
	fs.copyFileSync(path.join(here, 'static', file), path.join(out, 'css', file));

// Archive's own package: its extensions import the back office by @umbraco-cms/backoffice/* names only.
const extensions = path.join(here, 'extensions');
await build({
	...common,
	entryPoints: [path.join(extensions, 'index.ts')],
	outdir: path.join(out, 'archive'),
	splitting: true,
	entryNames: '[name]',
	chunkNames: '[name]-[hash]',
	plugins: [{ name: 'umbraco-external', setup: (b) => b.onResolve({ filter: /^@umbraco-cms\// }, (args) => ({ path: args.path, external: true })) }],
});

// A fingerprint of the build, so the host can name the bundle's URLs after it (long-lived caching).
const hash = createHash('sha256');
for (const file of walk(out).sort()) hash.update(file).update(fs.readFileSync(path.join(out, file)));
fs.writeFileSync(path.join(here, 'dist/version.txt'), hash.digest('hex').slice(0, 16));
console.log(`back office: ${files.length} files, ${entries.length} bundled entries, ${workers.size} workers`);
