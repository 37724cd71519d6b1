/** `axeptio-migrate emulator`: a local token service + API stand-in to try migrated code against. */
import type { Argv } from 'yargs';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, startEmulator, type RunningEmulator } from '../../emulator/index.js';
import type { CliCommand, CliIO } from '../types.js';

export const emulatorCommand: CliCommand = {
  command: 'emulator',
  describe: `Run a local Frontegg token service and Axeptio API stand-in (demo credentials: ${DEMO_CLIENT_ID} / ${DEMO_CLIENT_SECRET})`,
  builder: (yargs: Argv) =>
    yargs
      .option('port', { type: 'number', default: 0, describe: 'Port to listen on (0: any free port)' })
      .option('host', { type: 'string', default: '127.0.0.1', describe: 'Interface to bind (keep it local)' })
      .option('ttl', { type: 'number', default: 3600, describe: 'Access-token lifetime in seconds (expires_in)' })
      .option('refresh-ttl', { type: 'number', describe: 'Refresh-token lifetime in seconds (default 30 days)' })
      .option('latency', { type: 'number', default: 0, describe: 'Delay added to every response, in ms' })
      .option('client-id', { type: 'string', default: DEMO_CLIENT_ID, describe: 'Client ID the emulator accepts' })
      .option('client-secret', { type: 'string', default: DEMO_CLIENT_SECRET, describe: 'Its secret (the default is a public demo value)' }),
  run: (args, io) => runEmulatorCommand(args, io, waitForTerminationSignal),
};

/** Resolves on the first SIGINT or SIGTERM. */
function waitForTerminationSignal(): Promise<string> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

/** Start the emulator, print how to point code at it, and stop when `untilStopped` resolves. */
export async function runEmulatorCommand(args: Record<string, unknown>, io: CliIO, untilStopped: () => Promise<unknown>): Promise<number> {
  const clientId = stringArg(args, 'client-id', 'clientId') ?? DEMO_CLIENT_ID;
  const clientSecret = stringArg(args, 'client-secret', 'clientSecret') ?? DEMO_CLIENT_SECRET;
  const numbers = {
    port: numberArg(args, 'port'),
    ttl: numberArg(args, 'ttl'),
    'refresh-ttl': numberArg(args, 'refresh-ttl', 'refreshTtl'),
    latency: numberArg(args, 'latency'),
  };
  for (const [name, value] of Object.entries(numbers)) {
    // A lifetime of 0 would make every token dead on arrival; a port or latency of 0 is meaningful.
    const lifetime = name === 'ttl' || name === 'refresh-ttl';
    if (value !== undefined && (!Number.isInteger(value) || value < 0 || (lifetime && value === 0))) {
      io.stderr.write(`axeptio-migrate emulator: --${name} must be a ${lifetime ? 'positive' : 'non-negative'} integer\n`);
      return 2;
    }
  }

  let emulator: RunningEmulator;
  try {
    emulator = await startEmulator({
      port: numbers.port ?? 0,
      host: stringArg(args, 'host') ?? '127.0.0.1',
      clients: { [clientId]: clientSecret },
      accessTokenTtlSeconds: numbers.ttl,
      refreshTokenTtlSeconds: numbers['refresh-ttl'],
      latencyMs: numbers.latency,
    });
  } catch (error) {
    io.stderr.write(`axeptio-migrate emulator: cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }

  // Only the public demo secret is ever printed; a secret passed on the command line stays off the screen.
  const secretLine =
    clientSecret === DEMO_CLIENT_SECRET
      ? `export AXEPTIO_CLIENT_SECRET=${DEMO_CLIENT_SECRET}`
      : '# export AXEPTIO_CLIENT_SECRET=<the --client-secret you passed>';
  io.stdout.write(
    [
      `Axeptio emulator listening on ${emulator.url}`,
      '',
      'Point your code at it:',
      `export AXEPTIO_FRONTEGG_URL=${emulator.fronteggUrl}`,
      `export AXEPTIO_API_URL=${emulator.apiUrl}`,
      `export AXEPTIO_CLIENT_ID=${clientId}`,
      secretLine,
      '',
      `Routes: POST /identity/resources/auth/v2/api-token, POST .../v2/api-token/token/refresh, POST /identity/resources/auth/v1/api-token,`,
      `        GET|POST /v1/projects, GET|PUT|DELETE /v1/projects/:id, GET /v1/projects/:id/cookies, POST /auth/local/signin (410)`,
      'Stop with Ctrl-C.',
      '',
    ].join('\n'),
  );
  await untilStopped();
  await emulator.close();
  const { exchanges, refreshes, refusedRefreshes, legacySignins, apiCalls, apiUnauthorized } = emulator.stats;
  const counters = { exchanges, refreshes, refusedRefreshes, legacySignins, apiCalls, apiUnauthorized };
  io.stdout.write(`Stopped. ${Object.entries(counters).map(([k, v]) => `${k}=${v}`).join(' ')}\n`);
  return 0;
}

function stringArg(args: Record<string, unknown>, ...names: string[]): string | undefined {
  for (const name of names) if (typeof args[name] === 'string' && args[name] !== '') return args[name] as string;
  return undefined;
}

function numberArg(args: Record<string, unknown>, ...names: string[]): number | undefined {
  for (const name of names) if (typeof args[name] === 'number') return args[name] as number;
  return undefined;
}
