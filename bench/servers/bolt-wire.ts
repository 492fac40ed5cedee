import { Socket } from 'node:net';

/**
 * Counts what a server process says to Neo4j, on the wire, the same way for A, B and C: every
 * socket connected to the Bolt port is watched below the driver, so no system's own notion of a "query"
 * or a "transaction" enters the count. An exchange is one turn of the conversation: the client
 * writes (one message or several pipelined ones) and then waits for the server's answer before
 * it writes again. Messages are counted by type from the Bolt chunk stream (RUN, PULL, BEGIN,
 * COMMIT …), so a report can show both how many turns a request cost and what they carried.
 *
 * With capture on, every RUN message is decoded (PackStream) and kept, statement text and
 * parameters, so bench/profile.ts can PROFILE exactly what each system sent, including the
 * Cypher that @neo4j/graphql generates.
 */

export type WireValue = null | boolean | number | bigint | string | WireValue[] | { [key: string]: WireValue };

export interface CapturedRun {
  query: string;
  parameters: { [key: string]: WireValue };
}

export interface WireTotals {
  /** Client turns: a write after the server last spoke (or the first write on a socket). */
  exchanges: number;
  /** Bolt messages the client sent, by type. */
  messages: Record<string, number>;
  /** Sockets opened to Neo4j. */
  connections: number;
  bytesOut: number;
  bytesIn: number;
}

const messageNames: Record<number, string> = {
  1: 'HELLO',
  2: 'GOODBYE',
  15: 'RESET',
  16: 'RUN',
  17: 'BEGIN',
  18: 'COMMIT',
  19: 'ROLLBACK',
  47: 'DISCARD',
  63: 'PULL',
  84: 'TELEMETRY',
  102: 'ROUTE',
  106: 'LOGON',
  107: 'LOGOFF',
};

export const wire: WireTotals = { exchanges: 0, messages: {}, connections: 0, bytesOut: 0, bytesIn: 0 };
let capturing = false;
let captured: CapturedRun[] = [];

export function resetWire(): void {
  wire.exchanges = 0;
  wire.messages = {};
  wire.connections = 0;
  wire.bytesOut = 0;
  wire.bytesIn = 0;
}

export function setCapture(on: boolean): void {
  capturing = on;
  captured = [];
}

/** The RUN messages sent since the last call (capture on only). */
export function takeCaptured(): CapturedRun[] {
  const taken = captured;
  captured = [];
  return taken;
}

type Phase = 'handshake' | 'await-server' | 'selection' | 'messages';

interface SocketState {
  lastWasOut: boolean;
  phase: Phase;
  /** Bytes of the client's handshake (magic and four versions) still to come. */
  handshakeLeft: number;
  serverHandshake: number[];
  /** Handshake v2 (manifest): the client's selected version (4 bytes) and capability varint. */
  selectionLeft: number;
  header: number[];
  chunkLeft: number;
  /** The message being read: its first two bytes (struct marker, signature), and all of it when capturing a RUN. */
  head: number[];
  parts: Buffer[];
}

const sockets = new WeakMap<Socket, SocketState>();

function countMessage(state: SocketState): void {
  const signature = state.head[1];
  const name = signature === undefined ? 'EMPTY' : (messageNames[signature] ?? `0x${signature.toString(16)}`);
  wire.messages[name] = (wire.messages[name] ?? 0) + 1;
  if (capturing && name === 'RUN') {
    const decoded = new PackStream(Buffer.concat(state.parts)).value();
    if (isRecord(decoded) && Array.isArray(decoded.fields)) {
      const [query, parameters] = decoded.fields;
      if (typeof query === 'string' && isRecord(parameters)) captured.push({ query, parameters });
    }
  }
  state.head = [];
  state.parts = [];
}

