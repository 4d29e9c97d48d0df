// Through the Gate's Tasklist: our name, dates day first in England and Wales time (see
// ../england-and-wales-time.js), and our script (see through-the-gate.js).
// This file replaces Camunda's own config.js (same path in the webjar); the shortcuts are Camunda's.
export default {
  app: {
    name: 'Tasklist',
    vendor: 'Through the Gate'
  },
  // moment.js formats. Dates are read day first in England and Wales: 07/12/2026 is 7 December.
  dateFormat: {
    monthName: 'MMMM',
    day: 'D',
    abbr: 'D MMM YYYY, HH:mm',
    normal: 'DD/MM/YYYY HH:mm',
    long: 'dddd D MMMM YYYY, HH:mm',
    short: 'DD/MM/YYYY'
  },
  customScripts: ['../england-and-wales-time', 'scripts/through-the-gate'],
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
