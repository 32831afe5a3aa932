// The 2-D map, north up: the terrain image (/api/terrain.png), flood water, fire and damaged buildings from the hazard tiles,
// hazards' markers, cameras and people, all from the mirrored view, with a scale bar. Coordinates are metres
// from the site's south-west corner. The legend is built from the same palette, so the two cannot disagree.
import { HazardKind, HazardLayer } from '../gen/twinworld/v1/state_pb';
import type { WorldInfo } from '../gen/twinworld/v1/session_pb';
import type { View } from './mirror';

export interface Point { x: number; y: number }

/** People: healthy ones by kind (AgentKind), hurt ones by their vital state, which matters more. */
const KIND_COLOURS = ['#f4f4f4', '#7fe07f', '#c8a0ff', '#909090', '#40a0ff'];
const KIND_NAMES = ['civilian', 'child', 'elderly', 'vehicle', 'firefighter'];
const INJURED = '#f0b030', INCAPACITATED = '#e02020', YOU = '#ffe000';
const BURNING: [number, number, number] = [255, 80, 0];
const BURNT = '#282020', CAMERA = '#00e0e0';
/** Damaged buildings by the damage byte (1 minor to 4 destroyed): pink to maroon, brighter and redder than the
 * terrain's taupe buildings, and apart from the fire's orange and near-black and the people's dots. */
const DAMAGE_COLOURS = ['', '#ffa8d0', '#ff5aa0', '#c81e64', '#64002d'];
const DAMAGE_NAMES = ['', 'minor (roof covering lost)', 'moderate (roof deck lifted)', 'severe (roof gone)', 'destroyed'];
const HAZARD_COLOURS: Record<number, string> = { [HazardKind.FIRE]: '#ff4000', [HazardKind.TORNADO]: '#c040ff' };
const water = (depth: number) => `rgba(40, 110, 255, ${Math.min(0.9, 0.35 + depth / 3)})`;

/** The map's key: what each colour or mark means, as [swatch CSS, words, shape]. */
export const LEGEND: [string, string, 'dot' | 'cell' | 'ring'][] = [
  [YOU, 'you (your avatar)', 'dot'],
  ...KIND_NAMES.map((name, i): [string, string, 'dot'] => [KIND_COLOURS[i], `${name}, unhurt`, 'dot']),
  [INJURED, 'injured', 'dot'],
  [INCAPACITATED, 'incapacitated: needs rescue', 'dot'],
  [water(0.3), 'flood water, shallow', 'cell'],
  [water(2.5), 'flood water, deep (2 m or more)', 'cell'],
  [`rgb(${BURNING.join(', ')})`, 'burning', 'cell'],
  [BURNT, 'burnt out', 'cell'],
  ...DAMAGE_NAMES.slice(1).map((name, i): [string, string, 'cell'] => [DAMAGE_COLOURS[i + 1], `building damage: ${name}`, 'cell']),
  [HAZARD_COLOURS[HazardKind.FIRE], 'a fire (where it started)', 'ring'],
  [HAZARD_COLOURS[HazardKind.TORNADO], 'a tornado (where it is now)', 'ring'],
  [CAMERA, 'a camera', 'cell'],
];

/** A round length for the scale bar, about a fifth of the map's width. */
function scaleLength(widthMetres: number): number {
  const target = widthMetres / 5;
  const power = 10 ** Math.floor(Math.log10(target));
  return [5, 2, 1].map((m) => m * power).find((m) => m <= target) ?? power;
}

export class WorldMap {
  readonly widthMetres: number;
  readonly heightMetres: number;
  /** A tornado's track being dragged by an author, drawn over the map until the mouse is released. */
  track: { from: Point; to: Point } | null = null;
  private readonly context: CanvasRenderingContext2D;
  private readonly scale: number; // canvas pixels per cell
  private readonly terrain = new Image();
  private view: View | null = null;
  private me = 0;

  constructor(readonly canvas: HTMLCanvasElement, private readonly world: WorldInfo) {
    this.context = canvas.getContext('2d')!;
    this.widthMetres = world.widthCells * world.cellSizeMetres;
    this.heightMetres = world.heightCells * world.cellSizeMetres;
    this.scale = Math.max(1, Math.floor(768 / Math.max(world.widthCells, world.heightCells)));
    canvas.width = world.widthCells * this.scale;
    canvas.height = world.heightCells * this.scale;
    this.terrain.onload = () => this.redraw();
    this.terrain.src = '/api/terrain.png';
  }

  /** A point in metres as canvas pixels. */
  toCanvas(x: number, y: number): Point {
    return { x: (x / this.widthMetres) * this.canvas.width, y: (1 - y / this.heightMetres) * this.canvas.height };
  }

  /** A mouse event's point on the map, in metres. */
  toWorld(event: MouseEvent): Point {
    const box = this.canvas.getBoundingClientRect();
    const u = (event.clientX - box.left) / box.width, v = (event.clientY - box.top) / box.height;
    return { x: u * this.widthMetres, y: (1 - v) * this.heightMetres };
  }

  draw(view: View, me: number): void {
    this.view = view;
    this.me = me;
    this.redraw();
  }

