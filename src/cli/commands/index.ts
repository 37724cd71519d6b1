/** Every CLI command, in help order. A command module registers by adding one import and one entry. */
import type { CliCommand } from '../types.js';

export const COMMANDS: CliCommand[] = [];
