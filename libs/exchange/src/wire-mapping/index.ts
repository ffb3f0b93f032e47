export { outboundMessageOf, outboundMessageOfWith, outboundMappingOf, wirePayloadOf } from './outbound';
export type { OutboundMapping } from './outbound';
export { inboundCommandOf, isCasePayloadType, NON_CASE_PAYLOAD_TYPES } from './inbound';
export type { InboundCommandContext, InboundCommandResult } from './inbound';
export { deliveryCommandOf, UNSTATED_REJECTION_REASON } from './delivery';
export { WIRE } from './table';
export { DEFAULT_GATE_UTC_OFFSET_MINUTES, DEFAULT_INBOUND_POLICY } from './types';
export type { InboundPolicy, WireConventions, WireTable, KindMapping, KindPayloadTypes } from './types';
export { personIdOf, childPersonIdOf, PERSON_ID_NAMESPACE } from './person';
