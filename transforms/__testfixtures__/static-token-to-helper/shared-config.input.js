import axios from 'axios';

const axeptioRequestConfig = {
  baseURL: 'https://api.axept.io/v1',
  headers: { Authorization: `Bearer ${process.env.AXEPTIO_TOKEN}` },
};

export const projects = () => axios.get('/projects', axeptioRequestConfig);
