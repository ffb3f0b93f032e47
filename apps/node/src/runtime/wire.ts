import { NodeConfig } from '@xb/config';
import { v1 } from '@xb/envelope';
import { OutboundHeaderExtras } from '@xb/exchange';

/** XB_CHANNEL's values are the proto's Channel names, lower-cased, without the prefix. */
const channelOf = (setting: NodeConfig['channel']): v1.Channel =>
  v1.Channel[`CHANNEL_${setting.toUpperCase()}` as keyof typeof v1.Channel];

/**
 * Header fields for messages whose events chose none: the node's channel, and the most restrictive
 * handling code (receiving agency only, intelligence only), so nothing is shared wider than meant. Every
 * case message gets its kind's codes from libs/domain `HEADER_CODE_DEFAULTS` (or the officer's), so
 * this handling code is the fallback of messages outside the table (seal heads).
 */
export function headerDefaults(
  config: NodeConfig,
): Required<Pick<OutboundHeaderExtras, 'channel' | 'handling'>> {
  return {
    channel: channelOf(config.channel),
    handling: {
      dissemination: v1.Dissemination.DISSEMINATION_RECEIVING_AGENCY,
      evidentialUse: v1.EvidentialUse.EVIDENTIAL_USE_INTELLIGENCE_ONLY,
    },
  };
}
