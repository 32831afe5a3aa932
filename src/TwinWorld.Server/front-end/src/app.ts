// The web viewer: connects to /ws with the page's token (?token=, default dev-author) and name (?name=), joins, mirrors the
// state stream onto the map, shows the watched cameras' frames, and gives each role its controls (players
// walk, authors start hazards, analysts forecast). window.twin exposes what the page holds, for tests.
import { ErrorCode } from '../gen/twinworld/v1/errors_pb';
import { HazardKind, HazardLayer } from '../gen/twinworld/v1/state_pb';
import { Role, type WorldInfo } from '../gen/twinworld/v1/session_pb';
import { AuthorControls } from './author';
import { ForecastPanel } from './analyst';
import { CameraPanels } from './frames';
import { LEGEND, WorldMap } from './map';
import { StateMirror, type View } from './mirror';
import { PlayerControls } from './player';
import { PROTOCOL_VERSION, readEnvelope, writeEnvelope } from './wire';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const query = new URLSearchParams(location.search);
const token = query.get('token') || 'dev-author';
/** The name the server gives this connection, and a player's own camera ("visitor's view"). */
const name = query.get('name') || 'visitor';

/** What the page holds, for people poking in the console and for the browser tests. */
const twin = {
  token, role: '', clientId: 0, tick: 0, agents: 0, burning: 0, flooded: 0, damaged: 0, connected: false,
  world: null as WorldInfo | null, view: null as View | null, ownCamera: 0, watched: [] as number[],
  hazards: [] as { name: string; kind: string; x: number; y: number; stopped: boolean }[],
  cameras: [] as number[], frames: 0, lastFrame: null as { cameraId: number; tick: number; width: number; height: number; source: number } | null,
  errors: [] as { code: string; message: string }[],
};
Object.assign(window, { twin });

const mirror = new StateMirror();
let map: WorldMap | null = null, player: PlayerControls | null = null, author: AuthorControls | null = null, forecast: ForecastPanel | null = null;
let requestId = 0;

$<HTMLInputElement>('token').value = token;
$('token-form').addEventListener('submit', (e) => { e.preventDefault(); location.search = `?token=${encodeURIComponent($<HTMLInputElement>('token').value)}`; });
$('legend').replaceChildren(...LEGEND.map(([colour, words, shape]) => {
  const item = document.createElement('li'), swatch = document.createElement('span');
  swatch.className = `swatch ${shape}`;
  swatch.style.setProperty('--colour', colour);
  item.append(swatch, words);
  return item;
}));

function log(text: string): void {
  const line = document.createElement('div');
  line.textContent = `${new Date().toLocaleTimeString()} ${text}`;
  $('log').prepend(line);
  while ($('log').childElementCount > 50) $('log').lastChild!.remove();
}

const socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`);
socket.binaryType = 'arraybuffer';
const send = (body: Parameters<typeof writeEnvelope>[0]) => { if (socket.readyState === WebSocket.OPEN) socket.send(writeEnvelope(body) as Uint8Array<ArrayBuffer>); };
const cameras = new CameraPanels($('camera-picker'), $('frames'), (ids) => {
  twin.watched = ids;
  send({ case: 'subscribe', value: { cameraIds: ids } });
});

socket.onopen = () => { twin.connected = true; send({ case: 'hello', value: { protocolVersion: PROTOCOL_VERSION, token, clientName: name } }); };
socket.onclose = () => { twin.connected = false; $('status').textContent = 'disconnected'; log('the server closed the connection'); };
socket.onmessage = (event) => {
  let body;
  try { body = readEnvelope(new Uint8Array(event.data as ArrayBuffer)); } catch (e) { log(`unreadable message: ${(e as Error).message}`); return; }
  switch (body.case) {
    case 'welcome': welcome(body.value.role, Number(body.value.clientId), body.value.world!); break;
    case 'joined': joined(body.value.hasAvatar, body.value.cameraId); break;
    case 'state': state(body.value); break;
    case 'frame': {
      const frame = body.value;
      cameras.frame(frame, twin.tick).then(() => {
        twin.frames++;
        twin.lastFrame = { cameraId: frame.cameraId, tick: Number(frame.tick), width: frame.width, height: frame.height, source: frame.source };
      }, (e) => log(`a frame of camera ${frame.cameraId} did not decode: ${(e as Error).message}`));
      break;
    }
    case 'commandResult':
      author?.queued(body.value.requestId, body.value.tick);
      log(`command ${body.value.requestId} queued for tick ${body.value.tick}`);
      break;
    case 'forecastResult': forecast?.answered(body.value); break;
    case 'error': {
      const { code, message, requestId: answering } = body.value;
      twin.errors.push({ code: ErrorCode[code], message });
      if (!forecast?.refused(answering, message) && !author?.refused(answering, message)) log(`error ${ErrorCode[code] ?? code}: ${message}`);
      break;
    }
  }
};

function welcome(role: Role, clientId: number, world: WorldInfo): void {
  twin.role = Role[role]?.toLowerCase() ?? String(role);
  twin.clientId = clientId;
  twin.world = world;
  $('status').textContent = `${twin.role} · client ${clientId} · ${world.widthCells}×${world.heightCells} cells of ${world.cellSizeMetres} m`;
  map = new WorldMap($<HTMLCanvasElement>('map'), world);
  if (role === Role.AUTHOR || role === Role.ADMIN) {
    author = new AuthorControls($('author'), map, clientId, (command, says) => {
      send({ case: 'author', value: { requestId: ++requestId, tick: 0n, command } });
      log(`asked for ${says}`);
      return requestId;
    });
  }
  if (role === Role.ANALYST || role === Role.ADMIN) {
    forecast = new ForecastPanel($('forecast'), (request) => {
      send({ case: 'forecast', value: { ...request, requestId: ++requestId } });
      return requestId;
    });
  }
  send({ case: 'join', value: {} });
}

function joined(hasAvatar: boolean, ownCamera: number): void {
  twin.ownCamera = ownCamera;
  cameras.setOwn(ownCamera);
  if (!hasAvatar) { log('joined'); return; }
  log('joined: your avatar is the yellow square');
  player = new PlayerControls({
    sendInput: (signals) => send({ case: 'input', value: { signals } }),
    sendView: (mode, yaw, pitch) => send({ case: 'view', value: { mode, yaw, pitch } }),
  }, twin.world!.headingSteps, ownCamera);
  player.turnWith($('frames'));
  $('player').hidden = false;
}

function state(update: Parameters<StateMirror['apply']>[0]): void {
  mirror.apply(update).then((view) => {
    if (!view) return;
    send({ case: 'stateAck', value: { tick: BigInt(view.tick) } });
    player?.acknowledged(view.inputAck);
    summarise(view);
    cameras.update(view.cameras);
    author?.showHazards(view.hazards);
    map!.draw(view, twin.clientId);
  }, (e) => log(`a state update did not apply: ${(e as Error).message}`));
}

function summarise(view: View): void {
  let burning = 0, flooded = 0, damaged = 0;
  for (const tile of view.tiles.values()) {
    if (tile.layer === HazardLayer.FIRE) { for (const cell of tile.cells) if (cell === 1) burning++; }
    else if (tile.layer === HazardLayer.BUILDING_DAMAGE) { for (const cell of tile.cells) if (cell > 0) damaged++; }
    else for (let i = 0; i < tile.cells.length; i += 2) if (tile.cells[i] | tile.cells[i + 1]) flooded++;
  }
  Object.assign(twin, {
    view, tick: view.tick, agents: view.agents.length, burning, flooded, damaged, cameras: view.cameras.map((c) => c.cameraId),
    hazards: view.hazards.map((h) => ({ name: h.name, kind: HazardKind[h.kind].toLowerCase(), x: h.x, y: h.y, stopped: h.stopped })),
  });
  $('figures').textContent = `tick ${view.tick} · ${burning} cells burning · ${flooded} cells flooded · ${damaged} building cells damaged`;
  $('people').textContent = peopleShown(view.agents.length);
}

/** How many people the map shows, and why that is not everyone: the server sends those near what this client watches. */
function peopleShown(count: number): string {
  const radius = twin.world!.interestRadiusMetres;
  const focus = [player ? 'your avatar' : '', twin.watched.length ? 'the cameras you tick' : ''].filter(Boolean);
  if (!radius) return `${count} people: everyone in the world`;
  if (!focus.length) return `${count} people: everyone in the world (you watch no camera, so the server sends all)`;
  return `${count} people shown: the server sends those within ${radius.toFixed(0)} m of what you watch (${focus.join(' and ')}), not the rest`;
}
