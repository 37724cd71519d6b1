#!/usr/bin/env node
// Prints a fresh Axeptio token for manual API calls.
import { getAxeptioAccessToken } from './axeptio-token.mjs';

console.log(await getAxeptioAccessToken());
