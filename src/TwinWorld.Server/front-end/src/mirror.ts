// The client's copy of its view of the world, rebuilt from the state stream as StateMirror.cs does:
// each update applies to the baseline it names (held for the last 64 ticks) or is a full snapshot.
// Hazard tiles arrive raw-deflated; the browser inflates them, so updates are applied one at a time, in order.
import type { CameraState, HazardState, StateUpdate } from '../gen/twinworld/v1/state_pb';
import { HazardLayer } from '../gen/twinworld/v1/state_pb';
import { decodeAgents, type Agent } from './agents';

const HISTORY = 64;

/** One hazard-grid tile, inflated: cells row by row from its lowest x and y. */
export interface Tile {
  layer: HazardLayer;
  x: number;
  y: number;
  cells: Uint8Array;
}

export interface View {
  tick: number;
  agents: Agent[];
  hazards: HazardState[];
  cameras: CameraState[];
  tiles: Map<string, Tile>;
  inputAck: number;
}

async function inflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export class StateMirror {
  private readonly views = new Map<number, View>();
  private latest: View | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  /** Queues an update; resolves to the new view, or null if its baseline is not held (the server corrects it from the acks). */
  apply(update: StateUpdate): Promise<View | null> {
    const applied = this.queue.then(() => this.applyNow(update));
    this.queue = applied.catch(() => null);
    return applied;
  }

  private async applyNow(update: StateUpdate): Promise<View | null> {
    const tick = Number(update.tick);
    if (this.latest && tick <= this.latest.tick) return null;
    const baseline = update.hasBaseline ? this.views.get(Number(update.baselineTick)) : undefined;
    if (update.hasBaseline && !baseline) return null;
    const tiles = new Map(baseline ? baseline.tiles : []);
    for (const tile of update.tiles) {
      const key = `${tile.layer}:${tile.x}:${tile.y}`;
      if (tile.cells.length === 0) tiles.delete(key);
      else tiles.set(key, { layer: tile.layer, x: tile.x, y: tile.y, cells: await inflate(tile.cells) });
    }
    const view: View = {
      tick,
      agents: decodeAgents(baseline ? baseline.agents : [], update.agents),
      hazards: update.hazardsChanged || !baseline ? update.hazards : baseline.hazards,
      cameras: update.camerasChanged || !baseline ? update.cameras : baseline.cameras,
      tiles,
      inputAck: update.inputAck,
    };
    this.views.set(tick, view);
    for (const held of this.views.keys()) if (held <= tick - HISTORY) this.views.delete(held);
    this.latest = view;
    return view;
  }
}
