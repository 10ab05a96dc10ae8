// The files of @digdir/designsystemet-web imported one by one (design-system-web.ts, Shell.tsx); vite.config.ts maps the path.
declare module '@digdir/designsystemet-web/esm/*';
