// A player's controls: WASD or the arrows walk the avatar (east/north on the map), Shift runs, releasing
// stops. The simulation forgets a direction after 1 s, so a held key's direction is sent again every
// RESEND_MS (protocol/README.md). V switches the player's own camera between third and first person; a drag
// on its frame turns it (PlayerView).
import type { MessageInitShape } from '@bufbuild/protobuf';
import { type PlayerSignalSchema } from '../gen/twinworld/v1/inputs_pb';
import { CameraMode } from '../gen/twinworld/v1/state_pb';

type Signal = MessageInitShape<typeof PlayerSignalSchema> & { sequence: number };

const RESEND_MS = 250;
/** A drag sends the view at most this often (the control channel is rate-limited); the newest wins anyway. */
const VIEW_MS = 100;
const DIRECTIONS: Record<string, [number, number]> = {
  KeyW: [0, 1], ArrowUp: [0, 1], KeyS: [0, -1], ArrowDown: [0, -1],
  KeyA: [-1, 0], ArrowLeft: [-1, 0], KeyD: [1, 0], ArrowRight: [1, 0],
};

export interface PlayerLink {
  sendInput(signals: Signal[]): void;
  sendView(mode: CameraMode, yaw: number, pitch: number): void;
}

export class PlayerControls {
  private readonly keys = new Set<string>();
  private running = false;
  private sequence = 0;
  private resend = 0;
  /** Signals not yet acknowledged (StateUpdate.input_ack): the state channel is unreliable, so each input carries them all. */
  private readonly pending: Signal[] = [];
  private mode: CameraMode = CameraMode.THIRD_PERSON_FOLLOW;
  private yaw = 0;
  private pitch = 0;
  private viewDue = 0;
  /** The server's limit on pitch, 1.5 rad either way, in heading steps. */
  private readonly maxPitch: number;

  constructor(private readonly link: PlayerLink, private readonly headingSteps: number, private readonly ownCamera: number) {
    this.maxPitch = Math.floor((1.5 / (2 * Math.PI)) * headingSteps);
    addEventListener('keydown', (e) => this.key(e, true));
    addEventListener('keyup', (e) => this.key(e, false));
    addEventListener('blur', () => { if (this.keys.size) { this.keys.clear(); this.steer(); } });
  }

  /** The server took signals up to this sequence; anything newer is sent again. */
  acknowledged(sequence: number): void {
    while (this.pending.length && this.pending[0].sequence <= sequence) this.pending.shift();
    if (this.pending.length) this.link.sendInput(this.pending);
  }

  /** Lets a drag on the own camera's panel, inside this element, turn that camera. */
  turnWith(element: HTMLElement): void {
    element.addEventListener('pointerdown', (down) => {
      if (!(down.target instanceof Element && down.target.closest(`.panel[data-camera="${this.ownCamera}"]`))) return;
      const start = { x: down.clientX, y: down.clientY, yaw: this.yaw, pitch: this.pitch };
      element.setPointerCapture(down.pointerId);
      const move = (e: PointerEvent) => {
        const stepsPerPixel = this.headingSteps / 720; // a 720-pixel drag turns once around
        // Yaw grows to the left (protocol/README.md), so a drag to the right turns the view right.
        this.yaw = (((start.yaw - Math.round((e.clientX - start.x) * stepsPerPixel)) % this.headingSteps) + this.headingSteps) % this.headingSteps;
        this.pitch = Math.max(-this.maxPitch, Math.min(this.maxPitch, start.pitch - Math.round((e.clientY - start.y) * stepsPerPixel)));
        this.viewDue ||= window.setTimeout(() => { this.viewDue = 0; this.sendView(); }, VIEW_MS);
      };
      element.addEventListener('pointermove', move);
      element.addEventListener('pointerup', () => element.removeEventListener('pointermove', move), { once: true });
    });
  }

  private key(event: KeyboardEvent, down: boolean): void {
    if (event.target instanceof Element && event.target.matches('input, select, textarea')) return;
    if (event.code === 'ShiftLeft' || event.code === 'ShiftRight') {
      if (this.running !== down) { this.running = down; if (this.keys.size) this.steer(); }
      return;
    }
    if (event.code === 'KeyV' && down && !event.repeat) {
      this.mode = this.mode === CameraMode.FIRST_PERSON ? CameraMode.THIRD_PERSON_FOLLOW : CameraMode.FIRST_PERSON;
      this.sendView();
      return;
    }
    if (!(event.code in DIRECTIONS)) return;
    event.preventDefault();
    if (down === this.keys.has(event.code)) return;
    if (down) this.keys.add(event.code); else this.keys.delete(event.code);
    this.steer();
  }

  /** Sends the held keys' direction now, and again every RESEND_MS while any is held; zero when none is. */
  private steer(): void {
    let x = 0, y = 0;
    for (const key of this.keys) { x += DIRECTIONS[key][0]; y += DIRECTIONS[key][1]; }
    const length = Math.hypot(x, y) || 1;
    this.pending.push({ sequence: ++this.sequence, tick: 0n, directionX: x / length, directionY: y / length, run: this.running && (x !== 0 || y !== 0) });
    if (this.pending.length > 64) this.pending.shift();
    this.link.sendInput(this.pending);
    window.clearTimeout(this.resend);
    if (this.keys.size) this.resend = window.setTimeout(() => this.steer(), RESEND_MS);
  }

  private sendView(): void { this.link.sendView(this.mode, this.yaw, this.pitch); }
}
