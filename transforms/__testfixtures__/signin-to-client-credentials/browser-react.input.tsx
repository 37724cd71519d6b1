import React, { useState } from 'react';
import axios from 'axios';

export function AxeptioLogin() {
  const [token, setToken] = useState<string>();
  const connect = async () => {
    const res = await axios.post('https://api.axept.io/v1/auth/local/signin', {
      username: process.env.REACT_APP_AXEPTIO_USERNAME,
      password: process.env.REACT_APP_AXEPTIO_PASSWORD,
    });
    setToken(res.data.token);
  };
  return <button onClick={connect}>{token ? 'Connected' : 'Connect to Axeptio'}</button>;
}
