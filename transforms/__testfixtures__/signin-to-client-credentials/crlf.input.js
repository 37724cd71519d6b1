const axios = require('axios');

// Windows-edited script: keeps CRLF.
async function main() {
  const res = await axios.post('https://api.axept.io/v1/auth/local/signin', {
    username: process.env.AXEPTIO_USERNAME,
    password: process.env.AXEPTIO_PASSWORD,
  });
  const token = res.data.token;
  const projects = await axios.get('https://api.axept.io/v1/projects', {
    headers: { Authorization: `Bearer ${token}` },
  });
  console.log(projects.data.length);
}

main();
