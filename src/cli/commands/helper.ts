/** `axeptio-migrate helper --out FILE`: writes the token helper alone, in the flavour the file calls for. */
import path from 'node:path';
import type { Argv } from 'yargs';
import { FLAVOURS } from '../../helper/flavour.js';
import type { HelperFlavour } from '../../helper/types.js';
import type { CliCommand, CliIO } from '../types.js';

const ENV_HINT = [
  'Set these environment variables where the code runs (never commit the secret):',
  '  AXEPTIO_CLIENT_ID       Client ID (Axeptio administration → Settings → API Access)',
  '  AXEPTIO_CLIENT_SECRET   its secret',
  '  AXEPTIO_FRONTEGG_URL    base URL of the token service',
  '  AXEPTIO_API_URL         optional, default https://api.axept.io/v1',
].join('\n');

export const helperCommand: CliCommand = {
  command: 'helper',
  describe: 'Write the Frontegg client-credentials token helper (TypeScript, ESM, CommonJS or Python)',
  builder: (yargs: Argv) =>
    yargs
      .option('out', { type: 'string', describe: 'File to write; the flavour follows its extension (.ts, .mjs, .cjs, .js, .py)' })
      .option('force', { type: 'boolean', default: false, describe: 'Overwrite a helper you edited, or a file that is not a helper' })
      .option('flavour', { type: 'string', choices: FLAVOURS as string[], describe: 'Override the flavour chosen from the extension' })
      .option('stdout', { type: 'boolean', default: false, describe: 'Print the helper instead of writing a file (needs --flavour)' })
      .example('$0 helper --out src/lib/axeptio-token.ts', 'TypeScript helper')
      .example('$0 helper --out scripts/axeptio_token.py', 'Python helper'),
  run: runHelperCommand,
};

/** Run the helper command; exit 0 when the helper is written or already up to date, 2 otherwise. */
export async function runHelperCommand(args: Record<string, unknown>, io: CliIO): Promise<number> {
  // Loaded on use: the helper's renderer and writer are not needed by the other commands.
  const { describeFlavour, flavourForPath, renderHelper, writeHelper } = await import('../../helper/index.js');
  const flavour = typeof args.flavour === 'string' ? (args.flavour as HelperFlavour) : undefined;
  if (flavour !== undefined && !FLAVOURS.includes(flavour)) {
    io.stderr.write(`axeptio-migrate helper: unknown flavour "${flavour}" (expected ${FLAVOURS.join(', ')})\n`);
    return 2;
  }
  if (args.stdout === true) {
    if (!flavour) {
      io.stderr.write('axeptio-migrate helper: --stdout needs --flavour ts|esm|cjs|python\n');
      return 2;
    }
    io.stdout.write(renderHelper(flavour));
    return 0;
  }
  if (typeof args.out !== 'string' || args.out === '') {
    io.stderr.write('axeptio-migrate helper: --out FILE is required (or --stdout --flavour F)\n');
    return 2;
  }
  const target = path.resolve(io.cwd, args.out);
  const shown = path.relative(io.cwd, target) || target;
  try {
    const result = writeHelper(target, { force: args.force === true, flavour: flavour ?? flavourForPath(target) });
    if (result.status === 'refused') {
      io.stderr.write(`axeptio-migrate helper: refused: ${result.reason ?? 'the file exists'}\n`);
      return 2;
    }
    const verb = result.status === 'unchanged' ? 'Up to date' : 'Wrote';
    io.stdout.write(`${verb}: ${shown} (${describeFlavour(result.flavour)})${result.reason ? ` — ${result.reason}` : ''}\n${ENV_HINT}\n`);
    return 0;
  } catch (error) {
    io.stderr.write(`axeptio-migrate helper: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}