function observeOut(state: SocketState, bytes: Buffer): void {
  wire.bytesOut += bytes.length;
  let i = 0;
  while (i < bytes.length) {
    if (state.phase === 'handshake') {
      const take = Math.min(state.handshakeLeft, bytes.length - i);
      state.handshakeLeft -= take;
      i += take;
      if (state.handshakeLeft === 0) state.phase = 'await-server';
      continue;
    }
    if (state.phase === 'await-server') return; // the driver never writes before the server's handshake
    if (state.phase === 'selection') {
      if (state.selectionLeft > 0) {
        const take = Math.min(state.selectionLeft, bytes.length - i);
        state.selectionLeft -= take;
        i += take;
        continue;
      }
      // The capability varint: bytes with the high bit set continue it.
      const byte = bytes[i++] ?? 0;
      if ((byte & 0x80) === 0) state.phase = 'messages';
      continue;
    }
    if (state.chunkLeft === 0) {
      state.header.push(bytes[i++] ?? 0);
      if (state.header.length < 2) continue;
      const size = ((state.header[0] ?? 0) << 8) | (state.header[1] ?? 0);
      state.header = [];
      if (size === 0) {
        // A zero chunk ends a message; between messages it is a no-op keep-alive.
        if (state.head.length > 0) countMessage(state);
        continue;
      }
      state.chunkLeft = size;
      continue;
    }
    const take = Math.min(state.chunkLeft, bytes.length - i);
    const slice = bytes.subarray(i, i + take);
    for (let k = 0; state.head.length < 2 && k < slice.length; k++) state.head.push(slice[k] ?? 0);
    if (capturing) state.parts.push(Buffer.from(slice));
    state.chunkLeft -= take;
    i += take;
  }
}

function observeIn(state: SocketState, bytes: Buffer): void {
  wire.bytesIn += bytes.length;
  state.lastWasOut = false;
  if (state.phase !== 'await-server') return;
  for (const byte of bytes) {
    if (state.serverHandshake.length >= 4) break;
    state.serverHandshake.push(byte);
  }
  if (state.serverHandshake.length < 4) return;
  // 0x000001FF: the server sent a manifest of versions; the client answers with its choice.
  state.phase = state.serverHandshake[3] === 0xff ? 'selection' : 'messages';
}

function toBuffer(chunk: unknown, encoding: unknown): Buffer | null {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  if (typeof chunk === 'string') return Buffer.from(chunk, typeof encoding === 'string' && Buffer.isEncoding(encoding) ? encoding : 'utf8');
  return null;
}

let installed = false;

/** Watches every socket this process opens to Neo4j's Bolt port. Call before the driver connects. */
export function installBoltWire(boltPort: number): void {
  if (installed) return;
  installed = true;
  // Sockets are marked when they connect to the Bolt port, not recognised by remotePort later:
  // a connection accepted by the server's own HTTP listener has the client's port as its remote
  // port, and that could be any number.
  const toBolt = new WeakSet<Socket>();
  const originalConnect: unknown = Socket.prototype.connect;
  if (typeof originalConnect !== 'function') throw new Error('net.Socket has no connect method');
  Object.defineProperty(Socket.prototype, 'connect', {
    configurable: true,
    writable: true,
    value: function connect(this: Socket, ...args: unknown[]): unknown {
      // net.connect() hands the socket its arguments already normalized, as one array [options, callback].
      const first: unknown = Array.isArray(args[0]) ? args[0][0] : args[0];
      const port: unknown = typeof first === 'object' && first !== null ? Reflect.get(first, 'port') : first;
      if (Number(port) === boltPort) toBolt.add(this);
      return Reflect.apply(originalConnect, this, args);
    },
  });
  const originalWrite: unknown = Socket.prototype.write;
  if (typeof originalWrite !== 'function') throw new Error('net.Socket has no write method');
  Object.defineProperty(Socket.prototype, 'write', {
    configurable: true,
    writable: true,
    value: function write(this: Socket, ...args: unknown[]): unknown {
      if (toBolt.has(this)) {
        let state = sockets.get(this);
        if (!state) {
          state = {
            lastWasOut: false,
            phase: 'handshake',
            handshakeLeft: 20,
            serverHandshake: [],
            selectionLeft: 4,
            header: [],
            chunkLeft: 0,
            head: [],
            parts: [],
          };
          sockets.set(this, state);
          wire.connections += 1;
          const watched = state;
          this.on('data', (data: Buffer) => observeIn(watched, data));
        }
        if (!state.lastWasOut) wire.exchanges += 1;
        state.lastWasOut = true;
        const bytes = toBuffer(args[0], args[1]);
        if (bytes) observeOut(state, bytes);
      }
      return Reflect.apply(originalWrite, this, args);
    },
  });
}

