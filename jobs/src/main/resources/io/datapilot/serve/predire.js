// The prediction form without a page reload: the server answers the same POST with the same page;
// its form section and its result replace the current ones, and the focus moves to the result (or to
// the list of errors), whose aria-live region screen readers announce. Without this script the form
// works as a plain POST.
document.addEventListener('submit', async (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.closest('#formulaire')) {
    return;
  }
  event.preventDefault();
  const button = form.querySelector('button[type="submit"]');
  button.disabled = true;
  try {
    const response = await fetch(form.action, {
      method: 'POST',
      body: new URLSearchParams(new FormData(form)),
      headers: { 'Accept': 'text/html' },
      credentials: 'same-origin'
    });
    const page = new DOMParser().parseFromString(await response.text(), 'text/html');
    const section = page.querySelector('#formulaire');
    const result = page.querySelector('#resultat');
    if (!section || !result) {
      window.location.assign(form.action);
      return;
    }
    document.querySelector('#formulaire').replaceWith(document.importNode(section, true));
    document.querySelector('#resultat').innerHTML = result.innerHTML;
    const errors = document.querySelector('#erreurs');
    (errors || document.querySelector('#resultat')).focus();
  } finally {
    button.disabled = false;
  }
});
