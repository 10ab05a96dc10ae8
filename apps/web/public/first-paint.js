// Which page index.html may show before the app's scripts have run (issue #19: a phone on a slow
// network sees the sign-in page as soon as the HTML and the stylesheet are there). The build draws
// the sign-in page into index.html in Swedish and in English (scripts/prerender-web.mjs); this
// small script, which runs before the page is drawn, picks the one the app itself will show, or
// none: a tab with a session (it opens the app, not the sign-in), a pending stronger sign-in, the
// pages without a session that are not the sign-in, or a language the app would not draw.
// styles.css shows only the chosen one; main.tsx hydrates it (or renders afresh when none).
// Same keys as api/client.ts, i18n.ts, strong-auth/StrongSignInNotice.tsx and App.tsx's paths.
(function () {
  var choice = 'none';
  try {
    var language = localStorage.getItem('samverkan.language');
    var signedIn = sessionStorage.getItem('samverkan.refresh') || sessionStorage.getItem('samverkan.strongAuth.returnTo');
    var otherPage = /^\/(invitation\/[^/]+|reset-password\/[^/]+|oidc\/callback|public|public\/promises\/[^/]+)\/?$/.test(location.pathname);
    if (!signedIn && !otherPage && (language === null || language === 'sv' || language === 'en')) choice = language || 'sv';
  } catch {
    // No storage (a browser that refuses it): the app decides once it runs.
  }
  var html = document.documentElement;
  html.setAttribute('data-first-paint', choice);
  // The drawn form is sent by the app's script, never by the browser (that would put the password
  // in the address): until React has taken over (main.tsx removes the mark) a submit is held, and
  // one made before the app's script ran is sent by the app once it has taken over.
  document.addEventListener(
    'submit',
    function (event) {
      var mark = html.getAttribute('data-first-paint');
      if (mark === null) return;
      event.preventDefault();
      if (mark !== 'app') window.samverkanHeldSubmit = event.target;
    },
    true,
  );
  // The page's language is the drawing's (i18n.ts keeps it so once the app runs).
  if (choice === 'en') html.lang = 'en';
})();
