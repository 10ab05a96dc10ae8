import { type Queue, QueueEvents, type QueueEventsOptions } from 'bullmq';

/** How far back the events are read, for a cluster whose nodes' clocks differ a little. */
const CLOCK_MARGIN_MS = 1_000;

/**
 * QueueEvents that hear every event from the moment this is called. BullMQ's default start is `$`:
 * the stream's end when its first XREAD reaches Redis, which is after `waitUntilReady()` resolves.
 * An event in between — a fast worker's `completed` — was never heard, and `waitUntilFinished`
 * waited out its timeout for a job already done (seen on a loaded machine). The start is Redis's
 * own clock (a stream id is its milliseconds), a margin back; an older event read again is about
 * another job, which no one waits for.
 */
export async function queueEventsFromNow(queue: Queue, options: QueueEventsOptions): Promise<QueueEvents> {
  // BullMQ's client type names only the commands it uses; the client is ioredis's, which has TIME.
  const client = (await queue.getBackend().client) as unknown as { time(): Promise<[string, string]> };
  const [seconds, microseconds] = await client.time();
  const now = Number(seconds) * 1_000 + Math.floor(Number(microseconds) / 1_000);
  return new QueueEvents(queue.name, { ...options, lastEventId: `${now - CLOCK_MARGIN_MS}-0` });
}
