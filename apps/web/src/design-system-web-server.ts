/**
 * Designsystemet's custom elements at build time in Node (src/prerender.tsx): there is no DOM to
 * define them in, and the HTML drawn there only names them; the browser defines them when the
 * page's scripts run (src/design-system-web.ts).
 */
export const pagination = () => undefined;
