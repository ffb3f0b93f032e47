import { NodeConfig } from '@xb/config';
import { v1 } from '@xb/envelope';
import { headerDefaults } from './wire';

describe('header defaults', () => {
  it.each([
    ['hotline', v1.Channel.CHANNEL_HOTLINE],
    ['liaison_office', v1.Channel.CHANNEL_LIAISON_OFFICE],
    ['border_guard_central', v1.Channel.CHANNEL_BORDER_GUARD_CENTRAL],
    ['border_guard_provincial', v1.Channel.CHANNEL_BORDER_GUARD_PROVINCIAL],
    ['border_guard_post', v1.Channel.CHANNEL_BORDER_GUARD_POST],
  ] as const)('XB_CHANNEL=%s names channel %i, with the most restrictive handling', (channel, expected) => {
    expect(headerDefaults({ channel } as NodeConfig)).toEqual({
      channel: expected,
      handling: {
        dissemination: v1.Dissemination.DISSEMINATION_RECEIVING_AGENCY,
        evidentialUse: v1.EvidentialUse.EVIDENTIAL_USE_INTELLIGENCE_ONLY,
      },
    });
  });
});
