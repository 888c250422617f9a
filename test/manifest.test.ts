import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from './helpers/cli.js';
import { XMLLINT, xmllint } from './helpers/tools.js';

/** Office's manifest schemas beside the repository (../shared/office-xsd/README.md says where they come from). */
const SCHEMAS = join(ROOT, '..', 'shared', 'office-xsd');
const SCHEMA = join(SCHEMAS, 'OfficeAppManifestV1_1.xsd');
const inCi = process.env['CI'] === 'true';
const schemas = { available: existsSync(SCHEMA), reason: "Office's manifest schemas are missing: put them in ../shared/office-xsd/ beside the repository (see its README)" };
/** Whether the schema tests run: with xmllint and the schemas, and always in CI (where they fail without them). */
const validates = (xmllint.available && schemas.available) || inCi;
const notValidating = xmllint.available || inCi ? schemas.reason : xmllint.reason;

/** The URL the root manifest is written for; the build replaces it with PLAN_LEDGER_BASE_URL. */
const DEFAULT_BASE = 'https://localhost:3000/';
const ICON_SIZES = [16, 32, 64, 80] as const;
const DIST = join(ROOT, 'dist', 'addin');

const ROOT_MANIFEST = join(ROOT, 'manifest.xml');
const BUILT_MANIFEST = join(DIST, 'manifest.xml');
/** The root manifest, and the built one when there is a build (npm run build:addin). */
const MANIFESTS = [
  { name: 'manifest.xml', file: ROOT_MANIFEST, assets: join(ROOT, 'src', 'addin', 'assets') },
  ...(existsSync(BUILT_MANIFEST) ? [{ name: 'dist/addin/manifest.xml', file: BUILT_MANIFEST, assets: join(DIST, 'assets') }] : []),
];

interface XmlElement {
  /** The local name, without its prefix (bt:String is String). */
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  text: string;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) => s.replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (all, e: string) => (e[0] === '#' ? String.fromCodePoint(Number(e[1] === 'x' ? `0${e.slice(1)}` : e.slice(1))) : (ENTITIES[e] ?? all)));

/** A tree of the manifest's elements: enough XML for a file we write ourselves (no DTD; CDATA as text). */
function parseXml(xml: string): XmlElement {
  const document: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  const open = [document];
  const token = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/y;
  for (let m: RegExpExecArray | null; token.lastIndex < xml.length; ) {
    const at = token.lastIndex;
    m = token.exec(xml);
    if (!m) throw new Error(`not XML at offset ${at}: ${xml.slice(at, at + 40)}`);
    const [, cdata, closing, qname, attrText, selfClosing, text] = m;
    const current = open[open.length - 1] as XmlElement;
    if (text !== undefined || cdata !== undefined) current.text += text !== undefined ? decode(text) : cdata;
    if (qname === undefined) continue;
    const name = qname.replace(/^.*:/, '');
    if (closing) {
      if (current.name !== name || open.length === 1) throw new Error(`</${qname}> closes <${current.name}>`);
      open.pop();
      continue;
    }
    const attrs = Object.fromEntries([...(attrText ?? '').matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)].map((a) => [a[1] as string, decode(a[2] ?? a[3] ?? '')]));
    const element: XmlElement = { name, attrs, children: [], text: '' };
    current.children.push(element);
    if (!selfClosing) open.push(element);
  }
  if (open.length !== 1) throw new Error(`<${open[open.length - 1]?.name}> is never closed`);
  return document;
}

const children = (e: XmlElement | undefined, name: string) => e?.children.filter((c) => c.name === name) ?? [];
const child = (e: XmlElement | undefined, name: string) => children(e, name)[0];
const descendants = (e: XmlElement): XmlElement[] => e.children.flatMap((c) => [c, ...descendants(c)]);
/** A path of child names from an element, all matches at the end. */
const at = (e: XmlElement | undefined, ...path: string[]): XmlElement[] => path.reduce<XmlElement[]>((found, name) => found.flatMap((f) => children(f, name)), e ? [e] : []);

