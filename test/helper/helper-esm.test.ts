// The generated esm flavour of the token helper, against the emulator (suite shared by all flavours).
import { defineHelperSuite } from './helper-behaviour.js';

defineHelperSuite('esm');
