// What Tasklist does differently for practitioners. Loaded by config.js (customScripts) before
// Tasklist starts; plain DOM and URL work, no Camunda internals.

// 1. Soonest due first. Tasklist sorts a list by the "sorting" parameter of its address and, when
//    there is none, by creation date, whatever the filter says. A list opened without a sorting of
//    the person's own is sorted by due date, soonest first; a sorting they choose is kept.
const SOONEST_DUE = JSON.stringify([{ sortBy: 'dueDate', sortOrder: 'asc' }]);

function soonestDueUnlessChosen() {
  const hash = window.location.hash || '#/';
  const at = hash.indexOf('?');
  const route = at < 0 ? hash : hash.substring(0, at);
  if (route !== '#/' && route !== '#') {
    return;
  }
  const query = new URLSearchParams(at < 0 ? '' : hash.substring(at + 1));
  if (query.has('sorting')) {
    return;
  }
  query.set('sorting', SOONEST_DUE);
  window.history.replaceState(window.history.state, '', '#/?' + query.toString());
}
soonestDueUnlessChosen();
window.addEventListener('hashchange', soonestDueUnlessChosen);

// 2. A started journey is confirmed with its case reference, and the confirmation stays until it
//    is closed (Tasklist's own "The process has been started." names nothing and goes in 3 s).
function confirmStarted(instance) {
  const panel = document.querySelector('.page-notifications');
  if (!panel || !instance || !instance.businessKey) {
    return;
  }
  const notice = document.createElement('div');
  notice.className = 'alert alert-success ttg-started';
  notice.setAttribute('role', 'status');
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'close';
  close.setAttribute('aria-label', 'Close');
  close.textContent = '\u00d7';
  close.addEventListener('click', () => notice.remove());
  const text = document.createElement('span');
  text.textContent = 'Journey started for case ' + instance.businessKey
    + '. Its first task is with the home YOT; the journey is listed under this case reference.';
  notice.append(close, text);
  panel.prepend(notice);
}

const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url) {
  if (method === 'POST' && /\/process-definition\/[^/]+(\/[^/]+)?\/submit-form$/.test(String(url).split('?')[0])) {
    this.addEventListener('load', () => {
      if (this.status === 200) {
        try {
          confirmStarted(JSON.parse(this.responseText));
        } catch (notJson) {
          // nothing to confirm with
        }
      }
    });
  }
  return open.apply(this, arguments);
};

// 3. A form Tasklist will not send says why in words: "An error happened while submitting the task
//    form" is what Tasklist says both for answers the form itself refuses (marked under each field)
//    and for a refusal from the service (its message follows).
const VAGUE = 'An error happened while submitting the task form';
function plainRefusals(root) {
  root.querySelectorAll('.alert-danger .status').forEach((status) => {
    if (status.textContent.trim() !== VAGUE) {
      return;
    }
    const message = status.parentElement.querySelector('.message');
    status.textContent = message && message.textContent.trim()
      ? 'Not completed'
      : 'Not completed: some answers are missing or not valid. See the fields marked in red.';
  });
}
// 4. Dates shown in a form's text and in the list's columns are spelt out ("7 December 2026"):
//    the variables hold ISO dates (2026-12-07), which a person may read either way round. Only
//    text is changed, never what an input holds or what is sent.
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];
const SHOWN = '.fjs-form-field-text, [cam-tasklist-variables]';

function spelt(text) {
  return text.replace(ISO_DATE, (iso, year, month, day) => {
    const name = MONTHS[Number(month) - 1];
    return name && Number(day) >= 1 && Number(day) <= 31 ? Number(day) + ' ' + name + ' ' + year : iso;
  });
}

function spellDates(root) {
  root.querySelectorAll(SHOWN).forEach((shown) => {
    const walker = document.createTreeWalker(shown, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      ISO_DATE.lastIndex = 0;
      if (ISO_DATE.test(node.nodeValue)) {
        node.nodeValue = spelt(node.nodeValue);
      }
    }
  });
}

// 5. The pencil beside a filter opens it for editing; only people who may make filters (process
//    owners, administrators) see it. Asked once logged in: may this person create filters?
let filterRightsKnown = false;
function filterEditingFor(person) {
  if (filterRightsKnown) {
    return;
  }
  const root = (document.querySelector('base') || document.documentElement).getAttribute('app-root') || '/camunda';
  fetch(root + '/api/engine/engine/default/filter', {
    method: 'OPTIONS', credentials: 'same-origin', headers: { Accept: 'application/json' }
  }).then((answer) => (answer.ok ? answer.json() : null)).then((rights) => {
    if (!rights || filterRightsKnown) {
      return;
    }
    filterRightsKnown = true;
    const mayEdit = (rights.links || []).some((link) => link.rel === 'create');
    document.documentElement.classList.add(mayEdit ? 'ttg-filter-editing' : 'ttg-no-filter-editing');
  }).catch(() => {});
}

new MutationObserver(() => {
  if (!filterRightsKnown && document.querySelector('[cam-tasklist-filters]')) {
    filterEditingFor();
  }
  plainRefusals(document);
  spellDates(document);
}).observe(document.documentElement, {
  childList: true,
  subtree: true,
  characterData: true
});

export default [];
