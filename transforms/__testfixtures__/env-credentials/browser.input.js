export const axeptioSettings = {
  user: process.env.AXEPTIO_USERNAME,
  onReady: () => document.body.classList.add('axeptio-ready'),
};
