module.exports = {
  axeptio: {
    // Credentials for the consent export job.
    user: process.env.AXEPTIO_USER,
    pass: process.env.AXEPTIO_PASS,
  },
};
