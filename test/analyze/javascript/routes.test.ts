/** Server routes are RouteFacts (never requests); supertest/inject calls against the app are not requests. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, factsOf } from './helpers.ts';

const ROUTES: Array<{ name: string; code: string; method?: string; path: string; framework: string }> = [
  { name: 'express app.post with handler', code: `const express = require('express');\nconst app = express();\napp.post('/auth/local/signin', (req, res) => res.json({}));`, method: 'POST', path: '/auth/local/signin', framework: 'express' },
  { name: 'express router with middleware and controller reference', code: `import { Router } from 'express';\nconst router = Router();\nrouter.post('/auth/local/signin', passport.authenticate('local'), controller.signin);`, method: 'POST', path: '/auth/local/signin', framework: 'express' },
  { name: 'koa-router', code: `import Router from '@koa/router';\nconst router = new Router();\nrouter.post('/auth/local/signin', async (ctx) => { ctx.body = {}; });`, method: 'POST', path: '/auth/local/signin', framework: 'koa' },
  { name: 'fastify shorthand', code: `import Fastify from 'fastify';\nconst fastify = Fastify();\nfastify.post('/auth/local/signin', async () => ({}));`, method: 'POST', path: '/auth/local/signin', framework: 'fastify' },
  { name: 'fastify.route({ url })', code: `fastify.route({ method: 'POST', url: '/auth/local/signin', handler: async () => ({}) });`, method: 'POST', path: '/auth/local/signin', framework: 'fastify' },
  { name: 'app.route(path).post(handler)', code: `app.route('/auth/local/signin').post(handler);`, method: 'POST', path: '/auth/local/signin', framework: 'express' },
  { name: 'NestJS controller', code: `import { Controller, Post } from '@nestjs/common';\n@Controller('auth/local')\nexport class AuthController {\n  @Post('signin')\n  signin() { return {}; }\n}`, method: 'POST', path: '/auth/local/signin', framework: 'nest' },
];

describe('route definitions', () => {
  for (const c of ROUTES) {
    it(c.name, () => {
      const out = analyze(c.code, 'src/server.ts');
      assert.deepEqual(factsOf(out, 'request'), [], 'a route is not a request');
      const [route] = factsOf(out, 'route');
      assert.ok(route, 'a route fact');
      assert.equal(route.method, c.method);
      assert.equal(route.path, c.path);
      assert.equal(route.framework, c.framework);
      const [fe] = factsOf(out, 'file-evidence');
      assert.equal(fe?.definesOwnLogin, true);
    });
  }

  it('passport local strategy defines the own login', () => {
    const out = analyze(`const passport = require('passport');\nconst LocalStrategy = require('passport-local').Strategy;\npassport.use(new LocalStrategy((u, p, done) => done(null, {})));`);
    assert.equal(factsOf(out, 'file-evidence')[0]?.definesOwnLogin, true);
  });

  it('an instance call with a body object is a request, not a route', () => {
    const out = analyze(`import { api } from './api';\napi.post('/auth/local/signin', credentials);`);
    assert.equal(factsOf(out, 'route').length, 0);
    assert.equal(factsOf(out, 'request').length, 1);
  });
});

describe('the app testing its own routes', () => {
  const cases: Array<[string, string]> = [
    ['supertest request(app)', `import request from 'supertest';\nimport { app } from '../src/app';\nit('x', async () => { await request(app).post('/auth/local/signin').send({ username: 'u', password: 'p' }).expect(200); });`],
    ['supertest agent', `const supertest = require('supertest');\nconst agent = supertest.agent(app);\nagent.post('/auth/local/signin').send({});`],
    ['chai-http', `chai.request(server).post('/auth/local/signin').send({});`],
    ['fastify inject', `await app.inject({ method: 'POST', url: '/auth/local/signin', payload: {} });`],
  ];
  for (const [name, code] of cases) {
    it(name, () => {
      assert.deepEqual(factsOf(analyze(code, 'test/auth.test.ts'), 'request'), []);
    });
  }
});
