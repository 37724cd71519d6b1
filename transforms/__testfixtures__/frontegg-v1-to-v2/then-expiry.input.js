import axios from 'axios';

export class AxeptioAuth {
  async refresh() {
    const { data } = await axios.post('https://axeptio.frontegg.com/identity/resources/auth/v1/api-token', {
      clientId: process.env.AXEPTIO_CLIENT_ID,
      secret: process.env.AXEPTIO_CLIENT_SECRET,
    });
    this.session = { token: data.accessToken, expiresAt: Date.now() + data.expiresIn * 1000 };
  }
}
