export { outboundMessageOf, outboundMessageOfWith, outboundMappingOf, OUTBOUND_MAPPERS } from './outbound';
export type { OutboundMapping } from './outbound';
export { inboundCommandOf, INBOUND_MAPPERS, NON_CASE_PAYLOAD_TYPES } from './inbound';
export type { InboundCommandContext, InboundCommandResult } from './inbound';
export { deliveryCommandOf, UNSTATED_REJECTION_REASON } from './delivery';
export { DEFAULT_GATE_UTC_OFFSET_MINUTES, DEFAULT_INBOUND_POLICY } from './types';
export type { InboundPolicy, WireConventions } from './types';
export { personIdOf, childPersonIdOf, PERSON_ID_NAMESPACE } from './person';
