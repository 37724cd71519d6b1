import { analyzeJavaScript } from '../src/analyze/javascript/index.ts';
const cases: Array<[string, string]> = [
['src/Login.vue', `<template><form @submit.prevent="login"></form></template>
<script>
export default { name: 'Login', data: () => ({ form: { username: '', password: '' } }),
  methods: { async login() { const { data } = await this.$axios.post('/auth/local/signin', this.form); this.$store.commit('token', data.token); } } };
</script>`],
['src/api.ts', `import axios, { AxiosInstance } from 'axios';
export class AxeptioService {
  private http: AxiosInstance;
  private token?: string;
  constructor(private readonly baseUrl = process.env.AXEPTIO_API_URL ?? 'https://api.axept.io/v1') {
    this.http = axios.create({ baseURL: baseUrl });
  }
  async login() {
    const res = await this.http.post('/auth/local/signin', { username: process.env.AXEPTIO_USER, password: process.env.AXEPTIO_PASS });
    this.token = res.data.token;
  }
  async projects() { if (!this.token) await this.login(); return this.http.get('/app/projects', { headers: { Authorization: 'Bearer ' + this.token } }); }
}`],
['lib/keycloak.js', `const qs = require('querystring');
module.exports.getToken = async function getToken(user, pass) {
  const res = await fetch(process.env.KC_URL + '/realms/x/protocol/openid-connect/token', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: qs.stringify({ grant_type: 'password', client_id: 'cli', username: user, password: pass }) });
  return (await res.json()).access_token;
};`],
];
for (const [path, text] of cases) {
  const out = analyzeJavaScript({ path, text, kind: path.endsWith('.vue') ? 'vue' : path.endsWith('.ts') ? 'typescript' : 'javascript' });
  console.log('===', path, out.errors);
  for (const f of out.facts) if (['request', 'wrapper', 'binding', 'call'].includes(f.kind)) console.log(JSON.stringify(f).slice(0, 700));
}
