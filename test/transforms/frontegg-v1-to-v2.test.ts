import transform from '../../transforms/frontegg-v1-to-v2.ts';
import { defineFixtureTests } from './fixture-runner.ts';

defineFixtureTests('frontegg-v1-to-v2', transform);
