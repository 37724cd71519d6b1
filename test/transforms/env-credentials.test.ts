import transform from '../../transforms/env-credentials.ts';
import { defineFixtureTests } from './fixture-runner.ts';

defineFixtureTests('env-credentials', transform);