function isRecord(value: unknown): value is { [key: string]: WireValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Just enough PackStream to read a RUN message back: integers come back as bigint so that a
 * replay sends integers (LIMIT takes nothing else), floats as numbers, structures as
 * { signature, fields }.
 */
class PackStream {
  readonly #bytes: Buffer;
  #at = 0;

  constructor(bytes: Buffer) {
    this.#bytes = bytes;
  }

  value(): WireValue {
    const marker = this.#u8();
    if (marker <= 0x7f) return BigInt(marker);
    if (marker >= 0xf0) return BigInt(marker - 0x100);
    const high = marker & 0xf0;
    const low = marker & 0x0f;
    if (high === 0x80) return this.#string(low);
    if (high === 0x90) return this.#list(low);
    if (high === 0xa0) return this.#map(low);
    if (high === 0xb0) return this.#struct(low);
    switch (marker) {
      case 0xc0:
        return null;
      case 0xc1:
        return this.#take(8).readDoubleBE(0);
      case 0xc2:
        return false;
      case 0xc3:
        return true;
      case 0xc8:
        return BigInt(this.#take(1).readInt8(0));
      case 0xc9:
        return BigInt(this.#take(2).readInt16BE(0));
      case 0xca:
        return BigInt(this.#take(4).readInt32BE(0));
      case 0xcb:
        return this.#take(8).readBigInt64BE(0);
      case 0xcc:
        return [...this.#take(this.#u8())].map((byte) => BigInt(byte));
      case 0xcd:
        return [...this.#take(this.#take(2).readUInt16BE(0))].map((byte) => BigInt(byte));
      case 0xce:
        return [...this.#take(this.#take(4).readUInt32BE(0))].map((byte) => BigInt(byte));
      case 0xd0:
        return this.#string(this.#u8());
      case 0xd1:
        return this.#string(this.#take(2).readUInt16BE(0));
      case 0xd2:
        return this.#string(this.#take(4).readUInt32BE(0));
      case 0xd4:
        return this.#list(this.#u8());
      case 0xd5:
        return this.#list(this.#take(2).readUInt16BE(0));
      case 0xd6:
        return this.#list(this.#take(4).readUInt32BE(0));
      case 0xd8:
        return this.#map(this.#u8());
      case 0xd9:
        return this.#map(this.#take(2).readUInt16BE(0));
      case 0xda:
        return this.#map(this.#take(4).readUInt32BE(0));
      case 0xdc:
        return this.#struct(this.#u8());
      case 0xdd:
        return this.#struct(this.#take(2).readUInt16BE(0));
      default:
        throw new Error(`PackStream: unknown marker 0x${marker.toString(16)}`);
    }
  }

  #u8(): number {
    const byte = this.#bytes[this.#at];
    if (byte === undefined) throw new Error('PackStream: read past the end');
    this.#at += 1;
    return byte;
  }

  #take(length: number): Buffer {
    if (this.#at + length > this.#bytes.length) throw new Error('PackStream: read past the end');
    const slice = this.#bytes.subarray(this.#at, this.#at + length);
    this.#at += length;
    return slice;
  }

  #string(length: number): string {
    return this.#take(length).toString('utf8');
  }

  #list(length: number): WireValue[] {
    return Array.from({ length }, () => this.value());
  }

  #map(length: number): { [key: string]: WireValue } {
    const result: { [key: string]: WireValue } = {};
    for (let i = 0; i < length; i++) {
      const key = this.value();
      result[String(key)] = this.value();
    }
    return result;
  }

  #struct(size: number): WireValue {
    const signature = this.#u8();
    return { signature: BigInt(signature), fields: this.#list(size) };
  }
}
