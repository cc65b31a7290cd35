import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { Blob, isBlob } from './blob';
import { tracked, type CallLog } from './calls';
import { realmError, type Realm } from '../load-bundle';

type Out = GoogleAppsScript.HTML.HtmlOutput;

export const SandboxMode = { EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' } as const;
export const XFrameOptionsMode = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' } as const;

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** What a sidebar or dialog shows, read without counting calls. */
export interface HtmlSnapshot {
  content: string;
  title: string;
  width: number;
  height: number;
  sandboxMode: string;
  xFrameOptionsMode: string;
}

/** Recognises our HtmlOutput (also across the vm boundary). */
export function isHtmlOutput(value: unknown): value is HtmlOutput {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as HtmlOutput)._snapshot === 'function'
  );
}

/** Where HtmlService finds files and in which context templates run. */
export interface HtmlEnvironment {
  log: CallLog;
  realm: Realm;
  /** The build folder: createHtmlOutputFromFile('Sidebar') reads `<buildDir>/Sidebar.html`. */
  buildDir: string;
  /** The bundle's context, so template scriptlets can call the script's functions; set once loaded. */
  context?: object;
}

export class HtmlOutput implements Pick<
  Out,
  | 'append'
  | 'appendUntrusted'
  | 'clear'
  | 'getContent'
  | 'setContent'
  | 'getTitle'
  | 'setTitle'
  | 'getWidth'
  | 'setWidth'
  | 'getHeight'
  | 'setHeight'
  | 'setSandboxMode'
  | 'setXFrameOptionsMode'
  | 'addMetaTag'
  | 'setFaviconUrl'
  | 'getFaviconUrl'
  | 'getBlob'
  | 'getAs'
  | 'asTemplate'
> {
  private title = '';
  // Apps Script's defaults for dialogs.
  private width = 600;
  private height = 400;
  private sandboxMode: string = SandboxMode.IFRAME;
  private xFrameOptionsMode: string = XFrameOptionsMode.DEFAULT;
  private faviconUrl = '';
  private readonly metaTags: { name: string; content: string }[] = [];

  constructor(
    private readonly env: HtmlEnvironment,
    private content: string,
  ) {
    return tracked(this, env.log, 'HtmlService', 'HtmlOutput');
  }

  _snapshot(): HtmlSnapshot {
    return {
      content: this.content,
      title: this.title,
      width: this.width,
      height: this.height,
      sandboxMode: this.sandboxMode,
      xFrameOptionsMode: this.xFrameOptionsMode,
    };
  }

  append(addedContent: string): Out {
    this.content += String(addedContent);
    return this as never;
  }

  appendUntrusted(addedContent: string): Out {
    this.content += escapeHtml(String(addedContent));
    return this as never;
  }

  clear(): Out {
    this.content = '';
    return this as never;
  }

  getContent(): string {
    return this.content;
  }

  setContent(content: string): Out {
    this.content = String(content);
    return this as never;
  }

  getTitle(): string {
    return this.title;
  }

  setTitle(title: string): Out {
    this.title = String(title);
    return this as never;
  }

  getWidth(): number {
    return this.width;
  }

  setWidth(width: number): Out {
    this.width = Number(width);
    return this as never;
  }

  getHeight(): number {
    return this.height;
  }

  setHeight(height: number): Out {
    this.height = Number(height);
    return this as never;
  }

  setSandboxMode(mode: GoogleAppsScript.HTML.SandboxMode): Out {
    this.sandboxMode = String(mode);
    return this as never;
  }

  setXFrameOptionsMode(mode: GoogleAppsScript.HTML.XFrameOptionsMode): Out {
    this.xFrameOptionsMode = String(mode);
    return this as never;
  }

  addMetaTag(name: string, content: string): Out {
    this.metaTags.push({ name: String(name), content: String(content) });
    return this as never;
  }

  setFaviconUrl(iconUrl: string): Out {
    this.faviconUrl = String(iconUrl);
    return this as never;
  }

  getFaviconUrl(): string {
    return this.faviconUrl;
  }

  getBlob(): GoogleAppsScript.Base.Blob {
    return new Blob(
      this.env.log,
      new TextEncoder().encode(this.content),
      'text/html',
      this.title || null,
    ) as never;
  }

  getAs(contentType: string): GoogleAppsScript.Base.Blob {
    if (contentType !== 'text/html')
      throw realmError(this.env.realm, `Converting HTML to ${contentType} is not supported.`);
    return this.getBlob();
  }

  asTemplate(): GoogleAppsScript.HTML.HtmlTemplate {
    return new HtmlTemplate(this.env, this.content) as never;
  }
}

