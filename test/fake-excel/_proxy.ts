// Office.js proxy objects: load() and property reads, queued writes and calls, ClientResult and event handlers.
import { engine, type EventKind, fail, notLoaded, OfficeError, type Op, snapshot, type Tx, versionAtLeast } from './_runtime.js';

/** What a proxy needs from its request context. */
export interface Queue {
  _queue(op: Op): void;
}

/** A property as the proxy reads it from the book and writes it back. */
export interface Scalar<T> {
  get(target: T, tx: Tx): unknown;
  set?(target: T, value: unknown, tx: Tx): void;
  /** The ExcelApi version the property needs, when later than its object's. */
  requires?: string;
}

export function laterVersion(a: string, b: string | undefined): string {
  return b === undefined || versionAtLeast(a, b) ? a : b;
}

const split = (s: string): string[] =>
  s
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');

/**
 * The paths load() asks for: 'a, b/c', ['a', 'b/c'], { select: 'a', expand: 'b' } or { a: true, b: { c: true } };
 * 'all' (every scalar property) for load() without arguments.
 */
export function loadPaths(spec: unknown): string[] | 'all' {
  let paths: string[];
  if (spec === undefined || spec === null) return 'all';
  if (typeof spec === 'string') paths = split(spec);
  else if (Array.isArray(spec)) paths = spec.flatMap((s) => split(String(s)));
  else if (typeof spec === 'object') {
    const o = spec as Record<string, unknown>;
    if ('select' in o || 'expand' in o) {
      const list = (v: unknown): string[] => (Array.isArray(v) ? v.flatMap((s) => split(String(s))) : typeof v === 'string' ? split(v) : []);
      paths = [...list(o.select), ...list(o.expand)];
    } else {
      paths = [];
      const walk = (obj: Record<string, unknown>, prefix: string): void => {
        for (const [k, v] of Object.entries(obj)) {
          if (v === true) paths.push(`${prefix}${k}`);
          else if (typeof v === 'string') paths.push(...split(v).map((p) => `${prefix}${k}/${p}`));
          else if (typeof v === 'object' && v !== null) walk(v as Record<string, unknown>, `${prefix}${k}/`);
        }
      };
      walk(o, '');
    }
  } else paths = [];
  return paths.length === 0 ? 'all' : paths;
}

/** OfficeExtension.ClientObject: a proxy of something in the workbook, resolved against the book at each sync. */
export abstract class ClientObject<T = unknown> {
  /** Values as of the sync that loaded them (or as set by the add-in since). */
  protected readonly _values = new Map<string, unknown>();
  /** Known after a sync, for objects from *OrNullObject methods. */
  _isNull: boolean | undefined;

  protected constructor(
    readonly context: Queue,
    /** How the object was reached, for the request payload and error locations. */
    readonly _path: string,
    /** The ExcelApi version of the object and the way to it. */
    readonly _requires: string,
    protected readonly _nullable: boolean,
  ) {}

  protected abstract get _type(): string;
  /** The thing in the book (as of this point in the batch), or null for a null object. */
  abstract _target(tx: Tx): T | null;
  abstract _scalars(): Record<string, Scalar<T>>;
  /** Navigation properties that load paths may go through ('format/fill/color'). */
  _children(): Record<string, ClientObject<unknown>> {
    return {};
  }

  /** Office.js loads isNullObject with every sync without being asked. */
  get isNullObject(): boolean {
    if (!this._nullable) return false;
    if (this._isNull === undefined) throw notLoaded(`${this._type}.isNullObject`);
    return this._isNull;
  }

  load(spec?: unknown): this {
    const paths = loadPaths(spec);
    this._op({ wire: { a: 'load', o: this._path, p: paths }, location: `${this._type}.load`, run: (tx) => this._collect(tx, paths) });
    return this;
  }

