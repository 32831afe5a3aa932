// The cameras' frames: a panel per watched camera, at the frame's native size or a whole multiple of it
// (pixelated only when upscaled, so frames are never blurred), with a badge naming what drew the frame and
// how many ticks it trails the world. Until a camera's first frame comes its panel says why there is none.
import { FrameSource, type Frame } from '../gen/twinworld/v1/frames_pb';
import type { CameraState } from '../gen/twinworld/v1/state_pb';

/** How long a panel waits before it suspects the server sends no frames at all. */
const PATIENCE_MS = 5000;

export function cameraName(camera: CameraState): string {
  return camera.name || `camera ${camera.cameraId}`;
}

class Panel {
  readonly element: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly context: CanvasRenderingContext2D;
  private readonly placeholder: HTMLElement;
  private readonly caption: HTMLElement;
  private readonly badge: HTMLElement;
  private drawnTick = -1;
  private readonly patience: number;

  constructor(readonly cameraId: number, name: string, private big: boolean) {
    this.element = document.createElement('figure');
    this.element.className = 'panel';
    this.element.dataset.camera = String(cameraId);
    this.canvas = document.createElement('canvas');
    this.canvas.hidden = true;
    this.context = this.canvas.getContext('2d')!;
    this.placeholder = document.createElement('div');
    this.placeholder.className = 'placeholder';
    this.placeholder.textContent = `waiting for ${name}'s first frame…`;
    this.badge = document.createElement('span');
    this.badge.className = 'badge';
    this.caption = document.createElement('figcaption');
    this.caption.textContent = name;
    this.element.append(this.canvas, this.placeholder, this.badge, this.caption);
    this.patience = window.setTimeout(() => {
      this.placeholder.textContent = `no frame from ${name} yet: the server may run without frame generation (Generation:Enabled) or be busy`;
    }, PATIENCE_MS);
  }

  setBig(big: boolean): void { this.big = big; this.fit(); }

  rename(name: string): void { this.caption.textContent = name; }

  async show(frame: Frame, worldTick: number): Promise<void> {
    const tick = Number(frame.tick);
    const image = await createImageBitmap(new Blob([frame.jpeg as BlobPart], { type: 'image/jpeg' }));
    if (tick <= this.drawnTick) { image.close(); return; } // a newer frame was drawn while this one decoded
    this.drawnTick = tick;
    window.clearTimeout(this.patience);
    if (this.canvas.width !== image.width || this.canvas.height !== image.height) {
      this.canvas.width = image.width;
      this.canvas.height = image.height;
      this.fit();
    }
    this.context.drawImage(image, 0, 0);
    image.close();
    this.canvas.hidden = false;
    this.placeholder.hidden = true;
    const source = frame.source === FrameSource.MODEL ? 'model' : frame.source === FrameSource.RENDERER ? 'renderer' : 'unknown source';
    const lag = Math.max(0, worldTick - tick);
    this.badge.textContent = `${source} · ${lag} tick${lag === 1 ? '' : 's'} behind`;
    this.badge.dataset.source = source;
    this.element.dataset.tick = String(tick);
  }

  /** The largest whole multiple of the frame's size that fits the panel's width (at least 1: never shrunk). */
  private fit(): void {
    if (!this.canvas.width) return;
    const room = this.big ? 640 : 320;
    const multiple = Math.max(1, Math.floor(room / this.canvas.width));
    this.canvas.style.width = `${this.canvas.width * multiple}px`;
    this.canvas.style.height = `${this.canvas.height * multiple}px`;
    this.canvas.style.imageRendering = multiple > 1 ? 'pixelated' : 'auto';
  }

  dispose(): void { window.clearTimeout(this.patience); this.element.remove(); }
}

/** The cameras a person can watch (checkboxes named from the scenario) and the panels of those watched. */
export class CameraPanels {
  private cameras: CameraState[] = [];
  private readonly panels = new Map<number, Panel>();
  private own = 0;
  private chosen = false;

  constructor(private readonly picker: HTMLElement, private readonly grid: HTMLElement, private readonly subscribe: (ids: number[]) => void) {
    this.showEmpty();
  }

  get watched(): number[] { return [...this.panels.keys()]; }

  /** A player's own camera: watched first and shown big. */
  setOwn(cameraId: number): void {
    this.own = cameraId;
    if (cameraId) this.watch(cameraId, true);
  }

  /** The world's cameras changed: rebuild the picker; watch the first one if nothing was chosen yet. */
  update(cameras: CameraState[]): void {
    const names = (list: CameraState[]) => list.map((c) => `${c.cameraId}:${cameraName(c)}`).join();
    if (names(cameras) === names(this.cameras)) return;
    this.cameras = cameras;
    for (const id of this.watched) if (!cameras.some((c) => c.cameraId === id)) this.unwatch(id);
    this.picker.replaceChildren(...cameras.map((camera) => {
      const label = document.createElement('label'), box = document.createElement('input');
      box.type = 'checkbox';
      box.value = String(camera.cameraId);
      box.checked = this.panels.has(camera.cameraId);
      box.addEventListener('change', () => { this.chosen = true; if (box.checked) this.watch(camera.cameraId); else this.unwatch(camera.cameraId); });
      label.append(box, ` ${cameraName(camera)}${camera.cameraId === this.own ? ' (yours)' : ''}`);
      return label;
    }));
    for (const camera of cameras) this.panels.get(camera.cameraId)?.rename(cameraName(camera));
    if (!this.chosen && this.panels.size === 0 && cameras.length) this.watch(cameras[0].cameraId);
    if (!this.panels.size) this.showEmpty();
  }

  frame(frame: Frame, worldTick: number): Promise<void> {
    return this.panels.get(frame.cameraId)?.show(frame, worldTick) ?? Promise.resolve();
  }

  private watch(id: number, big = false): void {
    if (this.panels.has(id)) return;
    const camera = this.cameras.find((c) => c.cameraId === id);
    const panel = new Panel(id, camera ? cameraName(camera) : id === this.own ? 'your camera' : `camera ${id}`, big);
    this.panels.set(id, panel);
    this.grid.querySelector('.empty')?.remove();
    if (big) this.grid.prepend(panel.element); else this.grid.append(panel.element);
    // One big panel when one camera is watched; a grid of small ones beside it otherwise.
    for (const p of this.panels.values()) p.setBig(p.cameraId === this.own || this.panels.size === 1);
    this.sync(id, true);
    this.subscribe(this.watched);
  }

  private unwatch(id: number): void {
    this.panels.get(id)?.dispose();
    this.panels.delete(id);
    for (const p of this.panels.values()) p.setBig(p.cameraId === this.own || this.panels.size === 1);
    this.sync(id, false);
    if (!this.panels.size) this.showEmpty();
    this.subscribe(this.watched);
  }

  private sync(id: number, checked: boolean): void {
    const box = this.picker.querySelector<HTMLInputElement>(`input[value="${id}"]`);
    if (box) box.checked = checked;
  }

  private showEmpty(): void {
    const empty = document.createElement('div');
    empty.className = 'placeholder empty';
    empty.textContent = this.cameras.length
      ? 'no camera watched: tick one above to see its frames'
      : 'this world has no cameras yet, so there are no frames to show (a scenario places them under cameras:)';
    this.grid.replaceChildren(empty);
  }
}
