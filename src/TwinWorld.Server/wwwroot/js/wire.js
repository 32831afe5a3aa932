// Protocol Buffers wire format, for the messages this page uses (protocol/twinworld/v1). A schema maps a
// field number to [name, type, repeated?]; a type is 'uint', 'int' (int32), 'bool', 'float', 'double',
// 'string', 'bytes' or a nested schema. Unknown fields are skipped, as protobuf readers do.

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder();

class Reader {
  constructor(bytes) { this.bytes = bytes; this.at = 0; this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength); }
  byte() {
    if (this.at >= this.bytes.length) throw new Error('the message ends inside a field');
    return this.bytes[this.at++];
  }
  varint() {
    let value = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      const b = this.byte();
      value |= BigInt(b & 0x7f) << shift;
      if (b < 0x80) return BigInt.asUintN(64, value);
    }
    throw new Error('a varint longer than 10 bytes');
  }
  take(length) {
    if (length > this.bytes.length - this.at) throw new Error('a length past the end of the message');
    const slice = this.bytes.subarray(this.at, this.at + length);
    this.at += length;
    return slice;
  }
  fixed(size) { const at = this.at; this.take(size); return at; }
}

function scalar(reader, type, wire) {
  switch (type) {
    case 'uint': return Number(reader.varint());
    case 'int': return Number(BigInt.asIntN(32, reader.varint()));
    case 'bool': return reader.varint() !== 0n;
    case 'float': return reader.view.getFloat32(reader.fixed(4), true);
    case 'double': return reader.view.getFloat64(reader.fixed(8), true);
    case 'string': return utf8Decoder.decode(reader.take(Number(reader.varint())));
    case 'bytes': return reader.take(Number(reader.varint())).slice();
    default: throw new Error(`unknown type ${type} (wire type ${wire})`);
  }
}

function skip(reader, wire) {
  switch (wire) {
    case 0: reader.varint(); break;
    case 1: reader.take(8); break;
    case 2: reader.take(Number(reader.varint())); break;
    case 5: reader.take(4); break;
    default: throw new Error(`wire type ${wire} is not valid`);
  }
}

/** Decodes bytes by a schema into a plain object; repeated fields are arrays, absent ones their defaults. */
export function decode(schema, bytes) {
  const reader = new Reader(bytes);
  const message = {};
  for (const [, [name, type, repeated]] of Object.entries(schema)) {
    message[name] = repeated ? [] : typeof type === 'object' ? null : type === 'string' ? '' : type === 'bool' ? false : type === 'bytes' ? new Uint8Array(0) : 0;
  }
  while (reader.at < bytes.length) {
    const tag = Number(reader.varint());
    const field = schema[tag >>> 3], wire = tag & 7;
    if (!field) { skip(reader, wire); continue; }
    const [name, type, repeated] = field;
    if (typeof type === 'object') {
      const value = decode(type, reader.take(Number(reader.varint())));
      if (repeated) message[name].push(value); else message[name] = value;
    } else if (repeated && wire === 2 && type !== 'string' && type !== 'bytes') {
      const packed = new Reader(reader.take(Number(reader.varint())));
      while (packed.at < packed.bytes.length) message[name].push(scalar(packed, type, wire));
    } else if (repeated) {
      message[name].push(scalar(reader, type, wire));
    } else {
      message[name] = scalar(reader, type, wire);
    }
  }
  return message;
}

class Writer {
  constructor() { this.parts = []; this.length = 0; }
  push(bytes) { this.parts.push(bytes); this.length += bytes.length; }
  varint(value) {
    let v = BigInt.asUintN(64, BigInt(value));
    const out = [];
    do { let b = Number(v & 0x7fn); v >>= 7n; if (v) b |= 0x80; out.push(b); } while (v);
    this.push(Uint8Array.from(out));
  }
  tag(field, wire) { this.varint(field * 8 + wire); }
  finish() {
    const bytes = new Uint8Array(this.length);
    let at = 0;
    for (const part of this.parts) { bytes.set(part, at); at += part.length; }
    return bytes;
  }
}

function writeScalar(writer, type, value) {
  switch (type) {
    case 'uint': case 'int': writer.varint(Math.trunc(value)); break;
    case 'bool': writer.varint(value ? 1 : 0); break;
    case 'float': { const b = new Uint8Array(4); new DataView(b.buffer).setFloat32(0, value, true); writer.push(b); break; }
    case 'double': { const b = new Uint8Array(8); new DataView(b.buffer).setFloat64(0, value, true); writer.push(b); break; }
    case 'string': { const b = utf8.encode(value); writer.varint(b.length); writer.push(b); break; }
    case 'bytes': writer.varint(value.length); writer.push(value); break;
    default: throw new Error(`unknown type ${type}`);
  }
}

const wireOf = { uint: 0, int: 0, bool: 0, float: 5, double: 1, string: 2, bytes: 2 };

/** Encodes a plain object by a schema; fields at their default are left out (proto3), nested messages never. */
export function encode(schema, message) {
  const writer = new Writer();
  for (const [number, [name, type, repeated]] of Object.entries(schema)) {
    const value = message[name];
    if (value === undefined || value === null) continue;
    const field = Number(number);
    if (typeof type === 'object') {
      for (const item of repeated ? value : [value]) {
        const body = encode(type, item);
        writer.tag(field, 2); writer.varint(body.length); writer.push(body);
      }
    } else if (repeated) {
      if (value.length === 0) continue;
      const packed = new Writer();
      for (const item of value) writeScalar(packed, type, item);
      const body = packed.finish();
      writer.tag(field, 2); writer.varint(body.length); writer.push(body);
    } else if (value !== 0 && value !== false && value !== '' && !(value instanceof Uint8Array && value.length === 0)) {
      writer.tag(field, wireOf[type]);
      writeScalar(writer, type, value);
    }
  }
  return writer.finish();
}