function manifest(file: string) {
  const app = child(parseXml(readFileSync(file, 'utf8')), 'OfficeApp');
  if (!app) throw new Error(`${file} has no <OfficeApp>`);
  const overrides = child(app, 'VersionOverrides');
  const resources = child(overrides, 'Resources');
  /** Resource ids by group (Images, Urls, ShortStrings, LongStrings), each with its element. */
  const groups = new Map(['Images', 'Urls', 'ShortStrings', 'LongStrings'].map((g) => [g, new Map(child(resources, g)?.children.map((r) => [r.attrs['id'] ?? '', r]) ?? [])]));
  const resource = (group: string, id: string) => groups.get(group)?.get(id);
  return { app, overrides, resources, groups, resource };
}

/** The resource group each referencing element expects, by the schema's types (bt:URLResourceReference, …). */
const GROUP_OF: Readonly<Record<string, string>> = {
  Image: 'Images',
  SourceLocation: 'Urls',
  LearnMoreUrl: 'Urls',
  FunctionFile: 'Urls',
  Label: 'ShortStrings',
  Title: 'ShortStrings',
  Description: 'LongStrings',
};

/** Width and height from a PNG's IHDR chunk, or undefined when the file is not a PNG. */
function pngSize(file: string): { width: number; height: number } | undefined {
  const bytes = readFileSync(file);
  const signature = '89504e470d0a1a0a';
  if (bytes.length < 24 || bytes.subarray(0, 8).toString('hex') !== signature || bytes.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const version = (v: string) => v.split('.').map(Number) as [number, number];
const atLeast = (v: string, min: string) => {
  const [a, b] = version(v);
  const [c, d] = version(min);
  return a > c || (a === c && b >= d);
};

test("xmllint and Office's manifest schemas are installed (Debian libxml2-utils; ../shared/office-xsd/)", (ctx) => {
  if (!validates) ctx.skip(notValidating);
  expect({ xmllint: xmllint.available, schemas: schemas.available }, `${XMLLINT} and ${SCHEMA} are needed`).toEqual({ xmllint: true, schemas: true });
});

describe.runIf(validates)("Office's schemas (xmllint)", () => {
  const lint = (file: string) => {
    const r = spawnSync(XMLLINT, ['--noout', '--nonet', '--schema', SCHEMA, file], { encoding: 'utf8' });
    return { status: r.status, stderr: r.stderr };
  };

  test.each(MANIFESTS)('$name validates', ({ file }) => {
    expect(lint(file)).toEqual({ status: 0, stderr: `${file} validates\n` });
  });

  test('and they are checked: a manifest with an unknown permission does not validate', () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'plan-ledger-manifest-')), 'manifest.xml');
    writeFileSync(bad, readFileSync(ROOT_MANIFEST, 'utf8').replace('<Permissions>ReadWriteDocument<', '<Permissions>ReadWrite<'));
    expect(lint(bad).status).not.toBe(0);
  });
});