  /** Sets several properties at once, navigation properties included: range.set({ values, format: { fill: { color } } }). */
  set(properties: Record<string, unknown>): void {
    const children = this._children();
    for (const [k, v] of Object.entries(properties)) {
      const child = children[k];
      if (child !== undefined && typeof v === 'object' && v !== null) child.set(v as Record<string, unknown>);
      else if (this._scalars()[k]?.set !== undefined) this._set(k, v);
      else throw new OfficeError('InvalidArgument', `${this._type}.${k} cannot be set.`, `${this._type}.set`);
    }
  }

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of this._values) out[k] = Array.isArray(v) && v[0] instanceof ClientObject ? v.map((i: ClientObject) => i.toJSON()) : v;
    for (const [k, child] of Object.entries(this._children())) {
      const json = child.toJSON();
      if (Object.keys(json).length > 0) out[k] = json;
    }
    return out;
  }

  track(): this {
    return this;
  }

  untrack(): this {
    return this;
  }

  /** Reads the values for a load into the response, to be delivered when the sync succeeds. */
  _collect(tx: Tx, paths: string[] | 'all'): unknown {
    const target = this._target(tx);
    if (target === null) {
      tx.loads.push(() => (this._isNull = true));
      return null;
    }
    const scalars = this._scalars();
    const children = this._children();
    const names: string[] = [];
    const nested = new Map<string, string[] | 'all'>();
    // load() without arguments loads what this Excel has; a property asked for by name and missing fails the sync.
    const all = (): string[] => Object.keys(scalars).filter((k) => versionAtLeast(engine().apiVersion, laterVersion(this._requires, scalars[k]?.requires)));
    for (const path of paths === 'all' ? all() : paths) {
      const [head = '', ...rest] = path.split('/');
      if (rest.length === 0 && head === 'isNullObject') continue; // loaded with every sync anyway
      if (rest.length === 0 && scalars[head] !== undefined) names.push(head);
      else if (children[head] !== undefined) {
        const sub = nested.get(head);
        if (rest.length === 0 || sub === 'all') nested.set(head, 'all');
        else nested.set(head, [...(sub ?? []), rest.join('/')]);
      } else fail('InvalidArgument', `${this._type} has no property '${head}' to load.`, `${this._type}.load`);
    }
    const out: Record<string, unknown> = {};
    const values: [string, unknown][] = [];
    for (const name of names) {
      const def = scalars[name] as Scalar<T>;
      this._checkVersion(def.requires, name);
      const v = def.get(target, tx);
      out[name] = v;
      values.push([name, v]);
    }
    for (const [name, sub] of nested) out[name] = (children[name] as ClientObject)._collect(tx, sub);
    tx.loads.push(() => {
      this._isNull = false;
      for (const [k, v] of values) this._values.set(k, v);
    });
    return out;
  }

  protected _checkVersion(requires: string | undefined, member: string): void {
    const need = laterVersion(this._requires, requires);
    const have = engine().apiVersion;
    if (!versionAtLeast(have, need)) fail('ApiNotFound', `${this._type}.${member} needs ExcelApi ${need}; this Excel supports ${have}.`, `${this._type}.${member}`);
  }

  protected _op(op: Omit<Op, 'requires'> & { requires?: string | undefined }): void {
    this.context._queue({ ...op, requires: laterVersion(this._requires, op.requires) });
  }

  protected _get<V>(name: string): V {
    if (this._isNull === true) return null as V;
    if (!this._values.has(name)) throw notLoaded(`${this._type}.${name}`);
    return this._values.get(name) as V;
  }

  /** Queues a write; like Office.js, the proxy shows the value set until the next load. */
  protected _set(name: string, value: unknown): void {
    const def = this._scalars()[name];
    const set = def?.set;
    if (def === undefined || set === undefined) throw new OfficeError('InvalidArgument', `${this._type}.${name} is read-only.`, `${this._type}.${name}`);
    const v = snapshot(value);
    this._values.set(name, v);
    this._op({
      wire: { a: 'set', o: this._path, n: name, v },
      requires: def.requires,
      location: `${this._type}.${name}`,
      run: (tx) => {
        const target = this._target(tx);
        if (target !== null) set(target, v, tx);
      },
    });
  }

  /** Queues a method call; what `run` returns is the response (and the ClientResult's value, if any). */
  protected _call<V>(name: string, args: unknown[], run: (target: T, tx: Tx) => V, options: { requires?: string; result?: ClientResult<V> } = {}): void {
    const { result } = options;
    this._op({
      wire: { a: 'call', o: this._path, n: name, v: snapshot(args) },
      ...(options.requires === undefined ? {} : { requires: options.requires }),
      location: `${this._type}.${name}`,
      run: (tx) => {
        const target = this._target(tx);
        if (target === null) return undefined;
        const value = run(target, tx);
        if (result !== undefined) tx.loads.push(() => result._deliver(value));
        return result === undefined ? undefined : (value ?? null);
      },
    });
  }

  /** Queues the implicit load of isNullObject that *OrNullObject methods do. */
  protected _probe(): void {
    this._op({
      wire: { a: 'probe', o: this._path },
      location: `${this._type}.isNullObject`,
      run: (tx) => {
        const isNull = this._target(tx) === null;
        tx.loads.push(() => (this._isNull = isNull));
        return { isNull };
      },
    });
  }
}

