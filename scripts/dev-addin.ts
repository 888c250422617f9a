// Builds the Excel add-in for https://localhost:<port>/ and serves dist/addin over HTTPS (npm run dev:addin -- [--port 3000] [--watch] [--no-build]).
// A plain node:https server of the files on disk: what Excel loads is exactly what `npm run build:addin` writes.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { chmodSync, createReadStream, existsSync, mkdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CONTENT_TYPES } from './content-types.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Where webpack.config.js writes the add-in (PLAN_LEDGER_ADDIN_OUT moves it). */
const DIST = process.env['PLAN_LEDGER_ADDIN_OUT'] ? resolve(process.env['PLAN_LEDGER_ADDIN_OUT']) : join(ROOT, 'dist', 'addin');
const CERTS = join(ROOT, '.certs');
const KEY = join(CERTS, 'localhost.key');
const CERT = join(CERTS, 'localhost.crt');
const WEBPACK = join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js');
/** A certificate this close to its end is made again. */
const RENEW_MS = 7 * 24 * 3600 * 1000;

const english = process.env['PLAN_LEDGER_LANG'] === 'en';
const say = (zh: string, en: string) => (english ? en : zh);

/** One line, as the CLI prints a fatal problem, and exit code 2 (or 1 when the build itself failed). */
function fail(code: string, zh: string, en: string, exitCode = 2): never {
  console.error(`dev:addin: [${code}] ${say(zh, en)}`);
  process.exit(exitCode);
}

function options(): { port: number; watch: boolean; build: boolean } {
  let values;
  try {
    ({ values } = parseArgs({ options: { port: { type: 'string', default: '3000' }, watch: { type: 'boolean', default: false }, 'no-build': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } } }));
  } catch (thrown) {
    fail('usage', `${(thrown as Error).message};用法:npm run dev:addin -- [--port 3000] [--watch] [--no-build]`, `${(thrown as Error).message}; usage: npm run dev:addin -- [--port 3000] [--watch] [--no-build]`);
  }
  if (values.help) {
    console.log(
      say(
        '用法:npm run dev:addin -- [--port 端口,默认 3000] [--watch 改动后重新构建] [--no-build 直接使用现有的 dist/addin]',
        'usage: npm run dev:addin -- [--port N, default 3000] [--watch: rebuild on change] [--no-build: serve dist/addin as it is]',
      ),
    );
    process.exit(0);
  }
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port < 1 || port > 65535) fail('usage', `--port 应为 1–65535 之间的整数,而不是 ${values.port}`, `--port takes a whole number from 1 to 65535, not ${values.port}`);
  return { port, watch: values.watch, build: !values['no-build'] };
}

/** The certificate in .certs/ when it is for localhost, matches its key and is not about to expire. */
function usableCertificate(): { key: Buffer; cert: Buffer; validTo: Date } | undefined {
  if (!existsSync(KEY) || !existsSync(CERT)) return undefined;
  try {
    const [key, cert] = [readFileSync(KEY), readFileSync(CERT)];
    const x509 = new X509Certificate(cert);
    const validTo = new Date(x509.validTo);
    const fresh = validTo.getTime() - Date.now() > RENEW_MS && new Date(x509.validFrom).getTime() <= Date.now();
    return fresh && x509.checkHost('localhost') !== undefined && x509.checkPrivateKey(createPrivateKey(key)) ? { key, cert, validTo } : undefined;
  } catch {
    return undefined;
  }
}

