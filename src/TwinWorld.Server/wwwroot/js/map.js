// The 2-D map: the terrain image (/api/terrain.png, north up), flood water and fire from the hazard
// tiles, hazards' markers and the agents, all from the mirrored view. Coordinates are metres from the
// site's south-west corner; the canvas is north up.

const VITAL_COLOURS = ['#f4f4f4', '#f0b030', '#d02020', '#d02020'];

export class WorldMap {
  constructor(canvas, world) {
    this.canvas = canvas;
    this.context = canvas.getContext('2d');
    this.world = world;
    this.widthMetres = world.widthCells * world.cellSizeMetres;
    this.heightMetres = world.heightCells * world.cellSizeMetres;
    const scale = Math.max(1, Math.floor(768 / Math.max(world.widthCells, world.heightCells)));
    canvas.width = world.widthCells * scale;
    canvas.height = world.heightCells * scale;
    this.scale = scale; // canvas pixels per cell
    this.terrain = new Image();
    this.terrain.onload = () => this.draw(this.view);
    this.terrain.src = '/api/terrain.png';
    this.view = null;
  }

  /** A point in metres as canvas pixels. */
  toCanvas(x, y) {
    return { x: (x / this.widthMetres) * this.canvas.width, y: (1 - y / this.heightMetres) * this.canvas.height };
  }

  /** A mouse event's point on the map, in metres. */
  toWorld(event) {
    const box = this.canvas.getBoundingClientRect();
    const u = (event.clientX - box.left) / box.width, v = (event.clientY - box.top) / box.height;
    return { x: u * this.widthMetres, y: (1 - v) * this.heightMetres };
  }

  draw(view, ownerId) {
    this.view = view;
    const c = this.context, s = this.scale, height = this.world.heightCells;
    c.imageSmoothingEnabled = false;
    if (this.terrain.complete && this.terrain.naturalWidth > 0) c.drawImage(this.terrain, 0, 0, this.canvas.width, this.canvas.height);
    else { c.fillStyle = '#555'; c.fillRect(0, 0, this.canvas.width, this.canvas.height); }
    if (!view) return;
    const size = this.world.hazardTileSize, unitsPerMetre = this.world.waterDepthUnitsPerMetre;
    for (const tile of view.tiles.values()) {
      for (let i = 0; i < size * size; i++) {
        const cx = tile.x * size + (i % size), cy = tile.y * size + Math.floor(i / size);
        let colour = null;
        if (tile.layer === 0) {
          const depth = (tile.cells[2 * i] | (tile.cells[2 * i + 1] << 8)) / unitsPerMetre;
          if (depth > 0) colour = `rgba(40, 110, 255, ${Math.min(0.9, 0.35 + depth / 3)})`;
        } else {
          const fire = tile.cells[i];
          if (fire === 1) colour = 'rgb(255, 80, 0)';
          else if (fire === 2) colour = 'rgb(40, 30, 30)';
        }
        if (colour) { c.fillStyle = colour; c.fillRect(cx * s, (height - 1 - cy) * s, s, s); }
      }
    }
    const units = this.world.positionUnitsPerMetre;
    for (const agent of view.agents) {
      const p = this.toCanvas(agent.x / units, agent.y / units);
      const mine = ownerId && agent.owner === ownerId;
      c.fillStyle = mine ? '#ffe000' : VITAL_COLOURS[agent.vital];
      const r = mine ? 5 : 1.5;
      c.fillRect(p.x - r, p.y - r, 2 * r, 2 * r);
    }
    c.lineWidth = 2;
    for (const hazard of view.hazards) {
      if (hazard.stopped || hazard.kind === 0) continue;
      const p = this.toCanvas(hazard.x / units, hazard.y / units);
      c.strokeStyle = hazard.kind === 1 ? '#ff4000' : '#c040ff';
      c.beginPath(); c.arc(p.x, p.y, 8, 0, 2 * Math.PI); c.stroke();
    }
    for (const camera of view.cameras) {
      const p = this.toCanvas(camera.x / units, camera.y / units);
      c.fillStyle = '#00e0e0';
      c.fillRect(p.x - 3, p.y - 3, 6, 6);
    }
  }
}
