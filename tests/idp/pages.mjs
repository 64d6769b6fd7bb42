// Server-rendered pages of the test IdP: sign-in, sign-out confirmation, signed out, error.
// Plain HTML forms that work without JavaScript; no inline script (the only script is the
// optional /idp-assets/logout.js, see logoutPage). Finnish by default; Swedish or English when
// the app asks with ui_locales.
import { ACCOUNTS, DEMO_PASSWORD } from './accounts.mjs';

const TEXT = {
  fi: {
    title: 'Henkilöstön kirjautuminen',
    notice: 'Testi- ja demokäyttöön. Tämä ei ole kaupungin oikea kirjautumispalvelu.',
    lead: (client) => `Kirjaudu palveluun ${client}.`,
    username: 'Käyttäjätunnus',
    password: 'Salasana',
    signIn: 'Kirjaudu sisään',
    cancel: 'Peruuta',
    wrong: 'Väärä käyttäjätunnus tai salasana.',
    accounts: 'Demotunnukset',
    accountsLead: (password) => `Kaikkien tunnusten salasana on ${password}.`,
    noRoles: 'ei rooleja',
    signOutTitle: 'Kirjaudu ulos',
    signOutLead: (client) => `Kirjaudutaanko ulos palvelusta ${client} ja tästä tunnistuspalvelusta?`,
    signOut: 'Kirjaudu ulos',
    signedOutTitle: 'Olet kirjautunut ulos',
    signedOutLead: 'Voit sulkea tämän sivun.',
    errorTitle: 'Kirjautuminen ei onnistunut',
  },
  sv: {
    title: 'Inloggning för personal',
    notice: 'För test och demo. Detta är inte stadens riktiga inloggningstjänst.',
    lead: (client) => `Logga in i ${client}.`,
    username: 'Användarnamn',
    password: 'Lösenord',
    signIn: 'Logga in',
    cancel: 'Avbryt',
    wrong: 'Fel användarnamn eller lösenord.',
    accounts: 'Demokonton',
    accountsLead: (password) => `Alla konton har lösenordet ${password}.`,
    noRoles: 'inga roller',
    signOutTitle: 'Logga ut',
    signOutLead: (client) => `Vill du logga ut från ${client} och från denna inloggningstjänst?`,
    signOut: 'Logga ut',
    signedOutTitle: 'Du har loggat ut',
    signedOutLead: 'Du kan stänga den här sidan.',
    errorTitle: 'Inloggningen misslyckades',
  },
  en: {
    title: 'Staff sign-in',
    notice: 'For tests and demos. This is not the city’s real sign-in service.',
    lead: (client) => `Sign in to ${client}.`,
    username: 'Username',
    password: 'Password',
    signIn: 'Sign in',
    cancel: 'Cancel',
    wrong: 'Wrong username or password.',
    accounts: 'Demo accounts',
    accountsLead: (password) => `Every account has the password ${password}.`,
    noRoles: 'no roles',
    signOutTitle: 'Sign out',
    signOutLead: (client) => `Sign out of ${client} and of this sign-in service?`,
    signOut: 'Sign out',
    signedOutTitle: 'You have signed out',
    signedOutLead: 'You can close this page.',
    errorTitle: 'Sign-in failed',
  },
};

/** The first of the space-separated ui_locales that the pages speak, else Finnish. */
export function pickLanguage(uiLocales) {
  for (const tag of String(uiLocales ?? '').split(/\s+/)) {
    const lang = tag.toLowerCase().split('-')[0];
    if (lang in TEXT) return lang;
  }
  return 'fi';
}

