module.exports = {
  axeptio: {
    // Credentials for the consent export job.
    user: process.env.AXEPTIO_CLIENT_ID,
    pass: process.env.AXEPTIO_CLIENT_SECRET,
  },
};