/** Makes a self-signed certificate for localhost with openssl, when the one in .certs/ is absent, expiring or not for localhost. */
function certificate(): { key: Buffer; cert: Buffer; validTo: Date; made: boolean } {
  const existing = usableCertificate();
  if (existing) return { ...existing, made: false };
  if (spawnSync('openssl', ['version'], { stdio: 'ignore' }).error) {
    fail(
      'openssl-missing',
      '找不到 openssl,无法生成 localhost 的 HTTPS 证书;请安装 OpenSSL(Windows 上 Git for Windows 自带一份)并加入 PATH 后重试',
      'openssl was not found, so no HTTPS certificate can be made for localhost; install OpenSSL (Git for Windows includes one), put it on PATH and try again',
    );
  }
  mkdirSync(CERTS, { recursive: true });
  // CA:FALSE and serverAuth: a server certificate, not a CA (browsers such as Firefox refuse a CA certificate as the server's own).
  const extensions = ['subjectAltName=DNS:localhost,IP:127.0.0.1', 'basicConstraints=critical,CA:FALSE', 'keyUsage=critical,digitalSignature,keyEncipherment', 'extendedKeyUsage=serverAuth'];
  const args = ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '365', '-subj', '/CN=localhost', ...extensions.flatMap((e) => ['-addext', e]), '-keyout', KEY, '-out', CERT];
  const made = spawnSync('openssl', args, { encoding: 'utf8' });
  if (made.status !== 0) {
    const detail = (made.stderr || made.error?.message || '').trim().split('\n').pop() ?? '';
    fail('certificate-failed', `openssl 未能生成证书:${detail}`, `openssl could not make the certificate: ${detail}`);
  }
  chmodSync(KEY, 0o600);
  const result = usableCertificate();
  if (!result) fail('certificate-failed', `openssl 生成的 ${CERT} 无法使用`, `the certificate openssl made, ${CERT}, is not usable`);
  return { ...result, made: true };
}

function webpack(base: string, watch: boolean): ChildProcess | number {
  if (!existsSync(WEBPACK)) fail('webpack-missing', '没有安装 webpack;请先运行 npm install', 'webpack is not installed; run npm install first');
  const args = [WEBPACK, '--mode', 'development', ...(watch ? ['--watch'] : [])];
  const env = { ...process.env, PLAN_LEDGER_BASE_URL: base };
  if (watch) return spawn(process.execPath, args, { cwd: ROOT, env, stdio: 'inherit' });
  return spawnSync(process.execPath, args, { cwd: ROOT, env, stdio: 'inherit' }).status ?? 1;
}


/** The file of dist/addin a request path names, or undefined: no dot segments or dotfiles, no backslashes or drive letters, nothing a symlink leads out to. */
function fileFor(url: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url, 'https://localhost').pathname);
  } catch {
    return undefined;
  }
  const segments = path.split('/').filter((s) => s !== '');
  if (segments.length === 0 || segments.some((s) => s.startsWith('.') || /[\\:\0]/.test(s))) return undefined;
  try {
    const file = realpathSync(join(DIST, ...segments));
    return file.startsWith(realpathSync(DIST) + sep) && statSync(file).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  const headers = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end();
    return;
  }
  if ((req.url ?? '/').split('?')[0] === '/') {
    res.writeHead(302, { ...headers, Location: '/taskpane.html' }).end();
    return;
  }
  const file = fileFor(req.url ?? '/');
  if (!file) {
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('404 Not Found\n');
    return;
  }
  const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  res.writeHead(200, { ...headers, 'Content-Type': type, 'Content-Length': statSync(file).size });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

/** Listens on 127.0.0.1 and, where the machine has IPv6, on ::1: `localhost` may resolve to either. */
async function listen(port: number, tls: { key: Buffer; cert: Buffer }): Promise<Server[]> {
  const servers: Server[] = [];
  for (const host of ['127.0.0.1', '::1']) {
    const server = createServer(tls, handle);
    const error = await new Promise<NodeJS.ErrnoException | undefined>((done) => {
      server.once('error', done);
      server.listen(port, host, () => done(undefined));
    });
    if (!error) servers.push(server);
    else if (host === '::1' && (error.code === 'EADDRNOTAVAIL' || error.code === 'EAFNOSUPPORT')) continue;
    else if (error.code === 'EADDRINUSE') fail('port-in-use', `端口 ${port} 已被占用(${host});请用 --port 换一个`, `port ${port} is in use (${host}); choose another with --port`);
    else fail('listen-failed', `无法在 ${host}:${port} 上监听:${error.message}`, `cannot listen on ${host}:${port}: ${error.message}`);
  }
  return servers;
}

