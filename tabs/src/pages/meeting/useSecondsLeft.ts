import { useEffect, useState } from 'react';

/**
 * Seconds left on the current item, counting down once a second. The clock is the server's: `serverTime` says what
 * time the server had when it sent the view, so a device whose clock is wrong still shows the room's time.
 */
export function useSecondsLeft(endsAt: string | undefined, serverTime: string | undefined): number | undefined {
  const [now, setNow] = useState(() => Date.now());
  const [offset, setOffset] = useState(0);
  useEffect(() => {
    if (!serverTime) return;
    const server = Date.parse(serverTime);
    if (!Number.isNaN(server)) setOffset(server - Date.now());
  }, [serverTime]);
  useEffect(() => {
    if (!endsAt) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [endsAt]);
  if (!endsAt) return undefined;
  const ends = Date.parse(endsAt);
  return Number.isNaN(ends) ? undefined : Math.round((ends - (now + offset)) / 1000);
}

const clock = (seconds: number): string => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

/** "4:05 left", "Time is up", "1:10 over". */
export function formatTimeLeft(seconds: number): string {
  if (seconds > 0) return `${clock(seconds)} left`;
  if (seconds === 0) return 'Time is up';
  return `${clock(-seconds)} over`;
}
