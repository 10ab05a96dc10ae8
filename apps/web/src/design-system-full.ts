/**
 * Designsystemet's whole stylesheet, for the signed-in app and the pages outside the first load
 * (issue #19: the first load has only its components, first-load.css). Imported by each of them;
 * the build makes one stylesheet of it, loaded before such a page shows.
 */
import '@digdir/designsystemet-css';