const { port, watch, build } = options();
const base = `https://localhost:${port}/`;
const tls = certificate();
if (build) {
  console.log(say(`正在构建加载项(PLAN_LEDGER_BASE_URL=${base})…`, `building the add-in (PLAN_LEDGER_BASE_URL=${base})…`));
  if (webpack(base, false) !== 0) fail('build-failed', 'webpack 构建失败(见上方输出)', 'the webpack build failed (see above)', 1);
}
const manifest = join(DIST, 'manifest.xml');
for (const file of [manifest, join(DIST, 'taskpane.html')]) {
  if (!existsSync(file)) fail('build-missing', `缺少 ${file};请先运行 npm run build:addin`, `${file} is missing; run npm run build:addin first`);
}
if (!readFileSync(manifest, 'utf8').includes(base)) {
  console.warn(say(`警告:${manifest} 不是为 ${base} 构建的;去掉 --no-build 重新运行`, `warning: ${manifest} was not built for ${base}; run again without --no-build`));
}
const servers = await listen(port, tls);
const watcher = watch ? (webpack(base, true) as ChildProcess) : undefined;
watcher?.on('exit', (code) => console.warn(say(`webpack --watch 已退出(${code});继续提供最后一次构建的文件`, `webpack --watch exited (${code}); still serving the last build`)));

const day = tls.validTo.toISOString().slice(0, 10);
console.log(
  [
    '',
    `计划台账 Excel 加载项(开发)/ Plan ledger Excel add-in (development)`,
    `  任务窗格 Task pane:   ${base}taskpane.html`,
    `  清单 Manifest:        ${manifest}   (${base}manifest.xml)`,
    `  证书 Certificate:     ${CERT}   (${tls.made ? '新生成 new, ' : ''}有效期至 valid until ${day})`,
    '',
    `这是自签名证书,本脚本不会改动任何系统证书库:请自己信任它一次(证书重新生成后需再做一次),Excel 才会打开任务窗格。`,
    `This certificate is self-signed and this script changes no trust store: trust it yourself once (again whenever it is made anew), or Excel will not open the pane.`,
    `  Windows: 双击 .crt → 安装证书 → 当前用户 → 将所有的证书都放入下列存储:受信任的根证书颁发机构`,
    `           double-click the .crt → Install Certificate → Current User → Place all certificates in: Trusted Root Certification Authorities`,
    `           (或 or: certutil -user -addstore Root "${CERT}")`,
    `  macOS:   security add-trusted-cert -r trustRoot -k ~/Library/Keychains/login.keychain-db "${CERT}"`,
    `           (或在“钥匙串访问”中导入并设为“始终信任” / or import it in Keychain Access and set it to Always Trust)`,
    `  Linux (Chrome/Chromium): certutil -d sql:$HOME/.pki/nssdb -A -t "P,," -n plan-ledger-localhost -i "${CERT}"   (libnss3-tools)`,
    `  然后在浏览器中打开 then open ${base}taskpane.html,确认没有证书警告 and check there is no certificate warning.`,
    '',
    `旁加载清单(Windows 共享文件夹目录、Excel 网页版“上传我的加载项”、Mac 的 wef 文件夹)见 docs/addin.md。`,
    `To sideload the manifest (a shared folder catalog on Windows, Upload My Add-in on the web, the wef folder on a Mac), see docs/addin.md.`,
    watch ? say('webpack 正在监视改动;重新构建后,在任务窗格中右键 → 重新加载。', 'webpack watches for changes; after a rebuild, right-click the task pane → Reload.') : '',
    say('按 Ctrl+C 停止。', 'Press Ctrl+C to stop.'),
  ]
    .filter((line, i, all) => line !== '' || all[i - 1] !== '')
    .join('\n'),
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    watcher?.kill();
    for (const server of servers) server.close();
    process.exit(0);
  });
}
