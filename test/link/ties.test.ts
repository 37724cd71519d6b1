/** Evidence from folded values and its ordering: ties, contrary hosts, one text per reason. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Evidence } from '../../src/facts/types.js';
import { isAxeptioName, orderEvidence } from '../../src/link/ties.js';
import { isAxeptioHost, isLocalHost, joinBase, shapeOf } from '../../src/link/url.js';
import { empty } from '../../src/link/fold.js';

const e = (weight: Evidence['weight'], text: string): Evidence => ({ weight, text });

test('orderEvidence: strong, then weak, then contrary; one located text per reason', () => {
  const ordered = orderEvidence([
    e('contrary', 'targets local host localhost in the URL'),
    e('weak', 'username + password json body'),
    e('strong', 'host api.axept.io in the URL'),
    e('strong', 'host api.axept.io (scripts/a.sh:2)'),
    e('strong', 'identifier AXEPTIO_USER'),
    e('strong', 'env AXEPTIO_USER in src/a.ts:4'),
    e('weak', 'username + password body'),
    e('strong', 'host api.axept.io via axios.create baseURL in src/http.ts:3'),
  ]).map((x) => x.text);
  assert.deepEqual(ordered, [
    'host api.axept.io (scripts/a.sh:2)',
    'env AXEPTIO_USER in src/a.ts:4',
    'host api.axept.io via axios.create baseURL in src/http.ts:3',
    'username + password json body',
    'targets local host localhost in the URL',
  ]);
});

test('hosts: Axeptio, local, other', () => {
  assert.ok(isAxeptioHost('api.axept.io'));
  assert.ok(isAxeptioHost('axept.io'));
  assert.ok(!isAxeptioHost('axept.io.evil.com'));
  assert.ok(isLocalHost('localhost') && isLocalHost('127.0.0.1') && isLocalHost('api.internal') && isLocalHost('192.168.1.4'));
  assert.ok(!isLocalHost('api.example.com'));
  assert.ok(isAxeptioName('AXEPTIO_API_URL') && isAxeptioName('axeptioClient') && !isAxeptioName('accept'));
});

test('shapeOf: host, relative, placeholders, query', () => {
  assert.deepEqual(shapeOf('https://api.axept.io:443/v1/auth/local/signin?x=1#f', false), { host: 'api.axept.io', relative: false, path: '/v1/auth/local/signin', query: 'x=1' });
  assert.deepEqual(shapeOf('/auth/local/signin', false), { host: undefined, relative: true, path: '/auth/local/signin', query: '' });
  assert.deepEqual(shapeOf('/auth/local/signin', true), { host: undefined, relative: false, path: '/auth/local/signin', query: '' });
  assert.deepEqual(shapeOf('${API_URL}/oauth/token?grant_type=password', false), { host: undefined, relative: false, path: '/oauth/token', query: 'grant_type=password' });
  assert.equal(shapeOf('https://${HOST}/x', false).host, undefined);
});

test('joinBase: axios-style join, absolute URLs ignore the base', () => {
  const f = (text: string) => ({ ...empty(), text });
  assert.equal(joinBase(f('https://api.axept.io/v1/'), f('/auth/local/signin')).text, 'https://api.axept.io/v1/auth/local/signin');
  assert.equal(joinBase(f('https://api.axept.io/v1'), f('auth/local/signin')).text, 'https://api.axept.io/v1/auth/local/signin');
  assert.equal(joinBase(f('https://api.axept.io/v1'), f('http://localhost/x')).text, 'http://localhost/x');
  assert.equal(joinBase(undefined, f('/x')).text, '/x');
});
