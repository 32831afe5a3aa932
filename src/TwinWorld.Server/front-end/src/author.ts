// An author's live controls: click the map to start a fire, or a tsunami from the clicked side; drag a
// tornado's track (a plain click sends it towards the centre); set the wind; stop a running hazard; or type
// any action as in a scenario file, which the server reads with the scenario's own validator.
import type { MessageInitShape } from '@bufbuild/protobuf';
import type { AuthorCommandSchema } from '../gen/twinworld/v1/author_pb';
import type { WorldCommandSchema } from '../gen/twinworld/v1/commands_pb';
import { HazardKind, type HazardState } from '../gen/twinworld/v1/state_pb';
import type { Point, WorldMap } from './map';

type Command = MessageInitShape<typeof AuthorCommandSchema>['command'];
type WorldKind = MessageInitShape<typeof WorldCommandSchema>['kind'];

/** One of the world's commands (commands.proto); the server checks it against the rules declared there. */
const world = (kind: WorldKind): Command => ({ case: 'world', value: { kind } });

/** A drag shorter than this many canvas pixels is a click. */
const DRAG_PIXELS = 6;

export class AuthorControls {
  private count = 0;
  private hazardNames = '';
  /** The request id of the last typed action, whose answer is shown beside the command line. */
  private typed = 0;

  constructor(
    private readonly panel: HTMLElement,
    private readonly map: WorldMap,
    private readonly clientId: number,
    private readonly send: (command: Command, says: string) => number,
  ) {
    panel.hidden = false;
    this.dragTracks();
    panel.querySelector('#wind')!.addEventListener('submit', (e) => {
      e.preventDefault();
      const speed = Number(this.field('wind-speed').value), from = Number(this.field('wind-from').value);
      this.send(world({ case: 'wind', value: { speed, from } }), `the wind: ${speed} m/s from ${from}°`);
    });
    panel.querySelector('#action')!.addEventListener('submit', (e) => {
      e.preventDefault();
      const text = this.field('action-text').value.trim();
      if (!text) return;
      this.typed = this.send({ case: 'action', value: text }, text);
      this.say('sent…');
    });
  }

  /** The server queued a command for a tick: a typed action says so beside its line. */
  queued(requestId: number, tick: bigint): void {
    if (requestId === this.typed) this.say(`queued for tick ${tick}`);
  }

  /** The server refused a command (a typed action's errors, at live:line:column): said beside the line when it was typed. */
  refused(requestId: number, message: string): boolean {
    if (requestId !== this.typed) return false;
    this.say(message, true);
    return true;
  }

  private say(text: string, error = false): void {
    const status = this.panel.querySelector<HTMLElement>('#action-status')!;
    status.textContent = text;
    status.classList.toggle('error', error);
  }

  /** The running hazards, each with a button that stops it. */
  showHazards(hazards: HazardState[]): void {
    const running = hazards.filter((h) => !h.stopped);
    const names = running.map((h) => h.name).join('\n');
    if (names === this.hazardNames) return;
    this.hazardNames = names;
    const list = this.panel.querySelector('#hazards')!;
    list.replaceChildren(...running.map((hazard) => {
      const item = document.createElement('li'), stop = document.createElement('button');
      stop.textContent = 'stop';
      stop.addEventListener('click', () => this.send(world({ case: 'stop', value: { name: hazard.name } }), `stop ${hazard.name}`));
      item.append(`${HazardKind[hazard.kind].toLowerCase()} “${hazard.name}” `, stop);
      return item;
    }));
    if (!running.length) list.textContent = 'none running';
  }

  private field(id: string): HTMLInputElement { return this.panel.querySelector<HTMLInputElement>(`#${id}`)!; }

  private tool(): string { return this.panel.querySelector<HTMLInputElement>('input[name=hazard]:checked')!.value; }

  private dragTracks(): void {
    const canvas = this.map.canvas;
    let down: { at: Point; x: number; y: number } | null = null;
    canvas.addEventListener('pointerdown', (e) => {
      down = { at: this.map.toWorld(e), x: e.clientX, y: e.clientY };
      canvas.setPointerCapture(e.pointerId);
    });
    canvas.addEventListener('pointermove', (e) => {
      if (!down || this.tool() !== 'tornado' || Math.hypot(e.clientX - down.x, e.clientY - down.y) < DRAG_PIXELS) return;
      this.map.track = { from: down.at, to: this.map.toWorld(e) };
      this.map.redraw();
    });
    canvas.addEventListener('pointerup', (e) => {
      if (!down) return;
      const dragged = Math.hypot(e.clientX - down.x, e.clientY - down.y) >= DRAG_PIXELS;
      this.start(down.at, dragged ? this.map.toWorld(e) : null);
      down = null;
      this.map.track = null;
      this.map.redraw();
    });
  }

  /** Starts the chosen hazard at a point; a tornado runs to `to`, or to the centre after a plain click. */
  private start(at: Point, to: Point | null): void {
    const kind = this.tool();
    const name = `${kind} ${this.clientId}.${++this.count}`;
    const centre = { x: this.map.widthMetres / 2, y: this.map.heightMetres / 2 };
    const where = `(${at.x.toFixed(0)}, ${at.y.toFixed(0)}) m`;
    if (kind === 'fire') {
      this.send(world({ case: 'fire', value: { at: { x: at.x, y: at.y }, radius: 6, name } }), `${name} at ${where}`);
    } else if (kind === 'tsunami') {
      // The wave comes from the clicked side of the site: the compass bearing from the centre to the click.
      const bearing = (Math.atan2(at.x - centre.x, at.y - centre.y) * 180 / Math.PI + 360) % 360;
      this.send(world({ case: 'tsunami', value: { height: 4, period: 240, from: bearing, name } }), `${name} from ${bearing.toFixed(0)}°`);
    } else {
      const end = to ?? centre;
      this.send(world({ case: 'tornado', value: { from: { x: at.x, y: at.y }, to: { x: end.x, y: end.y }, speed: 12, maxWind: 60, coreRadius: 30, name } }),
        `${name} from ${where} to (${end.x.toFixed(0)}, ${end.y.toFixed(0)}) m`);
    }
  }
}