/**
 * Compiles `<?= ?>` (printed, HTML-escaped), `<?!= ?>` (printed raw) and `<? ?>` (code) into a
 * function. Google escapes contextually (HTML, attribute, JS); this escapes for HTML everywhere.
 */
export function compileTemplate(raw: string): string {
  let code = '';
  let i = 0;
  while (i < raw.length) {
    const open = raw.indexOf('<?', i);
    if (open < 0) {
      code += `__out += ${JSON.stringify(raw.slice(i))};\n`;
      break;
    }
    if (open > i) code += `__out += ${JSON.stringify(raw.slice(i, open))};\n`;
    const close = raw.indexOf('?>', open + 2);
    if (close < 0) throw new Error('Unterminated scriptlet in HTML template.');
    const body = raw.slice(open + 2, close);
    if (body.startsWith('!=')) code += `__out += __raw(${body.slice(2)});\n`;
    else if (body.startsWith('=')) code += `__out += __esc(${body.slice(1)});\n`;
    else code += `${body}\n`;
    i = close + 2;
  }
  return `(function (__scope, __esc, __raw) {\nvar __out = '';\nwith (__scope) {\n${code}}\nreturn __out;\n})`;
}

function printable(v: unknown): string {
  return v === undefined || v === null ? '' : String(v);
}

/** HtmlTemplate: properties assigned to it (`t.items = …`) are the scriptlets' variables. */
export class HtmlTemplate implements Pick<
  GoogleAppsScript.HTML.HtmlTemplate,
  'evaluate' | 'getCode' | 'getCodeWithComments' | 'getRawContent'
> {
  [propName: string]: unknown;

  constructor(
    private readonly _env: HtmlEnvironment,
    private readonly _raw: string,
  ) {
    return tracked(this, _env.log, 'HtmlService', 'HtmlTemplate');
  }

  evaluate(): Out {
    const scope: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(this)) if (!k.startsWith('_')) scope[k] = v;
    const context = this._env.context ?? vm.createContext({});
    const fn = vm.runInContext(compileTemplate(this._raw), context) as (
      scope: object,
      esc: (v: unknown) => string,
      raw: (v: unknown) => string,
    ) => string;
    const html = fn(scope, (v) => escapeHtml(printable(v)), printable);
    return new HtmlOutput(this._env, html) as never;
  }

  getCode(): string {
    return compileTemplate(this._raw);
  }

  getCodeWithComments(): string {
    return compileTemplate(this._raw);
  }

  getRawContent(): string {
    return this._raw;
  }
}

export class HtmlService implements Pick<
  GoogleAppsScript.HTML.HtmlService,
  | 'createHtmlOutput'
  | 'createHtmlOutputFromFile'
  | 'createTemplate'
  | 'createTemplateFromFile'
  | 'getUserAgent'