export function escapeHtml(value) {
  return String(value ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const STYLE = `
  :root { color-scheme: light; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 1.125rem/1.5 system-ui, sans-serif; color: #1a1a1a; background: #f3f4f6; }
  main { max-width: 30rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
  .notice { margin: 0 0 1.5rem; padding: .75rem 1rem; background: #fff4ce; border-left: .375rem solid #8a6d00; }
  h1 { font-size: 1.75rem; line-height: 1.25; margin: 0 0 .5rem; }
  form { margin: 0; }
  label { display: block; font-weight: 600; margin: 1.25rem 0 .375rem; }
  input { display: block; width: 100%; min-height: 3rem; padding: .5rem .75rem; font: inherit;
    border: 2px solid #4b5563; border-radius: .375rem; background: #fff; color: inherit; }
  input[aria-invalid="true"] { border-color: #b00020; }
  button { display: block; width: 100%; min-height: 3rem; margin-top: 1.5rem; padding: .5rem 1rem;
    font: inherit; font-weight: 600; border-radius: .375rem; cursor: pointer;
    border: 2px solid #0b4f8a; background: #0b4f8a; color: #fff; }
  button.secondary { margin-top: .75rem; background: #fff; color: #0b4f8a; }
  :focus-visible { outline: 3px solid #1a1a1a; outline-offset: 2px; }
  .error { margin: 1rem 0 0; padding: .75rem 1rem; background: #fde8eb; border-left: .375rem solid #b00020;
    font-weight: 600; }
  details { margin-top: 2rem; }
  summary { cursor: pointer; padding: .75rem 0; font-weight: 600; }
  code { font-size: 1rem; }
  ul { padding-left: 1.25rem; }
`;

function page(lang, title, body, { script } = {}) {
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} – Osallistu</title>
<style>${STYLE}</style>
${script ? `<script src="${script}" defer></script>\n` : ''}</head>
<body>
<main>
<p class="notice">${escapeHtml(TEXT[lang].notice)}</p>
${body}
</main>
</body>
</html>
`;
}

/** The sign-in form; `error` true re-shows it after a wrong username or password. */
export function loginPage({ lang, uid, clientName, username = '', error = false }) {
  const t = TEXT[lang];
  const invalid = error ? ' aria-invalid="true" aria-describedby="login-error"' : '';
  const accounts = ACCOUNTS.map((a) => `<li><code>${escapeHtml(a.username)}</code> – ${escapeHtml(a.name)}
(${a.roles.length ? a.roles.map(escapeHtml).join(', ') : t.noRoles})</li>`).join('\n');
  return page(lang, t.title, `
<h1>${escapeHtml(t.title)}</h1>
<p>${escapeHtml(t.lead(clientName))}</p>
${error ? `<p class="error" id="login-error" role="alert">${escapeHtml(t.wrong)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}/login" novalidate>
<label for="username">${escapeHtml(t.username)}</label>
<input id="username" name="username" type="text" autocomplete="username" autocapitalize="none"
  spellcheck="false" required value="${escapeHtml(username)}"${invalid}${error ? '' : ' autofocus'}>
<label for="password">${escapeHtml(t.password)}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${invalid}${error ? ' autofocus' : ''}>
<button type="submit">${escapeHtml(t.signIn)}</button>
</form>
<form method="post" action="/interaction/${escapeHtml(uid)}/abort">
<button type="submit" class="secondary">${escapeHtml(t.cancel)}</button>
</form>
<details>
<summary>${escapeHtml(t.accounts)}</summary>
<p>${escapeHtml(t.accountsLead(DEMO_PASSWORD))}</p>
<ul>
${accounts}
</ul>
</details>
`);
}

/**
 * The sign-out confirmation around oidc-provider's form (id "op.logoutForm", carrying its xsrf
 * token). With `auto` (the request carried a valid id_token_hint for the signed-in account)
 * the external /idp-assets/logout.js submits it at once, so the app's sign-out needs no click;
 * without JavaScript, or without a matching hint, the person presses the button.
 */
export function logoutPage({ lang, clientName, form, auto }) {
  const t = TEXT[lang];
  return page(lang, t.signOutTitle, `
<h1>${escapeHtml(t.signOutTitle)}</h1>
<p>${escapeHtml(t.signOutLead(clientName))}</p>
${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes" id="logout-confirm"${auto ? ' data-auto-submit' : ''}>${escapeHtml(t.signOut)}</button>
`, { script: auto ? '/idp-assets/logout.js' : undefined });
}

/** Shown after sign-out when the app gave no post_logout_redirect_uri. */
export function signedOutPage({ lang }) {
  const t = TEXT[lang];
  return page(lang, t.signedOutTitle, `
<h1>${escapeHtml(t.signedOutTitle)}</h1>
<p>${escapeHtml(t.signedOutLead)}</p>
`);
}

/** An error the IdP cannot send back to the app (bad client, bad redirect URI, expired step). */
export function errorPage({ lang, error, description }) {
  const t = TEXT[lang];
  return page(lang, t.errorTitle, `
<h1>${escapeHtml(t.errorTitle)}</h1>
<p><code>${escapeHtml(error)}</code></p>
${description ? `<p>${escapeHtml(description)}</p>` : ''}
`);
}

/** The whole of /idp-assets/logout.js: submits the confirmation when the page asked for it. */
export const LOGOUT_SCRIPT = `document.addEventListener('DOMContentLoaded', function () {
  var button = document.querySelector('button[data-auto-submit]');
  var form = document.getElementById('op.logoutForm');
  if (button && form) form.requestSubmit(button);
});
`;
