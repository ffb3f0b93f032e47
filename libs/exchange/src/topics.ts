/** Topic names of docs/design.md section 4: one inbox and one dead-letter topic per receiving agency. */
const topicPart = (agencyId: string) => agencyId.toLowerCase().replace(/\./g, '-');

export const inboxTopic = (agencyId: string) => `xb.v1.inbox.${topicPart(agencyId)}`;
export const deadLetterTopic = (agencyId: string) => `xb.v1.dlq.${topicPart(agencyId)}`;
