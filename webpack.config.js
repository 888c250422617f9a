// The Excel add-in: `npm run build:addin` writes dist/addin/ (the task pane, its scripts, icons and manifest.xml),
// and dist/page/plan-ledger.html, the same UI as one offline page.
//   PLAN_LEDGER_BASE_URL   where dist/addin will be served from; every URL in manifest.xml points there (https://localhost:3000/ by default)
//   PLAN_LEDGER_OFFICE_JS  `cdn` (Microsoft's CDN, the default) or `local`: Office.js served from dist/addin/office-js/,
//                          copied from the @microsoft/office-js package, for intranets without Internet access
//   PLAN_LEDGER_ADDIN_OUT  another output directory than dist/addin
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import webpack from 'webpack';

const ROOT = dirname(fileURLToPath(import.meta.url));
const SRC = join(ROOT, 'src/addin');
const DEFAULT_BASE_URL = 'https://localhost:3000/';
export const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_JS_PACKAGE = join(ROOT, 'node_modules/@microsoft/office-js/dist');

/** What of the @microsoft/office-js package Excel needs: the loader, Excel's hosts, and the strings of every language. */
function officeJsFiles() {
  const files = [];
  for (const name of readdirSync(OFFICE_JS_PACKAGE)) {
    const path = join(OFFICE_JS_PACKAGE, name);
    if (statSync(path).isDirectory() && name === 'agaveerrorux') {
      // The page Office.js for the web frames when something goes wrong (on an intranet's Office Online Server too).
      for (const file of readdirSync(path, { recursive: true })) if (statSync(join(path, String(file))).isFile()) files.push(`${name}/${String(file)}`);
    } else if (statSync(path).isDirectory()) {
      const strings = join(path, 'office_strings.js');
      try {
        if (statSync(strings).isFile()) files.push(`${name}/office_strings.js`);
      } catch {
        // a folder without strings (telemetry, error pages): not needed
      }
    } else if (/^(office|o15apptofilemappingtable|es6-promise|excel[\w.-]*)\.js$/.test(name) && !name.includes('.debug.')) {
      files.push(name);
    }
  }
  return files;
}

/** Emits the pane's page, styles, icons and manifest (with the base URL), and Office.js when it is served locally. */
class AddinFiles {
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    const { RawSource } = webpack.sources;
    compiler.hooks.thisCompilation.tap('AddinFiles', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'AddinFiles', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const { base, localOfficeJs } = this.options;
        const officeJs = localOfficeJs ? 'office-js/office.js' : OFFICE_JS_CDN;
        // Office.js fetches its host scripts from where it was loaded; the policy allows that origin and nothing else.
        const officeOrigin = localOfficeJs ? '' : ' https://appsforoffice.microsoft.com';
        const html = readFileSync(join(SRC, 'taskpane.html'), 'utf8').replaceAll('%OFFICE_JS%', officeJs).replaceAll('%OFFICE_ORIGIN%', officeOrigin);
        compilation.emitAsset('taskpane.html', new RawSource(html));
        compilation.emitAsset('taskpane.css', new RawSource(readFileSync(join(SRC, 'taskpane.css'))));
        compilation.emitAsset('compat.js', new RawSource(readFileSync(join(SRC, 'compat.js'))), { minimized: true });
        // The default template, which the coordinator's tab fills (fetched from beside the pane).
        compilation.emitAsset('templates/progress-report.xlsx', new RawSource(readFileSync(join(ROOT, 'templates/progress-report.xlsx'))));
        for (const size of [16, 32, 64, 80]) compilation.emitAsset(`assets/icon-${size}.png`, new RawSource(readFileSync(join(SRC, `assets/icon-${size}.png`))));
        const manifest = readFileSync(join(ROOT, 'manifest.xml'), 'utf8').replaceAll(DEFAULT_BASE_URL, base);
        compilation.emitAsset('manifest.xml', new RawSource(manifest));
        if (localOfficeJs) for (const file of officeJsFiles()) compilation.emitAsset(`office-js/${file}`, new RawSource(readFileSync(join(OFFICE_JS_PACKAGE, file))), { minimized: true });
      });
    });
  }
}

/**
 * The oldest browsers the offline page runs in: those of government desktops (360 安全浏览器 13 and 奇安信 on Chromium 86,
 * QQ 浏览器 on 94, the Firefox ESR of domestic Linux). Its script's syntax is lowered to them; older ones, and the IE
 * of 360's 兼容模式, are told so by compat.js.
 */
