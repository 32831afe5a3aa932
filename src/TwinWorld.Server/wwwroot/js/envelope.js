// The Envelope messages the page sends and reads (protocol/twinworld/v1/*.proto), as wire.js schemas.
import { decode, encode } from './wire.js';

export const PROTOCOL_VERSION = 1;
export const Role = { 1: 'viewer', 2: 'player', 3: 'author', 4: 'analyst', 5: 'admin' };
export const HazardKind = { 0: 'tsunami', 1: 'fire', 2: 'tornado' };
export const ErrorCode = { 7: 'MALFORMED', 2: 'BAD_TOKEN', 6: 'FORBIDDEN', 11: 'RATE_LIMITED', 12: 'INVALID_ARGUMENT', 16: 'SHUTTING_DOWN', 17: 'COMMAND_REJECTED' };

const WorldInfo = {
  1: ['widthCells', 'uint'], 2: ['heightCells', 'uint'], 3: ['cellSizeMetres', 'float'], 4: ['tickRateHz', 'double'],
  5: ['currentTick', 'uint'], 6: ['seed', 'uint'], 7: ['positionUnitsPerMetre', 'uint'], 8: ['headingSteps', 'uint'],
  9: ['hazardTileSize', 'uint'], 10: ['waterDepthUnitsPerMetre', 'uint'],
};
const HazardState = {
  1: ['number', 'uint'], 2: ['kind', 'uint'], 3: ['name', 'string'], 4: ['startTick', 'uint'], 5: ['stopped', 'bool'],
  6: ['stopTick', 'uint'], 7: ['x', 'int'], 8: ['y', 'int'],
};
const CameraState = {
  1: ['cameraId', 'uint'], 2: ['mode', 'uint'], 3: ['ownerClientId', 'uint'], 4: ['x', 'int'], 5: ['y', 'int'], 6: ['z', 'int'],
  7: ['yaw', 'uint'], 8: ['pitch', 'int'],
};
const HazardTile = { 1: ['layer', 'uint'], 2: ['x', 'uint'], 3: ['y', 'uint'], 4: ['cells', 'bytes'] };
const PlayerSignal = { 1: ['sequence', 'uint'], 2: ['tick', 'uint'], 3: ['directionX', 'float'], 4: ['directionY', 'float'] };
const Empty = {};

const Envelope = {
  1: ['hello', { 1: ['protocolVersion', 'uint'], 2: ['token', 'string'], 3: ['clientName', 'string'] }],
  2: ['welcome', { 1: ['protocolVersion', 'uint'], 2: ['role', 'uint'], 3: ['clientId', 'uint'], 4: ['world', WorldInfo] }],
  3: ['join', Empty],
  4: ['joined', { 1: ['tick', 'uint'], 2: ['hasAvatar', 'bool'] }],
  5: ['leave', Empty],
  6: ['subscribe', { 1: ['cameraIds', 'uint', true] }],
  7: ['author', {
    1: ['requestId', 'uint'], 2: ['tick', 'uint'],
    10: ['tsunami', { 1: ['heightMetres', 'float'], 2: ['periodSeconds', 'float'], 3: ['fromBearingDegrees', 'float'], 4: ['name', 'string'], 5: ['durationSeconds', 'float'] }],
    11: ['fire', { 1: ['x', 'float'], 2: ['y', 'float'], 3: ['radiusMetres', 'float'], 4: ['name', 'string'], 5: ['durationSeconds', 'float'] }],
    12: ['tornado', {
      1: ['fromX', 'float'], 2: ['fromY', 'float'], 3: ['toX', 'float'], 4: ['toY', 'float'], 5: ['translationSpeed', 'float'],
      6: ['maxWind', 'float'], 7: ['coreRadiusMetres', 'float'], 8: ['name', 'string'],
    }],
  }],
  8: ['commandResult', { 1: ['requestId', 'uint'], 2: ['tick', 'uint'] }],
  13: ['error', { 1: ['code', 'uint'], 2: ['message', 'string'], 3: ['requestId', 'uint'] }],
  20: ['state', {
    1: ['tick', 'uint'], 2: ['hasBaseline', 'bool'], 3: ['baselineTick', 'uint'], 4: ['agents', 'bytes'], 5: ['hazardsChanged', 'bool'],
    6: ['hazards', HazardState, true], 7: ['camerasChanged', 'bool'], 8: ['cameras', CameraState, true], 9: ['inputAck', 'uint'],
    10: ['tiles', HazardTile, true],
  }],
  21: ['stateAck', { 1: ['tick', 'uint'] }],
  22: ['input', { 1: ['signals', PlayerSignal, true] }],
  30: ['frame', { 1: ['cameraId', 'uint'], 2: ['tick', 'uint'], 3: ['width', 'uint'], 4: ['height', 'uint'], 5: ['jpeg', 'bytes'] }],
};

/** One Envelope: { kind, body }, kind being the oneof's field name; kind null for a message this page does not read. */
export function readEnvelope(bytes) {
  const envelope = decode(Envelope, bytes);
  for (const [, [name]] of Object.entries(Envelope)) {
    if (envelope[name]) return { kind: name, body: envelope[name] };
  }
  return { kind: null, body: null };
}

/** The bytes of an Envelope holding one message, e.g. writeEnvelope('stateAck', { tick: 5 }). */
export function writeEnvelope(kind, body) {
  return encode(Envelope, { [kind]: body });
}
