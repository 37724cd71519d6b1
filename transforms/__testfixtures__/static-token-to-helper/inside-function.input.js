import axios from 'axios';

export function configureAxeptio(token) {
  axios.defaults.headers.common.Authorization = `Bearer ${process.env.AXEPTIO_TOKEN}`;
  axios.defaults.baseURL = 'https://api.axept.io/v1';
}