> {
  readonly SandboxMode = SandboxMode as unknown as typeof GoogleAppsScript.HTML.SandboxMode;
  readonly XFrameOptionsMode =
    XFrameOptionsMode as unknown as typeof GoogleAppsScript.HTML.XFrameOptionsMode;

  constructor(private readonly env: HtmlEnvironment) {
    return tracked(this, env.log, 'HtmlService', 'HtmlService');
  }

  createHtmlOutput(html?: string | GoogleAppsScript.Base.BlobSource): Out {
    return new HtmlOutput(this.env, this.text(html)) as never;
  }

  createHtmlOutputFromFile(filename: string): Out {
    return new HtmlOutput(this.env, this.readFile(filename)) as never;
  }

  createTemplate(
    html: string | GoogleAppsScript.Base.BlobSource,
  ): GoogleAppsScript.HTML.HtmlTemplate {
    return new HtmlTemplate(this.env, this.text(html)) as never;
  }

  createTemplateFromFile(filename: string): GoogleAppsScript.HTML.HtmlTemplate {
    return new HtmlTemplate(this.env, this.readFile(filename)) as never;
  }

  getUserAgent(): string {
    return 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36';
  }

  private text(html: unknown): string {
    if (html === undefined || html === null) return '';
    if (typeof html === 'string') return html;
    const blob = (html as GoogleAppsScript.Base.BlobSource).getBlob?.();
    if (isBlob(blob)) return new TextDecoder().decode(blob._bytes());
    return String(html);
  }

  /** Apps Script project files are named without their .html extension; accept either. */
  private readFile(filename: string): string {
    const name = String(filename);
    const path = join(this.env.buildDir, name.endsWith('.html') ? name : `${name}.html`);
    if (!existsSync(path))
      throw realmError(this.env.realm, `No HTML file named ${name} was found.`);
    return readFileSync(path, 'utf8');
  }
}

// ---- google.script.run: what may cross between a page and the server ---------------------------

/**
 * Why a value may not cross google.script.run, or null when it may. Google: "Legal parameters are
 * JavaScript primitives like a Number, Boolean, String, or null, as well as JavaScript objects and
 * arrays that are composed of primitives, objects, and arrays. … Requests fail if you attempt to
 * pass a Date, Function, DOM element besides a form, or other prohibited type, including
 * prohibited types inside objects or arrays. Objects that create circular references will also
 * fail, and undefined fields within arrays become null." A server function's return value "is
 * subject to the same restrictions"
 * (https://developers.google.com/apps-script/guides/html/reference/run#myFunction(...)).
 * A form element is not modelled: no page of the add-on passes one.
 *
 * Self-contained on purpose (no imports, no closures, realm-independent tests by tag and
 * prototype): test/browser/stub.ts injects its source into the page, so the browser's
 * google.script.run applies the very same rule.
 */
export function transferProblem(value: unknown): string | null {
  const seen: unknown[] = [];
  const visit = (v: unknown, path: string): string | null => {
    if (v === null || v === undefined) return null;
    const type = typeof v;
    if (type === 'string' || type === 'number' || type === 'boolean') return null;
    if (type === 'function') return `a function at ${path}`;
    if (type !== 'object') return `a ${type} at ${path}`;
    if (seen.indexOf(v) >= 0) return `a circular reference at ${path}`;
    const tag = Object.prototype.toString.call(v).slice(8, -1);
    let entries: [string, unknown][];
    if (Array.isArray(v)) {
      entries = v.map((item, i): [string, unknown] => [`[${i}]`, item]);
    } else {
      const proto = Object.getPrototypeOf(v);
      const plain = tag === 'Object' && (proto === null || Object.getPrototypeOf(proto) === null);
      if (!plain) {
        const name = proto && proto.constructor ? proto.constructor.name : tag;
        return `a ${tag === 'Object' ? name : tag} at ${path}`;
      }
      entries = Object.keys(v as object).map((k): [string, unknown] => [
        `.${k}`,
        (v as Record<string, unknown>)[k],
      ]);
    }
    seen.push(v);
    for (const [key, item] of entries) {
      const problem = visit(item, `${path}${key}`);
      if (problem) return problem;
    }
    seen.pop();
    return null;
  };
  return visit(value, 'the value');
}

/**
 * The copy the other side receives (the page's value is never the server's object): what
 * JSON keeps of a value transferProblem accepts (undefined in arrays becomes null, undefined
 * fields are dropped).
 */
export function transferred<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
