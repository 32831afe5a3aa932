// The Envelope on the wire, through the code generated from protocol/*.proto (gen/, npm run generate).
import { create, fromBinary, toBinary, type MessageInitShape } from '@bufbuild/protobuf';
import { EnvelopeSchema, type Envelope } from '../gen/twinworld/v1/envelope_pb';
import { ProtocolRevision } from '../gen/twinworld/v1/session_pb';

export type Body = Envelope['body'];
export type Incoming = Exclude<Body, { case: undefined }>;
type Init = NonNullable<MessageInitShape<typeof EnvelopeSchema>['body']>;

/** The protocol version this page speaks: session.proto's, as the server's. */
export const PROTOCOL_VERSION = ProtocolRevision.CURRENT;

export function readEnvelope(bytes: Uint8Array): Body {
  return fromBinary(EnvelopeSchema, bytes).body;
}

/** The bytes of an Envelope holding one message, e.g. writeEnvelope({ case: 'stateAck', value: { tick: 5n } }). */
export function writeEnvelope(body: Init): Uint8Array {
  return toBinary(EnvelopeSchema, create(EnvelopeSchema, { body }));
}
