// The agents' bit-packed delta (protocol/README.md, "State stream"), decoded as
// src/TwinWorld.Protocol/State/AgentDeltaCodec.cs does: least significant bit first, three runs
// (destroyed, updated, created), prefix-coded numbers. A stream that does not fit its baseline throws.
// Hand-written because it is the codec's own format, not protobuf.

const HEADING_STEPS = 1024, MAX_AGENTS = 4_000_000;

/** One agent as the state stream carries it: position in position units, heading in steps. */
export interface Agent {
  id: number;
  version: number;
  x: number;
  y: number;
  heading: number;
  kind: number;
  vital: number;
  behaviour: number;
  owner: number;
}

class BitReader {
  position = 0;
  constructor(private readonly bytes: Uint8Array) {}
  get left(): number { return this.bytes.length * 8 - this.position; }
  read(bits: number): number {
    if (bits > 53) throw new Error(`a ${bits}-bit number is past what this page reads`);
    if (bits > this.left) throw new Error(`the stream ends ${bits - this.left} bits short`);
    let value = 0, got = 0;
    while (got < bits) {
      const index = this.position >> 3, offset = this.position & 7;
      const take = Math.min(8 - offset, bits - got);
      value += ((this.bytes[index] >> offset) & ((1 << take) - 1)) * 2 ** got;
      got += take; this.position += take;
    }
    return value;
  }
  bit(): boolean { return this.read(1) !== 0; }
  varUInt(): number {
    if (!this.bit()) return this.read(4);
    if (!this.bit()) return 16 + this.read(7);
    if (!this.bit()) return 144 + this.read(12);
    const length = this.read(7);
    if (length < 1 || length > 64) throw new Error(`a number ${length} bits long`);
    return this.read(length);
  }
  varInt(): number { const z = this.varUInt(); return z % 2 === 1 ? -(z + 1) / 2 : z / 2; }
  count(minBitsEach: number, max: number): number {
    const count = this.varUInt();
    if (count > max || count * minBitsEach > this.left) throw new Error(`a count of ${count} does not fit the stream`);
    return count;
  }
  expectEnd(): void {
    if (this.left >= 8 || (this.left > 0 && this.read(this.left) !== 0)) throw new Error('there are bytes after the end');
  }
}

/** Ids are gap-coded within a run: the next id is the previous one plus one plus the gap. */
class IdRun {
  private previous = -1;
  constructor(private readonly reader: BitReader) {}
  next(): number {
    const gap = this.reader.bit() ? 0 : this.reader.varUInt() + 1;
    this.previous += 1 + gap;
    return this.previous;
  }
}

function status(reader: BitReader, agent: Agent): Agent {
  agent.kind = reader.varUInt();
  agent.vital = reader.read(2);
  agent.behaviour = reader.read(3);
  agent.owner = reader.varUInt();
  return agent;
}

/** The agents after a delta: baseline is the held list (sorted by id, not changed), data the delta's bytes. */
export function decodeAgents(baseline: readonly Agent[], data: Uint8Array): Agent[] {
  const reader = new BitReader(data);
  const destroyedCount = reader.count(1, baseline.length);
  const kept: Agent[] = [];
  let ids = new IdRun(reader), b = 0;
  for (let i = 0; i < destroyedCount; i++) {
    const id = ids.next();
    while (b < baseline.length && baseline[b].id < id) kept.push(baseline[b++]);
    if (b === baseline.length || baseline[b].id !== id) throw new Error(`agent ${id} is destroyed but is not in the baseline`);
    b++;
  }
  while (b < baseline.length) kept.push(baseline[b++]);

  const updatedCount = reader.count(5, kept.length);
  ids = new IdRun(reader);
  let k = 0;
  for (let i = 0; i < updatedCount; i++) {
    const id = ids.next();
    while (k < kept.length && kept[k].id < id) k++;
    if (k === kept.length || kept[k].id !== id) throw new Error(`agent ${id} is updated but is not in the baseline`);
    const now = { ...kept[k] };
    const mask = reader.read(3);
    if (mask === 0) throw new Error(`agent ${id} is updated with nothing changed`);
    if (mask & 1) { now.x += reader.varInt(); now.y += reader.varInt(); }
    if (mask & 2) {
      const turn = reader.varInt();
      if (turn < -HEADING_STEPS / 2 || turn >= HEADING_STEPS / 2) throw new Error(`a turn of ${turn} steps`);
      now.heading = (now.heading + turn) & (HEADING_STEPS - 1);
    }
    if (mask & 4) status(reader, now);
    kept[k] = now;
  }

  const createdCount = reader.count(30, MAX_AGENTS - kept.length);
  const result: Agent[] = [];
  ids = new IdRun(reader);
  k = 0;
  for (let i = 0; i < createdCount; i++) {
    const id = ids.next();
    while (k < kept.length && kept[k].id < id) result.push(kept[k++]);
    if (k < kept.length && kept[k].id === id) throw new Error(`agent ${id} is created but already exists`);
    const version = reader.varUInt(), x = reader.varInt(), y = reader.varInt(), heading = reader.read(10);
    result.push(status(reader, { id, version, x, y, heading, kind: 0, vital: 0, behaviour: 0, owner: 0 }));
  }
  while (k < kept.length) result.push(kept[k++]);
  reader.expectEnd();
  return result;
}
