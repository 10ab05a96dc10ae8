/**
 * What the first load needs of @digdir/designsystemet-web, Designsystemet's custom elements
 * (issue #19: a small first load on a phone). Vite resolves the package's name to this file
 * (vite.config.ts), so Designsystemet's React components get the elements of fields, details,
 * dialogs, error summaries and the like at once; the ones that bring floating UI and comboboxes
 * (popover, tooltip, suggestion, tabs) come with the signed-in app, which imports the whole package
 * (Shell.tsx). The package registers each element only once, whichever import comes first.
 */
import '@digdir/designsystemet-web/esm/breadcrumbs/breadcrumbs.js';
import '@digdir/designsystemet-web/esm/clickdelegatefor/clickdelegatefor.js';
import '@digdir/designsystemet-web/esm/details/details.js';
import '@digdir/designsystemet-web/esm/dialog/dialog.js';
import '@digdir/designsystemet-web/esm/error-summary/error-summary.js';
import '@digdir/designsystemet-web/esm/field/field.js';
import '@digdir/designsystemet-web/esm/fieldset/fieldset.js';
import '@digdir/designsystemet-web/esm/focusgroup/focusgroup.js';
import '@digdir/designsystemet-web/esm/invokers/invokers.js';
import '@digdir/designsystemet-web/esm/readonly/readonly.js';
import '@digdir/designsystemet-web/esm/toggle-group/toggle-group.js';

export { pagination } from '@digdir/designsystemet-web/esm/pagination/pagination.js';