/** OfficeExtension.ClientResult: a method's return value, readable once synced. */
export class ClientResult<V> {
  private _loaded = false;
  private _value: V | undefined;

  get value(): V {
    if (!this._loaded) throw new OfficeError('ValueNotLoaded', 'The value of this ClientResult is not loaded yet: await context.sync() before reading it.', 'ClientResult.value');
    return this._value as V;
  }

  _deliver(value: V): void {
    this._value = value;
    this._loaded = true;
  }
}

/** OfficeExtension.EventHandlerResult. */
export class EventHandlerResult {
  _id: number | undefined;
  constructor(
    readonly context: Queue,
    private readonly _owner: string,
  ) {}

  /** Queues removing the handler; it stops being called once synced. */
  remove(): void {
    this.context._queue({
      wire: { a: 'call', o: this._owner, n: 'remove' },
      requires: '1.1',
      location: 'EventHandlerResult.remove',
      run: (tx) => {
        tx.effects.push(() => this._id !== undefined && engine().unregister(this._id));
      },
    });
  }
}

/** OfficeExtension.EventHandlers: add() registers a handler when synced; an event of a later API set fails that sync with ApiNotFound. */
export class EventHandlers {
  private readonly _ids = new Map<unknown, number>();

  constructor(
    private readonly _context: Queue,
    private readonly _owner: string,
    private readonly _kind: EventKind,
    /** The sheet id the event is for, or 'collection'. */
    private readonly _scope: (tx: Tx) => string,
    private readonly _requires: string,
  ) {}

  add(handler: (args: never) => unknown): EventHandlerResult {
    if (typeof handler !== 'function') throw new OfficeError('InvalidArgument', 'EventHandlers.add needs a function.', `${this._owner}.add`);
    const result = new EventHandlerResult(this._context, `${this._owner}.handler`);
    this._context._queue({
      wire: { a: 'call', o: this._owner, n: 'add' },
      requires: this._requires,
      location: `${this._owner}.add`,
      run: (tx) => {
        const scope = this._scope(tx);
        tx.effects.push(() => {
          result._id = engine().register({ kind: this._kind, scope, handler: handler as (args: unknown) => unknown });
          this._ids.set(handler, result._id);
        });
      },
    });
    return result;
  }

  remove(handler: (args: never) => unknown): void {
    this._context._queue({
      wire: { a: 'call', o: this._owner, n: 'remove' },
      requires: this._requires,
      location: `${this._owner}.remove`,
      run: (tx) => {
        tx.effects.push(() => {
          const id = this._ids.get(handler);
          if (id !== undefined) engine().unregister(id);
        });
      },
    });
  }
}