describe.each(MANIFESTS)('$name', ({ file, assets }) => {
  test('every resid names a resource of the kind its element takes', () => {
    const { app, groups, resource } = manifest(file);
    const references = descendants(app).filter((e) => e.attrs['resid'] !== undefined);
    expect(references.length).toBeGreaterThan(0);
    const unresolved = references
      .filter((e) => {
        const id = e.attrs['resid'] as string;
        const group = GROUP_OF[e.name];
        return group ? !resource(group, id) : ![...groups.keys()].some((g) => resource(g, id));
      })
      .map((e) => `<${e.name} resid="${e.attrs['resid']}">`);
    expect(unresolved).toEqual([]);
    const ids = [...groups.values()].flatMap((g) => [...g.keys()]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i), 'resource ids are unique').toEqual([]);
  });

  test('every URL is https', () => {
    const { app } = manifest(file);
    const urls = descendants(app).flatMap((e) => [
      ...Object.entries(e.attrs)
        .filter(([name, value]) => !name.startsWith('xmlns') && /^[a-z][a-z\d+.-]*:\/\//i.test(value))
        .map(([name, value]) => `<${e.name} ${name}="${value}">`),
      ...(e.name === 'AppDomain' ? [`<AppDomain>${e.text.trim()}`] : []),
    ]);
    const elements = new Set(urls.map((u) => u.replace(/^<(\w+).*$/, '$1')));
    expect([...elements].sort()).toEqual(expect.arrayContaining(['HighResolutionIconUrl', 'IconUrl', 'Image', 'SourceLocation', 'SupportUrl', 'Url']));
    expect(urls.filter((u) => !/(="|>)https:\/\//.test(u))).toEqual([]);
  });

  test('the only host is Workbook, in both Hosts sections', () => {
    const { app, overrides } = manifest(file);
    expect(at(app, 'Hosts', 'Host').map((h) => h.attrs['Name'])).toEqual(['Workbook']);
    expect(at(overrides, 'Hosts', 'Host').map((h) => h.attrs['xsi:type'])).toEqual(['Workbook']);
  });

  test('it requires ExcelApi 1.7 or later', () => {
    const { app } = manifest(file);
    const sets = at(app, 'Requirements', 'Sets');
    const excel = sets.flatMap((s) => children(s, 'Set').filter((e) => e.attrs['Name'] === 'ExcelApi').map((e) => e.attrs['MinVersion'] ?? s.attrs['DefaultMinVersion'] ?? '1.1'));
    expect(excel).toHaveLength(1);
    expect(excel.filter((v) => !atLeast(v, '1.7'))).toEqual([]);
    const everywhere = descendants(app).filter((e) => e.name === 'Set' && e.attrs['Name'] === 'ExcelApi' && e.attrs['MinVersion'] !== undefined);
    expect(everywhere.map((e) => e.attrs['MinVersion'] as string).filter((v) => !atLeast(v, '1.7'))).toEqual([]);
  });

  test('every string has a zh-CN override in Chinese; the default locale is en-US', () => {
    const { app, groups } = manifest(file);
    expect(child(app, 'DefaultLocale')?.text).toBe('en-US');
    const strings = [
      ...['DisplayName', 'Description'].map((name) => [name, child(app, name)] as const),
      ...['ShortStrings', 'LongStrings'].flatMap((g) => [...(groups.get(g) ?? new Map<string, XmlElement>())].map(([id, e]) => [`${g}/${id}`, e] as const)),
    ];
    expect(strings.length).toBeGreaterThan(2);
    const missing = strings
      .filter(([, e]) => {
        const zh = children(e, 'Override').filter((o) => o.attrs['Locale'] === 'zh-CN');
        return zh.length !== 1 || !/\p{Script=Han}/u.test(zh[0]?.attrs['Value'] ?? '') || !e?.attrs['DefaultValue'];
      })
      .map(([where]) => where);
    expect(missing).toEqual([]);
  });

  test('icons of 16, 32, 64 and 80 px are PNGs of that size, and the manifest names each at its size', () => {
    const { app, resource } = manifest(file);
    const sizes = Object.fromEntries(ICON_SIZES.map((size) => [size, existsSync(join(assets, `icon-${size}.png`)) ? pngSize(join(assets, `icon-${size}.png`)) : undefined]));
    expect(sizes).toEqual(Object.fromEntries(ICON_SIZES.map((size) => [size, { width: size, height: size }])));
    const named = [
      [32, child(app, 'IconUrl')?.attrs['DefaultValue']],
      [64, child(app, 'HighResolutionIconUrl')?.attrs['DefaultValue']],
      ...descendants(app)
        .filter((e) => e.name === 'Image' && e.attrs['resid'] !== undefined)
        .map((e) => [Number(e.attrs['size']), resource('Images', e.attrs['resid'] as string)?.attrs['DefaultValue']] as const),
    ] as const;
    expect(named.filter(([size, url]) => !url?.endsWith(`/assets/icon-${size}.png`))).toEqual([]);
  });
});

describe.runIf(existsSync(BUILT_MANIFEST))('dist/addin (npm run build:addin)', () => {
  test('its manifest is the root one with the base URL replaced, and every URL under that base is one of its files', () => {
    const { app } = manifest(BUILT_MANIFEST);
    const page = child(child(app, 'DefaultSettings'), 'SourceLocation')?.attrs['DefaultValue'] ?? '';
    expect(page).toMatch(/^https:\/\/.+\/taskpane\.html$/);
    const base = page.replace(/taskpane\.html$/, '');
    expect(readFileSync(BUILT_MANIFEST, 'utf8')).toBe(readFileSync(ROOT_MANIFEST, 'utf8').replaceAll(DEFAULT_BASE, base));
    const urls = descendants(app).flatMap((e) => Object.values(e.attrs).filter((v) => v.startsWith(base)));
    const absent = [...new Set(urls.map((u) => decodeURIComponent(u.slice(base.length).replace(/[?#].*$/, ''))))].filter((path) => !existsSync(join(DIST, path)));
    expect(absent).toEqual([]);
  });
});
