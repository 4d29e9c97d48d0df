// Through the Gate's Cockpit: our name, dates day first in England and Wales time (see
// ../england-and-wales-time.js), a link to the timeliness dashboard (scripts/timeliness.js). Replaces Camunda's (empty) config.js.
export default {
  app: {
    name: 'Cockpit',
    vendor: 'Through the Gate'
  },
  dateFormat: {
    monthName: 'MMMM',
    day: 'D',
    abbr: 'D MMM YYYY, HH:mm',
    normal: 'DD/MM/YYYY HH:mm:ss',
    long: 'dddd D MMMM YYYY, HH:mm',
    short: 'DD/MM/YYYY'
  },
  customScripts: ['../england-and-wales-time', 'scripts/timeliness']
};
