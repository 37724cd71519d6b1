const rp = require('request-promise-native');

module.exports.getToken = async function getToken() {
  const body = await rp.post({
    uri: 'https://api.axept.io/v1/auth/local/signin',
    body: { username: process.env.AXEPTIO_USERNAME, password: process.env.AXEPTIO_PASSWORD },
    json: true,
  });
  return body.token;
};
