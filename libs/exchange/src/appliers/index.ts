export { inboundApplier } from './inbound-applier';
export { receiptApplier } from './receipt-applier';
