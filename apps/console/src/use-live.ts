import { useEffect, useState } from 'react';
import type { LiveEvent } from './context';

/**
 * The node's server-sent events: every new event's position, stream and type. EventSource reconnects by
 * itself and sends Last-Event-ID, so the node resumes where the page was.
 */
export function useLive(onEvent: (event: LiveEvent | 'connected') => void): boolean {
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    const source = new EventSource('/api/console/live');
    // Whatever happened while (re)connecting is read again: the stream starts after the connection.
    source.onopen = () => {
      setConnected(true);
      onEvent('connected');
    };
    source.onerror = () => setConnected(false);
    source.onmessage = (message) => onEvent(JSON.parse(message.data) as LiveEvent);
    return () => source.close();
  }, [onEvent]);
  return connected;
}
