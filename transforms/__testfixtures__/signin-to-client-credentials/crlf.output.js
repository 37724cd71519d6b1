const axios = require('axios');
const { getAxeptioAccessToken } = require('./axeptio-token');

// Windows-edited script: keeps CRLF.
async function main() {
  const token = await getAxeptioAccessToken();
  const projects = await axios.get('https://api.axept.io/v1/projects', {
    headers: { Authorization: `Bearer ${token}` },
  });
  console.log(projects.data.length);
}

main();
