/** Every CLI command, in help order. A command module registers by adding one import and one entry. */
import type { CliCommand } from '../types.js';
import { helperCommand } from './helper.js';
import { emulatorCommand } from './emulator.js';
import { scanCommand } from './scan.js';
import { fixCommand } from './fix.js';

export const COMMANDS: CliCommand[] = [
  scanCommand,
  fixCommand,
  helperCommand,
  emulatorCommand,
];
