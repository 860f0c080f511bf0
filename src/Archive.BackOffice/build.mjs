// Makes Umbraco's back office (the npm package's dist-cms, unbundled tsc output) browser-ready under
// /umbraco/backoffice/<fingerprint>/, as Umbraco's own Vite build does: every folder of the package that ships a
// vite.config.js (core, documents, media, tiptap, external/lit…) is bundled with the entries that configuration
// names, with code splitting inside it; its imports of another folder stay imports of that folder's entry (one
// module instance, whoever imports it, through the import map or a relative path). npm libraries are bundled into
// the one folder that uses them. The rest (apps/, libs/, the language files) is copied as it is. Then Archive's own
// extension package is built.
//
// Every URL carries a fingerprint of the build's inputs (the lock file, this script, Archive's extension sources),
// so the host can let browsers keep every file for a year: a new build is a new address.
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

function walk(dir, base = dir, files = []) {
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) walk(full, base, files);
		else files.push(path.relative(base, full).split(path.sep).join('/'));
	}
	return files;
}

const fingerprint = (() => {
	const hash = createHash('sha256');
	const inputs = ['package-lock.json', 'build.mjs', ...walk(path.join(here, 'extensions')).map((f) => 'extensions/' + f), ...walk(path.join(here, 'static')).map((f) => 'static/' + f)];
	for (const file of inputs.sort()) hash.update(file).update(fs.readFileSync(path.join(here, file)));
	return hash.digest('hex').slice(0, 12);
})();
const served = `/umbraco/backoffice/${fingerprint}`;

// Build-time files of the package the browser never asks for.
const skipped = [/\.d\.ts$/, /\.map$/, /\.tsbuildinfo$/, /(^|\/)vite\.config\.js$/, /^vite-config-base\.js$/, /^custom-elements\.json$/,
	/^vscode-html-custom-data\.json$/, /^umbraco-package-schema\.json$/, /^json-schema\//, /^examples\//, /^tsconfig\.build\.json$/,
	/^packages\/core\/openapi-ts\.config\.js$/, /^packages\/property-editors\/utils\/property-editor-test-utils\.js$/];

fs.rmSync(path.join(here, 'dist'), { recursive: true, force: true });
const all = walk(source);
const groups = all.filter((f) => f.endsWith('/vite.config.js')).map((f) => path.posix.dirname(f));
const groupOf = (file) => groups.find((g) => file.startsWith(g + '/'));

// The entries a folder's vite.config.js names: an object of output name → source, a list of sources, or
// Umbraco's default list (vite-config-base.js).
function entriesOf(group) {
	const config = fs.readFileSync(path.join(source, group, 'vite.config.js'), 'utf8');
	const toJs = (file) => file.replace(/^\.\//, '').replace(/\.ts$/, '.js');
	const named = /entry:\s*\{([^}]*)\}/.exec(config);
	if (named)
		return Object.fromEntries([...named[1].matchAll(/['"]?([\w\-/]+)['"]?\s*:\s*['"]([^'"]+)['"]/g)].map((m) => [m[1], toJs(m[2])]));
	const listed = /entry:\s*\[([^\]]*)\]/.exec(config);
	const list = listed ? [...listed[1].matchAll(/['"]([^'"]+)['"]/g)].map((m) => m[1]) : ['index.ts', 'manifests.ts', 'umbraco-package.ts'];
	return Object.fromEntries(list.map(toJs).filter((f) => fs.existsSync(path.join(source, group, f))).map((f) => [f.replace(/\.js$/, ''), f]));
}

const files = all.filter((f) => !skipped.some((s) => s.test(f)) && !(f.endsWith('.js') && groupOf(f)));
for (const file of files) {
	fs.mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
	fs.copyFileSync(path.join(source, file), path.join(out, file));
}

// What a bundled folder imports from outside itself: kept as an import of that module at its served address.
const crossing = new Set();
const otherFolders = (group) => ({
	name: 'other-folders',
	setup(b) {
		b.onResolve({ filter: /^\.\.?\// }, (args) => {
			if (args.path.endsWith('.json') || !args.importer.startsWith(source + path.sep)) return undefined;
			const target = path.relative(source, path.resolve(path.dirname(args.importer), args.path)).split(path.sep).join('/');
			if (target.startsWith(group + '/')) return undefined;
			crossing.add(target);
			return { path: `${served}/${target}`, external: true };
		});
	},
});

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
let entryCount = 0;
await Promise.all(groups.map((group) => {
	const entries = entriesOf(group);
	entryCount += Object.keys(entries).length;
	return build({
		...common,
		entryPoints: Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, path.join(source, group, file)])),
		outdir: path.join(out, group),
		splitting: true,
		chunkNames: 'chunks/[name]-[hash]',
		loader: { '.css': 'empty', '.ttf': 'empty' },
		plugins: [otherFolders(group), viteQueries],
	});
}));
if (workers.size > 0)
	await build({ ...common, entryPoints: Object.fromEntries(workers), outdir: path.join(out, workerDir) });

// Every module a folder imports from another, and every relative import of the copied files, must be there.
const missing = [...crossing].filter((f) => !fs.existsSync(path.join(out, f)));
const relativeImport = /^\s*(?:import|export)\s[^;]*?from\s*['"](\.[^'"]+)['"]|^(?!\s*(?:\*|\/\/)).*?import\(\s*['"](\.[^'"]+)['"]\s*\)/gm;
for (const file of files.filter((f) => f.endsWith('.js')))
	for (const m of fs.readFileSync(path.join(out, file), 'utf8').matchAll(relativeImport)) {
		const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1] ?? m[2]));
		if (!fs.existsSync(path.join(out, target))) missing.push(`${target} (from ${file})`);
	}
if (missing.length > 0) throw new Error('Modules imported but not built:\n' + [...new Set(missing)].slice(0, 20).join('\n'));

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
	loader: { '.css': 'text' },
	plugins: [{ name: 'umbraco-external', setup: (b) => b.onResolve({ filter: /^@umbraco-cms\// }, (args) => ({ path: args.path, external: true })) }],
});

fs.writeFileSync(path.join(here, 'dist/version.txt'), fingerprint);
console.log(`back office ${fingerprint}: ${groups.length} bundled folders with ${entryCount} entries, ${files.length} files copied, ${workers.size} workers`);
