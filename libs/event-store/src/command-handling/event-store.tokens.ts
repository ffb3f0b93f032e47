/** Injection token of the EventStore (`@Inject(EVENT_STORE) store: EventStore`). */
export const EVENT_STORE = Symbol('EVENT_STORE');
