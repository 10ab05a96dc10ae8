// The load generator of `npm run bench`, run as its own process (index.mjs forks it) so that it
// never shares an event loop with the server it measures. Reads one job from argv as JSON:
//   { url, headers?, method?, body?, connections, warmup, duration, amount?, actions? }
// With `amount` the run is a fixed number of requests, every one awaited (timeout 120 s), and the
// rate is requests ÷ elapsed time: for slow, serialised requests whose latency outlasts a fixed
// window (a window then counts nothing, and requests abandoned at its end still load the server).
// `actions` turns on the mutating run: each request PATCHes an action no other request has in
// flight, with the version it last answered (If-Match), so requests never conflict (412) under load.
// Prints one JSON line: { perSecond, p50, p99, requests, errors, non2xx, statuses }.
import autocannon from 'autocannon';

const job = JSON.parse(process.argv[2]);

function requestsFor(job) {
  if (!job.actions) return undefined;
  // Actions not in flight, with the version each last answered; kept across the warm-up and the
  // measured run. autocannon keeps a context only for one request's round trip (it resets it when
  // its request list wraps), so each request borrows an action and gives it back on its answer.
  const free = job.actions.map((a) => ({ ...a, progress: 0 }));
  return [
    {
      method: 'PATCH',
      setupRequest: (request, context) => {
        const action = free.shift();
        if (!action) throw new Error('more requests in flight than actions to change');
        context.action = action;
        action.progress = (action.progress % 90) + 1;
        return {
          ...request,
          path: `/api/v1/actions/${action.id}`,
          headers: { ...request.headers, 'content-type': 'application/json', 'if-match': `"${action.version}"` },
          body: JSON.stringify({ progress: action.progress }),
        };
      },
      onResponse: (status, body, context) => {
        if (status === 200) context.action.version = JSON.parse(body).version;
        free.push(context.action);
      },
    },
  ];
}

function run(length) {
  return autocannon({
    url: job.url,
    method: job.method ?? 'GET',
    headers: job.headers ?? {},
    body: job.body,
    connections: job.connections,
    ...(job.amount ? { amount: length, timeout: 120 } : { duration: length }),
    requests,
  });
}

// Built once: the actions' versions carry over from the warm-up into the measured run.
const requests = requestsFor(job);
// The warm-up: `warmup` seconds, or one request per connection when counting requests.
if (job.warmup > 0) await run(job.amount ? job.connections : job.warmup);
const result = await run(job.amount ?? job.duration);
const statuses = {};
for (const key of ['1xx', '2xx', '3xx', '4xx', '5xx']) if (result[key]) statuses[key] = result[key];
console.log(
  JSON.stringify({
    perSecond: job.amount ? Math.round((result.requests.total / result.duration) * 10) / 10 : Math.round(result.requests.average),
    seconds: result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx,
    non2xx: result.non2xx,
    statuses,
  }),
);
