const express = require('express');
const axios = require('axios');

const app = express();
app.use(express.json());

// Back-office users sign in with their own Axeptio account.
app.post('/login', async (req, res) => {
  const response = await axios.post('https://api.axept.io/v1/auth/local/signin', {
    username: req.body.username,
    password: req.body.password,
  });
  res.json({ token: response.data.token });
});

module.exports = app;
