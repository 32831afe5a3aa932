// The client's copy of its view of the world, rebuilt from the state stream as StateMirror.cs does:
// each update applies to the baseline it names (held for the last 64 ticks) or is a full snapshot.
// Hazard tiles arrive raw-deflated; the browser inflates them, so updates are applied one at a time, in order.
import { decodeAgents } from './agents.js';

const HISTORY = 64;

async function inflate(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export class StateMirror {
  constructor() { this.views = new Map(); this.latest = null; this.queue = Promise.resolve(); }

  /** Queues an update; resolves to the new view, or null if its baseline is not held (the server corrects it from the acks). */
  apply(update) {
    const applied = this.queue.then(() => this.#apply(update));
    this.queue = applied.catch(() => null);
    return applied;
  }

  async #apply(update) {
    if (this.latest && update.tick <= this.latest.tick) return null;
    const baseline = update.hasBaseline ? this.views.get(update.baselineTick) : null;
    if (update.hasBaseline && !baseline) return null;
    const tiles = new Map(baseline ? baseline.tiles : []);
    for (const tile of update.tiles) {
      const key = `${tile.layer}:${tile.x}:${tile.y}`;
      if (tile.cells.length === 0) tiles.delete(key);
      else tiles.set(key, { layer: tile.layer, x: tile.x, y: tile.y, cells: await inflate(tile.cells) });
    }
    const view = {
      tick: update.tick,
      agents: decodeAgents(baseline ? baseline.agents : [], update.agents),
      hazards: update.hazardsChanged || !baseline ? update.hazards : baseline.hazards,
      cameras: update.camerasChanged || !baseline ? update.cameras : baseline.cameras,
      tiles,
      inputAck: update.inputAck,
    };
    this.views.set(view.tick, view);
    for (const tick of this.views.keys()) if (tick <= view.tick - HISTORY) this.views.delete(tick);
    this.latest = view;
    return view;
  }
}
