import transform from '../../transforms/signin-to-client-credentials.ts';
import { defineFixtureTests } from './fixture-runner.ts';

defineFixtureTests('signin-to-client-credentials', transform);
