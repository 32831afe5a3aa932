// The web viewer: connects to /ws with the page's token (?token=, default dev-author), joins, mirrors the
// state stream onto the map, shows the chosen camera's frames, steers a player's avatar with WASD or the
// arrows, and lets authors start hazards where they click. window.twin exposes what the page holds.
import { readEnvelope, writeEnvelope, PROTOCOL_VERSION, Role, HazardKind, ErrorCode } from './envelope.js';
import { StateMirror } from './mirror.js';
import { WorldMap } from './map.js';

const $ = (id) => document.getElementById(id);
const token = new URLSearchParams(location.search).get('token') || 'dev-author';
const twin = (window.twin = { token, role: null, clientId: 0, tick: 0, agents: 0, burning: 0, flooded: 0, hazards: [], cameras: [], frames: 0, lastFrame: null, errors: [], connected: false });

const mirror = new StateMirror();
let map = null, hasAvatar = false, camera = 0, frameUrl = null, requestId = 0, sequence = 0, hazardCount = 0;
const pending = []; // player signals not yet acknowledged (input_ack): sent again with every input
const keys = new Set();

$('token').value = token;
$('token-form').addEventListener('submit', (e) => { e.preventDefault(); location.search = `?token=${encodeURIComponent($('token').value)}`; });

function log(text) {
  const line = document.createElement('div');
  line.textContent = `${new Date().toLocaleTimeString()} ${text}`;
  $('log').prepend(line);
  while ($('log').childElementCount > 50) $('log').lastChild.remove();
}

const socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`);
socket.binaryType = 'arraybuffer';
const send = (kind, body) => { if (socket.readyState === WebSocket.OPEN) socket.send(writeEnvelope(kind, body)); };

socket.onopen = () => { twin.connected = true; send('hello', { protocolVersion: PROTOCOL_VERSION, token, clientName: 'web viewer' }); };
socket.onclose = () => { twin.connected = false; $('status').textContent = 'disconnected'; log('the server closed the connection'); };
socket.onmessage = (event) => {
  let envelope;
  try { envelope = readEnvelope(new Uint8Array(event.data)); } catch (e) { log(`unreadable message: ${e.message}`); return; }
  const { kind, body } = envelope;
  switch (kind) {
    case 'welcome': welcome(body); break;
    case 'joined': hasAvatar = body.hasAvatar; log(hasAvatar ? 'joined: your avatar is the yellow square (WASD or arrows)' : 'joined'); break;
    case 'state': state(body); break;
    case 'frame': frame(body); break;
    case 'commandResult': log(`command ${body.requestId} queued for tick ${body.tick}`); break;
    case 'error':
      twin.errors.push(body);
      log(`error ${ErrorCode[body.code] ?? body.code}: ${body.message}`);
      break;
  }
};

function welcome(body) {
  twin.role = Role[body.role] ?? String(body.role);
  twin.clientId = body.clientId;
  twin.world = body.world;
  $('status').textContent = `${twin.role} · client ${body.clientId} · ${body.world.widthCells}×${body.world.heightCells} cells of ${body.world.cellSizeMetres} m`;
  map = new WorldMap($('map'), body.world);
  $('author').hidden = !(twin.role === 'author' || twin.role === 'admin');
  send('join', {});
}

function state(update) {
  mirror.apply(update).then((view) => {
    if (!view) return;
    send('stateAck', { tick: view.tick });
    while (pending.length && pending[0].sequence <= view.inputAck) pending.shift();
    if (pending.length) send('input', { signals: pending });
    summarise(view);
    map.draw(view, twin.clientId);
  }, (e) => log(`a state update did not apply: ${e.message}`));
}

function summarise(view) {
  let burning = 0, flooded = 0;
  for (const tile of view.tiles.values()) {
    if (tile.layer === 1) { for (const cell of tile.cells) if (cell === 1) burning++; }
    else for (let i = 0; i < tile.cells.length; i += 2) if (tile.cells[i] | tile.cells[i + 1]) flooded++;
  }
  Object.assign(twin, { view, tick: view.tick, agents: view.agents.length, burning, flooded, hazards: view.hazards.map((h) => ({ ...h, kind: HazardKind[h.kind] })) });
  $('figures').textContent = `tick ${view.tick} · ${view.agents.length} agents · ${burning} cells burning · ${flooded} cells flooded`;
  const ids = view.cameras.map((c) => c.cameraId);
  if (ids.join() !== twin.cameras.join()) {
    twin.cameras = ids;
    const picker = $('camera');
    picker.replaceChildren(...ids.map((id) => new Option(`camera ${id}`, id)));
    if (!ids.includes(camera) && ids.length) choose(ids[0]);
    picker.value = camera;
  }
}

function choose(id) {
  camera = Number(id);
  send('subscribe', { cameraIds: [camera] });
}
$('camera').addEventListener('change', (e) => choose(e.target.value));

function frame(body) {
  if (body.cameraId !== camera) return;
  const url = URL.createObjectURL(new Blob([body.jpeg], { type: 'image/jpeg' }));
  const image = $('frame');
  image.onload = () => { if (frameUrl && frameUrl !== url) URL.revokeObjectURL(frameUrl); frameUrl = url; };
  image.src = url;
  twin.frames++;
  twin.lastFrame = { cameraId: body.cameraId, tick: body.tick, width: body.width, height: body.height, bytes: body.jpeg.length };
  $('frame-caption').textContent = `camera ${body.cameraId} · tick ${body.tick} · ${body.width}×${body.height}`;
}

// Keyboard: a player's walking direction; a new signal whenever it changes.
const DIRECTIONS = { KeyW: [0, 1], ArrowUp: [0, 1], KeyS: [0, -1], ArrowDown: [0, -1], KeyA: [-1, 0], ArrowLeft: [-1, 0], KeyD: [1, 0], ArrowRight: [1, 0] };
function steer() {
  let x = 0, y = 0;
  for (const key of keys) { x += DIRECTIONS[key][0]; y += DIRECTIONS[key][1]; }
  const length = Math.hypot(x, y) || 1;
  pending.push({ sequence: ++sequence, tick: 0, directionX: x / length, directionY: y / length });
  if (pending.length > 64) pending.shift();
  send('input', { signals: pending });
}
function onKey(event, down) {
  if (!(event.code in DIRECTIONS) || event.target.matches('input, select') || !hasAvatar) return;
  event.preventDefault();
  if (down === keys.has(event.code)) return;
  if (down) keys.add(event.code); else keys.delete(event.code);
  steer();
}
addEventListener('keydown', (e) => onKey(e, true));
addEventListener('keyup', (e) => onKey(e, false));

// Authors: start the chosen hazard where the map is clicked.
$('map').addEventListener('click', (event) => {
  if (!map || $('author').hidden) return;
  const at = map.toWorld(event);
  const kind = document.querySelector('input[name=hazard]:checked').value;
  const name = `${kind} ${twin.clientId}.${++hazardCount}`;
  const command = { requestId: ++requestId, tick: 0 };
  const centre = { x: map.widthMetres / 2, y: map.heightMetres / 2 };
  if (kind === 'fire') {
    command.fire = { x: at.x, y: at.y, radiusMetres: 6, name };
  } else if (kind === 'tsunami') {
    // The wave comes from the clicked side of the site: the compass bearing from the centre to the click.
    const bearing = (Math.atan2(at.x - centre.x, at.y - centre.y) * 180 / Math.PI + 360) % 360;
    command.tsunami = { heightMetres: 4, periodSeconds: 240, fromBearingDegrees: bearing, name };
  } else {
    command.tornado = { fromX: at.x, fromY: at.y, toX: centre.x, toY: centre.y, translationSpeed: 12, maxWind: 60, coreRadiusMetres: 30, name };
  }
  send('author', command);
  log(`asked for ${name} at (${at.x.toFixed(0)}, ${at.y.toFixed(0)}) m`);
});
