import transform from '../../transforms/static-token-to-helper.ts';
import { defineFixtureTests } from './fixture-runner.ts';

defineFixtureTests('static-token-to-helper', transform);
