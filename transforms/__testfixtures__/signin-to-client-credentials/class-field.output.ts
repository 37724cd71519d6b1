import axios, { AxiosInstance } from 'axios';
import { getAxeptioAccessToken } from './axeptio-token';

export class AxeptioClient {
  private token?: string;
  private readonly http: AxiosInstance;

  constructor(private readonly username: string, private readonly password: string) {
    this.http = axios.create({ baseURL: 'https://api.axept.io/v1' });
  }

  async login(): Promise<void> {
    this.token = await getAxeptioAccessToken();
  }

  async projects() {
    if (!this.token) await this.login();
    return this.http.get('/projects', { headers: { Authorization: `Bearer ${this.token}` } });
  }
}
