// Starts the editor with config.yml, its local backend (used only on localhost, by `make edit`)
// being decap-server's API on this page's own origin: Decap needs that address absolute, and
// a static config.yml cannot know the port.
window.CMS_MANUAL_INIT = true;
window.addEventListener('DOMContentLoaded', () => {
  window.CMS.init({ config: { local_backend: { url: new URL('/api/v1', window.location.href).href } } });
});
