import axios, { AxiosInstance } from 'axios';

export class AxeptioClient {
  private token?: string;
  private readonly http: AxiosInstance;

  constructor(private readonly username: string, private readonly password: string) {
    this.http = axios.create({ baseURL: 'https://api.axept.io/v1' });
  }

  async login(): Promise<void> {
    const res = await this.http.post('/auth/local/signin', {
      username: this.username,
      password: this.password,
    });
    this.token = res.data.token;
  }

  async projects() {
    if (!this.token) await this.login();
    return this.http.get('/projects', { headers: { Authorization: `Bearer ${this.token}` } });
  }
}