  redraw(): void {
    const c = this.context;
    c.imageSmoothingEnabled = false;
    if (this.terrain.complete && this.terrain.naturalWidth > 0) c.drawImage(this.terrain, 0, 0, this.canvas.width, this.canvas.height);
    else { c.fillStyle = '#555'; c.fillRect(0, 0, this.canvas.width, this.canvas.height); }
    if (this.view) {
      this.drawTiles(this.view);
      this.drawPeople(this.view);
      this.drawMarkers(this.view);
    }
    this.drawTrack();
    this.drawScaleBar();
  }

  private drawTiles(view: View): void {
    const c = this.context, s = this.scale, height = this.world.heightCells;
    const size = this.world.hazardTileSize, unitsPerMetre = this.world.waterDepthUnitsPerMetre;
    for (const tile of view.tiles.values()) {
      for (let i = 0; i < size * size; i++) {
        const cx = tile.x * size + (i % size), cy = tile.y * size + Math.floor(i / size);
        let colour: string | null = null;
        if (tile.layer === HazardLayer.WATER_DEPTH) {
          const depth = (tile.cells[2 * i] | (tile.cells[2 * i + 1] << 8)) / unitsPerMetre;
          if (depth > 0) colour = water(depth);
        } else if (tile.layer === HazardLayer.BUILDING_DAMAGE) {
          colour = DAMAGE_COLOURS[tile.cells[i]] || null;
        } else {
          const fire = tile.cells[i];
          if (fire === 1) colour = `rgb(${BURNING.join(', ')})`;
          else if (fire === 2) colour = BURNT;
        }
        if (colour) { c.fillStyle = colour; c.fillRect(cx * s, (height - 1 - cy) * s, s, s); }
      }
    }
  }

  private drawPeople(view: View): void {
    const c = this.context, units = this.world.positionUnitsPerMetre;
    let mine: Point | null = null;
    for (const agent of view.agents) {
      const p = this.toCanvas(agent.x / units, agent.y / units);
      if (this.me && agent.owner === this.me) { mine = p; continue; }
      c.fillStyle = agent.vital === 2 ? INCAPACITATED : agent.vital === 1 ? INJURED : KIND_COLOURS[agent.kind] ?? KIND_COLOURS[0];
      c.fillRect(p.x - 1.5, p.y - 1.5, 3, 3);
    }
    if (mine) {
      c.fillStyle = YOU; c.strokeStyle = '#000'; c.lineWidth = 1;
      c.fillRect(mine.x - 5, mine.y - 5, 10, 10); c.strokeRect(mine.x - 5, mine.y - 5, 10, 10);
    }
  }

  private drawMarkers(view: View): void {
    const c = this.context, units = this.world.positionUnitsPerMetre;
    c.lineWidth = 2;
    for (const hazard of view.hazards) {
      // Ended hazards leave the map; a tsunami has no point of its own (its water shows instead).
      if (hazard.stopped || !(hazard.kind in HAZARD_COLOURS)) continue;
      const p = this.toCanvas(hazard.x / units, hazard.y / units);
      c.strokeStyle = HAZARD_COLOURS[hazard.kind];
      c.beginPath(); c.arc(p.x, p.y, 8, 0, 2 * Math.PI); c.stroke();
    }
    c.fillStyle = CAMERA;
    for (const camera of view.cameras) {
      const p = this.toCanvas(camera.x / units, camera.y / units);
      c.fillRect(p.x - 3, p.y - 3, 6, 6);
    }
  }

  private drawTrack(): void {
    if (!this.track) return;
    const c = this.context, from = this.toCanvas(this.track.from.x, this.track.from.y), to = this.toCanvas(this.track.to.x, this.track.to.y);
    c.strokeStyle = HAZARD_COLOURS[HazardKind.TORNADO]; c.lineWidth = 3; c.setLineDash([8, 6]);
    c.beginPath(); c.moveTo(from.x, from.y); c.lineTo(to.x, to.y); c.stroke();
    c.setLineDash([]);
  }

  private drawScaleBar(): void {
    // Sized in CSS pixels, so the bar reads the same on a small site's enlarged canvas as on a large one.
    const c = this.context, metres = scaleLength(this.widthMetres), k = this.canvas.width / (this.canvas.clientWidth || this.canvas.width);
    const pixels = (metres / this.widthMetres) * this.canvas.width, x = 12 * k, y = this.canvas.height - 12 * k;
    c.fillStyle = 'rgba(0, 0, 0, 0.55)'; c.fillRect(x - 6 * k, y - 22 * k, pixels + 12 * k, 30 * k);
    c.fillStyle = '#fff'; c.fillRect(x, y, pixels, 3 * k);
    c.fillRect(x, y - 5 * k, 2 * k, 8 * k); c.fillRect(x + pixels - 2 * k, y - 5 * k, 2 * k, 8 * k);
    c.font = `${13 * k}px system-ui, sans-serif`; c.textBaseline = 'bottom';
    c.fillText(`${metres} m`, x + 4 * k, y - 4 * k);
    c.textAlign = 'center'; c.textBaseline = 'top';
    c.fillStyle = 'rgba(0, 0, 0, 0.55)'; c.fillRect(this.canvas.width - 40 * k, 6 * k, 32 * k, 22 * k);
    c.fillStyle = '#fff'; c.fillText('N ↑', this.canvas.width - 24 * k, 10 * k);
    c.textAlign = 'start';
  }
}
