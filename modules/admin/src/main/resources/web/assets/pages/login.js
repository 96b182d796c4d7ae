import { api } from '../api.js';
import { h, field, errorBox, showError } from '../dom.js';
import { session, go } from '../app.js';

export async function render(view) {
  const username = h('input', { name: 'username', id: 'login-username', autocomplete: 'username', required: true, autofocus: true });
  const password = h('input', { name: 'password', id: 'login-password', type: 'password', autocomplete: 'current-password', required: true });
  const show = h('button', { type: 'button', class: 'link', 'aria-pressed': 'false', onclick: () => {
    const visible = password.type === 'password';
    password.type = visible ? 'text' : 'password';
    show.textContent = visible ? 'Hide password' : 'Show password';
    show.setAttribute('aria-pressed', String(visible));
  } }, 'Show password');
  const err = errorBox();
  err.id = 'login-error';
  const flash = h('div', { class: 'notice', id: 'login-flash', role: 'status' }, session.flash || null);
  session.flash = null;
  const submit = h('button', { type: 'submit', id: 'login-submit' }, 'Sign in');
  const form = h('form', { class: 'stack', onsubmit: async (ev) => {
    ev.preventDefault();
    showError(err, null);
    submit.disabled = true;
    try {
      const r = await api('POST', '/api/v1/auth/login', { username: username.value, password: password.value }, { allow401: true });
      session.user = r.user;   // the token stays in the HttpOnly cookie; the body's copy is dropped
      password.value = '';
      go('#/');
    } catch (e) {
      showError(err, e);
      password.select();
    } finally {
      submit.disabled = false;
    }
  } }, field('Username', username), field('Password', password), show, err, submit);
  view.append(h('div', { class: 'login panel' }, h('h1', {}, 'Sign in to BetweenRows'), flash, form));
}