export const PAGE_BROWSERS = ['chrome86', 'edge86', 'firefox78'];

/** The offline page: page.js and the pane's styles put inside page.html, allowed by their hashes; page.js itself not kept. */
class OnePage {
  apply(compiler) {
    const { RawSource } = webpack.sources;
    compiler.hooks.thisCompilation.tap('OnePage', (compilation) => {
      // Syntax lowered to the oldest browsers before the minifier runs, so that it minifies what is lowered.
      compilation.hooks.processAssets.tap({ name: 'OnePage', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_COMPATIBILITY }, () => {
        const bundled = compilation.getAsset('page.js')?.source.source().toString() ?? '';
        compilation.updateAsset('page.js', new RawSource(transformSync(bundled, { loader: 'js', target: PAGE_BROWSERS, charset: 'utf8' }).code));
      });
      compilation.hooks.processAssets.tap({ name: 'OnePage', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const script = compilation.getAsset('page.js')?.source.source().toString() ?? '';
        // A script element ends at the first </script: none may stand inside it.
        const inline = script.replace(/<\/(script)/gi, '<\\/$1');
        const compat = readFileSync(join(SRC, 'compat.js'), 'utf8');
        const style = readFileSync(join(SRC, 'taskpane.css'), 'utf8');
        const hash = (text) => `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
        const html = readFileSync(join(SRC, 'page.html'), 'utf8')
          .replace('%SCRIPT_HASH%', `${hash(compat)}' '${hash(inline)}`)
          .replace('%COMPAT%', () => compat)
          .replace('%STYLE_HASH%', hash(style))
          .replace('%STYLE%', () => style)
          .replace('%SCRIPT%', () => inline);
        compilation.deleteAsset('page.js');
        compilation.emitAsset('plan-ledger.html', new RawSource(html), { minimized: true });
      });
    });
  }
}

/** The page's build: every module in one script (no chunk can load from a file:// page), the default template inside. */
function pageConfig(production) {
  return {
    name: 'page',
    mode: production ? 'production' : 'development',
    target: ['web', 'es2020'],
    entry: { page: join(SRC, 'page.ts') },
    output: { path: process.env.PLAN_LEDGER_PAGE_OUT || join(ROOT, 'dist/page'), filename: '[name].js', asyncChunks: false, publicPath: '', clean: true },
    resolve: { extensions: ['.ts', '.js'], extensionAlias: { '.js': ['.ts', '.js'] } },
    module: {
      rules: [{ test: /\.ts$/, loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', sourceMap: false, declaration: false } } }],
    },
    plugins: [
      new webpack.DefinePlugin({ PLAN_LEDGER_DEFAULT_TEMPLATE: JSON.stringify(readFileSync(join(ROOT, 'templates/progress-report.xlsx')).toString('base64')) }),
      new OnePage(),
    ],
    devtool: false,
    performance: { hints: false },
    stats: 'errors-warnings',
  };
}

export default (env = {}, argv = {}) => {
  const production = argv.mode !== 'development';
  const base = process.env.PLAN_LEDGER_BASE_URL || env.baseUrl || DEFAULT_BASE_URL;
  if (!/^https:\/\/[^/]+(\/.*)?\/$/.test(base)) throw new Error(`PLAN_LEDGER_BASE_URL must be an https URL ending in /: ${base}`);
  const officeJs = process.env.PLAN_LEDGER_OFFICE_JS || env.officeJs || 'cdn';
  if (officeJs !== 'cdn' && officeJs !== 'local') throw new Error(`PLAN_LEDGER_OFFICE_JS must be cdn or local: ${officeJs}`);
  const addin = {
    name: 'addin',
    mode: production ? 'production' : 'development',
    target: ['web', 'es2020'],
    entry: { taskpane: join(SRC, 'main.ts') },
    output: {
      path: process.env.PLAN_LEDGER_ADDIN_OUT || join(ROOT, 'dist/addin'),
      filename: '[name].js',
      // The coordinator's and the auditor's code, and exceljs, load only when used.
      chunkFilename: 'chunks/[name].[contenthash:8].js',
      publicPath: '',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.js'], extensionAlias: { '.js': ['.ts', '.js'] } },
    module: {
      rules: [{ test: /\.ts$/, loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', sourceMap: !production, declaration: false } } }],
    },
    plugins: [new AddinFiles({ base, localOfficeJs: officeJs === 'local' })],
    devtool: production ? false : 'source-map',
    performance: { hints: false },
    stats: 'errors-warnings',
  };
  return [addin, pageConfig(production)];
};
